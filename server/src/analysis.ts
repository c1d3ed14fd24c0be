import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { maskNote } from './markdown/prose';
import type { AliasIndex } from './recognize/aliasIndex';
import type { Claim, Mention } from './recognize/types';

/**
 * Everything recognition found in one version of a note. Immutable: a new version of the
 * note gets a new analysis; features only read it.
 */
export interface NoteAnalysis {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  /** The prose mask (see `markdown/prose.ts`). */
  readonly mask: string;
  /** Sorted by start, non-overlapping. */
  readonly mentions: readonly Mention[];
  /** Sorted by start, non-overlapping, never inside a mention. */
  readonly claims: readonly Claim[];
  /** LSP range (0-based, UTF-16) of an offset span: the one place positions are converted. */
  range(span: { start: number; end: number }): Range;
  offsetAt(position: { line: number; character: number }): number;
}

export interface Recognizers {
  aliases: AliasIndex;
  /** Parameter-count claims of the mask, linked to the mentions. */
  claims(mask: string, mentions: Mention[]): Claim[];
}

/** Analyses a whole note: parse, mask, mentions, claims. */
export function analyzeNote(source: TextDocument, recognizers: Recognizers): NoteAnalysis {
  const text = source.getText();
  // The server's documents are updated in place; positions must come from this version.
  const doc = TextDocument.create(source.uri, source.languageId, source.version, text);
  const mask = maskNote(text);
  const mentions = recognizers.aliases.find(mask);
  const claims = recognizers.claims(mask, mentions);
  return {
    uri: doc.uri,
    version: doc.version,
    text,
    mask,
    mentions,
    claims,
    range: (span) => ({ start: doc.positionAt(span.start), end: doc.positionAt(span.end) }),
    offsetAt: (position) => doc.offsetAt(position),
  };
}
