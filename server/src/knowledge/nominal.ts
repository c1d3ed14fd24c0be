/**
 * The nominal size a model's official name states: `Llama 3.2 3B` is a 3B model (3.21B counted),
 * `Qwen3-30B-A3B` a 30B model with 3B active, `gpt-oss-120b` a 120B model (117B counted). Writing
 * the name's size is not a wrong count, and a size next to a family names the member whose name
 * states it (`Llama 3.2 | 3B`).
 */

export interface NominalSize {
  total?: number;
  active?: number;
}

const UNIT: Record<string, number> = { m: 1e6, b: 1e9, t: 1e12 };

/** Whether `count` is the size `value` within 1%: a name's size rounds its count (`3B` for 3.21B is not, `8B` for 8.03B is). */
export const sameSize = (count: number | undefined, value: number): boolean => count !== undefined && Math.abs(count - value) <= value * 0.01;

/**
 * A size word of the name: digits with an optional fraction and a unit (`3B`, `0.6B`, `124M`, `1T`),
 * or `A` and one for the active count (`A22B`). Bounded by the name's separators, so `8x7B` (an
 * expert shape), `E4B` and `3.5` are not sizes.
 */
const SIZE_WORD = /(?<![\p{L}\p{N}.])(A?)(\d+(?:\.\d+)?)([BbMmTt])(?![\p{L}\p{N}])/gu;

const cache = new Map<string, NominalSize>();

/** The sizes `name` states; empty when it states none, or more than one of a kind. */
export function nominalSize(name: string): NominalSize {
  let found = cache.get(name);
  if (found) return found;
  const totals: number[] = [];
  const actives: number[] = [];
  for (const m of name.matchAll(SIZE_WORD)) {
    const value = Math.round(Number(m[2]) * UNIT[m[3].toLowerCase()]);
    (m[1] ? actives : totals).push(value);
  }
  found = {};
  if (totals.length === 1) found.total = totals[0];
  if (actives.length === 1) found.active = actives[0];
  cache.set(name, found);
  return found;
}
