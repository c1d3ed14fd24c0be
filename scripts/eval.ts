/**
 * `npm run eval`: recognition scored against the hand-labelled real notes in `test/corpus/`.
 * Prints precision, recall, F1 and linking accuracy per split, language and kind (entity, claim).
 * `--misses` lists what was missed or wrong per note of the tuned split only. `--heldout-misses`
 * lists the held-out split's: it is for a final audit, never for tuning (reading held-out misses
 * and then changing the code makes the held-out figures meaningless). `--write-baseline` records
 * the current figures in `test/corpus/baseline.json`, which `npm test` holds the corpus to.
 * Any other argument is an error.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createKnowledgeBase, loadBundledKnowledge } from '../server/src/knowledge/index';
import { CORPUS_DIR, figures, loadCorpus, scoreCorpus, SPLITS, type Figures, type Split } from '../test/support/corpus';

const FLAGS = ['--misses', '--heldout-misses', '--write-baseline'] as const;
const args = process.argv.slice(2);
const unknown = args.filter((a) => !(FLAGS as readonly string[]).includes(a));
if (unknown.length > 0) {
  console.error(`eval: unknown argument${unknown.length > 1 ? 's' : ''} ${unknown.join(' ')} (known: ${FLAGS.join(', ')})`);
  process.exit(2);
}
const kb = createKnowledgeBase(loadBundledKnowledge(resolve(__dirname, '..', 'server', 'data'), { fresh: true }), 1);
const notes = loadCorpus();
const { scores, perNote } = scoreCorpus(notes, kb);

const pct = (x: number): string => x.toFixed(3);
console.log(`Corpus: ${notes.length} notes (${SPLITS.map((s) => `${notes.filter((n) => n.split === s).length} ${s}`).join(', ')})\n`);
console.log('| split | language | kind | notes | labelled | found | precision | recall | F1 | linking |');
console.log('| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
const baseline: Record<string, Figures> = {};
for (const split of SPLITS) {
  for (const language of ['en', 'ko'] as const) {
    const count = notes.filter((n) => n.split === split && n.language === language).length;
    if (count === 0) continue;
    for (const kind of ['entity', 'claim'] as const) {
      const t = scores[split][language][kind];
      const f = figures(t, kind);
      baseline[`${split}/${language}/${kind}`] = f;
      console.log(`| ${split} | ${language} | ${kind} | ${count} | ${t.gold} | ${t.found} | ${pct(f.precision)} | ${pct(f.recall)} | ${pct(f.f1)} | ${pct(f.linking)} |`);
    }
  }
}
console.log('\nTarget (issue #13): precision and recall ≥ 0.95 on the tuned split; the held-out split is measured, never tuned on.');

/** Prints the misses of one split's notes. */
function printMisses(split: Split): void {
  for (const note of notes) {
    if (note.split !== split) continue;
    const s = perNote.get(`${note.split}/${note.name}`);
    if (!s || s.misses.length === 0) continue;
    console.log(`\n${note.split}/${note.name}`);
    for (const m of s.misses) console.log(`  ${m}`);
  }
}
if (args.includes('--misses')) printMisses('tuned');
if (args.includes('--heldout-misses')) {
  console.log('\nHeld-out misses: for a final audit only, never for tuning.');
  printMisses('heldout');
}
if (args.includes('--write-baseline')) {
  const rounded = Object.fromEntries(Object.entries(baseline).map(([k, f]) => [k, { precision: +f.precision.toFixed(3), recall: +f.recall.toFixed(3) }]));
  writeFileSync(join(CORPUS_DIR, 'baseline.json'), `${JSON.stringify(rounded, null, 2)}\n`);
  console.log(`\nWrote ${join('test', 'corpus', 'baseline.json')}`);
}
