/**
 * Paragraphs of a prose mask (see `prose.ts`): text between blank lines, where a line holding
 * only white space and masked syntax counts as blank. Claims, the context of ambiguous names and
 * incremental analysis all work paragraph by paragraph.
 */

/** True for `mask[from, to)` holding nothing but spaces, tabs, CR and masked characters. */
export function blankLine(mask: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = mask.charCodeAt(i);
    if (c !== 0 && c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}

/** The start of the paragraph around `pos`: a line start after a blank line, or 0. */
export function paragraphStart(mask: string, pos: number): number {
  let start = mask.lastIndexOf('\n', pos - 1) + 1;
  while (start > 0) {
    const prev = mask.lastIndexOf('\n', start - 2) + 1;
    if (blankLine(mask, prev, start - 1)) break;
    start = prev;
  }
  return start;
}

/** The end of the paragraph around `pos`: the line break before a blank line, or the mask's end. */
export function paragraphEnd(mask: string, pos: number): number {
  let end = mask.indexOf('\n', pos);
  while (end !== -1) {
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
