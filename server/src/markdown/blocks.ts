/**
 * A note as a sequence of top-level blocks, parsed piece by piece so the cost stays linear:
 * remark-parse on a whole 1 MB note is superlinear, on a few kilobytes at a time it is not, and
 * plain blocks (see `fastPath.ts`) need no parser at all.
 *
 * Pieces start only where a parser starting afresh would read what follows exactly as it does
 * inside the whole note: a *block boundary* is a non-blank line at indent 0 after a blank line
 * that no top-level fenced code, HTML block or front matter spans (a blank line ends every other
 * open block, and a line at indent 0 cannot continue a list item or block quote; a list that
 * goes on with a new item becomes two lists, with the same text at the same offsets). Whether a
 * boundary is spanned is read from the parse itself: a piece is parsed together with the line
 * after it, and if a top-level code or HTML node runs into that line the piece grows.
 *
 * Two things reach across pieces and are handled apart: front matter (its closing fence may be
 * far down; the first piece always extends past it) and reference definitions (see
 * `definitions.ts`).
 *
 * A long paragraph is cut into windows (`windowEnd`), inside its lines and at the starts of lines
 * that start with a letter, each a piece of its own: a 1 MB one-line note, or a paragraph of
 * thousands of lines, is parsed, and an edit in it parsed again, a few kilobytes at a time.
 */

import type { Root } from 'mdast';
import {
  definitionStubs,
  footnoteKey,
  guessDefinitions,
  linkKey,
  referencedKeys,
  type Definition,
  type DefinitionTable,
} from './definitions';
import { FOOTNOTE_LABEL, fastRun, hasLoneCarriageReturn, type FastRun, type RowReader, type Span } from './fastPath';
import { parseMarkdown, proseRanges } from './remark';

export type { Definition, Span };

/** What incremental parsing needs to know about a note besides its text. */
export interface NoteStructure {
  /** 0 and offsets known to be block boundaries, ascending. */
  readonly boundaries: readonly number[];
  /** Every link reference and footnote definition, by offset. */
  readonly definitions: readonly Definition[];
  /** Offset just past the front matter's closing fence; 0 without front matter. */
  readonly frontMatterEnd: number;
  /** The first line of a front matter that is never closed, else ''. See `frontMatter`. */
  readonly unclosedFrontMatter: string;
  /** False when the text has unclosed front matter: then remark parses everything. */
  readonly fastPaths: boolean;
  /** True when the text has a lone carriage return: the scan reads it as an LF (see `scanText`). */
  readonly loneCarriageReturns: boolean;
  /** The window of long lines the scan used (see `windowEnd`): an update must use the same. */
  readonly window: number;
}

/** A parsed piece of a note. */
export interface Unit {
  start: number;
  end: number;
  /** Prose ranges in the piece, absolute and ascending. */
  ranges: Span[];
  /** Boundaries in (start, end], ascending. */
  boundaries: number[];
  definitions: Definition[];
  /** Set for remark-parsed pieces: the definition stubs the parse actually saw, by key. */
  stubbed?: Set<string>;
  /** Set for fast runs: the footnote keys whose calls they read. */
  refs?: Set<string>;
  /** Set for a window of a long paragraph (see `windowEnd`): it ends inside the paragraph. */
  cut?: boolean;
}

export interface ScanOptions {
  /** The note's definitions (or a guess at them) for the stubs. */
  definitions: DefinitionTable;
  frontMatterEnd: number;
  unclosedFrontMatter: string;
  fastPaths: boolean;
  /** Remark-parsed blocks are grouped into pieces of about this many characters. */
  target: number;
  /** Stop after a piece that ends at a boundary for which this is true. */
  stopAt?: (boundary: number) => boolean;
  /** Long paragraphs are parsed in windows of about this many characters (see `windowEnd`). */
  window: number;
}

/** Default size of a remark-parsed piece: small enough for remark to stay linear. */
export const PIECE = 2048;

/** Default window of a long line: a line is cut into windows of at least this many characters. */
export const WINDOW = 8192;

