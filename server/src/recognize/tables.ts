/**
 * GFM tables read by their column headers (#13 §7). In a table whose header names a size column
 * (`Params`, `Parameters`, `#Total Params`, `Size`, `Model size`, `매개변수`, `파라미터 수`, `크기`),
 * each value in that column (`7B`, `70 B`, `1.8T`, `6,850억`) is a parameter count of the row's
 * model — the model named in the row's model column (`Model`, `모델`, `Name`…, else the first
 * column) — and a bare number is one too when the header carries the unit (`Params (B)` with `7`
 * is 7B). A column whose header names another measure (`Context Length`, `Tokens`, `Size (GB)`,
 * `VRAM`, `License`, `컨텍스트`…) holds no parameter counts, whatever units its cells carry.
 * Cells of other columns are read as prose, as everywhere else. A transposed table (no column
 * named for models, a row whose first cell names the measure: `| Params | 8B | 70B |`) is read the
 * same way by that row's label, each cell about the model its column's header names.
 *
 * The mask hides a table's pipes, so rows are read from the note's text: a row is a line with an
 * unescaped `|` that the mask hides (Markdown syntax, not prose); its header is the line before
 * the delimiter row (`| --- | :-: |`) above it, with as many cells. Everything read is on the row's
 * line or the table's header and delimiter lines, found by walking up the table once per scan.
 */

import { blankLine } from '../markdown/paragraphs';

/** What a column holds, by its header. */
export interface Column {
  /** `size`: parameter counts; `other`: another measure, never parameter counts; `plain`: read as prose. */
  kind: 'size' | 'other' | 'plain';
  /** Power of ten of the unit a size header carries (`Params (B)`: 9), for bare numbers. */
  unit?: number;
  /** The header speaks of active parameters (`#Activated Params`, `활성 파라미터`). */
  active?: boolean;
  /** `억`-style units in the header (`파라미터 (억)`): the notation of bare numbers. */
  korean?: boolean;
}

/** A body cell of a table: its span in the text, its column, and the row's model cell. */
export interface Cell {
  start: number;
  end: number;
  column: Column;
  /** The span of the cell naming the cell's model: the row's model cell (`Model` column, else the first), or in a transposed table its column's header cell. */
  model?: [number, number];
  /**
   * Set when no header names a column of models, so `model` is a guess (the first plain column, or
   * in a transposed table the column's header: `| 항목 | 수치 |` over `| 총 파라미터 | 397B |`).
   */
  guessed?: true;
}

export interface TableReader {
  /** The body cell at `pos` of a table with a header, or undefined (prose, a header, no table). */
  cellAt(pos: number): Cell | undefined;
}

/** `#Params`, `Total Params`, `Model size`, `매개변수 수`, `활성 파라미터`, with an optional unit `(B)`. */
const SIZE_HEADER =
  /^#?\s*(?:(total|activ(?:e|ated|ation)|전체|총|활성(?:화)?(?:된)?)\s*)?#?\s*(?:params?|parameters?|param(?:eter)?s?\s+(?:count|size)s?|(?:num(?:ber)?|no\.?|#)\s*(?:of\s+)?param(?:eter)?s|(?:model\s+)?sizes?|매개\s?변수(?:\s?(?:수|개수|크기|규모))?|파라미터(?:\s?(?:수|개수|크기|규모))?|(?:모델\s?)?(?:크기|규모))(?:\s*[(\[（]\s*([^)\]）]*?)\s*[)\]）])?\s*[*:]?$/i;
/** Units a size header may carry, as powers of ten. */
const HEADER_UNITS: [RegExp, number, boolean][] = [
  [/^(?:b|bn|billions?|십억)$/i, 9, false],
  [/^(?:m|millions?|백만)$/i, 6, false],
  [/^(?:t|trillions?)$/i, 12, false],
  [/^억$/, 8, true],
  [/^조$/, 12, true],
];
/** A header naming another measure than parameters: its cells are not parameter counts. */
const OTHER_HEADER =
  /context|\bctx\b|tokens?|vocab|length|\bseq|memory|vram|\bram\b|disk|download|file|\b[gmkt]i?b\b|price|cost|\$|licen[cs]e|date|release|throughput|latency|speed|score|accuracy|pre-?training|training data|dataset|corpus|컨텍스트|문맥|토큰|길이|메모리|용량|가격|비용|라이선스|날짜|출시|공개일|점수|정확도|속도|사전\s?학습|학습\s?데이터|데이터셋/i;
