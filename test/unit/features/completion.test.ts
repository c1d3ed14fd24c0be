import * as assert from 'node:assert/strict';
import type { CompletionItem } from 'vscode-languageserver-types';
import { completions, MAX_COMPLETIONS, prefixAt } from '../../../server/src/features/completion';
import { entityMarkdown } from '../../../server/src/format/entity';
import type { Entity } from '../../../server/src/knowledge/types';
import { fakeKnowledge } from '../../support/fakeKnowledge';
import { analyze as analyzeWith, completionKnowledge } from '../../support/knowledge';
import { rangeOf } from '../../support/text';

const en = { locale: 'en', numberFormat: 'auto' } as const;
const ko = { locale: 'ko', numberFormat: 'auto' } as const;

describe('completion (a frozen copy of the bundled entries it reaches)', () => {
  const knowledge = completionKnowledge();
  const { kb } = knowledge;
  const analyze = (text: string) => analyzeWith(text, undefined, knowledge);
  /** Completions with the cursor at the end of `text`. */
  const complete = (text: string, options: typeof en | typeof ko | { locale: 'en'; numberFormat: 'B' } = en) =>
    completions(analyze(text), text.length, kb, options);
  const summary = (items: CompletionItem[]) => items.map((i) => `${i.label} → ${i.textEdit!.newText}`);

  it('completes a Hangul prefix with the shortest Hangul alias, replacing the prefix', () => {
    const text = '오픈소스 모델 중 최대 규모인 딥시';
    const items = complete(text);
    const range = rangeOf(text, '딥시');
    const v31 = kb.get('deepseek-v3.1')!;
    assert.deepEqual(items.find((i) => i.label === 'DeepSeek-V3.1'), {
      label: 'DeepSeek-V3.1',
      kind: 7,
      detail: 'DeepSeek · 671B (6710억) total · 37B (370억) active',
      documentation: { kind: 'markdown', value: entityMarkdown(v31, kb, en) },
      sortText: '0009',
      filterText: '딥시크 V3.1',
      textEdit: { range, newText: '딥시크 V3.1' },
    });
    assert.deepEqual(items[0], {
      label: 'DeepSeek',
      kind: 9,
      detail: 'organization · CN',
      documentation: { kind: 'markdown', value: entityMarkdown(kb.get('deepseek')!, kb, en) },
      sortText: '0000',
      filterText: '딥시크',
      textEdit: { range, newText: '딥시크' },
    });
    // Shortest Hangul alias first, then by length: the organization, its app, then models.
    assert.deepEqual(summary(items).slice(0, 9), [
      'DeepSeek → 딥시크',
      'DeepSeek app → 딥시크 앱',
      'DeepSeek-R1 → 딥시크 R1',
      'DeepSeek-V2 → 딥시크 V2',
      'DeepSeek-V3 → 딥시크 V3',
      'DeepSeek-OCR → 딥시크 OCR',
      'DeepSeek-VL2 → 딥시크 VL2',
      'Janus-Series → 딥시크 야누스',
      'DeepSeek-V2.5 → 딥시크 V2.5',
    ]);
    assert.equal(items.length, 43);
    assert.deepEqual(range, { start: { line: 0, character: 17 }, end: { line: 0, character: 19 } });
  });

  it('completes a Latin prefix with the canonical name when it matches, case-insensitively', () => {
    assert.deepEqual(summary(complete('Compare with DeepSeek-V3')), [
      'DeepSeek-V3 → DeepSeek-V3',
      'DeepSeek-V3.1 → DeepSeek-V3.1',
      'DeepSeek-V3.2 → DeepSeek-V3.2',
      'DeepSeek-V3.2-Exp → DeepSeek-V3.2-Exp',
      'DeepSeek-V3.1-Terminus → DeepSeek-V3.1-Terminus',
      'DeepSeek-V3.2-Speciale → DeepSeek-V3.2-Speciale',
    ]);
    // An alias when only an alias matches: the one starting with the same case, then the shortest.
    assert.deepEqual(summary(complete('Compare with deepm')), ['Google DeepMind → DeepMind', 'Gopher 280B → DeepMind Gopher', 'Chinchilla → DeepMind Chinchilla']);
    assert.deepEqual(summary(complete('the Qwe')).slice(0, 3), ['Alibaba Qwen team → Qwen', 'Qwen2 → Qwen2', 'Qwen3 → Qwen3']);
    assert.deepEqual(summary(complete('see deepseek-c')), [
      'DeepSeek-V3.1 → deepseek-chat-v3.1',
      'DeepSeek-Coder-V2 → DeepSeek-Coder-V2',
      'DeepSeek-Coder-33B → DeepSeek-Coder-33B',
      'DeepSeek-Coder-1.3B → DeepSeek-Coder-1.3B',
      'DeepSeek-Coder-6.7B → DeepSeek-Coder-6.7B',
      'DeepSeek-Coder-V2-Lite → DeepSeek-Coder-V2-Lite',
    ]);
  });

  it('folds separators but keeps a trailing one: `DeepSeek-` is past the organization’s name', () => {
    const dash = summary(complete('DeepSeek-'));
    assert.equal(dash.includes('DeepSeek → DeepSeek'), false);
    assert.ok(dash.includes('DeepSeek → DeepSeek AI'), dash.join('\n'));
    assert.deepEqual(summary(complete('deepseek-v3.')), [
      'DeepSeek-V3.1 → DeepSeek-V3.1',
      'DeepSeek-V3.2 → DeepSeek-V3.2',
      'DeepSeek-V3.2-Exp → DeepSeek-V3.2-Exp',
      'DeepSeek-V3.1-Terminus → DeepSeek-V3.1-Terminus',
      'DeepSeek-V3.2-Speciale → DeepSeek-V3.2-Speciale',
    ]);
    // The prefix never spans a space: after `deepseek ` only `v3.` is being typed (one alias starts so).
    assert.deepEqual(summary(complete('deepseek v3.')), ['DeepSeek-V3.2-Speciale → V3.2-Speciale']);
  });

  it('completes mixed prefixes, families and a single Hangul syllable', () => {
    assert.deepEqual(summary(complete('LG의 K-엑')), ['K-EXAONE → K-엑사원']);
    const ra = complete('x 라');
    assert.deepEqual(summary(ra).slice(0, 4), ['LLaVA → 라바 모델', 'Llama Guard → 라마 가드', 'LAION → 라이온 AI', 'LLaVA-NeXT → 라바 넥스트']);
    assert.equal(ra.length, 39);
    assert.deepEqual(ra.map((i) => [i.kind, i.detail]).slice(0, 3), [
      [7, 'University of Wisconsin–Madison · model family'],
      [7, 'Meta · 7B (70억) total'],
      [9, 'organization · DE'],
    ]);
  });

  it('writes the detail and documentation in the locale and number format', () => {
    const [item] = complete('DeepSeek-V3.', ko);
    assert.equal(item.detail, 'DeepSeek · 671B (6710억) 전체 · 37B (370억) 활성');
    assert.deepEqual(item.documentation, { kind: 'markdown', value: entityMarkdown(kb.get('deepseek-v3.1')!, kb, ko) });
    assert.equal(complete('DeepSeek-V3.', { locale: 'en', numberFormat: 'B' })[0].detail, 'DeepSeek · 671B total · 37B active');
    assert.equal(complete('SK텔', ko)[0].detail, '조직 · KR');
  });

  it('offers nothing outside prose or without a two-character prefix', () => {
    const none = (text: string, offset = text.length) => assert.deepEqual(completions(analyze(text), offset, kb, en), [], JSON.stringify(text));
    none('use `Deep` here', 'use `Deep'.length);
    none('```\nDeep');
    none('    DeepSeek is indented code');
    none('---\ntitle: Deep\n---\n', '---\ntitle: Deep'.length);
    none('[link](https://Deep', '[link](https://Deep'.length);
    none('D');
    none('the D');
    none('DeepSeek ');
    none('');
    none('Deep', 0);
    none('xx Zzzz');
  });

  it('takes the prefix from name characters only, never across a space', () => {
    const span = (text: string) => {
      const s = prefixAt(text, text.length);
      return s && text.slice(s.start, s.end);
    };
    assert.equal(span('SKT는 딥시'), '딥시');
    assert.equal(span('(A.X'), 'A.X');
    assert.equal(span('pre-trained -De'), 'De');
    assert.equal(span('x .5'), undefined);
    assert.equal(span('라'), '라');
    assert.equal(span('ㄷ'), undefined);
  });

  it(`stops at ${MAX_COMPLETIONS} items`, () => {
    const many: Entity[] = Array.from({ length: 60 }, (_, i) => ({ kind: 'model', id: `m${i}`, name: `Model ${i}`, aliases: [], sources: [] }));
    const text = 'a Mo';
    const items = completions(analyze(text), text.length, fakeKnowledge(many), en);
    assert.equal(items.length, MAX_COMPLETIONS);
    assert.deepEqual(items.slice(0, 3).map((i) => i.label), ['Model 0', 'Model 1', 'Model 2']);
    assert.equal(items[49].sortText, '0049');
  });
});
