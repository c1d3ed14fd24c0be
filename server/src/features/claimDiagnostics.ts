/**
 * Claim diagnostics: `DeepSeek-V3.1 has 700B parameters` gets a `claim.mismatch` diagnostic
 * naming both values in the note's notation. The verdict is `check/claims.ts`'s.
 */

import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { NoteAnalysis } from '../analysis';
import { formatCount, type Notation } from '../format/numbers';
import { rankedSources } from '../format/sources';
import type { AlternateCount, KnowledgeBase, ModelEntity } from '../knowledge/types';
import { fill, messages, type Locale, type MessageKey } from '../l10n';
import { DIAGNOSTIC_SOURCE, DiagnosticCodes } from '../protocol';
import { lowerBound } from '../recognize/spans';
import type { Claim } from '../recognize/types';
import { checkClaim, claimModel, defaultClaimCheckOptions, type ClaimCheckOptions, type ClaimMismatchData } from '../check/claims';
import { ensureFacts } from '../knowledge/facts';

/** One `claim.mismatch` diagnostic per claim that disagrees with the knowledge base. */
export function claimDiagnostics(
  analysis: NoteAnalysis,
  kb: KnowledgeBase,
  options: ClaimCheckOptions = defaultClaimCheckOptions,
  window?: { start: number; end: number },
): Diagnostic[] {
  const t = messages(options.locale);
  const out: Diagnostic[] = [];
  const claims = analysis.claims;
  for (let k = window ? lowerBound(claims, window.start, (c) => c.start) : 0; k < claims.length; k++) {
    const claim = claims[k];
    if (window && claim.start >= window.end) break;
    const model = claimModel(claim, kb);
    if (!model) continue;
    const check = checkClaim(claim, model, options.tolerance);
    if (!check || check.agrees || check.expected === undefined) continue;

    const count = (v: number): string => formatCount(v, claim.notation);
    const also = check.alternates.length
      ? fill(t.claimAlsoReported, { values: check.alternates.map(count).join(', ') })
      : '';
    const which: MessageKey = claim.active ? 'active' : 'total';
    const message = fill(t.claimMismatch, {
      model: model.name,
      expected: count(check.expected),
      which: t[which],
      also,
      claim: claim.text,
    });
    const data: ClaimMismatchData = { kind: DiagnosticCodes.claimMismatch, expected: check.expected, notation: claim.notation };
    const diagnostic: Diagnostic = {
      range: analysis.range(claim),
      severity: options.severity,
      code: DiagnosticCodes.claimMismatch,
      source: DIAGNOSTIC_SOURCE,
      message,
      data,
    };
    ensureFacts();
    const href = rankedSources(model.sources)[0]?.url;
    if (href) diagnostic.codeDescription = { href };
    out.push(diagnostic);
  }
  return out;
}
