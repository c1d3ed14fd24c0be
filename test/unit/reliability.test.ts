import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeNote, createRecognizers } from '../../server/src/analysis';
import { escapeMarkdown } from '../../server/src/format/markdown';
import { bundledKnowledge } from '../support/knowledge';

/** Findings of the fuzz campaign (#17), each a regression test. */
describe('reliability (#17)', () => {
  const { kb, index } = bundledKnowledge();
  const recognizers = createRecognizers(kb, index);
  const analyze = (text: string) => analyzeNote(TextDocument.create('file:///n.md', 'markdown', 1, text), recognizers);

  it('reads a note nested thousands of block quotes deep instead of overflowing the stack', () => {
    for (const depth of [64, 65, 7000]) {
      const text = `${'>'.repeat(depth)} DeepSeek-V3.1 has 685B parameters, see https://example.com\n`;
      const a = analyze(text);
      assert.deepEqual(a.mentions.map((m) => [m.text, m.start]), [['DeepSeek-V3.1', depth + 1]], String(depth));
      assert.deepEqual(a.claims.map((c) => c.text), ['685B'], String(depth));
      assert.equal(a.mask.length, text.length);
    }
  });

  it('never lets a line break of a knowledge-file string reach a hover as Markdown', () => {
    assert.equal(escapeMarkdown('a\r# heading\r\n---\n```\u2028b'), 'a # heading --- \\`\\`\\` b');
  });
});
