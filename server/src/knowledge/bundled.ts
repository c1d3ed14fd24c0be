/**
 * The knowledge base that ships with the extension: every `*.yaml` under `server/data/`, plus the
 * stricter checks the bundled data must pass (`scripts/kb-check.ts`, unit tests).
 *
 * A cold `yaml` parse of the whole data set costs 30–60 ms at server start, so `snapshot.jsonl`
 * beside the data holds the parsed files (written by `kb-check --write`). Each file carries a hash
 * of its YAML text: an edited file no longer matches and is parsed again, so a stale snapshot only
 * costs time, never correctness. The snapshot also carries every name and alias folded, so that
 * start-up folds none of them (the alias index and the recognizers fold each name), and is written
 * as ASCII (other characters escaped), which reads and parses faster than UTF-8 text with a few
 * thousand Hangul syllables in it. The entities' hover text is on its second line, read on first
 * need (`facts.ts`).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createKnowledgeBase } from './knowledgeBase';
import { FOLD_PROBE, foldName, forgetFolded } from './normalize';
import { parseKnowledgeFile } from './parse';
import { shownFacts } from './sourcePolicy';
import { type EntityFacts, ensureFacts, splitFacts } from './facts';
import { fileOfSnapshot, knowledgeOfSnapshot, readSnapshotText, SNAPSHOT_FILE, SNAPSHOT_VERSION, type Snapshot, type SnapshotFile, snapshotText } from './snapshot';
import type { Entity, KnowledgeBase, KnowledgeFile, KnowledgeProblem } from './types';

export { SNAPSHOT_FILE } from './snapshot';

type Range = KnowledgeProblem['range'];

/**
 * The bundled knowledge, in file-name order. Synchronous: it runs once at start. From the snapshot
 * alone when there is one (`kb:check`, in `npm test`, fails on a stale one); `{ fresh: true }`
 * reads every `*.yaml` and uses the snapshot only where it is current; `{ ranges: true }` parses
 * every file for its field ranges, which the snapshot leaves out (`kb:check` reports at them).
 */
export function loadBundledKnowledge(dataDir: string, options: { ranges?: boolean; fresh?: boolean } = {}): KnowledgeFile[] {
  const snapshot = options.ranges ? undefined : readSnapshot(dataDir)?.files;
  if (snapshot && !options.fresh) {
    const uriOf = dataFileUris(dataDir);
    return [...snapshot.values()].map((s) => fileOfSnapshot(uriOf(s.name), s));
  }
  return dataFiles(dataDir).map(({ name, uri, text }) => {
    const cached = snapshot?.get(name);
    if (cached && cached.hash === hashText(text)) return fileOfSnapshot(uri, cached);
    return parseKnowledgeFile(uri, text, { bundled: true });
  });
}

/**
 * The bundled knowledge base and its files. From a current snapshot of files that merged cleanly,
 * the merge is not run again (the precompiled path the server takes at start); otherwise, or with
 * `{ fresh: true }`, the files are merged as any others.
 */
export function loadBundledKnowledgeBase(dataDir: string, options: { fresh?: boolean } = {}): { files: KnowledgeFile[]; kb: KnowledgeBase } {
  const snapshot = options.fresh ? undefined : readSnapshot(dataDir)?.snapshot;
  if (snapshot?.merged) return knowledgeOfSnapshot(snapshot, dataFileUris(dataDir));
  const files = loadBundledKnowledge(dataDir, options);
  return { files, kb: createKnowledgeBase(files, 1) };
}

/**
 * The snapshot of `dataDir` as JSON text, parsed from the YAML (never from an older snapshot).
 * When the files merge without a problem and define each id once, it holds each entity in its
 * merged form, so that loading it needs no merge; and each file's names folded, so that loading
 * it folds none (see `rememberFolded`).
 */
export function createBundledSnapshot(dataDir: string): string {
  // Fold every name afresh: `kb:check` compares this with the snapshot on disk, whose folds
  // `readSnapshot` remembered, so a change of the folding must not be hidden by them.
  forgetFolded();
  const parsed = dataFiles(dataDir).map((f) => ({ ...f, file: parseKnowledgeFile(f.uri, f.text, { bundled: true }) }));
  const kb = createKnowledgeBase(parsed.map((p) => p.file), 1);
  const ids = parsed.flatMap((p) => p.file.entities.map((e) => e.id));
  const clean = kb.problems.length === 0 && new Set(ids).size === ids.length;
  const facts: EntityFacts[][] = [];
  const files = parsed.map(({ name, text, file }): SnapshotFile => {
    const split = file.entities.map((e) => splitFacts(clean ? (kb.get(e.id) ?? e) : e));
    facts.push(split.map((s) => s.facts));
    const entities = split.map((s) => s.names);
    return {
      name,
      hash: hashText(text),
      entities,
      origins: [...file.origins].map(([id, o]) => [id, { line: o.line, character: o.character }]),
      problems: file.problems.map(({ range, code, message }) => ({ range, code, message })),
      ignore: file.ignore,
      folded: entities.flatMap((e) => [e.name, ...e.aliases].map(foldName)),
    };
  });
  const comment = 'Generated by `npx tsx scripts/kb-check.ts --write` from the *.yaml files here. Do not edit.';
  const snapshot: Snapshot = { $comment: comment, version: SNAPSHOT_VERSION, files, ...(clean ? { merged: true } : {}), foldProbe: FOLD_PROBE.map(foldName) };
  return snapshotText(snapshot, { facts });
}

