import * as assert from 'node:assert/strict';
import { formatSummary, runFuzz } from './fuzzer';

/** The seed of the short run: fixed, overridable with RN_FUZZ_SEED to explore. */
const SEED = Number(process.env.RN_FUZZ_SEED ?? 20261205);
const DOCS = Number(process.env.RN_FUZZ_DOCS ?? 150);
/** Per-request budget for the report; speed is measured by `npm run fuzz` and `npm run bench`, never asserted here. */
const BUDGET = Number(process.env.RN_FUZZ_BUDGET ?? 250);

describe('fuzz: random and hostile notes over LSP (#17)', function () {
  this.timeout(90_000);

  it(`no crash, request error, invalid range or incremental ≠ fresh (seed ${SEED}, ${DOCS} docs)`, async () => {
    const summary = await runFuzz({ seed: SEED, docs: DOCS, budgetMs: BUDGET, failuresDir: null });
    const report = formatSummary(summary, { seed: SEED, budgetMs: BUDGET });
    const details = summary.failures.slice(0, 10).map((f) => `[${f.kind}] doc ${f.doc} (doc seed ${f.docSeed}): ${f.message.slice(0, 300)}`);
    assert.ok(summary.requests > 1000, `only ${summary.requests} requests`);
    assert.deepEqual(details, [], `${report}\nreplay with: npx tsx test/fuzz/run.ts --seed ${SEED} --docs ${DOCS}`);
  });
});