/** Characters handed to remark so far: lets tests see how much an edit parses again. */
export const parseCount = { chars: 0 };

/** Lines end at LF or CRLF here: the scan reads a lone CR as an LF (`scanText`). */
const CANDIDATE = /\n(?:[ \t]*\r?\n)+(?=[^ \t\r\n])/g;

/**
 * The first possible block boundary after `from` — a non-blank line at indent 0 after a blank
 * line — or the text's length. Whether it really is a boundary is for the parse to say.
 *
 * A line after indented code is never one: micromark still has the code block open while it
 * looks past the blank lines, so the line may not start a list that could not interrupt a
 * paragraph (`10. x`, an empty item), unlike at the start of a parse.
 */
export function nextCandidate(text: string, from: number): number {
  CANDIDATE.lastIndex = from > 0 ? from - 1 : 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    const at = m.index + m[0].length;
    if (at > from && !afterIndentedLine(text, at)) return at;
  }
  return text.length;
}

/**
 * The next point after `from` where a remark piece may end and the fast path be tried again: a
 * candidate, or the start of a line that opens a footnote definition, which ends the block before
 * it (`[^a]: …` then `[^b]: …`, a generated table's notes: one note the fast path cannot read is
 * remark's alone, not the whole run of notes). A code or HTML block running over it is found by
 * the parse (`Piece.spanning`).
 */
function restarts(text: string): (from: number) => number {
  // The next footnote definition's start, found once for every point before it (a scan asks in
  // ascending order): a note without one is searched once, not once per piece.
  let note = -1;
  let searchedFrom = Infinity;
  return (from) => {
    const candidate = nextCandidate(text, from);
    if (from < searchedFrom || note <= from) {
      FOOTNOTE_START.lastIndex = from;
      const m = FOOTNOTE_START.exec(text);
      note = m ? m.index + 1 : text.length;
      searchedFrom = from;
    }
    return Math.min(note, candidate);
  };
}
const FOOTNOTE_START = new RegExp(String.raw`\n\[\^${FOOTNOTE_LABEL}\]: `, 'gu');

/**
 * True when the last non-blank line before `at` is indented by four columns or more. Lines end
 * at LF, CRLF and a lone CR, as micromark's do.
 */
function afterIndentedLine(text: string, at: number): boolean {
  let i = at - 1; // the line break before `at`
  while (i > 0) {
    // The line before the break at `i`: back to the previous LF or lone CR.
    let start = i;
    let blank = true;
    while (start > 0) {
      const c = text.charCodeAt(start - 1);
      if (c === 0x0a || (c === 0x0d && text.charCodeAt(start) !== 0x0a)) break;
      if (c !== 0x20 && c !== 0x09 && c !== 0x0d) blank = false;
      start--;
    }
    if (!blank) return /^(?: {0,3}\t| {4})/.test(text.slice(start, start + 4));
    i = start - 1;
  }
  return false;
}

const FRONT_MATTER_OPEN = /(?:---|\+\+\+)[ \t]*(?:\r\n|\r|\n)/y;

/**
 * The note's front matter, by micromark-extension-frontmatter's rules: `---` (or `+++`) alone on
 * the first line and again on a later one. `end` is the offset just past the closing fence.
 *
 * An opening fence that is never closed is not front matter, but it leaves micromark unable to
 * start a list, block quote or footnote definition anywhere in the note (the failed attempt
 * keeps the flow's current construct "concrete" for every line, so the document tokenizer never
 * looks for containers). The scan reproduces that by parsing every piece after the same line.
 */
export function frontMatter(text: string): { end: number; unclosed: string } {
  // micromark skips a leading byte order mark before it looks for the opening fence.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  FRONT_MATTER_OPEN.lastIndex = bom;
  const open = FRONT_MATTER_OPEN.exec(text);
  if (!open) return { end: 0, unclosed: '' };
  const fence = text[bom] === '-' ? '---' : '\\+\\+\\+';
  const close = new RegExp(`(?<=[\\r\\n])${fence}[ \\t]*(?=\\r|\\n|$)`, 'g');
  close.lastIndex = bom + open[0].length;
  const m = close.exec(text);
  return m ? { end: m.index + m[0].length, unclosed: '' } : { end: 0, unclosed: `${text.slice(bom, bom + 3)}\n` };
}

