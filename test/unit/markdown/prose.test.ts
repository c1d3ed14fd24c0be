import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeNote, analyzeNoteAsync, createRecognizers, LineIndex } from '../../../server/src/analysis';
import { footnoteKey, linkKey, normalizeLabel } from '../../../server/src/markdown/definitions';
import { fastRun } from '../../../server/src/markdown/fastPath';
import { maskNote, maskWholeNote, proseMask } from '../../../server/src/markdown/prose';
import { bundledKnowledge } from '../../support/knowledge';
import { plainNote, SEED } from '../../support/randomNotes';

/** The prose of `text`, with masked stretches shown as `·`. */
const prose = (text: string): string => maskNote(text).replace(/\u0000+/g, '·');

describe('prose mask', () => {
  const cases: [string, string, string][] = [
    ['fenced code', 'SKT\n```\nDeepSeek\n```\n', 'SKT\n·\n·\n·\n'],
    ['indented code', 'SKT\n\n    DeepSeek\n', 'SKT\n\n·\n'],
    ['inline code', 'SKT `DeepSeek` V3', 'SKT · V3'],
    ['HTML', '<div>\nSKT\n</div>\n\nA <b>SKT</b> B', '·\n·\n·\n\nA ·SKT· B'],
    ['autolinks and bare URLs', '<https://skt.com> and https://skt.com/x and www.skt.com', '· and · and ·'],
    ['link text, not its destination', '[DeepSeek](https://example.com "DeepSeek") V3', '·DeepSeek· V3'],
    // Whether it is a site's label, not a mention, is recognition's to say (`recognize/linkLabels.ts`).
    ['a link whose text names its own site, as prose', '[DeepSeek](https://deepseek.com) V3', '·DeepSeek· V3'],
    ['images', '![DeepSeek](d.png) SKT', '· SKT'],
    ['reference definitions and references', 'See [DeepSeek][d].\n\n[d]: https://deepseek.com\n', 'See ·DeepSeek·.\n\n·\n'],
    ['footnotes', 'SKT[^1]\n\n[^1]: DeepSeek\n', 'SKT·\n\n·DeepSeek\n'],
    ['front matter', '---\nmodel: SKT\n---\n# DeepSeek\n', '·\n·\n·\n·DeepSeek\n'],
    ['emphasis and tables', '**SKT** | x\n--|--\n*a* | b\n', '·SKT·x\n·\n·a·b\n'],
  ];
  for (const [name, text, expected] of cases) {
    it(`masks ${name}`, () => {
      assert.equal(prose(text), expected);
      assert.equal(maskNote(text), maskWholeNote(text));
    });
  }
});