/** Units of bytes in a size header's brackets: the size of files, not of models. */
const BYTE_UNIT = /^(?:[kmgtp]i?b|bytes?|바이트)$/i;
/** A header naming the column of models. */
const MODEL_HEADER = /^(?:(?:models?|llms?|모델|언어\s?모델)(?:\s*(?:names?|명|이름))?|names?|checkpoints?|이름)$/i;

/** A delimiter row: `| --- | :-: |`, `---|---`. */
export const DELIMITER_ROW = /^[ \t>]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t\r]*$/;

const MASKED = 0;
const PIPE = 0x7c;

interface Table {
  /** Text offset of the header line's start, and of the first body line's. */
  header: number;
  body: number;
  columns: Column[];
  modelColumn: number;
  /** A header cell names the column of models (`Model`, `모델`): rows are models, never labels. */
  namedModels: boolean;
  /** The header's cells, where a transposed table names its models. */
  heads: [number, number][];
}

interface Line {
  start: number;
  end: number;
  /** Offsets of the line's cell separators, when it is a table line. */
  pipes?: number[];
  /** The line opens with a pipe (after indentation and quote markers): it is not a separator of two cells. */
  leading?: boolean;
}

/** The column of a header cell's prose. */
export function columnOf(header: string): Column {
  const h = header.replace(/\s+/g, ' ').trim();
  const size = SIZE_HEADER.exec(h);
  if (size) {
    // What the brackets say, word by word: a unit (`B`, `in billions`, `억`), `active`, or another measure (`GB`).
    const words = (size[2] ?? '').split(/[\s,/;]+/).filter(Boolean);
    const active = [size[1] ?? '', ...words].some((w) => /activ|활성/i.test(w));
    for (const word of words) {
      for (const [re, unit, korean] of HEADER_UNITS) if (re.test(word)) return { kind: 'size', unit, active, korean };
    }
    // `Size (GB)` is a file's size; other words qualify the count (`활성 파라미터 (토큰당)`, per token).
    return words.some((w) => BYTE_UNIT.test(w)) ? { kind: 'other' } : { kind: 'size', active };
  }
  return OTHER_HEADER.test(h) ? { kind: 'other' } : { kind: 'plain' };
}

/**
 * A reader of the tables of `text` (whose prose mask is `mask`), memoized for one scan: ask about
 * positions in ascending order and each table is walked once.
 */
