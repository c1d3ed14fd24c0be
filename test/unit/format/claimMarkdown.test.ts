import * as assert from 'node:assert/strict';
import { claimHoverMarkdown } from '../../../server/src/format/claim';
import { analyzeClaims, claimOf, exampleNote } from '../../support/claims';
import { bundledKnowledge } from '../../support/knowledge';

const en = { locale: 'en', numberFormat: 'auto' } as const;
const ko = { locale: 'ko', numberFormat: 'auto' } as const;

describe('claim hover Markdown', () => {
  const { kb } = bundledKnowledge();
  const example = analyzeClaims(exampleNote('skt-500b-ko.md'));
  const md = (text: string, claim: string, options: Parameters<typeof claimHoverMarkdown>[2] = en) =>
    claimHoverMarkdown(claimOf(analyzeClaims(text), claim), kb, options);

  it('6850억 in the example note: both notations, digits, the model and agreement through the alternate', () => {
    const claim = claimOf(example, '6850억');
    assert.equal(
      claimHoverMarkdown(claim, kb, en),
      [
        '**6850억** = 685B = 685,000,000,000',
        '',
        'DeepSeek-V3.1: 671B (6710억) total · 37B (370억) active',
        '',
        '✓ Agrees with the knowledge base (alternate: incl. 14B multi-token-prediction module (Hugging Face count))',
      ].join('\n'),
    );
    assert.equal(
      claimHoverMarkdown(claim, kb, ko),
      [
        '**6850억** = 685B = 685,000,000,000',
        '',
        'DeepSeek-V3.1: 671B (6710억) 전체 · 37B (370억) 활성',
        '',
        '✓ 지식 베이스와 일치 (다른 집계: incl. 14B multi-token-prediction module (Hugging Face count))',
      ].join('\n'),
    );
  });

  it('a B claim that agrees with the model’s own count', () => {
    assert.equal(
      md('DeepSeek-V3.1 has 671B parameters.', '671B'),
      ['**671B** = 6710억 = 671,000,000,000', '', 'DeepSeek-V3.1: 671B (6710억) total · 37B (370억) active', '', '✓ Agrees with the knowledge base'].join('\n'),
    );
  });

  it('a mismatching claim names the knowledge-base value in the note’s notation', () => {
    assert.equal(
      md('DeepSeek-V3.1 has 700B parameters.', '700B'),
      ['**700B** = 7000억 = 700,000,000,000', '', 'DeepSeek-V3.1: 671B (6710억) total · 37B (370억) active', '', '✗ Differs from the knowledge base (671B)'].join('\n'),
    );
    assert.equal(
      md('DeepSeek-V3.1의 매개변수는 7,000억 개다.', '7,000억', ko),
      ['**7,000억** = 700B = 700,000,000,000', '', 'DeepSeek-V3.1: 671B (6710억) 전체 · 37B (370억) 활성', '', '✗ 지식 베이스와 다름 (6710억)'].join('\n'),
    );
  });

  it('follows numberFormat in the model line and the tolerance in the verdict', () => {
    assert.equal(
      md('DeepSeek-V3.1 has 700B parameters.', '700B', { locale: 'en', numberFormat: '억', tolerance: 0.05 }),
      ['**700B** = 7000억 = 700,000,000,000', '', 'DeepSeek-V3.1: 6710억 total · 370억 active', '', '✓ Agrees with the knowledge base (alternate: incl. 14B multi-token-prediction module (Hugging Face count))'].join('\n'),
    );
  });

  it('qualifier and active lines; bounds are not judged', () => {
    assert.equal(
      md('DeepSeek-V3.1: 900B 이상', '900B'),
      ['**900B** = 9000억 = 900,000,000,000', '', 'Bound — not checked', '', 'DeepSeek-V3.1: 671B (6710억) total · 37B (370억) active'].join('\n'),
    );
    assert.equal(
      md('DeepSeek-V3.1: 900B 이상', '900B', ko).split('\n\n')[1],
      '상한/하한 — 검사하지 않음',
    );
    assert.equal(
      md('DeepSeek-V3.1 has about 700B parameters.', '700B'),
      ['**700B** = 7000억 = 700,000,000,000', '', 'Approximate', '', 'DeepSeek-V3.1: 671B (6710억) total · 37B (370억) active', '', '✗ Differs from the knowledge base (671B)'].join('\n'),
    );
    assert.equal(
      md('DeepSeek-V3.1의 활성 매개변수는 370억 정도다.', '370억', ko),
      ['**370억** = 37B = 37,000,000,000', '', '근사값', '', '활성 매개변수', '', 'DeepSeek-V3.1: 671B (6710억) 전체 · 37B (370억) 활성', '', '✓ 지식 베이스와 일치'].join('\n'),
    );
    assert.equal(md('Some models have 7B–70B parameters.', '7B'), ['**7B** = 70억 = 7,000,000,000', '', 'Range — not checked'].join('\n'));
    assert.equal(md('이 모델은 5000억이 아니다.', '5000억', ko), ['**5000억** = 500B = 500,000,000,000', '', '부정 — 검사하지 않음'].join('\n'));
  });

  it('an undisclosed size: the model line says so and there is no verdict', () => {
    assert.equal(md('GPT-4 has 1.8T parameters.', '1.8T'), ['**1.8T** = 1조 8000억 = 1,800,000,000,000', '', 'GPT-4: undisclosed'].join('\n'));
    assert.equal(md('GPT-4 has 1.8T parameters.', '1.8T', ko), ['**1.8T** = 1조 8000억 = 1,800,000,000,000', '', 'GPT-4: 비공개'].join('\n'));
  });

  it('a claim about no model in particular: only the number', () => {
    assert.equal(claimHoverMarkdown(claimOf(example, '5000억'), kb, en), '**5000억** = 500B = 500,000,000,000');
  });
});
