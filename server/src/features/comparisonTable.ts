import type { NoteAnalysis } from '../analysis';
import { tableColumns, type Column, type TableSort } from '../service/config';
import { formatCount, formatTokens, type Notation } from '../format/numbers';
import { escapeMarkdown, safeUrl } from '../format/markdown';
import { displayWidth, padToWidth } from '../format/width';
import { rankedSources, sourceLabel } from '../format/sources';
import type { AlternateCount, KnowledgeBase, ModelEntity, ProductEntity } from '../knowledge/types';
import { fill, messages, type Locale } from '../l10n';
import { frontMatterEnd } from '../markdown/blocks';
import { parseBlocks } from '../markdown/remark';
import { lowerBound } from '../recognize/spans';
import { ensureFacts } from '../knowledge/facts';

/**
 * `researchNotes.insertComparisonTable`: a GFM table of the models a note mentions, with each
 * row's sources as footnotes, wrapped in marker comments so that running the command again
 * inside it regenerates it in place.
 */

export interface TableOptions {
  columns: Column[];
  /** `mention`: first mention first; `parameters`: largest total first; `release`: oldest first; `name`: alphabetical. */
  sort: TableSort;
  /** Language of headers and words; `auto` follows the note's prose (Hangul vs Latin letters). */
  language: 'auto' | 'en' | 'ko';
  /** `auto`: 억 in a Korean table, B in an English one; `both`: `671B (6710억)`. */
  numberFormat: 'auto' | 'B' | '억' | 'both';
  /** Offsets; when non-empty, only models mentioned inside it get rows. */
  selection?: Span;
  /** Language of the failure message (the client's UI locale); defaults to the table's language. */
  locale?: Locale;
}

export interface Span {
  start: number;
  end: number;
}

export type TableResult = { ok: true; markdown: string; models: string[] } | { ok: false; message: string };

export type TableEditResult = { ok: true; range: Span; newText: string } | { ok: false; message: string };

export const TABLE_START = '<!-- research-notes:table -->';
export const TABLE_END = '<!-- /research-notes:table -->';

type Words = {
  headers: Record<Column, string>;
  yes: string;
  no: string;
  dense: string;
  moe: string;
  undisclosed: string;
  asOf: (date: string) => string;
  alsoReported: string;
  active: (count: string) => string;
  note: string;
  unverified: string;
  secondary: string;
  secondaryOnly: string;
  noModels: string;
  noModelsInSelection: string;
  products: (names: string) => string;
};

/** The table's words, from the server's one message table (`l10n.ts`). */
function words(locale: Locale): Words {
  const t = messages(locale);
  return {
    headers: {
      model: t.tableModel,
      organization: t.tableOrganization,
      parameters: t.tableParameters,
      active: t.tableActive,
      architecture: t.tableArchitecture,
      release: t.tableRelease,
      openWeights: t.tableOpenWeights,
      context: t.tableContext,
      license: t.tableLicense,
    },
    yes: t.tableYes,
    no: t.tableNo,
    dense: t.tableDense,
    moe: t.tableMoe,
    undisclosed: t.tableUndisclosed,
    asOf: (date) => fill(t.tableAsOf, { date }),
    alsoReported: t.tableAlsoReported,
    active: (count) => fill(t.tableActiveCount, { count }),
    note: t.tableNote,
    unverified: t.tableUnverified,
    secondary: t.tableSecondary,
    secondaryOnly: t.tableSecondaryOnly,
    noModels: t.tableNoModels,
    noModelsInSelection: t.tableNoModelsInSelection,
    products: (names) => fill(t.tableProducts, { names }),
  };
}

const NUMERIC: ReadonlySet<Column> = new Set(['parameters', 'active', 'context']);
const UNKNOWN = '—';

/** Data fields whose `unverified` mark the footnote repeats, and the column each one fills. */
const FIELD_COLUMNS: Record<string, Column> = {
  organization: 'organization',
  parameters: 'parameters',
  architecture: 'architecture',
  release: 'release',
  openWeights: 'openWeights',
  context: 'context',
  license: 'license',
};

/**
 * The comparison table of the models mentioned in the note, or in `options.selection` when it
 * is non-empty: one row per model (family mentions like `EXAONE` give none), first mention
 * first unless `options.sort` says otherwise. `models` holds the row's entity ids in order.
 *
 * Mentions inside an existing generated block (`<!-- research-notes:table -->` …) do not count:
 * the table's own cells and footnotes name its models, so counting them would make a refresh
 * keep every row it ever had. Those blocks are left out of the language guess for the same reason.
 * A selection inside a generated block stands for that block: the rows come from the whole note,
 * as `tableEdit` would write them there.
 */
