import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import type { KnowledgeBase } from '../knowledge/types';
import { sameSize } from '../knowledge/nominal';
import { PIECE, scanNote, scanNoteAsync, WINDOW, type NoteStructure } from '../markdown/blocks';
import { proseMask } from '../markdown/prose';
import { foldName, type AliasIndex } from '../recognize/aliasIndex';
import { linkClaims, type ClaimLinks } from '../recognize/claims';
import { checkClaim, defaultClaimCheckOptions } from '../check/claims';
import { membersOfSize, namedAfterOfSize } from '../recognize/members';
import { findQuantities, type Quantity } from '../recognize/quantities';
import { siteLabelFilter } from '../recognize/linkLabels';
import { linkTopics, type TopicLinks } from '../recognize/topics';
import { deriveShortForms, findShortForms, mergeMentions, type ShortFormSet } from '../recognize/shortForms';
import { tableReader, type TableReader } from '../recognize/tables';
import type { Claim, Mention } from '../recognize/types';

/**
 * Everything recognition found in one version of a note. Immutable: a new version of the
 * note gets a new analysis (see `incremental.ts` for one made from the previous version);
 * features only read it.
 */
export interface NoteAnalysis {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  /** The prose mask (see `markdown/prose.ts`). */
  readonly mask: string;
  /** Sorted by start, non-overlapping. */
  readonly mentions: readonly Mention[];
  /** Sorted by start, non-overlapping, never inside a mention. */
  readonly claims: readonly Claim[];
  /** Every parameter count in the prose, inside names too; present when the recognizers find them apart from claims. */
  readonly quantities?: readonly Quantity[];
  /** The short forms the note's full mentions define (see `recognize/shortForms.ts`). */
  readonly shortForms?: ShortFormSet;
  /** The note's blocks, for re-parsing only what an edit touches. */
  readonly structure?: NoteStructure;
  /** Line starts, for positions; updated by an edit rather than recomputed. */
  readonly lines?: LineIndex;
  /**
   * Set when the analysis was made from the previous version's (`incremental.ts`): outside
   * [start, end) of this text, mask, mentions, claims and quantities are the previous ones,
   * moved by `delta` after `end`. Lets diagnostics and other derived results update locally.
   */
  readonly changed?: ChangedSpan;
  /** LSP range (0-based, UTF-16) of an offset span: the one place positions are converted. */
  range(span: { start: number; end: number }): Range;
  offsetAt(position: { line: number; character: number }): number;
}

export interface ChangedSpan {
  readonly previousVersion: number;
  readonly start: number;
  readonly end: number;
  readonly delta: number;
}

export interface Recognizers {
  aliases: AliasIndex;
  /**
   * Parameter-count claims of the mask, linked to the mentions. `text` is the note's text, for
   * what the mask hides: a table's pipes, by which its cells are read (`recognize/tables.ts`).
   */
  claims(mask: string, mentions: Mention[], text?: string): Claim[];
  /**
   * The two halves of `claims`, which let an edit re-recognize a few paragraphs only:
   * quantities in `mask[start, end)` (a paragraph start and end), and claims of some of them.
   * `claims(mask, m, text)` must equal `link(mask, quantities(mask, 0, mask.length, text), m, text)`.
   * A table body's claims also depend on its header row and delimiter row, the lines above it.
   */
  quantities?(mask: string, start: number, end: number, text?: string): Quantity[];
  link?(mask: string, quantities: Quantity[], mentions: Mention[], text?: string): Claim[];
  /** The longest folded name in the alias index: how far one match attempt can read. */
  reach?: number;
  /**
   * `mentions` (sorted, found in `text`'s mask) without links' site labels (`[GitHub](https://github.com/…)`,
   * `recognize/linkLabels.ts`); reads only the link around each organization or product.
   */
  siteLabels?(text: string, mentions: Mention[]): Mention[];
  /**
   * `claims` with each `topical` one (its sentence names no model) starting in [from, to] (default:
   * the whole note) linked to the note's topic there (`recognize/topics.ts`); the result's
   * `from`/`to` span the claims whose link changed.
   */
  topics?(text: string, mask: string, claims: readonly Claim[], mentions: readonly Mention[], from?: number, to?: number): { claims: readonly Claim[]; from: number; to: number };
  /** The short forms that full mentions (sorted) define; `previous` is reused when they are the same. */
  shortForms?(mentions: readonly Mention[], previous?: ShortFormSet): ShortFormSet;
}

