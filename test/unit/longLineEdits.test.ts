import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { analyzeNote } from '../../server/src/analysis';
import { updateAnalysis } from '../../server/src/analysis/incremental';
import { analysisFacts, bundledRecognizers } from '../support/analysis';
import { doc, edited, longProse, WINDOWED, withLongLine } from '../support/longLines';
import { edit, SEED } from './randomNotes';

/**
 * Incremental analysis of notes with long lines equals a fresh one (`markdown/blocks.ts` windows),
 * after random edits: a file of its own, so that the parallel unit run spreads these two properties,
 * the costliest of the suite, over the workers.
 */
const bundled = bundledRecognizers;
const facts = analysisFacts;

describe('long lines, random edits', () => {
  it(`equals a fresh analysis after random edits across windows (seed ${SEED})`, () => {
    const r = bundled();
    let cuts = 0;
    fc.assert(
      fc.property(withLongLine, fc.array(edit, { minLength: 1, maxLength: 6 }), (text, edits) => {
        let before = doc(text);
        let analysis = analyzeNote(before, r, WINDOWED);
        cuts += analysis.structure!.boundaries.length;
        for (const [i, e] of edits.entries()) {
          const { next, change } = edited(before, e);
          analysis = updateAnalysis(analysis, next, i % 3 === 2 ? undefined : [change], r);
          const context = JSON.stringify({ text, edits });
          assert.deepEqual(facts(analysis), facts(analyzeNote(next, r, WINDOWED)), context);
          before = next;
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
    assert.ok(cuts >= 1000, `only ${cuts} boundaries`);
  });

  it(`equals a fresh analysis after edits at and near the cuts (seed ${SEED})`, () => {
    const r = bundled();
    const prefix = fc.constantFrom('', '# T\n', 'p\n\n', '> ', '- ', '```\n', '<!--\n', '[^1]: ', '~~~\n\n');
    const suffix = fc.constantFrom('', '\n\n', '\n---', '\n| --- |', '\n```', '\n-->');
    const nearCut = fc.record({ cut: fc.nat(), offset: fc.integer({ min: -6, max: 6 }), e: edit });
    let near = 0;
    fc.assert(
      fc.property(prefix, longProse, suffix, fc.array(nearCut, { minLength: 1, maxLength: 4 }), (pre, line, post, edits) => {
        let before = doc(pre + line + post);
        let analysis = analyzeNote(before, r, WINDOWED);
        for (const [i, { cut, offset, e }] of edits.entries()) {
          const cuts = analysis.structure!.boundaries;
          const length = before.getText().length;
          const at = Math.max(0, Math.min(length, cuts[cut % cuts.length] + offset));
          if (cuts.length > 1) near++;
          const { next, change } = edited(before, { ...e, at: at / (length + 1) });
          analysis = updateAnalysis(analysis, next, i % 3 === 2 ? undefined : [change], r);
          assert.deepEqual(facts(analysis), facts(analyzeNote(next, r, WINDOWED)), JSON.stringify({ text: pre + line + post, edits }));
          before = next;
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
    assert.ok(near >= 100, `only ${near} edits near a cut`);
  });
});
