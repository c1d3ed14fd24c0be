import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { NoteAnalysis } from '../analysis';
import { firstEndingAfter } from '../recognize/spans';

/**
 * Semantic tokens: entity mentions by kind and parameter-count claims. They refine the TextMate
 * injection grammar (`syntaxes/`), which only approximates the recognizer, with what the analysis found.
 */

/** Families are `model`: a family name reads like a model name. */
export const tokenTypes = ['model', 'organization', 'parameterCount', 'product'] as const;
/** `mismatch`: a claim that disagrees with the knowledge base; `userDefined`: an entity from a user file. */
export const tokenModifiers = ['mismatch', 'userDefined'] as const;

export type TokenType = (typeof tokenTypes)[number];
export type TokenModifier = (typeof tokenModifiers)[number];

export const legend: SemanticTokensLegend = { tokenTypes: [...tokenTypes], tokenModifiers: [...tokenModifiers] };

export interface SemanticTokensOptions {
  /** Offsets of the note to cover: tokens that overlap it, whole (a `semanticTokens/range` request). */
  range?: { start: number; end: number };
  /** Start offsets of claims that disagree with the knowledge base. */
  mismatches?: ReadonlySet<number>;
  /** True for ids of entities that a user knowledge file or the front matter defines. */
  userDefined?: (id: string) => boolean;
}

interface Span {
  start: number;
  end: number;
  type: number;
  modifiers: number;
}

const TYPE: Record<TokenType, number> = { model: 0, organization: 1, parameterCount: 2, product: 3 };
const MODIFIER: Record<TokenModifier, number> = { mismatch: 1 << 0, userDefined: 1 << 1 };

/** The encoded tokens (LSP 3.16 relative form, UTF-16 columns) of the note's mentions and claims. */
export function semanticTokens(analysis: NoteAnalysis, opts: SemanticTokensOptions = {}): SemanticTokens {
  const range = opts.range ?? { start: 0, end: analysis.text.length };
  const data: number[] = [];
  let line = 0;
  let character = 0;
  const push = (span: Span): void => {
    for (const [start, end] of lineParts(analysis.text, span.start, span.end)) {
      if (end <= range.start || start >= range.end) continue;
      const at = analysis.range({ start, end: start }).start;
      data.push(at.line - line, at.line === line ? at.character - character : at.character, end - start, span.type, span.modifiers);
      line = at.line;
      character = at.character;
    }
  };

  // Mentions and claims are each sorted and never overlap one another: merge them in order.
  const { mentions, claims } = analysis;
  let m = firstEndingAfter(mentions, range.start);
  let c = firstEndingAfter(claims, range.start);
  while (m < mentions.length || c < claims.length) {
    const mention = mentions[m];
    const claim = claims[c];
    if (mention && (!claim || mention.start < claim.start)) {
      if (mention.start >= range.end) m = mentions.length;
      else {
        const userDefined = opts.userDefined?.(mention.id) ? MODIFIER.userDefined : 0;
        push({ start: mention.start, end: mention.end, type: TYPE[mention.kind], modifiers: userDefined });
        m++;
      }
    } else {
      if (claim.start >= range.end) c = claims.length;
      else {
        const mismatch = opts.mismatches?.has(claim.start) ? MODIFIER.mismatch : 0;
        push({ start: claim.start, end: claim.end, type: TYPE.parameterCount, modifiers: mismatch });
        c++;
      }
    }
  }
  return { data };
}


/**
 * `text[start, end)` cut at line breaks (LF, CR LF, CR), since LSP tokens are single-line: a mention soft-wrapped
 * across lines (`DeepSeek` / `V3.1`) is one token per line, white space at the cuts left out.
 */
function lineParts(text: string, start: number, end: number): [number, number][] {
  const parts: [number, number][] = [];
  let from = start;
  // LF, CR LF and a lone CR all end a line (a CR LF leaves an empty part, dropped below).
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) {
      parts.push([from, i]);
      from = i + 1;
    }
  }
  parts.push([from, end]);
  const out: [number, number][] = [];
  for (let [a, b] of parts) {
    while (a < b && isBlank(text.charCodeAt(a))) a++;
    while (b > a && isBlank(text.charCodeAt(b - 1))) b--;
    if (b > a) out.push([a, b]);
  }
  return out;
}

/** Space, tab, CR, NBSP, ideographic space: what indents or ends a wrapped line. */
function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0d || code === 0xa0 || code === 0x3000;
}

/** One decoded token, for tests and debugging. */
export interface DecodedToken {
  line: number;
  start: number;
  length: number;
  type: string;
  modifiers: string[];
}

/** The absolute tokens of encoded `data`, names taken from `legend`. */
export function decodeSemanticTokens(data: readonly number[], tokenLegend: SemanticTokensLegend = legend): DecodedToken[] {
  const tokens: DecodedToken[] = [];
  let line = 0;
  let start = 0;
  for (let i = 0; i + 4 < data.length; i += 5) {
    const [deltaLine, deltaStart, length, type, bits] = data.slice(i, i + 5);
    start = deltaLine === 0 ? start + deltaStart : deltaStart;
    line += deltaLine;
    const modifiers = tokenLegend.tokenModifiers.filter((_, k) => (bits & (1 << k)) !== 0);
    tokens.push({ line, start, length, type: tokenLegend.tokenTypes[type], modifiers });
  }
  return tokens;
}
