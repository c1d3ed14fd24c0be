/**
 * The bundled snapshot's format (`server/data/snapshot.json`, written by `kb-check --write`): its
 * shape, its version, and how its text becomes knowledge files and a knowledge base. No file
 * system here: the Node server reads the text from disk (`bundled.ts`), the web worker from its
 * bundle (`browser/bundledKnowledge.ts`).
 */
import { createKnowledgeBase, knowledgeBaseOfMerged } from './knowledgeBase';
import { FOLD_PROBE, foldName, rememberFolded } from './normalize';
import type { Entity, EntityOrigin, KnowledgeBase, KnowledgeFile, KnowledgeProblem } from './types';

export const SNAPSHOT_FILE = 'snapshot.json';
/**
 * Bumped when the parsed shape changes (2: sources as objects, products; 3: no field ranges;
 * 4: merged entities and the merge's name table; 5: merged entities only; 6: folded names, ASCII),
 * so an older snapshot is ignored.
 */
export const SNAPSHOT_VERSION = 6;

export interface SnapshotFile {
  name: string;
  hash: string;
  entities: Entity[];
  origins: [string, { line: number; character: number }][];
  problems: { range: KnowledgeProblem['range']; code: string; message: string }[];
  ignore: string[];
  /** `foldName` of each entity's name, then of each of its aliases, entity after entity. */
  folded: string[];
}

export interface Snapshot {
  $comment: string;
  version: typeof SNAPSHOT_VERSION;
  files: SnapshotFile[];
  /**
   * True when the files merged without a problem and each entity is in its merged form: the
   * server then builds the knowledge base without merging again (`knowledgeBaseOfMerged`).
   */
  merged?: boolean;
  /** `FOLD_PROBE` folded when the snapshot was written: its `folded` names are used only while the folding still agrees. */
  foldProbe: string[];
}

/**
 * The snapshot in `text`, its folded names remembered (see `rememberFolded`); undefined for a
 * snapshot of another version or shape.
 */
export function readSnapshotText(text: string): Snapshot | undefined {
  const snapshot = JSON.parse(text) as Snapshot;
  if (snapshot.version !== SNAPSHOT_VERSION || !Array.isArray(snapshot.files)) return undefined;
  if (foldsAgree(snapshot.foldProbe)) for (const file of snapshot.files) rememberFolds(file);
  return snapshot;
}

/** The knowledge files of a snapshot, each at `uriOf(name)`, and their knowledge base (merged again only if the snapshot is not). */
export function knowledgeOfSnapshot(snapshot: Snapshot, uriOf: (name: string) => string): { files: KnowledgeFile[]; kb: KnowledgeBase } {
  const files = snapshot.files.map((s) => fileOfSnapshot(uriOf(s.name), s));
  return { files, kb: snapshot.merged === true ? knowledgeBaseOfMerged(files, 1) : createKnowledgeBase(files, 1) };
}

export function fileOfSnapshot(uri: string, s: SnapshotFile): KnowledgeFile {
  const origins = new Map<string, EntityOrigin>();
  for (let i = 0; i < s.origins.length; i++) {
    const [id, o] = s.origins[i];
    origins.set(id, { uri, line: o.line, character: o.character, bundled: true });
  }
  return {
    uri,
    entities: s.entities,
    origins,
    problems: s.problems.map((p) => ({ uri, ...p })),
    ignore: s.ignore,
  };
}

/** Whether `foldName` folds `FOLD_PROBE` as it did when the snapshot was written. */
function foldsAgree(probe: readonly string[] | undefined): boolean {
  return Array.isArray(probe) && probe.length === FOLD_PROBE.length && FOLD_PROBE.every((name, i) => foldName(name) === probe[i]);
}

/** Remembers the folded names of a snapshot's file, when there is one for each name. */
function rememberFolds(s: SnapshotFile): void {
  const { entities, folded } = s;
  if (!Array.isArray(folded)) return;
  let count = 0;
  for (let i = 0; i < entities.length; i++) count += 1 + entities[i].aliases.length;
  if (count === folded.length) rememberFolded(entities, folded);
}
