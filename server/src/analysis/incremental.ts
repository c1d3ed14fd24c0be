/**
 * The analysis of a new version of a note from the previous one and the edit, equal to a full
 * `analyzeNote` of the new text (a property test applies random edits and compares):
 *
 * 1. Parse: from the last block boundary before the edit, piece by piece (`markdown/blocks.ts`),
 *    until a boundary after the edit that was a boundary before it too. From there on the text
 *    and the parser's state are the old ones, so the old mask is kept, shifted.
 * 2. Mentions: the alias scan is greedy from left to right and reads a bounded distance ahead
 *    (the longest name, a gloss, two characters), or up to a masked character. It is re-run from
 *    a point that far before the changed mask to the first point after it where the old and new
 *    scans are both between mentions.
 * 3. Claims: quantities and their links only look within their paragraph, except that two
 *    neighbouring quantities may form a range; they are found again over the paragraphs around
 *    the changed mask and mentions, widened by a quantity when a range could reach across.
 *
 * Anything else (a full-text change, a definition or the front matter changing the parse of the
 * whole note) falls back to `analyzeNote`.
 */

import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { analyzeNote, makeAnalysis, withTopics, type NoteAnalysis, type Recognizers } from './index';
import { definitionTable, frontMatter, scan, scanText, type Definition, type NoteStructure, type Unit } from '../markdown/blocks';
import { definitionLinesIn } from '../markdown/definitions';
import { hasLoneCarriageReturn } from '../markdown/fastPath';
import { blankLine, paragraphEnd, paragraphStart } from '../markdown/paragraphs';
import { contextStart } from '../recognize/context';
import { mentionWindow, sentenceWindow } from './longParagraphs';
import { lowerBound } from '../recognize/spans';
import { DELIMITER_ROW } from '../recognize/tables';
import { TOPIC_REACH } from '../recognize/topics';
import { proseMask } from '../markdown/prose';
import { foldChar } from '../recognize/aliasIndex';
import type { Quantity } from '../recognize/quantities';
import { findShortForms, mergeMentions, type ShortFormSet } from '../recognize/shortForms';
import type { Claim, Mention } from '../recognize/types';

/** The edit as one span of the old text and a length change. */
export interface EditSpan {
  /** Offset where old and new text first differ (at most). */
  start: number;
  /** End of the replaced span in the old text. */
  oldEnd: number;
  /** New length minus old length. */
  delta: number;
}

/**
 * The analysis of `doc` (already updated by `changes`, in order) from `prev`, the analysis of an
 * earlier version of it with the same recognizers. Without `changes` the edit is found by
 * comparing the texts (linear, but a plain character loop).
 */
export function updateAnalysis(
  prev: NoteAnalysis,
  doc: TextDocument,
  changes: readonly TextDocumentContentChangeEvent[] | undefined,
  recognizers: Recognizers,
): NoteAnalysis {
  const text = doc.getText();
  const span = !prev.structure ? undefined : changes ? editSpan(prev, changes) : diffSpan(prev.text, text);
  const fresh = (): NoteAnalysis => analyzeNote(doc, recognizers, prev.structure?.window);
  if (!span || !prev.structure || !matches(prev.text, text, span)) return fresh();
  return update(prev, prev.structure, doc, text, span, recognizers) ?? fresh();
}

/** The span of old text that `changes` replace, or undefined for a full-text change. */
export function editSpan(prev: NoteAnalysis, changes: readonly TextDocumentContentChangeEvent[]): EditSpan | undefined {
  if (changes.length === 0) return undefined;
  let text = prev.text;
  let offsetAt = prev.offsetAt;
  let lo = 0;
  let hi = 0; // the changed window in the current text
  let oldHi = 0; // its end in the old text
  let delta = 0;
  for (const [i, change] of changes.entries()) {
    if (!('range' in change)) return undefined;
    if (i > 0) {
      const scratch = TextDocument.create('file:///scratch', 'markdown', 0, text);
      offsetAt = (p) => scratch.offsetAt(p);
    }
    let s = offsetAt(change.range.start);
    let e = offsetAt(change.range.end);
    if (e < s) [s, e] = [e, s];
    const d = change.text.length - (e - s);
    if (i === 0) {
      lo = s;
      hi = s + change.text.length;
      oldHi = e;
    } else {
      if (e > hi) oldHi = e - delta;
      lo = Math.min(lo, s);
      hi = Math.max(hi, e) + d;
    }
    delta += d;
    text = text.slice(0, s) + change.text + text.slice(e);
  }
  return { start: lo, oldEnd: oldHi, delta };
}

