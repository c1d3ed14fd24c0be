/**
 * fast-check arbitraries for research notes: Korean and English prose with names and sizes from
 * the bundled knowledge base, every inline construct that masks text, and the block constructs
 * that make chunked parsing hard (fences with blank lines, HTML blocks, lists with continuations,
 * tables, front matter, reference and footnote definitions, CRLF).
 */
import * as fc from 'fast-check';

/** The seed of every property test: fixed, overridable with RN_SEED to explore. */
export const SEED = Number(process.env.RN_SEED ?? 20260701);

const words = [
  'the', 'model', 'has', 'parameters', 'params', 'weights', 'released', 'open', 'about', 'over', 'up to', 'and', 'to',
  '모델은', '매개변수', '파라미터', '규모의', '발표했다', '국내', '최대', '약', '이하', '이상', '활성', '개', '의',
  'SKT는', 'SK텔레콤은', '딥시크(DeepSeek) V3.1', 'DeepSeek-V3.1', 'DeepSeek V3', 'deepseek', 'Llama 3.1 405B', 'GPT-4',
  'GPT-4.5', 'LG AI연구원', '서울대,', 'KAIST', '네이버', 'HyperCLOVA X', 'EXAONE', 'Qwen3-235B-A22B', 'SKTelecom',
  '685B', '671B', '5000억', '6850억', '6,850억', '1조 2000억', '37B active', '500B', '100B', '7B–70B', '0.685T', '405 billion',
  '1.8T', '46.7B', '$5B', '128K tokens', '8x7B', '2025년', 'Phi-3', 'Gemini 1.5', 'Small', 'Pro', 'Qwen3', '30B-A3B',
  'DeepSeek V3/R1', 'GPT-4/4o', 'Ko-Llama', 'Meta-Llama', 'Falcon', 'Trinity', 'Arcee Trinity', '딥시크 (DeepSeek) V3.1', 'Tencent (Hunyuan)\n',
];
const punctuation = ['.', ',', '!', '?', ':', ';', ' (', ')', '“', '”', '‘', '’', '·', '%', ' - ', ' ~ ', '…', '#', '/'];
const inline = [
  '**굵게**', '*em*', '_u_', '`code 685B`', '``a`b``', '[DeepSeek V3.1](https://deepseek.com)', '<https://a.b/c>', 'https://example.com/x',
  'www.example.com', 'a@b.co', '[ref]', '[Ref][]', '[text][ref]', '[^1]', '[^note]', '&amp;', '&#49;', '\\*', '<span>SKT</span>',
  '~~del~~', '~x~', '|', '![alt](i.png)', '[x]', ' \\\n', '  \n', '\t', '\u00a0', '\u2028',
  '[[Qwen3]]', '[[ref]]', '![[a.png]]', '[w](https://huggingface.co/a/b)', 'https://hf.co/x',
];

