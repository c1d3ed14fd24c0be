import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Nodes, Root, Table } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeNote, type NoteAnalysis } from '../../../server/src/analysis';
import { defaultColumns, tableColumns } from '../../../server/src/service/config';
import { comparisonTable, findTableBlock, insertionPoint, noteLanguage, tableEdit, type TableOptions } from '../../../server/src/features/comparisonTable';
import { displayWidth, padToWidth } from '../../../server/src/format/width';
import type { Entity, KnowledgeBase } from '../../../server/src/knowledge/types';
import { buildAliasIndex } from '../../../server/src/recognize/aliasIndex';
import { parseBlocks, parseMarkdown } from '../../../server/src/markdown/remark';
import { fakeKnowledge, sampleEntities } from '../../support/fakeKnowledge';
import { frozenKnowledge } from '../../support/knowledge';
import * as fc from 'fast-check';
import { note, SEED } from '../../support/randomNotes';

const sktNote = readFileSync(path.resolve(__dirname, '../../../../shared/examples/skt-500b-ko.md'), 'utf8');
const englishNote = readFileSync(path.resolve(__dirname, '../../fixtures/table/english.md'), 'utf8');

/** A frozen copy of the bundled entries these notes mention: the footnotes pin its sources, not the live data's. */
const real = (): KnowledgeBase => frozenKnowledge().kb;
const fake = fakeKnowledge(sampleEntities);

function analyze(text: string, kb: KnowledgeBase): NoteAnalysis {
  return analyzeNote(TextDocument.create('file:///note.md', 'markdown', 1, text), { aliases: buildAliasIndex(kb), claims: () => [] });
}

const defaults: TableOptions = { columns: defaultColumns, sort: 'mention', language: 'auto', numberFormat: 'auto' };

function table(text: string, kb: KnowledgeBase, options: Partial<TableOptions> = {}): string {
  const result = comparisonTable(analyze(text, kb), kb, { ...defaults, ...options });
  if (!result.ok) assert.fail(result.message);
  return result.markdown;
}

function models(text: string, kb: KnowledgeBase, options: Partial<TableOptions> = {}): string[] {
  const result = comparisonTable(analyze(text, kb), kb, { ...defaults, ...options });
  return result.ok ? result.models : [];
}

function failure(text: string, kb: KnowledgeBase, options: Partial<TableOptions> = {}): string {
  const result = comparisonTable(analyze(text, kb), kb, { ...defaults, ...options });
  assert.equal(result.ok, false);
  return result.ok ? '' : result.message;
}

/** Runs the command at `offset` (and `selection`) and applies its edit. */
function runCommand(text: string, kb: KnowledgeBase, at: { offset: number; selection?: { start: number; end: number } }, options: Partial<TableOptions> = {}): string {
  const edit = tableEdit(analyze(text, kb), kb, { ...defaults, ...options }, at);
  if (!edit.ok) assert.fail(edit.message);
  return text.slice(0, edit.range.start) + edit.newText + text.slice(edit.range.end);
}

const span = (text: string, needle: string): { start: number; end: number } => {
  const start = text.indexOf(needle);
  assert.notEqual(start, -1, `not in text: ${needle}`);
  return { start, end: start + needle.length };
};

/** The table lines of generated Markdown (from the header to the last row). */
const tableLines = (markdown: string): string[] => markdown.split('\n').filter((l) => l.startsWith('|'));

const DEEPSEEK_SOURCE = '<https://huggingface.co/deepseek-ai/DeepSeek-V3.1>';

describe('format/width', () => {
  const cases: [string, number][] = [
    ['GPT-4', 5],
    ['모델', 4],
    ['6710억', 6],
    ['활성 매개변수', 13],
    ['ＡＢ', 4],
    ['深度求索', 8],
    ['—', 1],
    ['e\u0301', 1],
    ['\u1100\u1161', 2],
    ['🤖', 2],
    ['', 0],
  ];
  for (const [s, width] of cases) {
    it(`counts ${JSON.stringify(s)} as ${width} columns`, () => assert.equal(displayWidth(s), width));
  }
  it('pads to a display width on either side', () => {
    assert.equal(padToWidth('예', 4), '예  ');
    assert.equal(padToWidth('370억', 8, 'start'), '   370억');
    assert.equal(padToWidth('toolong', 3), 'toolong');
  });
});

