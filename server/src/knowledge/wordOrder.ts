import { foldName } from './normalize';
import type { Entity } from './types';

/**
 * The other order of a model's tier and version, which means the same name (#13 §3): a file names
 * `Gemini 2.5 Flash` and notes write `Gemini Flash 2.5`; Anthropic names `Claude Sonnet 4` and
 * notes write `Claude 4 Sonnet`, as they write `Claude Sonnet 3.5` for `Claude 3.5 Sonnet`. The
 * alias index (`recognize/aliasIndex.ts`) adds the swapped order of a model's name or alias as
 * one more name, unless another entity already has it or another model swaps to it too.
 *
 * Only names of exactly three parts: a family word, a version (digits and dots, no size like
 * `7B`), and a tier of one capitalized word or two joined by a hyphen (`Pro`, `Flash-Lite`,
 * `플래시`), in either order. Longer names (`Gemini 2.5 Flash Image`) are left as they are.
 * (A whole version written with `.0`, `Gemini 3.0`, is read by the index's walk instead.)
 */
const FAMILY = String.raw`([A-Z][A-Za-z]+|[가-힣]+)`;
const VERSION = String.raw`(\d+(?:\.\d+)?)`;
const TIER = String.raw`([A-Z][a-z]+(?:-[A-Z][a-z]+)?|[가-힣]+)`;
const VERSION_FIRST = new RegExp(`^${FAMILY} ${VERSION} ${TIER}$`);
const TIER_FIRST = new RegExp(`^${FAMILY} ${TIER} ${VERSION}$`);

const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;

/**
 * Where the two spaces of a name of a family word, a version and a tier (either order) are, and
 * whether the version comes first; undefined for a name of another shape. Three parts, two spaces
 * exactly, a digit opening the second or third part: told without a regular expression first, as
 * the index asks this of thousands of names cold.
 */
function threeParts(name: string): { first: number; second: number; versionFirst: boolean } | undefined {
  const first = name.indexOf(' ');
  const second = first === -1 ? -1 : name.indexOf(' ', first + 1);
  if (second === -1 || name.indexOf(' ', second + 1) !== -1) return undefined;
  const versionFirst = isDigit(name.charCodeAt(first + 1));
  if (!versionFirst && !isDigit(name.charCodeAt(second + 1))) return undefined;
  return (versionFirst ? VERSION_FIRST : TIER_FIRST).test(name) ? { first, second, versionFirst } : undefined;
}

/**
 * `name` with its version and tier swapped, or undefined when it is not of that shape; with
 * `folded` (the name folded, one unit per unit), that folded name's parts swapped alike.
 */
export function tierSwapped(name: string, folded?: string): string | undefined {
  const parts = threeParts(name);
  if (!parts) return undefined;
  const text = folded ?? name;
  return `${text.slice(0, parts.first)} ${text.slice(parts.second + 1)} ${text.slice(parts.first + 1, parts.second)}`;
}

/**
 * The tier and version of a three-part name (`tierSwapped`'s shapes) without its family word,
 * tier first (`Sonnet 4.5` of `Claude Sonnet 4.5`, `Sonnet 3.5` of `Claude 3.5 Sonnet`); with
 * `folded`, that folded name's parts alike. Undefined for a name of another shape.
 */
export function tierAndVersion(name: string, folded?: string): string | undefined {
  const parts = threeParts(name);
  if (!parts) return undefined;
  const { first, second } = parts;
  const text = folded ?? name;
  return parts.versionFirst ? `${text.slice(second + 1)} ${text.slice(first + 1, second)}` : text.slice(first + 1);
}

/**
 * The names a model's names give with tier and version swapped, each with its folded form: folding
 * keeps one unit per unit of most names, so the swapped name folds by the same swap of the folded
 * one (folding anew costs microseconds a name, cold).
 */
export function swappedNamesOf(entity: Entity): { name: string; folded: string; from: string }[] | undefined {
  return derivedOf(entity, tierSwapped);
}

/** The names a model's names give as tier and version alone (`tierAndVersion`), each with its folded form and the name it came from. */
export function tierVersionNamesOf(entity: Entity): { name: string; folded: string; from: string }[] | undefined {
  return derivedOf(entity, tierAndVersion);
}

function derivedOf(entity: Entity, derive: (name: string, folded?: string) => string | undefined): { name: string; folded: string; from: string }[] | undefined {
  let out: { name: string; folded: string; from: string }[] | undefined;
  for (let j = -1; j < entity.aliases.length; j++) {
    const name = j < 0 ? entity.name : entity.aliases[j];
    const derived = derive(name);
    if (derived === undefined) continue;
    const folded = foldName(name);
    (out ??= []).push({ name: derived, folded: folded.length === name.length ? derive(name, folded)! : foldName(derived), from: name });
  }
  return out;
}
