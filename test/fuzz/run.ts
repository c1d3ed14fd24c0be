/**
 * `npx tsx test/fuzz/run.ts [--seed N] [--docs N] [--budget MS] [--max-kb N] [--big P] [--replay FILE...]`
 *
 * Fuzzes the built server (`dist/server.js`) over LSP and prints a summary. Exits 1 on any
 * failure (slow requests too, unless `--allow-slow`), writing each failing case to
 * `.fuzz-failures/`; `--replay` runs saved cases again. `RN_SERVER_FLAGS` passes Node flags to
 * the server for one run: `RN_SERVER_FLAGS='--cpu-prof --cpu-prof-dir=DIR'` profiles it.
 */
import { readFileSync } from 'node:fs';
import { defaultOptions, formatSummary, runFuzz, type FuzzOptions, type SavedCase } from './fuzzer';

const usage = `usage: npx tsx test/fuzz/run.ts [options]
  --seed N         run seed (default ${defaultOptions.seed})
  --docs N         documents to generate (default ${defaultOptions.docs})
  --budget MS      time budget per request on notes up to 1 MB (default ${defaultOptions.budgetMs})
  --allow-slow     slow requests are reported but do not fail the run
  --max-kb N       largest note in KB (default ${defaultOptions.maxBytes / 1024})
  --big P          share of notes that may be large, 0..1 (default ${defaultOptions.bigChance})
  --timeout MS     no answer within this is a hang (default ${defaultOptions.timeoutMs})
  --out DIR        where failing cases go (default .fuzz-failures)
  --only I,J       run only these documents of the seed's run
  --replay FILE..  replay saved failing cases instead of generating
  --quiet          only the summary
env RN_SERVER_FLAGS  Node flags for the server (e.g. '--cpu-prof --cpu-prof-dir=DIR')`;

function parse(argv: string[]): { options: Partial<FuzzOptions>; allowSlow: boolean } {
  const options: Partial<FuzzOptions> = {};
  let allowSlow = false;
  let quiet = false;
  const number = (flag: string, value: string | undefined): number => {
    const n = Number(value);
    if (value === undefined || !Number.isFinite(n) || n < 0) {
      console.error(`${flag} needs a non-negative number`);
      process.exit(2);
    }
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--seed') options.seed = number(a, argv[++i]);
    else if (a === '--docs') options.docs = number(a, argv[++i]);
    else if (a === '--budget') options.budgetMs = number(a, argv[++i]);
    else if (a === '--max-kb') options.maxBytes = number(a, argv[++i]) * 1024;
    else if (a === '--big') options.bigChance = number(a, argv[++i]);
    else if (a === '--timeout') options.timeoutMs = number(a, argv[++i]);
    else if (a === '--out') options.failuresDir = argv[++i];
    else if (a === '--only') options.only = (argv[++i] ?? '').split(',').map((x) => number(a, x));
    else if (a === '--allow-slow') allowSlow = true;
    else if (a === '--quiet') quiet = true;
    else if (a === '--replay') {
      const files: string[] = [];
      while (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) files.push(argv[++i]);
      options.replay = files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as SavedCase);
    } else if (a === '--help' || a === '-h') {
      console.log(usage);
      process.exit(0);
    } else {
      console.error(`unknown option ${a}\n${usage}`);
      process.exit(2);
    }
  }
  if (!quiet) options.log = (line) => console.log(line);
  return { options, allowSlow };
}

async function main(): Promise<void> {
  const { options, allowSlow } = parse(process.argv.slice(2));
  const summary = await runFuzz(options);
  console.log(formatSummary(summary, { ...defaultOptions, ...options }));
  if (options.replay) for (const f of summary.failures) console.log(`\n[${f.kind}] doc ${f.doc}: ${f.message}`);
  process.exit(summary.failures.length || (summary.slow.length && !allowSlow) ? 1 : 0);
}

void main();
