import * as assert from 'node:assert/strict';
import { checkClaim } from '../../../server/src/check/claims';
import { claimHoverMarkdown } from '../../../server/src/format/claim';
import { nominalSize } from '../../../server/src/knowledge/nominal';
import { generationOf } from '../../../server/src/recognize/members';
import type { ModelEntity } from '../../../server/src/knowledge/types';
import type { Claim } from '../../../server/src/recognize/types';
import { claimDiagnostics } from '../../../server/src/features/claimDiagnostics';
import { analyzeText, claimLinks } from '../../support/analysis';
import { bundledKnowledge } from '../../support/knowledge';

const links = claimLinks;

const claim = (value: number, active = false): Claim => ({
  start: 0, end: 2, text: '3B', value, notation: 'B', qualifier: 'exact', active, refersTo: 'm',
});

const model = (name: string, total: number, active = total): ModelEntity => ({
  kind: 'model', id: 'm', name, aliases: [], sources: [], parameters: { total, active }, architecture: total === active ? 'dense' : 'moe',
} as unknown as ModelEntity);

describe('knowledge/nominal: the size a model name states', () => {
  for (const [name, expected] of [
    ['Llama 3.2 3B', { total: 3e9 }],
    ['Qwen3-30B-A3B', { total: 30e9, active: 3e9 }],
    ['gpt-oss-120b', { total: 120e9 }],
    ['HyperCLOVA X SEED 0.5B', { total: 0.5e9 }],
    ['GPT-2 124M', { total: 124e6 }],
    ['Ling-1T', { total: 1e12 }],
    ['Mixtral 8x7B', {}],
    ['Gemma 3n E4B', {}],
    ['Claude 3.5 Sonnet', {}],
    ['Qwen2.5-VL-3B-or-7B', {}],
  ] as const) {
    it(`${name} → ${JSON.stringify(expected)}`, () => assert.deepEqual(nominalSize(name), expected));
  }
});

describe('check/claims: the size in a model name agrees', () => {
  it('3B agrees with Llama 3.2 3B (3.21B) as the nominal size; 4B does not', () => {
    const llama = model('Llama 3.2 3B', 3.21e9);
    assert.deepEqual(checkClaim(claim(3e9), llama, 0.02), { agrees: true, matched: 'nominal', alternates: [] });
    assert.deepEqual(checkClaim(claim(4e9), llama, 0.02), { agrees: false, expected: 3.21e9, alternates: [] });
  });

  it('the counted size still wins when it is also the nearest (117B for gpt-oss-120b)', () => {
    assert.equal(checkClaim(claim(117e9), model('gpt-oss-120b', 117e9, 5.1e9), 0.02)?.matched, 'total');
    assert.equal(checkClaim(claim(3e9, true), model('Qwen3-30B-A3B', 30.5e9, 3.3e9), 0.02)?.matched, 'nominal');
  });

  it('the hover says the count is the name’s size, in English and Korean', () => {
    const { kb } = bundledKnowledge();
    const c = { ...claim(3e9), refersTo: 'meta-llama-3.2-3b' };
    const en = claimHoverMarkdown(c, kb, { locale: 'en', numberFormat: 'both' });
    const ko = claimHoverMarkdown(c, kb, { locale: 'ko', numberFormat: 'both' });
    assert.equal(en.split('\n\n').at(-1), '✓ The size the model\'s name states (the count above, rounded)');
    assert.equal(ko.split('\n\n').at(-1), '✓ 모델 이름에 적힌 크기 (위 수치를 반올림한 값)');
  });
});