/**
 * The recognizers of a knowledge base, with everything incremental analysis needs. Build them
 * once per knowledge-base version, together with the alias index.
 */
export function createRecognizers(kb: KnowledgeBase, aliases: AliasIndex): Recognizers {
  const isModel = (id: string): boolean => kb.get(id)?.kind === 'model';
  const links: ClaimLinks = {
    isModel,
    bySize: (m, q, alone, namedAfter) => sizedMember(kb, m, q, alone, namedAfter),
    // An end of a range agrees as the count it names would (a range itself is never checked).
    agrees: (id, q) => {
      const model = kb.get(id);
      const asCount = q.qualifier === 'range' ? { ...q, qualifier: 'exact' as const } : q;
      return model?.kind === 'model' && checkClaim({ ...asCount, refersTo: id }, model, defaultClaimCheckOptions.tolerance)?.agrees === true;
    },
  };
  // Topics are read again after each edit for the counts near it: their answers are remembered
  // by (name as written, entity, count), a few thousand at most.
  const topicAnswers = new Map<string, string | null>();
  const topicLinks: TopicLinks = {
    agreeing: (m, q, namedAfter) => {
      const key = `${m.id}\u0000${m.text}\u0000${q.value}\u0000${q.active}\u0000${q.qualifier}\u0000${namedAfter}`;
      let id = topicAnswers.get(key);
      if (id === undefined) {
        if (topicAnswers.size >= 4096) topicAnswers.clear();
        // A topic's count stands beside the topic's name alone, as a table row's does.
        const member = links.bySize!(m, q, true, namedAfter);
        id = member !== null && links.agrees!(member, q) ? member : null;
        topicAnswers.set(key, id);
      }
      return id;
    },
  };
  let reach = 0;
  for (const entity of kb.all()) {
    for (const name of [entity.name, ...entity.aliases]) reach = Math.max(reach, foldName(name).length);
  }
  return {
    aliases,
    claims: (mask, mentions, text) => linkClaims(mask, findQuantities(mask, 0, mask.length, readTables(text, mask)), mentions, links, readTables(text, mask)),
    quantities: (mask, start, end, text) => findQuantities(mask, start, end, readTables(text, mask)),
    link: (mask, quantities, mentions, text) => linkClaims(mask, quantities, mentions, links, readTables(text, mask)),
    reach,
    shortForms: (mentions, previous) => deriveShortForms(mentions, kb, aliases.lookup, previous),
    siteLabels: siteLabelFilter(kb),
    topics: (text, mask, claims, mentions, from, to) => linkTopics(text, mask, claims, mentions, topicLinks, from, to),
  };
}

/** The tables of a note, when its text is given (a mask alone hides their pipes). */
const readTables = (text: string | undefined, mask: string): TableReader | undefined => (text !== undefined && text.length === mask.length ? tableReader(text, mask) : undefined);

/**
 * The model a count next to `mention` is about: the one model named after it of that size (its
 * distill: `namedAfterOfSize`), the model itself when the count is its size (or no sibling has
 * that size, so a wrong count is still reported), else the member of its family of
 * exactly that size (`Olmo 3 7B and 32B`, a family's table row `8B, 70B, 405B`). Null for a
 * family without such a member. `alone`: the count stands beside the name alone, in a table row
 * (`| Mistral | 7B |`) or under the note's topic (`Qwen3 … available in 0.6B, 4B`): a company's
 * model named so, and among a family's members of that size the one the others are variants of.
 * `namedAfter`: whether a model named after the mention's may be it (not for a topic's count).
 */
