import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { checkClaim, defaultClaimCheckOptions, type ClaimCheckOptions } from '../../../server/src/check/claims';
import { claimDiagnostics } from '../../../server/src/features/claimDiagnostics';
import type { ModelEntity } from '../../../server/src/knowledge/types';
import type { Claim } from '../../../server/src/recognize/types';
import { analyzeClaims as analyzeClaimsWith, claimOf, exampleNote, rangeOf } from '../../support/claims';
import { frozenKnowledge } from '../../support/knowledge';

/** The claims of `text` against a frozen copy of bundled entries: counts and sources stay as the expectations say. */
const analyzeClaims = (text: string) => analyzeClaimsWith(text, undefined, undefined, frozenKnowledge());

const HF = 'https://huggingface.co/deepseek-ai/DeepSeek-V3.1';

describe('claim diagnostics (a frozen copy of bundled entries)', () => {
  const { kb } = frozenKnowledge();
  const check = (text: string, options: Partial<ClaimCheckOptions> = {}) => {
    const analysis = analyzeClaims(text);
    return { analysis, diagnostics: claimDiagnostics(analysis, kb, { ...defaultClaimCheckOptions, ...options }) };
  };
  const messagesOf = (text: string, options: Partial<ClaimCheckOptions> = {}) =>
    check(text, options).diagnostics.map((d) => d.message);

  it('by default passes a count within 2 % and reports one further off as Information, in English', () => {
    // Llama 3.1 405B: 413B is 1.98 % off, 414B 2.2 %.
    const diagnostics = claimDiagnostics(analyzeClaims('Llama 3.1 405B has 413B parameters. Llama 3.1 405B has 414B parameters.'), kb);
    assert.deepEqual(
      diagnostics.map((d) => [d.range.start.character, d.severity, d.message]),
      [[55, DiagnosticSeverity.Information, 'Llama 3.1 405B has 405B total parameters (knowledge base), not 414B.']],
    );
  });

  it('reports 700B for DeepSeek-V3.1: range, severity, code, source, message, link and fix data', () => {
    const { analysis, diagnostics } = check('DeepSeek-V3.1 has 700B parameters.');
    assert.deepEqual(diagnostics, [
      {
        range: rangeOf(analysis, '700B'),
        severity: DiagnosticSeverity.Information,
        code: 'claim.mismatch',
        source: 'research-notes',
        message: 'DeepSeek-V3.1 has 671B total parameters (knowledge base; also reported: 685B), not 700B.',
        codeDescription: { href: HF },
        data: { kind: 'claim.mismatch', expected: 671_000_000_000, notation: 'B' },
      },
    ]);
    assert.deepEqual(rangeOf(analysis, '700B'), { start: { line: 0, character: 18 }, end: { line: 0, character: 22 } });
  });

  describe('agrees with the model count or any alternate', () => {
    const rows: [text: string, claim: string][] = [
      ['DeepSeek-V3.1 has 671B parameters.', '671B'],
      ['DeepSeek-V3.1 has 685B parameters.', '685B'],
      ['DeepSeek-V3.1 has about 680B parameters.', '680B'],
      ['이는 오픈소스 모델 중 최대 규모인 딥시크(DeepSeek) V3.1의 6850억에는 미치지 못한다.', '6850억'],
      ['딥시크(DeepSeek) V3.1의 매개변수는 6,710억 개다.', '6,710억'],
      ['DeepSeek-V3.1 (685B-A37B) is open.', '37B'],
    ];
    for (const [text, claim] of rows) {
      it(text, () => {
        const { analysis, diagnostics } = check(text);
        assert.equal(claimOf(analysis, claim).refersTo, 'deepseek-v3.1', 'the claim is linked, so it was checked');
        assert.deepEqual(diagnostics, []);
      });
    }
  });

  it('writes both values in the note’s notation, in the client’s language', () => {
    const text = 'DeepSeek-V3.1의 매개변수는 7,000억 개다.';
    assert.deepEqual(messagesOf(text, { locale: 'ko' }), [
      'DeepSeek-V3.1의 전체 매개변수는 6710억입니다(지식 베이스, 다른 집계: 6850억). 노트의 값: 7,000억.',
    ]);
    assert.deepEqual(messagesOf(text), [
      'DeepSeek-V3.1 has 6710억 total parameters (knowledge base; also reported: 6850억), not 7,000억.',
    ]);
    assert.deepEqual(messagesOf('DeepSeek-V3.1 has 700B parameters.', { locale: 'ko' }), [
      'DeepSeek-V3.1의 전체 매개변수는 671B입니다(지식 베이스, 다른 집계: 685B). 노트의 값: 700B.',
    ]);
  });

  it('checks approximate claims too', () => {
    assert.deepEqual(messagesOf('DeepSeek-V3.1 has about 700B parameters.'), [
      'DeepSeek-V3.1 has 671B total parameters (knowledge base; also reported: 685B), not 700B.',
    ]);
  });

  it('never reports bounds or ranges', () => {
    for (const text of ['DeepSeek-V3.1 has over 900B parameters.', 'DeepSeek-V3.1: 900B 이상', 'DeepSeek-V3.1: 600B–700B']) {
      const { analysis, diagnostics } = check(text);
      assert.ok(analysis.claims.length > 0, text);
      assert.deepEqual(diagnostics, [], text);
    }
    // Linked to the model, yet a bound.
    assert.deepEqual(
      analyzeClaims('DeepSeek-V3.1: 900B 이상').claims.map((c) => [c.qualifier, c.refersTo]),
      [['bound', 'deepseek-v3.1']],
    );
  });

  it('follows the tolerance and severity options', () => {
    const text = 'DeepSeek-V3.1 has 660B parameters.'; // 1.6 % below 671B, 3.6 % below 685B
    assert.deepEqual(messagesOf(text), []);
    assert.deepEqual(messagesOf(text, { tolerance: 0.01 }), [
      'DeepSeek-V3.1 has 671B total parameters (knowledge base; also reported: 685B), not 660B.',
    ]);
    // 700B is 2.2 % above the 685B alternate.
    assert.deepEqual(messagesOf('DeepSeek-V3.1 has 700B parameters.', { tolerance: 0.025 }), []);
    assert.deepEqual(
      check('DeepSeek-V3.1 has 700B parameters.', { severity: DiagnosticSeverity.Warning }).diagnostics.map((d) => d.severity),
      [DiagnosticSeverity.Warning],
    );
  });

  it('checks active claims against the active count', () => {
    assert.deepEqual(messagesOf('DeepSeek-V3.1 activates 37B active parameters'), []);
    const { analysis, diagnostics } = check('DeepSeek-V3.1 activates 40B active parameters');
    assert.deepEqual(
      diagnostics.map((d) => [d.range, d.message, d.data]),
      [
        [
          rangeOf(analysis, '40B'),
          'DeepSeek-V3.1 has 37B active parameters (knowledge base), not 40B.',
          { kind: 'claim.mismatch', expected: 37_000_000_000, notation: 'B' },
        ],
      ],
    );
    assert.deepEqual(messagesOf('DeepSeek-V3.1의 활성 매개변수는 400억 개다.', { locale: 'ko' }), [
      'DeepSeek-V3.1의 활성 매개변수는 370억입니다(지식 베이스). 노트의 값: 400억.',
    ]);
  });

  it('has nothing to check for an undisclosed size', () => {
    const { analysis, diagnostics } = check('GPT-4 has 1.8T parameters.');
    assert.equal(claimOf(analysis, '1.8T').refersTo, 'openai-gpt-4');
    assert.deepEqual(diagnostics, []);
  });

  it('finds no mismatch in the example note skt-500b-ko.md', () => {
    const analysis = analyzeClaims(exampleNote('skt-500b-ko.md'));
    assert.equal(claimOf(analysis, '6850억').refersTo, 'deepseek-v3.1');
    assert.deepEqual(claimDiagnostics(analysis, kb, { ...defaultClaimCheckOptions, locale: 'ko' }), []);
  });
});

