import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeNote } from '../../server/src/analysis';
import { updateAnalysis } from '../../server/src/analysis/incremental';
import { parseCount, WINDOW } from '../../server/src/markdown/blocks';
import { analysisFacts, bundledRecognizers } from '../support/analysis';
import { applyEdit, edit, note, prose, SEED, type Edit } from './randomNotes';

const bundled = bundledRecognizers;
const facts = analysisFacts;

const SENTENCES = [
  'DeepSeek V3.1 has 685B parameters, 37B active, and R&D costs over $5B.',
  'SKT는 5000억 매개변수 규모의 모델을 발표했다.',
  'Llama 3.1 405B is open and Qwen3-235B-A22B is too.',
  '딥시크(DeepSeek) V3.1은 6850억 매개변수 모델이다.',
  'The team compared GPT-4 with EXAONE and HyperCLOVA X on 128K tokens.',
];

/** One line of about `length` characters of plain prose; `&` keeps the fast path away. */
function longLine(length: number): string {
  const parts: string[] = [];
  for (let i = 0, size = 0; size < length; i++) {
    const s = SENTENCES[(i * 7 + (i >> 3)) % SENTENCES.length];
    parts.push(s);
    size += s.length + 1;
  }
  return parts.join(' ');
}

const doc = (text: string, version = 1): TextDocument => TextDocument.create('file:///long.md', 'markdown', version, text);

/** The document after `e`, and the change event that makes it. */
function edited(before: TextDocument, e: Edit): { next: TextDocument; change: { range: ReturnType<TextDocument['positionAt']> extends infer P ? { start: P; end: P } : never; text: string } } {
  const applied = applyEdit(before.getText(), e);
  const change = { range: { start: before.positionAt(applied.start), end: before.positionAt(applied.end) }, text: e.insert };
  const next = TextDocument.update(TextDocument.create(before.uri, 'markdown', before.version, before.getText()), [change], before.version + 1);
  assert.equal(next.getText(), applied.text);
  return { next, change };
}

/** A long line, maybe with notes before and after it, and with a window of `window` characters. */
const WINDOWED = 64;
const longProse = fc.array(prose, { minLength: 6, maxLength: 24 }).map((ps) => ps.join(' '));
const withLongLine = fc
  .tuple(fc.option(note, { nil: '' }), longProse, fc.constantFrom('\n\n', '\n', '\r\n\r\n'), fc.option(note, { nil: '' }))
  .map(([a, line, gap, b]) => (a ? `${a}${gap}` : '') + line + (b ? `${gap}${b}` : ''));

describe('long lines', () => {
  it('reads a 200 KB line of plain prose in windows exactly as a whole', () => {
    const r = bundled();
    const text = longLine(200_000);
    const windowed = analyzeNote(doc(text), r);
    const whole = analyzeNote(doc(text), r, 0);
    assert.ok(windowed.structure!.boundaries.length >= 200_000 / (4 * WINDOW), `${windowed.structure!.boundaries.length} windows`);
    assert.ok(whole.structure!.boundaries.length === 1);
    assert.ok(whole.mentions.length > 5000 && whole.claims.length > 2000, `${whole.mentions.length} mentions, ${whole.claims.length} claims`);
    assert.deepEqual(facts(windowed), facts(whole));
  });

  it('cuts a line only after a space between a non-space and a letter, at least a window apart', () => {
    const r = bundled();
    const text = longLine(20_000);
    const { boundaries } = analyzeNote(doc(text), r, 1000).structure!;
    assert.equal(boundaries[0], 0);
    for (let i = 1; i < boundaries.length; i++) {
      const b = boundaries[i];
      assert.ok(b - boundaries[i - 1] >= 1000 && b - boundaries[i - 1] <= 4000, `window ${boundaries[i - 1]}–${b}`);
      assert.match(text.slice(b - 2, b + 1), /^\S \p{L}$/u);
    }
    assert.ok(boundaries.length >= 5);
  });

  it('does not cut a line that does not start a paragraph after a blank line', () => {
    const r = bundled();
    const line = longLine(5000);
    for (const text of [`# Title\n${line}`, `- ${line}`, `> ${line}`, `| ${line} |\n| --- |`, `\`\`\`\n${line}\n\`\`\``, `[ref]: /u\n${line}`]) {
      assert.deepEqual(analyzeNote(doc(text), r, 100).structure!.boundaries, [0], text.slice(0, 12));
    }
    assert.ok(analyzeNote(doc(`# Title\n\n${line}`), r, 100).structure!.boundaries.length > 10);
  });

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

  it('parses again only a window or two around a one-character edit in a 200 KB line', () => {
    const r = bundled();
    const text = longLine(200_000);
    const before = doc(text);
    let start = parseCount.chars;
    const analysis = analyzeNote(before, r);
    assert.ok(parseCount.chars - start >= text.length, 'the fresh analysis parses the whole line');
    for (const at of [0.001, 0.3, 0.5, 0.999]) {
      const { next, change } = edited(before, { at, remove: 1, insert: 'x' });
      start = parseCount.chars;
      const updated = updateAnalysis(analysis, next, [change], r);
      const parsed = parseCount.chars - start;
      assert.ok(parsed > 0 && parsed <= 3 * 4 * WINDOW, `parsed ${parsed} characters at ${at}`);
      assert.ok(updated.changed, 'an update, not a fresh analysis');
      assert.deepEqual(facts(updated), facts(analyzeNote(next, r)));
    }
  });
});