export function sizedMember(kb: KnowledgeBase, mention: Mention, q: Quantity, alone = false, namedAfter = true): string | null {
  // `K-EXAONE 2.0` with 750B: a version the knowledge base lacks, so no model of it to check.
  if (mention.version !== undefined) return null;
  const entity = kb.get(mention.id);
  if (entity?.kind === 'organization') return alone ? namedBySize(kb, entity.id, mention.text, q) : null;
  const familyId = entity?.kind === 'family' ? entity.id : entity?.kind === 'model' ? entity.family : undefined;
  if (entity?.kind === 'model') {
    const own = q.active ? entity.parameters?.active : entity.parameters?.total;
    // `DeepSeek-R1 … in 1.5B, 7B, 14B`: the models named after it of those sizes (its distills).
    const after = q.active || !namedAfter ? undefined : namedAfterOfSize(kb, entity, q.value);
    if (after) return after.id;
    if (!familyId || sameSize(own, q.value)) return entity.id;
  }
  const withoutSize = (name: string): string => name.replace(/[-_ ]\d+(?:\.\d+)?[BbMm]$/, '');
  const names = [mention.text, withoutSize(mention.text), entity?.name ?? '', withoutSize(entity?.name ?? '')];
  const members = familyId ? membersOfSize(kb, familyId, q.value, q.active, names, alone) : [];
  if (members.length === 1) return members[0].id;
  return entity?.kind === 'model' ? entity.id : null;
}

/**
 * `| Mistral | 7B |`: a table row naming a company by its model line's name, with a size: the
 * company's model named so with that size (Mistral 7B), if there is one.
 */
function namedBySize(kb: KnowledgeBase, organizationId: string, written: string, q: Quantity): string | null {
  if (q.active) return null;
  const name = foldName(`${written} ${Number((q.value / 1e9).toPrecision(4))}B`);
  const found = kb.modelsOf(organizationId).filter((m) => [m.name, ...m.aliases].some((n) => foldName(n) === name));
  return found.length === 1 ? found[0].id : null;
}

/** Analyses a whole note: parse, mask, mentions, claims. `window`: see `markdown/blocks.ts` (tests make it small). */
export function analyzeNote(source: TextDocument, recognizers: Recognizers, window = WINDOW): NoteAnalysis {
  const text = source.getText();
  const { ranges, structure } = scanNote(text, PIECE, window);
  return recognize(source, text, proseMask(text, ranges), structure, recognizers);
}

/**
 * `analyzeNote` for large notes: parses in slices of about `sliceMs`, yielding to the event
 * loop in between so requests are answered meanwhile. Resolves to undefined once `isCancelled()`
 * (checked after every yield), e.g. when a newer version of the note arrived.
 */
export async function analyzeNoteAsync(
  source: TextDocument,
  recognizers: Recognizers,
  control: { isCancelled?: () => boolean; sliceMs?: number } = {},
): Promise<NoteAnalysis | undefined> {
  const text = source.getText();
  const scanned = await scanNoteAsync(text, control);
  if (!scanned) return undefined;
  const mask = proseMask(text, scanned.ranges);
  // Mentions slice by slice: no name runs through a masked character, so the scan can stop
  // before one and go on after it with the same result.
  const mentions: Mention[] = [];
  for (let from = 0; from < mask.length; ) {
    const masked = mask.indexOf('\u0000', from + SLICE);
    const to = masked === -1 ? mask.length : masked;
    for (const m of recognizers.aliases.find(mask, from, to, text)) mentions.push(m);
    from = to;
    await new Promise(setImmediate);
    if (control.isCancelled?.()) return undefined;
  }
  return recognize(source, text, mask, scanned.structure, recognizers, mentions);
}

/** Characters of mask scanned for mentions between two yields of `analyzeNoteAsync`. */
const SLICE = 1 << 16;

function recognize(
  source: TextDocument,
  text: string,
  mask: string,
  structure: NoteStructure,
  recognizers: Recognizers,
  found = recognizers.aliases.find(mask, 0, mask.length, text),
): NoteAnalysis {
  const full = recognizers.siteLabels ? recognizers.siteLabels(text, found) : found;
  const shortForms = recognizers.shortForms?.(full);
  const mentions = shortForms ? mergeMentions(full, findShortForms(shortForms, mask, 0, mask.length, full, text)) : full;
  if (recognizers.quantities && recognizers.link) {
    const quantities = recognizers.quantities(mask, 0, mask.length, text);
    const claims = withTopics(recognizers, text, mask, recognizers.link(mask, quantities, mentions, text), mentions).claims;
    return makeAnalysis(source, { text, mask, mentions, quantities, claims, structure, shortForms });
  }
  return makeAnalysis(source, { text, mask, mentions, claims: withTopics(recognizers, text, mask, recognizers.claims(mask, mentions, text), mentions).claims, structure, shortForms });
}

