/**
 * Prose ranges of ordinary blocks without a parser: ATX headings, paragraphs (trailing spaces and
 * backslashes as hard breaks too), list items (nested by spaces or tabs, up to four spaces after
 * the marker, going on over indented or lazy lines, loose, with task boxes, holding fences), block
 * quotes, footnote definitions, GFM tables, fenced code, thematic breaks, HTML blocks of a block
 * tag or of a tag alone on its line, and one-line HTML comments, whose inline content
 * uses only the common constructs in their plain forms (`**strong**`, `*emphasis*`, `_emphasis_`,
 * `` `code` ``, `[text](url)`, `![alt](src)`, `[^note]`, `https://bare.url/path`,
 * `<https://auto.link>`, inline tags `<span class="x">`, `&amp;`, `\*`, `[[wiki links]]`, `[label]`
 * as text or as a reference to a defined label). Anything else — a
 * construct in another form, a character that could start one (`<`, `://`, `www.`), a line that
 * might open another block — stops the run,
 * and the caller parses the rest with remark. Where the fast path answers, it answers exactly as
 * remark does (a property test compares): the same text nodes at the same offsets.
 *
 * A run starts at a fresh point (nothing open: start of text, a block boundary, after a heading
 * or a closed fence) and ends at the next block boundary (a non-blank line at indent 0 after a
 * blank line), or earlier at the last fresh point before a line it does not handle.
 */

import { footnoteKey, linkKey, type Definition, type DefinitionTable } from './definitions';

export type Span = [number, number];

export interface FastRun {
  /** A block boundary or the end of the text when `complete`; else a fresh point. */
  end: number;
  complete: boolean;
  /** Prose ranges, ascending. */
  ranges: Span[];
  /** Footnote keys whose calls the run read as defined or not: it depends on them. */
  refs: Set<string>;
  /** Footnote definitions in the run. */
  definitions: Definition[];
}

const LONE_CR = /\r(?!\n)/;

/** True when `text` has a carriage return that is not part of CRLF: then lines are not what they seem. */
export const hasLoneCarriageReturn = (text: string): boolean => LONE_CR.test(text);

