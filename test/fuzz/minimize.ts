/**
 * `npx tsx test/fuzz/minimize.ts FILE [--kind KIND] [--out FILE]`
 *
 * Shrinks a saved failing case while it still fails with `KIND` (default: its first failure):
 * drops steps, then lines, then characters of the note, then characters of inserted text.
 * Writes the smallest case next to the input (`*.min.json`) and prints it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { FuzzClient } from './client';
import { runFuzz, type SavedCase, type Session } from './fuzzer';
import type { DocScript, Step } from './generate';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const file = args[0];
  if (!file || file.startsWith('--')) {
    console.error('usage: npx tsx test/fuzz/minimize.ts FILE [--kind KIND] [--out FILE]');
    process.exit(2);
  }
  const saved = JSON.parse(readFileSync(file, 'utf8')) as SavedCase;
  const kind = args.includes('--kind') ? args[args.indexOf('--kind') + 1] : saved.failures[0].kind;
  const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : file.replace(/\.json$/, '') + `.${kind}.min.json`;
  const keep: { client?: FuzzClient; session?: Session } = {};
  let trials = 0;
  let last: SavedCase | undefined;
  const fails = async (script: DocScript): Promise<boolean> => {
    trials++;
    const candidate: SavedCase = { ...saved, script, failures: [] };
    const s = await runFuzz({ replay: [candidate], failuresDir: null, keep });
    const hit = s.failures.some((f) => f.kind === kind || f.kind.startsWith(`${kind}.`));
    if (hit) last = s.cases[0];
    return hit;
  };
  let best: DocScript = saved.script;
  if (!(await fails(best))) {
    console.error(`the case does not fail with ${kind} on replay`);
    await keep.client?.stop();
    process.exit(1);
  }
  // Steps: drop each, from the last.
  for (let i = best.steps.length - 1; i >= 0; i--) {
    const steps = best.steps.filter((_, k) => k !== i);
    if (await fails({ ...best, steps })) best = { ...best, steps };
  }
  // Changes of a multi-change event: drop each.
  for (let i = 0; i < best.steps.length; i++) {
    for (let k = best.steps[i].op === 'change' ? (best.steps[i] as Extract<Step, { op: 'change' }>).edits.length - 1 : -1; k >= 0; k--) {
      const step = best.steps[i] as Extract<Step, { op: 'change' }>;
      if (step.edits.length < 2) break;
      const steps = best.steps.map((s, j) => (j === i ? { ...step, edits: step.edits.filter((_, m) => m !== k) } : s));
      if (await fails({ ...best, steps })) best = { ...best, steps };
    }
  }
  // The note, then each insertion: delta debugging over pieces.
  const shrink = async (pieces: string[], rebuild: (text: string) => DocScript): Promise<string> => {
    let n = 2;
    while (pieces.length >= 2 && trials < 3000) {
      const size = Math.ceil(pieces.length / n);
      let reduced = false;
      for (let start = 0; start < pieces.length; start += size) {
        const rest = [...pieces.slice(0, start), ...pieces.slice(start + size)];
        if (await fails(rebuild(rest.join('')))) {
          pieces = rest;
          n = Math.max(n - 1, 2);
          reduced = true;
          break;
        }
      }
      if (!reduced) {
        if (size === 1) break;
        n = Math.min(pieces.length, n * 2);
      }
    }
    return pieces.join('');
  };
  const text = await shrink(best.text.match(/[^\r\n]*(\r\n|\r|\n)|[^\r\n]+$/g) ?? [], (t) => ({ ...best, text: t }));
  best = { ...best, text };
  best = { ...best, text: await shrink([...best.text], (t) => ({ ...best, text: t })) };
  for (let i = 0; i < best.steps.length; i++) {
    const step = best.steps[i];
    if (step.op !== 'change') continue;
    for (let k = 0; k < step.edits.length; k++) {
      const with_ = (insert: string): DocScript => {
        const edits = step.edits.map((e, j) => (j === k ? { ...e, insert } : e));
        return { ...best, steps: best.steps.map((s, j) => (j === i ? ({ ...step, edits } as Step) : s)) };
      };
      best = with_(await shrink([...step.edits[k].insert], with_));
    }
  }
  if (!(await fails(best))) console.error('note: the smallest case did not fail on its last replay (flaky)');
  await keep.client?.stop();
  writeFileSync(out, JSON.stringify(last, null, 1));
  console.log(`${trials} trials; ${kind}; written to ${out}`);
  console.log(JSON.stringify({ session: saved.session, text: best.text, steps: best.steps }));
  console.log('sent:');
  for (const entry of last?.log ?? []) console.log(`  ${JSON.stringify(entry)}`);
  for (const f of last?.failures ?? []) console.log(`[${f.kind}] ${f.message}`);
}

void main();