export function tableReader(text: string, mask: string): TableReader {
  let line: Line | undefined;
  let lineCell: ((pos: number) => Cell | undefined) | undefined;
  let table: Table | undefined;
  /** The end of the last body line known to belong to `table`. */
  let tableReach = -1;
  /** Lines known to be no table's body. */
  let dead: { from: number; to: number } | undefined;

  const lineAt = (pos: number): Line => {
    const start = text.lastIndexOf('\n', pos - 1) + 1;
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    return { start, end };
  };

  /** The separators of a line: unescaped `|` hidden by the mask. */
  const withPipes = (l: Line): Line => {
    if (l.pipes) return l;
    const pipes: number[] = [];
    // A search of the line alone (a slice shares the note's characters), then a loop from its first `|`:
    // most lines are prose, with none.
    const firstPipe = text.slice(l.start, l.end).indexOf('|');
    for (let i = firstPipe === -1 ? l.end : l.start + firstPipe; i < l.end; i++) {
      if (text.charCodeAt(i) === PIPE && mask.charCodeAt(i) === MASKED && text.charCodeAt(i - 1) !== 0x5c /* \ */) pipes.push(i);
    }
    let first = l.start;
    while (first < l.end && /[ \t>]/.test(text[first])) first++;
    l.pipes = pipes;
    l.leading = pipes.length > 0 && pipes[0] === first;
    return l;
  };

  /** Cells of a line as [start, end) spans (leading and trailing pipes open and close none). */
  const cells = (l: Line): [number, number][] => {
    const p = withPipes(l).pipes!;
    const out: [number, number][] = [];
    let from = l.leading ? p[0] + 1 : l.start;
    for (let k = l.leading ? 1 : 0; k < p.length; k++) {
      out.push([from, p[k]]);
      from = p[k] + 1;
    }
    if (!blankLine(text, from, l.end)) out.push([from, l.end]);
    return out;
  };

  /** Cells of a delimiter row (its pipes are masked like any syntax). */
  const delimiterCells = (l: Line): number => {
    const s = text.slice(l.start, l.end).replace(/^[ \t>]*\|?/, '').replace(/\|?[ \t\r]*$/, '');
    return s.split('|').length;
  };

  const isDelimiter = (l: Line): boolean => blankLine(mask, l.start, l.end) && DELIMITER_ROW.test(text.slice(l.start, l.end)) && text.slice(l.start, l.end).includes('-');

  /** The table whose body holds the line at `l`, found by walking up to its delimiter row. */
  const tableOf = (l: Line): Table | undefined => {
    const known = (above: Line): boolean => table !== undefined && above.start >= table.body && above.end <= tableReach;
    let at = l;
    // Lines from which the walk up found no delimiter row: a later walk reaching them fails too,
    // so a run of lines with hidden pipes (code) is walked once, not once per line below it.
    const fail = (): undefined => {
      dead = dead && dead.to >= at.start ? { from: Math.min(dead.from, at.start), to: l.end } : { from: at.start, to: l.end };
      return undefined;
    };
    for (;;) {
      if (at.start === 0) return fail();
      const above = lineAt(at.start - 1);
      if (known(above)) break;
      if (dead && above.start >= dead.from && above.end <= dead.to) return fail();
      if (isDelimiter(above)) {
        // A delimiter row with no header of its cells makes no table: the lines below it are
        // remembered as such too, or each of them would walk up to it again (a quadratic scan).
        if (above.start === 0) return fail();
        const head = withPipes(lineAt(above.start - 1));
        if (head.pipes!.length === 0) return fail();
        const heads = cells(head);
        if (heads.length !== delimiterCells(above)) return fail();
        const prose = heads.map(([s, e]) => mask.slice(s, e).replace(/\u0000/g, '').trim());
        const columns = prose.map(columnOf);
        let modelColumn = prose.findIndex((h) => MODEL_HEADER.test(h));
        const namedModels = modelColumn !== -1;
        if (modelColumn === -1) modelColumn = columns.findIndex((c) => c.kind === 'plain');
        table = { header: head.start, body: above.end + 1, columns, modelColumn, namedModels, heads };
        break;
      }
      // Every line between a body line and the delimiter row is a body line: it has separators.
      if (withPipes(above).pipes!.length === 0) return fail();
      at = above;
    }
    tableReach = Math.max(tableReach, l.end);
    return table;
  };

  return {
    cellAt(pos) {
      if (!line || pos < line.start || pos > line.end) {
        line = lineAt(pos);
        lineCell = undefined;
        if (withPipes(line).pipes!.length > 0) {
          const t = tableOf(line);
          if (t) {
            const spans = cells(line);
            const model = t.modelColumn >= 0 ? spans[t.modelColumn] : undefined;
            // A transposed table: no column of models, and the row's first cell names a measure
            // (`| Params | 8B | 70B |`, `| 컨텍스트 길이 | 128K |`): its plain cells are read by it,
            // each about the model its column's header names.
            const label = !t.namedModels && spans.length > 0 ? columnOf(mask.slice(spans[0][0], spans[0][1]).replace(/\u0000/g, '')) : undefined;
            const byRow = label && label.kind !== 'plain' ? label : undefined;
            lineCell = (p) => {
              const k = spans.findIndex(([s, e]) => s <= p && p < e);
              if (k === -1 || k >= t.columns.length) return undefined;
              const [start, end] = spans[k];
              const guessed = t.namedModels ? {} : { guessed: true as const };
              if (byRow && k > 0 && t.columns[k].kind === 'plain') return { start, end, column: byRow, model: t.heads[k], ...guessed };
              return { start, end, column: t.columns[k], model: model && k !== t.modelColumn ? model : undefined, ...guessed };
            };
          }
        }
      }
      return lineCell?.(pos);
    },
  };
}
