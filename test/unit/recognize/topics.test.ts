import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeNote } from '../../../server/src/analysis';
import { updateAnalysis } from '../../../server/src/analysis/incremental';
import { headingLevel, headingsBetween, TOPIC_REACH } from '../../../server/src/recognize/topics';
import { analyzeText, bundledRecognizers, claimLinks } from '../../support/analysis';
import { note, SEED } from '../../support/randomNotes';

/**
 * The heading above `pos` as the rule says it, one line at a time: the reference the heading index
 * (`headingsBetween`) is held to.
 */
function headingBefore(text: string, mask: string, pos: number, origin = pos, below = 7): number {
  let lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  for (;;) {
    const level = headingLevel(text, mask, lineStart);
    if (level > 0 && level < below) return lineStart;
    if (lineStart === 0) return -1;
    const newline = lineStart - 1; // ends the line above
    lineStart = newline === 0 ? 0 : text.lastIndexOf('\n', newline - 1) + 1;
    if (origin - lineStart > TOPIC_REACH) return -1;
  }
}
/** The heading above `pos` as the analysis finds it. */
const headingAt = (text: string, mask: string, pos: number): number => headingsBetween(text, mask, pos, pos).before(pos);

/** A count whose sentence names no model is read against the note's topic (#13 §3, `recognize/topics.ts`). */
const analyze = analyzeText;
const links = claimLinks;

