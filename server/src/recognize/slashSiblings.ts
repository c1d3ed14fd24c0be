/**
 * Versions after a slash (#13 §3): `DeepSeek V3/R1`, `GPT-4/4o`, `Llama 3.1/3.2/3.3`, `Qwen2/2.5`,
 * `Kimi K1.5/K2`, or a slash with a space on each side (`Claude 3.7 / 3.5`), and dotted versions
 * listed after a comma (`Llama 3, 3.1, 3.3`). Each part after a slash is read as the name before
 * it with its last part replaced (`DeepSeek R1`, `GPT-4o`, `Llama 3.2`), and is a mention when
 * the knowledge base has a model or family so named. Only version-like parts count: a letter or two and a number (`R1`,
 * `K2`) in place of the same shape, or a number with at most one lowercase letter (`4o`, `3.2`) in
 * place of the name's trailing number. A size (`7B/13B`) is a count, read by the claims; a whole
 * name (`GPT-4/GPT-4o`) is found by the index itself.
 */

/** A version-like part: `R1`, `K1.5`, `4o`, `3.2`, never a size (`14B`) or a word. */
const PART = /^(?:[A-Za-z]{1,2}\d+(?:\.\d+)*|\d+(?:\.\d+)*[a-z]?)(?![A-Za-z0-9])/;
/** A size, which is a parameter count rather than a version: `13b`, `7B`, `1.5m`. */
const SIZE = /^\d+(?:\.\d+)?[bmtk]$/i;
/** The trailing number of a name as written: `4` of `GPT-4`, `3.1` of `Llama 3.1`, `2` of `Qwen2`, `4o` of `GPT-4o`. */
const TRAILING_NUMBER = /\d+(?:\.\d+)*[a-z]?$/;
/** The trailing lettered version of a name as written: `V3` of `DeepSeek V3`, `K1.5` of `Kimi-K1.5`. */
const TRAILING_LETTERED = /(?<=[\s_-])[A-Za-z]{1,2}\d+(?:\.\d+)*$/;

/** The version-like part at the start of `rest` (the text after a slash), if it is one. */
export function siblingPart(rest: string): string | undefined {
  const part = PART.exec(rest)?.[0];
  return part === undefined || SIZE.test(part) ? undefined : part;
}

/** `written` with its last part replaced by `part` of the same shape, or undefined when it has none. */
export function siblingName(written: string, part: string): string | undefined {
  const shape = /^\d/.test(part) ? TRAILING_NUMBER : TRAILING_LETTERED;
  const last = shape.exec(written);
  if (!last || last[0] === part) return undefined;
  return written.slice(0, last.index) + part;
}

/**
 * Where the text after a slash at `at` starts: `/` glued (`GPT-4/4o`) or spaced on both sides
 * (`Claude 3.7 / 3.5`); or after a comma, a dotted version that stands alone as an item of a list
 * (`Llama 3, 3.1, 3.2, 3.3`, `Qwen 2, 2.5 and 3`), not a number that a word follows (`Qwen2, 2.5
 * points higher`); -1 without one.
 */
export function afterSlash(mask: string, at: number, end: number): number {
  if (at < end && mask.charCodeAt(at) === 0x2f) return at + 1;
  if (at + 1 < end && mask[at] === ',' && mask[at + 1] === ' ' && LISTED_VERSION.test(mask.slice(at + 2, Math.min(end, at + 24)))) return at + 2;
  return at + 2 < end && mask[at] === ' ' && mask.charCodeAt(at + 1) === 0x2f && mask[at + 2] === ' ' ? at + 3 : -1;
}
/** A dotted version, then the end of the list's item: a comma, `and`, `or`, a bracket, a pipe (masked in a table), the line's end. */
const LISTED_VERSION = /^\d+\.\d+(?:\.\d+)?[a-z]?(?:$|[ \t]*(?:[,)|\u0000\n]|(?:and|or)[ \t])|\.(?:\s|$))/;
