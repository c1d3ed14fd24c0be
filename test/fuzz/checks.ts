/**
 * What the fuzzer asserts about answers: every position inside the document it answers for
 * (LSP lines end at LF, CRLF or CR; characters count UTF-16 units), semantic tokens decoded and
 * each within its line, and hover Markdown without links that run code or raw line breaks.
 */
import type { Position, Range } from 'vscode-languageserver-protocol';

/** The lengths of a text's lines in UTF-16 units, without their line ends. */
export function lineLengths(text: string): number[] {
  const lengths: number[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lengths.push(i - start);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lengths.push(text.length - start);
  return lengths;
}

/** Why `p` is not a position in a document with these lines, or undefined. */
export function badPosition(lines: readonly number[], p: Position | undefined): string | undefined {
  if (!p || typeof p.line !== 'number' || typeof p.character !== 'number') return `not a position: ${JSON.stringify(p)}`;
  if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) return `negative or fractional: ${JSON.stringify(p)}`;
  if (p.line >= lines.length) return `line ${p.line} ≥ line count ${lines.length}`;
  if (p.character > lines[p.line]) return `character ${p.character} > length ${lines[p.line]} of line ${p.line}`;
  return undefined;
}

export function badRange(lines: readonly number[], r: Range | undefined): string | undefined {
  if (!r) return 'no range';
  const why = badPosition(lines, r.start) ?? badPosition(lines, r.end);
  if (why) return why;
  if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) return `start after end: ${JSON.stringify(r)}`;
  return undefined;
}

export interface Token {
  line: number;
  start: number;
  length: number;
  type: number;
  modifiers: number;
}

/** Decodes relative semantic tokens; problems with the encoding itself go to `problems`. */
export function decodeTokens(data: readonly number[], types: number, modifiers: number, problems: string[]): Token[] {
  if (!Array.isArray(data)) {
    problems.push('data is not an array');
    return [];
  }
  if (data.length % 5 !== 0) problems.push(`data length ${data.length} is not a multiple of 5`);
  const tokens: Token[] = [];
  let line = 0;
  let start = 0;
  for (let i = 0; i + 4 < data.length; i += 5) {
    const [dl, ds, length, type, bits] = data.slice(i, i + 5);
    if ([dl, ds, length, type, bits].some((x) => !Number.isInteger(x) || x < 0)) problems.push(`token ${i / 5}: negative or fractional field in ${[dl, ds, length, type, bits]}`);
    line += dl;
    start = dl === 0 ? start + ds : ds;
    if (type >= types) problems.push(`token ${i / 5}: type ${type} outside the legend`);
    if (bits >= 1 << modifiers) problems.push(`token ${i / 5}: modifier bits ${bits} outside the legend`);
    tokens.push({ line, start, length, type, modifiers: bits });
  }
  return tokens;
}

/** Why tokens are not each within their line, non-empty, in order and disjoint. */
export function tokenProblems(lines: readonly number[], tokens: readonly Token[]): string[] {
  const problems: string[] = [];
  let previous: Token | undefined;
  for (const t of tokens) {
    if (t.line >= lines.length) problems.push(`token at line ${t.line} ≥ line count ${lines.length}`);
    else if (t.start + t.length > lines[t.line]) problems.push(`token ${t.line}:${t.start}+${t.length} runs past the end of its line (length ${lines[t.line]})`);
    if (t.length === 0) problems.push(`empty token at ${t.line}:${t.start}`);
    if (previous && previous.line === t.line && previous.start + previous.length > t.start) problems.push(`tokens overlap at ${t.line}:${t.start}`);
    previous = t;
  }
  return problems;
}

/** Hover Markdown that could run code or was not normalised. */
export function hoverProblems(markdown: string): string[] {
  const problems: string[] = [];
  if (/\]\(\s*<?\s*(command|javascript|vbscript|data):/i.test(markdown) || /\b(href|src)\s*=\s*["']?\s*(javascript|command):/i.test(markdown)) problems.push('hover has a command:/javascript: link');
  if (/\r(?!\n)/.test(markdown)) problems.push('hover has a lone CR');
  if (/\u0000/.test(markdown)) problems.push('hover has a NUL');
  return problems;
}
