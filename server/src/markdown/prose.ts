import type { Nodes, Parent, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/**
 * The prose of a note, as a mask: a string as long as the note in which every character
 * that is not prose (code, HTML, URLs, link destinations, front matter, Markdown syntax)
 * is `\0`. Newlines stay, so offsets, lines and sentence ends are those of the note.
 * Recognizers scan the mask and never see code or URLs.
 */
export const MASK = '\u0000';

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);

export function parseMarkdown(text: string): Root {
  return parser.parse(text);
}

/** Node types whose text is never prose. */
const NOT_PROSE = new Set(['code', 'inlineCode', 'html', 'yaml', 'toml', 'definition', 'image', 'imageReference']);

/** The [start, end) offsets of the prose text nodes under `tree`, in document order. */
export function proseRanges(tree: Root, base = 0): [number, number][] {
  const ranges: [number, number][] = [];
  const visit = (node: Nodes): void => {
    if (NOT_PROSE.has(node.type)) return;
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

/** Builds the prose mask of `text` from the prose ranges of its syntax tree. */
export function proseMask(text: string, ranges: readonly [number, number][]): string {
  const out: string[] = [];
  let pos = 0;
  for (const [start, end] of ranges) {
    if (start > pos) out.push(blank(text, pos, start));
    out.push(text.slice(start, end));
    pos = end;
  }
  if (pos < text.length) out.push(blank(text, pos, text.length));
  return out.join('');
}

/** `text[start, end)` with every character but line breaks replaced by the mask. */
function blank(text: string, start: number, end: number): string {
  let s = '';
  let from = start;
  for (let i = text.indexOf('\n', start); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    s += MASK.repeat(i - from) + '\n';
    from = i + 1;
  }
  return s + MASK.repeat(end - from);
}

/** The prose mask of a whole note. */
export function maskNote(text: string): string {
  return proseMask(text, proseRanges(parseMarkdown(text)));
}