export function comparisonTable(analysis: NoteAnalysis, kb: KnowledgeBase, options: TableOptions): TableResult {
  const blocks = tableBlocks(analysis.text);
  const { block, scope } = target(blocks, undefined, options.selection);
  return build(analysis, kb, options, blocks, scope, block);
}

/**
 * The edit that inserts or refreshes a table at the cursor.
 * - Cursor in a generated block (or a selection inside one, or a selection containing one):
 *   that block is replaced. The rows come from the whole note, or from the part of the
 *   selection outside the block when the selection reaches beyond it.
 * - Otherwise the table becomes its own block: on a blank line (outside any Markdown block) it
 *   goes at the start of that line; anywhere else after the end of the top-level block holding
 *   the cursor (the paragraph, list, quote, code fence or table), so it never splits one.
 *   A blank line separates it from the text before and after.
 * `options.selection` is ignored: `at.selection` scopes the rows.
 */
export function tableEdit(analysis: NoteAnalysis, kb: KnowledgeBase, options: TableOptions, at: { offset: number; selection?: Span }): TableEditResult {
  const text = analysis.text;
  const blocks = tableBlocks(text);
  const { block, scope } = target(blocks, at.offset, at.selection);
  if (block) {
    const table = build(analysis, kb, options, blocks, scope, block);
    return table.ok ? { ok: true, range: { start: block.start, end: block.end }, newText: withLineEnds(text, table.markdown) } : table;
  }

  const table = build(analysis, kb, options, blocks, scope, undefined);
  if (!table.ok) return table;
  const [position, onBlankLine] = insertionPoint(text, Math.max(0, Math.min(text.length, at.offset)), analysis.structure?.boundaries);
  const before = text.slice(0, position);
  const after = text.slice(position);
  let prefix: string;
  let suffix: string;
  if (onBlankLine) {
    prefix = before === '' || /\n[ \t\r]*\n$/.test(before) ? '' : '\n';
    suffix = '\n';
  } else {
    prefix = '\n\n';
    suffix = after === '' ? '\n' : /^\r?\n[ \t\r]*(\n|$)/.test(after) ? '' : '\n';
  }
  return { ok: true, range: { start: position, end: position }, newText: withLineEnds(text, prefix + table.markdown + suffix) };
}

/** `s` with the note's line ends: CRLF notes get CRLF. */
function withLineEnds(text: string, s: string): string {
  return text.includes('\r\n') ? s.replace(/\n/g, '\r\n') : s;
}

/**
 * The generated block (from `<!-- research-notes:table -->` through the end of
 * `<!-- /research-notes:table -->`) that contains `offset`, either end included.
 */
export function findTableBlock(text: string, offset: number): Span | undefined {
  return tableBlocks(text).find((b) => b.start <= offset && offset <= b.end);
}

/** Every complete generated block of `text`, in order. An opening marker without a closing one is no block. */
export function tableBlocks(text: string): Span[] {
  const blocks: Span[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf(TABLE_START, from);
    if (start === -1) break;
    const close = text.indexOf(TABLE_END, start + TABLE_START.length);
    if (close === -1) break;
    // A second opening marker before the close means the first one lost its end.
    const reopen = text.indexOf(TABLE_START, start + TABLE_START.length);
    if (reopen !== -1 && reopen < close) {
      from = reopen;
      continue;
    }
    blocks.push({ start, end: close + TABLE_END.length });
    from = close + TABLE_END.length;
  }
  return blocks;
}

/**
 * The block a command at `offset` / `selection` refreshes — the one holding the cursor, else
 * the one holding the selection, else one the selection holds — and the span whose mentions
 * give the rows: the selection when it is non-empty and reaches outside that block, else the
 * whole note (`undefined`).
 */
function target(blocks: readonly Span[], offset: number | undefined, selection: Span | undefined): { block?: Span; scope?: Span } {
  const sel = selection && selection.end > selection.start ? selection : undefined;
  const block =
    (offset !== undefined ? blocks.find((b) => b.start <= offset && offset <= b.end) : undefined) ??
    (sel && (blocks.find((b) => b.start <= sel.start && sel.end <= b.end) ?? blocks.find((b) => sel.start <= b.start && b.end <= sel.end)));
  const scope = sel && (!block || sel.start < block.start || sel.end > block.end) ? sel : undefined;
  return { block, scope };
}

