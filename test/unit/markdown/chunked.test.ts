import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { frontMatterEnd, nextCandidate, parseCount, scanNote } from '../../../server/src/markdown/blocks';
import { maskNote, maskWholeNote } from '../../../server/src/markdown/prose';
import { examplesDir } from '../../support/knowledge';
import { note, SEED } from '../../support/randomNotes';

/** Shows masked characters as `·` so a failing comparison is readable. */
const show = (mask: string): string => mask.replace(/\u0000/g, '·');

function assertSameMask(text: string, target?: number): void {
  const chunked = target === undefined ? maskNote(text) : maskOf(text, target);
  assert.equal(show(chunked), show(maskWholeNote(text)), JSON.stringify(text));
}

function maskOf(text: string, target: number): string {
  const { ranges } = scanNote(text, target);
  let out = '';
  let pos = 0;
  for (const [a, b] of ranges) {
    out += text.slice(pos, a).replace(/[^\n]/g, '\u0000') + text.slice(a, b);
    pos = b;
  }
  return out + text.slice(pos).replace(/[^\n]/g, '\u0000');
}

describe('chunked mask', () => {
  it('equals the whole-document mask on the example note, in pieces of any size', () => {
    const text = readFileSync(path.join(examplesDir, 'skt-500b-ko.md'), 'utf8');
    for (const target of [0, 64, 2048, 1e9]) assertSameMask(text, target);
  });

  const fixtures: Record<string, string> = {
    'a fence with blank lines and lines at indent 0': 'Intro\n\n```python\ndef f():\n\n    return 1\n\nx = "SKT"\n```\n\nSKT는 5000억.\n',
    'an unclosed fence': 'Intro\n\n~~~\nDeepSeek V3.1\n\nSKT\n',
    'a fence inside a list item, closed by the list': '- a\n  ```\n  code\n\nSKT 685B\n```\nstill code\n\nDeepSeek\n',
    'HTML comments and scripts across blank lines': '<!--\nSKT\n\nDeepSeek\n-->\n\n<script>\nx\n\ny\n</script>\n\nSKT\n',
    'front matter with blank lines': '---\ntitle: SKT\n\nmodels: x\n---\n\n# DeepSeek V3.1\n',
    'unclosed front matter': '---\ntitle: SKT\n\nDeepSeek V3.1 has 685B\n',
    'references defined later': 'See [DeepSeek][ds] and [^1].\n\nMore [ds].\n\n[ds]: https://deepseek.com\n\n[^1]: 685B\n',
    'references defined earlier in a quote': '> [ref]: /x\n\nText [ref] and [Ref].\n',
    'a reference that is not defined': 'Text [SKT] and [^2].\n\n[^1]: note\n',
    'loose lists': '- SKT\n\n- DeepSeek\n\n  more\n\n1. one\n\n3. three\n',
    'a table and a heading': '| Model | Size |\n|---|---|\n| SKT | 5000억 |\n# Next\ntext\n',
    'CRLF': 'SKT는\r\n5000억\r\n\r\n# 딥시크\r\n- a\r\n\r\n```\r\ncode\r\n```\r\n',
    'a lone CR': 'a\rb\n\nc\r\rd\n',
    'indented code after a fence': '```\nx\n```\n    indented SKT\n\nSKT\n',
  };
  for (const [name, text] of Object.entries(fixtures)) {
    it(`equals the whole-document mask: ${name}`, () => {
      for (const target of [0, 2048]) assertSameMask(text, target);
    });
  }

  it(`equals the whole-document mask on random notes (seed ${SEED})`, () => {
    fc.assert(
      fc.property(note, fc.constantFrom(0, 40, 2048), (text, target) => assertSameMask(text, target)),
      { seed: SEED, numRuns: 600 },
    );
  });

  it('hands remark only the footnote it cannot read in a run of them, as after a generated table (#17 §5)', () => {
    // Found by the fuzzer: an edit inside one note's address made the fast path stop there, and
    // remark read the whole run of 1,460 notes (220 KB, 1 s) after every keystroke in it.
    const notes = Array.from({ length: 200 }, (_, i) => `[^n${i}]: Model ${i} — model card <https://x.y/m${i}> (as of 2026-12-08)`);
    notes[100] = '[^n100]: Model 100 — ~~struck~~ <https://x.y/a-- b -->c>';
    const text = `${notes.map((_, i) => `[^n${i}]`).join(' ')}\n\n${notes.join('\n')}\n`;
    parseCount.chars = 0;
    scanNote(text);
    assert.ok(parseCount.chars < 400, `${parseCount.chars} characters parsed by remark`);
    assertSameMask(text);
    // A paragraph right before a note: the stubs of its references go after the note's line.
    assertSameMask('   [ref][nope] the\nthe\n[^a]: one <https://x.y/a> (as of 2026)\n[^b]: two\n[ref]: /u\n');
  });

  it('reads a note with lone carriage returns by the fast path, as remark reads it', () => {
    for (const text of ['# SKT\r\rSKT는 **5000억**.\rDeepSeek V3.1 has 685B.\r\r- a\r- b *c*\r', 'Intro\r\n\r\nMixed\rline endings\n\n| a |\r|---|\r| 685B |']) {
      const before = parseCount.chars;
      const { structure } = scanNote(text);
      assert.equal(parseCount.chars - before, 0, `no piece went to remark: ${JSON.stringify(text)}`);
      assert.ok(structure.fastPaths && structure.loneCarriageReturns);
      assertSameMask(text);
    }
  });

  it('finds block boundary candidates and front matter', () => {
    const text = 'a\n\nb\n \n\tc\n  d\n\n\ne';
    assert.deepEqual([nextCandidate(text, 0), nextCandidate(text, 3), nextCandidate(text, 4)], [3, 16, 16]);
    // Not after indented code, which micromark keeps open past the blank lines.
    assert.equal(nextCandidate('    code\n\n10. x\n', 0), 16);
    assert.deepEqual(['a\r\nb', 'a\r\n\r\n\r\nb', 'a\r\n \r\nb'].map((t) => nextCandidate(t, 0)), [4, 7, 6]);
    // Lines end at a lone CR too, as micromark's do: the scan reads one as an LF (`scanText`).
    const lone = 'SKT는 5000억.\r\rDeepSeek V3.1 has 685B.\r\r```\r\rcode\r```\r\rLast.';
    assert.deepEqual(scanNote(lone).structure.boundaries, [0, 13, 38, 53], 'each paragraph and the fence are pieces; the blank line inside the fence is none');
    assertSameMask(lone);
    assert.equal(frontMatterEnd('---\na: 1\n---\nx'), 12);
    assert.equal(frontMatterEnd('---\na: 1\n--- \n'), 13);
    assert.equal(frontMatterEnd('---\na: 1\n----\n'), 0);
    assert.equal(frontMatterEnd('x\n---\n---\n'), 0);
  });
});