const BLANK = /[ \t]*\r?(?![^\n])/y;
const FENCE_OPEN = /(`{3,}(?=[^`\n]*(?![^\n]))|~{3,})/y;
const ITEM_MARKER = /([-*+]|\d{1,9}[.)]) /y;
/** A GFM task list item's box, then a space or tab (`- [x] done`). */
const TASK_BOX = /\[[ xX]\][ \t]/y;
const TASK_BOX_ALONE = /\[[ xX]\]\r?(?![^\n])/y;
const ORDERED_MARKER = /\d{1,9}[.)](?:[ \t]|\r?(?![^\n]))/y;
/** A thematic break: three or more of one of `-`, `*`, `_`, spaces and tabs between, after at most three spaces. */
const THEMATIC_BREAK = / {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*\r?(?![^\n])/y;
/** A setext heading's underline: `=` or `-` only, after at most three spaces. */
const SETEXT_UNDERLINE = / {0,3}(?:=+|-+)[ \t]*\r?(?![^\n])/y;
const DELIMITER_ROW = /\|(?: *:?-+:? *\|)+\r?(?![^\n])/y;
const DELIMITER_CELL = / *:?-+:? *\|/g;
/** A line that may be a table's delimiter row, with or without pipes: only `-`, `|`, `:` and blanks, one `-` at least. */
const MAYBE_DELIMITER_ROW = /[ \t]*(?=[^\n]*-)[-|: \t]+\r?(?![^\n])/y;
/** A footnote's label as the fast path reads it (letters, digits, `_`, `-`): a regex source. */
export const FOOTNOTE_LABEL = String.raw`[\p{L}\p{N}_-]+`;
const FOOTNOTE_DEFINITION = new RegExp(String.raw`\[\^(${FOOTNOTE_LABEL})\]: `, 'uy');
/**
 * A link reference definition whole on its line, in plain forms: up to three spaces, `[label]:`, an
 * address (`<…>`, or no space, parenthesis or backslash), maybe a title in quotes.
 */
const LINK_DEFINITION = / {0,3}\[([^[\]\\\n]{1,999})\]:[ \t]*(?:<[^<>\n\\]*>|[^\s<()\\][^\s()\\]*)(?:[ \t]+(?:"[^"\n\\]*"|'[^'\n\\]*'))?[ \t]*\r?(?![^\n])/y;
/** A URI autolink: `<`, a scheme, `:`, no space, `<` or `>`, then `>` (CommonMark). */
const AUTOLINK = /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>\u0000-\u001f]*>/y;
/** An email autolink (CommonMark): `<`, a local part, `@`, a domain, `>`. */
const EMAIL_AUTOLINK = /<[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*>/y;
/** A tag name, as an open tag's starts (`<span`), sticky after the `<`. */
const TAG_NAME = /[A-Za-z][A-Za-z0-9-]*/y;

/**
 * Whether the `<` at `at` opens no raw HTML and no autolink, so that it is text (CommonMark): not
 * `<!` or `<?` (comments, declarations, instructions), not `</` and a letter, no email autolink, and
 * either no letter after it (`<3`, `< 5`, `<=`) or a tag name followed by what no open tag goes on
 * with (`<https://a.b/c d>`, an address broken by a space: `<https` then `:`). Whether the rest
 * is a URI autolink is asked before (`AUTOLINK`).
 */
function literalAngle(text: string, at: number): boolean {
  const c = text.charCodeAt(at + 1);
  if (c === 0x21 || c === 0x3f || (c === 0x2f && isAsciiLetter(text.charCodeAt(at + 2))) || test(EMAIL_AUTOLINK, text, at)) return false;
  if (!isAsciiLetter(c)) return true;
  TAG_NAME.lastIndex = at + 1;
  TAG_NAME.test(text);
  const d = text.charCodeAt(TAG_NAME.lastIndex);
  return !(d !== d || d === 0x20 || d === 0x09 || d === 0x0a || d === 0x0d || d === 0x2f || d === 0x3e);
}
const isAsciiLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
/** The start of an HTML comment block: up to three spaces, then `<!--` (its `-->` is looked for after it). */
const COMMENT_LINE = / {0,3}<!--/y;

const test = (re: RegExp, text: string, at: number): RegExpExecArray | null => {
  re.lastIndex = at;
  return re.exec(text);
};

/** What is open after a line: a container with a paragraph goes on with an indented line after blank ones. */
type Open = 'none' | 'para' | 'quote' | 'list' | 'footnote' | 'table';
type ListKind = 'bullet' | '.' | ')';

/**
 * Reads table rows that the fast path cannot (a construct in another form, an escaped pipe, a
 * line without a leading pipe), given their table's head (header and delimiter rows): their prose
 * ranges, the definition keys their reading depends on, and whether the last line is still a row
 * (false when it ends the table, as a heading or a block quote does). Without one, such a row ends
 * the run before its table.
 */
export type RowReader = (head: Span, row: Span) => { ranges: Span[]; keys: Iterable<string>; inTable: boolean };

/**
 * The end of the run of table rows after an unreadable one (ending at `end`, the next line at
 * `next`) that `readable` cannot read either, and where the line after them starts.
 */
function unreadableRows(text: string, end: number, next: number, readable: (from: number, to: number) => boolean): [number, number] {
  const n = text.length;
  let last = end;
  let at = next;
  while (at < n && text.charCodeAt(at) === 0x7c) {
    const lineEnd = text.indexOf('\n', at) === -1 ? n : text.indexOf('\n', at);
    const rowEnd = lineEnd > at && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    if (readable(at, rowEnd)) break;
    last = rowEnd;
    at = lineEnd < n ? lineEnd + 1 : n;
  }
  return [last, at];
}

/**
 * Reads ordinary blocks from the fresh point `start`. Returns undefined when not even the first
 * block is one. `text` must have no lone carriage return; `definitions` say which footnote calls
 * are calls.
 */
export function fastRun(text: string, start: number, definitions: DefinitionTable, readRow?: RowReader): FastRun | undefined {
  const n = text.length;
  const ranges: Span[] = [];
  const refs = new Set<string>();
  const defined: Definition[] = [];
  let fresh = { end: start, ranges: 0, definitions: 0 };
  const stop = (): FastRun | undefined =>
    fresh.end > start
      ? { end: fresh.end, complete: false, ranges: ranges.slice(0, fresh.ranges), refs, definitions: defined.slice(0, fresh.definitions) }
      : undefined;
  const done = (end: number): FastRun => ({ end, complete: true, ranges, refs, definitions: defined });
  const freshAt = (end: number): void => {
    fresh = { end, ranges: ranges.length, definitions: defined.length };
  };
  // Where the last delimiter run that can close is, from here to the next blank line (see `lastClosers`).
  let region: { end: number; closers: Closers } = { end: -1, closers: NO_CLOSERS };
  const closers = (from: number): Closers => {
    if (from >= region.end) {
      const end = nextBlankLine(text, from);
      region = { end, closers: lastClosers(text, from, end) };
    }
    return region.closers;
  };
  const inline = (from: number, to: number, cell = false): boolean =>
    // A cell's content is all of its inline content: what cannot close in it is text.
    cell ? inlineProse(text, from, to, definitions, refs, ranges, true, lastClosers(text, from, to), to) : inlineProse(text, from, to, definitions, refs, ranges, false, closers(from), region.end);

  let open: Open = 'none';
  /** The open list items, outermost first: the column of their content, their list's kind. */
  const items: { column: number; kind: ListKind }[] = [];
  let paraLineEnd = 0;
  /** Whether the paragraph's last line ended in a hard break: the next line's text starts at its content. */
  let brokeHard = false;
  /** Whether the paragraph's last line ended in a backslash (a hard break): read as text until the paragraph goes on. */
  let slashed = false;
  /** Whether the innermost item's last block was a fence, not a paragraph that a line may go on. */
  let fenced = false;
  /** Whether the last line was a link reference definition. */
  let definitionLine = false;
  /** The end of a paragraph's line: where its text ends, whether it broke hard, and a backslash before the line ending kept as text for now. */
  const lineOfParagraph = (end: number, trailing: boolean, lineEnd: number, hard: boolean, slash: boolean): void => {
    paraLineEnd = breakFrom(ranges, end, trailing, lineEnd);
    brokeHard = hard || slash;
    slashed = slash;
    if (slash) ranges.push([end, end + 1]);
  };
  let columns = 0;
  let head: Span = [0, 0];
  let afterBlank = false;
  /** Set after indented code until the next block: see `interrupts` below. */
  let afterCode = false;
  let pos = start;

  while (pos < n) {
    // A backslash that ended the last line breaks it hard when this line goes on its paragraph (below).
    const slashBreak = slashed;
    slashed = false;
    const afterFence = fenced;
    fenced = false;
    const afterDefinition = definitionLine;
    definitionLine = false;
    const lineEnd = text.indexOf('\n', pos) === -1 ? n : text.indexOf('\n', pos);
    const next = lineEnd < n ? lineEnd + 1 : n;
    let end = lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd; // before CR
    const c = text.charCodeAt(pos);

    if (test(BLANK, text, pos)) {
      // A list item or footnote may go on after blank lines with an indented line: no fresh point yet.
      if (open !== 'list' && open !== 'footnote') {
        open = 'none';
        if (!afterCode) freshAt(next);
      }
      afterBlank = true;
      pos = next;
      continue;
    }
    // An indented line after blank ones in a list, or after a fence in an item, starts a paragraph
    // (or a list) in an open item.
    let itemParagraph = afterFence;
    if (afterBlank) {
      afterBlank = false;
      // A boundary: nothing before it stays open (but see `afterCode`).
      if (c !== 0x20 && c !== 0x09) {
        if (!afterCode) return done(pos);
      } else if (open === 'list') itemParagraph = true;
      else if (open !== 'none' || !codeLine(text, pos)) return stop(); // a footnote's continuation
    }
    // After a link reference definition, an indented line other than another definition: remark's.
    if (afterDefinition && (c === 0x20 || c === 0x09) && !test(LINK_DEFINITION, text, pos)) return stop();
    // Indented code, where nothing is open for the line to continue: no prose, to the first line indented less.
    if (open === 'none' && (c === 0x20 || c === 0x09) && codeLine(text, pos)) {
      pos = indentedCodeEnd(text, next);
      afterCode = true;
      continue;
    }
    // Micromark reads the first block after indented code as if it interrupted a paragraph (`2. x`
    // is text there), even past blank lines: no fresh point until that block (`nextCandidate`).
    // So does it after a link reference definition, whose line is a paragraph's start to it (`2. x` is text).
    const interrupts = afterCode || afterDefinition;
    afterCode = false;
    // A one-line HTML comment (`<!-- research-notes:table -->`): an HTML block of its own, no prose,
    // that ends the paragraph, table, quote or footnote before it; after a list item (whose content
    // it may belong to by its indent) the rest is remark's.
    // `-->` is looked for on the line only: an unclosed `<!--` must not read on to the note's end.
    if (test(COMMENT_LINE, text, pos) && text.slice(COMMENT_LINE.lastIndex, end).includes('-->')) {
      if (open === 'list') return stop();
      open = 'none';
      freshAt(next);
      pos = next;
      continue;
    }
    // A table goes on over every line up to a blank one or a block that interrupts it. A line the
    // cell reader cannot take (no leading pipe, trailing spaces) is asked of remark, under the head:
    // a row, or the end of the table, after which the line opens a block of its own afresh.
    if (open === 'table' && (c !== 0x7c || isSpace(text, end - 1))) {
      if (!readRow) return stop();
      const read = readRow(head, [pos, end]);
      if (!read.inTable) {
        open = 'none';
        freshAt(pos);
        continue;
      }
      for (const r of read.ranges) ranges.push(r);
      for (const key of read.keys) refs.add(key);
      pos = next;
      continue;
    }
    // An HTML block of a block tag (`<div class="note">`, CommonMark's sixth kind), or of any other
    // complete tag alone on its line (`<br>`, `<img src="…" width="80%"/>`, the seventh kind, which
    // interrupts no paragraph: below, it goes on one; nor, to micromark, the block after a link
    // reference definition or indented code, `interrupts`): no prose, to the next blank line. In a
    // container or a table it is remark's.
    if (c === 0x3c && ((open === 'none' && !interrupts && loneTag(text, pos, end)) || test(HTML_BLOCK_OPEN, text, pos))) {
      if (open !== 'none' && open !== 'para') return stop();
      open = 'none';
      let line = next;
      while (line < n && !test(BLANK, text, line)) line = text.indexOf('\n', line) === -1 ? n : text.indexOf('\n', line) + 1;
      pos = line;
      continue;
    }
    // A thematic break (`---`, `***`, `_ _ _`): no prose, and nothing open after it. After a
    // paragraph, `---` underlines it (above); `***` and `___` end it.
    const rule = open === 'none' || open === 'para' ? test(THEMATIC_BREAK, text, pos) : null;
    if (rule && (open === 'none' || rule[1] !== '-')) {
      open = 'none';
      freshAt(next);
      pos = next;
      continue;
    }
    // A footnote's paragraph may go on lazily; the next footnote definition ends one (`[^a]: …`
    // then `[^b]: …`, as a generated table's notes run).
    if (open === 'footnote' && !test(FOOTNOTE_DEFINITION, text, pos)) return stop();
    // Trailing spaces: no text at a paragraph's end, text before a line break, and two or more make
    // a hard break, after which the next line's text starts at its content. (Tabs, CR: remark's.)
    const cut = trailingSpaces(text, pos, end);
    const hard = end - cut >= 2;
    const trailing = cut < end;
    if (trailing || text.charCodeAt(end - 1) === 0x09) {
      if (cut === pos || text.charCodeAt(cut - 1) === 0x09 || end < lineEnd) return stop();
      end = cut;
    }
    const last = text.charCodeAt(end - 1);

    if (c === 0x23 /* # */) {
      let h = 1;
      while (text.charCodeAt(pos + h) === 0x23) h++;
      const after = text.charCodeAt(pos + h);
      if (h <= 6 && (pos + h === end || after === 0x20)) {
        let from = pos + h;
        while (text.charCodeAt(from) === 0x20) from++;
        if (from < end && last === 0x23) return stop(); // maybe a closing sequence
        if (from < end && !inline(from, end)) return stop();
        open = 'none';
        freshAt(next);
        pos = next;
        continue;
      }
    }

    if ((c === 0x60 || c === 0x7e) /* ` ~ */ && open !== 'table') {
      const f = test(FENCE_OPEN, text, pos);
      if (f) {
        open = 'none';
        const close = closingFence(text, next, f[1]);
        if (close === -1) return done(n);
        freshAt(close);
        pos = close;
        continue;
      }
    }

    if (open === 'table') {
      const mark = ranges.length;
      if (!row(text, pos, end, columns, inline)) {
        // A line opening with `|` in a table is one of its rows, however its cells read.
        ranges.length = mark;
        if (!readRow) return stop();
        // The rows after it that it cannot read either go to remark with it: one parse for them all.
        const [last, after] = unreadableRows(text, end, next, (from, to) => {
          const m = ranges.length;
          const ok = row(text, from, to, columns, inline);
          ranges.length = m;
          return ok;
        });
        const read = readRow(head, [pos, last]);
        for (const r of read.ranges) ranges.push(r);
        for (const key of read.keys) refs.add(key);
        pos = after;
        continue;
      }
      pos = next;
      continue;
    }

    // A table: its head and delimiter rows, at a block's start or interrupting a paragraph (not a
    // quoted or listed one, whose lines with pipes go on lazily: remark's). A line of pipes with no
    // line after it that may be a delimiter row (`|---|  `, `--- | ---`, `:--`) is text (below).
    if (c === 0x7c && next < n && test(MAYBE_DELIMITER_ROW, text, next)) {
      if ((open !== 'none' && open !== 'para') || !test(DELIMITER_ROW, text, next)) return stop();
      const delimiterEnd = text.indexOf('\n', next) === -1 ? n : text.indexOf('\n', next);
      const count = text.slice(next + 1, delimiterEnd).match(DELIMITER_CELL)?.length ?? 0;
      if (!row(text, pos, end, count, inline)) return stop();
      open = 'table';
      columns = count;
      head = [pos, delimiterEnd > next && text.charCodeAt(delimiterEnd - 1) === 13 ? delimiterEnd - 1 : delimiterEnd];
      pos = delimiterEnd < n ? delimiterEnd + 1 : n;
      continue;
    }

    // A backslash before the line ending (not escaped) breaks a paragraph's line hard when the
    // paragraph goes on, and is text at its end (a heading's and a cell's are remark's).
    // (After a space, or alone on its line, it is remark's.)
    const slash = !trailing && end > pos + 1 && text.charCodeAt(end - 1) === 0x5c && !isSpace(text, end - 2) && unescaped(text, end - 1, pos);
    if (slash) end--;
    // A list item, its marker at most three columns past the content of the open item it is in, or
    // of none (`- a` then `    - b` or `\t- b`, as outlines nest; `  - a` under a paragraph).
    let lead = 0;
    let indent = 0;
    if ((c === 0x20 || c === 0x09) && (open === 'list' || open === 'para' || open === 'none')) [lead, indent] = indentation(text, pos);
    const depth = open === 'list' ? enclosingItems(items, indent) : 0;
    // Four columns or more past that content, a line opens no block: it goes on the open paragraph.
    const deep = indent - (depth === 0 ? 0 : items[depth - 1].column) > 3;
    const item = ((c !== 0x20 && c !== 0x09) || lead > 0) && !deep ? test(ITEM_MARKER, text, pos + lead) : null;
    if (item) {
      const marker = item[1];
      const m = marker.charCodeAt(0);
      const kind: ListKind = marker.length === 1 && (m < 0x30 || m > 0x39) ? 'bullet' : (marker.slice(-1) as ListKind);
      // An ordered list interrupts a paragraph only from 1; a list of the same kind goes on.
      const goesOn = open === 'list' && items.length > depth && items[depth].kind === kind;
      if (kind !== 'bullet' && (open !== 'none' || interrupts) && !goesOn && !(marker.length === 2 && m === 0x31)) return stop();
      // One to four spaces after the marker (`*   January`, as exported notes have them) set the
      // content's column; five or more open indented code in the item: remark's.
      let from = pos + lead + marker.length + 1;
      while (text.charCodeAt(from) === 0x20) from++;
      const gap = from - (pos + lead + marker.length);
      if (gap > 4) return stop();
      if (test(TASK_BOX, text, from)) from += 4; // a task's box and the space after it are no prose
      else if (test(TASK_BOX_ALONE, text, from)) return stop(); // a box, then the item's next line: remark's
      if (!startsParagraph(text, from, end) || !inline(from, end)) return stop();
      items.length = depth;
      items.push({ column: indent + marker.length + gap, kind });
      open = 'list';
      lineOfParagraph(end, trailing, lineEnd, hard, slash);
      pos = next;
      continue;
    }
    // A fence in an item (`  ```bash` under `- step`), at most three columns past its content: no
    // prose, to its closing fence in the item (a line indented less ends the item: remark's).
    if (lead > 0 && open === 'list' && !deep && depth > 0 && (text.charCodeAt(pos + lead) === 0x60 || text.charCodeAt(pos + lead) === 0x7e)) {
      const f = test(FENCE_OPEN, text, pos + lead);
      if (f) {
        const close = closingFenceInItem(text, next, f[1], items[depth - 1].column);
        if (close === -1) return stop();
        items.length = depth;
        fenced = true;
        pos = close;
        continue;
      }
    }
    if (lead > 0 && open === 'list') {
      // The paragraph of the innermost item goes on, at its content's column or lazily at another;
      // its text runs over the indentation. After a blank line, a paragraph of the item it is in starts.
      if (itemParagraph) {
        if (deep || depth === 0 || !startsParagraph(text, pos + lead, end)) return stop(); // code, or out of the list
        items.length = depth;
      } else if ((!deep && !startsParagraph(text, pos + lead, end)) || unclosedTag(text, paraLineEnd)) return stop();
      if (slashBreak && !itemParagraph) ranges.pop();
      const goesOn = !brokeHard && !itemParagraph;
      if (goesOn) ranges.push([paraLineEnd, pos]);
      const first = ranges.length;
      if (!inline(pos + lead, end)) return stop();
      if (goesOn && ranges[first]?.[0] === pos + lead) ranges[first][0] = pos;
      lineOfParagraph(end, trailing, lineEnd, hard, slash);
      pos = next;
      continue;
    }

    if (c === 0x3e /* > */) {
      // A block quote of one paragraph.
      if (text.charCodeAt(pos + 1) !== 0x20 || !startsParagraph(text, pos + 2, end)) return stop();
      if (open === 'quote' && slashBreak) ranges.pop();
      if (open === 'quote' && !brokeHard) ranges.push([paraLineEnd, pos]);
      const first = ranges.length;
      if (!inline(pos + 2, end)) return stop();
      // The `> ` of a later line is in the text only when text follows it.
      if (open === 'quote' && !brokeHard && ranges[first]?.[0] === pos + 2) ranges[first][0] = pos;
      open = 'quote';
      lineOfParagraph(end, trailing, lineEnd, hard, slash);
      pos = next;
      continue;
    }

    // A link reference definition on one line (`[r1]: /blog/r1`, `  [LFM2-8B]: https://…`): no
    // prose, and it defines its label. It interrupts no paragraph, and the line after it is read as
    // if it did (`interrupts`); an indented one, or a title or address on the next line, is remark's.
    if ((c === 0x5b || c === 0x20) && open === 'none' && (!interrupts || afterDefinition)) {
      const def = test(LINK_DEFINITION, text, pos);
      if (def && def[1].trim() !== '' && !def[1].startsWith('^')) {
        defined.push({ offset: pos + def[0].indexOf('['), key: linkKey(def[1]), label: def[1] });
        definitionLine = true;
        pos = next;
        continue;
      }
    }
    if (c === 0x5b /* [ */ && (open === 'none' || open === 'footnote')) {
      const def = test(FOOTNOTE_DEFINITION, text, pos);
      if (def) {
        // A definition at a line's start ends the block before it (remark's too): a fresh point, so a
        // definition the fast path cannot read leaves the ones before it read (a generated table's notes).
        if (!interrupts && (pos === 0 || text.charCodeAt(pos - 1) === 0x0a)) freshAt(pos);
        const from = pos + def[0].length;
        if (!startsParagraph(text, from, end) || !inline(from, end)) return stop();
        defined.push({ offset: pos, key: footnoteKey(def[1]), label: def[1] });
        open = 'footnote';
        pos = next;
        continue;
      }
    }

    // A setext heading's underline after a paragraph: the paragraph's text is the heading's, the
    // underline is no prose, and the line after it starts afresh. (A quoted or listed paragraph's
    // `---` is a thematic break, or the item's: remark's.)
    if (open === 'para' && test(SETEXT_UNDERLINE, text, pos)) {
      open = 'none';
      freshAt(next);
      pos = next;
      continue;
    }
    if (open === 'para' && (c === 0x20 || c === 0x09)) {
      // An indented line goes on the paragraph: four columns or more never open a block there.
      let from = pos;
      while (text.charCodeAt(from) === 0x20 || text.charCodeAt(from) === 0x09) from++;
      if (!codeLine(text, pos) && !startsParagraph(text, from, end)) return stop();
      if (slashBreak) ranges.pop();
      if (!brokeHard) ranges.push([paraLineEnd, pos]);
      const first = ranges.length;
      if (!inline(from, end)) return stop();
      if (!brokeHard && ranges[first]?.[0] === from) ranges[first][0] = pos;
      lineOfParagraph(end, trailing, lineEnd, hard, slash);
      pos = next;
      continue;
    }
    // A tag alone on its line interrupts no paragraph: the paragraph goes on over it (an inline
    // tag). After a quoted or listed one micromark reads it as an HTML block: remark's. A line of
    // pipes with no delimiter row after it goes on a paragraph as text.
    if (!startsParagraph(text, pos, end) && c !== 0x7c && (open !== 'para' || c !== 0x3c || !loneTag(text, pos, end))) return stop();
    if (afterFence) return stop(); // after a fence in an item, a line with no indent ends the list
    // A paragraph, or the lazy continuation of a quoted one or of an item's: the line break is in its text.
    if (open === 'para' || open === 'quote' || open === 'list') {
      if (slashBreak) ranges.pop();
      if (!brokeHard) ranges.push([paraLineEnd, pos]);
    } else open = 'para';
    if (!inline(pos, end)) return stop();
    lineOfParagraph(end, trailing, lineEnd, hard, slash);
    pos = next;
  }
  return done(n);
}

/** True when the line at `at` is indented four columns or more (a tab to the next multiple of four) and not blank. */
function codeLine(text: string, at: number): boolean {
  let column = 0;
  let i = at;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20) column++;
    else if (c === 0x09) column += 4 - (column % 4);
    else break;
  }
  return column >= 4 && i < text.length && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d;
}

