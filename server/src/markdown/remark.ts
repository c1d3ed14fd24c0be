import type { Nodes, Parent, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();

/** The mdast tree of `text`: CommonMark with GFM and YAML/TOML front matter. */
export function parseMarkdown(text: string): Root {
  return parser.parse(text);
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