/** `claims` with their topical links (`Recognizers.topics`), when the recognizers read topics. */
export function withTopics(
  recognizers: Recognizers,
  text: string,
  mask: string,
  claims: readonly Claim[],
  mentions: readonly Mention[],
  from?: number,
  to?: number,
): { claims: readonly Claim[]; from: number; to: number } {
  return recognizers.topics ? recognizers.topics(text, mask, claims, mentions, from, to) : { claims, from: text.length, to: 0 };
}

/** The fields of an analysis that are not about positions. */
export interface AnalysisParts {
  text: string;
  mask: string;
  mentions: readonly Mention[];
  claims: readonly Claim[];
  quantities?: readonly Quantity[];
  structure?: NoteStructure;
  changed?: ChangedSpan;
  shortForms?: ShortFormSet;
}

/** An analysis of `source`'s version from its parts; `lines` if the caller has them already. */
export function makeAnalysis(source: TextDocument, parts: AnalysisParts, lines = new LineIndex(parts.text)): NoteAnalysis {
  // The server's documents are updated in place: positions come from this version's own index.
  return {
    uri: source.uri,
    version: source.version,
    ...parts,
    lines,
    range: (span) => ({ start: lines.positionAt(span.start), end: lines.positionAt(span.end) }),
    offsetAt: (position) => lines.offsetAt(position),
  };
}

const CR = 13;
const LF = 10;

/**
 * The line starts of a text, and LSP positions (0-based lines, UTF-16 characters) from offsets
 * and back, exactly as `TextDocument` converts them (LF, CR and CRLF end a line; a position past
 * the end of a line is at its end). Computed on first use; an edit makes a new index from the
 * old one in time proportional to the edit and the number of lines, not the text.
 */
export class LineIndex {
  private starts?: number[];

  constructor(
    private readonly text: string,
    starts?: number[],
  ) {
    this.starts = starts;
  }

  private lineStarts(): number[] {
    return (this.starts ??= scanLineStarts(this.text, 0, this.text.length, [0]));
  }

  positionAt(offset: number): { line: number; character: number } {
    const text = this.text;
    offset = Math.max(Math.min(offset, text.length), 0);
    const starts = this.lineStarts();
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (starts[mid] > offset) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    return { line, character: this.beforeEol(offset, starts[line]) - starts[line] };
  }

  offsetAt(position: { line: number; character: number }): number {
    const starts = this.lineStarts();
    if (position.line >= starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = starts[position.line];
    if (position.character <= 0) return start;
    const next = position.line + 1 < starts.length ? starts[position.line + 1] : this.text.length;
    return this.beforeEol(Math.min(start + position.character, next), start);
  }

  /** The index of `text`: this index's text with [start, oldEnd) replaced, `delta` longer. */
  edited(text: string, start: number, oldEnd: number, delta: number): LineIndex {
    const old = this.starts;
    if (!old) return new LineIndex(text);
    // Starts before the edit stay; those whose line break is after the edit (and cannot pair
    // with a CR or LF it inserted) move; the rest are found again.
    let keep = 0;
    for (let hi = old.length; keep < hi; ) {
      const mid = (keep + hi) >> 1;
      if (old[mid] < start) keep = mid + 1;
      else hi = mid;
    }
    const starts = keep > 0 ? old.slice(0, keep) : [0];
    scanLineStarts(text, Math.max(0, start - 1), Math.min(text.length, oldEnd + delta + 1), starts);
    for (let k = keep; k < old.length; k++) if (old[k] >= oldEnd + 2) starts.push(old[k] + delta);
    return new LineIndex(text, starts);
  }

  private beforeEol(offset: number, lineStart: number): number {
    while (offset > lineStart && (this.text.charCodeAt(offset - 1) === CR || this.text.charCodeAt(offset - 1) === LF)) offset--;
    return offset;
  }
}

/** Pushes the start of every line that begins after a line break at [from, to). */
function scanLineStarts(text: string, from: number, to: number, out: number[]): number[] {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) out.push(i + 1);
  }
  return out;
}
