import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeNote, type NoteAnalysis } from '../../../server/src/analysis';
import { decodeSemanticTokens, legend, semanticTokens, tokenModifiers, tokenTypes, type DecodedToken } from '../../../server/src/features/semanticTokens';
import { linkClaims } from '../../../server/src/recognize/claims';
import { findQuantities } from '../../../server/src/recognize/quantities';
import { bundledKnowledge, examplesDir } from '../../support/knowledge';

/** Analyses `text` with the bundled knowledge and the claim recognizers, as `languageService.ts` does. */
function analyze(text: string): NoteAnalysis {
  const { kb, index } = bundledKnowledge();
  const isModel = (id: string) => kb.get(id)?.kind === 'model';
  return analyzeNote(TextDocument.create('file:///note.md', 'markdown', 1, text), {
    aliases: index,
    claims: (mask, mentions) => linkClaims(mask, findQuantities(mask), mentions, { isModel }),
  });
}

/** The tokens the analysis should give: every mention and claim, by position, each on one line here. */
function expected(analysis: NoteAnalysis, modifiers: (item: { start: number; id?: string }) => string[] = () => []): DecodedToken[] {
  const items = [
    ...analysis.mentions.map((m) => ({ start: m.start, end: m.end, type: m.kind as string, id: m.id })),
    ...analysis.claims.map((c) => ({ start: c.start, end: c.end, type: 'parameterCount', id: undefined })),
  ].sort((a, b) => a.start - b.start);
  return items.map((item) => {
    const { start, end } = analysis.range(item);
    assert.equal(start.line, end.line, `${analysis.text.slice(item.start, item.end)} is on one line`);
    return { line: start.line, start: start.character, length: end.character - start.character, type: item.type, modifiers: modifiers(item) };
  });
}

const decode = (analysis: NoteAnalysis, opts?: Parameters<typeof semanticTokens>[1]) => decodeSemanticTokens(semanticTokens(analysis, opts).data, legend);

/** Line, UTF-16 column and offset of the first occurrence of `needle`. */
function at(text: string, needle: string): { line: number; start: number; offset: number } {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `${needle} in the note`);
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, start: offset - before.lastIndexOf('\n') - 1, offset };
}

