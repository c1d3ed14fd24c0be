import * as assert from 'node:assert/strict';
import { analyzeNote } from '../../../server/src/analysis';
import { updateAnalysis } from '../../../server/src/analysis/incremental';
import { parseCount, WINDOW } from '../../../server/src/markdown/blocks';
import { analysisFacts, bundledRecognizers } from '../../support/analysis';
import { doc, edited, longLine } from '../../support/longLines';

const bundled = bundledRecognizers;
const facts = analysisFacts;

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

  it('reads a long line whose windows end after code, links and HTML exactly as a whole', () => {
    const r = bundled();
    const pieces = (i: number) => [`Run \`vllm serve ${i}\` then`, `ask [Qwen3-235B-A22B](https://qwenlm.github.io/${i}) about`, `the <b>GPT-4 ${i}</b> answer`, `with \`ollama run llama3:70b\` for`, `DeepSeek V3.1 has 685B parameters.`];
    const text = Array.from({ length: 400 }, (_, i) => pieces(i)[(i * 3 + (i >> 2)) % 5]).join(' ');
    const windowed = analyzeNote(doc(text), r, 100);
    assert.ok(windowed.structure!.boundaries.length > 40, `${windowed.structure!.boundaries.length} windows`);
    assert.ok(windowed.structure!.boundaries.some((b) => /[`>)] $/.test(text.slice(b - 2, b))), 'a window ends right after code, a link or a tag');
    assert.deepEqual(facts(windowed), facts(analyzeNote(doc(text), r, 0)));
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

  it('cuts only a paragraph begun after a blank line, over the lines that start with a letter, with any line ending', () => {
    const r = bundled();
    const line = longLine(5000);
    for (const eol of ['\n', '\r\n', '\r']) {
      const blocks = [`# Title${eol}${line}`, `- ${line}`, `> ${line}`, `| ${line} |${eol}| --- |`, `\`\`\`${eol}${line}${eol}\`\`\``, `[ref]: /u${eol}${line}`];
      // A paragraph goes on over a line that starts with a letter; one that starts otherwise may open a block.
      const notGoingOn = [`Some text${eol}1. ${line}`, `Some text${eol}    ${line}`, `Some text${eol}*${line}`, `Some text${eol}${eol}    ${line}`];
      for (const text of [...blocks, ...notGoingOn]) {
        assert.deepEqual(analyzeNote(doc(text), r, 100).structure!.boundaries, [0], JSON.stringify(text.slice(0, 14)));
      }
      for (const text of [`# Title${eol}${eol}${line}`, `# Title${eol} \t${eol}${line}`, `Some text${eol}${line}`, `Some text${eol}${line.replace(/\. /g, `.${eol}`)}`]) {
        assert.ok(analyzeNote(doc(text), r, 100).structure!.boundaries.length > 10, JSON.stringify([eol, text.slice(0, 14)]));
      }
    }
  });

  it('cuts a paragraph of many lines at the starts of lines too, and reads it in windows exactly as a whole', () => {
    const r = bundled();
    for (const eol of ['\n', '\r\n', '\r']) {
      const lines = longLine(6000).split('. ').map((s, i) => (i % 3 === 0 ? s : `${s}.`));
      const text = `Intro.${eol}${eol}${lines.join(eol)}${eol}${eol}After.`;
      const windowed = analyzeNote(doc(text), r, 100);
      const starts = windowed.structure!.boundaries.filter((b) => text[b - 1] === '\n' || text[b - 1] === '\r');
      assert.ok(starts.length >= 2, `${starts.length} cuts at line starts (${JSON.stringify(eol)})`);
      for (const b of starts) assert.match(text.slice(b, b + 1), /\p{L}/u);
      assert.deepEqual(facts(windowed), facts(analyzeNote(doc(text), r, 0)), JSON.stringify(eol));
    }
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
