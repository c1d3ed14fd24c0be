/**
 * `npm run mutants [-- --list FILE] [--only 0,3,8] [--out FILE]`: how strong the unit tests are.
 *
 * Each mutant (`test/mutants/*.json`: a file, a text in it and what replaces it) is applied in a
 * copy of the repository's tracked files, one at a time, and the unit suite is run against it.
 * The report says, for each mutant, which tests failed and after how many runs a property test
 * found it ("run 33"): a test that finds a mutant only late has little margin to lose runs.
 * A mutant no test kills is a gap, or changes nothing (say so beside it in the list's notes).
 *
 * Before cutting the cost of a property test (fewer runs, smaller notes), run this before and
 * after: the same mutants must be killed, by tests at similar runs. It takes about 40 s per
 * mutant on two cores, so it is not part of `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

interface Mutant {
  file: string;
  from: string;
  to: string;
  note?: string;
}
interface Outcome {
  mutant: number;
  killedBy: { test: string; run: number | null }[];
  error?: string;
}

const repo = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const lists = option('--list') ? [option('--list')!] : readdirSync(path.join(repo, 'test/mutants')).filter((f) => f.endsWith('.json')).map((f) => path.join('test/mutants', f));
const only = option('--only')?.split(',').map(Number);

/** A copy of the tracked files, with the checkout's node_modules and the shared folder beside it. */
function copyRepository(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'rn-mutants-'));
  const copy = path.join(root, path.basename(repo));
  const files = spawnSync('git', ['ls-files'], { cwd: repo, encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
  for (const file of files) {
    mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
    copyFileSync(path.join(repo, file), path.join(copy, file));
  }
  symlinkSync(path.join(repo, 'node_modules'), path.join(copy, 'node_modules'));
  const shared = path.join(repo, '..', 'shared');
  if (existsSync(shared)) symlinkSync(shared, path.join(root, 'shared'));
  return copy;
}

/** The unit suite's failures in `copy`, with the run at which fast-check found each. */
function failures(copy: string): { test: string; run: number | null }[] {
  const result = spawnSync('npx', ['mocha', '--config', 'test/.mocharc.unit.json', '--reporter', 'json'], { cwd: copy, encoding: 'utf8', maxBuffer: 1 << 28 });
  const report = JSON.parse(result.stdout.slice(result.stdout.indexOf('{'))) as { failures: { fullTitle: string; err: { message?: string } }[] };
  return report.failures.map((f) => ({ test: f.fullTitle, run: Number(/failed after (\d+) tests?/.exec(f.err.message ?? '')?.[1]) || null }));
}

function run(copy: string, mutants: Mutant[]): Outcome[] {
  const outcomes: Outcome[] = [];
  for (const [i, m] of mutants.entries()) {
    if (only && !only.includes(i)) continue;
    const file = path.join(copy, m.file);
    const original = readFileSync(file, 'utf8');
    const found = original.split(m.from).length - 1;
    if (found !== 1) {
      outcomes.push({ mutant: i, killedBy: [], error: `the text is found ${found} times in ${m.file}` });
      continue;
    }
    writeFileSync(file, original.replace(m.from, m.to));
    try {
      outcomes.push({ mutant: i, killedBy: failures(copy) });
    } finally {
      writeFileSync(file, original);
    }
    const last = outcomes[outcomes.length - 1];
    const by = last.killedBy.map((k) => `${k.run === null ? 'named' : `run ${k.run}`}: ${k.test}`);
    console.log(`${i} ${m.file}: ${JSON.stringify(m.to).slice(0, 70)}\n  ${by.length ? by.join('\n  ') : `survived${m.note ? ` (${m.note})` : ''}`}`);
  }
  return outcomes;
}

const copy = copyRepository();
try {
  const report: Record<string, Outcome[]> = {};
  for (const list of lists) {
    console.log(`# ${list}`);
    report[list] = run(copy, JSON.parse(readFileSync(path.join(repo, list), 'utf8')) as Mutant[]);
    const killed = report[list].filter((o) => o.killedBy.length > 0).length;
    console.log(`${killed} of ${report[list].length} killed`);
  }
  if (option('--out')) writeFileSync(option('--out')!, JSON.stringify(report, null, 1));
} finally {
  rmSync(path.dirname(copy), { recursive: true, force: true });
}
