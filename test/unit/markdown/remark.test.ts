import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { fromMarkdown } from 'mdast-util-from-markdown';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseMarkdown, withoutAutolinkConstructs } from '../../../server/src/markdown/remark';
import { note, SEED } from '../../support/randomNotes';

/** remark itself, with the plugins the server uses. */
const remark = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();
const gfmSyntax = remark.data('micromarkExtensions') as Parameters<typeof withoutAutolinkConstructs>[0][];
/** A note with each address taken out, so that no literal autolink can be in it. */
const ADDRESS = /@|https?:\/\/|www\./gi;

describe('markdown/remark', () => {
  it('parses a note as remark does, with literal autolinks where an address is', () => {
    const text = 'See www.example.com, https://x.y/z and a@b.co.\n\n~~old~~ [^1] and\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n\n[^1]: note\n';
    assert.deepEqual(parseMarkdown(text), remark.parse(text));
    const paragraph = parseMarkdown(text).children[0];
    assert.ok(paragraph.type === 'paragraph');
    const links = paragraph.children.flatMap((n) => (n.type === 'link' ? [n.url] : []));
    assert.deepEqual(links, ['http://www.example.com', 'https://x.y/z', 'mailto:a@b.co']);
  });

  it('leaves out only the syntax of literal autolinks when it drops them', () => {
    type Mdast = NonNullable<NonNullable<Parameters<typeof fromMarkdown>[1]>['mdastExtensions']>;
    // The tree side without its transform, so that only the syntax makes a literal autolink.
    const mdastExtensions = (remark.data('fromMarkdownExtensions') as Mdast).flat(Infinity).map((e) => ({ ...(e as object), transforms: [] })) as Mdast;
    const stripped = { extensions: gfmSyntax.map(withoutAutolinkConstructs), mdastExtensions };
    const full = { extensions: gfmSyntax, mdastExtensions };
    const types = (text: string, options: typeof full): string[] => {
      const out: string[] = [];
      const visit = (n: { type: string; children?: unknown[] }): void => {
        out.push(n.type);
        for (const c of (n.children ?? []) as (typeof n)[]) visit(c);
      };
      visit(fromMarkdown(text, options));
      return out;
    };
    const gfm = '~~old~~ x[^1]\n\n| a |\n|---|\n| 1 |\n\n- [x] done\n\n[^1]: n\n';
    assert.deepEqual(types(gfm, stripped), types(gfm, full));
    assert.ok(types(gfm, full).includes('delete') && types(gfm, full).includes('footnoteReference') && types(gfm, full).includes('table'));
    assert.deepEqual(types('www.example.com', stripped), ['root', 'paragraph', 'text']);
    assert.deepEqual(types('www.example.com', full), ['root', 'paragraph', 'link', 'text']);
  });

  it('parses each GFM construct as remark does, in a piece that holds only the characters it needs', () => {
    // A piece is parsed without the syntax it cannot hold: each case holds just what its construct needs.
    const cases = ['| a |\n| - |\n| 1 |', 'a ~~b~~ c', 'a ~b~', 'x[^1]\n\n[^1]: n', '[^1]: n', '- [ ] task\n- [x] done', '* [X] done', 'www.example.com', 'a@b.co'];
    const types = (node: { type: string; children?: unknown[] }): string[] => [node.type, ...((node.children ?? []) as (typeof node)[]).flatMap(types)];
    for (const text of cases) {
      assert.deepEqual(parseMarkdown(text), remark.parse(text), text);
      assert.ok(types(parseMarkdown(text)).some((t) => /table|delete|footnote|link/.test(t)) || /\[[ xX]\]/.test(text), text);
    }
    assert.deepEqual(
      cases.slice(5, 7).map((text) => (parseMarkdown(text).children[0] as { children: { checked?: boolean | null }[] }).children.map((item) => item.checked)),
      [[false, true], [true]],
    );
  });

  it(`parses random notes with no address as remark does (seed ${SEED})`, () => {
    fc.assert(
      fc.property(note, (raw) => {
        const text = raw.replace(ADDRESS, 'x');
        assert.deepEqual(parseMarkdown(text), remark.parse(text), JSON.stringify(text));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it(`parses random notes with addresses in text, links and code as remark does (seed ${SEED})`, () => {
    const address = fc.constantFrom('https://x.y/a', 'www.ex.com', 'a@b.co', '[l](https://x.y)', '<https://x.y>', 'HTTP://X.Y/*b*', '`https://c.d`', '[w]: https://w.x', '](https://z.y');
    const text = fc.tuple(note, fc.array(fc.tuple(address, fc.nat()), { minLength: 1, maxLength: 5 })).map(([raw, inserts]) => {
      let t = raw;
      for (const [a, k] of inserts) {
        const at = k % (t.length + 1);
        t = `${t.slice(0, at)} ${a} ${t.slice(at)}`;
      }
      return t;
    });
    fc.assert(
      fc.property(text, (t) => assert.deepEqual(parseMarkdown(t), remark.parse(t), JSON.stringify(t))),
      { seed: SEED, numRuns: 300 },
    );
  });
});
