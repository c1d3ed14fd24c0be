import * as assert from 'node:assert/strict';
import { formatBoth, formatDigits, formatKorean, formatLatin, formatTokens } from '../../../server/src/format/numbers';

describe('format/numbers', () => {
  const cases: [number, string, string][] = [
    [671e9, '671B', '6710억'],
    [685e9, '685B', '6850억'],
    [37e9, '37B', '370억'],
    [46.7e9, '46.7B', '467억'],
    [1.8e12, '1.8T', '1조 8000억'],
    [1e12, '1T', '1조'],
    [1.04e12, '1.04T', '1조 400억'],
    [7.3e6, '7.3M', '730만'],
    [102.6e9, '102.6B', '1026억'],
    [13e7, '130M', '1.3억'],
    [2.4e9, '2.4B', '24억'],
  ];
  for (const [value, latin, korean] of cases) {
    it(`writes ${value} as ${latin} and ${korean}`, () => {
      assert.equal(formatLatin(value), latin);
      assert.equal(formatKorean(value), korean);
    });
  }
  it('writes both notations, preferred first', () => {
    assert.equal(formatBoth(671e9), '671B (6710억)');
    assert.equal(formatBoth(671e9, '억'), '6710억 (671B)');
  });
  it('writes digits and token counts', () => {
    assert.equal(formatDigits(685e9), '685,000,000,000');
    assert.equal(formatTokens(131072), '128K');
    assert.equal(formatTokens(1048576), '1M');
    // Thousands too, as vendors write them (`128K` context = 128,000 tokens for OpenAI, `200K` for Anthropic).
    assert.equal(formatTokens(32000), '32K');
    assert.equal(formatTokens(128000), '128K');
    assert.equal(formatTokens(200000), '200K');
    assert.equal(formatTokens(1000000), '1M');
    assert.equal(formatTokens(163840), '160K');
    assert.equal(formatTokens(32768 + 1), '32,769');
  });
});
