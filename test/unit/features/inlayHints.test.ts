import * as assert from 'node:assert/strict';
import { numberInlayHints } from '../../../server/src/features/inlayHints';
import { analyzeClaims } from '../../support/claims';

describe('number inlay hints', () => {
  const text = ['# 모델 크기', '', 'SKT는 5000억 매개변수 모델을, DeepSeek-V3.1은 685B 모델을 냈다.', '', 'NC AI는 2000억 개 매개변수를 목표로 한다.'].join('\n');
  const analysis = analyzeClaims(text);
  const all = { start: 0, end: text.length };
  const at = (line: number, character: number) => ({ line, character });

  it('korean-only (the default): ≈ B after 억 counts', () => {
    const expected = [
      { position: at(2, 10), label: '≈ 500B', paddingLeft: true },
      { position: at(4, 12), label: '≈ 200B', paddingLeft: true },
    ];
    assert.deepEqual(numberInlayHints(analysis, all, 'korean-only'), expected);
    assert.deepEqual(numberInlayHints(analysis, all), expected);
  });

  it('all: the other notation after every count', () => {
    assert.deepEqual(numberInlayHints(analysis, all, 'all'), [
      { position: at(2, 10), label: '≈ 500B', paddingLeft: true },
      { position: at(2, 40), label: '≈ 6850억', paddingLeft: true },
      { position: at(4, 12), label: '≈ 200B', paddingLeft: true },
    ]);
  });

  it('off: none', () => {
    assert.deepEqual(numberInlayHints(analysis, all, 'off'), []);
  });

  it('only for counts that end inside the requested range', () => {
    const line = (n: number) => {
      const start = text.split('\n').slice(0, n).join('\n').length + (n ? 1 : 0);
      return { start, end: start + text.split('\n')[n].length };
    };
    assert.deepEqual(numberInlayHints(analysis, line(2), 'all').map((h) => h.label), ['≈ 500B', '≈ 6850억']);
    assert.deepEqual(numberInlayHints(analysis, line(4), 'all').map((h) => h.label), ['≈ 200B']);
    assert.deepEqual(numberInlayHints(analysis, line(0), 'all'), []);
    const cut = text.indexOf('685B') + 2; // in the middle of 685B
    assert.deepEqual(numberInlayHints(analysis, { start: cut, end: text.length }, 'all').map((h) => h.label), ['≈ 6850억', '≈ 200B']);
    assert.deepEqual(numberInlayHints(analysis, { start: 0, end: cut }, 'all').map((h) => h.label), ['≈ 500B']);
  });

  it('counts UTF-16 columns (emoji, Korean)', () => {
    const a = analyzeClaims('😀 매개변수 1조 2000억 모델');
    assert.deepEqual(numberInlayHints(a, { start: 0, end: a.text.length }), [
      { position: at(0, 16), label: '≈ 1.2T', paddingLeft: true },
    ]);
  });
});
