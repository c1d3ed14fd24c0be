/**
 * Text from the Hub is untrusted: model names, card fields and config values are checked for type
 * and shape, control and format characters (bidi overrides included) are removed, and lengths are
 * capped before anything reaches a knowledge entry or a message.
 */

/** A Hub repo id, `owner/name`: letters, digits, `-`, `_`, `.`, at most 96 characters each. */
const REPO_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,95}\/[A-Za-z0-9][A-Za-z0-9._-]{0,95}$/;

/** `deepseek-ai/DeepSeek-V3.1` is a repo id; `a/b/c`, `../x`, `x` and `a/b c` are not. */
export function isRepoId(value: unknown): value is string {
  return typeof value === 'string' && REPO_ID.test(value) && !value.includes('..');
}

/**
 * `value` without control, format, line- and paragraph-separator characters, blanks collapsed,
 * trimmed; undefined when it is not a string, is empty, or is longer than `max` characters
 * (unless `truncate`, which cuts it with an ellipsis).
 */
export function cleanText(value: unknown, max: number, opts: { truncate?: boolean } = {}): string | undefined {
  if (typeof value !== 'string') return undefined;
  const clean = value.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu, ' ').replace(/\s+/g, ' ').trim();
  if (!clean) return undefined;
  const chars = [...clean];
  if (chars.length <= max) return clean;
  return opts.truncate ? `${chars.slice(0, max - 1).join('')}…` : undefined;
}

/** A plain identifier from a config (`DeepseekV3ForCausalLM`, `deepseek_v3`, `apache-2.0`), else undefined. */
export function identifier(value: unknown, max = 80): string | undefined {
  return typeof value === 'string' && value.length <= max && /^[A-Za-z0-9][A-Za-z0-9._+-]*$/.test(value) ? value : undefined;
}

/** A positive safe integer, else undefined. */
export function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

/** A plain JSON object (not an array, not null), else undefined. */
export function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
