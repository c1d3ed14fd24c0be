import { formatCount } from '../format/numbers';
import type { ChartPoint, ChartSpec } from './spec';

/**
 * The ECharts option that draws a chart specification: one scatter series of totals per
 * organization (its colour, a legend entry), the MoE models' active counts as hollow marks of the
 * same series name joined to their totals by a line, and empty series that only explain the
 * shapes in the legend. Plain data but for the axis-label formatters, so the SVG renderer and a
 * webview can share it.
 */
export interface ChartSize {
  width: number;
  height: number;
}

export const DEFAULT_CHART_SIZE: ChartSize = { width: 960, height: 600 };

/** The mark of a total; the active count's is the hollow (`empty…`) twin. */
const SYMBOLS: Record<ChartPoint['weights'], string> = { open: 'circle', closed: 'diamond', unknown: 'triangle' };
const hollow = (symbol: string): string => `empty${symbol[0].toUpperCase()}${symbol.slice(1)}`;

/** The chart's neutral colours: a webview maps each to its theme's (`view.ts`). */
export const INK = { text: '#1f2328', muted: '#59636e', grid: '#d8dee4', paper: '#ffffff' } as const;
const { text: TEXT, muted: MUTED, grid: GRID_LINE } = INK;
const FONT = "Helvetica, Arial, 'Apple SD Gothic Neo', 'Malgun Gothic', 'Noto Sans KR', sans-serif";
const LEGEND_WIDTH = 200;
const DAY = 24 * 60 * 60 * 1000;

export function chartOption(spec: ChartSpec, size: ChartSize = DEFAULT_CHART_SIZE): Record<string, unknown> {
  const shapes = shapeEntries(spec);
  return {
    animation: false,
    backgroundColor: INK.paper,
    textStyle: { fontFamily: FONT, color: TEXT },
    title: titles(spec, size),
    legend: {
      orient: 'vertical',
      right: 16,
      top: 56,
      width: LEGEND_WIDTH - 24,
      textStyle: { color: TEXT, fontSize: 12 },
      data: [...spec.organizations.map((o) => ({ name: o.name, icon: 'circle' })), ...shapes.map((s) => ({ name: s.name, icon: s.symbol }))],
    },
    grid: { left: 88, right: LEGEND_WIDTH, top: 64, bottom: spec.caption ? 96 : 64 },
    xAxis: xAxis(spec),
    yAxis: {
      type: 'log',
      logBase: 10,
      min: spec.y.min,
      max: spec.y.max,
      name: spec.words.y,
      nameLocation: 'middle',
      nameGap: 64,
      nameTextStyle: { color: MUTED },
      axisLabel: { color: MUTED, formatter: (value: number) => formatCount(value, spec.notation) },
      splitLine: { lineStyle: { color: GRID_LINE } },
    },
    series: chartSeries(spec).map((s) => s.series),
  };
}

/** A series of the option, and which point each of its data items draws (indices into `spec.points`). */
interface DrawnSeries {
  series: Record<string, unknown>;
  points?: number[];
}

function chartSeries(spec: ChartSpec): DrawnSeries[] {
  return [...spec.organizations.flatMap((o) => organizationSeries(spec, o.name)), ...shapeEntries(spec).map((e) => ({ series: shapeSeries(e) }))];
}

/**
 * The point each mark draws, as the SVG renderer tags marks (`ecmeta_series_index`,
 * `ecmeta_data_index`): `chartMarks(spec)[series]?.[dataIndex]` is an index into `spec.points`;
 * undefined for the lines joining an MoE pair and the legend's shape entries.
 */
export function chartMarks(spec: ChartSpec): (readonly number[] | undefined)[] {
  return chartSeries(spec).map((s) => s.points);
}

function titles(spec: ChartSpec, size: ChartSize): Record<string, unknown>[] {
  const title = { text: spec.words.title, left: 'center', top: 16, textStyle: { fontSize: 16, fontWeight: 'bold', color: TEXT } };
  if (!spec.caption) return [title];
  const caption = { text: spec.caption, left: 24, bottom: 12, textStyle: { fontSize: 12, fontWeight: 'normal', color: MUTED, width: size.width - 48, overflow: 'break' } };
  return [title, caption];
}

/** Release dates, spanning at least a year, with room on the right for the last point's label. */
function xAxis(spec: ChartSpec): Record<string, unknown> {
  const times = spec.points.map((p) => p.time);
  const span = Math.max(...times) - Math.min(...times);
  let min = Math.min(...times) - 61 * DAY;
  let max = Math.max(...times) + Math.max(61 * DAY, span / 5);
  const short = 365 * DAY - (max - min);
  if (short > 0) [min, max] = [min - short / 2, max + short / 2];
  return {
    type: 'time',
    min,
    max,
    minInterval: 28 * DAY,
    name: spec.words.x,
    nameLocation: 'middle',
    nameGap: 32,
    nameTextStyle: { color: MUTED },
    axisLabel: { color: MUTED, formatter: '{yyyy}-{MM}', hideOverlap: true },
    splitLine: { show: true, lineStyle: { color: GRID_LINE } },
  };
}

/** An organization's totals (labelled with the model names), its active counts, and the lines joining them. */
function organizationSeries(spec: ChartSpec, organization: string): DrawnSeries[] {
  const indices = spec.points.flatMap((p, i) => (p.organization === organization ? [i] : []));
  const points = indices.map((i) => spec.points[i]);
  const color = points[0].color;
  const moe = indices.filter((i) => spec.points[i].active !== undefined);
  const series: DrawnSeries[] = [
    {
      points: indices,
      series: {
        type: 'scatter',
        name: organization,
        symbolSize: 12,
        itemStyle: { color, borderColor: INK.paper, borderWidth: 1 },
        label: { show: true, position: 'right', formatter: '{b}', color: TEXT, fontSize: 12 },
        labelLayout: { moveOverlap: 'shiftY' },
        data: points.map((p) => ({ name: p.name, value: [p.time, p.total], symbol: SYMBOLS[p.weights] })),
      },
    },
  ];
  if (moe.length === 0) return series;
  const pairs = moe.map((i) => spec.points[i]);
  series.push({
    points: moe,
    series: {
      type: 'scatter',
      name: organization,
      symbolSize: 10,
      itemStyle: { color, borderColor: color, borderWidth: 2 },
      data: pairs.map((p) => ({ name: p.name, value: [p.time, p.active], symbol: hollow(SYMBOLS[p.weights]) })),
    },
  });
  for (const p of pairs) {
    series.push({ series: { type: 'line', name: organization, symbol: 'none', silent: true, lineStyle: { color, width: 1.5, type: 'dashed' }, data: [[p.time, p.total], [p.time, p.active]] } });
  }
  return series;
}

/** The legend's shape entries: the kinds of weights drawn, and the hollow active mark when there is one. */
function shapeEntries(spec: ChartSpec): { name: string; symbol: string }[] {
  const kinds = (['open', 'closed', 'unknown'] as const).filter((k) => spec.points.some((p) => p.weights === k));
  const words = { open: spec.words.open, closed: spec.words.closed, unknown: spec.words.unknownWeights };
  const entries = kinds.map((k) => ({ name: words[k], symbol: SYMBOLS[k] }));
  if (spec.points.some((p) => p.active !== undefined)) entries.push({ name: spec.words.active, symbol: 'emptyCircle' });
  return entries;
}

function shapeSeries(entry: { name: string; symbol: string }): Record<string, unknown> {
  return { type: 'scatter', name: entry.name, symbol: entry.symbol, itemStyle: { color: MUTED, borderColor: MUTED }, data: [] };
}
