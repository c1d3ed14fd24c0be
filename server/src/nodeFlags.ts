/**
 * The Node flags the language server runs with: the client's fork (`client/src/nodeHost.ts`), the
 * protocol tests' and the bench's spawns. V8 reads them at start-up only (`v8.setFlagsFromString`
 * later leaves the young generation's size as it was: measured, #19).
 *
 * - `--max-semi-space-size=8`: a young generation of two 8 MB semi-spaces instead of V8's 16 MB.
 *   Loading the knowledge grows it to 8 MB; a large note's analysis grew it to 16 MB, and V8 gives
 *   that back only after seconds of idling: 17 MB of the five open notes' memory (bench/rss.ts).
 * - `--no-allocation-site-pretenuring`: with the smaller young generation, V8 judged the sites that
 *   make mentions and prose ranges long-lived from a few notes whose objects survived, and then
 *   allocated every note's in the old generation, garbage there until the next full collection
 *   (indexing 1,000 notes ended with 56 MB of old space instead of 20, in one process).
 *
 * Analysis time stays within the bench's noise (the 1 MB notes' median 137 vs 140 ms, 190 vs 183 ms);
 * the collector's share of it goes from 6-7 % to 11-14 %.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8', '--no-allocation-site-pretenuring'];