/** The span where two texts differ: their common prefix and suffix left out. */
export function diffSpan(prev: string, next: string): EditSpan {
  const limit = Math.min(prev.length, next.length);
  let start = 0;
  while (start < limit && prev.charCodeAt(start) === next.charCodeAt(start)) start++;
  let suffix = 0;
  while (suffix < limit - start && prev.charCodeAt(prev.length - 1 - suffix) === next.charCodeAt(next.length - 1 - suffix)) suffix++;
  return { start, oldEnd: prev.length - suffix, delta: next.length - prev.length };
}

/** True when `next` is `prev` with only `span` replaced. */
function matches(prev: string, next: string, span: EditSpan): boolean {
  return (
    next.length === prev.length + span.delta &&
    span.start <= span.oldEnd &&
    span.oldEnd <= prev.length &&
    next.slice(0, span.start) === prev.slice(0, span.start) &&
    next.slice(span.oldEnd + span.delta) === prev.slice(span.oldEnd)
  );
}

function update(
  prev: NoteAnalysis,
  old: NoteStructure,
  doc: TextDocument,
  text: string,
  span: EditSpan,
  recognizers: Recognizers,
): NoteAnalysis | undefined {
  const { start: a, oldEnd: bOld, delta } = span;
  const n = text.length;
  const bNew = bOld + delta;

  // Front matter decides how the whole note parses.
  const fm = frontMatter(text);
  if (fm.unclosed !== old.unclosedFrontMatter) return undefined;
  const oldFmEnd = old.frontMatterEnd <= a ? old.frontMatterEnd : old.frontMatterEnd >= bOld ? old.frontMatterEnd + delta : -1;
  // The scan reads lone CRs as LFs (`scanText`): the note may have one if it had one, or the edit brought one.
  const source = old.loneCarriageReturns || hasLoneCarriageReturn(text.slice(Math.max(0, a - 1), Math.min(n, bNew + 1))) ? scanText(text) : text;

  // 1. Parse from the last boundary before the edit to a boundary after it that was one before.
  const boundaries = old.boundaries;
  const first = fm.end !== oldFmEnd ? 0 : Math.max(0, lowerBound(boundaries, a) - 1);
  const from = boundaries[first];
  const stopFrom = Math.max(bNew, fm.end);
  const units: Unit[] = [];
  for (const unit of scan(source, from, {
    definitions: definitionTable(old.definitions),
    frontMatterEnd: fm.end,
    unclosedFrontMatter: fm.unclosed,
    fastPaths: old.fastPaths,
    target: 0,
    window: old.window,
    stopAt: (p) => p >= stopFrom && p - delta >= bOld && p - delta > 0 && sortedHas(boundaries, p - delta),
  })) {
    units.push(unit);
  }
  const toNew = units.length > 0 ? units[units.length - 1].end : from;
  const toOld = toNew === n ? prev.text.length : toNew - delta;

  // Definitions are document-wide: if the set of labels changed, every piece may parse anew; if a
  // definition's destination did, every reference to it may be a site's label or not (`recognize/linkLabels.ts`).
  const definitions = splice(old.definitions, from, toOld, units.flatMap((u) => u.definitions), delta);
  if (!sameKeys(old.definitions, definitions) || definitionLinesIn(prev.text, from, toOld) !== definitionLinesIn(text, from, toNew)) return undefined;

  const regionMask = proseMask(text, units.flatMap((u) => u.ranges), from, toNew);
  const mask = prev.mask.slice(0, from) + regionMask + prev.mask.slice(toOld);
  const structure: NoteStructure = {
    boundaries: [
      ...boundaries.slice(0, first + 1),
      ...units.flatMap((u) => u.boundaries),
      ...boundaries.slice(upperBound(boundaries, toOld)).map((b) => b + delta),
    ],
    definitions,
    frontMatterEnd: fm.end,
    unclosedFrontMatter: fm.unclosed,
    fastPaths: old.fastPaths,
    loneCarriageReturns: source !== text,
    window: old.window,
  };

  // Where the mask changed: [changeStart, changeEnd) in the new text, and the edited text too:
  // recognizers read text the mask hides within the paragraph (a link's target, a table's pipes).
  const [maskStart, maskEnd] = changedWindow(prev.mask, from, toOld, regionMask, from);
  const changeStart = Math.min(maskStart, a);
  const changeEnd = Math.max(maskEnd, Math.min(n, bNew));

  // 2. Mentions.
  const rescan: Rescan =
    recognizers.reach === undefined
      ? { list: siteLabels(recognizers, text, recognizers.aliases.find(mask, 0, mask.length, text)), from: 0, to: mask.length }
      : rescanMentions(prev.mentions, text, mask, prev.mask, changeStart, changeEnd, delta, recognizers, structure.window);
  const { shortForms, ...mentions } = withShortForms(prev, rescan, text, mask, delta, recognizers);

  // 3. Claims.
  const lines = prev.lines?.edited(text, a, bOld, delta);
  if (!recognizers.quantities || !recognizers.link || !prev.quantities || recognizers.reach === undefined) {
    const changed = { previousVersion: prev.version, start: 0, end: n, delta };
    const claims = withTopics(recognizers, text, mask, recognizers.claims(mask, mentions.list, text), mentions.list).claims;
    return makeAnalysis(doc, { text, mask, mentions: mentions.list, claims, structure, changed, shortForms }, lines);
  }
  const relinked = relinkClaims(prev, text, mask, mentions, changeStart, changeEnd, delta, recognizers, structure.window);
  // A count's topic is named at most TOPIC_REACH before it: the topical claims from the edit to
  // that far past it are read again (`recognize/topics.ts`).
  const topicsFrom = Math.min(changeStart, mentions.from, relinked.from);
  const topicsTo = Math.max(changeEnd, mentions.to, relinked.to) + TOPIC_REACH;
  const claims = withTopics(recognizers, text, mask, relinked.claims, mentions.list, topicsFrom, topicsTo);
  const changed = {
    previousVersion: prev.version,
    start: Math.min(changeStart, mentions.from, relinked.from, claims.from),
    end: Math.max(changeEnd, mentions.to, relinked.to, claims.to),
    delta,
  };
  return makeAnalysis(doc, { text, mask, mentions: mentions.list, quantities: relinked.quantities, claims: claims.claims, structure, changed, shortForms }, lines);
}

