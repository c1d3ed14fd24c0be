import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeNote, createRecognizers, type NoteAnalysis } from '../../../server/src/analysis';
import { updateAnalysis } from '../../../server/src/analysis/incremental';
import { hover } from '../../../server/src/features/hover';
import { decodeSemanticTokens, semanticTokens } from '../../../server/src/features/semanticTokens';
import { maskNote } from '../../../server/src/markdown/prose';
import { columnOf, tableReader } from '../../../server/src/recognize/tables';
import { bundledKnowledge } from '../../support/knowledge';
import { SEED } from '../../support/randomNotes';

/**
 * Table cells read by their column header (#13 §7, `recognize/tables.ts`): a size column's cells
 * are counts of the row's model, a bare number takes the header's unit, another measure's column
 * holds no counts. Recognition as the server runs it.
 */
const { kb, index } = bundledKnowledge();
const recognizers = createRecognizers(kb, index);
const analyze = (text: string): NoteAnalysis => analyzeNote(TextDocument.create('file:///t.md', 'markdown', 1, text), recognizers);
const claims = (text: string): string[] =>
  analyze(text).claims.map((c) => `${c.text} ${c.value / 1e9}B${c.active ? ' active' : ''} ${c.qualifier} → ${c.refersTo ? kb.get(c.refersTo)!.name : 'nothing'}`);
const table = (...rows: string[]): string => `${rows.join('\n')}\n`;

