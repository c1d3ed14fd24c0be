import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { chartFile, chartLinkAt, escapeAlt, imageLink } from '../../../server/src/chart/figure';
import { loadChartRenderer } from '../../../server/src/chart/load';
import { chartMarks, chartOption } from '../../../server/src/chart/option';
import { renderChartSvg } from '../../../server/src/chart/render';
import { viewSvg } from '../../../server/src/chart/view';
import { facts } from '../../../server/src/server/commands/chartView';
import { chartSpec, releaseTime, type ChartSpec } from '../../../server/src/chart/spec';
import { chartFolder } from '../../../server/src/service/config';
import type { Entity, KnowledgeBase, ModelEntity } from '../../../server/src/knowledge/types';
import { fakeKnowledge } from '../../support/fakeKnowledge';
import { analyzeNames, chartSpecOf } from '../../support/chart';
import { frozenKnowledge } from '../../support/knowledge';

const englishNote = readFileSync(path.resolve(__dirname, '../../fixtures/table/english.md'), 'utf8');
const real = (): KnowledgeBase => frozenKnowledge().kb;

const analyze = analyzeNames;
const spec = chartSpecOf;

/** Every element of `svg` whose tag is `tag`, with its attributes and text. */
function elements(svg: string, tag: string): { attrs: Record<string, string>; text: string }[] {
  return [...svg.matchAll(new RegExp(`<${tag}\\b([^>]*)>([^<]*)`, 'g'))].map((m) => ({
    attrs: Object.fromEntries([...m[1].matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])),
    text: m[2].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"'),
  }));
}

/** Throws unless `svg` is well-formed XML (sax, strict, from the dev dependencies). */
function assertWellFormed(svg: string): void {
  const sax = require('sax') as { parser(strict: boolean): { onerror: (e: Error) => void; write(s: string): { close(): void } } };
  const parser = sax.parser(true);
  parser.onerror = (e) => assert.fail(`not well-formed: ${e.message}`);
  parser.write(svg).close();
}

/** The total marks of the SVG (the series holding totals), each with its centre. */
function totalMarks(svg: string, s: ChartSpec): { series: number; index: number; x: number; y: number }[] {
  const series = chartOption(s).series as { type: string; data: { symbol?: string }[] }[];
  const totals = new Set(series.map((x, i) => (x.type === 'scatter' && x.data.length > 0 && !x.data[0].symbol?.startsWith('empty') ? i : -1)).filter((i) => i >= 0));
  return elements(svg, 'path')
    .filter((e) => e.attrs.ecmeta_ssr_type === 'chart' && totals.has(Number(e.attrs.ecmeta_series_index)))
    .map((e) => {
      const [, , , , x, y] = /matrix\(([^)]*)\)/.exec(e.attrs.transform)![1].split(',').map(Number);
      return { series: Number(e.attrs.ecmeta_series_index), index: Number(e.attrs.ecmeta_data_index), x, y };
    });
}

const model = (id: string, name: string, extra: Partial<ModelEntity>): ModelEntity => ({ kind: 'model', id, name, aliases: [], sources: [], ...extra });