describe('recognize/claims: which model a count is about', () => {
  it('a family in a table row and a size column: the member whose name states that size', () => {
    const table = '| Model | Size |\n| --- | --- |\n| Llama 3.2 | 3B |\n| Llama 3.2 | 1B |\n';
    assert.deepEqual(links(table), ['3B → meta-llama-3.2-3b', '1B → meta-llama-3.2-1b']);
  });

  it('a family named in the sentence: the member of each size', () => {
    assert.deepEqual(links('Llama 3.2 comes in 1B and 3B.\n'), ['1B → meta-llama-3.2-1b', '3B → meta-llama-3.2-3b']);
  });

  it('a count opening the next sentence is about the one model of the sentence before, when it agrees', () => {
    assert.deepEqual(links('Alibaba released Qwen3.5-397B-A17B. It has 397B parameters, near GPT-5.2 and Gemini 3 Pro.\n'), ['397B → qwen3.5-397b-a17b']);
    assert.deepEqual(links('알리바바가 Qwen 3.5-397B-A17B를 공개했습니다. 총 397B 파라미터에 활성화는 17B뿐인 모델로 GPT-5.2나 Claude 4.5 Opus에 근접합니다.\n'), [
      '397B → qwen3.5-397b-a17b',
      '17B → qwen3.5-397b-a17b',
    ]);
  });

  it('but not a count that disagrees, one after a line break, or one after a model in its own sentence', () => {
    assert.deepEqual(links('Alibaba released Qwen3.5-397B-A17B. It has 300B parameters, near GPT-5.2 and Gemini 3 Pro.\n'), ['300B → null']);
    assert.deepEqual(links('Alibaba released Qwen3.5-397B-A17B\n- 397B parameters, near GPT-5.2 and Gemini 3 Pro\n'), ['397B → null']);
    assert.deepEqual(links('We used Qwen3.5-397B-A17B. Then GPT-5.2 and Gemini 3 Pro were tried, and 397B is large.\n'), ['397B → null']);
    assert.deepEqual(links('We compared Qwen3.5-397B-A17B with GPT-5.2. A 397B model is big next to Gemini 3 Pro and Claude Opus 4.5.\n'), ['397B → null']);
  });

  it('a count that is not the size of the sentence’s one model but of a member of a family it names: that member', () => {
    assert.deepEqual(links('LLaMA의 개발자들은 130억 파라미터 모델의 성능이 훨씬 더 큰 GPT-3(1,750억 파라미터)의 성능을 초과했다.\n'), [
      '130억 → meta-llama-1-13b',
      '1,750억 → openai-gpt-3',
    ]);
    // No family member of that size: the one model's, reported as wrong where it is.
    assert.deepEqual(links('LLaMA is open, but GPT-3 has 12B parameters.\n'), ['12B → openai-gpt-3']);
  });

  it('of several models in the sentence, the only one the count agrees with; none when two or none agree', () => {
    assert.deepEqual(links('[Falcon](https://huggingface.co/tiiuae)는 400억 개 매개변수로 학습된 Falcon-40B가 GPT-3보다 낫다.\n'), ['400억 → tii-falcon-40b']);
    assert.deepEqual(links('Llama 3.1 8B and Qwen3-8B each have 8B parameters, unlike GPT-4o.\n'), ['8B → null']);
    assert.deepEqual(links('GPT-3 and Falcon-40B differ: 12B parameters.\n'), ['12B → null']);
  });
});

describe('recognize/claims: the ends of a range of sizes', () => {
  it('links each end that is a size of the family the sentence names to that member, and no other', () => {
    assert.deepEqual(links('BLOOM comes in sizes from 560M to 176B parameters.'), ['560M → bigscience-bloom-560m', '176B → bigscience-bloom']);
    assert.deepEqual(links('BLOOM comes in sizes from 500M to 176B parameters.'), ['500M → null', '176B → bigscience-bloom']);
  });

  it('reads a range under a family’s heading against that family, in Korean too', () => {
    assert.deepEqual(links('### BLOOM (BigScience)\n\n- Released: July 2022\n- Sizes: 560M to 176B parameters\n'), ['560M → bigscience-bloom-560m', '176B → bigscience-bloom']);
    assert.deepEqual(links('## LLaMA\n\n70억에서 650억 파라미터에 이르는 다양한 모델 크기가 학습되었다.\n'), ['70억 → meta-llama-1-7b', '650억 → meta-llama-1-65b']);
  });

  it('leaves a range in a sentence naming a model, or two families, about no model', () => {
    assert.deepEqual(links('DeepSeek-V3 activates from 37B to 671B parameters.'), ['37B → null', '671B → null']);
    assert.deepEqual(links('BLOOM and OPT span 125M to 176B parameters.'), ['125M → null', '176B → null']);
  });

  it('never checks a range: an end that agrees with no member is no mismatch', () => {
    const { kb } = bundledKnowledge();
    const analysis = analyzeText('BLOOM comes in sizes from 500M to 180B parameters.');
    assert.deepEqual(claimDiagnostics(analysis, kb), []);
  });
});

describe('recognize/members: a generation written with a family’s name', () => {
  it('keeps a count to that generation’s members, in either script, and to none when it has no member of that size', () => {
    assert.deepEqual(links('Llama3 comes in 8B, 70B and 400B versions.'), ['8B → meta-llama-3-8b', '70B → meta-llama-3-70b', '400B → null']);
    assert.deepEqual(links('라마 3.1은 80억 파라미터 모델도 있다.'), ['80억 → meta-llama-3.1-8b']);
  });

  it('reads a first generation named without a number as generation 1', () => {
    assert.deepEqual(links('The Llama 1 family has a 65B model.'), ['65B → meta-llama-1-65b']);
  });

  it('finds the generation a name states, not its sizes', () => {
    assert.deepEqual(
      ['Llama3', 'Qwen2.5-VL-7B', 'EXAONE 4.0', 'Mixtral 8x7B', 'Qwen3-30B-A3B', 'LLaMA 7B', '라마 3.1'].map(generationOf),
      ['3', '2.5', '4', undefined, '3', undefined, '3.1'],
    );
  });
});