/**
 * The rescan with the note's short forms. They depend on the whole note's full mentions: when the
 * rescanned window holds the same full mentions as before (typing in prose), or they define the
 * same forms with the same first mentions, only the window is searched again; otherwise every
 * short form is found anew, and the span where mentions changed is told by comparing the lists.
 */
function withShortForms(prev: NoteAnalysis, rescan: Rescan, text: string, mask: string, delta: number, recognizers: Recognizers): Rescan & { shortForms?: ShortFormSet } {
  if (!recognizers.shortForms) return rescan;
  const { from, to } = rescan;
  const old = prev.shortForms;
  const moved = (start: number): number => (start < from ? start : start >= to - delta ? start + delta : -1);
  // The full mentions of the window before and after the edit that may define forms.
  const before = old ? fullIn(prev.mentions, from, to - delta) : [];
  const after = old ? fullIn(rescan.list, from, to) : [];
  const unchanged = old !== undefined && before.length === after.length && before.every((m, i) => m.id === after[i].id && m.text === after[i].text);
  let set = unchanged ? movedFirsts(old, moved, before, after) : undefined;
  if (!set) {
    const full = rescan.list.filter((m) => !m.short);
    const fresh = recognizers.shortForms(full, old);
    const same = old !== undefined && old.key === fresh.key && old.first.size === fresh.first.size && [...fresh.first].every(([id, start]) => old.first.has(id) && moved(old.first.get(id)!) === start);
    if (!same) {
      const list = mergeMentions(full, findShortForms(fresh, mask, 0, mask.length, full, text));
      return { list, ...differing(prev.mentions, list, from, to, delta), shortForms: fresh };
    }
    set = fresh;
  }
  if (!set.index) return { ...rescan, shortForms: set };
  // Forms found in the window may run past its end: such a one replaces what the old scan had there,
  // and the scan goes on until its forms and the old meet at a point neither runs over (forms that
  // overlap pair up from a run's start, so an edit there may pair the rest of the run otherwise).
  // A row form reads only its row before it, and a table is rescanned whole (`rescanMentions`).
  let end = to;
  let found: Mention[];
  let reach: number;
  for (;;) {
    found = findShortForms(set, mask, from, Math.min(mask.length, end + (recognizers.reach ?? 0) + 2), rescan.list, text).filter((m) => m.start < end);
    reach = Math.max(end, found.length ? found[found.length - 1].end : end);
    const over = oldFormOver(rescan.list, to, reach);
    if (over === undefined) break;
    end = over;
  }
  const list = reach > to ? rescan.list.filter((m) => !(m.short && m.start >= to && m.start < reach)) : rescan.list;
  return { list: mergeMentions(list, found), from, to: reach, shortForms: set };
}