/** The start of the line after the one `at` is on (`at` just past a fence), or the text's end. */
function lineAfter(text: string, at: number): number {
  const newline = text.indexOf('\n', at);
  return newline === -1 ? text.length : newline + 1;
}

/** Offset just past the closing fence of the note's front matter, or 0. */
export const frontMatterEnd = (text: string): number => frontMatter(text).end;

const lineEndAt = (text: string, at: number): number => {
  const i = text.indexOf('\n', at);
  return i === -1 ? text.length : i + 1;
};

/** Scans a whole note: its prose ranges and structure. */
export function scanNote(note: string, target = PIECE, window = WINDOW): { ranges: Span[]; structure: NoteStructure } {
  const text = scanText(note);
  const options = scanOptions(text, target, window);
  return finishScan(text, [...scan(text, 0, options)], options, text !== note);
}

const LONE_CR = /\r(?!\n)/g;

/**
 * The note as the scan reads it: each lone carriage return an LF. micromark ends a line at either
 * alike, and the length is the same, so every offset holds; the fast path, the boundary search
 * and the windows read lines by their LF.
 */
export function scanText(text: string): string {
  return hasLoneCarriageReturn(text) ? text.replace(LONE_CR, '\n') : text;
}

/** Like `scanNote`, yielding to the event loop every `sliceMs`; undefined once `isCancelled()`. */
export async function scanNoteAsync(
  note: string,
  control: { isCancelled?: () => boolean; sliceMs?: number } = {},
  target = PIECE,
  window = WINDOW,
): Promise<{ ranges: Span[]; structure: NoteStructure } | undefined> {
  const text = scanText(note);
  const options = scanOptions(text, target, window);
  const units: Unit[] = [];
  let slice = performance.now();
  for (const unit of scan(text, 0, options)) {
    units.push(unit);
    if (performance.now() - slice >= (control.sliceMs ?? 10)) {
      await new Promise(setImmediate);
      if (control.isCancelled?.()) return undefined;
      slice = performance.now();
    }
  }
  return finishScan(text, units, options, text !== note);
}

function scanOptions(text: string, target: number, window: number): ScanOptions {
  const fm = frontMatter(text);
  return {
    definitions: guessDefinitions(text),
    frontMatterEnd: fm.end,
    unclosedFrontMatter: fm.unclosed,
    fastPaths: !fm.unclosed,
    target,
    window,
  };
}

/**
 * Checks every remark-parsed piece against the note's true definitions (the scan used a guess)
 * and parses again the few whose references the guess got wrong.
 */
function finishScan(text: string, units: Unit[], options: ScanOptions, loneCarriageReturns: boolean): { ranges: Span[]; structure: NoteStructure } {
  const definitions = units.flatMap((u) => u.definitions);
  const table = definitionTable(definitions);
  for (const unit of units) {
    if (unit.stubbed && !stubsAgree(text, unit, table)) {
      const ranges = parsePiece(text, unit.start, unit.end, table, options.unclosedFrontMatter, unit.cut).ranges;
      unit.ranges = unit.cut ? joinWindow(text, ranges, unit.end) : ranges;
    }
    if (unit.refs && [...unit.refs].some((key) => table.has(key) !== options.definitions.has(key))) unit.ranges = rereadFast(text, unit, table, options);
  }
  const boundaries = [0];
  const ranges: Span[] = [];
  for (const unit of units) {
    for (const b of unit.boundaries) boundaries.push(b);
    for (const r of unit.ranges) ranges.push(r);
  }
  return {
    ranges,
    structure: {
      boundaries,
      definitions,
      frontMatterEnd: options.frontMatterEnd,
      unclosedFrontMatter: options.unclosedFrontMatter,
      fastPaths: options.fastPaths,
      loneCarriageReturns,
      window: options.window,
    },
  };
}

