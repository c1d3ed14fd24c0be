import type { Nodes, Parent, Root } from 'mdast';
import { fromMarkdown, type Options as FromMarkdownOptions } from 'mdast-util-from-markdown';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();
/**
 * The extensions the plugins above register, handed to `fromMarkdown` as remark-parse does. Called
 * directly, it skips the processor's per-call file object: a fifth of the cost of parsing a
 * paragraph, which the keystroke path pays for every piece it parses again.
 */
const fromMarkdownOptions: FromMarkdownOptions = {
  extensions: (processor.data('micromarkExtensions') ?? []) as FromMarkdownOptions['extensions'],
  mdastExtensions: (processor.data('fromMarkdownExtensions') ?? []) as FromMarkdownOptions['mdastExtensions'],
};
const LITERAL_AUTOLINK = /@|https?:\/\/|www\./i;
/**
 * The tree side without GFM's literal-autolink transform, which is run afterwards only when a
 * text node holds an address: most pieces with one have it in a link's destination, and the
 * transform's search of every text node was a tenth of a clipped page's analysis.
 */
const mdastExtensions = (fromMarkdownOptions.mdastExtensions ?? []).flat(Infinity).map((e) => {
  const { transforms: _, ...rest } = e as Exclude<typeof e, unknown[]>;
  return rest;
}) as FromMarkdownOptions['mdastExtensions'];
type Transform = (tree: Root) => Root | undefined | void;
const TRANSFORMS: Transform[] = (fromMarkdownOptions.mdastExtensions ?? []).flat(Infinity).flatMap((e) => ((e as { transforms?: Transform[] }).transforms ?? []));

type SyntaxExtension = NonNullable<FromMarkdownOptions['extensions']>[number];
type Construct = { name?: string; previous?: unknown };

/**
 * GFM's syntax by what a piece must hold for it to occur at all. micromark merges every
 * construct's hooks into the parser for each call and tries them at each character they hook:
 * for a paragraph that is a tenth to a fifth of its parse, so a piece is parsed without the
 * syntax it cannot hold. Literal autolinks need `@`, `http://`, `https://` or `www.` (they are the only
 * constructs that guard on the character before them); a table needs a `|`; strikethrough a `~`;
 * a footnote call or definition `[` and `^` (a label is trimmed: `[ ^1]` calls `[^1]`); a task
 * item's check `[`. Other constructs are always kept.
 */
const AUTOLINK = 1;
const TABLE = 2;
const STRIKETHROUGH = 4;
const FOOTNOTE = 8;
const TASK = 16;

/** The features of `construct` (see above); 0 for those always kept. */
function featureOf(construct: Construct): number {
  if ('previous' in construct) return AUTOLINK;
  const name = construct.name ?? '';
  if (name === 'table') return TABLE;
  if (name === 'strikethrough') return STRIKETHROUGH;
  if (name === 'tasklistCheck') return TASK;
  return name.startsWith('gfmFootnote') || name.startsWith('gfmPotentialFootnote') ? FOOTNOTE : 0;
}

/** The features `source` may hold. */
function featuresOf(source: string): number {
  let features = LITERAL_AUTOLINK.test(source) ? AUTOLINK : 0;
  if (source.includes('|')) features |= TABLE;
  if (source.includes('~')) features |= STRIKETHROUGH;
  if (source.includes('[')) features |= source.includes('^') ? TASK | FOOTNOTE : TASK;
  return features;
}

/**
 * `extension` with only the constructs `keep` accepts: a hook left with no construct is dropped,
 * and what is not a table of constructs by character is kept as it is.
 */
export function keepConstructs(extension: SyntaxExtension, keep: (construct: Construct) => boolean): SyntaxExtension {
  const out: Record<string, unknown> = {};
  for (const [hook, byCode] of Object.entries(extension)) {
    if (!byCode || typeof byCode !== 'object' || Array.isArray(byCode)) {
      out[hook] = byCode;
      continue;
    }
    const kept: Record<string, unknown[]> = {};
    for (const [code, value] of Object.entries(byCode as Record<string, unknown>)) {
      const list = (Array.isArray(value) ? value : [value]).filter((c) => !(c && typeof c === 'object') || keep(c as Construct));
      if (list.length > 0) kept[code] = list;
    }
    out[hook] = kept;
  }
  return out as SyntaxExtension;
}