/** The end of an old short form of `list` starting at or after `to` that runs over `at`, if any. */
function oldFormOver(list: readonly Mention[], to: number, at: number): number | undefined {
  for (let i = lowerBound(list, at, (m) => m.start) - 1; i >= 0 && list[i].start >= to; i--) {
    if (list[i].short && list[i].end > at) return list[i].end;
    if (!list[i].short) break;
  }
  return undefined;
}

/**
 * The span `[from, to)` of the new text outside which `list` equals `old` (moved by `delta` after
 * the window `[from, to)`): where mentions changed when short forms were found anew everywhere.
 */
function differing(old: readonly Mention[], list: readonly Mention[], from: number, to: number, delta: number): { from: number; to: number } {
  const same = (m: Mention, o: Mention, d: number): boolean => m.start === o.start + d && m.end === o.end + d && m.id === o.id && m.short === o.short;
  let i = 0;
  while (i < old.length && i < list.length && list[i].start < from && same(list[i], old[i], 0)) i++;
  let j = 0;
  while (j < old.length - i && j < list.length - i && list[list.length - 1 - j].start >= to && same(list[list.length - 1 - j], old[old.length - 1 - j], delta)) j++;
  // The first and last mention that differ, on either side: one may have gone, another come.
  const first = Math.min(i < list.length ? list[i].start : to, i < old.length ? old[i].start : to);
  const last = Math.max(j < list.length - i ? list[list.length - 1 - j].end : from, j < old.length - i ? old[old.length - 1 - j].end + delta : from);
  return { from: Math.min(from, first), to: Math.max(to, last) };
}

/**
 * The full (not short) mentions of models and families in `list` starting in `[a, b)`: the ones
 * that define short forms (an organization or product defines none).
 */
function fullIn(list: readonly Mention[], a: number, b: number): Mention[] {
  const out: Mention[] = [];
  for (let i = lowerBound(list, a, (m) => m.start); i < list.length && list[i].start < b; i++) if (!list[i].short && list[i].kind === 'model') out.push(list[i]);
  return out;
}

/** `old` with its first mentions moved to the new text: the window holds the same full mentions in order. */
function movedFirsts(old: ShortFormSet, moved: (start: number) => number, before: readonly Mention[], after: readonly Mention[]): ShortFormSet {
  const index = new Map(before.map((m, i) => [m.start, i]));
  const first = new Map<string, number>();
  for (const [id, start] of old.first) {
    const at = moved(start);
    first.set(id, at !== -1 ? at : after[index.get(start)!].start);
  }
  return { key: old.key, first, index: old.index, rows: old.rows };
}

// ---- mentions ------------------------------------------------------------------------------

interface Rescan {
  list: Mention[];
  /** The rescanned window [from, to) in the new text; outside it mentions are the old ones. */
  from: number;
  to: number;
}

/**
 * Non-separator characters one match attempt may consume: the longest name plus a gloss `(…)` of
 * up to 64 (its spaces do not count, so they need no margin of their own), with room to spare.
 * What an attempt peeks at around itself (a size after a name, a character before it) lies
 * within that room, so the points below need no margin in raw characters either.
 */
const countedReach = (recognizers: Recognizers): number => (recognizers.reach ?? 0) + 70;

const counts = (c: string): boolean => {
  const f = foldChar(c);
  return f !== ' ' && f !== '';
};

/**
 * A point at or before `at` from which every match attempt of the alias scan ends before `at`:
 * just after a masked character (no name runs through one), or far enough back.
 */
