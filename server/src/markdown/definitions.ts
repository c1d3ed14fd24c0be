/**
 * Link reference and footnote definitions are document-wide: `[x]: /url` anywhere turns `[x]`
 * everywhere into a link, `[^1]: note` turns `[^1]` into a footnote call. A note parsed in chunks
 * therefore parses each chunk with the definitions it refers to written before it (or after it,
 * for the first chunk, whose first line may open front matter). Only whether a label is defined
 * matters to the prose mask, so the definitions written are stubs: `[label]: #`. Where a link
 * goes matters to site labels (`recognize/linkLabels.ts`), which read destinations by a scan of
 * their own (`definitionLines`).
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

/** A link definition from its `[`: the label, then the destination on the same line or the next (`<url>` or `url`). */
const DEFINITION_AT = /\[((?:[^[\]\\]|\\[\s\S]){1,999})\]:[ \t]*(?:\r?\n[ \t>]*)?(?:<([^<>\n]*)>|([^\s<]\S*))/y;

/** The destination of the link definition whose `[` is at `offset`, or undefined when none is there. */
export function definitionDestination(text: string, offset: number): string | undefined {
  DEFINITION_AT.lastIndex = offset;
  const m = DEFINITION_AT.exec(text);
  return m ? (m[2] ?? m[3]) : undefined;
}

/** A line's container markers, then a definition's label and colon. */
const DEFINITION_LINE = /([ \t>*+\-\d.)]*)\[((?:[^[\]\\]|\\[\s\S]){1,999})\]:/y;

/**
 * Lines of `text[from, to)` (`from` a line start) that open with `[label]:` (not `[^note]:`): the key and the
 * destination of each, in order. A superset of the parse's link definitions, as `guessDefinitions`:
 * a definition-like line in fenced code or inside a paragraph counts too. Reads only lines with `]:`.
 */
export function* definitionLines(text: string, from = 0, to = text.length): Generator<{ key: string; destination: string | undefined }> {
  for (let at = text.indexOf(']:', from); at !== -1 && at < to; at = text.indexOf(']:', at + 2)) {
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    DEFINITION_LINE.lastIndex = lineStart;
    const m = DEFINITION_LINE.exec(text);
    if (m && DEFINITION_LINE.lastIndex === at + 2 && !m[2].startsWith('^')) yield { key: linkKey(m[2]), destination: definitionDestination(text, lineStart + m[1].length) };
  }
}

/** The destination of each label's link definition as the scan finds it, by key: the first line of `definitionLines` with the key. */
export function findDefinitions(text: string): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const line of definitionLines(text)) if (!out.has(line.key)) out.set(line.key, line.destination);
  return out;
}

/**
 * `definitionLines` of `text[from, to)` as one string: where it is the same in two versions of a
 * note whose edit lies in that span, `findDefinitions` reads the same destination for every label.
 */
export function definitionLinesIn(text: string, from: number, to: number): string {
  let out = '';
  for (const line of definitionLines(text, from, to)) out += `${line.key}\u0000${line.destination ?? ''}\n`;
  return out;
}