/**
 * Where a paragraph's line break starts in its text, after a line whose content ends at `end`:
 * there, or after the line's trailing spaces (then text) only if text runs up to them (`a \n`);
 * after a construct (`**b** \n`) they are no text.
 */
const breakFrom = (ranges: readonly Span[], end: number, trailing: boolean, lineEnd: number): number =>
  trailing && ranges[ranges.length - 1]?.[1] !== end ? lineEnd : end;

/** Whether the backslash at `at` is no escaped one: an even run of backslashes before it, from `from`. */
function unescaped(text: string, at: number, from: number): boolean {
  let k = at;
  while (k > from && text.charCodeAt(k - 1) === 0x5c) k--;
  return (at - k) % 2 === 0;
}

/** Where the spaces that end the line `[from, end)` start (`end` when it ends in none). */
function trailingSpaces(text: string, from: number, end: number): number {
  let cut = end;
  while (cut > from && text.charCodeAt(cut - 1) === 0x20) cut--;
  return cut;
}

/** The indentation at `at`: its characters, and its columns (a tab to the next multiple of four). */
function indentation(text: string, at: number): [number, number] {
  let column = 0;
  let i = at;
  for (; ; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20) column++;
    else if (c === 0x09) column += 4 - (column % 4);
    else break;
  }
  return [i - at, column];
}