/** Inline constructs in the plain forms the fast path reads. */
const plainInline = [
  '[[딥시크]]', '[[Llama 4]] 노트', '[1]', '[REMOVED]', '[ref]', '[Ref]', '![ref]', '[text] more', '[x]: y', 'a [ref]:F16', '[ggml/Q8_0-GGUF]:Q8_0', '[a_ b]', '[_a_]', '~685B', '약 ~120GB', '~~x~~', 'a ~ b', '~a~', '(~250-300GB)', '~~~', '[see https://a.b/c now](u)', '[www.a.com](u)', '[https://a.b](https://a.b)', '**[t, x](u)**', '_[a](u)_', '*[a](u) b*', '[t][ref]', '[t][]', '[ref][]', '[t][nope]', '[ref][nope]', '![](i.png)', '[](u)', '![t][ref]', '[ref] (u)', '**굵게**', '**SKT**는', '*em*', '“**인용**”', '(*DeepSeek*)', '**bold**.', '**two words**', '*a*b', '**a**b', '`code`', '`685B`',
  '[DeepSeek](https://deepseek.com)', '[x.y](http://x.y)', '[DeepSeek](DeepSeek)', '[a]()', '![alt](i.png)', '![SKT](x)', '[^1]',
  '[^note]', '[^nope]', 'snake_case', '가_나', '#tag', '!', '🙂', '(685B)', '->', '5+3=8', "'quoted'", '"q"', '{x}', '$5B',
  '_u_', '_오픈소스_', '__strong__', '(_em_)', '_a_b', '<span class="hl">SKT</span>', '<span class=hl>685B</span>', "<b title='x y'>b</b>",
  '<br>', '<br/>', '<br />', '</span>', '<span>', 'a <i>x</i>',
  '&amp;', '&nbsp;', '&#49;', '&#x41;', '&foo;', 'AT&T', '&', '\\*', '\\[x]', '\\`', 'a\\b', '\\_x_', '\\<span>', 'x]', '[a]]', '\\\\',
  'b*', '8*220B?', 'x** y', '*a* b*', 'a* *b*', 'x_ _y_', '__a__ b__', '@user', '(@cohere)', '@독일', '@', '[a|b](u)', '[Qwen-1.8B|7B](https://x.y/q)',
  '(https://x.y/a)', '(https://x.y/a).', '(see https://x.y)', '(https://x.y/a/),',
  '[we_benchmarked_it](https://x.y/we_b)', '[0Uu_VJe](u)',
  '[LLaMA](https://en.wikipedia.org/wiki/Llama_(language_model))', '[a](u(v)w)', '[`c`](x_(y))', '[**b**](p(q))', '[a](u(v)', '[a](u((v)))', '[a](u((v))', '[a](u(v)(w))', '[a](u(v w))', '[b](c\n)', '[b](c\n  ) y', '**[a](u) [b](c**\n) .',
  'o**f 128K tokens**', 'a*b*c', 'x**y**', '**cache `k_t` and `v_t`**', '*a `*` b*', '**a `b**` c**', '_a `_` b_', 'x*y `z`*',
  'end\\\n', 'ICML\'19\\\nnext', 'x\\\\\n', '**b**\\\n',
  '[**HF model hub**](u)', '([**Link**](https://x.y/l))', '[*a b*](u)', '[__x__](u)', '[_y:_](u)', '[`beyond-vibes`](https://x.y/b)', '**[Apps in ChatGPT] 앱**', '*[a] [b][ref]*',
];
/** Near misses of them, which the fast path must leave to remark. */
const nearMisses = ['(https://x.y)', 'https://x.com?q=1', 'http://a_b.com', 'https://x.y/a_b', 'https://x.y/(a)', 'xhttps://a.b', 'https://x', 'www.x', '[https://x.y](https://x.y)', 'a*b*', '* a*', '**', '`a<b`', '[a b](c d)', '[^1](x)', '[^1]:', '![^1]', '_x', 'x_', ' ~ ', '*a**', '***a***',
  '<span', '<span cl', '<div>', '<div class="x">', '<p>', '<a href="x', '<3', 'a<b', '<!-- c -->', '<?x?>', '</div>', '_a__', '__a_', '*a_', '_*a*_', '___a___', '<span\nclass="x">', '<x y=">',
  'x\\', '][', 'a][b](c)', '\\**a**', '&amp;*a*', '\\\n',
  '(https://x.y/a)b', 'https://x.y/a)b', '"https://x.y"', '(https://x.y/a_b)', 'a.@b.c', 'x_@y.z', 'a@', 'a@b', '[a|b]', '| [a|b](u) |', '*x*y*', '[_a](u)', '[a_](u)', '[a _b_](u)', '[a__b](u)', '[https://a.b/c],', '[see www.a.com]', '[https://a.b][ref]', '[[https://a.b]]',
  '[** a**](u)', '[**a **](u)', '[`a`b](u)', '[**a*](u)', '![**a**](u)', '[**a**](u c)', '**[^1] x**', '*[[p]] x*', '**[a](u) [b](c**', '[`a|b`](u)',
  '< 5', '<=', '<<', '<https://a.b/c d>', '<x:y z>', '<a@b.co>', '<1@b.co>', '</ x>', '</x', '<ab-c:d>', '<a.b>', '<a;', '<https://x.y/a-- b -->c>', '<a\nb>', '<a', '<A:b>'];

const word = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...words) },
  { weight: 2, arbitrary: fc.constantFrom(...punctuation) },
  { weight: 1, arbitrary: fc.constantFrom(...inline) },
  { weight: 2, arbitrary: fc.constantFrom(...plainInline, ...nearMisses) },
);

/** Words of prose for the fast path: no characters that make it hand a block to remark. */
const plainWord = fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom(...words) },
  { weight: 10, arbitrary: fc.constantFrom(...punctuation.filter((p) => !p.includes('~'))) },
  { weight: 15, arbitrary: fc.constantFrom(...plainInline) },
  { weight: 1, arbitrary: fc.constantFrom(...nearMisses) },
);

