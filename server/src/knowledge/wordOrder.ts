/**
 * Other ways writers put a model's version that mean the same name (#13 §3).
 *
 * The other order of a model's tier and version: a file names
 * `Gemini 2.5 Flash` and notes write `Gemini Flash 2.5`; Anthropic names `Claude Sonnet 4` and
 * notes write `Claude 4 Sonnet`, as they write `Claude Sonnet 3.5` for `Claude 3.5 Sonnet`. The
 * alias index (`recognize/aliasIndex.ts`) adds the swapped order of a model's name or alias as
 * one more name, unless another entity already has it or another model swaps to it too.
 *
 * Only names of exactly three parts: a family word, a version (digits and dots, no size like
 * `7B`), and a tier of one capitalized word or two joined by a hyphen (`Pro`, `Flash-Lite`,
 * `플래시`), in either order. Longer names (`Gemini 2.5 Flash Image`) are left as they are.
 */
const FAMILY = String.raw`([A-Z][A-Za-z]+|[가-힣]+)`;
const VERSION = String.raw`(\d+(?:\.\d+)?)`;
const TIER = String.raw`([A-Z][a-z]+(?:-[A-Z][a-z]+)?|[가-힣]+)`;
const VERSION_FIRST = new RegExp(`^${FAMILY} ${VERSION} ${TIER}$`);
const TIER_FIRST = new RegExp(`^${FAMILY} ${TIER} ${VERSION}$`);

/** `name` with its version and tier swapped, or undefined when it is not of that shape. */
export function tierSwapped(name: string): string | undefined {
  let m = VERSION_FIRST.exec(name);
  if (m) return `${m[1]} ${m[3]} ${m[2]}`;
  m = TIER_FIRST.exec(name);
  return m ? `${m[1]} ${m[3]} ${m[2]}` : undefined;
}

/**
 * A one-digit version standing alone in a name written as prose (`Gemini 3 Pro`, `Llama 3 8B`,
 * `라마 3`), or ending a word and a hyphen (`GPT-4`, `Phi-4`): not in a repository id's parts.
 */
const WHOLE_VERSION = /(?:(?<= )|(?<=^[A-Za-z]+-))(\d)(?=$| )/g;

/**
 * `name` with its one whole-number version written with `.0` (`Gemini 3` → `Gemini 3.0`,
 * `Llama 3 8B` → `Llama 3.0 8B`), or undefined when it has none or several. Never the other way:
 * `EXAONE 3.0` is one model, `EXAONE 3` may be its series.
 */
export function withZero(name: string): string | undefined {
  const found = [...name.matchAll(WHOLE_VERSION)];
  if (found.length !== 1) return undefined;
  const at = found[0].index + 1;
  return `${name.slice(0, at)}.0${name.slice(at)}`;
}