/**
 * Whether the line ending at `lineEnd` has a `<` after its last `>`: a tag's attributes may go on
 * over the line ending, and micromark's failed try at one leaves the next line's item indentation
 * in the text (`- a <span` then `  **b**`).
 */
function unclosedTag(text: string, lineEnd: number): boolean {
  // Searched in the line alone: a search back from its end through the note is quadratic.
  const line = text.slice(text.lastIndexOf('\n', lineEnd - 1) + 1, lineEnd);
  const lt = line.lastIndexOf('<');
  return lt !== -1 && line.lastIndexOf('>') < lt;
}

/** How many of the open `items` (outermost first, their content columns ascending) a line indented `indent` columns is inside. */
function enclosingItems(items: readonly { column: number }[], indent: number): number {
  let depth = 0;
  while (depth < items.length && items[depth].column <= indent) depth++;
  return depth;
}

/** The start of the line after the last line of an indented code block whose next line starts at `from`: blank lines between go on it. */
function indentedCodeEnd(text: string, from: number): number {
  const n = text.length;
  let end = from;
  for (let at = from; at < n; ) {
    const lineEnd = text.indexOf('\n', at) === -1 ? n : text.indexOf('\n', at);
    const next = lineEnd < n ? lineEnd + 1 : n;
    if (codeLine(text, at)) end = next;
    else if (!test(BLANK, text, at)) break;
    at = next;
  }
  return end;
}