describe('recognize/topics: a count under its topic', () => {
  it('links a count to the member of its size of the model or family named last in its section', () => {
    assert.deepEqual(links('The highlights from Qwen3 include:\n\n- Dense models, available in 0.6B, 8B and 32B.\n'), [
      '0.6B → qwen3-0.6b',
      '8B → qwen3-8b',
      '32B → qwen3-32b',
    ]);
    assert.deepEqual(links('EXAONE 3.5 모델은 LG AI Research에서 개발한 모델\n\n제공되는 모델 사이즈 : 7.8B, 2.4B\n'), [
      '7.8B → lg-exaone-3.5-7.8b',
      '2.4B → lg-exaone-3.5-2.4b',
    ]);
  });

  it('links a count under a family’s topic to the member the others of that size are variants of', () => {
    // Qwen3-4B, not its Instruct-2507 and Thinking-2507 variants; Qwen3-235B-A22B, not its 2507 ones.
    assert.deepEqual(links('The highlights from Qwen3 include:\n\n- Dense and MoE models, available in 4B, 14B and 235B-A22B.\n'), [
      '4B → qwen3-4b',
      '14B → qwen3-14b',
      '235B → qwen3-235b-a22b',
      '22B → qwen3-235b-a22b',
    ]);
    // A topic named by a word only the variants have stays unresolved among them.
    assert.deepEqual(links('The highlights from Qwen3-2507 include:\n\n- A model of 4B.\n'), ['4B → null']);
  });

  it('links a count under a heading’s model it is not the size of to the one model named after it of that size (a distill), never after a model named in passing', () => {
    assert.deepEqual(links('# DeepSeek-R1 로컬 실행\n\n보통은 `7b`나 14b 모델을 시도해보고, 32b 모델도 돌려봤다.\n'), [
      '14b → deepseek-r1-distill-qwen-14b',
      '32b → deepseek-r1-distill-qwen-32b',
    ]);
    assert.deepEqual(links('# Notes\n\nWe used DeepSeek-R1 style RL. A 14B model.\n'), ['14B → null']);
  });

  it('reads a count in a nested list item against the item it is under', () => {
    const dna = '- [DNA-R1](https://huggingface.co/dnotitia/DNA-R1)\n    - **DNA-R1**: Phi-4 기반 모델로, DeepSeek-R1 방식의 강화학습을 적용\n    - 14B 모델임에도 높은 성능 기록\n';
    assert.deepEqual(links(dna), ['14B → dnotitia-dna-r1']);
    // Top-level items have no item above them; a less indented paragraph ends the list.
    assert.deepEqual(links('- **DNA-R1**: a model.\n- Uses DeepSeek-R1 style RL.\n- A 14B model.\n'), ['14B → null']);
    assert.deepEqual(links('- **DNA-R1**: a model.\n\nUses DeepSeek-R1 style RL.\n\n  - A 14B model.\n'), ['14B → null']);
    // A note that opens with a blank line: the walk up ends at its start.
    assert.deepEqual(links('\n  - A 14B model.\n'), ['14B → null']);
  });

  it('falls back to the first model of the section’s heading, when the last one has no member of that size', () => {
    assert.deepEqual(links('## How Olmo 3 compares to Qwen3\n\nA brief comparison to Qwen3.\n\nThe 7B model:\n'), ['7B → ai2-olmo-3-7b']);
    // Under another heading, neither the old section's subject nor its heading is the topic.
    assert.deepEqual(links('## Olmo 3\n\nAbout Olmo 3.\n\n## Hardware\n\nThe 7B model fits on one GPU.\n'), ['7B → null']);
  });

  it('reads a section whose heading names no model by the headings above it of a higher level', () => {
    assert.deepEqual(links('# Qwen 3.5 guide\n\nIntro.\n\n## Key specs\n\n| Item | Value |\n|---|---|\n| Total parameters | 397B |\n'), ['397B → qwen3.5-397b-a17b']);
    // A heading of the same level is another section, not a parent.
    assert.deepEqual(links('## Qwen 3.5 guide\n\nIntro.\n\n## Key specs\n\nTotal parameters: 397B.\n'), ['397B → null']);
  });

  it('leaves a count that agrees with no member about nothing (never reported as wrong on a topic)', () => {
    const a = analyze('The highlights from Qwen3 include:\n\n- A dense model of 9B.\n');
    assert.deepEqual(a.claims.map((c) => [c.text, c.refersTo, c.topical]), [['9B', null, true]]);
  });

  it('keeps a count whose sentence names a model with that sentence’s reading, and a bound unlinked', () => {
    assert.deepEqual(links('About Qwen3.\n\nLlama 3.1 has 8B parameters. Models under 8B run anywhere.\n'), ['8B → meta-llama-3.1-8b', '8B → null']);
  });

  it('finds the heading above a line, not one in a code block or past the reach', () => {
    const text = '# Title\n\ntext\n\n```\n# not a heading\n```\n\nline\n';
    const a = analyze(text);
    assert.equal(headingAt(text, a.mask, text.indexOf('line')), 0);
    assert.equal(headingAt(text, a.mask, text.indexOf('text')), 0);
    assert.equal(headingAt('\n\nx', '\n\nx', 2), -1);
    const far = `# Title\n${'word '.repeat(1000)}\nline`;
    assert.equal(headingAt(far, analyze(far).mask, far.length - 1), -1);
  });

  it('finds a heading exactly at the reach from a count, and not one character further', () => {
    const t = `${'w'.repeat(10)}\n# Head\n${'w '.repeat(3000)}`;
    const h = t.indexOf('# Head');
    const mask = analyze(t).mask;
    for (const [origin, expected] of [[h + TOPIC_REACH, h], [h + TOPIC_REACH + 1, -1]]) {
      assert.equal(headingBefore(t, mask, origin), expected);
      // Searched from the first count that can reach it, whose reach starts on the heading's line.
      assert.equal(headingsBetween(t, mask, h + TOPIC_REACH, origin).before(origin), expected);
    }
  });

  it(`finds the heading lines once, and answers as the line-by-line rule for every position, level and reach (seed ${SEED})`, () => {
    // Random notes with headings of each level, some indented, some in code, some far apart.
    const heading = fc.constantFrom('# Qwen3', '## Olmo 3', '### 핵심', '   #### x', '    # code', '#', '#### ', '```\n# in code\n```', '\\# escaped');
    const filler = fc.constantFrom('', 'word '.repeat(200), 'x\n'.repeat(300));
    const text = fc.array(fc.oneof(note, heading, filler), { maxLength: 14 }).map((parts) => parts.join('\n'));
    fc.assert(
      fc.property(text, fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 7 })), { minLength: 1, maxLength: 8 }), fc.nat(), (t, queries, seed) => {
        const mask = analyze(t).mask;
        const from = seed % (t.length + 1);
        const to = Math.min(t.length, from + (seed % 9000));
        const headings = headingsBetween(t, mask, from, to);
        for (const [p, o, below] of queries) {
          const origin = from + (o % (to - from + 1));
          const pos = Math.max(0, origin - (p % (TOPIC_REACH + 50)));
          assert.equal(headings.before(pos, origin, below), headingBefore(t, mask, pos, origin, below), JSON.stringify({ t, from, to, pos, origin, below }));
        }
      }),
      { seed: SEED, numRuns: 120 },
    );
  });

  it('reads a count’s topic again after an edit paragraphs above it, within reach', () => {
    const filler = Array.from({ length: 8 }, () => 'Some words about hardware and memory. '.repeat(8)).join('\n\n');
    let doc = TextDocument.create('file:///t.md', 'markdown', 1, `Qwen3 is out.\n\n${filler}\n\nThe 8B model is fine.\n`);
    let a = analyzeNote(doc, bundledRecognizers());
    assert.deepEqual(a.claims.map((c) => c.refersTo), ['qwen3-8b']);
    const at = doc.positionAt('Qwen3 is out.\n\n'.length);
    const change = { range: { start: at, end: at }, text: '## Hardware\n\n' };
    doc = TextDocument.update(doc, [change], 2);
    a = updateAnalysis(a, doc, [change], bundledRecognizers());
    assert.deepEqual(a.claims.map((c) => c.refersTo), [null]);
    assert.deepEqual(a.claims, analyzeNote(doc, bundledRecognizers()).claims);
  });

  it('reads the topic again after each edit exactly as a fresh analysis does, as headings and names come and go above a count', () => {
    const piece = fc.constantFrom('## Qwen3\n\n', '## Hardware\n\n', 'Qwen3 ', 'Olmo 3 ', 'Llama 3.1 ', 'The 8B model. ', 'Also 7B. ', '\n\n', 'text ', '# ');
    const text = fc.array(piece, { minLength: 2, maxLength: 10 }).map((xs) => xs.join(''));
    const move = fc.record({ at: fc.nat({ max: 400 }), remove: fc.integer({ min: 0, max: 8 }), insert: piece });
    fc.assert(
      fc.property(text, fc.array(move, { minLength: 1, maxLength: 6 }), (t0, edits) => {
        let doc = TextDocument.create('file:///t.md', 'markdown', 1, t0);
        let a = analyzeNote(doc, bundledRecognizers());
        for (const e of edits) {
          const t = doc.getText();
          const start = e.at % (t.length + 1);
          const change = { range: { start: doc.positionAt(start), end: doc.positionAt(Math.min(t.length, start + e.remove)) }, text: e.insert };
          doc = TextDocument.update(TextDocument.create(doc.uri, 'markdown', doc.version, t), [change], doc.version + 1);
          a = updateAnalysis(a, doc, [change], bundledRecognizers());
          assert.deepEqual(a.claims, analyzeNote(doc, bundledRecognizers()).claims, JSON.stringify({ t0, edits }));
        }
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});
