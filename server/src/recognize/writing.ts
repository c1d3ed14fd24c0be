/**
 * How a name must be written to be a mention of its entity, whatever the index that finds it:
 * the case a one-word name needs (`Meta`, not `meta`; `deepseek` for a coined name, but not in an
 * identifier), an acronym's capitals (`SAM`, not `Sam`), the letters of a name like `xAI`, the
 * names with other senses that need a paragraph about AI, and a person's name in a credit. Used
 * by the alias index (`aliasIndex.ts`) and by the grammar (`scripts/build-grammar.ts`).
 */

/** One Latin word, no digits or separators: the names that double as ordinary words. */
const ONE_LATIN_WORD = /^[A-Za-z]+$/;
/** Latin words and separators only, no digits (`High-Flyer`, `Neural Chat`, `Weights & Biases`). */
const LATIN_WORDS = /^[A-Za-z]+(?:(?:[-_ ]| & )[A-Za-z]+)*$/;
const HAS_CAPITAL = /[A-Z]/;
/** Capitals alone (`SAM`, `BART`). */
const ACRONYM = /^[A-Z]{2,}$/;
/** A lowercase letter before a capital at the start (`xAI`, `mT5`, `gWorld`). */
const LOWER_THEN_CAPITAL = /^[a-z]+[A-Z]/;
export const lettersOf = (s: string): string => s.replace(/[^A-Za-z]/g, '');
/** Hangul syllables alone (`클로드`). */
const HANGUL_WORD = /^[가-힣]+$/;
/**
 * A lowercase letter and a number, or a digit and a lowercase letter (`o1`, `o3`, `4o`): of an
 * entity with other senses, only as written and in a paragraph about AI (not `O3`, ozone).
 */
const SHORT_CODE = /^(?:[a-z]\d{1,2}|\d[a-z])$/;

/** How a name must be written, and where, to be a mention of its entity (the flags of the alias index's trie nodes). */
export interface NameWriting {
  /** One Latin word with a capital (`Meta`), or words alone of an `ambiguous` entity: never all in lowercase, unless `coined`. */
  capitalized: boolean;
  /** A one-word name coined with a capital inside it (`DeepSeek`): in lowercase too, unless part of an identifier (`@huggingface/hub`). */
  coined: boolean;
  /** Capitals alone of an `ambiguous` entity (`SAM`): only in capitals. */
  acronym: boolean;
  /** A lowercase letter before a capital (`xAI`), or a letter and a number of an `ambiguous` entity (`o1`, `4o`): only with these letters. */
  letters?: string;
  /** Words alone (Latin or Hangul), or a letter and a number, of an `ambiguous` entity: only in a paragraph about AI. */
  ambiguous: boolean;
}

/**
 * A one-word name coined with a capital inside it (`DeepSeek`, `OpenAI`, `ChatGPT`, `GitHub`) is
 * no ordinary word in lowercase either: writers type `deepseek`, `chatgpt`. Not those whose
 * lowercase is a word (`PaLM`, `GLaM`, `MiniMax`).
 */
const coinedWord = (name: string): boolean => CAMEL_HUMP.test(name) && !WORDS_IN_LOWERCASE.has(name.toLowerCase());
const CAMEL_HUMP = /[a-z][A-Z]/;
const WORDS_IN_LOWERCASE = new Set(['palm', 'glam', 'minimax']);

/**
 * A name with other senses as a person's first name in a credit (`(Devin Nakamura)`, `(Claude
 * Shannon)`), as changelogs end each entry: a capitalized word, then the bracket that closes it.
 * (Title-case headings keep their names: `Mistral Returns to Apache 2.0`, `Apple Silicon`.)
 */
export function personName(mask: string, stop: number, end: number): boolean {
  return PERSON_AFTER.test(mask.slice(stop, Math.min(end, stop + 32)));
}
const PERSON_AFTER = /^ (?!(?:License|Licence|Team|Project|Model|Models|Series|Family|Paper|Report|Code|Chat|App|Pro|Mini|Max|Ultra|Lite|Preview|Instruct)\b)[A-Z][a-z]+(?:[- ][A-Z][a-z]+)?\)/;