/** The offset after the closing fence line of a fence opened with `fence`, or -1 if it runs to the end. */
function closingFence(text: string, from: number, fence: string): number {
  const re = new RegExp(`(?<=\\n) {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*\\r?(?![^\\n])`, 'g');
  re.lastIndex = from;
  const m = re.exec(text);
  if (!m) return -1;
  const end = m.index + m[0].length;
  return end < text.length ? end + 1 : end;
}

/**
 * The start of the line after the closing fence of `fence`, opened in a list item whose content
 * is at `column`, reading from the line at `from`: its lines are the item's while indented to
 * `column` or blank; the text's end closes it. -1 when a line indented less ends the item first.
 */
function closingFenceInItem(text: string, from: number, fence: string, column: number): number {
  const n = text.length;
  const close = new RegExp(`${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*\r?(?![^\n])`, 'y');
  for (let at = from; at < n; ) {
    const lineEnd = text.indexOf('\n', at) === -1 ? n : text.indexOf('\n', at);
    const next = lineEnd < n ? lineEnd + 1 : n;
    if (!test(BLANK, text, at)) {
      const [lead, indent] = indentation(text, at);
      if (indent < column) return -1;
      if (indent - column <= 3 && test(close, text, at + lead)) return next;
    }
    at = next;
  }
  return n;
}

/** A table row `| a | b |` with `columns` cells between `start` and `end`: reads its cells' prose. */
function row(text: string, start: number, end: number, columns: number, inline: (from: number, to: number, cell: boolean) => boolean): boolean {
  if (text.charCodeAt(end - 1) !== 0x7c) return false;
  let cells = 0;
  for (let from = start + 1; from < end; cells++) {
    const bar = text.indexOf('|', from);
    let a = from;
    let b = bar;
    while (a < b && text.charCodeAt(a) === 0x20) a++;
    while (b > a && text.charCodeAt(b - 1) === 0x20) b--;
    if (a < b && !inline(a, b, true)) return false;
    from = bar + 1;
  }
  return cells === columns;
}

/** True when a line's text at `at` opens a paragraph (and no other block) wherever a block may start. */
function startsParagraph(text: string, at: number, end: number): boolean {
  if (at >= end) return false;
  const c = text.charCodeAt(at);
  switch (c) {
    case 0x3e: case 0x2d: case 0x2b: case 0x3d: case 0x7e: case 0x7c: // > - + = ~ |
      return false;
    case 0x3a: // : — a table's delimiter row starts `:-`; else text (`: 구글이 …`, as a gloss under an item)
      return text.charCodeAt(at + 1) !== 0x2d;
    case 0x3c: // < — text (`<3`), or an inline tag then text; a tag that opens an HTML block is remark's
      return (!test(AUTOLINK, text, at) && literalAngle(text, at)) || inlineTagLine(text, at, end) === 'text';
    case 0x5f: // one or two _ then text: emphasis, not a thematic break
      return (text.charCodeAt(at + 1) !== 0x5f || text.charCodeAt(at + 2) !== 0x5f) && !isSpace(text, at + 1) && !(text.charCodeAt(at + 1) === 0x5f && isSpace(text, at + 2));
    case 0x23: { // # not followed by a space: text
      let h = at + 1;
      while (text.charCodeAt(h) === 0x23) h++;
      return h < end && text.charCodeAt(h) !== 0x20 && text.charCodeAt(h) !== 0x09;
    }
    case 0x2a: // one or two * then text: emphasis, not a list item or thematic break
      return (text.charCodeAt(at + 1) !== 0x2a || text.charCodeAt(at + 2) !== 0x2a) && !isSpace(text, at + 1) && !(text.charCodeAt(at + 1) === 0x2a && isSpace(text, at + 2));
    case 0x60: // one backtick: a code span, not a fence
      return text.charCodeAt(at + 1) !== 0x60;
    default:
      if (c >= 0x30 && c <= 0x39) return !test(ORDERED_MARKER, text, at);
      return !/\s/.test(text[at]);
  }
}

/** The tag names of CommonMark's HTML blocks of kinds 1 and 6, which open a block whatever follows them. */
const BLOCK_TAGS = new Set(
  ('script pre style textarea address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt ' +
    'fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem nav ' +
    'noframes ol optgroup option p param search section summary table tbody td tfoot th thead title tr track ul').split(' '),
);

/** The start of an HTML block of CommonMark's sixth kind, at a line's start: a block tag's name, then a space, `>`, `/>` or the line's end. */
const HTML_BLOCK_OPEN = new RegExp(
  String.raw`<\/?(?:${[...BLOCK_TAGS].filter((t) => !['script', 'pre', 'style', 'textarea'].includes(t)).join('|')})(?=[ \t>]|\/>|\r?\n|\r?$)`,
  'iy',
);

/**
 * A complete tag opening the line `[at, end)` that is neither of the first kind (`<script>`,
 * `<pre>`…) nor a block tag (the sixth, `HTML_BLOCK_OPEN`), which open a block whatever follows:
 * `'text'` when text follows it on the line (`<span class="hl">SKT</span> …`: a paragraph),
 * `'alone'` when nothing does (`<br>`: CommonMark's seventh kind of HTML block where a block
 * starts, an inline tag where a paragraph goes on), else undefined.
 */
function inlineTagLine(text: string, at: number, end: number): 'text' | 'alone' | undefined {
  if (!test(INLINE_TAG, text, at)) return undefined;
  const tagEnd = INLINE_TAG.lastIndex;
  const name = /^<\/?([A-Za-z][A-Za-z0-9-]*)/.exec(text.slice(at, tagEnd))![1].toLowerCase();
  if (BLOCK_TAGS.has(name)) return undefined;
  const lineEnd = text.indexOf('\n', tagEnd);
  return text.slice(tagEnd, lineEnd === -1 || lineEnd > end ? end : lineEnd).trim() !== '' ? 'text' : 'alone';
}
const loneTag = (text: string, at: number, end: number): boolean => inlineTagLine(text, at, end) === 'alone';

const isSpace = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || Number.isNaN(c);
};

// ---- inline content --------------------------------------------------------------------------

/** ASCII characters that may start an inline construct or a line break: handled one by one. */
const SPECIAL = new Uint8Array(128);
for (const ch of '\\`*_[]<&~|@:hwW') SPECIAL[ch.charCodeAt(0)] = 1;
for (let i = 0; i < 0x20; i++) SPECIAL[i] = 1;
SPECIAL[0x7f] = 1;

const FOOTNOTE_CALL = new RegExp(String.raw`\^(${FOOTNOTE_LABEL})\]`, 'uy');
/**
 * Inline raw HTML on one line (CommonMark): an open tag with attributes (`<span class="hl">`,
 * `<br/>`) or a closing tag (`</span>`). A tag spread over lines is left to remark.
 */