describe('checkClaim', () => {
  const claim = (value: number, extra: Partial<Claim> = {}): Claim => ({
    start: 0, end: 4, text: '', value, active: false, qualifier: 'exact', notation: 'B', refersTo: 'm', ...extra,
  });
  const model = (parameters: ModelEntity['parameters'], architecture?: ModelEntity['architecture']): ModelEntity => ({
    kind: 'model', id: 'm', name: 'M', aliases: [], sources: [], parameters, architecture,
  });
  const alt = { total: 685e9, note: 'with MTP' };
  const deepseek = model({ total: 671e9, active: 37e9, alternates: [alt] }, 'moe');

  it('names what the claim matched, or the value expected', () => {
    assert.deepEqual(checkClaim(claim(671e9), deepseek, 0.02), { agrees: true, matched: 'total', alternates: [] });
    assert.deepEqual(checkClaim(claim(685e9), deepseek, 0.02), { agrees: true, matched: alt, alternates: [] });
    assert.deepEqual(checkClaim(claim(37e9, { active: true }), deepseek, 0.02), { agrees: true, matched: 'active', alternates: [] });
    assert.deepEqual(checkClaim(claim(700e9), deepseek, 0.02), { agrees: false, expected: 671e9, alternates: [685e9] });
    assert.deepEqual(checkClaim(claim(40e9, { active: true }), deepseek, 0.02), { agrees: false, expected: 37e9, alternates: [] });
  });

  it('is undefined for bounds, ranges, negations and unknown or undisclosed counts', () => {
    for (const qualifier of ['bound', 'range', 'negated'] as const) {
      assert.equal(checkClaim(claim(700e9, { qualifier }), deepseek, 0.02), undefined, qualifier);
    }
    assert.equal(checkClaim(claim(1.8e12), model({ disclosed: false }), 0.02), undefined);
    assert.equal(checkClaim(claim(1.8e12), model(undefined), 0.02), undefined);
    assert.equal(checkClaim(claim(20e9, { active: true }), model({ total: 100e9 }, 'moe'), 0.02), undefined);
  });

  it('reads the total of a dense model as its active count', () => {
    const dense = model({ total: 70e9 }, 'dense');
    assert.deepEqual(checkClaim(claim(70e9, { active: true }), dense, 0.02), { agrees: true, matched: 'active', alternates: [] });
    assert.deepEqual(checkClaim(claim(8e9, { active: true }), dense, 0.02), { agrees: false, expected: 70e9, alternates: [] });
  });

  it('compares with the tolerance as a fraction of the knowledge-base value', () => {
    const m = model({ total: 100e9 });
    assert.equal(checkClaim(claim(102e9), m, 0.02)?.agrees, true);
    assert.equal(checkClaim(claim(102.1e9), m, 0.02)?.agrees, false);
    assert.equal(checkClaim(claim(100e9), m, 0)?.agrees, true);
  });

  it('names the nearest count when a wide tolerance reaches several', () => {
    // 700B is 4.3 % above 671B and 2.2 % above 685B.
    assert.deepEqual(checkClaim(claim(700e9), deepseek, 0.05), { agrees: true, matched: alt, alternates: [] });
    assert.deepEqual(checkClaim(claim(675e9), deepseek, 0.05), { agrees: true, matched: 'total', alternates: [] });
  });
});
