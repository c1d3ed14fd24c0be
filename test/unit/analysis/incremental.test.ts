import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeNote, createRecognizers, type NoteAnalysis } from '../../../server/src/analysis';
import { defaultClaimCheckOptions } from '../../../server/src/check/claims';
import { noteDiagnostics } from '../../../server/src/features/noteDiagnostics';
import { updateAnalysis } from '../../../server/src/analysis/incremental';
import { buildAliasIndex } from '../../../server/src/recognize/aliasIndex';
import { fakeKnowledge } from '../../support/fakeKnowledge';
import { analysisFacts, bundledRecognizers } from '../../support/analysis';
import { bundledKnowledge, examplesDir } from '../../support/knowledge';
import { applyEdit, edit, note, plainNote, SEED, type Edit } from '../../support/randomNotes';

const bundled = bundledRecognizers;
const facts = analysisFacts;

/** `incremental` equals `fresh`: the same mask, and the same mentions, claims and quantities to the last field. */
function assertSameAnalysis(incremental: NoteAnalysis, fresh: NoteAnalysis, context: string): void {
  const same = incremental.mask === fresh.mask;
  // The readable facts are built only to say what differs.
  if (!same) assert.deepEqual(facts(incremental), facts(fresh), context);
  try {
    assert.deepEqual([incremental.mentions, incremental.claims, incremental.quantities], [fresh.mentions, fresh.claims, fresh.quantities], context);
  } catch (error) {
    assert.deepEqual(facts(incremental), facts(fresh), context);
    throw error;
  }
}

/**
 * Applies `edits` one by one (or `perEvent` at a time, as one change event), comparing the
 * incremental analysis with a fresh one after each event.
 */
function check(text: string, edits: Edit[], perEvent = 1, r = bundled(), kb = bundledKnowledge().kb): void {
  let doc = TextDocument.create('file:///note.md', 'markdown', 1, text);
  let analysis = analyzeNote(doc, r);
  let fresh = analysis;
  let diagnostics = noteDiagnostics(analysis, kb, defaultClaimCheckOptions);
  for (let i = 0; i < edits.length; i += perEvent) {
    const changes = [];
    let next = doc;
    let start = 0;
    let e = edits[i];
    for (e of edits.slice(i, i + perEvent)) {
      const applied = applyEdit(next.getText(), e);
      start = applied.start;
      const change = { range: { start: next.positionAt(applied.start), end: next.positionAt(applied.end) }, text: e.insert };
      next = TextDocument.update(TextDocument.create(doc.uri, 'markdown', next.version, next.getText()), [change], next.version);
      assert.equal(next.getText(), applied.text);
      changes.push(change);
    }
    const before = doc.getText();
    doc = TextDocument.update(TextDocument.create(doc.uri, 'markdown', doc.version, before), changes, doc.version + 1);
    assert.equal(doc.getText(), next.getText());
    const previous = analysis;
    // Every fourth event without its changes: the edit is then found by comparing texts.
    analysis = updateAnalysis(analysis, doc, i % 4 === 3 ? undefined : changes, r);
    // The fresh analysis of the text, made again only when it can differ: an update that fell
    // back to a full analysis (no changed span) is one, and an event that left the text as it
    // was has the fresh analysis of the event before (analysis is a function of the text).
    if (analysis.changed === undefined) fresh = analysis;
    else if (doc.getText() !== before) fresh = analyzeNote(doc, r);
    if (analysis.changed) assertUnchangedOutside(previous, analysis);
    const context = JSON.stringify({ before: text, edits, perEvent });
    assertSameAnalysis(analysis, fresh, context);
    // Diagnostics updated around the edit equal diagnostics computed afresh.
    diagnostics = noteDiagnostics(analysis, kb, defaultClaimCheckOptions, diagnostics);
    assert.deepEqual(diagnostics.items, noteDiagnostics(fresh, kb, defaultClaimCheckOptions).items, context);
    // Positions from the edited line index are those of the document.
    const length = doc.getText().length;
    for (const offset of [0, start, Math.min(length, start + e.insert.length), Math.floor(length / 2), length]) {
      assert.deepEqual(analysis.range({ start: offset, end: offset }).start, doc.positionAt(offset), context);
      assert.equal(analysis.offsetAt(doc.positionAt(offset)), doc.offsetAt(doc.positionAt(offset)), context);
    }
  }
}

/** Outside the span an incremental analysis reports as changed, it is the previous one, moved. */
function assertUnchangedOutside(previous: NoteAnalysis, next: NoteAnalysis): void {
  const { start, end, delta } = next.changed!;
  assert.equal(next.mask.slice(0, start), previous.mask.slice(0, start));
  assert.equal(next.mask.slice(end), previous.mask.slice(end - delta));
  const moved = <T extends { start: number; end: number }>(xs: readonly T[]) => xs.map((x) => ({ ...x, start: x.start + delta, end: x.end + delta }));
  for (const key of ['mentions', 'claims'] as const) {
    assert.deepEqual(next[key].filter((x) => x.end <= start), previous[key].filter((x) => x.end <= start), key);
    assert.deepEqual(next[key].filter((x) => x.start >= end), moved(previous[key].filter((x) => x.start >= end - delta)), key);
  }
}