describe('tables read by their column headers (#13 §7)', () => {
  describe('headers', () => {
    it('names size columns, their unit and active counts', () => {
      for (const h of ['Params', 'Parameters', '#Params', '# Params', 'Size', 'Model size', 'Model Sizes', 'Parameter count', '매개변수', '파라미터', '파라미터 수', '크기', '모델 크기', '총 파라미터']) {
        assert.deepEqual(columnOf(h), { kind: 'size', active: false }, h);
      }
      assert.deepEqual(columnOf('Params (B)'), { kind: 'size', unit: 9, active: false, korean: false });
      assert.deepEqual(columnOf('Parameters [billions]'), { kind: 'size', unit: 9, active: false, korean: false });
      assert.deepEqual(columnOf('Params (M)'), { kind: 'size', unit: 6, active: false, korean: false });
      assert.deepEqual(columnOf('파라미터 (억)'), { kind: 'size', unit: 8, active: false, korean: true });
      assert.deepEqual(columnOf('#Activated Params'), { kind: 'size', active: true });
      assert.deepEqual(columnOf('Parameters (in billions)'), { kind: 'size', unit: 9, active: false, korean: false });
      assert.deepEqual(columnOf('Params (B, active)'), { kind: 'size', unit: 9, active: true, korean: false });
      assert.deepEqual(columnOf('# of params'), { kind: 'size', active: false });
      assert.deepEqual(columnOf('활성 파라미터'), { kind: 'size', active: true });
      assert.deepEqual(columnOf('활성 파라미터 (토큰당)'), { kind: 'size', active: true });
      assert.deepEqual(columnOf('Parameter Size'), { kind: 'size', active: false });
      assert.deepEqual(columnOf('Activation Parameters'), { kind: 'size', active: true });
    });

    it('names columns of other measures, and leaves the rest to prose', () => {
      for (const h of ['Context Length', 'Context', 'Tokens', 'Training tokens', 'Pretraining', 'Pre-training', 'Training data', 'Size (GB)', 'VRAM', 'Download', 'License', 'Launch date', '컨텍스트', '토큰', '메모리', '사전학습', '주요 Pretraining', '학습 데이터']) {
        assert.equal(columnOf(h).kind, 'other', h);
      }
      for (const h of ['Model', 'Notes', 'Base model', '모델', 'Architecture', 'MMLU']) assert.equal(columnOf(h).kind, 'plain', h);
    });
  });

  describe('size columns', () => {
    it('reads each cell as a count of the row’s model', () => {
      assert.deepEqual(claims(table('| Model | Params |', '| --- | --- |', '| DeepSeek-V3.1 | 671B |', '| Llama 3.1 405B | 405 B |', '| Kimi K2 | 1T |')), [
        '671B 671B exact → DeepSeek-V3.1',
        '405 B 405B exact → Llama 3.1 405B',
        '1T 1000B exact → Kimi K2',
      ]);
      // A family's row: the member of the cell's size.
      assert.deepEqual(claims(table('| 모델 | 매개변수 |', '|---|---|', '| 딥시크 V3.1 | 6,850억 |', '| Llama 3.1 | 8B, 70B |')), [
        '6,850억 685B exact → DeepSeek-V3.1',
        '8B 8B exact → Llama 3.1 8B',
        '70B 70B exact → Llama 3.1 70B',
      ]);
    });

    it('reads a bare number in the unit its header carries', () => {
      assert.deepEqual(claims(table('| Model | Params (B) |', '| --- | ---: |', '| Llama 3.1 | 8 |', '| **DeepSeek-V3** | ~671 |', '| Mixtral 8x7B | 46.7 |')), [
        '8 8B exact → Llama 3.1 8B',
        '671 671B approx → DeepSeek-V3',
        '46.7 46.7B exact → Mixtral 8x7B',
      ]);
      assert.deepEqual(claims(table('| 모델 | 파라미터 (억) |', '|---|---|', '| 딥시크 V3.1 | 6850 |')), ['6850 685B exact → DeepSeek-V3.1']);
      assert.deepEqual(claims(table('| Model | #Activated Params (B) |', '|---|---|', '| DeepSeek-V3 | 37 |')), ['37 37B active exact → DeepSeek-V3']);
    });

    it('reads each bare number of a cell with line breaks (`<br>`), or with a note in brackets, in the header’s unit', () => {
      assert.deepEqual(claims(table('| Name | Parameters<br>(billions) |', '| -- | -- |', '| Qwen2.5 | 7<br>72 |', '| Llama 3.1 | 8 (base)<br>70 (TBD) |')), [
        '7 7B exact → Qwen2.5-7B',
        '72 72B exact → Qwen2.5-72B',
        '8 8B exact → Llama 3.1 8B',
        '70 70B exact → Llama 3.1 70B',
      ]);
      // A break parts the numbers: never one number of their digits (`772`).
      assert.deepEqual(claims(table('| Name | Params (B) |', '|---|---|', '| Qwen2.5 | 7<br/>72 |')), ['7 7B exact → Qwen2.5-7B', '72 72B exact → Qwen2.5-72B']);
      // A cell with words besides the numbers is prose, as before.
      assert.deepEqual(claims(table('| Name | Params (B) |', '|---|---|', '| Qwen2.5 | 7 or maybe 72 |')), []);
    });

    it('links to the model column’s model even when another cell names one, and to none when it names none', () => {
      assert.deepEqual(claims(table('| Base | Notes | Model | Size |', '|---|---|---|---|', '| Llama 2 | tuned | Vicuna | 7B |')), ['7B 7B exact → Vicuna-7B']);
      assert.deepEqual(claims(table('| Model | Base | Size |', '|---|---|---|', '| Foo-13B | Llama 2 | 13B |')), ['13B 13B exact → nothing']);
    });

    it('needs no paragraph about models for a Korean or word unit there', () => {
      assert.deepEqual(claims(table('| 이름 | 크기 |', '|---|---|', '| 딥시크 V3.1 | 약 6850억 |')), ['6850억 685B approx → DeepSeek-V3.1']);
    });
  });

  describe('transposed tables', () => {
    it('reads a row labelled with a size by its label, each cell about the model its column’s header names', () => {
      assert.deepEqual(claims(table('| | Llama 3.1 8B | DeepSeek-V3 | Foo |', '|---|---|---|---|', '| Params | 8B | 671 | 7B |', '| Params (B) | 8 | 671 | 7 |', '| Context | 128K | 10M | 1M |')), [
        '8B 8B exact → Llama 3.1 8B',
        '7B 7B exact → nothing',
        '8 8B exact → Llama 3.1 8B',
        '671 671B exact → DeepSeek-V3',
        '7 7B exact → nothing',
      ]);
      // A key and value table: the value of a measure that is not parameters is no count.
      assert.deepEqual(claims(table('| 항목 | 수치 |', '|---|---|', '| 총 파라미터 | 397B |', '| 컨텍스트 길이 | 262,144 토큰 (최대 1M) |')), ['397B 397B exact → nothing']);
    });

    it('leaves a count in a row that names no model to the note’s topic when no header names a column of models', () => {
      const head = '### DeepSeek-R1-Distill Models\n\n';
      assert.deepEqual(claims(head + table('| Parameter Size | Precision | Notes |', '|---|---|---|', '| **1.5B** | FP16 | Runs on small GPUs |', '| **70B** | FP16 | Needs many GPUs |')), [
        '1.5B 1.5B exact → DeepSeek-R1-Distill-Qwen-1.5B',
        '70B 70B exact → DeepSeek-R1-Distill-Llama-70B',
      ]);
      // A `Model` column naming a model the knowledge base lacks: its row's count is about none.
      assert.deepEqual(claims(head + table('| Model | Parameter Size |', '|---|---|', '| Foo Chat | 70B |')), ['70B 70B exact → nothing']);
    });

    it('never reads a row label where a column is named for models', () => {
      assert.deepEqual(claims(table('| Model | Notes |', '|---|---|', '| Params | 8B |')), ['8B 8B exact → nothing']);
    });
  });

  describe('what is not a count', () => {
    it('reads no count in a column of another measure, whatever its unit', () => {
      assert.deepEqual(claims(table('| Model | Params | Context Length | Tokens |', '|---|---|---|---|', '| Llama 4 Scout | 109B | 10M | 40T |')), ['109B 109B exact → Llama 4 Scout']);
      assert.deepEqual(claims(table('| Model | Size (GB) |', '|---|---|', '| Llama 3.1 | 4.7 |')), []);
      // A transposed table's row of pretraining data (tokens): no counts there.
      assert.deepEqual(claims(table('| 항목 | Llama 4 Scout |', '| --- | --- |', '| Total Params | 109B |', '| 주요 Pretraining | ~40T |')), ['109B 109B exact → Llama 4 Scout']);
    });

    it('reads no bare number without a unit in the header, nor in other columns', () => {
      assert.deepEqual(claims(table('| Model | Params |', '|---|---|', '| Llama 3.1 | 8 |')), []);
      assert.deepEqual(claims(table('| Model | Params (B) | MMLU |', '|---|---|---|', '| Llama 3.1 | 8 | 66.7 |')), ['8 8B exact → Llama 3.1 8B']);
      // A cell of words and numbers is not a bare count.
      assert.deepEqual(claims(table('| Model | Params (B) |', '|---|---|', '| Llama 3.1 | 8 and more |')), []);
    });

    it('reads cells of other columns as prose, as before', () => {
      assert.deepEqual(claims(table('| Model | Notes |', '|---|---|', '| Llama 3.1 | 8B, 70B |')), ['8B 8B exact → Llama 3.1 8B', '70B 70B exact → Llama 3.1 70B']);
    });

    it('reads no table where there is none: pipes in prose, code, a header without a delimiter row', () => {
      assert.deepEqual(claims('Params (B) | 7 | Llama 3.1\n'), []);
      assert.deepEqual(claims('```\n| Model | Params (B) |\n| --- | --- |\n| Llama 3.1 | 8 |\n```\n'), []);
      assert.deepEqual(claims('| Model | Params (B) |\n| Llama 3.1 | 8 |\n'), []);
      const text = table('| Model | Params (B) |', '| --- | --- |', '| Llama 3.1 | 8 |');
      const reader = tableReader(text, maskNote(text));
      assert.equal(reader.cellAt(text.indexOf('Params')), undefined);
      assert.equal(reader.cellAt(text.indexOf('Llama'))?.column.kind, 'plain');
      assert.equal(reader.cellAt(text.indexOf('8 |'))?.column.kind, 'size');
    });

    it('reads a table inside a block quote, or with CRLF line ends, alike', () => {
      assert.deepEqual(claims('> | Model | Params (B) |\n> | --- | --- |\n> | Llama 3.1 | 8 |\n'), ['8 8B exact → Llama 3.1 8B']);
      assert.deepEqual(claims('| Model | Params (B) |\r\n| --- | --- |\r\n| Llama 3.1 | 8 |\r\n'), ['8 8B exact → Llama 3.1 8B']);
    });
  });

  it('hovers and colours a cell’s count as the claim it is', () => {
    const text = table('Sizes:', '', '| Model | Params (B) |', '| --- | --- |', '| Llama 3.1 | 8 |', '| DeepSeek-V3.1 | 700 |');
    const a = analyze(text);
    const lines = text.split('\n');
    const offset = (line: number, start: number): number => lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0) + start;
    assert.deepEqual(
      decodeSemanticTokens(semanticTokens(a).data).map((t) => `${text.slice(offset(t.line, t.start), offset(t.line, t.start) + t.length)} ${t.type}${t.modifiers.length ? ` ${t.modifiers.join(',')}` : ''}`),
      ['Llama 3.1 model', '8 parameterCount', 'DeepSeek-V3.1 model', '700 parameterCount'],
    );
    const h = (at: number): string => (hover(a, at, kb, { locale: 'en', numberFormat: 'auto' })!.contents as { value: string }).value;
    assert.ok(h(text.indexOf('8 |')).includes('Llama 3.1 8B: 8B'), h(text.indexOf('8 |')));
    assert.ok(h(text.indexOf('700')).includes('DeepSeek-V3.1'), h(text.indexOf('700')));
  });

  /** Applies `edits` (a search text and its replacement) one by one, comparing the incremental analysis with a fresh one. */
  const replaying = (text: string, edits: [string, string][]): void => {
    let doc = TextDocument.create('file:///t.md', 'markdown', 1, text);
    let a = analyzeNote(doc, recognizers);
    for (const [from, to] of edits) {
      const t = doc.getText();
      const at = t.indexOf(from);
      assert.ok(at !== -1, from);
      const change = { range: { start: doc.positionAt(at), end: doc.positionAt(at + from.length) }, text: to };
      doc = TextDocument.update(TextDocument.create(doc.uri, 'markdown', doc.version, t), [change], doc.version + 1);
      const before = a.claims.length;
      a = updateAnalysis(a, doc, [change], recognizers);
      const fresh = analyzeNote(doc, recognizers);
      assert.deepEqual([a.mentions, a.claims, a.quantities], [fresh.mentions, fresh.claims, fresh.quantities], JSON.stringify({ text, from, to, before }));
    }
  };

  it('reads a table’s body again when only its header changes', () => {
    const text = table('Intro.', '', '| Model | Params |', '| --- | --- |', '| Llama 3.1 | 8 |', '| DeepSeek-V3.1 | 671B |', '', 'End.');
    replaying(text, [
      ['Params', 'Params (B)'],
      ['Params (B)', 'Context'],
      ['Context', 'Params (B)'],
      ['Model', 'Base'],
      ['| --- | --- |', '| :-- | --: |'],
      ['Base', 'Model'],
      [' (B)', ''],
    ]);
    // A transposed table: the body's cells are about the models the header names.
    // (A header longer than a title line, which is read with the paragraph after it anyway.)
    replaying(table('Intro.', '', '| Spec | Llama 3.1 8B (Meta, 2024) | DeepSeek-V3 (DeepSeek, 2024) |', '| --- | --- | --- |', '| Params (B) | 8 | 671 |', '', 'End.'), [
      ['DeepSeek-V3 (', 'Qwen3-32B ('],
      ['Llama 3.1 8B (Meta', 'Model (Meta'],
      ['Model (Meta', 'Llama 3.1 8B (Meta'],
      ['Params (B) | 8', 'Params (B) | 9'],
    ]);
    assert.deepEqual(claims(text.replace('Params', 'Params (B)')), ['8 8B exact → Llama 3.1 8B', '671B 671B exact → DeepSeek-V3.1']);
  });

  it('reads a link again when only its target changes', () => {
    replaying('See [GitHub](https://github.com/x) and [Hugging Face](https://huggingface.co/m) for Llama 3.1.\n', [
      ['github.com', 'example.com'],
      ['example.com', 'github.com'],
      ['huggingface.co', 'hf.example'],
    ]);
  });

  it(`updates a table’s claims incrementally exactly as a fresh analysis, as its header, delimiter and rows change (seed ${SEED})`, () => {
    const header = fc.constantFrom('| Model | Params |', '| Model | Params (B) |', '| Model | Context |', '| 모델 | 파라미터 (억) |', '| Base | Size |', '| Model |', '| | Llama 3.1 8B |', '| 항목 | DeepSeek-V3.1 |');
    const delimiter = fc.constantFrom('| --- | --- |', '|---|', '| :-- | --: |', '');
    const row = fc.constantFrom('| Llama 3.1 | 8 |', '| Llama 3.1 | 8B, 70B |', '| DeepSeek-V3.1 | 671B |', '| 딥시크 V3.1 | 6850 |', '| Foo | 7B |', '| Vicuna | 7 |', 'Llama 3.1 has 8B parameters.', '| Params (B) | 8 |', '| Params | 671B |', '| Context | 1M |');
    const note = fc.tuple(header, delimiter, fc.array(row, { minLength: 1, maxLength: 5 })).map(([h, d, rows]) => ['Intro.', '', h, d, ...rows, '', 'End.', ''].join('\n'));
    const piece = fc.constantFrom('Params', 'Params (B)', 'Context', ' (B)', '| --- ', '---', '|', ' 7 ', '8B', 'Llama 3.1', 'DeepSeek-V3', 'Model', '\n', '\n\n', 'x');
    // Half the edits fall in the header and delimiter lines, whose change rereads the body below them.
    const move = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.integer({ min: 0, max: 8 }), insert: piece, head: fc.boolean(), pos: fc.nat({ max: 997 }) });
    fc.assert(
      fc.property(note, fc.array(move, { minLength: 1, maxLength: 8 }), (text, edits) => {
        let doc = TextDocument.create('file:///t.md', 'markdown', 1, text);
        let a = analyzeNote(doc, recognizers);
        for (const e of edits) {
          const t = doc.getText();
          const head = t.indexOf('\n\n') + 2;
          const headEnd = t.indexOf('\n', t.indexOf('\n', head) + 1);
          const start = e.head && head > 1 && headEnd > head ? head + (e.pos % (headEnd - head)) : Math.min(t.length, Math.floor(e.at * t.length));
          const end = Math.min(t.length, start + e.remove);
          const change = { range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text: e.insert };
          doc = TextDocument.update(TextDocument.create(doc.uri, 'markdown', doc.version, t), [change], doc.version + 1);
          a = updateAnalysis(a, doc, [change], recognizers);
          const fresh = analyzeNote(doc, recognizers);
          const context = JSON.stringify({ text, edits });
          assert.deepEqual([a.mentions, a.claims, a.quantities], [fresh.mentions, fresh.claims, fresh.quantities], context);
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
