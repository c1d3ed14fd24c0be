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
 * - `--v8-pool-size=2`: two V8 worker threads instead of four. Each thread that compiles optimized
 *   code frees its compiler's memory into an allocator arena of its own, which keeps it: with four,
 *   the arenas held 16 MB once the five notes were analysed, with two 8 MB (`--no-concurrent-recompilation`,
 *   which keeps them empty, slowed a 1 MB note's first analysis from 0.56 to 0.84 s).
 *
 * Analysis time stays within the bench's noise, with #19's cuts in what analysis allocates: medians
 * of five processes on 2 cores, 1 MB notes 145 -> 138 ms (clean) and 175 -> 174 ms (noisy) against
 * the code before #19 without flags, though the collector's share of it grows (8-13 % -> 14-15 %).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8', '--no-allocation-site-pretenuring', '--v8-pool-size=2'];
