/** Shared by the long-line tests: long lines of prose, notes around them, and edits of a document. */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyEdit, note, prose, type Edit } from './randomNotes';

const SENTENCES = [
  'DeepSeek V3.1 has 685B parameters, 37B active, and R&D costs over $5B (ai@example.com).',
  'SKT는 5000억 매개변수 규모의 모델을 발표했다.',
  'Llama 3.1 405B is open and Qwen3-235B-A22B is too.',
  '딥시크(DeepSeek) V3.1은 6850억 매개변수 모델이다.',
  'The team compared GPT-4 with EXAONE and HyperCLOVA X on 128K tokens.',
];

/** One line of about `length` characters of plain prose; an e-mail address keeps the fast path away. */
export function longLine(length: number): string {
  const parts: string[] = [];
  for (let i = 0, size = 0; size < length; i++) {
    const s = SENTENCES[(i * 7 + (i >> 3)) % SENTENCES.length];
    parts.push(s);
    size += s.length + 1;
  }
  return parts.join(' ');
}

export const doc = (text: string, version = 1): TextDocument => TextDocument.create('file:///long.md', 'markdown', version, text);

/** The document after `e`, and the change event that makes it. */
export function edited(before: TextDocument, e: Edit): { next: TextDocument; change: { range: ReturnType<TextDocument['positionAt']> extends infer P ? { start: P; end: P } : never; text: string } } {
  const applied = applyEdit(before.getText(), e);
  const change = { range: { start: before.positionAt(applied.start), end: before.positionAt(applied.end) }, text: e.insert };
  const next = TextDocument.update(TextDocument.create(before.uri, 'markdown', before.version, before.getText()), [change], before.version + 1);
  assert.equal(next.getText(), applied.text);
  return { next, change };
}

/** A long line, maybe with notes before and after it, and with a window of `window` characters. */
export const WINDOWED = 64;
export const longProse = fc.array(prose, { minLength: 6, maxLength: 24 }).map((ps) => ps.join(' '));
/**
 * A long paragraph of many lines: each line starts with a letter (the paragraph's windows chain
 * over such lines), now and then one does not (where a chain stops), with any line ending.
 */
export const manyLines = fc
  .tuple(
    fc.array(fc.tuple(fc.oneof({ weight: 8, arbitrary: fc.constantFrom('The', 'Model', 'SKT는', '모델은', 'DeepSeek', 'Qwen3', 'and') }, { weight: 1, arbitrary: fc.constantFrom('-', '1.', '   ', '*', '#', '| a |', '') }), prose), {
      minLength: 8,
      maxLength: 30,
    }),
    fc.constantFrom('\n', '\r\n', '\r'),
  )
  .map(([lines, eol]) => lines.map(([first, rest]) => `${first} ${rest}`).join(eol));
export const withLongLine = fc
  .tuple(fc.option(note, { nil: '' }), longProse, fc.constantFrom('\n\n', '\n', '\r\n\r\n'), fc.option(note, { nil: '' }))
  .map(([a, line, gap, b]) => (a ? `${a}${gap}` : '') + line + (b ? `${gap}${b}` : ''));
