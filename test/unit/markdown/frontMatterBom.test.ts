import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeNote, type NoteAnalysis } from '../../../server/src/analysis';
import { updateAnalysis } from '../../../server/src/analysis/incremental';
import { frontMatter } from '../../../server/src/markdown/blocks';
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
