/**
 * The bundled knowledge base from `snapshot.jsonl` alone, for the web worker: no file system, no
 * YAML. The snapshot's format is `knowledge/snapshot.ts`, which the Node server's loader shares;
 * a unit test checks that both give the same knowledge base.
 */
import { knowledgeOfSnapshot, readSnapshotText, SNAPSHOT_VERSION, type Snapshot } from '../knowledge/snapshot';
import type { KnowledgeBase, KnowledgeFile } from '../knowledge/types';

/** Decompresses the gzip bytes of the bundled snapshot (`DecompressionStream`, in browsers and Node). */
export async function gunzipText(base64: string): Promise<string> {
  const stream = new Blob([fromBase64(base64)]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}

/** A plain loop: several times faster than `Uint8Array.from` with a mapping function. */
function fromBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * The knowledge base of a snapshot's text; each file's URI is `dataDir` + its name (the
 * extension's `server/data/`, so that go-to-definition opens the bundled file).
 */
export function knowledgeOfSnapshotText(text: string, dataDir: string): { files: KnowledgeFile[]; kb: KnowledgeBase } {
  return knowledgeOfBundledSnapshot(readBundledSnapshot(text), dataDir);
}

/** The snapshot of `text` (most of the loading: the worker reads it before the client's `initialize`, which names `dataDir`). */
export function readBundledSnapshot(text: string): Snapshot {
  const snapshot = readSnapshotText(text);
  if (!snapshot) throw new Error(`Unexpected bundled snapshot without \`files\` of version ${SNAPSHOT_VERSION}, expected the output of kb-check --write`);
  return snapshot;
}

/** The knowledge base of a read snapshot, its files at `dataDir` + their names. */
export function knowledgeOfBundledSnapshot(snapshot: Snapshot, dataDir: string): { files: KnowledgeFile[]; kb: KnowledgeBase } {
  const base = dataDir.endsWith('/') ? dataDir : `${dataDir}/`;
  return knowledgeOfSnapshot(snapshot, (name) => `${base}${name}`);
}