function before(mask: string, at: number, reach: number): number {
  let seen = 0;
  for (let i = at - 1; i >= 0; i--) {
    const c = mask[i];
    if (c === '\u0000') return i + 1;
    if (counts(c) && ++seen > reach) return i;
  }
  return 0;
}

/** A point at or after `at` that no match attempt starting before `at` reads past. */
function after(mask: string, at: number, reach: number): number {
  let seen = 0;
  for (let i = at; i < mask.length; i++) {
    const c = mask[i];
    if (c === '\u0000') return i;
    if (counts(c) && ++seen > reach) return i;
  }
  return mask.length;
}

/** `found` without links' site labels, when the recognizers tell them (`recognize/linkLabels.ts`). */
const siteLabels = (recognizers: Recognizers, text: string, found: Mention[]): Mention[] => (recognizers.siteLabels ? recognizers.siteLabels(text, found) : found);

function rescanMentions(
  old: readonly Mention[],
  text: string,
  mask: string,
  oldMask: string,
  changeStart: number,
  changeEnd: number,
  delta: number,
  recognizers: Recognizers,
  long: number,
): Rescan {
  const reach = countedReach(recognizers);
  const n = mask.length;
  // Start where the old scan was between mentions, and no attempt reads into the change.
  // Whole paragraphs: whether a name that also means other things (`Claude` Monet) is a mention
  // depends on the paragraph around it, and a title line's on the paragraph after it (`recognize/context.ts`);
  // in a long paragraph about AI either way, a window around the edit (`longParagraphs.ts`).
  const local = mentionWindow(oldMask, mask, changeStart, changeEnd, delta, long);
  let x = Math.min(before(mask, changeStart, reach), local ? local[0] : contextStart(mask, changeStart));
  const around = nameAt(old, x);
  if (around) x = around.start;

  // End where both scans are between mentions, with the text from there on unchanged.
  let y = Math.min(n, Math.max(changeEnd + 1, local ? local[1] : paragraphEnd(mask, changeEnd)));
  let found: Mention[] = [];
  for (;;) {
    if (y >= n) {
      found = recognizers.aliases.find(mask, x, n, text);
      y = n;
      break;
    }
    found = recognizers.aliases.find(mask, x, after(mask, y, reach), text);
    const inNew = nameAt(found, y);
    const inOld = nameAt(old, y - delta);
    if (!inNew && !inOld) break;
    y = Math.max(inNew?.end ?? 0, inOld ? inOld.end + delta : 0);
  }
  // Whether a name is a link's site label depends on its link alone, inside the rescanned paragraphs.
  const list = [
    ...old.slice(0, lowerBound(old, x, (m) => m.start)),
    ...siteLabels(recognizers, text, found.filter((m) => m.start < y)),
  ];
  return { list: appendShifted(list, old, lowerBound(old, y - delta, (m) => m.start), delta, shiftMention), from: x, to: y };
}

/**
 * The span with start < at < end of a mention, or of a name with the versions after its slashes
 * (`GPT-4/4o`: a scan from the slash would not find `4o`, nor one ending there keep it right).
 */
function nameAt(mentions: readonly Mention[], at: number): { start: number; end: number } | undefined {
  const i = lowerBound(mentions, at, (m) => m.start) - 1;
  if (i < 0) return undefined;
  // A version after a slash, glued or spaced (`GPT-4/4o`, `Claude 3.7 / 3.5`), to the name before it.
  const glued = (k: number): boolean => mentions[k].sibling === true && mentions[k].start - mentions[k - 1].end <= 3;
  let last = i;
  while (last + 1 < mentions.length && glued(last + 1)) last++;
  if (mentions[last].end <= at) return undefined;
  let first = i;
  while (first > 0 && glued(first)) first--;
  return { start: mentions[first].start, end: mentions[last].end };
}

/** The item with start < at < end, if any. */
function mentionAt<T extends { start: number; end: number }>(items: readonly T[], at: number): T | undefined {
  const i = lowerBound(items, at, (m) => m.start) - 1;
  return i >= 0 && items[i].end > at ? items[i] : undefined;
}

// ---- claims --------------------------------------------------------------------------------

/** True when the prose between two quantities could not make them a range (`7B – 70B`, `7B to 70B`). */
function noRangeAcross(mask: string, from: number, to: number): boolean {
  let seen = 0;
  for (let i = from; i < to; i++) {
    const c = mask.charCodeAt(i);
    if (c !== 0 && c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && ++seen >= 4) return true;
  }
  return false;
}

