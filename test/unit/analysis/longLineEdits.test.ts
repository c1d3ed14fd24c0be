import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { analyzeNote } from '../../../server/src/analysis';
import { updateAnalysis } from '../../../server/src/analysis/incremental';
import { analysisFacts, bundledRecognizers } from '../../support/analysis';
import { doc, edited, longProse, manyLines, WINDOWED, withLongLine } from '../../support/longLines';
import { edit, SEED, type Edit } from '../../support/randomNotes';

/**
 * Incremental analysis of notes with long lines equals a fresh one (`markdown/blocks.ts` windows),
 * after random edits: a file of its own, so that the parallel unit run spreads these two properties,
 * the costliest of the suite, over the workers.
 */
const bundled = bundledRecognizers;
const facts = analysisFacts;

/**
 * Applies `edits` to `text` one by one (every third without its change event), holding the
 * incremental analysis to a fresh one after each; returns the boundaries of the first analysis.
 */
function checkEdits(text: string, edits: Edit[]): readonly number[] {
  const r = bundled();
  let before = doc(text);
  let analysis = analyzeNote(before, r, WINDOWED);
  const boundaries = analysis.structure!.boundaries;
  for (const [i, e] of edits.entries()) {
    const { next, change } = edited(before, e);
    analysis = updateAnalysis(analysis, next, i % 3 === 2 ? undefined : [change], r);
    assert.deepEqual(facts(analysis), facts(analyzeNote(next, r, WINDOWED)), JSON.stringify({ text, edits }));
    before = next;
  }
  return boundaries;
}

describe('long lines, random edits', () => {
  it(`equals a fresh analysis after random edits across windows (seed ${SEED})`, () => {
    let cuts = 0;
    fc.assert(
      fc.property(withLongLine, fc.array(edit, { minLength: 1, maxLength: 6 }), (text, edits) => {
        cuts += checkEdits(text, edits).length;
      }),
      // `npm run mutants`: this property's kills came by run 57, each also made by another test.
      { seed: SEED, numRuns: 100 },
    );
    assert.ok(cuts >= 330, `only ${cuts} boundaries`);
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
      // `npm run mutants`: this property's kills came by run 72.
      { seed: SEED, numRuns: 150 },
    );
    assert.ok(near >= 50, `only ${near} edits near a cut`);
  });

  it('keeps a version after a slash with the name before it when the mentions read again start between them', () => {
    // Found by the property above: the mentions read again after the second edit started at the
    // slash of `GPT-4/4o`, where no scan finds `4o` (it is a mention only after `GPT-4`).
    const line = 'GPT-4/4o **굵게** ][ params 딥시크(DeepSeek) V3.1 **bold**. the the the the the **굵게** **굵게** the https://example.com/x 128K tokens the released **굵게** . params https://x.y/(a) .  ~  ! the model 0.685T 1.8T . **굵게** **굵게** up to **굵게** EXAONE the . $5B . <span\nclass="x"> the **굵게** parameters the 5000억 37B active the the . the the the the';
    const r = bundled();
    let before = doc(line);
    let analysis = analyzeNote(before, r, WINDOWED);
    for (const [i, insert] of ['a@b.co https://x.y/a_b', 'a', '. '].entries()) {
      const cuts = analysis.structure!.boundaries;
      const at = i === 2 ? 0 : cuts[[189447027, 605332793][i] % cuts.length];
      const { next, change } = edited(before, { at: at / (before.getText().length + 1), remove: 0, insert });
      analysis = updateAnalysis(analysis, next, i === 2 ? undefined : [change], r);
      const fresh = analyzeNote(next, r, WINDOWED);
      assert.deepEqual(facts(analysis), facts(fresh));
      assert.deepEqual(analysis.mentions.slice(0, 2).map((m) => m.text), ['GPT-4', '4o']);
      before = next;
    }
  });

  it(`equals a fresh analysis after random edits in a paragraph of many lines, cut at their starts (seed ${SEED})`, () => {
    let lineCuts = 0;
    fc.assert(
      fc.property(manyLines, fc.array(edit, { minLength: 1, maxLength: 6 }), (text, edits) => {
        lineCuts += checkEdits(text, edits).filter((b) => text[b - 1] === '\n' || text[b - 1] === '\r').length;
      }),
      // `npm run mutants`: this property's kills came by run 20.
      { seed: SEED, numRuns: 80 },
    );
    // The generator makes 15–39 such cuts over seeds 0–15 (`RN_SEED`): fewer than 10 would mean it changed.
    assert.ok(lineCuts >= 10, `only ${lineCuts} cuts at the start of a line`);
  });
});

