/**
 * Link reference and footnote definitions are document-wide: `[x]: /url` anywhere turns `[x]`
 * everywhere into a link, `[^1]: note` turns `[^1]` into a footnote call. A note parsed in chunks
 * therefore parses each chunk with the definitions it refers to written before it (or after it,
 * for the first chunk, whose first line may open front matter). Only whether a label is defined
 * matters to the prose mask, so the definitions written are stubs: `[label]: #`.
 */

/** One definition of the note: `key` is its kind and normalized label, as references match it. */
export interface Definition {
  readonly offset: number;
  readonly key: string;
  /** The label as written in the note (without brackets and `^`). */
  readonly label: string;
}

/** Label and kind by key. */
export type DefinitionTable = ReadonlyMap<string, { label: string; footnote: boolean }>;

/** micromark's `normalizeIdentifier`: collapsed whitespace, trimmed, case-folded. */
export function normalizeLabel(label: string): string {
  return label
    .replace(/[\t\n\r ]+/g, ' ')
    .replace(/^ | $/g, '')
    .toLowerCase()
    .toUpperCase();
}

export const linkKey = (label: string): string => `link:${normalizeLabel(label)}`;
export const footnoteKey = (label: string): string => `footnote:${normalizeLabel(label)}`;

/** Lines that may hold a definition, behind block quote and list markers. */
const DEFINITION_LIKE = /(?:^|\n)[ \t>*+\-\d.)]*\[((?:[^[\]\\]|\\[\s\S]){1,999})\]:/g;

/**
 * Definitions a cheap scan guesses: a superset in ordinary notes, checked against the parse
 * afterwards (a chunk whose guess was wrong is parsed again).
 */
export function guessDefinitions(text: string): DefinitionTable {
  const table = new Map<string, { label: string; footnote: boolean }>();
  if (!text.includes(']:')) return table;
  DEFINITION_LIKE.lastIndex = 0;
  for (let m = DEFINITION_LIKE.exec(text); m; m = DEFINITION_LIKE.exec(text)) {
    const label = m[1];
    if (label.startsWith('^') && label.length > 1) table.set(footnoteKey(label.slice(1)), { label: label.slice(1), footnote: true });
    table.set(linkKey(label), { label, footnote: false });
  }
  return table;
}

/** Bracketed text that may be a reference label: `[x]`, `[^1]`, the `[ref]` of `[text][ref]`. */
const BRACKETED = /\[((?:[^[\]\\]|\\[\s\S]){0,999})\]/g;

/** Keys of the definitions `text[start, end)` could refer to, limited to those in `table`. */
export function referencedKeys(text: string, start: number, end: number, table: DefinitionTable): Set<string> {
  const keys = new Set<string>();
  if (table.size === 0) return keys;
  const slice = text.slice(start, end);
  if (!slice.includes('[')) return keys;
  BRACKETED.lastIndex = 0;
  for (let m = BRACKETED.exec(slice); m; m = BRACKETED.exec(slice)) {
    const inner = m[1];
    const link = linkKey(inner);
    if (table.has(link)) keys.add(link);
    if (inner.startsWith('^')) {
      const note = footnoteKey(inner.slice(1));
      if (table.has(note)) keys.add(note);
    }
    // `[a][b]`: the second bracket may start right where this one ended.
    BRACKETED.lastIndex = m.index + m[0].length;
  }
  return keys;
}

/** Stub definitions of `keys`, each a block of its own. */
export function definitionStubs(keys: Iterable<string>, table: DefinitionTable): string {
  let out = '';
  for (const key of [...keys].sort()) {
    const def = table.get(key);
    if (!def) continue;
    out += def.footnote ? `[^${def.label}]: x\n\n` : `[${def.label}]: #\n\n`;
  }
  return out;
}