describe('semantic tokens', () => {
  const text = fs.readFileSync(path.join(examplesDir, 'skt-500b-ko.md'), 'utf8');
  const analysis = analyze(text);

  it('legend: model, organization, parameterCount, product; mismatch, userDefined — each declared and scoped by the extension', () => {
    assert.deepEqual(legend.tokenTypes, ['model', 'organization', 'parameterCount', 'product']);
    assert.deepEqual(legend.tokenModifiers, ['mismatch', 'userDefined']);
    // VS Code colours only what package.json declares: every type and modifier the server sends must be there.
    const contributes = (JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
      contributes: { semanticTokenTypes: { id: string }[]; semanticTokenModifiers: { id: string }[]; semanticTokenScopes: { scopes: Record<string, string[]> }[] };
    }).contributes;
    assert.deepEqual(contributes.semanticTokenTypes.map((t) => t.id), [...tokenTypes]);
    assert.deepEqual(contributes.semanticTokenModifiers.map((t) => t.id), [...tokenModifiers]);
    assert.deepEqual(Object.keys(contributes.semanticTokenScopes[0].scopes), [...tokenTypes]);
  });

  it('skt-500b-ko.md: exactly the mentions and claims of the analysis, in order', () => {
    assert.ok(analysis.mentions.length > 10 && analysis.claims.length > 3, 'the note has mentions and claims');
    assert.deepEqual(decode(analysis), expected(analysis));
  });

  it('skt-500b-ko.md: anchored tokens (compound mention, Korean counts, B counts, bounds)', () => {
    const tokens = decode(analysis);
    const token = (needle: string, type: string) => {
      const { line, start } = at(text, needle);
      return [tokens.find((t) => t.line === line && t.start === start), { line, start, length: needle.length, type, modifiers: [] }];
    };
    for (const [needle, type] of [
      ['딥시크(DeepSeek) V3.1', 'model'],
      ['6850억', 'parameterCount'],
      ['5000억', 'parameterCount'],
      ['SK텔레콤', 'organization'],
      ['100B', 'parameterCount'],
      ['500B', 'parameterCount'],
      ['LG AI연구원', 'organization'],
    ]) {
      const [actual, wanted] = token(needle, type);
      assert.deepEqual(actual, wanted, needle);
    }
  });

  it('modifiers: mismatch on the claims given, userDefined on the entities given', () => {
    const mismatches = new Set([at(text, '6850억').offset]);
    const userDefined = (id: string) => id === 'sk-telecom';
    const tokens = decode(analysis, { mismatches, userDefined });
    assert.deepEqual(
      tokens,
      expected(analysis, (item) => {
        if (item.id === undefined) return mismatches.has(item.start) ? ['mismatch'] : [];
        return userDefined(item.id) ? ['userDefined'] : [];
      }),
    );
    assert.ok(tokens.some((t) => t.modifiers.includes('mismatch')));
    assert.ok(tokens.some((t) => t.modifiers.includes('userDefined')));
  });

  it('range: only the tokens overlapping the range, positions still absolute', () => {
    const start = at(text, '## 3.').offset;
    const end = at(text, '## 4.').offset;
    const all = expected(analysis);
    const lines = [at(text, '## 3.').line, at(text, '## 4.').line];
    const inside = all.filter((t) => t.line >= lines[0] && t.line < lines[1]);
    assert.ok(inside.length > 0 && inside.length < all.length);
    assert.deepEqual(decode(analysis, { range: { start, end } }), inside);
    // A token cut by the range's edge is returned whole.
    const sk = at(text, 'SK텔레콤').offset;
    assert.deepEqual(decode(analysis, { range: { start: sk + 2, end: sk + 3 } }), all.filter((t) => t.line === at(text, 'SK텔레콤').line && t.start === at(text, 'SK텔레콤').start));
    assert.deepEqual(decode(analysis, { range: { start: 0, end: 0 } }), []);
  });

  it('a mention wrapped across lines is one token per line, blanks at the cut left out', () => {
    const note = 'Compare DeepSeek\n  V3.1 with 685B.\r\nThen SK\r\nTelecom and 🙂 딥시크 V3.1.\n';
    const wrapped = analyze(note);
    assert.deepEqual(
      wrapped.mentions.map((m) => [m.text, m.id]),
      [['DeepSeek\n  V3.1', 'deepseek-v3.1'], ['SK\r\nTelecom', 'sk-telecom'], ['딥시크 V3.1', 'deepseek-v3.1']],
    );
    assert.deepEqual(decode(wrapped), [
      { line: 0, start: 8, length: 8, type: 'model', modifiers: [] },
      { line: 1, start: 2, length: 4, type: 'model', modifiers: [] },
      { line: 1, start: 12, length: 4, type: 'parameterCount', modifiers: [] },
      { line: 2, start: 5, length: 2, type: 'organization', modifiers: [] },
      { line: 3, start: 0, length: 7, type: 'organization', modifiers: [] },
      { line: 3, start: 15, length: 8, type: 'model', modifiers: [] },
    ]);
    // A range over the second line only gets that line's part of the wrapped mention.
    const second = at(note, 'V3.1').offset;
    assert.deepEqual(decode(wrapped, { range: { start: second, end: second + 1 } }), [{ line: 1, start: 2, length: 4, type: 'model', modifiers: [] }]);
  });

  it('cuts a mention at a lone CR too (an old Mac line ending), never past the end of a line', () => {
    const note = 'Qwen2.5-Coder\r32B and SK\rTelecom.';
    const tokens = decode(analyze(note));
    assert.deepEqual(tokens.map((t) => [t.line, t.start, t.length]), [[0, 0, 13], [1, 0, 3], [1, 8, 2], [2, 0, 7]]);
  });

  it('encodes relative positions per the LSP spec', () => {
    const note = 'SKT 500B\nNC AI와 SKT';
    assert.deepEqual(semanticTokens(analyze(note)).data, [0, 0, 3, 1, 0, 0, 4, 4, 2, 0, 1, 0, 5, 1, 0, 0, 7, 3, 1, 0]);
  });
});
