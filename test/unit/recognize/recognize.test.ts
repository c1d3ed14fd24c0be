import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { analyze, bundledKnowledge, examplesDir } from '../../support/knowledge';

interface ExpectedEntity {
  line: number;
  text: string;
  kind: string;
  canonical: string;
}

/** Mentions as (1-based line, text, kind, canonical name) rows, for exact comparison. */
function rows(text: string): string[] {
  const { kb } = bundledKnowledge();
  const a = analyze(text);
  return a.mentions.map((m) => `${a.range(m).start.line + 1} ${m.text} ${m.kind} ${kb.get(m.id)!.name}`);
}

/** Surface texts of the mentions in `text`. */
const found = (text: string): string[] => analyze(text).mentions.map((m) => m.text);
const names = (text: string): string[] => analyze(text).mentions.map((m) => bundledKnowledge().kb.get(m.id)!.name);

describe('recognize: the example note', () => {
  const note = readFileSync(path.join(examplesDir, 'skt-500b-ko.md'), 'utf8');
  const expected = parse(readFileSync(path.join(examplesDir, 'skt-500b-ko.expected.yaml'), 'utf8')) as { entities: ExpectedEntity[] };

  it('finds exactly the expected entities, each as one mention of its canonical entity', () => {
    assert.deepEqual(
      rows(note),
      expected.entities.map((e) => `${e.line} ${e.text} ${e.kind} ${e.canonical}`),
    );
  });

  it('reports the compound mention with its exact range', () => {
    const a = analyze(note);
    const m = a.mentions.find((x) => x.text.startsWith('딥시크'))!;
    const at = note.indexOf('딥시크(DeepSeek) V3.1');
    assert.deepEqual([m.start, m.end, m.id], [at, at + '딥시크(DeepSeek) V3.1'.length, 'deepseek-v3.1']);
    assert.deepEqual(a.range(m), { start: { line: 12, character: note.split('\n')[12].indexOf('딥시크') }, end: { line: 12, character: note.split('\n')[12].indexOf('딥시크') + 18 } });
  });
});

describe('recognize: boundaries and normalization', () => {
  it('needs a Latin boundary on both sides of a Latin alias', () => {
    assert.deepEqual(found('SKTelecom and XSKT are not SKT.'), ['SKT']);
    assert.deepEqual(names('GPT-4o is not GPT-4, nor is GPT-4.7.'), ['GPT-4o', 'GPT-4']);
  });
  it('does not take a capitalized one-word name for an ordinary word', () => {
    assert.deepEqual(found('A meta-analysis of meta-learning; Meta-analysis too; but Meta and Meta는 AI.'), ['Meta', 'Meta']);
    assert.deepEqual(found('Mistral\u2011like models and a Meta\u2010analysis of AI models.'), []);
    assert.deepEqual(found('The results cohere; the mistral blows; Cohere and Mistral AI ship models.'), ['Cohere', 'Mistral AI']);
  });
  it('allows Korean particles and punctuation after a name', () => {
    assert.deepEqual(found('SKT는 서울대, 딥시크의 모델을 보았다.'), ['SKT', '서울대', '딥시크']);
  });
  it('prefers the longest name', () => {
    assert.deepEqual(names('LG AI연구원과 DeepSeek V3.1'), ['LG AI Research', 'DeepSeek-V3.1']);
  });
  it('folds case, hyphens, spaces, underscores and full-width forms', () => {
    const id = (t: string) => analyze(t).mentions.map((m) => m.id);
    // No-break and ideographic spaces, a full-width hyphen and digits, a full-width gloss after a Hangul name.
    for (const t of ['DeepSeek-V3.1', 'DeepSeek V3.1', 'deepseek v3.1', 'DEEPSEEK_V3.1', 'DeepSeek  -  V3.1', 'ＤｅｅｐＳｅｅｋ V3.1', 'DeepSeek\u00a0V3.1', 'DeepSeek\u3000V3.1', 'DeepSeek－Ｖ３.１', '딥시크（DeepSeek） V3.1']) {
      assert.deepEqual(id(t), ['deepseek-v3.1'], t);
    }
  });
  it('reads a name split over a soft line break, never over a blank line', () => {
    assert.deepEqual(names('We compare DeepSeek\nV3.1 today.'), ['DeepSeek-V3.1']);
    assert.deepEqual(names('We compare DeepSeek\n\nV3.1 today.'), ['DeepSeek']);
  });
});

describe('recognize: prose only', () => {
  it('never looks inside code, URLs, link destinations, HTML blocks or front matter', () => {
    const note = [
      '---',
      'title: SKT notes',
      '---',
      '',
      '```',
      'SKT DeepSeek V3.1',
      '```',
      '',
      '    SKT indented code',
      '',
      'Inline `SKT` and https://example.com/SKT and <https://example.com/DeepSeek>.',
      '',
      '[the lab](https://example.com/KAIST) and ![KAIST](kaist.png)',
      '',
      '<div>',
      'SKT in HTML',
      '</div>',
      '',
      '[ref]: https://example.com/SKT',
    ].join('\n');
    assert.deepEqual(found(note), []);
  });
  it('finds names in headings, emphasis, lists, quotes, tables and link text', () => {
    const note = [
      '# SKT',
      '',
      '*KAIST* and **서울대**',
      '',
      '- 업스테이지',
      '',
      '> 뤼튼',
      '',
      '| a | b |',
      '| - | - |',
      '| 크래프톤 | [DeepSeek V3.1](https://x.y/z) |',
    ].join('\n');
    assert.deepEqual(found(note), ['SKT', 'KAIST', '서울대', '업스테이지', '뤼튼', '크래프톤', 'DeepSeek V3.1']);
  });
  it('gives UTF-16 ranges after emoji and Hangul', () => {
    const text = '😀 한국어 SKT';
    const a = analyze(text);
    assert.deepEqual(a.range(a.mentions[0]), { start: { line: 0, character: 7 }, end: { line: 0, character: 10 } });
  });
});