/** Korean when Hangul syllables outnumber Latin letters in the note's prose (generated blocks aside). */
export function noteLanguage(mask: string, skip: readonly Span[] = []): Locale {
  let hangul = 0;
  let latin = 0;
  let k = 0;
  for (let i = 0; i < mask.length; i++) {
    while (k < skip.length && skip[k].end <= i) k++;
    if (k < skip.length && skip[k].start <= i) {
      i = skip[k].end - 1;
      continue;
    }
    const c = mask.charCodeAt(i);
    if (c >= 0xac00 && c <= 0xd7a3) hangul++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)) latin++;
  }
  return hangul > latin ? 'ko' : 'en';
}

function build(analysis: NoteAnalysis, kb: KnowledgeBase, options: TableOptions, blocks: readonly Span[], selection: Span | undefined, replacing: Span | undefined): TableResult {
  const language: Locale = options.language === 'auto' ? noteLanguage(analysis.mask, blocks) : options.language;
  const { models, products } = mentionedEntities(analysis, kb, blocks, selection);
  if (models.length === 0) {
    const t = words(options.locale ?? language);
    return { ok: false, message: selection ? t.noModelsInSelection : t.noModels };
  }
  const sorted = sortModels(models, options.sort, language);
  const labelPrefix = footnotePrefix(analysis.text, replacing);
  const markdown = render(sorted, products, kb, options, language, labelPrefix);
  return { ok: true, markdown, models: sorted.map((m) => m.id) };
}

/**
 * The models the table of the note (or of a non-empty `selection`) has rows for, first mention
 * first, and the language it is written in: what the comparison chart draws (#20).
 */
export function tableModels(analysis: NoteAnalysis, kb: KnowledgeBase, selection?: Span): { models: ModelEntity[]; language: Locale } {
  const blocks = tableBlocks(analysis.text);
  const scope = selection && selection.end > selection.start ? selection : undefined;
  return { models: mentionedEntities(analysis, kb, blocks, scope).models, language: noteLanguage(analysis.mask, blocks) };
}

/**
 * Models (not families) mentioned outside generated blocks, within `selection` if given, first
 * mention first; a product mention naming its model (`ChatGPT-4o`) counts as that model. Products
 * are not rows: a product serves several models over time, so they are listed under the table.
 */
function mentionedEntities(analysis: NoteAnalysis, kb: KnowledgeBase, blocks: readonly Span[], selection: Span | undefined): { models: ModelEntity[]; products: ProductEntity[] } {
  const seen = new Set<string>();
  const models: ModelEntity[] = [];
  const products: ProductEntity[] = [];
  for (const m of analysis.mentions) {
    if (selection && !(m.start < selection.end && m.end > selection.start)) continue;
    if (blocks.some((b) => b.start <= m.start && m.end <= b.end)) continue;
    for (const id of [m.id, m.model]) {
      const entity = id === undefined || seen.has(id) ? undefined : kb.get(id);
      if (entity?.kind === 'model') models.push(entity);
      else if (entity?.kind === 'product') products.push(entity);
      if (entity) seen.add(entity.id);
    }
  }
  return { models, products };
}

/** A stable sort: ties and unknown values keep mention order, unknowns last. */
function sortModels(models: ModelEntity[], sort: TableSort, language: Locale): ModelEntity[] {
  const keyed = models.map((model, index) => ({ model, index }));
  const last = <T>(a: T | undefined, b: T | undefined, cmp: (a: T, b: T) => number): number =>
    a === undefined ? (b === undefined ? 0 : 1) : b === undefined ? -1 : cmp(a, b);
  const by: Record<TableSort, (a: ModelEntity, b: ModelEntity) => number> = {
    mention: () => 0,
    parameters: (a, b) => last(disclosedTotal(a), disclosedTotal(b), (x, y) => y - x),
    release: (a, b) => last(a.release, b.release, (x, y) => (x < y ? -1 : x > y ? 1 : 0)),
    name: (a, b) => a.name.localeCompare(b.name, language),
  };
  keyed.sort((a, b) => by[sort](a.model, b.model) || a.index - b.index);
  return keyed.map((k) => k.model);
}

function disclosedTotal(m: ModelEntity): number | undefined {
  return m.parameters?.disclosed === false ? undefined : m.parameters?.total;
}

/**
 * Footnote labels are `rn-1`, `rn-2`, …; if the note already uses `[^rn-…]` outside the block
 * being replaced (another generated table), `rn2-`, `rn3-`, … so no two definitions share a label.
 */