const INLINE_TAG = /<(?:[A-Za-z][A-Za-z0-9-]*(?:[ \t]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \t]*=[ \t]*(?:[^ \t\n\r"'=<>`]+|'[^'\n\r]*'|"[^"\n\r]*"))?)*[ \t]*\/?|\/[A-Za-z][A-Za-z0-9-]*[ \t]*)>/y;
/**
 * An inline link of plain text: no construct inside (an `@` makes no address in a link's text,
 * GFM; a `_` inside a word opens and closes no emphasis, `[we_benchmarked](…)`); its address may
 * hold one level of balanced parentheses (`…/wiki/Llama_(language_model)`).
 */
/** A link's address in its parentheses, which may hold one level of balanced parentheses. */
const DESTINATION = String.raw`\(((?:[^\s()<>\\\`]|\([^\s()<>\\\`]*\))*)\)`;
const plainLink = (pipes: string): RegExp =>
  new RegExp(String.raw`\[((?:[^[\]\\\`*_<>&~${pipes}\n\r\t]|(?<=[A-Za-z0-9])_(?=[A-Za-z0-9]))*)\]` + DESTINATION, 'y');
const LINK = plainLink('|');
/** The same outside a table's cell, where `|` is text (`[Qwen-1.8B|7B](…)`). */
const LINK_OUTSIDE_CELL = plainLink('');
/** A character of an email's local part (GFM's `atext`). */
const ATEXT = /[A-Za-z0-9+._-]/;
const WWW = /www\./iy;
/** A bare URL in a plain form: a domain (GFM's needs no dot), a path of ordinary characters. */
const URL_REST = String.raw`[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?:/[A-Za-z0-9/\-%=+#?.:!$,;]*)?`;
const BARE_URL = new RegExp(`(?:https?://|www\\.)${URL_REST}`, 'y');
const WHITESPACE = /\s/;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const PUNCTUATION = /[\p{P}\p{S}]/u;

