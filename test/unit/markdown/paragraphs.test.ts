import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { blankLine, paragraphEnd, paragraphStart } from '../../../server/src/markdown/paragraphs';
import { SEED } from '../../support/randomNotes';

/** The line-by-line walk, without the index of blank lines: the reference the index is held to. */
function walkStart(mask: string, pos: number): number {
  let start = mask.lastIndexOf('\n', pos - 1) + 1;
  while (start > 0) {
    const prev = mask.lastIndexOf('\n', start - 2) + 1;
    if (blankLine(mask, prev, start - 1)) break;
    start = prev;
  }
  return start;
}
function walkEnd(mask: string, pos: number): number {
  let end = mask.indexOf('\n', pos);
  while (end !== -1) {
    const next = mask.indexOf('\n', end + 1);
    if (blankLine(mask, end + 1, next === -1 ? mask.length : next)) return end;
    end = next;
  }
  return mask.length;
}

describe('markdown/paragraphs', () => {
  it('finds the bounds of a paragraph of thousands of lines, and of the ones around it', () => {
    const table = Array.from({ length: 3000 }, (_, i) => `| row ${i} | 7B |`).join('\n');
    // Blank lines of white space and masked syntax, as a table's delimiter row is in the mask.
    const mask = `Intro.\n \t\n${table}\n\u0000\u0000\u0000\nAfter.\n`;
    const at = mask.indexOf('| row 2500 |');
    assert.equal(paragraphStart(mask, at), 10);
    assert.equal(paragraphEnd(mask, at), 10 + table.length);
    assert.deepEqual([paragraphStart(mask, mask.indexOf('After')), paragraphEnd(mask, mask.indexOf('After'))], [mask.indexOf('After'), mask.length - 1]);
  });

  it(`answers as the line-by-line walk for every position of random masks with long paragraphs (seed ${SEED})`, () => {
    const line = fc.oneof(
      { weight: 80, arbitrary: fc.constantFrom('text', '| a | 7B |', 'x\r', '  y') },
      { weight: 1, arbitrary: fc.constantFrom('', ' ', '\t', '\u0000\u0000', ' \r', '\u0000 \u0000') },
    );
    const mask = fc.array(line, { minLength: 1, maxLength: 400 }).map((ls) => ls.join('\n'));
    fc.assert(
      fc.property(mask, fc.array(fc.nat(), { minLength: 1, maxLength: 20 }), (m, ps) => {
        for (const p of ps) {
          const pos = p % (m.length + 1);
          assert.equal(paragraphStart(m, pos), walkStart(m, pos), `start at ${pos}`);
          assert.equal(paragraphEnd(m, pos), walkEnd(m, pos), `end at ${pos}`);
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
