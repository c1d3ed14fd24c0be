import { scanNote } from './blocks';
import { parseMarkdown, proseRanges } from './remark';

export { parseMarkdown, proseRanges };

/**
 * The prose of a note, as a mask: a string as long as the note in which every character
 * that is not prose (code, HTML, URLs, link destinations, front matter, Markdown syntax)
 * is `\0`. Newlines stay, so offsets, lines and sentence ends are those of the note.
 * Recognizers scan the mask and never see code or URLs.
 */
export const MASK = '\u0000';

/**
 * Builds the prose mask of `text[start, end)` from ascending prose ranges inside it. The pieces
 * are views of the text and of one run of mask characters until the join copies them once (a run
 * repeated for every blank was 6 MB of garbage for the bench's noisy 1 MB note).
 */
export function proseMask(text: string, ranges: readonly [number, number][], start = 0, end = text.length): string {
  const out: string[] = [];
  let pos = start;
  for (let k = 0; k < ranges.length; k++) {
    const a = ranges[k][0];
    const b = ranges[k][1];
    if (a > pos) blank(text, pos, a, out);
    out.push(text.slice(a, b));
    pos = b;
  }
  if (pos < end) blank(text, pos, end, out);
  return out.join('');
}

/** Pushes `text[start, end)` with every character but line breaks replaced by the mask. */
function blank(text: string, start: number, end: number, out: string[]): void {
  let from = start;
  for (let i = text.indexOf('\n', start); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    pushMask(i - from, out);
    out.push('\n');
    from = i + 1;
  }
  pushMask(end - from, out);
}

/** Mask characters to cut runs from. */
const MASK_RUN = MASK.repeat(4096);

/** Pushes `n` mask characters as views of `MASK_RUN` (a long run in several). */
function pushMask(n: number, out: string[]): void {
  for (; n > MASK_RUN.length; n -= MASK_RUN.length) out.push(MASK_RUN);
  if (n > 0) out.push(MASK_RUN.slice(0, n));
}

/** The prose mask of a whole note, parsed block by block (see `blocks.ts`). */
export function maskNote(text: string): string {
  return proseMask(text, scanNote(text).ranges);
}

/**
 * The prose mask from one remark parse of the whole note: the reference the block-wise mask is
 * tested against. Superlinear in the note's length; not for the editor.
 */
export function maskWholeNote(text: string): string {
  return proseMask(text, proseRanges(parseMarkdown(text)));
}