const URL_END = /[A-Za-z0-9/\-=+#%$]/;
const TRAIL = /[.,:;!?]/;

/**
 * A bare URL at `i` in a form whose extent is beyond doubt (after a space or at the start, ending
 * in a letter, digit or `/`, before a space or the end, maybe with sentence punctuation between):
 * its end. `i` when no URL starts there, -1 when one may but its extent is in doubt.
 */
function bareUrl(text: string, i: number, from: number, to: number): number {
  const c = text.charCodeAt(i);
  const www = c !== 0x68;
  if (www ? !test(WWW, text, i) : !text.startsWith('http://', i) && !text.startsWith('https://', i)) return i;
  // After a space, or a `(` (`(https://…)`, or `[label](https://…` cut at a cell's end), as GFM allows.
  if (i > from && !AFTER_URL_START.test(text[i - 1])) return -1;
  const m = test(BARE_URL, text, i);
  if (!m) return -1;
  let end = i + m[0].length;
  while (end > i && TRAIL.test(text[end - 1])) end--;
  if (!URL_END.test(text[end - 1])) return -1;
  // GFM's trail: punctuation, and a `)` the address does not open (it has no `(`), before a space or the end.
  let after = end;
  while (after < to && URL_TRAIL.test(text[after])) after++;
  return after === to || text.charCodeAt(after) === 0x20 ? end : -1;
}
/** What may stand before a bare address whose start is beyond doubt (GFM allows more before `http`). */
const AFTER_URL_START = /[ (]/;
/** What may follow a bare address and be no part of it (GFM's trail, less `*`, `_`, `~` and quotes). */
const URL_TRAIL = /[.,:;!?)]/;

/** A link whose whole text is emphasised (`[**HF model hub**](…)`): the marks, the text (no space at either end), the address. */
const EMPHASIZED_LINK = new RegExp(String.raw`\[(\*\*|\*|__|_)([^\s[\]\\\`*_<>&~|](?:[^[\]\\\`*_<>&~|\n\r\t]*[^\s[\]\\\`*_<>&~|])?)\1\]` + DESTINATION, 'y');
/** A link whose whole text is a code span (`` [`beyond-vibes`](…) ``). */
const CODE_LINK = new RegExp(String.raw`\[\`[^\`[\]|\n\r]+\`\]` + DESTINATION, 'y');

/**
 * A link at `i` whose whole text is one emphasis or one code span, as notes link titles and
 * repositories: its end, and the emphasis's text (prose; code is none). Undefined for anything else.
 */
function styledLink(text: string, i: number, to: number): { end: number; text?: Span } | undefined {
  const emphasized = test(EMPHASIZED_LINK, text, i);
  if (emphasized && EMPHASIZED_LINK.lastIndex <= to) {
    const from = i + 1 + emphasized[1].length;
    return { end: EMPHASIZED_LINK.lastIndex, text: [from, from + emphasized[2].length] };
  }
  return test(CODE_LINK, text, i) && CODE_LINK.lastIndex <= to ? { end: CODE_LINK.lastIndex } : undefined;
}

/** A link's text as the fast path reads it: plain characters, no construct inside. */
const PLAIN_LABEL = /\[([^[\]\\`*_<>&~|@\n\r\t]+)\]\(/y;

/**
 * The end of `[[label]]` at `i` when it is text to CommonMark (a wiki link of Obsidian or Logseq):
 * its inner `[label]` is text (`bracketed`: not defined), and no `(` or `[` after it could make a
 * link of the whole; else -1.
 */
function wikiLink(text: string, i: number, to: number, definitions: DefinitionTable, refs: Set<string>): number {
  const inner = bracketed(text, i + 1, to, definitions, refs, false);
  if (!inner || inner.defined || inner.end >= to || text.charCodeAt(inner.end) !== 0x5d) return -1;
  const end = inner.end + 1;
  const following = end < to ? text.charCodeAt(end) : -1;
  return following === 0x28 || following === 0x5b ? -1 : end;
}

/**
 * `[label]` at `i` with nothing after it that makes it part of a link (`(`, `[`, or at a line's
 * start `:`): its end, and whether `label` is defined (a shortcut reference: the label is the
 * link's text) or not (brackets and label are text). The label's key goes into `refs`. Undefined
 * for anything else.
 */
function bracketed(text: string, i: number, to: number, definitions: DefinitionTable, refs: Set<string>, lineStart: boolean): { end: number; textEnd: number; defined: boolean } | undefined {
  const m = test(BRACKETED, text, i);
  if (!m || BRACKETED.lastIndex > to || ADDRESS_IN.test(m[1])) return undefined;
  const end = BRACKETED.lastIndex;
  const following = end < to ? text.charCodeAt(end) : -1;
  if (following === 0x28 || following === 0x5b || (following === 0x3a && lineStart)) return undefined;
  const key = linkKey(m[1]);
  refs.add(key);
  return { end, textEnd: end - 1, defined: definitions.has(key) };
}

/**
 * `[text][label]` or `[text][]` at `i`, nothing after it that makes more of it (`(`, `[`): its end,
 * where its text ends, and whether the label is defined (a full or collapsed reference: the text is
 * the link's) or neither it nor the text is (all of it text). The keys go into `refs`. Undefined
 * for anything else (an undefined label after a defined text makes a shortcut reference of that).
 */
function referenceLink(text: string, i: number, to: number, definitions: DefinitionTable, refs: Set<string>): { end: number; textEnd: number; defined: boolean } | undefined {
  const first = test(BRACKETED, text, i);
  if (!first || text.charCodeAt(BRACKETED.lastIndex) !== 0x5b) return undefined;
  const textEnd = BRACKETED.lastIndex - 1;
  const collapsed = text.charCodeAt(textEnd + 2) === 0x5d;
  const second = collapsed ? first : test(BRACKETED, text, textEnd + 1);
  const end = collapsed ? textEnd + 3 : BRACKETED.lastIndex;
  if (!second || end > to || ADDRESS_IN.test(first[1]) || ADDRESS_IN.test(second[1])) return undefined;
  const following = end < to ? text.charCodeAt(end) : -1;
  if (following === 0x28 || following === 0x5b) return undefined;
  const key = linkKey(second[1]);
  const own = linkKey(first[1]);
  refs.add(key).add(own);
  if (definitions.has(key)) return { end, textEnd, defined: true };
  return definitions.has(own) ? undefined : { end, textEnd, defined: false };
}
/**
 * A bare address in brackets that make no link (`[https://openai.com/sora], …`): micromark reads
 * the text before it in its paragraph as no text. Remark's.
 */
const ADDRESS_IN = /:\/\/|www\./i;
/** A label of plain characters; `_` only inside a word, where it opens and closes no emphasis (`Q8_0`). */
const BRACKETED = /\[((?:[^[\]\\`*_<>&~|@\n\r\t]|(?<=[A-Za-z0-9])_(?=[A-Za-z0-9]))+)\]/y;

/**
 * `[label](` at `i` ending before `to`, with no `)` after it before `limit` (the end of its cell
 * or paragraph: a link cut at the end of a table's cell, as in clipped pages; a paragraph's link
 * may close on a later line): no inline link can close, and with no definition of the label no
 * reference link either, so `[`, the label, `]` and `(` are text. The label's key goes into `refs`: a
 * definition added later makes it a link.
 */
function unfinishedLink(text: string, i: number, to: number, limit: number, definitions: DefinitionTable, refs: Set<string>): boolean {
  const label = test(PLAIN_LABEL, text, i);
  if (!label || PLAIN_LABEL.lastIndex > to || indexIn(text, 0x29 /* ) */, PLAIN_LABEL.lastIndex, limit) !== -1) return false;
  const key = linkKey(label[1]);
  refs.add(key);
  return !definitions.has(key);
}

/** The code point ending at `i` (exclusive), or undefined at `from`. */
function pointBefore(text: string, i: number, from: number): string | undefined {
  if (i <= from) return undefined;
  const c = text.charCodeAt(i - 1);
  return c >= 0xdc00 && c <= 0xdfff && i - 2 >= from ? text.slice(i - 2, i) : text[i - 1];
}
function pointAt(text: string, i: number, to: number): string | undefined {
  if (i >= to) return undefined;
  const cp = text.codePointAt(i)!;
  return String.fromCodePoint(cp);
}

/** Where the last run of `*`, of `_` and of `~` that can close emphasis or strikethrough starts; -1 when none can. */
export type Closers = readonly [star: number, underscore: number, tilde: number];
const NO_CLOSERS: Closers = [-1, -1, -1];
/** What a caller that has not looked says: any run may have a closer after it. */
const ANY_CLOSERS: Closers = [Infinity, Infinity, Infinity];

/**
 * Where in `text[from, to)` the last `*` run and the last `_` run that can close emphasis start: a
 * run that can open but not close, with no such run after it, opens nothing (emphasis needs a
 * closer after its opener) and is text. Read from the raw text, a run may look able to close where
 * it is not (escaped, in code, at a cell's edge): never the other way, so the answer is safe.
 */
function lastClosers(text: string, from: number, to: number): Closers {
  return [lastCloser(text, 0x2a, from, to), lastCloser(text, 0x5f, from, to), lastCloser(text, 0x7e, from, to)];
}

/** The start of the last run of `c` in `text[from, to)` that can close emphasis, or -1: read from the end. */
function lastCloser(text: string, c: number, from: number, to: number): number {
  const ch = String.fromCharCode(c);
  for (let end = to; ; ) {
    // A native search of the stretch (a slice shares the note's characters).
    const found = text.slice(from, end).lastIndexOf(ch);
    if (found === -1) return -1;
    let i = from + found;
    const runEnd = i + 1;
    while (i > from && text.charCodeAt(i - 1) === c) i--;
    if (delimiterRun(text, c, i, runEnd, from, to).canClose) return i;
    end = i;
  }
}

/**
 * Whether the run of `c` (`*`, `_` or `~`) at `text[start, end)` inside `text[from, to)` can open and
 * can close emphasis (strikethrough), by CommonMark's flanking rules: `*` and `~` open when
 * left-flanking and close when right-flanking; `_` only from outside a word.
 */
function delimiterRun(text: string, c: number, start: number, end: number, from: number, to: number): { canOpen: boolean; canClose: boolean } {
  const before = kind(pointBefore(text, start, from));
  const after = kind(pointAt(text, end, to));
  const left = after !== 1 && (after !== 2 || before !== 0);
  const right = before !== 1 && (before !== 2 || after !== 0);
  return c !== 0x5f ? { canOpen: left, canClose: right } : { canOpen: left && (!right || before === 2), canClose: right && (!left || after === 2) };
}

/** The first offset of the UTF-16 unit `code` in `text[from, to)`, or -1: never reads past `to`. */
function indexIn(text: string, code: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === code) return i;
  return -1;
}

/** True when `ch` does not occur in `text[from, limit)`. */
const lacks = (text: string, ch: string, from: number, limit: number): boolean => indexIn(text, ch.charCodeAt(0), from, limit) === -1;
/** Whether `what` starts in `text[from, to)`: a native search of the stretch (a slice shares the note's characters). */
const before = (text: string, what: string, from: number, to: number): boolean => text.slice(from, to + what.length - 1).includes(what);

/** The start of the first blank line at or after the line holding `from`, or the text's end. */
function nextBlankLine(text: string, from: number): number {
  const n = text.length;
  let at = text.indexOf('\n', from);
  while (at !== -1 && at + 1 < n) {
    if (test(BLANK, text, at + 1)) return at + 1;
    at = text.indexOf('\n', at + 1);
  }
  return n;
}

/** micromark's classification: 1 whitespace (line edges too), 2 punctuation, 0 other. */
function kind(ch: string | undefined): 0 | 1 | 2 {
  if (ch === undefined || WHITESPACE.test(ch)) return 1;
  return PUNCTUATION.test(ch) ? 2 : 0;
}

/**
 * Prose ranges of the inline content `text[from, to)` (one line, or one table cell), pushed to
 * `out`; false when the content uses anything beyond the plain forms this reader knows. The
 * content's paragraph ends by `limit`, and `closers` tells where its last delimiter runs that can
 * close are (`lastClosers`): a run after them, or a `[`, `<` or backtick with no `]`, `>` or
 * backtick after it before `limit`, opens nothing, and is text.
 */
export function inlineProse(
  text: string,
  from: number,
  to: number,
  definitions: DefinitionTable,
  refs: Set<string>,
  out: Span[],
  cell = false,
  closers: Closers = ANY_CLOSERS,
  limit = to,
): boolean {
  const mark = out.length;
  const fail = (): boolean => {
    out.length = mark;
    return false;
  };
  let run = from; // start of the current stretch of prose
  const prose = (end: number): void => {
    if (end > run) out.push([run, end]);
  };
  let opener = 0; // length of a pending `*`, `**`, `_` or `__`
  let openerChar = 0; // and which
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 || SPECIAL[c] === 0) {
      i++;
      continue;
    }
    switch (c) {
      case 0x3a: // :  — `://` may make an autolink literal
        if (text.charCodeAt(i + 1) === 0x2f && text.charCodeAt(i + 2) === 0x2f) return fail();
        i++;
        continue;
      case 0x68: case 0x77: case 0x57: { // h w W — `http://`, `https://` and `www.` may make an autolink literal
        const url = bareUrl(text, i, from, to);
        if (url === -1) return fail();
        if (url > i) {
          prose(i);
          i = run = url;
        } else i++;
        continue;
      }
      case 0x7c: // | — a cell boundary in tables, text elsewhere
        if (cell) return fail();
        i++;
        continue;
      case 0x60: { // ` — a code span of single backticks, nothing that outranks it inside
        if (lacks(text, '`', i + 1, limit)) {
          while (text.charCodeAt(i) === 0x60) i++;
          continue;
        }
        const close = text.indexOf('`', i + 1);
        // Inside emphasis too (`**cache `k_t` and `v_t`**`): a code span binds tighter than any delimiter.
        if (close === -1 || close >= to || text.charCodeAt(i + 1) === 0x60 || text.charCodeAt(close + 1) === 0x60) return fail();
        if (text.slice(i + 1, close).includes('<')) return fail();
        prose(i);
        i = run = close + 1;
        continue;
      }
      case 0x2a: // * and _ — emphasis in strict pairs: an opener that cannot close, then a closer of the same run
      case 0x5f: {
        let r = 1;
        while (text.charCodeAt(i + r) === c) r++;
        const last = closers[c === 0x2a ? 0 : 1];
        if (last < i) {
          i += r; // no run of it after this one can close in the paragraph or cell: text
          continue;
        }
        const { canOpen, canClose } = delimiterRun(text, c, i, i + r, from, to);
        if (c === 0x5f && !canOpen && !canClose) {
          i += r; // `snake_case`: inside a word, text
          continue;
        }
        // Nothing open before it (every earlier run was paired on its line), and it either cannot
        // open (`b*`) or is the last run that can close, so nothing after it closes it (`8*220B`): text.
        if (opener === 0 && (!canOpen || last === i)) {
          i += r;
          continue;
        }
        if (r > 2) return fail();
        if (opener === 0) {
          // A `*` run inside a word opens too (`o**f 128K tokens**`); a `_` one there opens nothing.
          if (!canOpen || (canClose && c !== 0x2a)) return fail();
          opener = r;
          openerChar = c;
        } else {
          if (c !== openerChar || r !== opener || !canClose) return fail();
          opener = 0;
        }
        prose(i);
        i = run = i + r;
        continue;
      }
      case 0x7e: { // ~ — text (`~120GB`), unless it may open a strikethrough that a later run closes
        let r = 1;
        while (text.charCodeAt(i + r) === 0x7e) r++;
        if (closers[2] > i && delimiterRun(text, c, i, i + r, from, to).canOpen) return fail();
        i += r;
        continue;
      }
      case 0x5b: { // [ — a footnote call or an inline link or image
        if (lacks(text, ']', i + 1, limit)) {
          // micromark reads a bare address after a lone `[` in its paragraph oddly (the whole line as no text, or the address as text): remark's.
          if (before(text, 'www.', i + 1, limit) || before(text, '://', i + 1, limit)) return fail();
          i++;
          continue;
        }
        const prev = i > from ? text.charCodeAt(i - 1) : -1;
        if (prev === 0x5d /* ] */) return fail();
        // An inline link or image of plain text, inside emphasis too (`**[title](url)**`): no
        // delimiter in its text can pair with one outside it.
        const linkForm = cell ? LINK : LINK_OUTSIDE_CELL;
        const link = text.charCodeAt(i + 1) === 0x5e /* ^ */ ? null : test(linkForm, text, i);
        if (link && linkForm.lastIndex <= to) {
          const end = linkForm.lastIndex;
          if (prev === 0x21 /* ! */) {
            prose(i - 1); // an image: alt text is no prose
          } else {
            prose(i);
            const label = link[1];
            const url = link[2];
            const autolink = url === label || url === `mailto:${label}` || url === `http://${label}` || url === `https://${label}`;
            if (!autolink && label !== '') out.push([i + 1, i + 1 + label.length]);
          }
          i = run = end;
          continue;
        }
        const styled = link || opener || prev === 0x21 ? undefined : styledLink(text, i, to);
        if (styled) {
          prose(i);
          if (styled.text) out.push(styled.text);
          i = run = styled.end;
          continue;
        }
        // What follows makes no link whose text could hold a delimiter: read inside emphasis as
        // outside it (`**[Apps in ChatGPT] 앱**`).
        const note = text.charCodeAt(i + 1) === 0x5e ? test(FOOTNOTE_CALL, text, i + 1) : null;
        if (note) {
          const end = FOOTNOTE_CALL.lastIndex;
          const following = end < to ? text.charCodeAt(end) : -1;
          if (prev === 0x21 || following === 0x28 || following === 0x5b || following === 0x3a || end > to) return fail();
          const key = footnoteKey(note[1]);
          refs.add(key);
          if (definitions.has(key)) {
            prose(i);
            run = end;
          }
          i = end;
          continue;
        }
        if (text.charCodeAt(i + 1) === 0x5b /* [ */) {
          const end = wikiLink(text, i, to, definitions, refs);
          if (end === -1) return fail();
          i = end; // `[[Page]]` as notes apps link pages: text, unless `[Page]` is defined
          continue;
        }
        if (!link && unfinishedLink(text, i, to, limit, definitions, refs)) {
          i++; // `[label](https://exampl` cut at a cell's end: brackets and text, then maybe a bare URL
          continue;
        }
        // `[label]` alone or `[text][label]`: text (`[1]`, `[REMOVED]`), or a reference to a defined label.
        const label = link ? undefined : bracketed(text, i, to, definitions, refs, i === from && !cell) ?? referenceLink(text, i, to, definitions, refs);
        if (label === undefined) return fail();
        if (label.defined) {
          if (prev === 0x21 /* ! */) prose(i - 1); // an image: alt text is no prose
          else {
            prose(i);
            out.push([i + 1, label.textEnd]);
          }
          run = label.end;
        }
        i = label.end;
        continue;
      }
      case 0x3c: { // < — an autolink `<https://…>` (its text is its address) or a tag (no prose); anything else is remark's
        if (lacks(text, '>', i + 1, limit)) {
          i++;
          continue;
        }
        if (opener) return fail();
        const auto = test(AUTOLINK, text, i);
        const end = auto ? AUTOLINK.lastIndex : test(INLINE_TAG, text, i) ? INLINE_TAG.lastIndex : -1;
        if (end === -1 && literalAngle(text, i)) {
          i++;
          continue;
        }
        // A line opening with a tag that may open an HTML block never gets here (`startsParagraph`).
        if (end === -1 || end > to) return fail();
        prose(i);
        i = run = end;
        continue;
      }
      case 0x26: // & — a character reference is text where it stands, decoded or not
      case 0x5d: // ] — with no `[` open (an unread one has already failed), text
        i++;
        continue;
      case 0x5c: { // \ — an escaped punctuation character is text; at the line's end, a hard break is remark's
        if (i + 1 >= to) return fail();
        i += ASCII_PUNCTUATION.test(text[i + 1]) ? 2 : 1;
        continue;
      }
      case 0x40: // @ — ends an email's local part (GFM) only after one of its characters (`a@b.c`); else text (`@user`)
        if (i > from && ATEXT.test(text[i - 1])) return fail();
        i++;
        continue;
      default: // control characters
        return fail();
    }
  }
  if (opener) return fail();
  prose(to);
  return true;
}
