/**
 * Paragraphs of a prose mask (see `prose.ts`): text between blank lines, where a line holding
 * only white space and masked syntax counts as blank. Claims, the context of ambiguous names and
 * incremental analysis all work paragraph by paragraph.
 *
 * A paragraph's bounds are found by walking lines from the position; past `WALK` lines they are
 * looked up in an index of the mask's blank lines, made once per mask, so that the counts and
 * names of a paragraph of thousands of lines (a long table) do not each walk it.
 */

/** True for `mask[from, to)` holding nothing but spaces, tabs, CR and masked characters. */
export function blankLine(mask: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = mask.charCodeAt(i);
    if (c !== 0 && c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}

/** Lines walked before the index of blank lines is asked. */
const WALK = 64;

/** The start of the paragraph around `pos`: a line start after a blank line, or 0. */
export function paragraphStart(mask: string, pos: number): number {
  let start = mask.lastIndexOf('\n', pos - 1) + 1;
  for (let lines = 0; start > 0; lines++) {
    if (lines === WALK) return startAfterBlank(mask, start);
    const prev = mask.lastIndexOf('\n', start - 2) + 1;
    if (blankLine(mask, prev, start - 1)) break;
    start = prev;
  }
  return start;
}

/** The end of the paragraph around `pos`: the line break before a blank line, or the mask's end. */
export function paragraphEnd(mask: string, pos: number): number {
  let end = mask.indexOf('\n', pos);
  for (let lines = 0; end !== -1; lines++) {
    if (lines === WALK) return endBeforeBlank(mask, end);
    const next = mask.indexOf('\n', end + 1);
    if (blankLine(mask, end + 1, next === -1 ? mask.length : next)) return end;
    end = next;
  }
  return mask.length;
}

/** The paragraph around `pos` as `[start, end)`. */
export function paragraphAt(mask: string, pos: number): [number, number] {
  return [paragraphStart(mask, pos), paragraphEnd(mask, pos)];
}

/** The starts of the mask's blank lines, ascending (the last line counts, empty or not). */
let index: { mask: string; blanks: Int32Array } | undefined;
function blankLines(mask: string): Int32Array {
  if (index?.mask === mask) return index.blanks;
  const blanks: number[] = [];
  for (let start = 0; ; ) {
    const next = mask.indexOf('\n', start);
    if (blankLine(mask, start, next === -1 ? mask.length : next)) blanks.push(start);
    if (next === -1) break;
    start = next + 1;
  }
  index = { mask, blanks: Int32Array.from(blanks) };
  return index.blanks;
}

/** The start of the line after the last blank line that starts before the line at `lineStart`, or 0. */
function startAfterBlank(mask: string, lineStart: number): number {
  const blanks = blankLines(mask);
  const k = firstAtLeast(blanks, lineStart) - 1;
  return k < 0 ? 0 : mask.indexOf('\n', blanks[k]) + 1;
}

/** The line break before the first blank line that starts after `lineEnd` (a line break), or the mask's end. */
function endBeforeBlank(mask: string, lineEnd: number): number {
  const blanks = blankLines(mask);
  const k = firstAtLeast(blanks, lineEnd + 1);
  return k < blanks.length ? blanks[k] - 1 : mask.length;
}

/** The first index of `xs` (ascending) whose value is at least `x`. */
function firstAtLeast(xs: Int32Array, x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
