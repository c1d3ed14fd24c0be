/**
 * `researchNotes/modelsChart` (#20, Show Models Chart): the chart of the models the workspace's
 * notes mention (from the workspace index), or one note's, drawn by the same renderer as the
 * chart file and made fit for a webview (`chart/view.ts`), with what a hover shows of each point:
 * the model's facts and the notes that mention it, most mentions first.
 */
import { chartMarks } from '../../chart/option';
import type { RenderChartSvg } from '../../chart/load';
import { modelsChartSpec, type ChartOptions, type ChartPoint } from '../../chart/spec';
import { viewSvg } from '../../chart/view';
import { formatTokens } from '../../format/numbers';
import type { KnowledgeBase, ModelEntity } from '../../knowledge/types';
import { fill, messages, type Locale } from '../../l10n';
import type { ModelsChartNote, ModelsChartResult } from '../../protocol';
import type { NoteIndex } from '../../workspace/noteIndex';

export interface ModelsChartContext {
  /** The language of the facts and messages (the client's). */
  locale: Locale;
  /** The chart's language and notation (`researchNotes.table.language`, `researchNotes.numberFormat`). */
  options: Omit<ChartOptions, 'selection'>;
  /** What `language: 'auto'` stands for. */
  noteLanguage: Locale;
  index: NoteIndex;
  /** The models' facts (a note's front matter included when `uri` is given). */
  kb: KnowledgeBase;
  /** Only this note's models; every note's when undefined. */
  uri?: string;
  /** False while the first indexing run is under way. */
  complete: boolean;
  /** The SVG renderer, loaded on first use; undefined where this build has none. */
  renderer(): Promise<RenderChartSvg | undefined>;
}

export async function modelsChart(ctx: ModelsChartContext): Promise<ModelsChartResult> {
  const t = messages(ctx.locale);
  const models = mentionedModels(ctx);
  const result = modelsChartSpec(models, ctx.kb, ctx.options, ctx.noteLanguage, ctx.locale);
  if (!result.ok) return { ok: false, message: result.message };
  const render = await ctx.renderer();
  if (!render) return { ok: false, message: t.chartUnavailable };
  const { spec } = result;
  const byId = new Map(models.map((m) => [m.id, m]));
  return {
    ok: true,
    complete: ctx.complete,
    title: spec.alt,
    svg: viewSvg(render(spec), chartMarks(spec)),
    points: spec.points.map((p) => ({ id: p.id, name: p.name, facts: facts(p, byId.get(p.id)!, ctx.locale), notes: notesOf(ctx.index, p.id) })),
  };
}

/** The models the notes (or the note) mention, most mentioned first. */
function mentionedModels(ctx: ModelsChartContext): ModelEntity[] {
  const counted =
    ctx.uri === undefined
      ? ctx.index.entities()
      : [...(ctx.index.note(ctx.uri)?.mentionCounts() ?? new Map<string, number>())].map(([id, mentions]) => ({ id, mentions }));
  const models = counted.flatMap((e) => {
    const entity = ctx.kb.get(e.id);
    return entity?.kind === 'model' ? [{ model: entity, mentions: e.mentions }] : [];
  });
  return models.sort((a, b) => b.mentions - a.mentions || a.model.name.localeCompare(b.model.name)).map((m) => m.model);
}

/** The notes mentioning `id`, most mentions first (then by URI), each with its first mention. */
export function notesOf(index: NoteIndex, id: string): ModelsChartNote[] {
  const notes = new Map<string, ModelsChartNote>();
  for (const { uri, range } of index.references(id)) {
    const note = notes.get(uri);
    if (note) note.mentions++;
    else notes.set(uri, { uri, mentions: 1, line: range.start.line, character: range.start.character });
  }
  return [...notes.values()].sort((a, b) => b.mentions - a.mentions || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
}

/** One line a fact, labelled as the comparison table's columns are: organization, parameters, release, weights, architecture, context, licence. */
export function facts(p: ChartPoint, m: ModelEntity, locale: Locale): string[] {
  const t = messages(locale);
  const yesNo = (v: boolean): string => (v ? t.tableYes : t.tableNo);
  const counts = p.activeText ? `${p.totalText} · ${fill(t.tableActiveCount, { count: p.activeText })}` : p.totalText;
  return [
    `${t.tableOrganization}: ${p.organization}`,
    `${t.tableParameters}: ${counts}`,
    `${t.tableRelease}: ${p.release}`,
    ...(m.openWeights !== undefined ? [`${t.tableOpenWeights}: ${yesNo(m.openWeights)}`] : []),
    ...(m.architecture ? [`${t.tableArchitecture}: ${m.architecture === 'moe' ? t.tableMoe : t.tableDense}`] : []),
    ...(m.context !== undefined ? [`${t.tableContext}: ${formatTokens(m.context)}`] : []),
    ...(m.license ? [`${t.tableLicense}: ${m.license}`] : []),
  ];
}
