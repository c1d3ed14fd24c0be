/**
 * The bundled knowledge inside the browser server's bundle: esbuild.mjs provides this module
 * (there is no file system in a web worker to read `server/data/` from).
 */
declare module 'research-notes:bundled-data' {
  /** `server/data/snapshot.jsonl`, gzip-compressed, in base64. */
  export const snapshotGzipBase64: string;
  /** `server/data/official-sources.json`, parsed. */
  export const officialSources: unknown;
}
