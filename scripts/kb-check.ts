/**
 * Validates the bundled knowledge base: `npx tsx scripts/kb-check.ts [--write] [dataDir]`.
 * Prints a summary line and each problem as `file:line:col code message` (1-based), exits 1 on any.
 * `--write` first regenerates `snapshot.jsonl`, the parsed copy the server loads at start.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  checkBundledKnowledge,
  checkSources,
  createBundledSnapshot,
  primaryShare,
  createKnowledgeBase,
  loadBundledKnowledge,
  SNAPSHOT_FILE,
  staleSnapshotFiles,
} from '../server/src/knowledge/index';
import type { Entity, KnowledgeProblem, SourcePolicy } from '../server/src/knowledge/index';

const args = process.argv.slice(2);
const write = args.includes('--write');
const dataDir = resolve(args.find((a) => !a.startsWith('--')) ?? resolve(__dirname, '..', 'server', 'data'));

if (write) writeFileSync(join(dataDir, SNAPSHOT_FILE), createBundledSnapshot(dataDir));
const files = loadBundledKnowledge(dataDir, { ranges: true });
const kb = createKnowledgeBase(files, 1);
/** Where each organization publishes, and the hosts that are never sources. */
const policy = JSON.parse(readFileSync(join(dataDir, 'official-sources.json'), 'utf8')) as SourcePolicy;
const problems: KnowledgeProblem[] = [...kb.problems, ...checkBundledKnowledge(files, kb), ...checkSources(files, kb, policy)];
for (const name of staleSnapshotFiles(dataDir)) {
  const at = { line: 0, character: 0 };
  problems.push({
    uri: pathToFileURL(join(dataDir, SNAPSHOT_FILE)).href,
    range: { start: at, end: at },
    code: 'knowledge.snapshot',
    message:
      name !== SNAPSHOT_FILE
        ? `Unexpected stale snapshot of \`${name}\`, expected one regenerated with \`npx tsx scripts/kb-check.ts --write\``
        : existsSync(join(dataDir, SNAPSHOT_FILE))
          ? `Unexpected stale \`${SNAPSHOT_FILE}\` (not what \`--write\` writes from the YAML now: the parser, the merge or the folding changed), expected one regenerated with \`npx tsx scripts/kb-check.ts --write\``
          : `Missing \`${SNAPSHOT_FILE}\`, expected one written by \`npx tsx scripts/kb-check.ts --write\``,
  });
}

const count = (kind: string) => kb.all().filter((e) => e.kind === kind).length;
console.log(`kb:check: ${count('model')} models, ${count('family')} families, ${count('organization')} organizations, ${count('product')} products, ${problems.length} problems`);
for (const p of problems) {
  const file = p.uri.startsWith('file:') ? relative(process.cwd(), fileURLToPath(p.uri)) : p.uri;
  console.log(`${file}:${p.range.start.line + 1}:${p.range.start.character + 1} ${p.code} ${p.message}`);
}
process.exitCode = problems.length > 0 ? 1 : 0;

/**
 * `--coverage`: a Markdown table of what the bundled data covers — models per family (or per
 * organization for models outside a family) and organizations per type — for the README.
 */
if (args.includes('--coverage')) {
  const rows = new Map<string, number>();
  for (const e of kb.all()) {
    if (e.kind !== 'model') continue;
    const family = e.family ? kb.get(e.family)?.name : undefined;
    const key = family ? `${family} (family)` : `${kb.get(e.organization ?? '')?.name ?? 'no organization'} (other models)`;
    rows.set(key, (rows.get(key) ?? 0) + 1);
  }
  const types = new Map<string, number>();
  for (const e of kb.all()) if (e.kind === 'organization') types.set(e.type ?? 'unspecified', (types.get(e.type ?? 'unspecified') ?? 0) + 1);
  const sorted = [...rows].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  console.log(`\n| models | count |\n| --- | ---: |`);
  for (const [k, n] of sorted) console.log(`| ${k} | ${n} |`);
  console.log(`\n| organizations | count |\n| --- | ---: |`);
  for (const [k, n] of [...types].sort((a, b) => b[1] - a[1])) console.log(`| ${k} | ${n} |`);
  const groupOf = (e: Entity): string => {
    const family = e.kind === 'model' && e.family ? kb.get(e.family)?.name : undefined;
    return family ?? (e.kind === 'product' ? 'products' : `${kb.get(e.kind === 'organization' ? e.id : e.organization ?? '')?.name ?? 'no organization'} (other)`);
  };
  const shares = [...primaryShare(kb, policy, groupOf)].sort((a, b) => b[1].shown - a[1].shown || a[0].localeCompare(b[0]));
  console.log(`\n| shown facts with a primary source | share | facts |\n| --- | ---: | ---: |`);
  for (const [k, { primary, shown }] of shares) console.log(`| ${k} | ${Math.round((100 * primary) / shown)} % | ${shown} |`);
  const unverified = kb.all().reduce((n, e) => n + (e.unverified?.length ?? 0), 0);
  console.log(`\n${count('model')} models, ${count('family')} families, ${count('organization')} organizations, ${count('product')} products; ${unverified} field values marked unverified.`);
}
