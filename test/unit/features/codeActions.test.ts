import * as assert from 'node:assert/strict';
import { DiagnosticSeverity, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { claimQuickFixes } from '../../../server/src/features/codeActions';
import { defaultClaimCheckOptions } from '../../../server/src/check/claims';
import { claimDiagnostics } from '../../../server/src/features/claimDiagnostics';
import { analyzeClaims, rangeOf } from '../../support/claims';
import { bundledKnowledge } from '../../support/knowledge';

describe('claim quick fixes', () => {
  const { kb } = bundledKnowledge();
  const uri = 'file:///notes/deepseek.md';
  const fixes = (text: string, locale: 'en' | 'ko' = 'en', version = 7) => {
    const analysis = analyzeClaims(text, uri, version);
    const diagnostics = claimDiagnostics(analysis, kb, defaultClaimCheckOptions);
    return { analysis, diagnostics, actions: claimQuickFixes(analysis, kb, diagnostics, uri, locale) };
  };

  it('replaces a B count with the knowledge-base value in B, as one versioned edit', () => {
    const { analysis, diagnostics, actions } = fixes('# V3.1\n\nDeepSeek-V3.1 has 700B parameters.');
    assert.equal(diagnostics.length, 1);
    assert.deepEqual(actions, [
      {
        title: 'Replace with 671B (knowledge base)',
        kind: 'quickfix',
        diagnostics: [diagnostics[0]],
        isPreferred: true,
        edit: {
          documentChanges: [
            {
              textDocument: { uri, version: 7 },
              edits: [{ range: rangeOf(analysis, '700B'), newText: '671B' }],
            },
          ],
        },
      },
    ]);
    assert.deepEqual(rangeOf(analysis, '700B'), { start: { line: 2, character: 18 }, end: { line: 2, character: 22 } });
  });

  it('replaces a 억 count in 억, in Korean', () => {
    const { analysis, diagnostics, actions } = fixes('딥시크(DeepSeek) V3.1의 매개변수는 7000억 개다.', 'ko', 2);
    assert.deepEqual(actions, [
      {
        title: '지식 베이스 값 6710억(으)로 바꾸기',
        kind: 'quickfix',
        diagnostics: [diagnostics[0]],
        isPreferred: true,
        edit: {
          documentChanges: [
            { textDocument: { uri, version: 2 }, edits: [{ range: rangeOf(analysis, '7000억'), newText: '6710억' }] },
          ],
        },
      },
    ]);
  });

  it('keeps digit grouping and the active count', () => {
    const newTexts = (text: string) =>
      fixes(text).actions.map((a) => a.edit!.documentChanges!.map((c) => ('edits' in c ? c.edits.map((e) => (e as TextEdit).newText) : [])));
    assert.deepEqual(newTexts('DeepSeek-V3.1의 매개변수는 7,000억 개다.'), [[['6,710억']]]);
    assert.deepEqual(newTexts('DeepSeek-V3.1 (685B-A40B) is open.'), [[['37B']]]);
  });

  it('ignores other diagnostics and stale ones whose claim is gone', () => {
    const analysis = analyzeClaims('DeepSeek-V3.1 has 700B parameters.', uri);
    const [mismatch] = claimDiagnostics(analysis, kb, defaultClaimCheckOptions);
    const other: Diagnostic = { ...mismatch, code: 'entity.unknown' };
    const foreign: Diagnostic = { ...mismatch, source: 'markdownlint' };
    const stale: Diagnostic = { ...mismatch, range: rangeOf(analysis, 'DeepSeek') };
    assert.deepEqual(claimQuickFixes(analysis, kb, [other, foreign, stale], uri, 'en'), []);
    // After the number was fixed, the old diagnostic offers nothing.
    const fixed = analyzeClaims('DeepSeek-V3.1 has 671B parameters.', uri, 2);
    assert.deepEqual(claimQuickFixes(fixed, kb, [mismatch], uri, 'en'), []);
  });

  it('works without the diagnostic data a client may drop', () => {
    const analysis = analyzeClaims('DeepSeek-V3.1 has 700B parameters.', uri);
    const bare: Diagnostic = {
      range: rangeOf(analysis, '700B'),
      severity: DiagnosticSeverity.Information,
      code: 'claim.mismatch',
      source: 'research-notes',
      message: '',
    };
    assert.deepEqual(claimQuickFixes(analysis, kb, [bare], uri, 'en').map((a) => a.title), ['Replace with 671B (knowledge base)']);
  });
});