/**
 * Names of the data files the snapshot is out of date for; `[SNAPSHOT_FILE]` when there is none,
 * or when it differs from what `createBundledSnapshot` writes now (the merge or parser changed).
 */
export function staleSnapshotFiles(dataDir: string): string[] {
  const snapshot = readSnapshot(dataDir);
  if (!snapshot) return [SNAPSHOT_FILE];
  const stale = dataFiles(dataDir)
    .filter(({ name, text }) => snapshot.files.get(name)?.hash !== hashText(text))
    .map(({ name }) => name);
  if (stale.length > 0) return stale;
  return readFileSync(join(dataDir, SNAPSHOT_FILE), 'utf8') === createBundledSnapshot(dataDir) ? [] : [SNAPSHOT_FILE];
}

/**
 * What bundled data needs beyond a valid file: each id defined in one file only, at least one
 * source and an `asOf` date on every entity, `unverified` naming fields the entry has, and family
 * `members` agreeing with the members' `family`. Schema, alias and reference problems are in `kb.problems`.
 */
export function checkBundledKnowledge(files: readonly KnowledgeFile[], kb: KnowledgeBase): KnowledgeProblem[] {
  ensureFacts();
  const problems: KnowledgeProblem[] = [];
  const definedIn = new Map<string, string>();
  for (const file of files) {
    for (const entity of file.entities) {
      const origin = file.origins.get(entity.id);
      const ranges = file.fieldRanges?.get(entity.id);
      const point = { line: origin?.line ?? 0, character: origin?.character ?? 0 };
      const idRange = ranges?.get('id') ?? { start: point, end: point };
      const at = (path: string) => ranges?.get(path) ?? idRange;
      const problem = (range: Range, message: string) => problems.push({ uri: file.uri, range, code: 'knowledge.invalid', message });

      const first = definedIn.get(entity.id);
      if (first !== undefined) problem(idRange, `Unexpected duplicate id \`${entity.id}\`, expected an id defined once in the bundled data (also in ${first.slice(first.lastIndexOf('/') + 1)})`);
      else definedIn.set(entity.id, file.uri);

      // A name kept only so that it is not read as another (`Solar Pro 3`, not `Solar Pro`) may lack
      // sources when every fact it states is marked unverified.
      const unsourced = shownFacts(entity).filter((f) => !entity.unverified?.includes(f));
      if (entity.sources.length === 0 && (unsourced.length > 0 || entity.kind === 'organization')) problem(idRange, `Missing field \`sources\` in \`${entity.id}\`, expected at least one source URL`);
      if (!entity.asOf) problem(idRange, `Missing field \`asOf\` in \`${entity.id}\`, expected the date the facts were checked`);
      (entity.unverified ?? []).forEach((field, i) => {
        if ((entity as unknown as Record<string, unknown>)[field] === undefined) {
          problem(at(`unverified[${i}]`), `Unexpected \`${field}\` in \`unverified\` of \`${entity.id}\`, expected a field the entry sets`);
        }
      });
      if (entity.kind === 'family') {
        (entity.members ?? []).forEach((memberId, i) => {
          const member = kb.get(memberId);
          if (member?.kind === 'model' && member.family !== entity.id) {
            problem(at(`members[${i}]`), `Unexpected member \`${memberId}\` of \`${entity.id}\`, expected its \`family\` to be \`${entity.id}\``);
          }
        });
      }
    }
  }
  return problems;
}

function dataFiles(dataDir: string): { name: string; uri: string; text: string }[] {
  return readdirSync(dataDir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => {
      const path = join(dataDir, name);
      return { name, uri: pathToFileURL(path).href, text: readFileSync(path, 'utf8') };
    });
}

function readSnapshot(dataDir: string): { snapshot: Snapshot; files: Map<string, SnapshotFile> } | undefined {
  const path = join(dataDir, SNAPSHOT_FILE);
  if (!existsSync(path)) return undefined;
  try {
    // `createBundledSnapshot` writes ASCII alone (and `kb:check` rejects any other file): decoded
    // byte for byte, which costs a copy, not UTF-8 decoding into a two-byte string.
    const snapshot = readSnapshotText(readFileSync(path, 'latin1'));
    if (!snapshot) return undefined;
    return { snapshot, files: new Map(snapshot.files.map((f) => [f.name, f])) };
  } catch {
    return undefined; // an unreadable snapshot only means parsing the YAML
  }
}

/** The `file:` URI of a data file by its name: `pathToFileURL` once per directory, not once per file (a name of plain characters needs no escaping). */
function dataFileUris(dataDir: string): (name: string) => string {
  const base = pathToFileURL(join(dataDir, SNAPSHOT_FILE)).href.slice(0, -SNAPSHOT_FILE.length);
  return (name) => (/^[A-Za-z0-9._-]+$/.test(name) ? base + name : pathToFileURL(join(dataDir, name)).href);
}

/** Enough to notice an edited file; `node:crypto` hashes 50 KB in well under a millisecond. */
function hashText(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}