function relinkClaims(
  prev: NoteAnalysis,
  text: string,
  mask: string,
  mentions: Rescan,
  changeStart: number,
  changeEnd: number,
  delta: number,
  recognizers: Recognizers,
  long: number,
): { quantities: Quantity[]; claims: Claim[]; from: number; to: number } {
  const n = mask.length;
  const oldQ = prev.quantities!;
  // Paragraphs whose prose or mentions changed, or in a long line the sentences around the edit.
  // A transposed table's cells are about the models its header names: a body reads its header too.
  // A table's header and delimiter rows say how its body's cells read (`recognize/tables.ts`):
  // the mask makes the delimiter row blank, so the body is the paragraph after the one changed.
  const a = Math.min(changeStart, mentions.from);
  const b = Math.max(changeEnd, mentions.to);
  const sentences = sentenceWindow(prev.mask, mask, a, b, { start: changeStart, end: changeEnd, delta }, long);
  const p0 = sentences ? sentences.from : tableHeadStart(text, mask, paragraphStart(mask, a));
  const p1 = sentences ? sentences.to : tableBodyEnd(text, mask, paragraphEnd(mask, b));

  // Widen by quantities when a range could reach across a paragraph edge; the outermost
  // quantity found is then only there as a neighbour and keeps its old reading.
  let windowStart = p0;
  let leftMargin = false;
  const k = lowerBound(oldQ, p0, (q) => q.start);
  if (k > 0 && !noRangeAcross(mask, oldQ[k - 1].end, p0)) {
    windowStart = k >= 2 ? paragraphStart(mask, oldQ[k - 2].start) : 0;
    leftMargin = windowStart > 0;
  }
  let windowEnd = p1;
  let rightMargin = false;
  const k2 = lowerBound(oldQ, p1 - delta, (q) => q.start);
  if (k2 < oldQ.length && !noRangeAcross(mask, p1, oldQ[k2].start + delta)) {
    windowEnd = k2 + 1 < oldQ.length ? paragraphEnd(mask, oldQ[k2 + 1].end + delta) : n;
    rightMargin = windowEnd < n;
  }

  const found = recognizers.quantities!(mask, windowStart, windowEnd, text);
  const kept = found.slice(leftMargin ? 1 : 0, rightMargin ? found.length - 1 : found.length);
  const leftCut = leftMargin ? kept[0]?.start ?? found[found.length - 1].end : windowStart;
  const rightCut = rightMargin ? found[found.length - 1].start : windowEnd;

  // Mentions from the window's start, or from the sentence before it for claims read in sentences.
  const context = sentences && windowStart === p0 ? sentences.context : windowStart;
  const near = mentions.list.slice(lowerBound(mentions.list, context + 1, (m) => m.end), lowerBound(mentions.list, windowEnd, (m) => m.start));
  const linked = recognizers.link!(mask, kept, near, text);

  const quantities = appendShifted(
    [...oldQ.slice(0, lowerBound(oldQ, leftCut, (q) => q.start)), ...kept],
    oldQ,
    lowerBound(oldQ, rightCut - delta, (q) => q.start),
    delta,
    shiftQuantity,
  );
  const oldClaims = prev.claims;
  const claims = appendShifted(
    [...oldClaims.slice(0, lowerBound(oldClaims, leftCut, (c) => c.start)), ...linked],
    oldClaims,
    lowerBound(oldClaims, rightCut - delta, (c) => c.start),
    delta,
    shiftClaim,
  );
  return { quantities, claims, from: windowStart, to: windowEnd };
}

// ---- helpers -------------------------------------------------------------------------------

/**
 * `start` (a paragraph's start), or the start of the table header before it when the line before
 * is a table's delimiter row (the body's cells may be about the models the header names).
 */
function tableHeadStart(text: string, mask: string, start: number): number {
  if (start < 2) return start;
  const lineStart = mask.lastIndexOf('\n', start - 2) + 1;
  if (lineStart === 0 || !blankLine(mask, lineStart, start - 1) || !DELIMITER_ROW.test(text.slice(lineStart, start - 1))) return start;
  return paragraphStart(mask, lineStart - 1);
}

