/**
 * The hover of a parameter-count claim: the count in both notations and in digits, how it is
 * qualified, and whether it agrees with the knowledge base's count of the model it is about.
 */

import { escapeMarkdown } from './markdown';
import { formatCount, formatDigits } from './numbers';
import type { KnowledgeBase } from '../knowledge/types';
import { fill, messages, type Locale, type MessageKey } from '../l10n';
import type { Claim, Qualifier } from '../recognize/types';
import { checkClaim, claimModel, defaultClaimCheckOptions } from '../check/claims';
import { parametersText, type NumberFormat } from './counts';

export interface ClaimHoverOptions {
  locale: Locale;
  numberFormat: NumberFormat;
  /** As in `ClaimCheckOptions`, so that the hover and the diagnostics agree. Default 0.02. */
  tolerance?: number;
}

const qualifierLine: Record<Qualifier, MessageKey | undefined> = {
  exact: undefined,
  approx: 'claimApprox',
  bound: 'claimBound',
  range: 'claimRange',
  negated: 'claimNegated',
  experts: 'claimExperts',
};

/** The hover Markdown of `claim`; paragraphs, so each line renders on its own. */
export function claimHoverMarkdown(claim: Claim, kb: KnowledgeBase, options: ClaimHoverOptions): string {
  const t = messages(options.locale);
  const other = claim.notation === '억' ? 'B' : '억';
  const lines = [`**${escapeMarkdown(claim.text)}** = ${formatCount(claim.value, other)} = ${formatDigits(claim.value)}`];
  const qualifier = qualifierLine[claim.qualifier];
  if (qualifier) lines.push(t[qualifier]);
  if (claim.active) lines.push(t.claimActive);

  const model = claimModel(claim, kb);
  if (model) {
    lines.push(`${escapeMarkdown(model.name)}: ${parametersText(model.parameters, options) ?? '—'}`);
    const check = checkClaim(claim, model, options.tolerance ?? defaultClaimCheckOptions.tolerance);
    if (check?.agrees) {
      const alt = typeof check.matched === 'object' ? check.matched : undefined;
      if (alt) lines.push(fill(t.claimAgreesAlternate, { note: escapeMarkdown(alt.note) }));
      else lines.push(check.matched === 'nominal' ? t.claimAgreesNominal : t.claimAgrees);
    } else if (check?.expected !== undefined) {
      lines.push(fill(t.claimDiffers, { expected: formatCount(check.expected, claim.notation) }));
    }
  }
  return lines.join('\n\n');
}