/** The definitions as a table for stubs: the first of a key wins, as in the parser. */
export function definitionTable(definitions: readonly Definition[]): Map<string, { label: string; footnote: boolean }> {
  const table = new Map<string, { label: string; footnote: boolean }>();
  for (const d of definitions) if (!table.has(d.key)) table.set(d.key, { label: d.label, footnote: d.key.startsWith('footnote:') });
  return table;
}

/**
 * The prose of a fast-path unit read again with the note's true definitions. With other
 * definitions the run may go further than the unit (a label it stopped at is now text: its ranges
 * up to the unit's end are the unit's) or stop before its end (remark reads the unit then).
 */
function rereadFast(text: string, unit: Unit, table: DefinitionTable, options: ScanOptions): Span[] {
  const end = unit.cut ? unit.end - 1 : unit.end;
  const run = fastRun(unit.cut ? text.slice(0, end) : text, unit.start, table, rowReader(text, table));
  const ranges = run && run.end >= end ? run.ranges.filter(([a]) => a < end) : parsePiece(text, unit.start, unit.end, table, options.unclosedFrontMatter, unit.cut).ranges;
  return unit.cut ? joinWindow(text, ranges, unit.end) : ranges;
}

/**
 * True when the piece was parsed with exactly the definitions the note has, as far as its
 * references go: no stub for a label the note does not define, and one for every label it
 * refers to that the piece does not define itself.
 */
function stubsAgree(text: string, unit: Unit, table: DefinitionTable): boolean {
  for (const key of unit.stubbed!) if (!table.has(key)) return false;
  const own = new Set(unit.definitions.map((d) => d.key));
  for (const key of referencedKeys(text, unit.start, unit.end, table)) {
    if (!own.has(key) && !unit.stubbed!.has(key)) return false;
  }
  return true;
}

/**
 * Parses `text` from the block boundary (or fresh point) `start` onwards, piece by piece.
 * Remark pieces are grouped up to `target` characters and end where the next block looks plain,
 * so plain blocks take the fast path.
 */
export function* scan(text: string, start: number, options: ScanOptions): Generator<Unit> {
  const n = text.length;
  const runs = new Map<number, FastRun | undefined>();
  // Without the fast path (unclosed front matter) there is nothing to resume: whole candidates only.
  const nextRestart = options.fastPaths ? restarts(text) : (from: number) => nextCandidate(text, from);
  const fast = (at: number): FastRun | undefined => {
    if (!options.fastPaths || at < options.frontMatterEnd) return undefined;
    if (!runs.has(at)) runs.set(at, fastRun(text, at, options.definitions, rowReader(text, options.definitions)));
    return runs.get(at);
  };

  let s = start;
  if (s < options.frontMatterEnd && options.fastPaths) {
    // Closed front matter holds no prose: no parse. The next line starts afresh, as after any block.
    const end = lineAfter(text, options.frontMatterEnd);
    yield { start: s, end, ranges: [], boundaries: end < n ? [end] : [], definitions: [] };
    s = end;
    if (end < n && options.stopAt?.(s)) return;
  }
  while (s < n) {
    const cut = windowEnd(text, s, options);
    if (cut !== -1) {
      yield windowUnit(text, s, cut, options);
      s = cut;
      if (options.stopAt?.(s)) return;
      continue;
    }
    const run = fast(s);
    if (run) {
      const boundaries = run.complete && run.end < n ? [run.end] : [];
      yield { start: s, end: run.end, ranges: run.ranges, boundaries, definitions: run.definitions, refs: run.refs.size > 0 ? run.refs : undefined };
      runs.clear();
      s = run.end;
      if (boundaries.length > 0 && options.stopAt?.(s)) return;
      continue;
    }

    let e = nextRestart(s);
    while (e < options.frontMatterEnd) e = nextRestart(e);
    while (e < n && e - s < options.target && !options.stopAt?.(e) && !fast(e) && windowEnd(text, e, options) === -1) e = nextRestart(e);
    let piece = parsePiece(text, s, e, options.definitions, options.unclosedFrontMatter);
    while (piece.spanning) {
      e = pastSpanningBlock(text, piece.spanning, e);
      piece = parsePiece(text, s, e, options.definitions, options.unclosedFrontMatter);
    }
    yield {
      start: s,
      end: e,
      ranges: piece.ranges,
      boundaries: e < n ? [...piece.interior, e] : piece.interior,
      definitions: piece.definitions,
      stubbed: piece.stubbed,
    };
    s = e;
    if (s < n && options.stopAt?.(s)) return;
  }
}