/** Notes whose prose is made of `word`s; `noise` weighs the blocks the fast path never reads. */
function notes(word: fc.Arbitrary<string>, noise: number) {
  const prose = fc.array(word, { minLength: 1, maxLength: 10 }).map((ws) => ws.join(' ').replace(/\n$/, ''));
  const line = fc.oneof(
    { weight: 10, arbitrary: prose },
    { weight: 1 + noise, arbitrary: prose.map((p) => `${p} `) },
    { weight: 1 + noise, arbitrary: prose.map((p) => `   ${p}`) },
    { weight: 1, arbitrary: prose.map((p) => `    ${p}`) },
    { weight: 1, arbitrary: prose.map((p) => `\t${p}`) },
  );
  const paragraph = fc.array(line, { minLength: 1, maxLength: 3 }).map((ls) => ls.join('\n'));
  const heading = fc.tuple(fc.integer({ min: 1, max: 7 }), prose, fc.constantFrom('', ' #', '#', '  ')).map(([h, p, tail]) => `${'#'.repeat(h)} ${p}${tail}`);
  const marker = fc.constantFrom('- ', '- ', '* ', '+ ', '1. ', '2. ', '1) ', '10. ', '-  ', '- [ ] ', '- [x] ', '*   ', '1.  ', '-    ', '-     ', '-   [ ] ');
  const listItem = fc.tuple(fc.constantFrom('', '', '', '', '  ', '   ', '    '), marker, prose, fc.option(prose, { freq: 4 })).map(
    ([indent, m, p, more]) => `${indent}${m}${p}${more === null ? '' : `\n${' '.repeat(indent.length + m.length)}${more}`}`,
  );
  const list = fc.array(listItem, { minLength: 1, maxLength: 4 }).chain((items) => fc.constantFrom('\n', '\n\n').map((sep) => items.join(sep)));
  const cell = fc.oneof(
    { weight: 4, arbitrary: prose.map((p) => p.replace(/\|/g, '')) },
    { weight: 1, arbitrary: fc.constantFrom('', '685B', '5000억', '`a|b`', '\\|', '**x**') },
  );
  const table = fc.tuple(fc.integer({ min: 1, max: 3 }), fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 3 }), fc.boolean()).map(
    ([cols, rows, piped]) => {
      const row = (cells: string[]) => (piped ? `| ${cells.join(' | ')} |` : cells.join(' | '));
      const head = row(Array.from({ length: cols }, (_, i) => `col${i}`));
      const delimiter = row(Array.from({ length: cols }, (_, i) => (i === 1 ? ':-:' : '---')));
      return [head, delimiter, ...rows.map(row)].join('\n');
    },
  );
  const codeBody = fc.array(fc.oneof(prose, fc.constant(''), fc.constantFrom('def f():', '    return 685', 'SKT = "5000억"', '```', '~~~', '````')), { maxLength: 5 });
  const fenced = fc.tuple(fc.constantFrom('```', '~~~', '````', '```python', ' ```', '``` a`b'), codeBody, fc.constantFrom('```', '~~~', '````', '', '  ```', '``` x')).map(
    ([open, body, close]) => [open, ...body, ...(close ? [close] : [])].join('\n'),
  );
  const indented = fc.array(prose, { minLength: 1, maxLength: 3 }).map((ls) => ls.map((l) => `    ${l}`).join('\n'));
  const quote = fc.array(prose, { minLength: 1, maxLength: 3 }).chain((ls) => fc.boolean().map((lazy) => ls.map((l, i) => (lazy && i > 0 ? l : `> ${l}`)).join('\n')));
  const html = fc.oneof(
    prose.map((p) => `<div>\n${p}\n</div>`),
    fc.tuple(prose, fc.boolean()).map(([p, closed]) => `<!--\n${p}\n\n${p}${closed ? '\n-->' : ''}`),
    prose.map((p) => `<script>\nlet x = "${p}";\n\nfoo\n</script>`),
    prose.map((p) => `<pre>\n${p}\n\n</pre> 685B`),
    fc.constantFrom('<!-->', '<!--->', '<?php\n\necho 1;\n?>', '<!DOCTYPE html>', '<![CDATA[\n\nx\n]]>', '<span>SKT</span> 685B', '<br>'),
  );
  const definition = fc.constantFrom(
    '[ref]: https://example.com', '[Ref]:\n  /url "title"', '[text]: <x y>', '[^1]: 각주 685B', '[^note]: SKT는 500B', '> [ref]: /quoted', '- [x]: /in-list',
    '[^a]: one <https://x.y/a> (as of 2026)\n[^b]: two\n[ref]: /u', '[^1]: 각주\n[^2]: <mailto:a@b.c> 685B\n   more', '[^x]: <http://a b>\n[^y]: y',
    '[^a]: one\n[^b]: two **a\n[^c]: three <span\n[^d]: four', '[^a]: one\n    [^b]: indented\n[^c]: three', 'para\n[^a]: one\n[^b]: `x', '```\n[^a]: in code\n[^b]: x',
  );
  const thematic = fc.constantFrom('---', '***', '___', '- - -', '===', 'Setext\n===', 'Setext\n---');
  const pipes = fc.constantFrom('| ▲ [사진=SK텔레콤] |', '| a |\n| b |', '![]() |\n| ▲ x |', 'text\n| a | b |\n|---|---|\n| c | d |', '| a | b |\n--- | ---\n| c | d |', '| a |\n---', '| a |\n:--', 'x\n| a | b |\n-|-', '| a |\n===', '- item\n| a |', '> q\n| a |', 'text\n| a |\n|---|---|', '| a |  \n|---|  \n| b |', 'x\n| a | b |\n|---|---|\t\n| c | d |', '| a |\n | --- |\n| b |');
  // One-line HTML comments, as around a generated table: the fast path reads them too.
  const comment = fc.constantFrom('<!-- research-notes:table -->', '<!-- /research-notes:table -->', '<!-- x --> tail 685B', '   <!-- note -->', ' <!-- a -- b -->', '<!-->', '<!-- open', '    <!-- indented -->', '  <!-- in an item? -->');
  const blank = fc.constantFrom('', ' ', '\t');
  const block = fc.oneof(
    { weight: 8, arbitrary: paragraph },
    { weight: 3, arbitrary: heading },
    { weight: 4, arbitrary: list },
    { weight: 2, arbitrary: table },
    { weight: 3, arbitrary: fenced },
    { weight: noise, arbitrary: indented },
    { weight: 2 * noise, arbitrary: quote },
    { weight: 2 * noise, arbitrary: html },
    { weight: 2, arbitrary: definition },
    { weight: noise, arbitrary: thematic },
    { weight: 1, arbitrary: blank },
    { weight: 1, arbitrary: comment },
    { weight: 1, arbitrary: pipes },
  );
  const frontMatter = fc.constantFrom('', '', '', '---\ntitle: SKT 5000억\n\nmodels: [DeepSeek V3.1]\n---\n', '---\na: 1\n', '+++\nx = 1\n+++\n', '---\n---\n');
  const separator = fc.constantFrom('\n', '\n\n', '\n\n', '\n\n\n', '\n \n');
  const eol = fc.constantFrom('lf', 'lf', 'lf', 'lf', 'crlf', 'cr');
  return {
    prose,
    block,
    note: fc.tuple(frontMatter, fc.array(fc.tuple(block, separator), { maxLength: 12 }), eol).map(([fm, blocks, ending]) => {
      const text = fm + blocks.map(([b, sep]) => b + sep).join('');
      if (ending === 'crlf') return text.replace(/\n/g, '\r\n');
      if (ending === 'cr') return text.replace(/\n\n/, '\r\r');
      return text;
    }),
  };
}