/**
 * `end` (a paragraph's end), or the end of the table body after it when the paragraph ends right
 * before lines the mask blanks, one of which is a table's delimiter row (`| --- |`): the body's
 * cells read by the header the paragraph may hold. Reads a few lines, only at a paragraph's end.
 */
function tableBodyEnd(text: string, mask: string, end: number): number {
  for (let at = end + 1, lines = 0; at < mask.length && lines < 2; lines++) {
    let stop = mask.indexOf('\n', at);
    if (stop === -1) stop = mask.length;
    if (!blankLine(mask, at, stop)) return end;
    if (DELIMITER_ROW.test(text.slice(at, stop))) return stop + 1 < mask.length ? paragraphEnd(mask, stop + 1) : end;
    at = stop + 1;
  }
  return end;
}

/** [start, end) of the new region's mask that differs from the old region's, in new offsets. */
function changedWindow(oldMask: string, from: number, toOld: number, region: string, regionStart: number): [number, number] {
  const oldLength = toOld - from;
  const limit = Math.min(oldLength, region.length);
  let p = 0;
  while (p < limit && oldMask.charCodeAt(from + p) === region.charCodeAt(p)) p++;
  let s = 0;
  while (s < limit - p && oldMask.charCodeAt(toOld - 1 - s) === region.charCodeAt(region.length - 1 - s)) s++;
  return [regionStart + p, regionStart + region.length - s];
}

/** Old definitions outside [from, toOld), shifted, with the region's new ones in between. */
function splice(old: readonly Definition[], from: number, toOld: number, region: Definition[], delta: number): Definition[] {
  return [
    ...old.slice(0, lowerBound(old, from, (d) => d.offset)),
    ...region,
    ...old.slice(lowerBound(old, toOld, (d) => d.offset)).map((d) => ({ ...d, offset: d.offset + delta })),
  ];
}

function sameKeys(a: readonly Definition[], b: readonly Definition[]): boolean {
  const ka = new Set(a.map((d) => d.key));
  const kb = new Set(b.map((d) => d.key));
  return ka.size === kb.size && [...ka].every((k) => kb.has(k));
}

/** Appends `items[from..]` moved by `delta` to `out`. */
function appendShifted<T>(out: T[], items: readonly T[], from: number, delta: number, move: (item: T, delta: number) => T): T[] {
  for (let i = from; i < items.length; i++) out.push(delta === 0 ? items[i] : move(items[i], delta));
  return out;
}

// Literal objects of one shape each: much faster than spreading thousands of them per keystroke.
// The checks below fail to compile when a field is added to a type and not copied here.
type Covers<T, K extends keyof T> = [Exclude<keyof T, K>] extends [never] ? true : false;
const coversMention: Covers<Mention, 'start' | 'end' | 'text' | 'kind' | 'id' | 'short' | 'size' | 'version' | 'model' | 'sibling'> = true;
const coversQuantity: Covers<Quantity, 'start' | 'end' | 'text' | 'value' | 'active' | 'qualifier' | 'notation'> = true;
const coversClaim: Covers<Claim, keyof Quantity | 'refersTo' | 'topical'> = true;
void [coversMention, coversQuantity, coversClaim];
const shiftMention = (m: Mention, d: number): Mention => {
  const out: Mention = { start: m.start + d, end: m.end + d, text: m.text, kind: m.kind, id: m.id };
  if (m.short) out.short = true;
  if (m.size !== undefined) out.size = m.size;
  if (m.version !== undefined) out.version = m.version;
  if (m.model !== undefined) out.model = m.model;
  if (m.sibling) out.sibling = true;
  return out;
};
const shiftQuantity = (q: Quantity, d: number): Quantity => ({
  start: q.start + d,
  end: q.end + d,
  text: q.text,
  value: q.value,
  active: q.active,
  qualifier: q.qualifier,
  notation: q.notation,
});
const shiftClaim = (c: Claim, d: number): Claim => {
  const out: Claim = { start: c.start + d, end: c.end + d, text: c.text, value: c.value, active: c.active, qualifier: c.qualifier, notation: c.notation, refersTo: c.refersTo };
  if (c.topical) out.topical = true;
  return out;
};

/** First index whose value is > `value`. */
const upperBound = (items: readonly number[], value: number): number => lowerBound(items, value + 1);

const sortedHas = (items: readonly number[], value: number): boolean => {
  const i = lowerBound(items, value);
  return i < items.length && items[i] === value;
};
