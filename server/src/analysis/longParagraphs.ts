/**
 * Edits inside a long paragraph (#17 §5: a 1 MB note of one line is one paragraph): mentions and
 * claims are found again around the edit only, where the paragraph-wide rules allow it.
 *
 * - Mentions: whether a name with other senses is a mention depends on its whole paragraph being
 *   about AI (`recognize/context.ts`). When the paragraph holds a word of the field in its text
 *   the edit left alone, and the edit neither adds nor removes a line break, the paragraph is about
 *   AI before and after it, so the names away from the edit stand.
 * - Claims: a count is linked from its sentence and the sentence before (`recognize/claims.ts`).
 *   In a paragraph of one line (no table: that takes two lines), the claims from the sentence
 *   before the edit to the sentence after it are linked again, reading mentions from one sentence
 *   further back.
 */
import { paragraphEnd, paragraphStart } from '../markdown/paragraphs';
import { sentenceAt } from '../recognize/claims';
import { hasAIWords } from '../recognize/context';
import { hasParamWords, PARAM_WORD_REACH } from '../recognize/quantities';
import { ROW_REACH } from '../recognize/shortForms';

/**
 * A paragraph is long when it is longer than `long`: the window long lines are parsed in
 * (`NoteStructure.window`, `markdown/blocks.ts`), so that the long-line tests' small windows
 * exercise these paths; 0 (whole lines) means no paragraph is long.
 */
const isLong = (start: number, end: number, long: number): boolean => long > 0 && end - start > long;

/**
 * How far around the edit mentions are always found again: a link's text whose target's host the
 * edit changed is a site label or not (`recognize/linkLabels.ts`); the text stands at most 32
 * characters before `](`, and a scheme and host take at most 8 + 253. A row form names its row's
 * family's member when the family stands up to `ROW_REACH` before it (`recognize/shortForms.ts`),
 * so an edit of the family reaches that far, and a form's own length after.
 */
export const MENTION_MARGIN = Math.max(320, ROW_REACH + 64);

/**
 * Where the mention scan may start and the least it must reach, `[from, to]`, when the edit
 * `[changeStart, changeEnd)` (new text; old text `[changeStart, changeEnd - delta)`) lies inside
 * one long paragraph that is about AI by words the edit left alone; undefined otherwise.
 */
export function mentionWindow(oldMask: string, mask: string, changeStart: number, changeEnd: number, delta: number, long: number): [number, number] | undefined {
  if (hasLineBreak(mask, changeStart, changeEnd) || hasLineBreak(oldMask, changeStart, changeEnd - delta)) return undefined;
  const start = paragraphStart(mask, changeStart);
  const end = paragraphEnd(mask, changeEnd);
  if (!isLong(start, end, long)) return undefined;
  const about = aboutAIAround(mask, start, wordEdge(mask, changeStart, -1, start), wordEdge(mask, changeEnd, 1, end), end);
  return about ? [Math.max(start, changeStart - MENTION_MARGIN), Math.min(end, changeEnd + MENTION_MARGIN)] : undefined;
}

/** How far from an edit a word of the field is looked for first. */
const NEAR = 4096;

/**
 * Whether the unchanged text of the paragraph `[start, end)`, before `left` or after `right`, holds a
 * word of the field, which keeps the paragraph about AI.
 */
const aboutAIAround = (mask: string, start: number, left: number, right: number, end: number): boolean => aroundEdit(mask, start, left, right, end, hasAIWords);

/**
 * Whether `has` finds a word in the paragraph `[start, end)` before `left` or after `right`. Looked
 * for near the edit first, so that a keystroke in a 1 MB paragraph reads a few KB, not the
 * paragraph; each stretch is cut between words, so that no part of a longer word counts (`model`
 * in `remodel`).
 */
function aroundEdit(mask: string, start: number, left: number, right: number, end: number, has: (mask: string, from: number, to: number) => boolean): boolean {
  const nearLeft = wordEdge(mask, Math.max(start, left - NEAR), 1, left);
  const nearRight = wordEdge(mask, Math.min(end, right + NEAR), -1, right);
  return has(mask, nearLeft, left) || has(mask, right, nearRight) || (nearLeft > start && has(mask, start, left)) || (nearRight < end && has(mask, right, end));
}

/**
 * The claims to link again, `[from, to)`, and where their mentions are read from, when `[a, b)`
 * lies inside one long paragraph of a single line; undefined otherwise.
 */
export function sentenceWindow(
  oldMask: string,
  mask: string,
  a: number,
  b: number,
  edit: { start: number; end: number; delta: number },
  long: number,
): { from: number; to: number; context: number } | undefined {
  const start = paragraphStart(mask, a);
  const end = paragraphEnd(mask, b);
  if (!isLong(start, end, long) || hasLineBreak(mask, start, end)) return undefined;
  if (!sameParamWords(oldMask, mask, edit, start, end)) return undefined;
  const own = sentenceAt(mask, a)[0];
  const from = own > start ? sentenceAt(mask, own - 1)[0] : own;
  const ownEnd = sentenceAt(mask, Math.max(a, b - 1))[1];
  const to = ownEnd < end ? sentenceAt(mask, ownEnd)[1] : ownEnd;
  const context = from > start ? sentenceAt(mask, from - 1)[0] : from;
  return { from, to: Math.min(to, end), context };
}

/**
 * Whether the long paragraph `[start, end)` speaks of models before and after the edit alike, as
 * its bare Korean counts ask of it (`hasParamWords`): no such word near the edit in the old text or
 * the new, or one in the text the edit left alone (looked for near the edit first).
 */
function sameParamWords(oldMask: string, mask: string, edit: { start: number; end: number; delta: number }, start: number, end: number): boolean {
  const r = PARAM_WORD_REACH;
  const oldEnd = edit.end - edit.delta;
  if (!hasParamWords(oldMask, Math.max(0, edit.start - r), Math.min(oldMask.length, oldEnd + r)) && !hasParamWords(mask, Math.max(start, edit.start - r), Math.min(end, edit.end + r))) return true;
  return aroundEdit(mask, start, wordEdge(mask, edit.start, -1, start), wordEdge(mask, edit.end, 1, end), end, hasParamWords);
}

function hasLineBreak(mask: string, from: number, to: number): boolean {
  const i = mask.indexOf('\n', from);
  return i !== -1 && i < to;
}

/** `at` moved by `step` towards `bound` to the nearest point not inside a word (a word character on both sides). */
function wordEdge(mask: string, at: number, step: -1 | 1, bound: number): number {
  const word = /[\p{L}\p{N}_]/u;
  while (at !== bound && word.test(mask[at - 1] ?? '') && word.test(mask[at] ?? '')) at += step;
  return at;
}