/**
 * The window `[start, cut)` of a long line, read by the fast path when it can, else by remark.
 * The fast path is given the window without its last character, the space that `joinWindow` adds.
 */
function windowUnit(text: string, start: number, cut: number, options: ScanOptions): Unit {
  const run = options.fastPaths ? fastRun(text.slice(0, cut - 1), start, options.definitions, rowReader(text, options.definitions)) : undefined;
  if (run?.complete && run.end === cut - 1) {
    return { start, end: cut, ranges: joinWindow(text, run.ranges, cut), boundaries: [cut], definitions: run.definitions, refs: run.refs.size > 0 ? run.refs : undefined, cut: true };
  }
  const piece = parsePiece(text, start, cut, options.definitions, options.unclosedFrontMatter, true);
  return { start, end: cut, ranges: joinWindow(text, piece.ranges, cut), boundaries: [cut], definitions: piece.definitions, stubbed: piece.stubbed, cut: true };
}

/**
 * The fast path's reader of a table row it cannot read itself: remark parses the row alone under
 * its table's head, as it would inside the whole table (a row's cells are read on their own).
 */
function rowReader(text: string, table: DefinitionTable): RowReader {
  return ([headStart, headEnd], [rowStart, rowEnd]) => {
    const headLength = headEnd - headStart + 1;
    const snippet = `${text.slice(headStart, headEnd)}\n${text.slice(rowStart, rowEnd)}`;
    const shift = rowStart - headLength;
    const piece = parsePiece(snippet, 0, snippet.length, table);
    const ranges = piece.ranges.filter(([a]) => a >= headLength);
    return {
      ranges: ranges.map(([a, b]): Span => [a + shift, b + shift]),
      keys: referencedKeys(snippet, headLength, snippet.length, table),
      inTable: piece.first?.type === 'table' && piece.first.end > headLength,
    };
  };
}

interface Piece {
  ranges: Span[];
  /** Boundaries strictly inside the piece. */
  interior: number[];
  definitions: Definition[];
  stubbed: Set<string>;
  /** A top-level block that runs past the piece's end: the end is no boundary. */
  spanning?: { type: string; start: number };
  /** The piece's first top-level node, with its end offset in the text. */
  first?: { type: string; end: number };
}

/** A blank line ending a text (`\n`, maybe spaces, `\n`). */
const BLANK_BEFORE = /\n[ \t]*\r?\n$/;

/** Top-level nodes that a blank line does not end. */
const LEAVES = new Set(['code', 'html', 'yaml', 'toml']);

/**
 * Parses `text[start, end)` as remark would inside the whole note, given that `start` is a fresh
 * point: with stubs of the definitions it refers to, and with the line after it to see whether
 * the last block goes on. `prelude` is the unclosed front matter fence, if any. A window (`cut`)
 * ends inside its paragraph and is parsed alone, as if the paragraph ended there.
 */