/** `extension` without the constructs of literal autolinks. */
export const withoutAutolinkConstructs = (extension: SyntaxExtension): SyntaxExtension => keepConstructs(extension, (c) => featureOf(c) !== AUTOLINK);

/** The parser's options for pieces with `features`, made once for each set. */
const optionsByFeatures = new Map<number, FromMarkdownOptions>();
function optionsFor(features: number): FromMarkdownOptions {
  let options = optionsByFeatures.get(features);
  if (!options) {
    const keep = (c: Construct): boolean => (featureOf(c) & ~features) === 0;
    options = { extensions: (fromMarkdownOptions.extensions ?? []).map((e) => keepConstructs(e, keep)), mdastExtensions };
    optionsByFeatures.set(features, options);
  }
  return options;
}

/** Block quotes nested deeper than this are read as text: thousands of `>` overflow the parser's stack. */
const MAX_QUOTE_DEPTH = 64;
const TOO_DEEP = new RegExp(`(?:>[ \\t]*){${MAX_QUOTE_DEPTH + 1}}`);
const DEEP_LINE = new RegExp(`^((?:[ \\t]*>){${MAX_QUOTE_DEPTH}})([ \\t>]*)`, 'gm');
/** Lists nested deeper than this (markers on one line, or indentation) are read as text, as for block quotes. */
const MAX_LIST_DEPTH = 64;
const MARKER = String.raw`(?:[-*+]|\d{1,9}[.)])`;
const TOO_DEEP_LIST = new RegExp(String.raw`(?:${MARKER}[ \t]+){${MAX_LIST_DEPTH + 1}}|^[ \t]{${2 * MAX_LIST_DEPTH + 1},}${MARKER}[ \t]`, 'm');
/** `- - - … item`: the markers past the limit on one line. */
const DEEP_MARKERS = new RegExp(String.raw`^([ \t]*(?:${MARKER}[ \t]+){${MAX_LIST_DEPTH}})((?:${MARKER}[ \t]+)+)`, 'gm');
/** A marker indented past the limit (a staircase of nested items). */
const DEEP_INDENTED = new RegExp(String.raw`^([ \t]{${2 * MAX_LIST_DEPTH + 1},})(${MARKER})(?=[ \t])`, 'gm');

/** `text` with what is nested past the limits turned into plain text of the same length. */
function flattened(text: string): string {
  let out = text;
  // Each `>` past the limit becomes a no-break space, which opens no block.
  if (TOO_DEEP.test(out)) out = out.replace(DEEP_LINE, (_, kept: string, rest: string) => kept + rest.replace(/>/g, '\u00a0'));
  if (TOO_DEEP_LIST.test(out)) {
    const blank = (s: string): string => s.replace(/[^ \t]/g, '\u00a0');
    out = out.replace(DEEP_MARKERS, (_, kept: string, rest: string) => kept + blank(rest)).replace(DEEP_INDENTED, (_, indent: string, marker: string) => indent + blank(marker));
  }
  return out;
}

/**
 * The mdast tree of `text`: CommonMark with GFM and YAML/TOML front matter. Never throws: what
 * is nested past a depth limit is text, and a note the parser still cannot take is one paragraph
 * (offsets are kept, so positions hold either way).
 */
export function parseMarkdown(text: string): Root {
  return parse(text, featuresOf);
}

/**
 * The blocks of `text`, for where one ends (`features/comparisonTable.ts` puts a table after the
 * block holding the cursor): `parseMarkdown` without GFM's tables and inline syntax (footnote
 * definitions, which hold blocks, are kept). A table's rows end where the paragraph they would
 * make ends, at a blank line or a line that opens another block (so a paragraph right above a
 * table, indented lines right under it and a `---` underline are read with it), and on a big
 * table the table syntax is most of the parse (a 256 KB table: 1.2 s with it, 0.15 s without).
 * Inline content and tables come out as paragraphs.
 */