/**
 * {@link NameWriting} of `name`, a name of an entity that is `ambiguous` or not, whose own name
 * is `canonical`. Shared with the grammar (`scripts/build-grammar.ts`).
 */
export function nameWriting(name: string, ambiguousEntity: boolean, canonical = name): NameWriting {
  // Names made of words alone: of an entity with other senses, any such name (`High-Flyer`).
  const words = ambiguousEntity ? LATIN_WORDS.test(name) : ONE_LATIN_WORD.test(name);
  return {
    capitalized: words && HAS_CAPITAL.test(name),
    coined: words && !ambiguousEntity && coinedWord(name),
    acronym: ambiguousEntity && ACRONYM.test(name),
    letters: LOWER_THEN_CAPITAL.test(name) || (ambiguousEntity && SHORT_CODE.test(name)) || splitsCoined(name, canonical) ? lettersOf(name) : undefined,
    ambiguous: ambiguousEntity && (words || HANGUL_WORD.test(name) || SHORT_CODE.test(name)),
  };
}

/**
 * An alias that writes the entity's coined one-word name as words (`Open AI` for `OpenAI`,
 * `Deep Seek` for `DeepSeek`): with its letters as written only, since the words in other case
 * are a phrase (`the open AI ecosystem`), not a misspelt name.
 */
function splitsCoined(name: string, canonical: string): boolean {
  // Cheapest tests first: the index asks this of every alias, cold.
  return name.indexOf(' ') !== -1 && name.length > canonical.length && ONE_LATIN_WORD.test(canonical) && coinedWord(canonical) && sameLettersBut(name, canonical) && SPACED_WORDS.test(name);
}

/** Whether `name` is `canonical` with spaces put in, any case: told char by char (the index asks of every alias). */
function sameLettersBut(name: string, canonical: string): boolean {
  let j = 0;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 0x20) continue;
    if (j >= canonical.length || (c | 0x20) !== (canonical.charCodeAt(j) | 0x20)) return false;
    j++;
  }
  return j === canonical.length;
}
const SPACED_WORDS = /^[A-Za-z]+(?: [A-Za-z]+)+$/;

/** `-`, or the Unicode hyphen and non-breaking hyphen that typeset text uses in its place (`QK‑Clip`). */
export const isHyphen = (code: number): boolean => code === 0x2d || code === 0x2010 || code === 0x2011;

/** What before a coined name in lowercase makes it part of an identifier: a scope or handle (`@`), a path (`/`), a dotfile (`.github`). */
const IDENTIFIER_BEFORE = new Set(['@', '/', '.']);

/**
 * An occurrence of a capitalized one-word name that reads as an ordinary word: all lowercase
 * (`meta`, `cohere`), or a prefix of a hyphenated word (`Meta-analysis`, `Mistral-like`). A
 * `coined` name in lowercase is a name (`deepseek`, `chatgpt`) unless part of an identifier: a
 * package scope or handle (`@huggingface/hub`, `github/azu`, `@reporters/github`), a package or
 * folder name (`huggingface_hub`, `github\_reporter` as Markdown escapes it, `.github`).
 */
export function ordinaryWord(mask: string, start: number, stop: number, end: number, coined: boolean): boolean {
  const surface = mask.slice(start, stop);
  const hyphenWord = stop + 1 < end && isHyphen(mask.charCodeAt(stop)) && /[a-z]/.test(mask[stop + 1]);
  if (surface !== surface.toLowerCase()) return hyphenWord;
  return !coined || hyphenWord || IDENTIFIER_BEFORE.has(mask[start - 1]) || (stop < end && (mask[stop] === '/' || mask[stop] === '_' || mask.startsWith('\\_', stop)));
}

/** An acronym's occurrence with a lowercase letter (`Sam` for `SAM`). */
export function notCapitals(mask: string, start: number, stop: number): boolean {
  const surface = mask.slice(start, stop);
  return surface !== surface.toUpperCase();
}
