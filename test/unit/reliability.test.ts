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

  it('reads a note that starts with a byte-order mark at the right offsets (the parser skips the mark)', () => {
    for (const text of ['\ufeff# DeepSeek\n', '\ufeffa\n\n<DeepSeek', '\ufeff---\ntitle: x\n---\nDeepSeek-V3.1 has 685B.\n']) {
      const plain = analyze(text.slice(1));
      const a = analyze(text);
      assert.deepEqual(a.mentions.map((m) => [m.text, m.start]), plain.mentions.map((m) => [m.text, m.start + 1]), JSON.stringify(text));
      assert.deepEqual(a.claims.map((c) => [c.text, c.start]), plain.claims.map((c) => [c.text, c.start + 1]), JSON.stringify(text));
      assert.ok(a.mentions.length > 0, JSON.stringify(text));
    }
  });

  it('never lets a line break of a knowledge-file string reach a hover as Markdown', () => {
    assert.equal(escapeMarkdown('a\r# heading\r\n---\n```\u2028b'), 'a # heading --- \\`\\`\\` b');
  });
});