describe('chart: the specification', () => {
  it('draws the models with a size and a release date, oldest first, and captions the undisclosed', () => {
    const s = spec(englishNote, real());
    assert.deepEqual(
      s.points.map((p) => [p.name, p.organization, p.release, p.total, p.active, p.weights, p.totalText, p.activeText]),
      [
        ['Mixtral 8x7B', 'Mistral AI', '2023-12-11', 46.7e9, 13e9, 'open', '46.7B', '13B'],
        ['Llama 3.1 405B', 'Meta', '2024-07-23', 405e9, undefined, 'open', '405B', undefined],
        ['Qwen3-235B-A22B', 'Alibaba Qwen team', '2025-04-29', 235e9, 22e9, 'open', '235B', '22B'],
        ['DeepSeek-V3.1', 'DeepSeek', '2025-08-21', 671e9, 37e9, 'open', '671B', '37B'],
      ],
    );
    assert.equal(s.points[0].time, Date.UTC(2023, 11, 11));
    assert.deepEqual(s.y, { min: 1e10, max: 1e12 });
    assert.deepEqual(s.omitted, [{ name: 'GPT-4', reason: 'undisclosed' }]);
    assert.equal(s.caption, 'Not drawn — size undisclosed: GPT-4');
    assert.equal(s.alt, 'Parameters against release date: Mixtral 8x7B, Llama 3.1 405B, Qwen3-235B-A22B, DeepSeek-V3.1');
    assert.deepEqual(s.words, {
      title: 'Parameters against release date',
      x: 'Release date',
      y: 'Parameters (log scale)',
      open: 'open weights',
      closed: 'closed weights',
      unknownWeights: 'weights: unknown',
      active: 'active parameters (MoE)',
    });
    // One colour per organization, each point in its organization's.
    assert.equal(new Set(s.organizations.map((o) => o.color)).size, 4);
    for (const p of s.points) assert.equal(p.color, s.organizations.find((o) => o.name === p.organization)?.color);
  });

  it('writes Korean words and 억 counts for Korean, and takes the notation setting', () => {
    const ko = spec(englishNote, real(), { language: 'ko' });
    assert.deepEqual([ko.words.title, ko.words.x, ko.words.y, ko.words.active], ['출시일별 매개변수', '출시일', '매개변수 (로그 눈금)', '활성 매개변수 (MoE)']);
    assert.deepEqual(ko.points.map((p) => p.totalText), ['467억', '4050억', '2350억', '6710억']);
    assert.equal(ko.points[3].activeText, '370억');
    assert.equal(ko.caption, '그리지 않은 모델 — 크기 비공개: GPT-4');
    assert.match(ko.alt, /^출시일별 매개변수: Mixtral 8x7B, /);
    assert.deepEqual(spec(englishNote, real(), { language: 'ko', numberFormat: 'B' }).points.map((p) => p.totalText), ['46.7B', '405B', '235B', '671B']);
    assert.equal(spec(englishNote, real(), { numberFormat: '억' }).points[0].totalText, '467억');
  });

  it('follows the note: a Korean note gets a Korean chart', () => {
    const note = readFileSync(path.resolve(__dirname, '../../../../shared/examples/skt-500b-ko.md'), 'utf8');
    const s = spec(note, real());
    assert.equal(s.language, 'ko');
    assert.deepEqual(s.points.map((p) => [p.name, p.totalText, p.activeText]), [['DeepSeek-V3.1', '6710억', '370억']]);
  });

  it('draws only the models mentioned in a selection', () => {
    const start = englishNote.indexOf('Qwen3');
    const s = spec(englishNote, real(), { selection: { start, end: englishNote.indexOf('GPT-4') } });
    assert.deepEqual(s.points.map((p) => p.name), ['Mixtral 8x7B', 'Qwen3-235B-A22B']);
    assert.equal(s.caption, undefined);
  });

  it('says why a model is left out, and refuses when nothing can be drawn', () => {
    const kb = fakeKnowledge([
      { kind: 'organization', id: 'acme', name: 'Acme', aliases: [], sources: [] },
      model('a', 'Alpha-7B', { organization: 'acme', parameters: { total: 7e9 }, release: '2024-05', openWeights: false }),
      model('b', 'Beta-1', { organization: 'acme', parameters: { total: 70e9 } }),
      model('c', 'Gamma-X', { parameters: { disclosed: false }, release: '2024' }),
      model('d', 'Delta-Z', { release: '2024-02-03' }),
    ] satisfies Entity[]);
    const s = spec('Alpha-7B, Beta-1, Gamma-X and Delta-Z.', kb);
    assert.deepEqual(s.points.map((p) => [p.name, p.weights, p.time]), [['Alpha-7B', 'closed', Date.UTC(2024, 4, 1)]]);
    assert.equal(s.caption, 'Not drawn — size undisclosed: Gamma-X · size unknown: Delta-Z · no release date: Beta-1');
    assert.deepEqual(s.y, { min: 1e9, max: 1e10 });
    const none = chartSpec(analyze('Gamma-X only.', kb), kb, { language: 'auto', numberFormat: 'auto' });
    assert.deepEqual(none, { ok: false, message: 'None of the models mentioned has a known size and release date to draw.' });
    assert.deepEqual(chartSpec(analyze('Nothing here.', kb), kb, { language: 'auto', numberFormat: 'auto' }, 'ko'), { ok: false, message: '이 노트에 언급된 모델이 없습니다.' });
  });

  it('reads release dates of a year, a month or a day', () => {
    assert.deepEqual(['2024', '2024-03', '2024-03-09', '03/2024', undefined].map(releaseTime), [Date.UTC(2024, 0, 1), Date.UTC(2024, 2, 1), Date.UTC(2024, 2, 9), undefined, undefined]);
  });
});

