import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeNote, type NoteAnalysis } from '../../../server/src/analysis';
import { updateAnalysis } from '../../../server/src/analysis/incremental';
import { frontMatter, parseCount } from '../../../server/src/markdown/blocks';
import { bundledRecognizers } from '../../support/analysis';

const bundled = bundledRecognizers;
const mentions = (a: NoteAnalysis): string[] => a.mentions.map((m) => `${m.start}-${m.end} ${m.text}`);

// Found by `npm run fuzz` (seed 9, document 425): micromark skips a leading byte order mark, so
// `\ufeff---` opens front matter for the parser; the incremental path did not know it, and kept
// the list items of a note whose front matter an edit had left unclosed.
describe('front matter after a byte order mark', () => {
  // Without front matter closed, `- ` under `-` is a setext heading and the deep item indented code.
  const note = '\ufeff---\ntitle: x\n---\nintro\n\n- \n  - \n    - [ ] SmolLM3-3B has 3B parameters.\n';

  it('is found where micromark finds it', () => {
    assert.deepEqual(frontMatter(note), { end: 17, unclosed: '' });
    assert.deepEqual(frontMatter('\ufeff---\ntitle: x\n'), { end: 0, unclosed: '---\n' });
    assert.deepEqual(frontMatter('\ufeffintro\n---\n'), { end: 0, unclosed: '' });
  });

  it('an edit that unclosed it re-analyses the note as a fresh analysis does', () => {
    const r = bundled();
    const doc = TextDocument.create('file:///bom.md', 'markdown', 1, note);
    const before = analyzeNote(doc, r);
    assert.deepEqual(mentions(before), ['43-53 SmolLM3-3B']);
    // A backtick before the closing fence: the front matter is no longer closed, so no list starts.
    const change = { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '`' };
    const next = TextDocument.update(TextDocument.create(doc.uri, 'markdown', 1, note), [change], 2);
    const fresh = analyzeNote(next, r);
    assert.deepEqual(mentions(updateAnalysis(before, next, [change], r)), mentions(fresh));
    assert.deepEqual(mentions(fresh), []);
  });
});

describe('closed front matter', () => {
  it('is read without a parse, and the note after it as a fresh start', () => {
    const note = '---\ntitle: Qwen3 notes\ntags: [llm]\n---\n# Qwen3\n\nQwen3-235B-A22B has 235B parameters.\n';
    const start = parseCount.chars;
    const a = analyzeNote(TextDocument.create('file:///fm.md', 'markdown', 1, note), bundled());
    assert.equal(parseCount.chars - start, 0, 'no piece went to remark');
    assert.deepEqual(mentions(a), [`${note.indexOf('# Qwen3') + 2}-${note.indexOf('# Qwen3') + 7} Qwen3`, `${note.indexOf('Qwen3-235B')}-${note.indexOf('Qwen3-235B') + 15} Qwen3-235B-A22B`]);
    assert.ok(a.structure!.boundaries.includes(note.indexOf('# Qwen3')), String(a.structure!.boundaries));
    // Unclosed, it is no front matter: remark reads the note.
    const unclosed = note.replace('\n---\n#', '\n#');
    const before = parseCount.chars;
    analyzeNote(TextDocument.create('file:///fm.md', 'markdown', 1, unclosed), bundled());
    assert.ok(parseCount.chars - before >= unclosed.length);
  });
});
