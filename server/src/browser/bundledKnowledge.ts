/**
 * The bundled knowledge base from `snapshot.json` alone, for the web worker: no file system, no
 * YAML. The Node server reads the same snapshot through `knowledge/bundled.ts`; a unit test
 * checks that both give the same knowledge base.
 */
import { createKnowledgeBase, knowledgeBaseOfMerged } from '../knowledge/knowledgeBase';
import type { Entity, KnowledgeBase, KnowledgeFile, KnowledgeProblem } from '../knowledge/types';

/** One data file in the snapshot (the fields this loader reads). */
interface SnapshotFile {
  name: string;
  entities: Entity[];
  origins: [string, { line: number; character: number }][];
  problems: { range: KnowledgeProblem['range']; code: string; message: string }[];
  ignore: string[];
}

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
export function knowledgeOfSnapshot(text: string, dataDir: string): { files: KnowledgeFile[]; kb: KnowledgeBase } {
  const snapshot = JSON.parse(text) as { files?: SnapshotFile[]; merged?: boolean };
  if (!Array.isArray(snapshot.files)) throw new Error('Unexpected bundled snapshot without `files`, expected the output of kb-check --write');
  const base = dataDir.endsWith('/') ? dataDir : `${dataDir}/`;
  const files = snapshot.files.map((s) => knowledgeFile(`${base}${s.name}`, s));
  return { files, kb: snapshot.merged === true ? knowledgeBaseOfMerged(files, 1) : createKnowledgeBase(files, 1) };
}

function knowledgeFile(uri: string, s: SnapshotFile): KnowledgeFile {
  return {
    uri,
    entities: s.entities,
    origins: new Map(s.origins.map(([id, o]) => [id, { uri, line: o.line, character: o.character, bundled: true }])),
    problems: s.problems.map((p) => ({ uri, ...p })),
    ignore: s.ignore,
  };
}