/** `check` over notes made of `piece`s (joined by `join`) and edits that insert pieces: `runs` runs, at least `steps` edits. */
function checkPieces(piece: fc.Arbitrary<string>, join: (pieces: string[]) => string, runs: number, steps: number): void {
  const text = fc.array(piece, { minLength: 3, maxLength: 24 }).map(join);
  const move = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.integer({ min: 0, max: 18 }), insert: piece });
  let done = 0;
  fc.assert(
    fc.property(text, fc.array(move, { minLength: 2, maxLength: 10 }), (t, edits) => {
      done += edits.length;
      check(t, edits);
    }),
    { seed: SEED, numRuns: runs },
  );
  assert.ok(done >= steps, `only ${done} edit steps`);
}

describe('incremental analysis', () => {
  it('keeps mentions and claims exact when typing into the example note', () => {
    const text = readFileSync(path.join(examplesDir, 'skt-500b-ko.md'), 'utf8');
    const at = text.indexOf('6850억');
    check(text, [
      { at: at / (text.length + 1), remove: 4, insert: '685B' },
      { at: 0.5, remove: 0, insert: '\n```\n' },
      { at: 0.9, remove: 0, insert: '```\n' },
      { at: 0.2, remove: 0, insert: '딥시크(DeepSeek) V3.1은 6850억 매개변수. ' },
    ]);
  });

  it('handles several changes in one event', () => {
    const r = bundled();
    const text = 'SKT는 5000억.\n\nDeepSeek V3.1 has 685B parameters.\n';
    const doc0 = TextDocument.create('file:///n.md', 'markdown', 1, text);
    const changes = [
      { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 8 } }, text: 'Llama 3.1' },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, text: '딥시크' },
    ];
    const doc1 = TextDocument.update(TextDocument.create(doc0.uri, 'markdown', 1, text), changes, 2);
    assert.deepEqual(facts(updateAnalysis(analyzeNote(doc0, r), doc1, changes, r)), facts(analyzeNote(doc1, r)));
  });

  it(`equals a fresh analysis after every random edit (seed ${SEED})`, () => {
    let steps = 0;
    fc.assert(
      fc.property(note, fc.array(edit, { minLength: 2, maxLength: 12 }), (text, edits) => {
        steps += edits.length;
        check(text, edits);
      }),
      // `npm run test:fuzz` checks incremental = fresh again over LSP, on notes of every shape.
      // `npm run mutants`: this property's kills came by run 32.
      { seed: SEED, numRuns: 100 },
    );
    assert.ok(steps >= 600, `only ${steps} edit steps`);
  });

  it('finds the edit itself when no change events are given', () => {
    const r = bundled();
    const before = TextDocument.create('file:///n.md', 'markdown', 1, 'SKT는 5000억.\n\nDeepSeek V3 has 685B.\n');
    const after = TextDocument.create('file:///n.md', 'markdown', 2, 'SKT는 5000억.\n\nDeepSeek V3.1 has 685B.\n');
    const analysis = updateAnalysis(analyzeNote(before, r), after, undefined, r);
    assert.deepEqual(facts(analysis), facts(analyzeNote(after, r)));
    assert.deepEqual(analysis.changed && [analysis.changed.previousVersion, analysis.changed.delta], [1, 2]);
  });

  it(`equals a fresh analysis after events of several changes (seed ${SEED})`, () => {
    fc.assert(
      fc.property(note, fc.array(edit, { minLength: 2, maxLength: 9 }), fc.integer({ min: 2, max: 3 }), (text, edits, perEvent) => check(text, edits, perEvent)),
      { seed: SEED, numRuns: 100 },
    );
  });

  it(`equals a fresh analysis after every random edit of ordinary notes (seed ${SEED})`, () => {
    fc.assert(
      fc.property(plainNote, fc.array(edit, { minLength: 2, maxLength: 12 }), (text, edits) => check(text, edits)),
      { seed: SEED, numRuns: 120 },
    );
  });

  it(`keeps document short forms exact as full mentions come and go (seed ${SEED})`, () => {
    // Full mentions, their short forms, and look-alikes, so edits add and remove first mentions.
    const piece = fc.constantFrom(
      'Llama 4 Maverick', 'Maverick', 'Llama 4 Scout', 'Scout', 'DeepSeek-R1', 'R1', 'DeepSeek-V3', 'V3', 'v3',
      'Kimi K2', 'K2', 'GPT-4o', '4o', '4o-mini', 'Claude Opus 4', 'Opus 4', ' the area ', ', ', '. ', '\n\n', ' has 400B parameters',
    );
    checkPieces(piece, (xs) => xs.join(' '), 200, 1000);
  });

  it(`keeps variant words in a family's table row exact as rows and families change (seed ${SEED})`, () => {
    // Table rows with families, their members' variant words, pipes and line breaks, so edits
    // move a word into or out of its family's row while the family stays named elsewhere.
    const piece = fc.constantFrom(
      '| Phi-3 |', '| Gemini 1.5 |', '| Gemini 1.0 |', ' Mini |', ' Small, Medium |', ' Pro |', ' Pro, Ultra |', ' open |',
      'Phi-3', 'Gemini 1.5', ' | ', '\n', '\r\n', '\n| --- | --- |\n', ' 3.8B ', 'Phi-',
    );
    checkPieces(piece, (xs) => `Phi-3 and Gemini 1.5 and Gemini 1.0.\n\n| Family | Sizes |\n| --- | --- |\n${xs.join('')}`, 150, 800);
  });

  it('reads a variant word again when its family earlier in the row changes, however long the cell between', () => {
    const filler = 'a long description of the family and its licence, '.repeat(6);
    const text = `Phi-3 and Gemini 1.0.\n\n| Family | Notes |\n| --- | --- |\n| Phi-X | ${filler}Mini |\n| Phi-3 | ${filler}Small |\n`;
    const x = text.indexOf('Phi-X') + 4;
    const y = text.lastIndexOf('Phi-3') + 4;
    check(text, [
      { at: x / text.length, remove: 1, insert: '3' },
      { at: y / text.length, remove: 1, insert: 'Y' },
    ]);
    assert.deepEqual(
      analyzeNote(TextDocument.create('file:///n.md', 'markdown', 1, text.replace('Phi-X', 'Phi-3')), bundled()).mentions.filter((m) => m.short).map((m) => m.text),
      ['Mini', 'Small'],
    );
  });

  it('checks again only the paragraph an edit is in, in a CRLF note too', () => {
    const r = bundled();
    const kb = bundledKnowledge().kb;
    for (const eol of ['\n', '\r\n']) {
      const filler = 'Open models keep growing, and notes keep comparing them by size. '.repeat(5);
      const text = ['DeepSeek-V3.1 has 700B parameters, more than most open models.', '', `${filler}Llama 3.1 405B has 500B parameters.`, ''].join(eol);
      const doc = TextDocument.create('file:///n.md', 'markdown', 1, text);
      const first = analyzeNote(doc, r);
      const before = noteDiagnostics(first, kb, defaultClaimCheckOptions);
      const at = text.indexOf('500B');
      const change = { range: { start: doc.positionAt(at), end: doc.positionAt(at + 3) }, text: '600' };
      const next = TextDocument.update(TextDocument.create(doc.uri, 'markdown', 1, text), [change], 2);
      const after = noteDiagnostics(updateAnalysis(first, next, [change], r), kb, defaultClaimCheckOptions, before);
      assert.equal(after.items.length, 2, JSON.stringify(eol));
      // The first paragraph's diagnostic is the earlier object, moved by nothing: it was not checked again.
      assert.equal(after.items[0], before.items[0], JSON.stringify(eol));
      assert.notEqual(after.items[1], before.items[1], JSON.stringify(eol));
    }
  });

  it('reads a heading again when the paragraph after it changes what it is about', () => {
    const filler = `${'Claude Monet painted water lilies at Giverny for the last thirty years of his long life. '.repeat(6)}And more.`;
    const note = `# Notes\n\n## Claude 100B\n\n${filler}\n\nEnd.\n`;
    const at = note.indexOf('And more.') / note.length;
    // Turn the paragraph after the heading into one about AI, then back.
    check(note, [
      { at, remove: 0, insert: ' The model' },
      { at, remove: 10, insert: '' },
    ]);
    const kb = bundledKnowledge().kb;
    const r = bundled();
    const doc = TextDocument.create('file:///n.md', 'markdown', 1, note.replace('And more.', 'A model.'));
    const first = analyzeNote(doc, r).mentions[0];
    assert.deepEqual([doc.positionAt(first.start).line, kb.get(first.id)!.name], [2, 'Claude']);
  });

  it(`keeps names that need a paragraph about AI exact as the paragraph changes (seed ${SEED})`, () => {
    const kb = fakeKnowledge([
      { kind: 'family', id: 'claude', name: 'Claude', aliases: [], sources: [], ambiguous: true, organization: 'anthropic' },
      { kind: 'organization', id: 'apple', name: 'Apple', aliases: [], sources: [], ambiguous: true },
      { kind: 'organization', id: 'anthropic', name: 'Anthropic', aliases: [], sources: [] },
      { kind: 'model', id: 'gpt-4', name: 'GPT-4', aliases: [], sources: [] },
    ]);
    const r = createRecognizers(kb, buildAliasIndex(kb));
    // Blank lines and headings make title lines, whose context is the paragraph after them; the
    // maker's name beside a name makes its paragraph about AI too.
    const piece = fc.constantFrom('Claude', 'Claude Monet', 'Apple', 'pie', 'GPT-4', 'model', 'Anthropic', ' painted ', '\n\n', '\n\n## ', '\n', '. ', ' and ');
    const text = fc.array(piece, { minLength: 3, maxLength: 20 }).map((xs) => xs.join(' '));
    const move = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.integer({ min: 0, max: 12 }), insert: piece });
    fc.assert(
      fc.property(text, fc.array(move, { minLength: 2, maxLength: 10 }), (t, edits) => check(t, edits, 1, r, kb)),
      { seed: SEED, numRuns: 200 },
    );
  });
});