export function parsePiece(text: string, start: number, end: number, table: DefinitionTable, prelude = '', cut = false): Piece {
  const n = text.length;
  const length = end - start;
  const stubs = definitionStubs(referencedKeys(text, start, end, table), table);
  // Only a code or HTML block running into the next line matters here: a few characters of a long one tell.
  const after = end < n && !cut ? text.slice(end, Math.min(lineEndAt(text, end), end + AFTER)) : '';
  // The first piece keeps line 1 (front matter) and gets the stubs after it; a later piece is
  // put after the stubs and an empty heading, which closes them and starts it afresh.
  let source: string;
  let offset: number;
  let stubsFrom: number;
  if (start === 0 && stubs && end < n && !cut && !BLANK_BEFORE.test(text.slice(Math.max(0, end - 64), end))) {
    // Cut at a footnote's start (`restarts`), no blank line before it: the stubs go after the line
    // after it and a blank line, or they would go on the piece's paragraph.
    source = `${text.slice(0, end)}${after}\n\n${stubs}`;
    offset = 0;
    stubsFrom = length + after.length + 2;
  } else if (start === 0) {
    const gap = stubs && (end === n || cut) ? '\n\n' : '';
    source = text.slice(0, end) + gap + stubs + after;
    offset = 0;
    stubsFrom = length + gap.length;
  } else {
    source = `${prelude}${stubs}#\n${text.slice(start, end)}${after}`;
    offset = prelude.length + stubs.length + 2;
    stubsFrom = prelude.length;
  }
  const stubsTo = stubsFrom + stubs.length;

  parseCount.chars += source.length;
  const tree: Root = parseMarkdown(source);
  const definitions: Definition[] = [];
  const stubbed = new Set<string>();
  const ranges: Span[] = [];
  for (const [a, b] of proseRanges(tree, 0, (node) => {
    const at = node.position!.start.offset!;
    const key = node.type === 'definition' ? linkKey(node.label ?? node.identifier) : footnoteKey(node.label ?? node.identifier);
    if (at >= stubsFrom && at < stubsTo) stubbed.add(key);
    else if (at >= offset && at < offset + length) definitions.push({ offset: start + at - offset, key, label: node.label ?? node.identifier });
  })) {
    if (a >= offset && b <= offset + length) ranges.push([start + a - offset, start + b - offset]);
  }

  const spans: Span[] = [];
  let spanning: Piece['spanning'];
  for (const node of tree.children) {
    if (!LEAVES.has(node.type)) continue;
    const a = node.position!.start.offset! - offset;
    const b = node.position!.end.offset! - offset;
    if (b <= 0 || a >= length) continue;
    spans.push([a, b]);
    if (end < n && a < length && b > length) spanning = { type: node.type, start: start + a };
  }
  const interior: number[] = [];
  for (let p = nextCandidate(text, start); p < end; p = nextCandidate(text, p)) {
    const rel = p - start;
    if (!spans.some(([a, b]) => a < rel && rel < b)) interior.push(p);
  }
  const head = tree.children.find((node) => node.position!.end.offset! > offset);
  const first = head && { type: head.type, end: start + head.position!.end.offset! - offset };
  return { ranges, interior, definitions, stubbed, spanning, first };
}

