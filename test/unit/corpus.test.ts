import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR, figures, loadCorpus, scoreCorpus, SPLITS } from '../support/corpus';
import { bundledKnowledge } from '../support/knowledge';

/**
 * Recognition on real notes (`test/corpus/`): every split, language and kind stays at or above the
 * figures recorded in `baseline.json` (`npm run eval -- --write-baseline` after an improvement).
 * The held-out split is only measured here, never tuned on.
 */
describe('real-note corpus (npm run eval)', () => {
  const notes = loadCorpus();
  const baseline = JSON.parse(readFileSync(join(CORPUS_DIR, 'baseline.json'), 'utf8')) as Record<string, { precision: number; recall: number }>;

  it('has at least 24 labelled notes, 12 per language, a quarter held out', () => {
    assert.ok(notes.length >= 24, `${notes.length} notes`);
    for (const language of ['en', 'ko']) assert.ok(notes.filter((n) => n.language === language).length >= 12, language);
    assert.ok(notes.filter((n) => n.split === 'heldout').length >= notes.length / 4);
  });

  it('does not fall below the recorded precision and recall on either split', () => {
    const { scores } = scoreCorpus(notes, bundledKnowledge().kb);
    const below: string[] = [];
    for (const split of SPLITS) {
      for (const language of ['en', 'ko'] as const) {
        for (const kind of ['entity', 'claim'] as const) {
          const key = `${split}/${language}/${kind}`;
          const recorded = baseline[key];
          assert.ok(recorded, `no recorded figure for ${key}`);
          const f = figures(scores[split][language][kind], kind);
          if (f.precision < recorded.precision - 0.0005) below.push(`${key} precision ${f.precision.toFixed(3)} < ${recorded.precision}`);
          if (f.recall < recorded.recall - 0.0005) below.push(`${key} recall ${f.recall.toFixed(3)} < ${recorded.recall}`);
        }
      }
    }
    assert.deepEqual(below, []);
  });
});
