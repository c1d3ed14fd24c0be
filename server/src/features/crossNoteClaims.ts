/**
 * Claims that disagree across notes: for a model the knowledge base gives no count for (closed,
 * undisclosed, or a user's entry without one), a count in this note that another note states
 * differently gets an Information diagnostic pointing at the other places. With a count in the
 * knowledge base, the claim check (`claim.mismatch`) already says which is right.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { NoteAnalysis } from '../analysis';
import { isCheckable } from '../check/claims';
import { fileName } from '../format/markdown';
import type { KnowledgeBase } from '../knowledge/types';
import { fill, messages, type Locale } from '../l10n';
import { DIAGNOSTIC_SOURCE, DiagnosticCodes } from '../protocol';
import type { IndexedClaim } from '../workspace/noteIndex';

export interface CrossNoteOptions {
  locale: Locale;
  /** Relative difference still read as agreement (the claim check's tolerance). */
  tolerance: number;
  /** The claims other notes make for a model. */
  claimsElsewhere(id: string): readonly (IndexedClaim & { uri: string })[];
}

/** Other places shown in the message; all are in the related information. */
const SHOWN = 3;

export function crossNoteDiagnostics(analysis: NoteAnalysis, kb: KnowledgeBase, options: CrossNoteOptions): Diagnostic[] {
  const t = messages(options.locale);
  const out: Diagnostic[] = [];
  for (const claim of analysis.claims) {
    if (!claim.refersTo || !isCheckable(claim) || claim.active) continue;
    const model = kb.get(claim.refersTo);
    if (model?.kind !== 'model' || model.parameters?.total !== undefined) continue;
    const differ = options
      .claimsElsewhere(model.id)
      .filter((c) => !c.active && Math.abs(c.value - claim.value) > options.tolerance * Math.max(c.value, claim.value));
    if (differ.length === 0) continue;
    const place = (c: (typeof differ)[number]) => `${c.text}, ${fileName(c.uri)}:${c.range.start.line + 1}`;
    out.push({
      range: analysis.range(claim),
      severity: DiagnosticSeverity.Information,
      code: DiagnosticCodes.claimDisagreement,
      source: DIAGNOSTIC_SOURCE,
      message: fill(t.claimDisagreement, { model: model.name, others: differ.slice(0, SHOWN).map(place).join('; ') }),
      relatedInformation: differ.map((c) => ({ location: { uri: c.uri, range: c.range }, message: c.text })),
    });
  }
  return out;
}
