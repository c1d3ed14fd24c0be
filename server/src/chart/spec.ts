import type { NoteAnalysis } from '../analysis';
import { tableModels, type Span } from '../features/comparisonTable';
import { formatCount, type Notation } from '../format/numbers';
import type { KnowledgeBase, ModelEntity } from '../knowledge/types';
import { fill, messages, type Locale } from '../l10n';

/**
 * The comparison chart (#20) as data, before any charting library sees it: one point per model
 * the note mentions that has a release date and a disclosed total, x the release date, y the
 * parameters on a log scale; the words in the note's language and the numbers in its notation.
 * The SVG renderer and a webview draw the same specification.
 */
export interface ChartSpec {
  language: Locale;
  notation: Notation;
  words: ChartWords;
  /** By release date, then mention order. */
  points: ChartPoint[];
  /** Organizations in order of their first point, each with its colour. */
  organizations: { name: string; color: string }[];
  /** The log axis' range: powers of ten around every count drawn. */
  y: { min: number; max: number };
  /** Models left out, and why: said in the caption. */
  omitted: { name: string; reason: 'undisclosed' | 'noSize' | 'noRelease' }[];
  /** One line under the chart naming the models left out; undefined when none is. */
  caption?: string;
  /** The image's alternative text: what it shows and every model drawn. */
  alt: string;
}

export interface ChartPoint {
  id: string;
  name: string;
  organization: string;
  color: string;
  /** As in the knowledge base (`2025-08-21`, `2023-03`). */
  release: string;
  /** Milliseconds since the epoch, UTC, at the start of the release date. */
  time: number;
  total: number;
  /** MoE models only: the parameters active per token, drawn hollow and joined to the total. */
  active?: number;
  /** `open`, `closed`, or `unknown` when the knowledge base does not say. */
  weights: 'open' | 'closed' | 'unknown';
  /** The counts in the chart's notation: `671B`, `6710억`. */
  totalText: string;
  activeText?: string;
}

export interface ChartWords {
  title: string;
  x: string;
  y: string;
  open: string;
  closed: string;
  unknownWeights: string;
  active: string;
}

export interface ChartOptions {
  /** `auto` follows the note's prose, as the table does. */
  language: 'auto' | 'en' | 'ko';
  /** `auto` and `both`: 억 in a Korean chart, B in an English one. */
  numberFormat: 'auto' | 'B' | '억' | 'both';
  /** Offsets; when non-empty, only models mentioned inside it are drawn. */
  selection?: Span;
}

export type ChartSpecResult = { ok: true; spec: ChartSpec } | { ok: false; message: string };

/** Colour-blind-safe (Okabe–Ito, then Tableau), dark enough on white; organizations past them reuse them. */
const PALETTE = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#7f3c8d', '#4e79a7', '#b07aa1', '#9c755f', '#59a14f', '#e15759'];

const UNKNOWN_ORGANIZATION = '—';

/** The chart of the models the note (or `options.selection`) mentions; a message when none can be drawn. */
export function chartSpec(analysis: NoteAnalysis, kb: KnowledgeBase, options: ChartOptions, uiLocale?: Locale): ChartSpecResult {
  const { models, language } = tableModels(analysis, kb, options.selection);
  if (models.length === 0) {
    const t = messages(uiLocale ?? (options.language === 'auto' ? language : options.language));
    return { ok: false, message: options.selection ? t.tableNoModelsInSelection : t.tableNoModels };
  }
  return modelsChartSpec(models, kb, options, language, uiLocale);
}

/**
 * The chart of `models` (several notes' models, for the CLI): `noteLanguage` is the language
 * `options.language: 'auto'` stands for.
 */
export function modelsChartSpec(models: readonly ModelEntity[], kb: KnowledgeBase, options: Omit<ChartOptions, 'selection'>, noteLanguage: Locale, uiLocale?: Locale): ChartSpecResult {
  const language: Locale = options.language === 'auto' ? noteLanguage : options.language;
  const t = messages(uiLocale ?? language);
  if (models.length === 0) return { ok: false, message: t.tableNoModels };
  const notation: Notation = options.numberFormat === 'B' || options.numberFormat === '억' ? options.numberFormat : language === 'ko' ? '억' : 'B';
  const spec = buildSpec(models, kb, language, notation);
  return spec.points.length ? { ok: true, spec } : { ok: false, message: t.chartNothingToDraw };
}

