import type { Diagnostic } from 'vscode-languageserver-types';
import type { NoteAnalysis } from '../analysis';
import type { KnowledgeBase } from '../knowledge/types';
import { paragraphEnd, paragraphStart } from '../markdown/paragraphs';
import { lowerBound } from '../recognize/spans';
import type { ClaimCheckOptions } from '../check/claims';
import { claimDiagnostics } from './claimDiagnostics';
import { unknownNameDiagnostics } from './unknownNames';

/** A note's diagnostics with the offsets they stand at, so the next version can reuse them. */
export interface NoteDiagnostics {
  /** The analysis version they were computed for. */
  readonly version: number;
  readonly items: readonly { start: number; end: number; diagnostic: Diagnostic }[];
}

/**
 * Claim mismatches and unknown names of a note. Given the previous version's result and an
 * analysis updated from that version (`analysis.changed`), only the paragraphs around the edit
 * are checked again; the rest is the previous result, moved. `prev` must come from the same
 * knowledge base and options. The result equals a full computation.
 */
export function noteDiagnostics(analysis: NoteAnalysis, kb: KnowledgeBase, options: ClaimCheckOptions, prev?: NoteDiagnostics): NoteDiagnostics {
  const changed = analysis.changed;
  const window =
    prev && changed && changed.previousVersion === prev.version ? paragraphsAround(analysis.text, changed.start, changed.end) : undefined;
  const fresh = sorted(
    [...claimDiagnostics(analysis, kb, options, window), ...unknownNameDiagnostics(analysis, kb, options.locale, window)].map((diagnostic) => ({
      start: analysis.offsetAt(diagnostic.range.start),
      end: analysis.offsetAt(diagnostic.range.end),
      diagnostic,
    })),
  );
  if (!window || !prev || !changed) return { version: analysis.version, items: fresh };
  // Items before the window stay; those after it move by the edit's length and whole lines.
  const items = prev.items;
  const firstAfter = lowerBound(items, window.end - changed.delta, (i) => i.start);
  const kept = items.slice(0, lowerBound(items, window.start, (i) => i.start)).filter((i) => i.end <= window.start);
  const out = kept.concat(fresh);
  for (let k = firstAfter, lines = 0; k < items.length; k++) {
    const { start, end, diagnostic } = items[k];
    if (k === firstAfter) lines = analysis.range({ start: start + changed.delta, end: start + changed.delta }).start.line - diagnostic.range.start.line;
    out.push({ start: start + changed.delta, end: end + changed.delta, diagnostic: lines === 0 ? diagnostic : moved(diagnostic, lines) });
  }
  return { version: analysis.version, items: out };
}

/** `diagnostic` on lines `lines` further down: it starts and ends after the edited lines. */
function moved(diagnostic: Diagnostic, lines: number): Diagnostic {
  const { start, end } = diagnostic.range;
  return { ...diagnostic, range: { start: { line: start.line + lines, character: start.character }, end: { line: end.line + lines, character: end.character } } };
}

/**
 * From the blank line before `start` to the blank line after `end`: claims and names never cross
 * one. A blank line may hold spaces or a CR (`\r\n\r\n` parts paragraphs as `\n\n` does).
 */
function paragraphsAround(text: string, start: number, end: number): { start: number; end: number } {
  return { start: paragraphStart(text, start), end: Math.min(text.length, paragraphEnd(text, end) + 1) };
}

function sorted<T extends { start: number; end: number }>(items: T[]): T[] {
  return items.sort((a, b) => a.start - b.start || a.end - b.end);
}