/** HTML blocks that a blank line does not end, with the text that ends them (CommonMark types 1–5). */
const HTML_ENDS: [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[ \t>]|\r?$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

/**
 * A guess at the first boundary after a top-level block that ran past `end`: after its closing
 * fence or end marker. Only a guess: the piece is parsed again up to it and checked.
 */
function pastSpanningBlock(text: string, block: { type: string; start: number }, end: number): number {
  const first = text.slice(block.start, lineEndAt(text, block.start)).replace(/\n$/, '');
  let close = -1;
  if (block.type === 'code') {
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(first);
    if (fence) {
      const re = new RegExp(`(?<=\\n) {0,3}${fence[1][0] === '`' ? '`' : '~'}{${fence[1].length},}[ \\t]*\\r?(?![^\\n])`, 'g');
      re.lastIndex = end;
      const m = re.exec(text);
      close = m ? m.index : text.length;
    }
  } else if (block.type === 'html') {
    for (const [open, stop] of HTML_ENDS) {
      if (!open.test(first)) continue;
      const m = stop.exec(text.slice(end));
      close = m ? end + m.index : text.length;
      break;
    }
  }
  return close === -1 ? nextCandidate(text, end) : nextCandidate(text, Math.max(end, close));
}

/** Characters of the line after a piece that its parse sees (see `parsePiece`). */
const AFTER = 256;

const LETTER = /\p{L}/u;

/**
 * Where the window of a long paragraph starting at `at` ends, or -1: the first point at least
 * `options.window` characters on where a hash of the eight characters before it picks it (or any
 * such point past four windows), among the points after a space that follows a non-space and
 * before a letter, and the starts of the paragraph's lines. A window starts with a letter at a
 * block boundary (a paragraph), where the previous window ended inside a line, or at a line whose
 * previous line starts with a letter. The paragraph goes on over lines that start with a letter,
 * the only lines sure not to start a block of their own; at any other line the window ends there
 * or there is none. The choice reads only the text from `at` to the point (and, at a line's
 * start, the line before), so a scan from any window's start cuts the rest of the paragraph
 * exactly as a scan of the whole note: an update re-parses a window or two. Inline constructs
 * that cross a cut (a code span, a link) are read per window, the same way by both.
 */
export function windowEnd(text: string, at: number, options: Pick<ScanOptions, 'window' | 'frontMatterEnd'>): number {
  const { window } = options;
  if (window <= 0 || at < options.frontMatterEnd || !LETTER.test(text[at] ?? '') || !(afterBlankLine(text, at) || continuesParagraph(text, at))) return -1;
  const soft = at + window;
  const hard = at + 4 * window;
  const n = text.length;
  for (let q = at + 1; q < n; q++) {
    const c = text.charCodeAt(q - 1);
    if (c === 0x0d) continue; // a CRLF's: the line starts after its LF (no CR stands alone, `scanText`)
    if (c === 0x0a) {
      if (!LETTER.test(text[q])) return -1;
      if (q >= soft && (q >= hard || anchored(text, q))) return q;
      continue;
    }
    if (q < soft || c !== 0x20) continue;
    const b = text.charCodeAt(q - 2);
    if (b === 0x20 || b === 0x09 || !LETTER.test(text[q])) continue;
    if (q >= hard || anchored(text, q)) return q;
  }
  return -1;
}

/**
 * True when `at` starts a line and the line before it starts with a letter: inside a paragraph
 * whose windows `windowEnd` chains over its lines (the scan asks only at block boundaries and at
 * the ends of windows, and no other boundary follows a line that starts with a letter).
 */
function continuesParagraph(text: string, at: number): boolean {
  if (text.charCodeAt(at - 1) !== 0x0a) return false;
  const lineEnd = text.charCodeAt(at - 2) === 0x0d ? at - 2 : at - 1;
  if (lineEnd === 0) return false;
  const lineStart = text.lastIndexOf('\n', lineEnd - 1) + 1;
  return lineStart < lineEnd && LETTER.test(text[lineStart]);
}

/**
 * True when `at` starts a line after a blank one (or the text), or is inside a line: the scan
 * starts a piece inside a line only where a window ended. A line right after a heading or a
 * fence is left to the fast path and remark, whose reading of it depends on the text after it.
 */
function afterBlankLine(text: string, at: number): boolean {
  if (at === 0) return true;
  let i = at - 1;
  const c = text.charCodeAt(i);
  if (c !== 0x0a && c !== 0x0d) return true;
  if (c === 0x0a && text.charCodeAt(i - 1) === 0x0d) i--;
  let j = i - 1;
  while (j >= 0 && (text.charCodeAt(j) === 0x20 || text.charCodeAt(j) === 0x09)) j--;
  return j < 0 || text.charCodeAt(j) === 0x0a || text.charCodeAt(j) === 0x0d;
}

/** True for about one point in eight, by the eight characters before `q`. */
function anchored(text: string, q: number): boolean {
  let h = 0;
  for (let j = q - 8; j < q; j++) h = (Math.imul(h, 31) + text.charCodeAt(j)) | 0;
  return ((h >>> 4) & 7) === 0;
}

/**
 * A window's ranges with the space or line ending before its cut as prose: inside the whole
 * paragraph it is in a text node, but a paragraph's parse drops what ends it.
 */
function joinWindow(text: string, ranges: Span[], cut: number): Span[] {
  const from = text.charCodeAt(cut - 1) === 0x0a && text.charCodeAt(cut - 2) === 0x0d ? cut - 2 : cut - 1;
  const last = ranges[ranges.length - 1];
  if (last && last[1] >= from) last[1] = Math.max(last[1], cut);
  else ranges.push([from, cut]);
  return ranges;
}