function buildSpec(models: readonly ModelEntity[], kb: KnowledgeBase, language: Locale, notation: Notation): ChartSpec {
  const t = messages(language);
  const colors = new Map<string, string>();
  const points: ChartPoint[] = [];
  const omitted: ChartSpec['omitted'] = [];
  for (const m of models) {
    const reason = omission(m);
    if (reason) omitted.push({ name: m.name, reason });
    else points.push(point(m, kb, notation));
  }
  points.sort((a, b) => a.time - b.time);
  // Colours go to organizations in order of their first point along the axis.
  const organizations = [...new Set(points.map((p) => p.organization))].map((name) => ({ name, color: colorOf(name, colors) }));
  for (const p of points) p.color = colorOf(p.organization, colors);
  const names = points.map((p) => p.name).join(', ');
  return {
    language,
    notation,
    words: { title: t.chartTitle, x: t.chartRelease, y: t.chartParameters, open: t.chartOpenWeights, closed: t.chartClosedWeights, unknownWeights: t.chartWeightsUnknown, active: t.chartActive },
    points,
    organizations,
    y: logRange(points),
    omitted,
    caption: caption(omitted, language),
    alt: fill(t.chartAlt, { names }),
  };
}

/** Why a model is not drawn: no disclosed total, or no release date. */
function omission(m: ModelEntity): ChartSpec['omitted'][number]['reason'] | undefined {
  if (m.parameters?.disclosed === false) return 'undisclosed';
  if (!(m.parameters?.total !== undefined && m.parameters.total > 0)) return 'noSize';
  return releaseTime(m.release) === undefined ? 'noRelease' : undefined;
}

function point(m: ModelEntity, kb: KnowledgeBase, notation: Notation): ChartPoint {
  const total = m.parameters!.total!;
  const active = m.architecture === 'moe' && m.parameters?.active !== undefined && m.parameters.active < total ? m.parameters.active : undefined;
  const organization = (m.organization && kb.get(m.organization)?.name) || m.organization || UNKNOWN_ORGANIZATION;
  return {
    id: m.id,
    name: m.name,
    organization,
    color: '',
    release: m.release!,
    time: releaseTime(m.release)!,
    total,
    weights: m.openWeights === undefined ? 'unknown' : m.openWeights ? 'open' : 'closed',
    totalText: formatCount(total, notation),
    ...(active !== undefined ? { active, activeText: formatCount(active, notation) } : {}),
  };
}

function colorOf(organization: string, colors: Map<string, string>): string {
  let color = colors.get(organization);
  if (!color) colors.set(organization, (color = PALETTE[colors.size % PALETTE.length]));
  return color;
}

/** `2025-08-21`, `2023-03` (the 1st), `2024` (1 January) as UTC milliseconds; undefined otherwise. */
export function releaseTime(release: string | undefined): number | undefined {
  const m = release && /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(release);
  return m ? Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1)) : undefined;
}

/** Powers of ten below the smallest and above the largest count drawn (at least one decade apart). */
function logRange(points: readonly ChartPoint[]): { min: number; max: number } {
  const counts = points.flatMap((p) => (p.active !== undefined ? [p.total, p.active] : [p.total]));
  const low = Math.floor(Math.log10(Math.min(...counts)));
  const high = Math.ceil(Math.log10(Math.max(...counts)));
  return { min: 10 ** low, max: 10 ** Math.max(high, low + 1) };
}

/** `Not drawn — size undisclosed: GPT-4 · no release date: X`, the reasons in a fixed order. */
function caption(omitted: ChartSpec['omitted'], language: Locale): string | undefined {
  if (omitted.length === 0) return undefined;
  const t = messages(language);
  const templates = { undisclosed: t.chartUndisclosed, noSize: t.chartNoSize, noRelease: t.chartNoRelease } as const;
  const parts = (Object.keys(templates) as (keyof typeof templates)[])
    .map((reason) => [reason, omitted.filter((o) => o.reason === reason).map((o) => o.name)] as const)
    .filter(([, names]) => names.length > 0)
    .map(([reason, names]) => fill(templates[reason], { names: names.join(', ') }));
  return `${t.chartNotDrawn} — ${parts.join(' · ')}`;
}
