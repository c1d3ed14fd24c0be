/**
 * The one folding rule for names: what the knowledge base uses to detect duplicate aliases and
 * what the recognizer uses to match prose. Full-width forms fold (NFKC), case folds, and any run
 * of hyphens, underscores and white space is one space (`DeepSeek-V3.1` = `deepseek v3.1`); a
 * change of script is a space too (`큐원3` = `큐원 3`, `AI연구원` = `AI 연구원`), and so is a
 * letter before a digit (`Gemma3` = `Gemma 3`, `Qwen 2.5` = `Qwen2.5`).
 */

export const SEP = ' ';
const ASCII = /^[\x20-\x7e]*$/;
const foldCache = new Map<string, string>();
/** Folded names, kept: the knowledge base and the alias index fold the same few thousand names. */
const nameCache = new Map<string, string>();

/** The folded form of one UTF-16 unit: lowercase, NFKC, separators as `' '`. */
export function foldChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x80) {
    if (code >= 65 && code <= 90) return String.fromCharCode(code + 32);
    if (c === '-' || c === '_' || c === ' ' || c === '\t' || c === '\n' || c === '\r') return SEP;
    return c;
  }
  // Hangul syllables are their own folding: most of a Korean note, so no cache lookup.
  if (code >= 0xac00 && code <= 0xd7a3) return c;
  let f = foldCache.get(c);
  if (f === undefined) {
    f = c.normalize('NFKC').toLowerCase();
    if (/^[\s\u2010\u2011\u00a0\u3000]+$/u.test(f) || f === '-' || f === '_') f = SEP;
    foldCache.set(c, f);
  }
  return f;
}

/**
 * Folds a whole name: what the trie stores and what duplicate aliases are told by. Names are
 * remembered (the knowledge base and the alias index fold the same ones); the memory is bounded,
 * as text from notes is folded too.
 */
export function foldName(name: string): string {
  let out = nameCache.get(name);
  if (out === undefined) {
    out = fold(name);
    if (nameCache.size >= NAME_CACHE_LIMIT) nameCache.clear();
    nameCache.set(name, out);
  }
  return out;
}

const NAME_CACHE_LIMIT = 50_000;

/**
 * Names whose folded forms are known already (the bundled snapshot carries them, folded when it
 * was written): remembered as if `foldName` had folded them, so start-up folds none of them again.
 * `folded` holds each entity's name folded, then each of its aliases, entity after entity; the
 * caller vouches that they are what `foldName` gives (see `FOLD_PROBE`). One tight loop: it runs
 * once, cold, over thousands of names.
 */
export function rememberFolded(entities: readonly { name: string; aliases: readonly string[] }[], folded: readonly string[]): void {
  if (nameCache.size + folded.length > NAME_CACHE_LIMIT) nameCache.clear();
  let k = 0;
  for (let i = 0; i < entities.length; i++) {
    const e = entities[i];
    nameCache.set(e.name, folded[k++]);
    const aliases = e.aliases;
    for (let j = 0; j < aliases.length; j++) nameCache.set(aliases[j], folded[k++]);
  }
}

/** Forgets every remembered fold: what folds a snapshot's names anew must not read them from an older snapshot. */
export function forgetFolded(): void {
  nameCache.clear();
}

/**
 * Names that take the paths of the folding a start-up can afford (no NFKC: Node's normalizer costs
 * milliseconds to wake): a snapshot records their folded forms, and its folded names are used only
 * while `foldName` still folds these the same way. `kb:check` compares the whole snapshot besides.
 */
export const FOLD_PROBE = ['DeepSeek-V3.1 Qwen 2.5', ' High_Flyer\tGemma3 ', 'LG AI연구원 큐원3 -  V3.1'];

function fold(name: string): string {
  // Most names are printable ASCII: the same folding, done natively.
  if (ASCII.test(name)) return name.toLowerCase().replace(/([a-z])(?=[0-9])/g, '$1 ').replace(/[-_\s]+/g, SEP).trim();
  let out = '';
  for (const c of name) {
    const f = foldChar(c);
    if (f === SEP) {
      if (out.length > 0 && !out.endsWith(SEP)) out += SEP;
    } else {
      if (out.length > 0 && !out.endsWith(SEP) && scriptChange(out[out.length - 1], f[0])) out += SEP;
      out += f;
    }
  }
  return out.endsWith(SEP) ? out.slice(0, -1) : out;
}

/** The knowledge base's name for `foldName`. */
export const normalizeName = foldName;

/** The first UTF-16 unit's code (NaN for none): the character tests below run on every character of a note's scan. */
const codeOf = (c: string | undefined): number => (c === undefined ? NaN : c.charCodeAt(0));

export const isHangul = (c: string | undefined): boolean => {
  const code = codeOf(c);
  return code >= 0xac00 && code <= 0xd7a3;
};

export const isLatinAlnum = (c: string | undefined): boolean => isAsciiAlnumCode(codeOf(c));

/** An ASCII letter or digit, by its code. */
export const isAsciiAlnumCode = (code: number): boolean => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/**
 * Where people write a name with or without a space: Hangul next to a Latin letter or digit
 * (`큐원3`, `큐원 3`; `AI연구원`, `AI 연구원`), and a Latin letter before a digit (`Gemma3`, `Gemma 3`).
 */
export function scriptChange(a: string | undefined, b: string | undefined): boolean {
  return (isHangul(a) && isLatinAlnum(b)) || (isLatinAlnum(a) && isHangul(b)) || (isLatinLetter(a) && isDigit(b));
}

const isLatinLetter = (c: string | undefined): boolean => {
  const code = codeOf(c);
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
};
const isDigit = (c: string | undefined): boolean => {
  const code = codeOf(c);
  return code >= 48 && code <= 57;
};
