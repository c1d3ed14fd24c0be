import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { formatKorean, formatLatin } from '../../../server/src/format/numbers';
import { findQuantities, type Quantity } from '../../../server/src/recognize/quantities';
import type { Qualifier } from '../../../server/src/recognize/types';

const EXAMPLES = path.resolve(__dirname, '../../../../shared/examples');

type Row = [sentence: string, text: string, value: number, active: boolean, qualifier: Qualifier, notation: 'B' | '억'];

/** The one quantity found in `sentence`, anchored to its text. */
function only(sentence: string): Quantity {
  const found = findQuantities(sentence);
  assert.equal(found.length, 1, `one quantity in ${JSON.stringify(sentence)}, got ${JSON.stringify(found.map((q) => q.text))}`);
  return found[0];
}

describe('recognize/quantities', () => {
  describe('reads the forms', () => {
    const rows: Row[] = [
      ['DeepSeek-V3.1 has 685B parameters.', '685B', 685e9, false, 'exact', 'B'],
      ['DeepSeek-V3.1 has 685 B parameters.', '685 B', 685e9, false, 'exact', 'B'],
      ['a 685b model', '685b', 685e9, false, 'exact', 'B'],
      ['It has 685 billion parameters.', '685 billion', 685e9, false, 'exact', 'B'],
      ['It has 0.685T parameters.', '0.685T', 685e9, false, 'exact', 'B'],
      ['GPT-4 is rumoured at 1.8T.', '1.8T', 1.8e12, false, 'exact', 'B'],
      ['a model of 1.8 trillion parameters', '1.8 trillion', 1.8e12, false, 'exact', 'B'],
      ['Mixtral has 46.7B parameters.', '46.7B', 46_700_000_000, false, 'exact', 'B'],
      ['A 7.3M parameter model.', '7.3M', 7_300_000, false, 'exact', 'B'],
      ['a model with 7.3 million parameters', '7.3 million', 7_300_000, false, 'exact', 'B'],
      ['Llama 3.1 has 405 billion parameters.', '405 billion', 405e9, false, 'exact', 'B'],
      ['6850억 매개변수 모델', '6850억', 685e9, false, 'exact', '억'],
      ['6,850억 개의 파라미터', '6,850억', 685e9, false, 'exact', '억'],
      ['5천억 매개변수', '5천억', 500e9, false, 'exact', '억'],
      ['5천억 개 매개변수', '5천억', 500e9, false, 'exact', '억'],
      ['1조 매개변수 모델', '1조', 1e12, false, 'exact', '억'],
      ['1조 2000억 매개변수', '1조 2000억', 1.2e12, false, 'exact', '억'],
      // Every way people write a count (#13): digit groups, `bn`, lower case, full width, Hangul numerals.
      ['GPT-3 has 175,000,000,000 parameters.', '175,000,000,000', 175e9, false, 'exact', 'B'],
      ['a model of 7000000000 params', '7000000000', 7e9, false, 'exact', 'B'],
      ['a 175 bn parameter model', '175 bn', 175e9, false, 'exact', 'B'],
      ['the 70b model', '70b', 70e9, false, 'exact', 'B'],
      ['６８５B 모델', '６８５B', 685e9, false, 'exact', 'B'],
      ['천억 개의 매개변수를 가진 모델', '천억', 100e9, false, 'exact', '억'],
      ['삼천억 파라미터 모델', '삼천억', 300e9, false, 'exact', '억'],
      ['1천2백억 파라미터 모델', '1천2백억', 120e9, false, 'exact', '억'],
      ['약 6850억 매개변수 모델', '6850억', 685e9, false, 'approx', '억'],
      ['~685B params', '685B', 685e9, false, 'approx', 'B'],
      ['over 400B parameters', '400B', 400e9, false, 'bound', 'B'],
      // Expert shapes: the product, never a plain total (`8x7B` is not 56B of dense weights).
      ['Mixtral uses 8x7B experts', '8x7B', 56e9, false, 'experts', 'B'],
      ['a 8×22B mixture', '8×22B', 176e9, false, 'experts', 'B'],
      ['a 8 x 7B model', '8 x 7B', 56e9, false, 'experts', 'B'],
      ['1.2조 파라미터', '1.2조', 1.2e12, false, 'exact', '억'],
      ['330억개의 매개변수', '330억', 33e9, false, 'exact', '억'],
      ['730만 파라미터 모델', '730만', 7_300_000, false, 'exact', '억'],
      ['with 37B active parameters', '37B', 37e9, true, 'exact', 'B'],
      ['활성 파라미터: 약 230억', '230억', 23e9, true, 'approx', '억'],
      ['Active params per token: 12B', '12B', 12e9, true, 'exact', 'B'],
      ['with 37B activated per token', '37B', 37e9, true, 'exact', 'B'],
      ['활성 37B', '37B', 37e9, true, 'exact', 'B'],
      ['활성 파라미터 37B', '37B', 37e9, true, 'exact', 'B'],
      ['100B 이하의 효율 중심 모델', '100B', 100e9, false, 'bound', 'B'],
      ['70B 이상 모델', '70B', 70e9, false, 'bound', 'B'],
      ['10B 미만 모델', '10B', 10e9, false, 'bound', 'B'],
      ['100B 초과 모델', '100B', 100e9, false, 'bound', 'B'],
      ['models over 100B', '100B', 100e9, false, 'bound', 'B'],
      ['more than 70B parameters', '70B', 70e9, false, 'bound', 'B'],
      ['up to 70B parameters', '70B', 70e9, false, 'bound', 'B'],
      ['fewer than 10B parameters', '10B', 10e9, false, 'bound', 'B'],
      ['a family which topped out at 27 billion parameters', '27 billion', 27e9, false, 'bound', 'B'],
      ['models under 10B', '10B', 10e9, false, 'bound', 'B'],
      ['at least 7B parameters', '7B', 7e9, false, 'bound', 'B'],
      ['at most 7B parameters', '7B', 7e9, false, 'bound', 'B'],
      ['models < 10B', '10B', 10e9, false, 'bound', 'B'],
      ['models > 100B', '100B', 100e9, false, 'bound', 'B'],
      ['약 5000억 개 매개변수', '5000억', 500e9, false, 'approx', '억'],
      ['about 70B parameters', '70B', 70e9, false, 'approx', 'B'],
      ['around 70B parameters', '70B', 70e9, false, 'approx', 'B'],
      ['a ~70B model', '70B', 70e9, false, 'approx', 'B'],
      ['roughly 1.8T parameters', '1.8T', 1.8e12, false, 'approx', 'B'],
      ['nearly 1T parameters', '1T', 1e12, false, 'approx', 'B'],
      ['a 70B-class model', '70B', 70e9, false, 'approx', 'B'],
      ['500B급 모델', '500B', 500e9, false, 'approx', 'B'],
      ['500B대 모델', '500B', 500e9, false, 'approx', 'B'],
      ['not a dense 56-billion-parameter model', '56-billion', 56e9, false, 'negated', 'B'],
      ['5000억 개 매개변수 모델이 아니다', '5000억', 500e9, false, 'negated', '억'],
      ['SKT가 500B라는 카드를 꺼냈다.', '500B', 500e9, false, 'exact', 'B'],
    ];
    for (const [sentence, text, value, active, qualifier, notation] of rows) {
      it(`${sentence} → ${text}`, () => {
        const q = only(sentence);
        const start = sentence.indexOf(text);
        assert.deepEqual(q, { start, end: start + text.length, text, value, active, qualifier, notation });
      });
    }
  });

  describe('reads counts written in English words, only before a parameter word (#13 §7)', () => {
    const rows: [string, string, number][] = [
      ['a two-trillion-parameter model', 'two-trillion', 2e12],
      ['Seven billion parameters', 'Seven billion', 7e9],
      ['one hundred and seventy-five billion parameters', 'one hundred and seventy-five billion', 175e9],
      ['a twenty-one billion parameter model', 'twenty-one billion', 21e9],
      ['a hundred million params', 'a hundred million', 1e8],
    ];
    for (const [sentence, text, value] of rows) {
      it(sentence, () => assert.deepEqual(findQuantities(sentence).map((q) => [q.text, q.value, q.qualifier]), [[text, value, 'exact']]));
    }
    it('finds nothing without a parameter word, or without a number word', () => {
      for (const sentence of ['two billion people use it', 'it cost seven billion', 'some billion parameters', 'someone billion parameters', 'forty billionaires']) {
        assert.deepEqual(findQuantities(sentence), [], sentence);
      }
    });
    it('reads `over two trillion parameters` as a bound', () => {
      assert.deepEqual(findQuantities('over two trillion parameters').map((q) => q.qualifier), ['bound']);
    });
  });

  describe('reads ranges, both ends', () => {
    const rows: [string, string, string, number, number][] = [
      ['Llama 2 comes in 7B–70B sizes.', '7B', '70B', 7e9, 70e9],
      ['Llama 2 comes in 7B-70B sizes.', '7B', '70B', 7e9, 70e9],
      ['Qwen3 spans 0.6B~32B dense models.', '0.6B', '32B', 0.6e9, 32e9],
      ['모델은 3B ~ 1T까지 다양하다.', '3B', '1T', 3e9, 1e12],
      ['sizes from 7B to 70B', '7B', '70B', 7e9, 70e9],
      ['1B부터 70B까지 공개했다.', '1B', '70B', 1e9, 70e9],
      ['70억에서 650억 파라미터에 이르는 모델 크기', '70억', '650억', 7e9, 65e9],
      ['70억에서 650억 개에 달하는 매개변수', '70억', '650억', 7e9, 65e9],
      ['between 7B and 70B parameters', '7B', '70B', 7e9, 70e9],
      // Emphasis masked as syntax around both ends (`**7B** – **70B**`).
      ['Llama 2 comes in \u0000\u00007B\u0000\u0000 – \u0000\u000070B\u0000\u0000 sizes.', '7B', '70B', 7e9, 70e9],
    ];
    for (const [sentence, low, high, lowValue, highValue] of rows) {
      it(sentence, () => {
        const found = findQuantities(sentence);
        assert.deepEqual(
          found.map((q) => [q.text, q.value, q.qualifier]),
          [
            [low, lowValue, 'range'],
            [high, highValue, 'range'],
          ],
        );
      });
    }
    it('reads two counts far apart as two counts, whatever lies between them', () => {
      assert.deepEqual(findQuantities(`Llama 2 comes in 7B${' '.repeat(60)}to 70B sizes.`).map((q) => q.qualifier), ['exact', 'exact']);
    });
    it('reads `A에서 B` as two counts, not a range, unless a range’s end follows', () => {
      assert.deepEqual(findQuantities('70억에서 650억 파라미터로 늘렸다').map((q) => q.qualifier), ['exact', 'exact']);
    });
    it('reads both ends of a unitless range 7–70B, the bare end with the other’s unit', () => {
      assert.deepEqual(findQuantities('models of 7–70B').map((q) => [q.text, q.value, q.qualifier]), [['7', 7e9, 'range'], ['70B', 70e9, 'range']]);
      assert.deepEqual(findQuantities('a range of 7 to 70B models').map((q) => [q.text, q.value, q.qualifier]), [['7', 7e9, 'range'], ['70B', 70e9, 'range']]);
      // The bare end is a quantity like any other, with no field of how it was read (an update copies none).
      assert.deepEqual(findQuantities('<3 to 685B the parameters')[0], { start: 1, end: 2, text: '3', value: 3e9, active: false, qualifier: 'range', notation: 'B' });
    });

    it('gives a bare number joined by and/or the unit of the count after it', () => {
      assert.deepEqual(findQuantities('the smaller models (resp. 6 and 13B parameters)').map((q) => [q.text, q.value, q.qualifier]), [['6', 6e9, 'exact'], ['13B', 13e9, 'exact']]);
      // Not a larger number, a year, or a number glued to a word.
      assert.deepEqual(findQuantities('in 2023 and 70B; 90 or 70B; v2 and 7B').map((q) => q.text), ['70B', '70B', '7B']);
    });

    it('reads a total and its active count written together without a hyphen, as a table may', () => {
      assert.deepEqual(findQuantities('| 57BA14B | 241BA28B |').map((q) => [q.text, q.value, q.active]), [['57B', 57e9, false], ['14B', 14e9, true], ['241B', 241e9, false], ['28B', 28e9, true]]);
      assert.deepEqual(findQuantities('The 3BAR and 7BA are no counts.').map((q) => q.text), []);
    });

    it('gives each size of a list parted by bars or slashes the unit written once at its end', () => {
      const read = (text: string) => findQuantities(text).map((q) => [q.text, q.value, q.qualifier]);
      assert.deepEqual(read('- DeepSeek-Coder-1.3|6.7|33B'), [['1.3', 1.3e9, 'exact'], ['6.7', 6.7e9, 'exact'], ['33B', 33e9, 'exact']]);
      assert.deepEqual(read('Llama 2 in 7/13/70B sizes'), [['7', 7e9, 'exact'], ['13', 13e9, 'exact'], ['70B', 70e9, 'exact']]);
      // Not a date, nor a number after a letter (a version), nor larger than the next.
      assert.deepEqual(read('on 7/13/2024 we had 70B; V2/7B; 90|70B'), [['70B', 70e9, 'exact'], ['7B', 7e9, 'exact'], ['70B', 70e9, 'exact']]);
    });

    it('gives each bare number of a list the unit of the count that ends it', () => {
      const read = (text: string) => findQuantities(text).map((q) => [q.text, q.value, q.qualifier]);
      assert.deepEqual(read('in 1.3, 2.7 and 6.7 billion parameters'), [['1.3', 1.3e9, 'exact'], ['2.7', 2.7e9, 'exact'], ['6.7 billion', 6.7e9, 'exact']]);
      assert.deepEqual(read('sizes of 7, 13, and 70B'), [['7', 7e9, 'exact'], ['13', 13e9, 'exact'], ['70B', 70e9, 'exact']]);
      // The list stops at a number not smaller than the next, a year, or a word's number.
      assert.deepEqual(read('sizes of 70, 13 and 34B'), [['13', 13e9, 'exact'], ['34B', 34e9, 'exact']]);
      assert.deepEqual(read('in 2023, 7 and 13B; v2, 7 and 13B'), [['7', 7e9, 'exact'], ['13B', 13e9, 'exact'], ['7', 7e9, 'exact'], ['13B', 13e9, 'exact']]);
      // A range has two ends only.
      assert.deepEqual(read('from 1, 7 to 70B'), [['7', 7e9, 'range'], ['70B', 70e9, 'range']]);
    });
  });

  it('leaves sizes inside a name alone, never a range or a size before a word', () => {
    assert.deepEqual(findQuantities('Qwen3-235B-A22B, Scout-17B-16E and Llama-2-7B are names.').map((q) => q.text), []);
    assert.deepEqual(findQuantities('7B-13B models; a 405B-parameter model').map((q) => [q.text, q.qualifier]), [['7B', 'range'], ['13B', 'range'], ['405B', 'exact']]);
  });

  it('reads words after a count as far as the clause goes (14.8 trillion diverse and high-quality tokens)', () => {
    assert.deepEqual(findQuantities('We pre-train on 14.8 trillion diverse and high-quality tokens.'), []);
    assert.deepEqual(findQuantities('a 70B dense and very strong model').map((q) => q.text), ['70B']);
  });

  it('reads the words after a count up to the next number only: `32B and requires about 13 GB of RAM`', () => {
    assert.deepEqual(findQuantities('Olmo 3 7B and 32B and requires about 13 GB of RAM to run.').map((q) => q.text), ['7B', '32B']);
    assert.deepEqual(findQuantities('a 32B GB file'), []);
  });

  it('reads a count restated in brackets as the count before it: `활성 파라미터: 약 230억 (23B, 약 10%)`', () => {
    assert.deepEqual(findQuantities('활성 파라미터: 약 230억 (23B, 약 10%)').map((q) => [q.text, q.active]), [['230억', true], ['23B', true]]);
    // Another value in brackets is not a restatement.
    assert.deepEqual(findQuantities('활성 파라미터: 230억 (전체 236B)').map((q) => [q.text, q.active]), [['230억', true], ['236B', false]]);
  });

  it('reads 685B-A37B as a total and an active count', () => {
    const s = 'DeepSeek-V3 685B-A37B 모델';
    assert.deepEqual(
      findQuantities(s).map((q) => [q.start, q.text, q.value, q.active, q.qualifier]),
      [
        [s.indexOf('685B'), '685B', 685e9, false, 'exact'],
        [s.indexOf('37B'), '37B', 37e9, true, 'exact'],
      ],
    );
  });

  describe('finds nothing in look-alikes', () => {
    const none = [
      'trained on 14.8T tokens',
      'a model trained on 14.8 trillion high-quality tokens',
      '10조 토큰으로 학습한 모델',
      '15T 토큰으로 학습한 모델',
      '모델 학습에 활용된 최종 토큰 수는 1.65조(1.65 trillion)개로 구성되었다',
      'the model was trained on 15T (15 trillion) tokens',
      'the model saw a token count of 1.4T',
      'the number of training tokens is 2T for this model',
      'the model cost $10 billion',
      'the model cost 10 billion dollars',
      'the model cost US$10B',
      '모델 개발에 1조 원을 투자했다',
      '모델 개발에 1조원을 투자했다',
      '모델에 10억 달러를 썼다',
      'LLM revenue of 10B USD',
      'the model spent ₩1조',
      'the weights take 788GB',
      'a 1.5TB checkpoint of the model',
      'the model needs 16GiB',
      '1천 GPU로 학습한 모델',
      '1만 대의 GPU로 학습한 모델',
      'H100 1만대로 학습한 모델',
      'the model used 10K GPUs',
      'a model with 2M users',
      '모델 사용자 100만 명',
      'the model has 10M downloads',
      '5 million people use the model',
      'a 128K context',
      'a model with 1M context',
      'context window of 1M tokens',
      '컨텍스트 1M 지원 모델',
      'trained with 3.8e25 FLOPs',
      'the model needed 100T FLOPs',
      'released in 2024 with the model',
      'GPT-4 Turbo and Llama 3.1 and Gemini 1.5 Pro',
      'version 2.5 of the model',
      '5G 네트워크를 가장 먼저 상용화한 모델',
      'see Figure 3B for the model',
      '매출 1조를 올린 모델 회사',
      'Qwen3 and v3.1 and A100 chips',
      '5000억 규모의 예산',
      'we raised 10 billion',
      '수천억 모델',
      '기억 모델',
      '천억 원을 투자한 모델 회사',
      '일조권 모델',
      '2x faster model',
      'in 1,000,000 steps of the model',
    ];
    for (const s of none) {
      it(s, () => assert.deepEqual(findQuantities(s), []));
    }
  });

  it('needs a paragraph about models for a bare Korean count', () => {
    assert.deepEqual(findQuantities('회사는 5000억을 벌었다.'), []);
    const note = '회사는 5000억을 내세웠다.\n이번 모델은 크다.\n\n다른 문단의 3000억.';
    assert.deepEqual(findQuantities(note).map((q) => q.text), ['5000억']);
  });

  it('scans only the given range and keeps note offsets', () => {
    const s = '7B model, then 13B model, then 70B model';
    const from = s.indexOf('13B');
    assert.deepEqual(
      findQuantities(s, from, s.indexOf('70B')).map((q) => [q.start, q.text]),
      [[from, '13B']],
    );
  });

  it('reads full-width digits and Hangul numerals in a range as in the whole text', () => {
    const s = '모델은 삼천억 개의 매개변수, 그다음 모델은 ６８５Ｂ 파라미터, 마지막은 오천억 개 파라미터.';
    const whole = findQuantities(s).map((q) => [q.start, q.text]);
    assert.deepEqual(whole.map(([, text]) => text), ['삼천억', '６８５Ｂ', '오천억']);
    const second = s.indexOf('그다음');
    const third = s.indexOf('마지막');
    assert.deepEqual(findQuantities(s, 0, second).map((q) => [q.start, q.text]), whole.slice(0, 1));
    assert.deepEqual(findQuantities(s, second, third).map((q) => [q.start, q.text]), whole.slice(1, 2));
    assert.deepEqual(findQuantities(s, third).map((q) => [q.start, q.text]), whole.slice(2));
  });

  it('ignores masked text', () => {
    const s = 'the model `685B` has';
    const mask = s.replace(/`685B`/, '\u0000'.repeat(6));
    assert.deepEqual(findQuantities(mask), []);
  });

  it('finds every parameter count in skt-500b-ko.md and nothing else', () => {
    const text = fs.readFileSync(path.join(EXAMPLES, 'skt-500b-ko.md'), 'utf8');
    const expected = parse(fs.readFileSync(path.join(EXAMPLES, 'skt-500b-ko.expected.yaml'), 'utf8')) as {
      parameterClaims: { line: number; text: string; value: number }[];
    };
    const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
    const found = findQuantities(text).map((q) => ({ line: lineOf(q.start), text: q.text, value: q.value }));
    assert.deepEqual(
      found,
      expected.parameterClaims.map(({ line, text, value }) => ({ line, text, value })),
    );
    const bound = findQuantities(text).find((q) => q.text === '100B');
    assert.equal(bound?.qualifier, 'bound');
  });

  describe('reads back what format/numbers writes', () => {
    const counts = fc
      .integer({ min: 6, max: 12 })
      .chain((e) => fc.bigInt({ min: 10n ** BigInt(e), max: 10n ** BigInt(e + 1) }))
      .map(Number);
    const latinUnit = (n: number) => (n >= 1e12 ? 1e12 : n >= 1e9 ? 1e9 : 1e6);
    const koreanStep = (n: number) => (n >= 1e12 ? 1e8 : n >= 1e8 ? 1e6 : 1e2);
    const readBack = (sentence: string, s: string): number => {
      const found = findQuantities(sentence);
      assert.equal(found.length, 1, sentence);
      assert.equal(found[0].text, s);
      return found[0].value;
    };
    it('Latin: 3 decimals of the unit', () => {
      fc.assert(
        fc.property(counts, (n) => {
          const s = formatLatin(n);
          const back = readBack(`It has ${s} parameters.`, s);
          assert.ok(Math.abs(back - n) <= 0.0005 * latinUnit(n) * (1 + 1e-9), `${n} → ${s} → ${back}`);
        }),
        { numRuns: 2000 },
      );
    });
    it('Korean: 2 decimals of 억 / 만, whole 억 after 조', () => {
      fc.assert(
        fc.property(counts, (n) => {
          const s = formatKorean(n);
          const back = readBack(`${s} 매개변수`, s);
          assert.ok(Math.abs(back - n) <= 0.5 * koreanStep(n) * (1 + 1e-9), `${n} → ${s} → ${back}`);
        }),
        { numRuns: 2000 },
      );
    });
  });
});