describe('fast path', () => {
  const none = new Map();
  const table = (defined: string[]) => new Map(defined.map((label) => [footnoteKey(label), { label, footnote: true }]));
  const ranges = (text: string, defined: string[] = []) => {
    const run = fastRun(text, 0, table(defined));
    return run && { end: run.end, complete: run.complete, prose: run.ranges.map(([a, b]) => text.slice(a, b)) };
  };
  /** Prose of consecutive runs, each from the boundary where the last one ended. */
  const runs = (text: string, defined: string[] = []): string[] => {
    const out: string[] = [];
    for (let at = 0; at < text.length; ) {
      const run = fastRun(text, at, table(defined));
      assert.ok(run?.complete, text.slice(at));
      out.push(...run.ranges.map(([a, b]) => text.slice(a, b)));
      at = run.end;
    }
    return out;
  };

  it('reads ordinary blocks as remark does', () => {
    const text = '# 딥시크 **V3.1**\n\nSKT는 `685B`, [DeepSeek](https://x.y) 모델[^1].\n- a *b*\n- ![c](d) e\n\n| A | B |\n|---|--:|\n| 1 | [2](x) `y` |\n\n> 인용\n> 계속\n\n```\nSKT\n```\n';
    assert.deepEqual(runs(text, ['1']), ['딥시크 ', 'V3.1', 'SKT는 ', ', ', 'DeepSeek', ' 모델', '.', 'a ', 'b', ' e', 'A', 'B', '1', '2', ' ', '인용', '\n', '> 계속']);
    assert.equal(maskNote(text), maskWholeNote(text));
  });

  it('reads nested lists, items going on over indented lines, and emphasis in cells', () => {
    for (const text of ['- a\n  - b\n    - c\n  - d\n- e', '- long text\n  continued **x**\n  `y` z\n- next', '1. a\n   1. b\n   2. c\n2. d', '| a |\n|---|\n|**(x)**|\n| *a*b |']) {
      const run = fastRun(text, 0, none);
      assert.ok(run?.complete && run.end === text.length, text);
      assert.equal(proseMask(text, run.ranges), maskWholeNote(text), text);
    }
    assert.equal(fastRun('- a\n  2. b', 0, none), undefined); // a lazy line, not a list
  });

  it('reads a generated table as remark does: one-line comments around it, autolinks and one footnote definition after another', () => {
    const text =
      'Intro 685B.\n\n<!-- research-notes:table -->\n| Model | Params |\n| --- | ---: |\n| Qwen3[^rn-1] | 8B |\n<!-- /research-notes:table -->\n\n' +
      '[^rn-1]: Qwen3 — model card <https://huggingface.co/Qwen/Qwen3-8B> (as of 2026-12-05)\n[^rn-2]: 에이닷 <mailto:a@b.co> 출시\n<!-- end -->\nafter';
    const run = fastRun(text, 0, new Map([['rn-1', { offset: 0, key: 'rn-1', label: 'rn-1' }]]) as never);
    assert.ok(run, 'the fast path reads it');
    assert.equal(maskNote(text), maskWholeNote(text));
    for (const other of ['[^a]: one\n[ref]: /u', '[^a]: <http://a b>', 'x <http://a b> y', 'x <https://a.b/c> y', '- item\n  <!-- x -->\nafter', 'para\n<!-- x --> tail\nnext', '> quote\n<!-- x -->\nafter']) {
      assert.equal(maskNote(other), maskWholeNote(other), other);
    }
  });

  it('reads an HTML block of a block tag as no prose, to the next blank line, as remark does', () => {
    for (const text of ['<div class="note">Qwen3 is **out**</div>\n\nLlama 4 too.', 'text about GPT-4o\n<div>x\nmore Qwen3\n\nafter', '</section>\n<p>x</p>\n\n# Title', '<DIV>x</DIV> y', '<hr/>\nnext', '<table>\n<tr><td>Qwen3</td></tr>\n</table>\n']) {
      assert.ok(fastRun(text, 0, none)?.complete, JSON.stringify(text));
      assert.equal(maskNote(text), maskWholeNote(text), JSON.stringify(text));
    }
    assert.deepEqual(runs('<div class="note">Qwen3 is **out**</div>\n\nLlama 4 too.'), ['Llama 4 too.']);
    // Not the sixth kind (`<pre>` ends at its closing tag), or after a list item: remark's.
    for (const text of ['<pre>\nx\n\ny</pre>', '- a\n<div>x']) {
      assert.notEqual(fastRun(text, 0, none)?.end, text.length, text);
      assert.equal(maskNote(text), maskWholeNote(text), text);
    }
  });

  it(`equals remark on random notes with HTML blocks among other blocks (seed ${SEED})`, () => {
    const block = fc.constantFrom('<div class="note">Qwen3 **x**</div>', '<div>\nLlama 4\n', '</section>', '<p>a</p> b', '<DIV >x', '<hr/>', '<divx>y</divx>', '<pre>z', 'Qwen3 text', 'text\nmore', '- item', '- item\n  <div>x', '> quote', '| a |\n|---|\n| b |', '# Title', '    code', '```\nc\n```', '<!-- c -->', '[^1]: n', 'x <span>y</span>',
      '<br>', '<br>  ', '</span>', '<img src="a.png" width="80%"/>', '<img src="a.png">\nQwen3', 'Qwen3\n<br>\nmore', '<x-y a=b>', '<script>', '<SCRIPT src=x>', '<pre class=c>', '<textarea>', '<span>x', '<p align="center">', '  <br>', '   <img src=x>', '    <br>', '<br>\n<br>', '> a\n<br>', '- a\n<br>', '<a href="x">\n[l](u)');
    const sep = fc.constantFrom('\n', '\n\n', '\n\n\n', '\n \n');
    const text = fc.array(fc.tuple(block, sep), { minLength: 1, maxLength: 8 }).map((bs) => bs.map(([b, g]) => b + g).join(''));
    fc.assert(
      fc.property(text, (t) => assert.equal(maskNote(t), maskWholeNote(t), JSON.stringify(t))),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('reads inline tags and underscore emphasis as remark does, and leaves a tag that may open an HTML block to remark', () => {
    const text = 'SKT <span class="hl">685B</span> 모델<br> 계속 _강조_ 와 __굵게__, <b title=\'a b\'>x</b> snake_case.';
    assert.deepEqual(ranges(text)?.prose, ['SKT ', '685B', ' 모델', ' 계속 ', '강조', ' 와 ', '굵게', ', ', 'x', ' snake_case.']);
    assert.deepEqual(ranges('_오픈소스_ 모델\n__굵게__ 계속')?.prose, ['오픈소스', ' 모델', '\n', '굵게', ' 계속']);
    for (const other of [text, '<b>x</b> SKT', '<b>x</b>\nSKT', '<span>x</span>\n\n<span>\ny', '<DIV>x</DIV> y', '<pre>x</pre> y', '_a_ b\n___\n_ _ _\n__a', 'text\n<div>x</div> SKT', 'text\n<span>x</span> SKT', '- <div>x\n- y', '> <p>x\n> y', '| a |\n|---|\n| <div>x |', 'a\n\n<br>\nb']) {
      assert.equal(maskNote(other), maskWholeNote(other), other);
    }
  });

  it('reads a line of pipes with no delimiter row after it as text, and a table interrupting a paragraph', () => {
    const text = '![]() |\n| ▲ [사진=SK텔레콤] |\nAI 4대장 스펙 비교표\n| 항목 | 제미나이 3 프로 |\n|---|---|\n| 개발사 | Google DeepMind |\n';
    assert.deepEqual(runs(text), [' |', '\n', '| ▲ [사진=SK텔레콤] |', '\n', 'AI 4대장 스펙 비교표', '항목', '제미나이 3 프로', '개발사', 'Google DeepMind']);
    assert.equal(maskNote(text), maskWholeNote(text));
    for (const other of ['| a | b |\n--- | ---\n| c | d |', '| a |\n:--', '| a |\n---', '- item\n| a | b |\n|---|---|']) assert.equal(maskNote(other), maskWholeNote(other), other);
  });

  it('reads a link whose `)` is on a later line of its paragraph as a link (remark\'s), not as a link cut short', () => {
    for (const text of ['x [b](c\n) y', '- x [b](c\n  ) y']) {
      assert.notEqual(fastRun(text, 0, none)?.end, text.length, text);
      assert.equal(maskNote(text), maskWholeNote(text), text);
    }
  });

  it('reads a link reference definition on its line as no prose that defines its label, and the line after it as micromark does', () => {
    const text = '  [LFM2-8B]: https://huggingface.co/LiquidAI/LFM2-8B-A1B-GGUF\n[r1]: /blog/r1 "DeepSeek-R1"\nSee [r1] and [LFM2-8B].\n';
    const run = fastRun(text, 0, new Map([[linkKey('r1'), { label: 'r1', footnote: false }], [linkKey('LFM2-8B'), { label: 'LFM2-8B', footnote: false }]]));
    assert.deepEqual(run?.definitions.map((d) => [d.offset, d.key]), [[2, linkKey('LFM2-8B')], [62, linkKey('r1')]]);
    assert.deepEqual(run?.ranges.map(([a, b]) => text.slice(a, b)), ['See ', 'r1', ' and ', 'LFM2-8B', '.']);
    for (const other of [text, '[a]: /u\n2. item', '[a]: /u\n    code', '[a]: /u\n===', '[a]: /u\n---', 'text\n[a]: /u', '[a]:\n/u', '[a]: /u "t\nx"']) assert.equal(maskNote(other), maskWholeNote(other), other);
  });

  it('reads a link whose address holds balanced parentheses, as Wikipedia addresses do', () => {
    const text = '- LLaMA stands for [Large Language Model Meta AI](https://en.wikipedia.org/wiki/Llama_(language_model)) here';
    assert.deepEqual(ranges(text)?.prose, ['LLaMA stands for ', 'Large Language Model Meta AI', ' here']);
    assert.equal(maskNote(text), maskWholeNote(text));
  });

  it('reads a code span inside emphasis, and a `*` run inside a word that opens emphasis', () => {
    const text = 'you **must cache all of `k_t` and `v_t`** — a context length o**f 128K tokens** and more';
    assert.deepEqual(ranges(text)?.prose, ['you ', 'must cache all of ', ' and ', ' — a context length o', 'f 128K tokens', ' and more']);
    assert.equal(maskNote(text), maskWholeNote(text));
  });

  it('reads a tag alone on its line as an HTML block to the next blank line, and as an inline tag inside a paragraph', () => {
    const text = '<p align="center">\n<img src="a.png" width="80%"/>\n</p>\n\n<br>\nQwen3 hidden\n\nLlama 4\n<br>\nmore\n';
    assert.deepEqual(runs(text), ['Llama 4', '\n', '\n', 'more']);
    assert.equal(maskNote(text), maskWholeNote(text));
    assert.equal(fastRun('> a\n<br>\n> b', 0, none), undefined); // after a quote micromark opens an HTML block: remark's
    for (const other of ['    code\n\n<br>\nQwen3', '<b>\nx', '<span class="a">  \ny', '<script>\nx\n\ny']) assert.equal(maskNote(other), maskWholeNote(other), other);
  });

  it('reads character references, escapes and a stray bracket as text', () => {
    assert.deepEqual(ranges('AT&T &amp; &nbsp;SKT \\*685B\\* x ] y')?.prose, ['AT&T &amp; &nbsp;SKT \\*685B\\* x ] y']);
    for (const other of ['a\\\nb', 'a\\', '\\<span>x</span> \\`b`', '\\**a**', '&amp;*a*', 'x][a](b)', '| a\\|b |\n|---|\n| c |']) {
      assert.equal(maskNote(other), maskWholeNote(other), other);
    }
  });

  it('reads a backslash ending a line as a hard break when its paragraph goes on, and as text at its end, as exported notes have them', () => {
    // Paper notes written in Typora and Notion: `**Title**. Authors\` then the next line.
    const text = "**Adapters**. Houlsby et al. ICML'19\\\nBottleneck adapters.\\\n\n- a\\\n  b\n> q\\\n> r\\\\\n> s\n";
    assert.deepEqual(runs(text), ['Adapters', ". Houlsby et al. ICML'19", 'Bottleneck adapters.', '\\', 'a', 'b', 'q', 'r\\\\', '\n', '> s']);
    assert.equal(maskNote(text), maskWholeNote(text));
    assert.equal(fastRun('# a\\\nb', 0, none), undefined); // a heading's backslash: remark's
  });

  it('reads the table rows it cannot read itself with remark, under their table’s head, one run of them at a time', () => {
    const text = '| Model | Size |\n| --- | ---: |\n| **SKT** | 685B |\n| a \\| b `c|d` | ~~x~~ |\n| b | ~~y~~ |\n| DeepSeek | 671B |\n| c | ~~z~~ |\n';
    const calls: string[] = [];
    const run = fastRun(text, 0, none, (head, row) => {
      calls.push(`${text.slice(...head)} / ${text.slice(...row)}`);
      return { ranges: [[row[0] + 2, row[0] + 3]], keys: ['probe'], inTable: true };
    });
    assert.ok(run?.complete, 'the run reads the whole table');
    assert.deepEqual(calls, ['| Model | Size |\n| --- | ---: | / | a \\| b `c|d` | ~~x~~ |\n| b | ~~y~~ |', '| Model | Size |\n| --- | ---: | / | c | ~~z~~ |']);
    assert.deepEqual(run.ranges.map(([a, b]) => text.slice(a, b)), ['Model', 'Size', 'SKT', '685B', 'a', 'DeepSeek', '671B', 'c']);
    assert.deepEqual([...run.refs], ['probe']);
    assert.equal(fastRun(text, 0, none), undefined); // without a reader, the table is remark's
    for (const other of [text, '| a |\n| --- |\n| [x][ref] \\| y |\n\n```\n[ref]: /u\n```\n', '| a |\n| --- |\n| [x][ref] \\| y |\n\n[ref]: /u\n', '| a | b |\r\n| - | - |\r\n| `x|y` | [^1] |\r\n\r\n[^1]: n\r\n']) {
      assert.equal(maskNote(other), maskWholeNote(other), JSON.stringify(other));
    }
  });

  it('reads indented code as no prose, and the block after it as micromark does', () => {
    const text = '# Code\n\n    const x = "685B";\n\n    x += 1\nDeepSeek V3 after it.\n';
    const run = fastRun(text, 0, none);
    assert.ok(run?.complete, 'the run reads indented code');
    assert.deepEqual(run.ranges.map(([a, b]) => text.slice(a, b)), ['Code', 'DeepSeek V3 after it.']);
    // Micromark reads the first block after indented code as if it interrupted a paragraph, past
    // blank lines too: `2. x` and `-` are text there, and no boundary falls before them.
    for (const after of ['2. x', '\n2. x', '\n\n10) x', '-', '1. x', '- x', '# h', '> q', 'text', '\n- a\n\n2. x', '\ttab']) {
      const note = `Intro\n\n    code\n${after}\n\nDeepSeek V3.\n`;
      assert.equal(maskNote(note), maskWholeNote(note), JSON.stringify(note));
    }
    assert.equal(fastRun('    code\n\n2. x\n', 0, none), undefined);
  });

  it('reads a setext heading as remark does: the paragraph is its text, the underline no prose, and a fresh point after it', () => {
    const text = 'SKT는 5000억\n**A.X** K1\n===\n\nIntro\n    - *e\n  ---\nDeepSeek V3.1 after it.\n';
    assert.deepEqual(runs(text), ['SKT는 5000억', '\n', 'A.X', ' K1', 'Intro', '\n', '    - *e', 'DeepSeek V3.1 after it.']);
    // The line after the underline is a fresh point: a run that cannot read the next line ends there.
    assert.deepEqual(ranges('SKT\n===\na@b.co\n'), { end: 8, complete: false, prose: ['SKT'] });
    assert.equal(maskNote(text), maskWholeNote(text));
    for (const under of ['=', '-', '   ---', '===\r', '--\t']) {
      const note = `A *b* c\n${under}\nDeepSeek V3.\n`;
      assert.equal(maskNote(note), maskWholeNote(note), JSON.stringify(note));
    }
    // After a quote or a list item the line is remark's (a thematic break, or the item's heading).
    for (const text of ['> a\n---\n', '- a\n---\n', '- a\n  ---\n', 'a\n- - -\n', 'a\n=-=\n']) {
      assert.notEqual(fastRun(text, 0, none)?.end, text.length, JSON.stringify(text));
      assert.equal(maskNote(text), maskWholeNote(text), JSON.stringify(text));
    }
  });

  it('reads a delimiter run as text when no run of its kind can close in the paragraph', () => {
    for (const text of ['x **y', '- *e\n- *e\n- *e', 'Intro\n    - *e\n    - *e\n    - *e', 'a _b and *c', '| a | **b |\n| - | - |\n| *x | _y |', '# *Title']) {
      assert.ok(fastRun(text, 0, none)?.complete, JSON.stringify(text));
      assert.equal(maskNote(text), maskWholeNote(text), JSON.stringify(text));
    }
    // One run that can close, anywhere up to the next blank line, and the runs are read as before.
    assert.equal(fastRun('x **y\nz**', 0, none), undefined);
    assert.equal(fastRun('- *e\n- e*', 0, none), undefined);
    assert.ok(fastRun('x **y\n\nz** w', 0, none) === undefined || fastRun('x **y\n\nz** w', 0, none)!.end === 7);
  });

  it('reads a [, < or backtick that nothing after it in its paragraph or cell could close as text', () => {
    for (const text of ['a [b and <c and `d', '| a | b |\n| - | - |\n| [x and more | <span cl |\n| `y | z |\n| **b | **c** |', 'a [b\nc <d\ne `f', '# x [y']) {
      assert.ok(fastRun(text, 0, none)?.complete, JSON.stringify(text));
      assert.equal(maskNote(text), maskWholeNote(text), JSON.stringify(text));
    }
    // A closer later in the paragraph: read as before (here, left to remark).
    for (const text of ['a [b\nc] d', 'a <b\nc="x"> d', 'a `b\nc` d']) assert.equal(maskNote(text), maskWholeNote(text), JSON.stringify(text));
  });

  it('reads a link cut at a cell’s end as text and a bare URL, as remark does', () => {
    const head = '| Model | Notes |\n| --- | --- |\n';
    const cells = ['[tokens,](https://exampl', '[that](https://e', '[figure](https://example.com', '[x](https://example.com/p?ref=c', '[w](www.ex', 'a [b](https://x.y/z/', '![i](https://x'];
    for (const cell of cells) {
      const text = `${head}| [Qwen3](https://hf.co/x) | ${cell} |\n`;
      assert.ok(fastRun(text, 0, none)?.complete, JSON.stringify(text));
      assert.equal(maskNote(text), maskWholeNote(text), JSON.stringify(text));
    }
    // A bare URL with no dot in its domain is a link too (GFM's literal autolinks), after a space or a `(`.
    for (const text of ['see https://x today', 'see (https://localhost/a b']) {
      assert.ok(fastRun(text, 0, none)?.complete, text);
      assert.equal(maskNote(text), maskWholeNote(text), text);
    }
    // A defined label makes it a reference link: left to remark, and the run depends on the definition.
    const defined = `${head}| a | [x](https://exampl |\n\n[x]: /u\n`;
    assert.equal(maskNote(defined), maskWholeNote(defined));
    assert.ok(fastRun(`${head}| a | [x](https://e |\n`, 0, none)!.refs.has(linkKey('x')));
    // A `)` later in the cell: left to remark.
    assert.equal(fastRun(`${head}| a | [x](https://e b) |\n`, 0, none), undefined);
  });

  it(`equals remark on random tables of clipped cells: links cut short, bare URLs, brackets (seed ${SEED})`, () => {
    const word = fc.constantFrom('a', 'Qwen3', '7B', '[x](https://exampl', '[tokens,](https://e', '[w](www.ex', '[y](https://a.b/c', '(https://x', 'https://x', 'https://x.y/', 'www.a', '[x]', '[z](', ')', '(', '**b**', '_c_', '`d`', 'e.', '-', 'http', '[x](https://e.f)', '![i](https://g', '_has_', '_i', '**b', '*c', '**d**', 'e_f', '_', '[ref]:F16', '[Q8_0]:x', '[ref]');
    const cell = fc.array(word, { minLength: 1, maxLength: 5 }).map((ws) => ws.join(' '));
    const table = fc
      .tuple(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 4 }), fc.boolean())
      .map(([rows, defined]) => `| A | B |\n| --- | --- |\n${rows.map(([a, b]) => `| ${a} | ${b} |`).join('\n')}\n${defined ? '\n[x]: /u\n' : ''}`);
    fc.assert(
      fc.property(table, (text) => assert.equal(maskNote(text), maskWholeNote(text), JSON.stringify(text))),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('asks the row reader about a line in a table that it cannot read as a row, and goes on after the table when the line ends it', () => {
    const text = '| Model | Size |\n| --- | --- |\n| Qwen3 | 8B |\nLlama 4 | 400B\n| GPT-4o | ? |  \n# Notes\nDeepSeek-V3 is here.\n';
    const asked: string[] = [];
    const run = fastRun(text, 0, none, (head, row) => {
      const line = text.slice(...row);
      asked.push(line);
      return { ranges: [[row[0], row[0] + 1]], keys: [], inTable: !line.startsWith('#') };
    });
    assert.ok(run?.complete, 'the run reads the table and the blocks after it');
    assert.deepEqual(asked, ['Llama 4 | 400B', '| GPT-4o | ? |  ', '# Notes']);
    assert.deepEqual(run.ranges.map(([a, b]) => text.slice(a, b)), ['Model', 'Size', 'Qwen3', '8B', 'L', '|', 'Notes', 'DeepSeek-V3 is here.']);
  });

  it(`equals remark on random tables with lines that are rows or end the table: no leading pipe, trailing spaces, headings, quotes, lists, tags, fences (seed ${SEED})`, () => {
    const row = fc.constantFrom('| Qwen3 | 8B |', '| a | `b|c` |', 'Llama 4 | 400B', 'plain words', '| x | y |  ', 'GPT-4o', '| [x](https://e |');
    const odd = fc.constantFrom('# Heading', '> quoted Qwen3', '- item Qwen3', '2. item', '1. item', '    indented', '<div>', '<div>\nx', '```\ncode', '---', '***', '[^1]: note', '[x]: /u', '<!-- c -->', '  | pipe |', '\tx', '=== ', 'Mistral 7B <b>x</b>');
    const line = fc.oneof({ arbitrary: row, weight: 3 }, { arbitrary: odd, weight: 1 });
    const table = fc
      .tuple(fc.array(line, { minLength: 1, maxLength: 6 }), fc.array(line, { maxLength: 3 }))
      .map(([rows, after]) => `| A | B |\n| --- | --- |\n${rows.join('\n')}\n${after.join('\n')}\n\nQwen3 after.\n`);
    fc.assert(
      fc.property(table, (text) => assert.equal(maskNote(text), maskWholeNote(text), JSON.stringify(text))),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('reads a `*` or `_` run after the last one that can close as text, in a cell or a paragraph', () => {
    const head = '| Model | Notes |\n| --- | --- |\n';
    for (const text of [`${head}| a | DeepSeek _has_ 671B parameters _i |\n`, `${head}| a | **benchmarks** suggest that **scale |\n`, 'Qwen3 *is* here and *there\nand _x_ then _y', 'a *b* c **d']) {
      assert.ok(fastRun(text, 0, none)?.complete, JSON.stringify(text));
      assert.equal(maskNote(text), maskWholeNote(text), JSON.stringify(text));
    }
    // A closer after it: emphasis, read as before.
    assert.deepEqual(runs('a *b c* d'), ['a ', 'b c', ' d']);
  });

  it('reads a `*` or `_` run with nothing open before it and nothing after it to close it as text, as real notes have them', () => {
    // `8*220B?` from a table of sizes; `b*` and `x_` close nothing: every earlier run was paired.
    assert.deepEqual(ranges('Size: 8*220B? (Plus)')?.prose, ['Size: 8*220B? (Plus)']);
    assert.deepEqual(runs('a* *b* and x_ _c_ then d**'), ['a* ', 'b', ' and x_ ', 'c', ' then d**']);
    for (const text of ['Size: 8*220B? (Plus)', 'a* *b* and x_ _c_ then d**', '**a** b**', 'x_ y', '&amp;*']) assert.equal(maskNote(text), maskWholeNote(text), text);
  });

  it('reads an `@` with no address before it as text: handles, places', () => {
    assert.deepEqual(ranges('- [@cohere](https://x.y/c) released it @ 쾰른, @VANCOUVER')?.prose, ['@cohere', ' released it @ 쾰른, @VANCOUVER']);
    for (const text of ['[@cohere](https://x.y/c) released it', 'at @독일 쾰른', '(@x) y', '[a@b.co](u)']) assert.equal(maskNote(text), maskWholeNote(text), text);
  });

  it('reads a `|` in a link\'s text outside a table as text of the link', () => {
    assert.deepEqual(ranges('- [Qwen-1.8B|7B|14B](https://x.y/q) and more')?.prose, ['Qwen-1.8B|7B|14B', ' and more']);
    const text = '- [Qwen-1.8B|7B|14B](https://x.y/q)\n- [Llama 3.2-1|3B](https://x.y/l)\n';
    assert.equal(maskNote(text), maskWholeNote(text));
  });

  it('reads items with up to four spaces after the marker, their content\'s column set by them, as exported notes have them', () => {
    const text = '*   January\n    *   7th: [Call it AI](https://x.y/a)\n    continued\n1.  **Gemma 3n E2B**: lean\n';
    assert.deepEqual(runs(text), ['January', '7th: ', 'Call it AI', '\n', '    continued', 'Gemma 3n E2B', ': lean']);
    assert.equal(maskNote(text), maskWholeNote(text));
    assert.equal(fastRun('-     code in an item', 0, none), undefined); // five spaces: indented code in the item, remark's
  });

  it('reads a line with no indent after an item as its paragraph going on, a gloss starting with `:`, and `_` inside a word of a link\'s text', () => {
    const text = '* [Cline](https://cline.bot/) - The agent\nfor complex work\n- [제미나이 프로](https://x.y/s)\n  : 구글이 무료 제공\n- [we_benchmarked_it](https://x.y/we_b)\n';
    assert.deepEqual(runs(text), ['Cline', ' - The agent', '\n', 'for complex work', '제미나이 프로', '\n', '  : 구글이 무료 제공', 'we_benchmarked_it']);
    assert.equal(maskNote(text), maskWholeNote(text));
    // `:-` may start a table's delimiter row under a paragraph: remark's.
    const table = 'a | b\n:-- | --\nc | d\n';
    assert.equal(fastRun(table, 0, none), undefined);
    assert.equal(maskNote(table), maskWholeNote(table));
  });

  it('reads a link whose whole text is emphasised or code, and a bracket of text inside emphasis', () => {
    const text = 'Weave dashboard ([**Link**](https://x.y/l)), [`beyond-vibes`](https://x.y/b) and [_HF hub_](u)\n*   **[Apps in ChatGPT] 앱 연동** (00:08:09)\n';
    assert.deepEqual(runs(text), ['Weave dashboard (', 'Link', '), ', ' and ', 'HF hub', '[Apps in ChatGPT] 앱 연동', ' (00:08:09)']);
    assert.equal(maskNote(text), maskWholeNote(text));
    assert.equal(fastRun('[** a**](u)', 0, none), undefined); // no emphasis: remark's
  });

  it('reads a bare URL in parentheses, the `)` and punctuation after it as text', () => {
    assert.deepEqual(ranges('Llama 3 (https://ai.meta.com/blog/llama-3/). Next')?.prose, ['Llama 3 (', '). Next']);
    for (const text of ['Llama 3 (https://ai.meta.com/blog/llama-3/). Next', 'see (https://x.y), ok', '(https://x.y/a)']) assert.equal(maskNote(text), maskWholeNote(text), text);
  });

  it('masks bare URLs whose extent is plain', () => {
    assert.deepEqual(ranges('See https://arxiv.org/abs/2401.12345. And www.skt.com/ai, ok')?.prose, ['See ', '. And ', ', ok']);
  });

  it('reads an undefined footnote call as text', () => {
    assert.deepEqual(ranges('SKT[^2] 685B')?.prose, ['SKT[^2] 685B']);
  });

  it('leaves what it does not know to remark', () => {
    for (const text of ['x **y\nz**', '[x]:\n/u', '(https://x.y)b', 'https://x.y?q', 'a@b.co', 'a.@b', '8*2 *x*', '~~x~~', 'a \t\nb', 'a  \r\nb', '  indented', '***x***', '`a<b`',
      '   <span>x</span> y', '- <div>x', '> <p>x', 'a <span\nb>', 'a <x y=">', 'a <!-- c --> b', '*a <b>x</b>*', '_a__', '_*a*_']) {
      assert.equal(fastRun(text, 0, none), undefined, text);
    }
  });

  it('stops at the last fresh point before a line it does not read', () => {
    assert.deepEqual(ranges('# Title\n> quote\n>\n> more'), { end: 8, complete: false, prose: ['Title'] });
    // A footnote definition at a line's start is one: the notes before one it cannot read are read.
    assert.deepEqual(ranges('[^a]: one\n[^b]: two ~~x~~\n[^c]: three', ['a', 'b', 'c']), { end: 10, complete: false, prose: ['one'] });
    // Not the first block after indented code, which micromark reads as if it interrupted a paragraph.
    assert.deepEqual(ranges('    code\n[^a]: one\n[^b]: two ~~x~~', ['a', 'b']), { end: 19, complete: false, prose: ['one'] });
    for (const text of ['[^a]: one\n[^b]: two ~~x~~\n[^c]: three', '    code\n[^a]: one\n[^b]: two ~~x~~']) assert.equal(maskNote(text), maskWholeNote(text), text);
  });

  it('reads a `<` that opens no tag and no autolink as text: `<3`, `< 5`, an address broken by a space', () => {
    for (const text of ['I <3 it, a < 5 and b <= c.', '<3 at a line\'s start', 'see <http:x y> here', 'x <ab-c:d> y', 'a <x.y> b']) {
      assert.ok(fastRun(text, 0, none)?.complete, JSON.stringify(text));
      assert.equal(maskNote(text), maskWholeNote(text), JSON.stringify(text));
    }
    // What may be a tag or an email address stays remark's.
    for (const text of ['a <b\nc="x"> d', 'mail <a@b.co> now', 'x </y> z', 'x <!-- y --> z', 'x <?p?> z', 'x <y', 'x <a;b>']) {
      assert.equal(maskNote(text), maskWholeNote(text), JSON.stringify(text));
    }
    assert.equal(fastRun('mail <a@b.co> now', 0, none), undefined);
  });

  it('reads a tag alone on the line after a link reference definition as micromark does: no HTML block there', () => {
    // Found by the random notes (seed 18): `</span>` there goes on as a paragraph, with the indented line after it.
    for (const text of ['[ref]: https://example.com\n</span>\n    .\n', '[ref]: /u\n<br>\ntext']) assert.equal(maskNote(text), maskWholeNote(text), JSON.stringify(text));
  });

  it('reads outlines nested by four spaces or by tabs, with lines going on at any indent, as remark does', () => {
    for (const text of [
      '- a Qwen3\n    - b **x**\n        - c\n    - d\n- e',
      '- a\n\t- b\n\t\t- c `y`\n\t- d\n- e',
      '1. a\n    1. b\n    2. c\n2. d',
      '- a\n   - b\n - c\n- d',
      '- a\n    - b\n  going on\nlazily? no: a lazy line at indent 0 is remark\'s',
      '- a\n    - b\n      more of b\n   lazy b\n- c',
      // micromark's failed try at a tag that goes on over the line ending keeps the item's indentation in the text
      '- **굵게** <span\n  **굵게** the\n- the\n',
      // A wiki link is text, unless its inner label is defined
      '- [[Qwen3]] and [[딥시크]]\n\t- ![[img.png]] [[a]](u)',
      '[[Qwen3]] notes\n\n[Qwen3]: https://qwenlm.github.io',
      // loose lists: a blank line, then a paragraph or a list of an open item
      '* [Agentic Calculator](https://x.y/): LLM\n    \n    * LLM: Meta AI Llama 4\n        \n    * next\n\n* top',
      '- a\n\n  more of a\n\n  - b\n\n    more of b\n\n  back in a',
    ]) {
      assert.equal(maskNote(text), maskWholeNote(text), JSON.stringify(text));
    }
    for (const text of ['- a Qwen3\n    - b **x**\n        - c\n    - d\n- e', '- a\n\t- b\n\t\t- c `y`\n\t- d\n- e', '- a\n    - b\n      more of b\n   lazy b\n- c', '- a\n\n  more of a\n\n  - b\n\n    more of b\n\n  back in a']) {
      const run = fastRun(text, 0, none);
      assert.ok(run?.complete && run.end === text.length, JSON.stringify(text));
      assert.equal(proseMask(text, run.ranges), maskWholeNote(text), JSON.stringify(text));
    }
    // Indented code inside an item, and an ordered list from 2 under a paragraph, are remark's.
    for (const text of ['- a\n\n        code', '- a\n    2. b']) assert.equal(maskNote(text), maskWholeNote(text), JSON.stringify(text));
  });

  it('reads a bracketed label as text, or as a reference to a defined label, and a task box as no prose', () => {
    for (const text of ['See [1] and [REMOVED] for Qwen3.', '[Qwen3] is out\n\n[Qwen3]: https://qwenlm.github.io', '![logo] x\n\n[logo]: /l.png', '- [x] done Qwen3\n- [ ] todo']) {
      const run = fastRun(text, 0, new Map(text.includes(']: ') ? [[linkKey(text.includes('[logo]') ? 'logo' : 'Qwen3'), { label: 'x', footnote: false }]] : []) as never);
      assert.ok(run, JSON.stringify(text));
      assert.equal(maskNote(text), maskWholeNote(text), JSON.stringify(text));
    }
    // micromark reads a bare address after a lone `[` as no text: remark's, and the same mask.
    // A label the first guess of the definitions took as defined (`[ref]: /u` in indented code) is read again as text, once.
    for (const text of ['[ www.example.com Qwen3 .', '[ https://x.y/a Qwen3 .', '[x][y] a', '[x]: y', '\n      - [ref]: /u\n- [[ref]]', '- [x]\n  the\n']) {
      assert.equal(maskNote(text), maskWholeNote(text), JSON.stringify(text));
    }
    assert.equal(fastRun('[ https://x.y/a Qwen3 .', 0, none), undefined);
  });

  it('reads trailing spaces as remark does: none at a paragraph\'s end, text before a soft break after text, a hard break from two', () => {
    for (const text of ['a \nthe', '**b** \nthe', 'a  \n   b', '- a \n  b', '- **a** \n  b', '> a  \n> b', '# Title  ', 'Qwen3 685B  \n\nnext', '- a \n- b']) {
      runs(text); // every block read by the fast path
      assert.equal(maskNote(text), maskWholeNote(text), JSON.stringify(text));
    }
  });

  it('reads links as news digests and READMEs write them: in bold, with an address or nothing as text, by reference', () => {
    const defined = new Map([[linkKey('harmony'), { label: 'harmony', footnote: false }]]);
    for (const text of ['**[SKT, K-AI는 수조 개 파라미터 목표](https://n.news.naver.com/a?sid=101)** x', '![](/images/qwen3.png) Qwen3', '[see https://qwenlm.github.io now](u) and [www.a.com](u)', 'our [harmony response format][harmony] and [harmony][]']) {
      const run = fastRun(text, 0, defined as never);
      assert.ok(run?.complete, JSON.stringify(text));
    }
    for (const text of ['our [harmony response format][harmony] x\n\n[harmony]: /u', '[a][] and [b][nope] x\n\n[a]: /u', '[t][nope] x', '**[t](u)** and _[a](u)_']) {
      assert.equal(maskNote(text), maskWholeNote(text), JSON.stringify(text));
    }
  });

  it('reads a tilde as text unless a later run could close a strikethrough it opens', () => {
    for (const text of ['약 ~6850억 (~685B) parameters', '- **DeepSeek-V3.1** (~250-300GB)\n- **Qwen3** (~120GB)', 'a ~ b ~~ c', '| ~8B | x |\n| --- | --- |\n| ~1.8T | y |']) {
      runs(text);
      assert.equal(maskNote(text), maskWholeNote(text), JSON.stringify(text));
    }
    for (const text of ['~~struck~~ Qwen3', '~a~ b', 'x ~~y\nz~~']) {
      assert.equal(fastRun(text, 0, none), undefined, JSON.stringify(text));
      assert.equal(maskNote(text), maskWholeNote(text), JSON.stringify(text));
    }
  });

  it('reads a thematic break as no prose, after a blank line or a paragraph', () => {
    for (const text of ['Qwen3\n\n---\n\nLlama 4', 'a\n***\nb', '_ _ _\n\nc', 'a\n  ---\nb', '* * *\n- item']) {
      runs(text); // every block read by the fast path
      assert.equal(maskNote(text), maskWholeNote(text), JSON.stringify(text));
    }
  });

  it(`equals remark on random outlines: items nested by spaces or tabs, lines going on at any indent (seed ${SEED})`, () => {
    const indent = fc.constantFrom('', '', ' ', '  ', '   ', '    ', '     ', '      ', '        ', '\t', '\t\t', ' \t', '\t ', '  \t');
    const marker = fc.constantFrom('- ', '- ', '* ', '+ ', '1. ', '2. ', '1) ', '-  ', '- [ ] ', '*   ', '-   ', '1.  ', '10.  ', '-    ', '-     ', '*   [x] ');
    const words = fc.constantFrom('Qwen3 8B', 'a *b*', '**x** y', '`c` d', '[l](u) e', '# h', '> q', '---', '```', '<div>', 'plain', '685B 모델', '1. z', '- w', '[[Qwen3]] 노트', '[[ref]]', '![[img.png]]', '[[a|b]]', '[[x]](u)', '[[y]]: z', '[[r]][ref]', '[[ *e', '[ref]: /u', ': 구글이 설명', ':-- x', ':--|--', 'a | b', ': - c');
    const line = fc.oneof(
      { weight: 3, arbitrary: fc.tuple(indent, marker, words).map(([i, m, w]) => `${i}${m}${w}`) },
      { weight: 1, arbitrary: fc.tuple(indent, words).map(([i, w]) => `${i}${w}`) },
      { weight: 2, arbitrary: fc.constantFrom('', '', ' ', '    ', '\t') },
    );
    const outline = fc.array(line, { minLength: 1, maxLength: 8 }).map((ls) => ls.join('\n'));
    fc.assert(
      fc.property(outline, (text) => assert.equal(maskNote(text), maskWholeNote(text), JSON.stringify(text))),
      { seed: SEED, numRuns: 1500 },
    );
  });

  it('reads a fence inside a list item as no prose, to its closing fence in the item, and a paragraph of the item after it', () => {
    const text = '1. Install\n   ```bash\n   pip install vllm  # Qwen3 8B\n\n   ```\n   then run Qwen3\n2. Serve\n';
    assert.deepEqual(runs(text), ['Install', 'then run Qwen3', 'Serve']);
    assert.equal(maskNote(text), maskWholeNote(text));
    assert.equal(fastRun('- a\n  ```\nx\n  ```\n', 0, none), undefined); // a line indented less ends the item: remark's
  });

  it(`equals remark on random items holding fences: fences and their closers at any indent, lines after them (seed ${SEED})`, () => {
    const pad = fc.constantFrom('', ' ', '  ', '   ', '    ', '     ', '      ', '\t');
    const fence = fc.constantFrom('```', '```bash', '~~~', '````', '``');
    const closer = fc.constantFrom('```', '~~~', '````', '``', '``` x', '');
    const after = fc.constantFrom('Qwen3 8B', '- next', '1. z', '> q', '', 'text **b**', '```');
    const item = fc.tuple(pad, fc.constantFrom('- ', '* ', '1. ', '-   '), pad, fence, fc.array(fc.tuple(pad, fc.constantFrom('ls 685B', '', 'Llama 4')), { maxLength: 3 }), pad, closer, pad, after).map(
      ([i, m, f, open, body, c, close, a, next]) => [`${i}${m}step`, `${i}${f}${open}`, ...body.map(([p, l]) => `${p}${l}`), `${c}${close}`, `${a}${next}`].join('\n'),
    );
    const note = fc.array(item, { minLength: 1, maxLength: 3 }).map((items) => items.join('\n'));
    fc.assert(
      fc.property(note, (text) => assert.equal(maskNote(text), maskWholeNote(text), JSON.stringify(text))),
      { seed: SEED, numRuns: 1500 },
    );
  });

  it(`equals remark on random notes of ordinary blocks (seed ${SEED})`, () => {
    fc.assert(
      fc.property(plainNote, (text) => assert.equal(maskNote(text), maskWholeNote(text), JSON.stringify(text))),
      { seed: SEED, numRuns: 800 },
    );
  });
});

describe('definitions', () => {
  it('normalizes labels as micromark does', () => {
    assert.equal(normalizeLabel(' Foo\n\t bar '), 'FOO BAR');
    assert.equal(normalizeLabel('ẞ'), normalizeLabel('ß'));
  });
});

describe('line index', () => {
  it('converts positions exactly as TextDocument, before and after edits', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', '가', '\n', '\r', '\r\n', ' ', '🙂') , maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(50), fc.nat(5), fc.string({ unit: fc.constantFrom('b', '\n', '\r', '\r\n'), maxLength: 4 })), { maxLength: 5 }),
        (text, edits) => {
          let index = new LineIndex(text);
          let current = text;
          index.positionAt(0); // computed, so edits update it
          for (const [at, remove, insert] of edits) {
            const start = Math.min(at, current.length);
            const end = Math.min(current.length, start + remove);
            const next = current.slice(0, start) + insert + current.slice(end);
            index = index.edited(next, start, end, insert.length - (end - start));
            current = next;
            const doc = TextDocument.create('file:///x', 'markdown', 1, current);
            for (let offset = 0; offset <= current.length + 1; offset++) {
              assert.deepEqual(index.positionAt(offset), doc.positionAt(offset));
              const p = doc.positionAt(offset);
              for (const q of [p, { line: p.line, character: p.character + 3 }, { line: p.line + 1, character: 0 }]) {
                assert.equal(index.offsetAt(q), doc.offsetAt(q));
              }
            }
          }
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('async analysis', () => {
  const { kb, index } = bundledKnowledge();
  const recognizers = createRecognizers(kb, index);
  const text = Array.from({ length: 1500 }, (_, i) => `## ${i}\n\nSKT는 ${i}B 모델을, 딥시크(DeepSeek) V3.1은 6850억 매개변수를 **발표했다**.\n\n- GPT-4 \`x\`\n`).join('\n');
  const doc = TextDocument.create('file:///big.md', 'markdown', 1, text);

  it('equals the synchronous analysis and lets other work run meanwhile', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const a = await analyzeNoteAsync(doc, recognizers, { sliceMs: 0 });
    clearInterval(timer);
    const b = analyzeNote(doc, recognizers);
    assert.ok(a);
    assert.deepEqual([a.mask, a.mentions, a.claims], [b.mask, b.mentions, b.claims]);
    assert.ok(ticks > 0, 'never yielded');
  });

  it('stops when cancelled', async () => {
    let checks = 0;
    assert.equal(await analyzeNoteAsync(doc, recognizers, { sliceMs: 0, isCancelled: () => ++checks > 2 }), undefined);
  });

  it('keeps proseMask of a region consistent with the whole', () => {
    assert.equal(proseMask('ab\ncd', [[1, 2]], 0, 5), '\u0000b\n\u0000\u0000');
  });
});