describe('chart: the SVG (ECharts server-side rendering)', () => {
  it('draws one filled mark per model at its count on a log scale, labelled with its name', () => {
    const s = spec(englishNote, real());
    const svg = renderChartSvg(s);
    assertWellFormed(svg);
    const marks = totalMarks(svg, s);
    assert.equal(marks.length, s.points.length);
    // Along x in release order; up the log scale: equal ratios, equal distances.
    const byName = new Map(s.points.map((p) => [p.name, marks.find((m) => m.series === chartSeriesOf(s, p.organization))!]));
    const xs = s.points.map((p) => byName.get(p.name)!.x);
    assert.deepEqual(xs, [...xs].sort((a, b) => a - b));
    const slope = (a: string, b: string) => (byName.get(a)!.y - byName.get(b)!.y) / Math.log10(s.points.find((p) => p.name === a)!.total / s.points.find((p) => p.name === b)!.total);
    assert.ok(slope('DeepSeek-V3.1', 'Mixtral 8x7B') < 0, 'larger counts are higher up');
    assert.ok(Math.abs(slope('DeepSeek-V3.1', 'Mixtral 8x7B') - slope('Llama 3.1 405B', 'Qwen3-235B-A22B')) < 0.5, 'the y axis is logarithmic');
    const texts = elements(svg, 'text').map((e) => e.text);
    for (const p of s.points) assert.equal(texts.filter((t) => t === p.name).length, 1, `one label ${p.name}`);
    // MoE: a hollow mark for each active count.
    assert.equal(elements(svg, 'path').filter((e) => e.attrs.ecmeta_ssr_type === 'chart' && e.attrs.fill === '#fff').length, 3);
    for (const t of ['Parameters against release date', 'Not drawn — size undisclosed: GPT-4', 'Mistral AI', 'open weights', 'active parameters (MoE)', '100B', '1T']) assert.ok(texts.includes(t), t);
    assert.equal(elements(svg, 'title')[0].text, s.alt);
  });

  it('labels the Korean chart in Korean and 억', () => {
    const svg = renderChartSvg(spec(englishNote, real(), { language: 'ko' }));
    assertWellFormed(svg);
    const texts = elements(svg, 'text').map((e) => e.text);
    for (const t of ['출시일별 매개변수', '출시일', '1000억', '1조', '가중치 공개', '그리지 않은 모델 — 크기 비공개: GPT-4']) assert.ok(texts.includes(t), t);
  });

  it('is self-contained, on a light background, and under 100 KB for 30 models', () => {
    const entities: Entity[] = [];
    for (let i = 0; i < 10; i++) entities.push({ kind: 'organization', id: `org${i}`, name: `Org & Co ${i}`, aliases: [], sources: [] });
    for (let i = 0; i < 30; i++) {
      const moe = i % 3 === 0;
      entities.push(model(`m${i}`, `Model<${i}>-X`, { organization: `org${i % 10}`, parameters: { total: (i + 1) * 13e9, ...(moe ? { active: (i + 1) * 1e9 } : {}) }, architecture: moe ? 'moe' : 'dense', release: `202${3 + (i % 3)}-${String((i % 12) + 1).padStart(2, '0')}`, openWeights: i % 2 === 0 }));
    }
    const kb = fakeKnowledge(entities);
    const note = entities.filter((e) => e.kind === 'model').map((e) => `${e.name} is here.`).join('\n');
    const s = spec(note, kb);
    assert.equal(s.points.length, 30);
    const svg = renderChartSvg(s);
    assertWellFormed(svg);
    assert.ok(svg.length < 100 * 1024, `${svg.length} bytes`);
    assert.equal(totalMarks(svg, s).length, 30);
    // `url(#…)` names the SVG's own clip paths; nothing outside it is referenced.
    assert.doesNotMatch(svg, /<script|<foreignObject|<image|href=|@import|url\((?!#)|@font-face|\bon\w+=/i);
    assert.match(svg, /^<svg[^>]*><title>/);
    assert.match(svg, /<rect width="960" height="600" x="0" y="0" fill="#ffffff"/);
    assert.ok(elements(svg, 'text').some((e) => e.text === 'Model<7>-X'));
  });

  it('is loaded lazily: from source, the loader finds render.ts', () => {
    const render = loadChartRenderer(path.resolve(__dirname, '../../../server/src/chart'));
    assert.equal(typeof render, 'function');
  });
});

describe('chart: the webview SVG (Show Models Chart)', () => {
  /** The marks carrying `data-point`, each with its point and centre. */
  const pointMarks = (svg: string) =>
    elements(svg, 'path')
      .filter((e) => e.attrs['data-point'] !== undefined)
      .map((e) => {
        const [, , , , x, y] = /matrix\(([^)]*)\)/.exec(e.attrs.transform)![1].split(',').map(Number);
        return { point: Number(e.attrs['data-point']), hollow: e.attrs.fill === '#fff', x, y };
      });

  it('knows which point each series’ marks draw: totals, then the MoE actives, none for the lines and the legend', () => {
    assert.deepEqual(chartMarks(spec(englishNote, real())), [[0], [0], undefined, [1], [2], [2], undefined, [3], [3], undefined, undefined, undefined]);
  });

  it('tags every mark with its point, at the point’s place: one filled mark a model, one hollow more for MoE', () => {
    const s = spec(englishNote, real());
    const view = viewSvg(renderChartSvg(s), chartMarks(s));
    const marks = pointMarks(view);
    assert.deepEqual(
      marks.map((m) => [s.points[m.point].name, m.hollow]).sort(),
      [['DeepSeek-V3.1', false], ['DeepSeek-V3.1', true], ['Llama 3.1 405B', false], ['Mixtral 8x7B', false], ['Mixtral 8x7B', true], ['Qwen3-235B-A22B', false], ['Qwen3-235B-A22B', true]],
    );
    // The same centres as the file's total marks, point by point.
    const totals = totalMarks(renderChartSvg(s), s).map((m) => [m.x, m.y]);
    const filled = marks.filter((m) => !m.hollow).sort((a, b) => a.point - b.point);
    assert.deepEqual(filled.map((m) => [m.x, m.y]), totals);
    // Left to right in release order; an active count below its total, straight under it.
    for (let i = 1; i < filled.length; i++) assert.ok(filled[i].x > filled[i - 1].x, `${s.points[i].name} is right of ${s.points[i - 1].name}`);
    for (const active of marks.filter((m) => m.hollow)) {
      const total = filled[active.point];
      assert.deepEqual([active.x, active.y > total.y], [total.x, true], s.points[active.point].name);
    }
  });

  it('has no style attribute or element (a strict content security policy), and names its neutral colours', () => {
    const s = spec(englishNote, real(), { language: 'ko' });
    const view = viewSvg(renderChartSvg(s), chartMarks(s));
    assertWellFormed(view);
    assert.doesNotMatch(view, /\sstyle="|<style|<title|<script|role="img"/);
    assert.match(view, /^<svg [^>]*viewBox="0 0 960 600"[^>]*>\n<rect /);
    const texts = elements(view, 'text');
    const title = texts.find((e) => e.text === '출시일별 매개변수')!;
    assert.deepEqual([title.attrs['font-size'], title.attrs['font-weight'], title.attrs['data-fill']], ['16px', 'bold', 'text']);
    assert.match(title.attrs['font-family'], /^Helvetica, Arial, 'Apple SD Gothic Neo'/);
    const count = texts.find((e) => e.text === '1조')!;
    assert.deepEqual([count.attrs['font-size'], count.attrs['data-fill']], ['12px', 'muted']);
    // The axis' dates are styled by the `font` shorthand.
    const date = texts.find((e) => /^\d{4}-\d{2}$/.test(e.text))!;
    assert.deepEqual([date.attrs['font-style'], date.attrs['font-weight'], date.attrs['font-size'], date.attrs['data-fill']], ['normal', 'normal', '12px', 'muted']);
    assert.match(date.attrs['font-family'], /^Helvetica, Arial, 'Apple SD Gothic Neo'.*, sans-serif$/);
    assert.ok(texts.every((e) => e.attrs['data-fill'] === 'text' || e.attrs['data-fill'] === 'muted'), 'every text names its colour');
    assert.equal(elements(view, 'rect')[0].attrs['data-fill'], 'paper');
    assert.ok(elements(view, 'path').some((e) => e.attrs['data-stroke'] === 'grid'));
  });

  it('lists a point’s facts in the client’s language, as the table labels them', () => {
    const kb = fakeKnowledge([
      { kind: 'organization', id: 'acme', name: 'Acme', aliases: [], sources: [] },
      model('zeta', 'Zeta-70B', { organization: 'acme', parameters: { total: 70e9, active: 7e9 }, architecture: 'moe', release: '2025-01', openWeights: true, context: 131072, license: 'MIT' }),
      model('eta', 'Eta', { parameters: { total: 7e9 }, release: '2024' }),
    ]);
    const s = spec('Zeta-70B and Eta.', kb);
    const [eta, zeta] = s.points;
    assert.deepEqual(facts(zeta, kb.get('zeta') as ModelEntity, 'en'), [
      'Organization: Acme',
      'Parameters: 70B · 7B active',
      'Release: 2025-01',
      'Open weights: yes',
      'Architecture: MoE',
      'Context: 128K',
      'License: MIT',
    ]);
    assert.deepEqual(facts(eta, kb.get('eta') as ModelEntity, 'ko'), ['조직: —', '매개변수: 7B', '출시: 2024']);
  });
});

describe('chart: the figure file and its link', () => {
  it('puts <note>.models.svg in the chart folder beside the note', () => {
    assert.deepEqual(chartFile('file:///ws/notes/my%20note.md', 'figures'), { uri: 'file:///ws/notes/figures/my%20note.models.svg', link: 'figures/my%20note.models.svg' });
    assert.deepEqual(chartFile('file:///ws/a.markdown', ''), { uri: 'file:///ws/a.models.svg', link: 'a.models.svg' });
    assert.deepEqual(chartFile('file:///ws/n/a.md', '../img/그림'), { uri: 'file:///ws/img/%EA%B7%B8%EB%A6%BC/a.models.svg', link: '../img/%EA%B7%B8%EB%A6%BC/a.models.svg' });
    assert.deepEqual(['figures', './figs/', 'a\\b', '/abs', 'C:/x', 'https://x', 3].map(chartFolder), ['figures', 'figs', 'a/b', undefined, undefined, undefined, undefined]);
  });

  it('finds the chart link at the cursor, and only a chart link', () => {
    const text = 'See ![A \\[x\\]](figures/a.models.svg "t") and ![b](b.png) or ![c](https://x/c.models.svg).\n';
    const link = chartLinkAt(text, text.indexOf('figures'), 'file:///ws/a.md');
    assert.deepEqual(link, { start: 4, end: text.indexOf(' and'), alt: { start: 6, end: 13 }, uri: 'file:///ws/figures/a.models.svg' });
    assert.equal(text.slice(link!.alt.start, link!.alt.end), 'A \\[x\\]');
    assert.equal(chartLinkAt(text, text.indexOf('b.png'), 'file:///ws/a.md'), undefined);
    assert.equal(chartLinkAt(text, text.indexOf('https'), 'file:///ws/a.md'), undefined);
    assert.equal(chartLinkAt(text, 0, 'file:///ws/a.md'), undefined);
    assert.equal(imageLink('Chart: a [b] \\ c', 'figures/a.models.svg'), '![Chart: a \\[b\\] \\\\ c](figures/a.models.svg)');
    assert.equal(escapeAlt('a [b] \\ c'), 'a \\[b\\] \\\\ c');
  });
});

/** The index of the series holding `organization`'s totals. */
function chartSeriesOf(s: ChartSpec, organization: string): number {
  return (chartOption(s).series as { name: string }[]).findIndex((x) => x.name === organization);
}