function footnotePrefix(text: string, replacing: Span | undefined): string {
  const outside = replacing ? text.slice(0, replacing.start) + '\n' + text.slice(replacing.end) : text;
  const used = new Set<string>();
  for (const m of outside.matchAll(/\[\^(rn\d*)-\d+\]/g)) used.add(m[1]);
  for (let n = 1; ; n++) {
    const prefix = n === 1 ? 'rn' : `rn${n}`;
    if (!used.has(prefix)) return `${prefix}-`;
  }
}

function render(models: ModelEntity[], products: readonly ProductEntity[], kb: KnowledgeBase, options: TableOptions, language: Locale, labelPrefix: string): string {
  const t = words(language);
  const notation: Notation | 'both' = options.numberFormat === 'auto' ? (language === 'ko' ? '억' : 'B') : options.numberFormat;
  const count = (value: number): string => (notation === 'both' ? `${formatCount(value, 'B')} (${formatCount(value, '억')})` : formatCount(value, notation));
  const columns = tableColumns(options.columns);

  const footnotes: string[] = [];
  const rows = models.map((m) => {
    const note = footnote(m, t, language, count, columns);
    let label = '';
    if (note !== undefined) {
      label = `[^${labelPrefix}${footnotes.length + 1}]`;
      footnotes.push(`${label}: ${note}`);
    }
    return columns.map((c) => (c === 'model' ? escapeMarkdown(m.name) + label : cell(m, c, kb, t, count)));
  });

  const header = columns.map((c) => t.headers[c]);
  const widths = columns.map((c, i) => Math.max(NUMERIC.has(c) ? 4 : 3, displayWidth(header[i]), ...rows.map((r) => displayWidth(r[i]))));
  const line = (cells: string[]): string => `| ${cells.map((s, i) => padToWidth(s, widths[i], NUMERIC.has(columns[i]) ? 'start' : 'end')).join(' | ')} |`;
  const delimiter = `| ${widths.map((w, i) => (NUMERIC.has(columns[i]) ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  const table = [line(header), delimiter, ...rows.map(line)].join('\n');
  // Its own paragraph between the table and the footnotes: after a footnote it would continue it.
  const note = products.length ? `${t.products(products.map((p) => escapeMarkdown(p.name)).join(', '))}\n\n` : '';
  return `${TABLE_START}\n${table}\n\n${note}${footnotes.length ? `${footnotes.join('\n')}\n` : ''}${TABLE_END}`;
}


function cell(m: ModelEntity, column: Column, kb: KnowledgeBase, t: Words, count: (n: number) => string): string {
  const p = m.parameters;
  switch (column) {
    case 'model':
      return escapeMarkdown(m.name);
    case 'organization':
      return m.organization ? escapeMarkdown(kb.get(m.organization)?.name ?? m.organization) : UNKNOWN;
    case 'parameters':
      if (p?.disclosed === false) return t.undisclosed;
      return p?.total !== undefined ? count(p.total) : UNKNOWN;
    case 'active': {
      if (p?.disclosed === false) return t.undisclosed;
      // A dense model uses every parameter for every token: its active count is its total.
      const active = p?.active ?? (m.architecture === 'dense' ? p?.total : undefined);
      return active !== undefined ? count(active) : UNKNOWN;
    }
    case 'architecture':
      return m.architecture ? t[m.architecture] : UNKNOWN;
    case 'release':
      return m.release ? escapeMarkdown(m.release) : UNKNOWN;
    case 'openWeights':
      return m.openWeights === undefined ? UNKNOWN : m.openWeights ? t.yes : t.no;
    case 'context':
      return m.context !== undefined ? formatTokens(m.context) : UNKNOWN;
    case 'license':
      return m.license ? escapeMarkdown(m.license) : UNKNOWN;
  }
}

/**
 * One footnote's text: `Name — model card <url> (as of date)` with the row's primary source
 * (one line a row, fit to paste into a paper), then ` · `-separated extras: alternate counts,
 * the parameter note, fields shown in the row that no source confirmed or only a secondary one states.
 * Undefined when there is nothing to say.
 */
function footnote(m: ModelEntity, t: Words, language: Locale, count: (n: number) => string, columns: readonly Column[]): string | undefined {
  const parts: string[] = [];
  ensureFacts();
  const source = rankedSources(m.sources)[0];
  let head = escapeMarkdown(m.name);
  if (source) head += ` — ${sourceLabel(source, language)} ${sourceText(source.url)}${source.secondary ? ` (${t.secondary})` : ''}`;
  if (m.asOf) head += ` (${t.asOf(escapeMarkdown(m.asOf))})`;
  const alternates = (m.parameters?.disclosed === false ? [] : m.parameters?.alternates ?? []).map((a) => alternateText(a, t, count));
  if (alternates.length) parts.push(`${t.alsoReported}: ${alternates.join('; ')}`);
  if (m.parameters?.note) parts.push(`${t.note}: ${escapeMarkdown(m.parameters.note)}`);
  const marked = (fields: readonly string[] | undefined): string[] => [...new Set((fields ?? []).map((f) => FIELD_COLUMNS[f]).filter((c): c is Column => c !== undefined && columns.includes(c)))].map((c) => t.headers[c]);
  const unverified = marked(m.unverified);
  if (unverified.length) parts.push(`${t.unverified}: ${unverified.join(', ')}`);
  const secondary = marked(m.secondary);
  if (secondary.length) parts.push(`${t.secondaryOnly}: ${secondary.join(', ')}`);
  if (!source && !m.asOf && !parts.length) return undefined;
  return [head, ...parts].join(' · ');
}

function alternateText(a: AlternateCount, t: Words, count: (n: number) => string): string {
  const counts = [a.total !== undefined ? count(a.total) : undefined, a.active !== undefined ? t.active(count(a.active)) : undefined].filter(Boolean);
  return `${counts.join(', ')} — ${escapeMarkdown(a.note)}`;
}

/** An http(s) source as an autolink; anything else as escaped text. */
function sourceText(url: string): string {
  const u = safeUrl(url);
  if (!u) return escapeMarkdown(url);
  return /^[^\s<>\u0000-\u001f]+$/.test(url) ? `<${url}>` : `<${u.href}>`;
}

/**
 * Where a new table goes (see `tableEdit`): `[offset, true]` at the start of a blank line
 * outside any block, else `[offset, false]` at the end of the last line of the top-level block
 * holding `offset` (or of the offset's own line). The note is parsed from the known block
 * boundary before `offset` (a fresh point: what follows it parses as in the whole note) to a
 * little past `offset`, then four times further each time, until a block after the one holding
 * `offset` shows where it ends (later text reopens no block that another has followed): past the
 * next boundary too, since a list whose items blank lines part has boundaries between them.
 * `reach` is the first stretch past `offset`.
 */
export function insertionPoint(text: string, offset: number, boundaries: readonly number[] = [], reach = PREFIX_REACH): [number, boolean] {
  /** The end of the line holding `i`, before its `\r\n` or `\n`. */
  const lineEnd = (i: number): number => {
    const nl = text.indexOf('\n', i);
    if (nl === -1) return text.length;
    return nl > 0 && text[nl - 1] === '\r' ? nl - 1 : nl;
  };
  const from = boundaryBefore(boundaries, offset);
  const to = text.length;
  // Front matter is one only with its closing fence: a stretch never ends inside it.
  const floor = from === 0 ? frontMatterEnd(text) : 0;
  for (let stretch = reach; ; stretch *= 4) {
    const end = offset + stretch >= to ? to : Math.min(to, Math.max(floor, lineEnd(offset + stretch) + 1));
    const blocks = blocksOf(text, from, end);
    const k = blocks.findIndex(([s, e]) => s <= offset && offset <= e);
    if (end < to && (k === -1 ? !blocks.some(([s]) => s > offset) : k === blocks.length - 1)) continue;
    if (k !== -1) return [lineEnd(blocks[k][1]), false];
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    return /^[ \t\r]*$/.test(text.slice(lineStart, lineEnd(offset))) ? [lineStart, true] : [lineEnd(offset), false];
  }
}

/** How far past the cursor the blocks are parsed first (`insertionPoint`). */
const PREFIX_REACH = 4096;

/**
 * The top-level blocks of `text[from, end)`, `from` a block boundary, as spans of `text`. A
 * stretch after the note's start is parsed after an empty heading, which closes it and starts it
 * afresh: alone, its first line would be at the start of a document, where `---` or `+++` opens
 * front matter.
 */
function blocksOf(text: string, from: number, end: number): [number, number][] {
  const head = from > 0 ? '#\n' : '';
  const at = from - head.length;
  return parseBlocks(head + text.slice(from, end))
    .children.filter((n) => n.position && at + n.position.start.offset! >= from)
    .map((n) => [at + n.position!.start.offset!, at + n.position!.end.offset!]);
}

/** The last boundary before `offset` (not one it sits on), or 0. */
function boundaryBefore(boundaries: readonly number[], offset: number): number {
  const firstAtOrAfter = lowerBound(boundaries, offset);
  return firstAtOrAfter > 0 ? boundaries[firstAtOrAfter - 1] : 0;
}