describe('features/comparisonTable', () => {
  describe('example note skt-500b-ko.md (frozen bundled entries)', () => {
    it('writes the Korean table for a Korean note: one row, DeepSeek-V3.1; the EXAONE family mention gives none', () => {
      assert.equal(
        table(sktNote, real()),
        [
          '<!-- research-notes:table -->',
          '| 모델                 | 조직     | 매개변수 | 활성 매개변수 | 아키텍처 | 출시       | 가중치 공개 | 컨텍스트 |',
          '| -------------------- | -------- | -------: | ------------: | -------- | ---------- | ----------- | -------: |',
          '| DeepSeek-V3.1[^rn-1] | DeepSeek |   6710억 |         370억 | MoE      | 2025-08-21 | 예          |     128K |',
          '',
          `[^rn-1]: DeepSeek-V3.1 — 모델 카드 ${DEEPSEEK_SOURCE} (기준일 2026-12-05) · 다른 집계: 6850억 — incl. 14B multi-token-prediction module (Hugging Face count)`,
          '<!-- /research-notes:table -->',
        ].join('\n'),
      );
      assert.deepEqual(models(sktNote, real()), ['deepseek-v3.1']);
    });

    it('writes the English table when asked', () => {
      assert.equal(
        table(sktNote, real(), { language: 'en' }),
        [
          '<!-- research-notes:table -->',
          '| Model                | Organization | Parameters | Active | Architecture | Release    | Open weights | Context |',
          '| -------------------- | ------------ | ---------: | -----: | ------------ | ---------- | ------------ | ------: |',
          '| DeepSeek-V3.1[^rn-1] | DeepSeek     |       671B |    37B | MoE          | 2025-08-21 | yes          |    128K |',
          '',
          `[^rn-1]: DeepSeek-V3.1 — model card ${DEEPSEEK_SOURCE} (as of 2026-12-05) · Also reported: 685B — incl. 14B multi-token-prediction module (Hugging Face count)`,
          '<!-- /research-notes:table -->',
        ].join('\n'),
      );
    });
  });

  describe('fixture table/english.md (frozen bundled entries)', () => {
    const expected = [
      '<!-- research-notes:table -->',
      '| Model                  | Organization      |  Parameters |      Active | Architecture | Release    | Open weights | Context |',
      '| ---------------------- | ----------------- | ----------: | ----------: | ------------ | ---------- | ------------ | ------: |',
      '| DeepSeek-V3.1[^rn-1]   | DeepSeek          |        671B |         37B | MoE          | 2025-08-21 | yes          |    128K |',
      '| Llama 3.1 405B[^rn-2]  | Meta              |        405B |        405B | dense        | 2024-07-23 | yes          |    128K |',
      '| Qwen3-235B-A22B[^rn-3] | Alibaba Qwen team |        235B |         22B | MoE          | 2025-04-29 | yes          |     32K |',
      '| Mixtral 8x7B[^rn-4]    | Mistral AI        |       46.7B |         13B | MoE          | 2023-12-11 | yes          |     32K |',
      '| GPT-4[^rn-5]           | OpenAI            | undisclosed | undisclosed | —            | 2023-03    | no           |      8K |',
      '',
      `[^rn-1]: DeepSeek-V3.1 — model card ${DEEPSEEK_SOURCE} (as of 2026-12-05) · Also reported: 685B — incl. 14B multi-token-prediction module (Hugging Face count)`,
      // One primary source a row, labelled by what it is: a footnote a researcher can paste into a paper.
      '[^rn-2]: Llama 3.1 405B — model card <https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/MODEL_CARD.md> (as of 2026-12-05)',
      '[^rn-3]: Qwen3-235B-A22B — repository <https://github.com/QwenLM/Qwen3/blob/main/README.md> (as of 2026-12-05)',
      "[^rn-4]: Mixtral 8x7B — docs <https://docs.mistral.ai/models/mixtral-8x7b-0-1> (as of 2026-12-05) · Also reported: 47B — Mistral's docs and the paper round to 47B total / 13B active",
      '[^rn-5]: GPT-4 — paper <https://arxiv.org/abs/2303.08774> (as of 2026-12-05) · Unverified: Context, Open weights',
      '<!-- /research-notes:table -->',
    ].join('\n');

    it('writes the exact table, each model once in order of first mention', () => {
      assert.equal(table(englishNote, real()), expected);
      assert.deepEqual(models(englishNote, real()), ['deepseek-v3.1', 'meta-llama-3.1-405b', 'qwen3-235b-a22b', 'mistral-mixtral-8x7b', 'openai-gpt-4']);
    });

    it('parses back with remark-gfm as one table with these rows and cells, and the footnotes', () => {
      const tree = unified().use(remarkParse).use(remarkGfm).parse(expected) as Root;
      assert.deepEqual(
        tree.children.map((n) => n.type),
        ['html', 'table', 'footnoteDefinition', 'footnoteDefinition', 'footnoteDefinition', 'footnoteDefinition', 'footnoteDefinition', 'html'],
      );
      const t = tree.children[1] as Table;
      assert.deepEqual(t.align, [null, null, 'right', 'right', null, null, null, 'right']);
      assert.deepEqual(
        t.children.map((row) => row.children.map(cellText)),
        [
          ['Model', 'Organization', 'Parameters', 'Active', 'Architecture', 'Release', 'Open weights', 'Context'],
          ['DeepSeek-V3.1[rn-1]', 'DeepSeek', '671B', '37B', 'MoE', '2025-08-21', 'yes', '128K'],
          ['Llama 3.1 405B[rn-2]', 'Meta', '405B', '405B', 'dense', '2024-07-23', 'yes', '128K'],
          ['Qwen3-235B-A22B[rn-3]', 'Alibaba Qwen team', '235B', '22B', 'MoE', '2025-04-29', 'yes', '32K'],
          ['Mixtral 8x7B[rn-4]', 'Mistral AI', '46.7B', '13B', 'MoE', '2023-12-11', 'yes', '32K'],
          ['GPT-4[rn-5]', 'OpenAI', 'undisclosed', 'undisclosed', '—', '2023-03', 'no', '8K'],
        ],
      );
      const defs = tree.children.filter((n) => n.type === 'footnoteDefinition');
      assert.deepEqual(defs.map((d) => d.identifier), ['rn-1', 'rn-2', 'rn-3', 'rn-4', 'rn-5']);
      const links: string[] = [];
      visit(defs[1], (n) => n.type === 'link' && links.push(n.url));
      assert.deepEqual(links, ['https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/MODEL_CARD.md']);
    });

    it('writes both notations, or one, as numberFormat says', () => {
      const rows = (numberFormat: TableOptions['numberFormat'], language: TableOptions['language'] = 'en') =>
        tableLines(table(englishNote, real(), { numberFormat, language, columns: ['model', 'parameters', 'active'] })).slice(2, 4);
      assert.deepEqual(rows('both'), [
        '| DeepSeek-V3.1[^rn-1]   | 671B (6710억) |   37B (370억) |',
        '| Llama 3.1 405B[^rn-2]  | 405B (4050억) | 405B (4050억) |',
      ]);
      assert.deepEqual(rows('억'), ['| DeepSeek-V3.1[^rn-1]   |      6710억 |       370억 |', '| Llama 3.1 405B[^rn-2]  |      4050억 |      4050억 |']);
      assert.deepEqual(rows('B', 'ko'), ['| DeepSeek-V3.1[^rn-1]   |     671B |           37B |', '| Llama 3.1 405B[^rn-2]  |     405B |          405B |']);
      assert.deepEqual(rows('auto', 'ko'), ['| DeepSeek-V3.1[^rn-1]   |   6710억 |         370억 |', '| Llama 3.1 405B[^rn-2]  |   4050억 |        4050억 |']);
    });

    it('adds the license column when asked', () => {
      assert.deepEqual(tableLines(table(englishNote, real(), { columns: ['model', 'license'] })), [
        '| Model                  | License                     |',
        '| ---------------------- | --------------------------- |',
        '| DeepSeek-V3.1[^rn-1]   | MIT                         |',
        '| Llama 3.1 405B[^rn-2]  | Llama 3.1 Community License |',
        '| Qwen3-235B-A22B[^rn-3] | Apache 2.0                  |',
        '| Mixtral 8x7B[^rn-4]    | Apache 2.0                  |',
        '| GPT-4[^rn-5]           | Proprietary                 |',
      ]);
    });
  });

  describe('sort', () => {
    const order = (sort: TableOptions['sort'], language: TableOptions['language'] = 'en') => models(englishNote, fake, { sort, language });
    it('keeps mention order', () => assert.deepEqual(order('mention'), ['deepseek-v3.1', 'llama-3.1-405b', 'qwen3-235b-a22b', 'mixtral-8x7b', 'gpt-4']));
    it('puts the largest total first and undisclosed sizes last', () =>
      assert.deepEqual(order('parameters'), ['deepseek-v3.1', 'llama-3.1-405b', 'qwen3-235b-a22b', 'mixtral-8x7b', 'gpt-4']));
    it('puts the oldest release first', () => assert.deepEqual(order('release'), ['gpt-4', 'mixtral-8x7b', 'llama-3.1-405b', 'qwen3-235b-a22b', 'deepseek-v3.1']));
    it('sorts by name', () => assert.deepEqual(order('name'), ['deepseek-v3.1', 'gpt-4', 'llama-3.1-405b', 'mixtral-8x7b', 'qwen3-235b-a22b']));
    it('puts unknown sizes and dates last, in mention order, and numbers footnotes in row order', () => {
      const kb = fakeKnowledge([
        ...sampleEntities,
        { kind: 'model', id: 'mystery', name: 'Mystery-7', aliases: [], sources: [] },
        { kind: 'model', id: 'enigma', name: 'Enigma-9', aliases: [], sources: [{ url: 'https://example.org/enigma' }] },
      ]);
      const text = 'Mystery-7, Enigma-9, Mixtral 8x7B and GPT-4 and Qwen3-235B-A22B.';
      assert.deepEqual(models(text, kb, { sort: 'parameters' }), ['qwen3-235b-a22b', 'mixtral-8x7b', 'mystery', 'enigma', 'gpt-4']);
      assert.deepEqual(models(text, kb, { sort: 'release' }), ['gpt-4', 'mixtral-8x7b', 'qwen3-235b-a22b', 'mystery', 'enigma']);
      assert.deepEqual(tableLines(table(text, kb, { sort: 'parameters', columns: ['model', 'parameters', 'release'] })), [
        '| Model                  |  Parameters | Release    |',
        '| ---------------------- | ----------: | ---------- |',
        '| Qwen3-235B-A22B[^rn-1] |        235B | 2025-04-29 |',
        '| Mixtral 8x7B[^rn-2]    |       46.7B | 2023-12    |',
        '| Mystery-7              |           — | —          |',
        '| Enigma-9[^rn-3]        |           — | —          |',
        '| GPT-4[^rn-4]           | undisclosed | 2023-03    |',
      ]);
    });
  });

  describe('cells and footnotes (hand-built knowledge)', () => {
    it('writes unknown values as — and a footnote only when there is something to cite', () => {
      const kb = fakeKnowledge([{ kind: 'model', id: 'bare', name: 'Bare-1', aliases: [], sources: [] }]);
      assert.equal(
        table('Only Bare-1 here.', kb),
        [
          '<!-- research-notes:table -->',
          '| Model  | Organization | Parameters | Active | Architecture | Release | Open weights | Context |',
          '| ------ | ------------ | ---------: | -----: | ------------ | ------- | ------------ | ------: |',
          '| Bare-1 | —            |          — |      — | —            | —       | —            |       — |',
          '',
          '<!-- /research-notes:table -->',
        ].join('\n'),
      );
    });

    it('appends alternates, the parameter note and unverified fields to the footnote', () => {
      const md = table('Mixtral 8x7B and DeepSeek-V3.1.', fake, { columns: ['model', 'release'] });
      assert.deepEqual(md.split('\n').filter((l) => l.startsWith('[^')), [
        '[^rn-1]: Mixtral 8x7B — paper <https://arxiv.org/abs/2401.04088> (as of 2026-11-30) · Note: Not 8 × 7 = 56B: experts share attention layers · Unverified: Release',
        '[^rn-2]: DeepSeek-V3.1 — model card <https://huggingface.co/deepseek-ai/DeepSeek-V3.1> (as of 2026-11-30) · Also reported: 685B — incl. 14B multi-token-prediction module (Hugging Face count)',
      ]);
      const ko = table('Mixtral 8x7B 모델과 딥시크 V3.1 모델을 비교한다.', fake, { columns: ['model', 'release'] });
      assert.deepEqual(ko.split('\n').filter((l) => l.startsWith('[^')), [
        '[^rn-1]: Mixtral 8x7B — 논문 <https://arxiv.org/abs/2401.04088> (기준일 2026-11-30) · 참고: Not 8 × 7 = 56B: experts share attention layers · 미확인: 출시',
        '[^rn-2]: DeepSeek-V3.1 — 모델 카드 <https://huggingface.co/deepseek-ai/DeepSeek-V3.1> (기준일 2026-11-30) · 다른 집계: 6850억 — incl. 14B multi-token-prediction module (Hugging Face count)',
      ]);
    });

    it('escapes every value for a table cell and links only http(s) sources', () => {
      const kb = fakeKnowledge([
        { kind: 'organization', id: 'pipe', name: 'Pipe | Co', aliases: [], sources: [] },
        {
          kind: 'model',
          id: 'weird',
          name: 'Weird*Model',
          aliases: ['Weird Model'],
          organization: 'pipe',
          license: 'A|B <custom>',
          parameters: { total: 7e9, alternates: [{ total: 8e9, active: 2e9, note: 'with `embeddings` | tied' }] },
          sources: [{ url: 'javascript:alert(1)' }, { url: 'https://example.org/a b' }, { url: 'https://example.org/weird' }],
          asOf: '2026-01-01',
        },
      ]);
      const md = table('We tried Weird Model.', kb, { columns: ['model', 'organization', 'license'] });
      assert.deepEqual(md.split('\n').slice(1, -1), [
        '| Model               | Organization | License           |',
        '| ------------------- | ------------ | ----------------- |',
        '| Weird\\*Model[^rn-1] | Pipe \\| Co   | A\\|B &lt;custom\\> |',
        '',
        '[^rn-1]: Weird\\*Model — example.org <https://example.org/a%20b> (as of 2026-01-01) · Also reported: 8B, 2B active — with \\`embeddings\\` \\| tied',
      ]);
      const tree = unified().use(remarkParse).use(remarkGfm).parse(md) as Root;
      const t = tree.children.find((n): n is Table => n.type === 'table')!;
      assert.deepEqual(t.children[1].children.map(cellText), ['Weird*Model[rn-1]', 'Pipe | Co', 'A|B <custom>']);
    });

    it('lines up every table line in a monospace editor, Hangul counted as two columns', () => {
      const kb = fakeKnowledge([
        { kind: 'organization', id: 'skt', name: 'SK텔레콤', aliases: [], sources: [] },
        { kind: 'model', id: 'ax', name: 'A.X K1 (에이엑스)', aliases: ['A.X K1'], organization: 'skt', parameters: { total: 519e9, active: 33e9 }, architecture: 'moe', context: 131072, sources: [] },
        ...sampleEntities,
      ]);
      for (const language of ['ko', 'en'] as const) {
        const lines = tableLines(table('SKT의 A.X K1과 딥시크 V3.1, GPT-4를 비교한다.', kb, { language, columns: [...defaultColumns, 'license'] }));
        assert.equal(lines.length, 5);
        const widths = lines.map(displayWidth);
        assert.deepEqual(widths, widths.map(() => widths[0]), lines.join('\n'));
      }
      assert.deepEqual(tableLines(table('A.X K1은 아주 크다.', kb, { columns: ['model', 'organization', 'active'] })), [
        '| 모델              | 조직     | 활성 매개변수 |',
        '| ----------------- | -------- | ------------: |',
        '| A.X K1 (에이엑스) | SK텔레콤 |         330억 |',
      ]);
    });
  });

  describe('columns', () => {
    it('writes known columns once each, the model first, and the defaults when none is given', () => {
      assert.deepEqual(tableColumns(['release', 'model', 'release', 'bogus']), ['release', 'model']);
      assert.deepEqual(tableColumns(['license', 'context']), ['model', 'license', 'context']);
      assert.deepEqual(tableColumns([]), defaultColumns);
      assert.deepEqual(tableLines(table('GPT-4.', fake, { columns: ['openWeights'] })), [
        '| Model        | Open weights |',
        '| ------------ | ------------ |',
        '| GPT-4[^rn-1] | no           |',
      ]);
    });
  });

  describe('scope and messages', () => {
    it('takes only the models mentioned in a non-empty selection', () => {
      const selection = span(englishNote, 'Qwen3-235B-A22B activates 22B of its parameters, and Mixtral');
      assert.deepEqual(models(englishNote, fake, { selection }), ['qwen3-235b-a22b', 'mixtral-8x7b']);
      // A mention the selection only cuts into still counts.
      const partial = { start: englishNote.indexOf('Llama 3.1 405B') + 3, end: englishNote.indexOf('Llama 3.1 405B') + 5 };
      assert.deepEqual(models(englishNote, fake, { selection: partial }), ['llama-3.1-405b']);
      const empty = { start: 10, end: 10 };
      assert.equal(models(englishNote, fake, { selection: empty }).length, 5);
    });

    it('says clearly when no model is mentioned, in the note’s language or the given locale', () => {
      assert.equal(failure('Nothing about models here, only Meta and OpenAI.', fake), 'No models mentioned in this note.');
      assert.equal(failure('이 노트에는 메타와 오픈AI만 나온다.', fake), '이 노트에 언급된 모델이 없습니다.');
      assert.equal(failure('이 노트에는 메타와 오픈AI만 나온다.', fake, { locale: 'en' }), 'No models mentioned in this note.');
      assert.equal(failure('Nothing here.', fake, { language: 'ko' }), '이 노트에 언급된 모델이 없습니다.');
      const text = 'First paragraph.\n\nDeepSeek-V3.1 is later.\n';
      assert.equal(failure(text, fake, { selection: span(text, 'First paragraph.') }), 'No models mentioned in the selection.');
      assert.equal(failure(text, fake, { selection: span(text, 'First paragraph.'), language: 'ko' }), '선택한 부분에 언급된 모델이 없습니다.');
    });

    it('gives no row for a family mention', () => {
      assert.equal(failure('뤼튼이 엑사원을 도입했다고 한다.', fake), '이 노트에 언급된 모델이 없습니다.');
      assert.deepEqual(models('엑사원과 엑사원 4.0 32B는 다르다.', fake), ['exaone-4.0-32b']);
    });

    it('guesses Korean when Hangul syllables outnumber Latin letters in the prose', () => {
      assert.equal(noteLanguage(analyze(sktNote, fake).mask), 'ko');
      assert.equal(noteLanguage(analyze(englishNote, fake).mask), 'en');
      // Code is not prose: a Korean note with an English code block is still Korean.
      assert.equal(noteLanguage(analyze('한국어 노트입니다.\n\n```\nconst someLongEnglishIdentifier = 1;\n```\n', fake).mask), 'ko');
    });
  });

  describe('refresh and insertion', () => {
    it('finds the generated block around an offset, markers included', () => {
      const text = 'Intro.\n\n<!-- research-notes:table -->\n| a |\n| --- |\n<!-- /research-notes:table -->\n\nAfter.';
      const block = { start: text.indexOf('<!--'), end: text.indexOf('table -->\n\nAfter') + 'table -->'.length };
      assert.equal(findTableBlock(text, 0), undefined);
      assert.deepEqual(findTableBlock(text, block.start), block);
      assert.deepEqual(findTableBlock(text, text.indexOf('| a |')), block);
      assert.deepEqual(findTableBlock(text, block.end), block);
      assert.equal(findTableBlock(text, block.end + 1), undefined);
      assert.equal(findTableBlock('<!-- research-notes:table -->\n| a |\n', 5), undefined, 'no closing marker, no block');
    });

    it('inserts after the paragraph holding the cursor, as its own block', () => {
      const text = 'Intro line one\nwith DeepSeek-V3.1 inside.\n\nNext paragraph.\n';
      const out = runCommand(text, fake, { offset: text.indexOf('DeepSeek') }, { columns: ['model'] });
      assert.equal(
        out,
        [
          'Intro line one',
          'with DeepSeek-V3.1 inside.',
          '',
          '<!-- research-notes:table -->',
          '| Model                |',
          '| -------------------- |',
          '| DeepSeek-V3.1[^rn-1] |',
          '',
          '[^rn-1]: DeepSeek-V3.1 — model card <https://huggingface.co/deepseek-ai/DeepSeek-V3.1> (as of 2026-11-30) · Also reported: 685B — incl. 14B multi-token-prediction module (Hugging Face count)',
          '<!-- /research-notes:table -->',
          '',
          'Next paragraph.',
          '',
        ].join('\n'),
      );
    });

    it('inserts at the start of a blank line, adding the blank lines around it', () => {
      const kb = fakeKnowledge(sampleEntities.map((e) => ({ ...e, sources: [], asOf: undefined, parameters: undefined })) as Entity[]);
      const block = '<!-- research-notes:table -->\n| Model |\n| ----- |\n| GPT-4 |\n\n<!-- /research-notes:table -->';
      // Between two paragraphs: the blank line stays before the table, a new one follows it.
      const between = 'GPT-4 is closed.\n\nThe end.';
      assert.equal(runCommand(between, kb, { offset: between.indexOf('\n') + 1 }, { columns: ['model'] }), `GPT-4 is closed.\n\n${block}\n\nThe end.`);
      // A blank last line right after a paragraph.
      const last = 'GPT-4 is closed.\n';
      assert.equal(runCommand(last, kb, { offset: last.length }, { columns: ['model'] }), `GPT-4 is closed.\n\n${block}\n`);
      // At the end of a file without a final newline: after the paragraph.
      const noNewline = 'GPT-4 is closed.';
      assert.equal(runCommand(noNewline, kb, { offset: 3 }, { columns: ['model'] }), `GPT-4 is closed.\n\n${block}\n`);
      // A heading directly followed by a paragraph: after the heading, blank line before the paragraph.
      const heading = '# GPT-4\nText.\n';
      assert.equal(runCommand(heading, kb, { offset: 2 }, { columns: ['model'] }), `# GPT-4\n\n${block}\n\nText.\n`);
      // Inside a fenced code block (even on its blank line): after the whole fence.
      const fence = 'GPT-4 notes.\n\n```\ncode\n\nmore\n```\n';
      assert.equal(runCommand(fence, kb, { offset: fence.indexOf('\n\nmore') + 1 }, { columns: ['model'] }), `${fence.slice(0, -1)}\n\n${block}\n`);
    });

    it('keeps a CRLF note CRLF, and refreshes it in place', () => {
      const text = 'GPT-4 is closed.\r\n\r\nThe end.\r\n';
      const once = runCommand(text, fake, { offset: 2 }, { columns: ['model'] });
      assert.equal(
        once,
        'GPT-4 is closed.\r\n\r\n<!-- research-notes:table -->\r\n| Model        |\r\n| ------------ |\r\n| GPT-4[^rn-1] |\r\n\r\n' +
          '[^rn-1]: GPT-4 — paper <https://arxiv.org/abs/2303.08774> (as of 2026-11-30)\r\n<!-- /research-notes:table -->\r\n\r\nThe end.\r\n',
      );
      assert.equal(runCommand(once, fake, { offset: once.indexOf('| GPT-4') }, { columns: ['model'] }), once);
    });

    it('replaces the block it is run in, and a second run changes nothing', () => {
      const text = englishNote;
      const once = runCommand(text, fake, { offset: text.indexOf('\n\nQwen3') });
      assert.notEqual(once, text);
      const inside = once.indexOf('| Mixtral');
      const edit = tableEdit(analyze(once, fake), fake, defaults, { offset: inside });
      assert.ok(edit.ok);
      assert.deepEqual(edit.range, findTableBlock(once, inside));
      const twice = runCommand(once, fake, { offset: inside });
      assert.equal(twice, once);
      assert.equal(runCommand(twice, fake, { offset: twice.indexOf('<!-- /research') }), once);
      // A selection inside the block refreshes it from the whole note too.
      assert.equal(runCommand(once, fake, { offset: inside, selection: span(once, '| Mixtral') }), once);
    });

    it('counts no mention inside a generated block: a refresh drops models the prose no longer names', () => {
      const text = 'Mixtral 8x7B and GPT-4.\n';
      const withTable = runCommand(text, fake, { offset: 0 });
      const edited = withTable.replace('Mixtral 8x7B and GPT-4.', 'Only GPT-4 now.');
      assert.match(edited, /Mixtral 8x7B\[\^rn-1\]/);
      const refreshed = runCommand(edited, fake, { offset: edited.indexOf('| GPT-4') });
      assert.doesNotMatch(refreshed, /Mixtral/);
      assert.deepEqual(tableLines(refreshed).length, 3);
      // With the prose gone entirely, the refresh says so instead of keeping the old rows.
      const emptied = withTable.replace('Mixtral 8x7B and GPT-4.', 'Nothing.');
      const edit = tableEdit(analyze(emptied, fake), fake, defaults, { offset: emptied.indexOf('| GPT-4') });
      assert.deepEqual(edit, { ok: false, message: 'No models mentioned in this note.' });
      // The language guess ignores generated blocks: a Korean table in an English note stays refreshable in English.
      const ko = runCommand(text, fake, { offset: 0 }, { language: 'ko' });
      assert.match(runCommand(ko, fake, { offset: ko.indexOf('| 모델') }), /\| Model /);
    });

    it('scopes a refresh to a selection that reaches beyond the block', () => {
      const text = 'Mixtral 8x7B first.\n\nGPT-4 second.\n';
      const withTable = runCommand(text, fake, { offset: 0 });
      const selection = { start: withTable.indexOf('<!-- research'), end: withTable.length };
      const refreshed = runCommand(withTable, fake, { offset: withTable.length, selection });
      assert.deepEqual(tableLines(refreshed).map((l) => l.split('|')[1].trim()), ['Model', '-'.repeat(12), 'GPT-4[^rn-1]']);
    });

    it('gives a second table its own footnote labels, stable on refresh', () => {
      const text = 'Mixtral 8x7B first.\n\nGPT-4 second.\n';
      const one = runCommand(text, fake, { offset: 0 }, { columns: ['model'] });
      const two = runCommand(one, fake, { offset: one.length - 1, selection: span(one, 'GPT-4 second.') }, { columns: ['model'] });
      assert.match(two, /\| GPT-4\[\^rn2-1\] \|/);
      assert.match(two, /\n\[\^rn2-1\]: GPT-4 — /);
      // Refreshing the second table with its paragraph and itself selected keeps its scope and labels.
      const selection = { start: two.indexOf('GPT-4 second.'), end: two.lastIndexOf('-->') + 3 };
      assert.equal(runCommand(two, fake, { offset: selection.end, selection }, { columns: ['model'] }), two);
      const firstBlock = two.indexOf('| Mixtral');
      assert.equal(runCommand(two, fake, { offset: firstBlock }, { columns: ['model'] }), two);
    });
  });
});

