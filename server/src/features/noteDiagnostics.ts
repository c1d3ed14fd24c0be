import type { Diagnostic } from 'vscode-languageserver-types';
import type { NoteAnalysis } from '../analysis';
import type { KnowledgeBase } from '../knowledge/types';
import { paragraphEnd, paragraphStart } from '../markdown/paragraphs';
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
  const fresh = [...claimDiagnostics(analysis, kb, options, window), ...unknownNameDiagnostics(analysis, kb, options.locale, window)].map(
    (diagnostic) => ({ start: analysis.offsetAt(diagnostic.range.start), end: analysis.offsetAt(diagnostic.range.end), diagnostic }),
  );
  if (!window || !prev || !changed) return { version: analysis.version, items: sorted(fresh) };

  const kept: { start: number; end: number; diagnostic: Diagnostic }[] = [];
  for (const item of prev.items) {
    if (item.end <= window.start) kept.push(item);
    else if (item.start >= window.end - changed.delta) {
      const start = item.start + changed.delta;
      const end = item.end + changed.delta;
      kept.push({ start, end, diagnostic: { ...item.diagnostic, range: analysis.range({ start, end }) } });
    }
  }
  return { version: analysis.version, items: sorted([...kept, ...fresh]) };
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
