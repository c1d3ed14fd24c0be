/**
 * The knowledge base that ships with the extension: every `*.yaml` under `server/data/`, plus the
 * stricter checks the bundled data must pass (`scripts/kb-check.ts`, unit tests).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseKnowledgeFile } from './parse';
import type { KnowledgeBase, KnowledgeFile, KnowledgeProblem } from './types';

/** Reads and parses every `*.yaml` in `dataDir`, in file-name order. Synchronous: it runs once at start. */
export function loadBundledKnowledge(dataDir: string): KnowledgeFile[] {
  return readdirSync(dataDir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => {
      const path = join(dataDir, name);
      return parseKnowledgeFile(pathToFileURL(path).href, readFileSync(path, 'utf8'), { bundled: true });
    });
}

/**
 * What bundled data needs beyond a valid file: each id defined in one file only, at least one
 * source and an `asOf` date on every entity, `unverified` naming fields the entry has, and family
 * `members` agreeing with the members' `family`. Schema, alias and reference problems are in `kb.problems`.
 */
export function checkBundledKnowledge(files: readonly KnowledgeFile[], kb: KnowledgeBase): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const definedIn = new Map<string, string>();
  for (const file of files) {
    for (const entity of file.entities) {
      const origin = file.origins.get(entity.id);
      const ranges = file.fieldRanges?.get(entity.id);
      const idRange = ranges?.get('id') ?? { start: { line: origin?.line ?? 0, character: origin?.character ?? 0 }, end: { line: origin?.line ?? 0, character: origin?.character ?? 0 } };
      const at = (path: string) => ranges?.get(path) ?? idRange;
      const problem = (range: KnowledgeProblem['range'], message: string) => problems.push({ uri: file.uri, range, code: 'knowledge.invalid', message });

      const first = definedIn.get(entity.id);
      if (first !== undefined) problem(idRange, `Unexpected duplicate id \`${entity.id}\`, expected an id defined once in the bundled data (also in ${first.slice(first.lastIndexOf('/') + 1)})`);
      else definedIn.set(entity.id, file.uri);

      if (entity.sources.length === 0) problem(idRange, `Missing field \`sources\` in \`${entity.id}\`, expected at least one source URL`);
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
