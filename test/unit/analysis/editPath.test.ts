/**
 * The keystroke path (#19): after an edit, diagnostics are checked again only in the paragraphs
 * around it; those before are kept and those after are moved by the edit's length and lines. The
 * result must equal diagnostics computed afresh, to the last range.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { analyzeNote, createRecognizers, type NoteAnalysis, type Recognizers } from '../../../server/src/analysis';
import { updateAnalysis } from '../../../server/src/analysis/incremental';
import { defaultClaimCheckOptions } from '../../../server/src/check/claims';
import { noteDiagnostics, type NoteDiagnostics } from '../../../server/src/features/noteDiagnostics';
import { frozenKnowledge } from '../../support/knowledge';
import { SEED } from '../../support/randomNotes';

const { kb, index } = frozenKnowledge();
let recognizers: Recognizers | undefined;
const r = (): Recognizers => (recognizers ??= createRecognizers(kb, index));

/** A paragraph with a claim mismatch (Llama 3.1 405B is 405B) and an unknown name. */
const MISMATCH = 'Llama 3.1 405B has 414B parameters, unlike Foo-70B.';
const FINE = 'Plain words between them, about nothing in particular.';

interface State {
  doc: TextDocument;
  analysis: NoteAnalysis;
  diagnostics: NoteDiagnostics;
}

const open = (text: string): State => {
  const doc = TextDocument.create('file:///note.md', 'markdown', 1, text);
  const analysis = analyzeNote(doc, r());
  return { doc, analysis, diagnostics: noteDiagnostics(analysis, kb, defaultClaimCheckOptions) };
};

/** Replaces `[start, end)` with `insert` as one change event, and checks diagnostics against a fresh computation. */
function type(state: State, start: number, end: number, insert: string): State {
  const change: TextDocumentContentChangeEvent = { range: { start: state.doc.positionAt(start), end: state.doc.positionAt(end) }, text: insert };
  const doc = TextDocument.update(TextDocument.create(state.doc.uri, 'markdown', state.doc.version, state.doc.getText()), [change], state.doc.version + 1);
  const analysis = updateAnalysis(state.analysis, doc, [change], r());
  const diagnostics = noteDiagnostics(analysis, kb, defaultClaimCheckOptions, state.diagnostics);
  const fresh = noteDiagnostics(analyzeNote(doc, r()), kb, defaultClaimCheckOptions);
  assert.deepEqual(diagnostics.items, fresh.items, JSON.stringify({ text: state.doc.getText(), start, end, insert }));
  return { doc, analysis, diagnostics };
}

/** `[line, character]` of each diagnostic's start, and its code. */
const starts = (state: State): [number, number, string][] =>
  state.diagnostics.items.map(({ diagnostic: d }) => [d.range.start.line, d.range.start.character, String(d.code)]);

describe('the keystroke path: diagnostics updated around an edit', () => {
  const text = [MISMATCH, FINE, MISMATCH, FINE, MISMATCH].join('\n\n') + '\n';

  it('has a claim mismatch and an unknown name in each mismatch paragraph', () => {
    assert.deepEqual(starts(open(text)), [
      [0, 19, 'claim.mismatch'],
      [0, 43, 'entity.unknown'],
      [4, 19, 'claim.mismatch'],
      [4, 43, 'entity.unknown'],
      [8, 19, 'claim.mismatch'],
      [8, 43, 'entity.unknown'],
    ]);
  });

  it('moves the diagnostics after a typed character within its line: same lines, same characters', () => {
    const at = text.indexOf(FINE) + 5;
    const state = type(open(text), at, at, 'x');
    assert.deepEqual(starts(state).map(([line, character]) => [line, character]), [[0, 19], [0, 43], [4, 19], [4, 43], [8, 19], [8, 43]]);
    assert.equal(state.diagnostics.items[2].start, text.indexOf(MISMATCH, at) + 1 + 19);
  });

  it('moves the diagnostics after an edit that adds or removes lines by those lines', () => {
    const at = text.indexOf(FINE) + 5;
    let state = type(open(text), at, at, 'one\n\ntwo\nthree ');
    assert.deepEqual(starts(state).map(([line]) => line), [0, 0, 7, 7, 11, 11]);
    state = type(state, at, at + 'one\n\ntwo\nthree '.length, '');
    assert.deepEqual(starts(state).map(([line]) => line), [0, 0, 4, 4, 8, 8]);
  });

  it('checks the edited paragraph again: a corrected count loses its diagnostic, a wrong one gets it back', () => {
    const at = text.indexOf('414B', text.indexOf(MISMATCH, 1)) + 1;
    let state = type(open(text), at, at + 1, '0');
    assert.deepEqual(starts(state), [
      [0, 19, 'claim.mismatch'],
      [0, 43, 'entity.unknown'],
      [4, 43, 'entity.unknown'],
      [8, 19, 'claim.mismatch'],
      [8, 43, 'entity.unknown'],
    ]);
    state = type(state, at, at + 1, '1');
    assert.equal(starts(state).length, 6);
  });

  it('joins two paragraphs and parts them again, the diagnostics of both moving with them', () => {
    const gap = text.indexOf('\n\n', text.indexOf(FINE));
    let state = type(open(text), gap, gap + 2, ' ');
    assert.deepEqual(starts(state).map(([line, character]) => [line, character]), [[0, 19], [0, 43], [2, 19 + FINE.length + 1], [2, 43 + FINE.length + 1], [6, 19], [6, 43]]);
    state = type(state, gap, gap + 1, '\n\n');
    assert.deepEqual(starts(state).map(([line, character]) => [line, character]), [[0, 19], [0, 43], [4, 19], [4, 43], [8, 19], [8, 43]]);
  });

  it('keeps ranges right with CRLF and lone CR line endings', () => {
    const crlf = [MISMATCH, FINE, MISMATCH, FINE, MISMATCH].join('\r\n\r\n') + '\r\n';
    const at = crlf.indexOf(FINE) + 5;
    let state = type(open(crlf), at, at, 'a\r\nb ');
    assert.deepEqual(starts(state).map(([line]) => line), [0, 0, 5, 5, 9, 9]);
    state = type(state, at, at + 5, 'c\rd ');
    assert.deepEqual(starts(state).map(([line]) => line), [0, 0, 5, 5, 9, 9]);
  });

  it('equals diagnostics computed afresh after random edits near and between diagnostics (seed ' + SEED + ')', () => {
    const pieces = fc.constantFrom(MISMATCH, FINE, 'Foo-70B and Bar-8B.', '| Model | Params |\n| --- | --- |\n| Llama 3.1 405B | 414B |', '# Llama 3.1 405B', '- Llama 3.1 405B has 400B');
    const breaks = fc.constantFrom('\n\n', '\n', '\r\n\r\n', '\r\n', ' ');
    const noteArb = fc.array(fc.tuple(pieces, breaks), { minLength: 2, maxLength: 8 }).map((parts) => parts.map(([p, b]) => p + b).join(''));
    const editArb = fc.record({ at: fc.nat(), length: fc.nat({ max: 6 }), insert: fc.constantFrom('', 'x', '4', '\n', '\n\n', '\r\n', ' 414B', 'Foo-9B ', '|') });
    fc.assert(
      fc.property(noteArb, fc.array(editArb, { minLength: 1, maxLength: 6 }), (start, edits) => {
        let state = open(start);
        for (const e of edits) {
          const n = state.doc.getText().length;
          const from = e.at % (n + 1);
          state = type(state, from, Math.min(n, from + e.length), e.insert);
        }
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});
