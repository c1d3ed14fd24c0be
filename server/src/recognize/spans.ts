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
