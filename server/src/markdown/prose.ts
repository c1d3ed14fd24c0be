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

/** Builds the prose mask of `text[start, end)` from ascending prose ranges inside it. */
export function proseMask(text: string, ranges: readonly [number, number][], start = 0, end = text.length): string {
  const out: string[] = [];
  let pos = start;
  for (const [a, b] of ranges) {
    if (a > pos) out.push(blank(text, pos, a));
    out.push(text.slice(a, b));
    pos = b;
  }
  if (pos < end) out.push(blank(text, pos, end));
  return out.join('');
}

/** `text[start, end)` with every character but line breaks replaced by the mask. */
function blank(text: string, start: number, end: number): string {
  let s = '';
  let from = start;
  for (let i = text.indexOf('\n', start); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    s += MASK.repeat(i - from) + '\n';
    from = i + 1;
  }
  return s + MASK.repeat(end - from);
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