export function parseBlocks(text: string): Root {
  return parse(text, (source) => featuresOf(source) & FOOTNOTE);
}

/** The tree of `text` with the GFM syntax `features` allows for it: see `parseMarkdown`. */
function parse(text: string, features: (source: string) => number): Root {
  // micromark skips a leading byte-order mark, so its offsets would be one short of the note's.
  if (text.startsWith(BOM)) return shifted(parse(text.slice(1), features), 1);
  // Same length, so offsets hold.
  const source = flattened(text);
  try {
    const kept = features(source);
    let tree = fromMarkdown(source, optionsFor(kept));
    // As `fromMarkdown` would, in order: they change only text that holds an address.
    if (kept & AUTOLINK && addressInText(tree)) for (const transform of TRANSFORMS) tree = transform(tree) || tree;
    return tree;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return asOneParagraph(text);
  }
}

const BOM = '\ufeff';

/**
 * Whether a text node of `tree` outside links holds `@`, `http://`, `https://` or `www.`: what
 * every pattern of GFM's literal-autolink transform needs (it skips links too).
 */
function addressInText(node: Nodes): boolean {
  if (node.type === 'text') return LITERAL_AUTOLINK.test(node.value);
  if (node.type === 'link' || node.type === 'linkReference') return false;
  const children = (node as Parent).children as Nodes[] | undefined;
  if (children) for (const child of children) if (addressInText(child)) return true;
  return false;
}

/** `tree` with every position moved `by` characters along its first line. */
function shifted(tree: Root, by: number): Root {
  const move = (p: { line: number; column: number; offset?: number }): void => {
    if (p.offset !== undefined) p.offset += by;
    if (p.line === 1) p.column += by;
  };
  const visit = (node: Nodes): void => {
    if (node.position) {
      move(node.position.start);
      move(node.position.end);
    }
    for (const child of ((node as Parent).children ?? []) as Nodes[]) visit(child);
  };
  visit(tree);
  return tree;
}

function asOneParagraph(text: string): Root {
  const start = { line: 1, column: 1, offset: 0 };
  const lines = text.split('\n');
  const end = { line: lines.length, column: lines[lines.length - 1].length + 1, offset: text.length };
  const position = { start, end };
  return { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: text, position }], position }], position };
}

/** Node types whose text is never prose. */
const NOT_PROSE = new Set(['code', 'inlineCode', 'html', 'yaml', 'toml', 'definition', 'image', 'imageReference']);

/**
 * The [start, end) offsets of the prose text nodes under `tree`, plus `base`, in document order.
 * `onDefinition` sees every link and footnote definition on the way.
 */
export function proseRanges(
  tree: Root,
  base = 0,
  onDefinition?: (node: Extract<Nodes, { type: 'definition' | 'footnoteDefinition' }>) => void,
): [number, number][] {
  const ranges: [number, number][] = [];
  const visit = (node: Nodes): void => {
    if (onDefinition && (node.type === 'definition' || node.type === 'footnoteDefinition')) onDefinition(node);
    if (NOT_PROSE.has(node.type)) return;
    // A link labelled with its site's name (`[GitHub](https://github.com/…)`) is prose here: whether
    // it mentions an entity is recognition's to say (`recognize/linkLabels.ts`).
    if (node.type === 'link' && isAutolink(node)) return;
    if (node.type === 'text') {
      const pos = node.position;
      if (pos?.start.offset !== undefined && pos.end.offset !== undefined) {
        ranges.push([base + pos.start.offset, base + pos.end.offset]);
      }
      return;
    }
    const children = (node as Parent).children as Nodes[] | undefined;
    if (children) for (const child of children) visit(child);
  };
  visit(tree);
  return ranges;
}

/** A bare URL or `<https://…>`: the visible text is the destination itself. */
function isAutolink(node: Extract<Nodes, { type: 'link' }>): boolean {
  if (node.children.length !== 1 || node.children[0].type !== 'text') return false;
  const text = node.children[0].value;
  const url = node.url;
  return url === text || url === `mailto:${text}` || url === `http://${text}` || url === `https://${text}`;
}