/** A cell's text as shown, footnote references as `[label]`. */
function cellText(cell: Nodes): string {
  let s = '';
  visit(cell, (n) => {
    if (n.type === 'text' || n.type === 'inlineCode') s += n.value;
    else if (n.type === 'footnoteReference') s += `[${n.identifier}]`;
  });
  return s;
}

function visit(node: Nodes, fn: (n: Nodes) => unknown): void {
  fn(node);
  if ('children' in node) for (const child of node.children as Nodes[]) visit(child, fn);
}

describe('features/comparisonTable: where a new table goes', () => {
  it(`parses only the blocks around the cursor, and puts the table where a whole-note parse would (seed ${SEED})`, () => {
    const index = buildAliasIndex(fake);
    const noteWithModel = note.map((t) => `GPT-4 and DeepSeek-V3.1.\n\n${t}`);
    fc.assert(
      fc.property(noteWithModel, fc.double({ min: 0, max: 1, noNaN: true }), (text, at) => {
        const analysis = analyzeNote(TextDocument.create('file:///n.md', 'markdown', 1, text), { aliases: index, claims: () => [] });
        const offset = Math.floor(at * text.length);
        const byPieces = tableEdit(analysis, fake, defaults, { offset });
        const whole = tableEdit({ ...analysis, structure: undefined }, fake, defaults, { offset });
        assert.deepEqual(byPieces, whole);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it(`parses only a stretch past the cursor, longer each time, until a block after the cursor's shows where it ends (seed ${SEED})`, () => {
    const index = buildAliasIndex(fake);
    const longer = fc.array(note, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('\n'));
    fc.assert(
      fc.property(longer, fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 64 }), (text, at, reach) => {
        const offset = Math.floor(at * text.length);
        const boundaries = analyzeNote(TextDocument.create('file:///n.md', 'markdown', 1, text), { aliases: index, claims: () => [] }).structure?.boundaries;
        // The whole note parsed at once is the reference, from its start or from the boundary before the cursor.
        const whole = insertionPoint(text, offset, [], Infinity);
        assert.deepEqual(insertionPoint(text, offset, [], reach), whole);
        assert.deepEqual(insertionPoint(text, offset, boundaries, reach), whole);
        assert.deepEqual(insertionPoint(text, offset, boundaries), whole);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('puts the table after a list whose items blank lines part, not between its items', () => {
    // The scanner has boundaries between such items; the list goes on past them (a table there
    // would restart the numbering of what follows).
    const text = 'GPT-4 notes.\n\n1. GPT-4 first\n\n2. DeepSeek-V3.1 second\n\n3. third\n\nAfter.\n';
    const analysis = analyzeNote(TextDocument.create('file:///n.md', 'markdown', 1, text), { aliases: buildAliasIndex(fake), claims: () => [] });
    assert.ok(analysis.structure!.boundaries.includes(text.indexOf('2. ')), 'a boundary between the items');
    const endOfList = text.indexOf('\n\nAfter');
    assert.deepEqual(insertionPoint(text, text.indexOf('first'), analysis.structure!.boundaries), [endOfList, false]);
    const edit = tableEdit(analysis, fake, defaults, { offset: text.indexOf('first') });
    assert.ok(edit.ok);
    assert.deepEqual(edit.range, { start: endOfList, end: endOfList });
  });

  it('reads `+++` or `---` lines in the middle of a note as text, not as the front matter a piece would start with', () => {
    // The cursor's paragraph is a piece of its own (blank lines around it); parsed alone, its
    // `+++` lines would open front matter, which would end the block at the second one.
    const text = 'GPT-4 and DeepSeek-V3.1.\n\n+++\nx = 1\n+++\nmore text\n\nLast.\n';
    const analysis = analyzeNote(TextDocument.create('file:///n.md', 'markdown', 1, text), { aliases: buildAliasIndex(fake), claims: () => [] });
    assert.ok(analysis.structure?.boundaries.includes(text.indexOf('+++')), 'the paragraph starts a piece');
    const edit = tableEdit(analysis, fake, defaults, { offset: text.indexOf('x = 1') });
    assert.ok(edit.ok);
    assert.deepEqual(edit.range, { start: text.indexOf('\n\nLast'), end: text.indexOf('\n\nLast') });
  });

  it(`finds the end of the block holding the cursor as a full GFM parse does, tables included (seed ${SEED})`, () => {
    // `parseBlocks` reads a table as the paragraph its rows make: the same block, ending at the
    // same place. So a table right under a paragraph is read with it, and so is what GFM ends a
    // table with but not a paragraph (indented lines, GFM's indented code, and the lines after
    // them up to a blank one; a `---` line, which underlines the paragraph as a heading): the new
    // table goes after all of it, never between a paragraph and the table it introduces.
    const endOfBlock = (tree: Root, text: string, offset: number): number | undefined => {
      const blocks = tree.children;
      const isIndented = (n: Nodes): boolean => /^(?: {4}|\t)/.test(text.slice(text.lastIndexOf('\n', n.position!.start.offset!) + 1));
      let j = blocks.findIndex((n) => n.position!.start.offset! <= offset && offset <= n.position!.end.offset!);
      if (j === -1) return undefined;
      let rows = blocks[j].type === 'table';
      for (; j + 1 < blocks.length && blocks[j + 1].position!.start.line === blocks[j].position!.end.line + 1; j++) {
        const next = blocks[j + 1];
        // A `---` line under the rows underlines the paragraph they make: a heading, which ends it.
        if (rows && next.type === 'thematicBreak' && /^ {0,3}-+[ \t]*(?:\r?\n|$)/.test(text.slice(next.position!.start.offset! - next.position!.start.column + 1))) {
          j++;
          break;
        }
        const joins = next.type === 'table' ? blocks[j].type === 'paragraph' || rows : rows && (next.type === 'paragraph' || (next.type === 'code' && isIndented(next)));
        if (!joins) break;
        rows ||= next.type === 'table';
      }
      return blocks[j].position!.end.offset;
    };
    const withTable = fc.tuple(note, note).map(([a, b]) => `${a}\n\n| Model | Params |\n| --- | --: |\n| GPT-4 | 1.8T |\n${b}`);
    fc.assert(
      fc.property(fc.oneof(note, withTable), fc.double({ min: 0, max: 1, noNaN: true }), (text, at) => {
        const offset = Math.floor(at * text.length);
        assert.equal(endOfBlock(parseBlocks(text), text, offset), endOfBlock(parseMarkdown(text), text, offset));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
