/**
 * The bundled snapshot's format (`server/data/snapshot.jsonl`, written by `kb-check --write`): its
 * shape, its version, and how its text becomes knowledge files and a knowledge base. No file
 * system here: the Node server reads the text from disk (`bundled.ts`), the web worker from its
 * bundle (`browser/bundledKnowledge.ts`).
 *
 * Two lines of JSON: the first is everything but the entities' hover text (a `Snapshot`), which
 * start-up parses; the second is that text (`SnapshotFacts`: sources, notes, architecture notes,
 * half of the bytes), parsed when a feature first needs it (`facts.ts`).
 */
import { deferFacts, type EntityFacts, setFacts } from './facts';
import { createKnowledgeBase, knowledgeBaseOfMerged } from './knowledgeBase';
import { FOLD_PROBE, foldName, rememberFolded } from './normalize';
import type { Entity, EntityOrigin, KnowledgeBase, KnowledgeFile, KnowledgeProblem } from './types';

export const SNAPSHOT_FILE = 'snapshot.jsonl';
/**
 * Bumped when the parsed shape changes (2: sources as objects, products; 3: no field ranges;
 * 4: merged entities and the merge's name table; 5: merged entities only; 6: folded names, ASCII;
 * 7: the hover text on a second line), so an older snapshot is ignored.
 */
export const SNAPSHOT_VERSION = 7;

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

/** The snapshot's second line: the facts `facts.ts` defers, file by file, entity by entity, in the first line's order. */
export interface SnapshotFacts {
  facts: EntityFacts[][];
}

/**
 * The snapshot in `text`, its folded names remembered (see `rememberFolded`), its entities' facts
 * deferred to their first use; undefined for a snapshot of another version or shape.
 */
export function readSnapshotText(text: string): Snapshot | undefined {
  const end = text.indexOf('\n');
  const snapshot = JSON.parse(end < 0 ? text : text.slice(0, end)) as Snapshot;
  if (snapshot.version !== SNAPSHOT_VERSION || !Array.isArray(snapshot.files)) return undefined;
  if (foldsAgree(snapshot.foldProbe)) for (const file of snapshot.files) rememberFolds(file);
  const factsText = end < 0 ? '' : text.slice(end + 1);
  deferFacts(() => fillFacts(snapshot.files, factsText));
  return snapshot;
}

/** The snapshot's text: its first line, then the facts it leaves out (see `SnapshotFacts`). */
export function snapshotText(snapshot: Snapshot, facts: SnapshotFacts): string {
  return `${asciiJson(snapshot)}\n${asciiJson(facts)}\n`;
}

/** JSON as ASCII: `\uXXXX` for every other UTF-16 unit (`JSON.stringify` escapes lone surrogates already), which reads faster than UTF-8. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Gives each entity of `files` its facts from the second line; none (no sources) if that line is unreadable. */
function fillFacts(files: readonly SnapshotFile[], factsText: string): void {
  let facts: unknown;
  try {
    facts = (JSON.parse(factsText) as Partial<SnapshotFacts> | null)?.facts;
  } catch {
    // A damaged second line costs the hovers their sources, never the session (stderr: the server's log).
  }
  if (!Array.isArray(facts)) console.error(`Research Notes: the hover text of the bundled ${SNAPSHOT_FILE} is unreadable; hovers show no sources`);
  const byFile = Array.isArray(facts) ? (facts as unknown[]) : [];
  files.forEach((file, f) => {
    const ofFile = Array.isArray(byFile[f]) ? (byFile[f] as (EntityFacts | undefined)[]) : [];
    file.entities.forEach((entity, i) => setFacts(entity, ofFile[i]));
  });
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
