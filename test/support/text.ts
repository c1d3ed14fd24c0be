/**
 * Positions anchored to text, never hard-coded: `positionOf(text, '딥시크(DeepSeek) V3.1')`
 * is where that string first occurs (0-based line, UTF-16 character).
 */
export interface Pos {
  line: number;
  character: number;
}

export function positionAt(text: string, offset: number): Pos {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Position of the `nth` (0-based) occurrence of `needle`, plus `delta` characters. */
export function positionOf(text: string, needle: string, options: { nth?: number; delta?: number } = {}): Pos {
  let at = -1;
  for (let i = 0; i <= (options.nth ?? 0); i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`not in text: ${needle} (#${options.nth ?? 0})`);
  }
  return positionAt(text, at + (options.delta ?? 0));
}

/** Range of the `nth` occurrence of `needle`. */
export function rangeOf(text: string, needle: string, nth = 0): { start: Pos; end: Pos } {
  const start = positionOf(text, needle, { nth });
  return { start, end: positionOf(text, needle, { nth, delta: needle.length }) };
}