const noisy = notes(word, 1);

/** A random note. Some use CRLF line endings throughout, some have a lone CR. */
export const note = noisy.note;
/** A random note mostly of the blocks and inline forms the fast path reads. */
export const plainNote = notes(plainWord, 0).note;
export const prose = noisy.prose;
const block = noisy.block;

/** Text typed or pasted by an edit. */
const insertion = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('a', '가', ' ', '.', '5', 'B', '억', 'SKT', '는', 'V3.1', '딥시크', '(DeepSeek)', '/R1') },
  { weight: 3, arbitrary: fc.constantFrom('\n', '\n\n', '\r\n', '\r', '```', '~~~', '- ', '# ', '> ', '    ', '|', '| a |\n|---|', '[', ']', '[ref]', '[^1]', '**', '`', '<!--', '-->', '<div>', '---', '[ref]: /u', '[^1]: n', '\\', '&', 'https://x.y', '\t') },
  { weight: 1, arbitrary: prose },
  { weight: 1, arbitrary: block },
);

/** One edit: where (as a fraction of the length), how much to delete, what to insert. */
export interface Edit {
  at: number;
  remove: number;
  insert: string;
}

export const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 3 }) }, { weight: 1, arbitrary: fc.integer({ min: 4, max: 80 }) }),
  insert: fc.oneof({ weight: 1, arbitrary: fc.constant('') }, { weight: 4, arbitrary: insertion }),
});

/** Applies `e` to `text`: the offsets and the new text. */
export function applyEdit(text: string, e: Edit): { start: number; end: number; text: string } {
  // Never between CR and LF: editors cannot address that point.
  const inside = (i: number): boolean => text[i - 1] === '\r' && text[i] === '\n';
  let start = Math.min(text.length, Math.floor(e.at * (text.length + 1)));
  if (inside(start)) start--;
  let end = Math.min(text.length, start + e.remove);
  if (inside(end)) end++;
  return { start, end, text: text.slice(0, start) + e.insert + text.slice(end) };
}
