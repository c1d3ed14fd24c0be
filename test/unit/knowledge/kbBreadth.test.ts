import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { entityMarkdown } from '../../../server/src/format/entity';
import { analyze, bundledKnowledge, repoRoot } from '../../support/knowledge';

const en = { locale: 'en', numberFormat: 'auto' } as const;
const ko = { locale: 'ko', numberFormat: 'auto' } as const;

/** Mentions in a prose fixture as `line text → canonical name` rows (1-based lines). */
function mentions(file: string): string[] {
  const { kb } = bundledKnowledge();
  const text = readFileSync(path.join(repoRoot, 'test', 'fixtures', 'prose', file), 'utf8');
  const a = analyze(text);
  return a.mentions.map((m) => `${a.range(m).start.line + 1} ${m.text} → ${kb.get(m.id)!.name}`);
}

describe('knowledge breadth: ordinary prose is not full of entities', () => {
  // Ordinary travel / diary prose with capitalized words, company-like words, numbers and
  // Korean compounds that contain short aliases (드라마, 달라이 라마, 삼성동, 엘지, 메타버스,
  // 애플파이, 아마존 정글, 인텔리전스, 고려대장경, 아이라이너, 리뷰노트, 모레, 믿음, 퓨리오사 ...).
  // Every row below was reviewed; a new row means a new alias fires inside ordinary words.

  it('English: only the reviewed mentions', () => {
    // `Amazon` (the rainforest) has another sense: a mention only in a paragraph about AI.
    assert.deepEqual(mentions('ordinary-en.md'), []);
  });

  it('Korean: only the reviewed mentions', () => {
    assert.deepEqual(mentions('ordinary-ko.md'), [
      // The company before its service, spaced (네이버 지도). `카카오톡` and `서울대공원` are other words:
      // a Hangul name ends a word or takes a particle.
      '33 네이버 → Naver',
    ]);
  });
});

describe('knowledge breadth: hover of new entities (first three lines)', () => {
  const { kb } = bundledKnowledge();
  const head = (id: string, options: typeof en | typeof ko = en) => entityMarkdown(kb.get(id)!, kb, options).split('\n').slice(0, 3);

  it('models across the team’s data', () => {
    assert.deepEqual(head('lg-exaone-deep-32b'), ['**EXAONE Deep 32B** · model · LG AI Research', '', '- Parameters: 32B (320억) total']);
    assert.deepEqual(head('naver-hyperclova'), ['**HyperCLOVA** · model · Naver', '', '- Parameters: 82B (820억) total']);
    assert.deepEqual(head('trillion-tri-21b'), ['**Tri-21B** · model · Trillion Labs', '', '- Parameters: 20.73B (207.3억) total']);
    assert.deepEqual(head('upstage-solar-pro-preview'), ['**Solar Pro Preview** · model · Upstage', '', '- Parameters: 22B (220억) total']);
    assert.deepEqual(head('eleutherai-gpt-j-6b'), ['**GPT-J-6B** · model · EleutherAI', '', '- Parameters: 6.053B (60.53억) total']);
    assert.deepEqual(head('ernie-4.5-300b-a47b'), ['**ERNIE-4.5-300B-A47B** · model · Baidu', '', '- Parameters: 300B (3000억) total · 47B (470억) active']);
    assert.deepEqual(head('tii-falcon-180b'), ['**Falcon-180B** · model · Technology Innovation Institute', '', '- Parameters: 180B (1800억) total']);
  });

  it('Korean hover of a model, a closed model and an organization', () => {
    assert.deepEqual(head('kt-midm-2.0-base', ko), ['**Mi:dm 2.0 Base** · 모델 · KT', '', '- 매개변수: 11.5B (115억) 전체']);
    assert.deepEqual(head('samsung-gauss', ko), ['**Samsung Gauss** · 모델 · Samsung Research', '', '- 매개변수: 비공개']);
    // The website is sourced now; the country only by the press, said on its own line.
    assert.deepEqual(entityMarkdown(kb.get('furiosaai')!, kb, ko).split('\n').slice(0, 4), ['**FuriosaAI** · 조직 · 스타트업 · KR', '', '- 웹사이트: [furiosa.ai](https://furiosa.ai/)', '- 2차 출처만: country']);
  });
});

describe('knowledge breadth: counts', () => {
  const { kb } = bundledKnowledge();
  const count = (kind: string) => kb.all().filter((e) => e.kind === kind).length;

  it('has at least 300 models and 100 organizations (issue #9)', () => {
    assert.ok(count('model') >= 300, `${count('model')} models`);
    assert.ok(count('organization') >= 100, `${count('organization')} organizations`);
  });
});