describe('long paragraphs, read around an edit (#17 §5, analysis/longParagraphs.ts)', () => {
  // One line of names with other senses, words of the field, models and counts, sentence ends:
  // edits change whether the paragraph is about AI, and which sentence a count is read with.
  const neutral = fc.constantFrom('Falcon', 'Mistral', 'Claude', 'Gemini', 'the bird', 'the wind', 'text', 'and', 'of the sky', '8B', '70B', '7B', '32B', '. ', ', ', 'Total 405B.');
  const field = fc.constantFrom('a model', 'AI', 'Llama 3.1', 'Qwen3', 'Olmo 3', 'has 8B parameters', '모델', '매개변수 80억', '[GitHub](https://github.com/x)', '[Mistral AI](https://mistral.ai/news)');
  // Words of the field are few, so that an edit can make the paragraph about AI or not.
  const line = fc
    .tuple(fc.array(neutral, { minLength: 40, maxLength: 160 }), fc.array(field, { maxLength: 2 }), fc.nat())
    .map(([xs, ys, k]) => {
      const words: string[] = [...xs];
      ys.forEach((y, i) => words.splice((k * (i + 3)) % (words.length + 1), 0, y));
      return words.join(' ');
    });
  const change = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.integer({ min: 0, max: 12 }), insert: fc.oneof(neutral, neutral, field) });

  it('reads the count at the start of a sentence with the sentence before it, when an edit falls in the next sentence', () => {
    const r = bundled();
    // The edit falls so far after `Total 405B.` that the claims read again start at the sentence
    // holding that count (mentions are found again 320 characters around an edit).
    const filler = 'Words of AI, the sky and the wind. '.repeat(12);
    const text = `${filler}Llama 3.1 is out. Total 405B. ${'Then more words of the sky and the wind, '.repeat(3)}here. ${filler}`;
    let before = doc(text);
    let analysis = analyzeNote(before, r, WINDOWED);
    const at = text.indexOf('Then more') + 60 + 320;
    const { next, change: c } = edited(before, { at: at / (text.length + 1), remove: 0, insert: 'x' });
    analysis = updateAnalysis(analysis, next, [c], r);
    assert.deepEqual(analysis.claims.map((claim) => `${claim.text} → ${claim.refersTo}`), ['405B → meta-llama-3.1-405b']);
    assert.deepEqual(facts(analysis), facts(analyzeNote(next, r, WINDOWED)));
  });

  it('finds names with other senses again in the whole paragraph when an edit far from them makes it about AI', () => {
    const r = bundled();
    const text = `The sky. ${'The wind and the bird. '.repeat(20)}Falcon of the sky.`;
    let before = doc(text);
    let analysis = analyzeNote(before, r, WINDOWED);
    assert.deepEqual(analysis.mentions, []);
    const { next, change: c } = edited(before, { at: 0.001, remove: 0, insert: ' An AI model.' });
    analysis = updateAnalysis(analysis, next, [c], r);
    assert.deepEqual(analysis.mentions.map((m) => m.text), ['Falcon']);
    assert.deepEqual(facts(analysis), facts(analyzeNote(next, r, WINDOWED)));
  });

  it('reads a link’s text again when an edit far along its address changes whether it names the site', () => {
    const r = bundled();
    // The link's text stands 70 characters before the edit in its host: `GitHub` is the label of
    // a github.com link, and a mention of GitHub once the host is another.
    const host = `${'mirror-'.repeat(9)}x.github.com`;
    const text = `${'Words of AI, the sky and the wind. '.repeat(4)}See [GitHub](https://${host}/m) for the model. ${'More words of the sky. '.repeat(4)}`;
    let before = doc(text);
    let analysis = analyzeNote(before, r, WINDOWED);
    assert.deepEqual(analysis.mentions.map((m) => m.text), []);
    const at = text.indexOf('github.com') + 3;
    const { next, change: c } = edited(before, { at: at / (text.length + 1), remove: 1, insert: 'l' });
    assert.ok(at - text.indexOf('GitHub') > 64, 'the edit is farther from the link’s text than a short margin');
    analysis = updateAnalysis(analysis, next, [c], r);
    assert.deepEqual(analysis.mentions.map((m) => m.text), ['GitHub']);
    assert.deepEqual(facts(analysis), facts(analyzeNote(next, r, WINDOWED)));
  });

  it(`equals a fresh analysis after edits anywhere in a one-line paragraph longer than the window (seed ${SEED})`, () => {
    const r = bundled();
    fc.assert(
      fc.property(line, fc.array(change, { minLength: 1, maxLength: 6 }), (text, edits) => {
        let before = doc(text);
        let analysis = analyzeNote(before, r, WINDOWED);
        for (const e of edits) {
          const { next, change: c } = edited(before, e);
          analysis = updateAnalysis(analysis, next, [c], r);
          assert.deepEqual(facts(analysis), facts(analyzeNote(next, r, WINDOWED)), JSON.stringify({ text, edits }));
          before = next;
        }
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});
