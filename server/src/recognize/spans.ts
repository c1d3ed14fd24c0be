/** Lookups in lists of spans sorted by start that never overlap (so their ends ascend too). */

/** Index of the first span ending after `offset`. */
export function firstEndingAfter(spans: readonly { end: number }[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The span at `offset` (binary search); `end` is exclusive but a cursor may sit on it. */
export function findAt<T extends { start: number; end: number }>(items: readonly T[], offset: number): T | undefined {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const item = items[mid];
    if (offset < item.start) hi = mid - 1;
    else if (offset > item.end) lo = mid + 1;
    else return item;
  }
  return undefined;
}

/** First index whose key is >= `value` in ascending `items`. */
export function lowerBound<T>(items: readonly T[], value: number, key: (item: T) => number = (item) => item as number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `text[start, end)` as a string of its own. A slice of 13 characters or more is a view that keeps
 * the whole string alive: a mention's text would keep its note's mask, and after each edit the
 * previous version's (#19: a 1 MB note held 26.5 MB of heap after 20 edits, 12.2 MB as copies). Copied by way of a short
 * concatenation, whose flattening makes the new string.
 */
export function spanText(text: string, start: number, end: number): string {
  return ownString(text.slice(start, end));
}

/** `s` as a string of its own, when V8 would keep it as a view (13 characters or more). */
const ownString = (s: string): string => (s.length < 13 ? s : (' ' + s).slice(1));

/** The texts `sharedSpanText` gave lately, each kept once; cleared when it holds this many. */
const SHARED_LIMIT = 4096;
const shared = new Map<string, string>();

/**
 * `spanText` for a name or a count (a mention's or a quantity's text): equal texts are one
 * string. A note names the same few hundred models and counts thousands of times; the bench's
 * five open notes held 39,000 such strings. Only the latest few thousand texts are remembered.
 */
export function sharedSpanText(text: string, start: number, end: number): string {
  const s = text.slice(start, end);
  let kept = shared.get(s);
  if (kept === undefined) {
    if (shared.size >= SHARED_LIMIT) shared.clear();
    kept = ownString(s);
    shared.set(kept, kept);
  }
  return kept;
}
