/**
 * Quick fixes for `claim.mismatch`: replace the number in the note with the knowledge-base
 * value, written in the note's own notation (`700B` → `671B`, `7,000억` → `6,710억`).
 */

import { CodeActionKind, TextDocumentEdit, TextEdit, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import type { NoteAnalysis } from '../analysis';
import { formatCount, formatDigits } from '../format/numbers';
import type { KnowledgeBase } from '../knowledge/types';
import { messages, type Locale } from '../l10n';
import { DIAGNOSTIC_SOURCE, DiagnosticCodes } from '../protocol';
import type { Claim } from '../recognize/types';
import { checkClaim, claimModel, type ClaimMismatchData } from '../check/claims';
import { fill } from '../l10n';

/**
 * One preferred quick fix per `claim.mismatch` diagnostic of the request's context whose claim
 * is still at the diagnostic's range in this version of the note.
 */
export function claimQuickFixes(
  analysis: NoteAnalysis,
  kb: KnowledgeBase,
  diagnostics: readonly Diagnostic[],
  uri: string,
  locale: Locale,
): CodeAction[] {
  const t = messages(locale);
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.code !== DiagnosticCodes.claimMismatch || diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    const claim = claimAt(analysis, diagnostic);
    if (!claim) continue; // the text changed since the diagnostic was published
    const expected = expectedValue(claim, kb, diagnostic.data);
    if (expected === undefined) continue;
    const newText = sameStyle(formatCount(expected, claim.notation), claim);
    if (newText === claim.text) continue;
    const range = analysis.range(claim);
    actions.push({
      title: fill(t.claimReplace, { value: newText }),
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: {
        documentChanges: [TextDocumentEdit.create({ uri, version: analysis.version }, [TextEdit.replace(range, newText)])],
      },
    });
  }
  return actions;
}

function claimAt(analysis: NoteAnalysis, diagnostic: Diagnostic): Claim | undefined {
  const start = analysis.offsetAt(diagnostic.range.start);
  const end = analysis.offsetAt(diagnostic.range.end);
  return analysis.claims.find((c) => c.start === start && c.end === end);
}

/**
 * The current knowledge base decides; the diagnostic's `data` is the fallback when the model
 * is gone from it (a client may also drop `data`, so it is never required).
 */
function expectedValue(claim: Claim, kb: KnowledgeBase, data: unknown): number | undefined {
  const model = claimModel(claim, kb);
  if (model) {
    // Any tolerance gives the same expected value; the claim is known to disagree.
    const check = checkClaim(claim, model, 0);
    if (check) return check.agrees ? undefined : check.expected;
  }
  const d = data as Partial<ClaimMismatchData> | undefined;
  return typeof d?.expected === 'number' && Number.isFinite(d.expected) ? d.expected : undefined;
}

/** Keeps digit grouping of a Korean count when the note used it (`6,850억` → `6,710억`). */
function sameStyle(text: string, claim: Claim): string {
  if (claim.notation !== '억' || !/\d,\d/.test(claim.text)) return text;
  return text.replace(/\d{4,}/g, (digits) => formatDigits(Number(digits)));
}
