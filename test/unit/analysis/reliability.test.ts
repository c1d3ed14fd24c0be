import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeNote, createRecognizers } from '../../../server/src/analysis';
import { escapeMarkdown } from '../../../server/src/format/markdown';
import { parseKnowledgeFile } from '../../../server/src/knowledge/parse';
import { bundledKnowledge } from '../../support/knowledge';

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

  it('reads lists nested past 64 levels as text (one line of 2,000 markers took 2.6 s to parse)', () => {
    const dashes = `${'- '.repeat(2000)}DeepSeek-V3.1 has 685B parameters.\n`;
    const a = analyze(dashes);
    assert.deepEqual(a.mentions.map((m) => [m.text, m.start]), [['DeepSeek-V3.1', 4000]]);
    assert.deepEqual(a.claims.map((c) => c.text), ['685B']);
    const stair = `${Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- GPT-4 item`).join('\n')}\n`;
    const b = analyze(stair);
    assert.equal(b.mentions.length, 300);
    assert.equal(b.mask.length, stair.length);
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

  it('resolves YAML aliases once, and stops following them past a limit with one problem at that alias', () => {
    const text = `ignore:\n  - &e Foo\n${'  - *e\n'.repeat(20_000)}`;
    const file = parseKnowledgeFile('file:///k.yaml', text, { bundled: false });
    assert.deepEqual(
      file.problems.map((p) => `${p.range.start.line}:${p.range.start.character} ${p.message}`),
      ['1002:4 Unexpected alias `*e` past the first 1000 aliases of the file, expected at most 1000 (the rest are not read)'],
    );
    // An alias names the latest anchor of its name before it.
    const shared = parseKnowledgeFile(
      'file:///s.yaml',
      'models:\n  - { id: a, name: A, sources: &s ["https://example.org/a"] }\n  - { id: b, name: B, sources: &s ["https://example.org/b"] }\n  - { id: c, name: C, sources: *s }\n',
      { bundled: false },
    );
    assert.deepEqual(shared.problems, []);
    assert.deepEqual(shared.entities.map((e) => [e.id, e.sources.map((x) => x.url)]), [['a', ['https://example.org/a']], ['b', ['https://example.org/b']], ['c', ['https://example.org/b']]]);
  });

  it('never lets a line break of a knowledge-file string reach a hover as Markdown', () => {
    assert.equal(escapeMarkdown('a\r# heading\r\n---\n```\u2028b'), 'a # heading --- \\`\\`\\` b');
  });
});
