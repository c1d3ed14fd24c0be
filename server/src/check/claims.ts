/**
 * The claim check: whether a parameter count stated in a note agrees with the knowledge base.
 * `checkClaim` is the one verdict the diagnostics, the claim hover and the quick fix share.
 */

import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Notation } from '../format/numbers';
import { nominalSize } from '../knowledge/nominal';
import type { AlternateCount, KnowledgeBase, ModelEntity } from '../knowledge/types';
import type { Locale } from '../l10n';
import type { DiagnosticCodes } from '../protocol';
import type { Claim } from '../recognize/types';

export interface ClaimCheckOptions {
  /** Relative difference still read as agreement: `0.02` lets 671B pass for 680B. */
  tolerance: number;
  severity: DiagnosticSeverity;
  locale: Locale;
}

export const defaultClaimCheckOptions: ClaimCheckOptions = {
  tolerance: 0.02,
  severity: DiagnosticSeverity.Information,
  locale: 'en',
};

/**
 * What a claim was found to agree with: the model's own count, one of its alternates, or the
 * size its official name states (`3B` for Llama 3.2 3B, which counts 3.21B).
 */
export type ClaimMatch = 'total' | 'active' | 'nominal' | AlternateCount;

export interface ClaimCheck {
  agrees: boolean;
  /** Set when the claim agrees. */
  matched?: ClaimMatch;
  /** Set when it does not: the knowledge-base value to write instead (the model's own count). */
  expected?: number;
  /** The other counts a source gives for the same kind (total or active), for the message. */
  alternates: number[];
}

/** The `data` of a `claim.mismatch` diagnostic: enough for the quick fix without the analysis. */
export interface ClaimMismatchData {
  kind: typeof DiagnosticCodes.claimMismatch;
  expected: number;
  notation: Notation;
}

/** Qualifiers stating a size of one model; bounds, ranges and negations say nothing checkable. */
export function isCheckable(claim: Claim): boolean {
  return claim.qualifier === 'exact' || claim.qualifier === 'approx';
}

/**
 * Whether `claim` agrees with `model`'s parameter count (total, or active for an active claim)
 * or any of its alternates, within `tolerance` (a fraction of the knowledge-base value).
 * Undefined when there is nothing to check: an uncheckable qualifier, an undisclosed or
 * unknown count.
 */
export function checkClaim(claim: Claim, model: ModelEntity, tolerance: number): ClaimCheck | undefined {
  if (!isCheckable(claim)) return undefined;
  const p = model.parameters;
  if (!p || p.disclosed === false) return undefined;
  // A dense model activates all its parameters: an active claim is checked against the total.
  const dense = model.architecture === 'dense';
  const countOf = (c: { total?: number; active?: number }): number | undefined =>
    claim.active ? c.active ?? (dense ? c.total : undefined) : c.total;

  const own = countOf(p);
  const candidates: { matched: ClaimMatch; v: number }[] = [];
  if (own !== undefined) candidates.push({ matched: claim.active ? 'active' : 'total', v: own });
  for (const alt of p.alternates ?? []) {
    const v = countOf(alt);
    if (v !== undefined) candidates.push({ matched: alt, v });
  }
  if (!candidates.length) return undefined;
  const named = nominalSize(model.name);
  const nominal = claim.active ? named.active ?? (dense ? named.total : undefined) : named.total;
  if (nominal !== undefined && nominal !== own) candidates.push({ matched: 'nominal', v: nominal });

  // With a wide tolerance a claim may be near several counts: name the nearest (the model's own on a tie).
  const distance = (v: number): number => Math.abs(claim.value - v) / v;
  let best: { matched: ClaimMatch; v: number } | undefined;
  for (const c of candidates) {
    if (distance(c.v) <= tolerance && (!best || distance(c.v) < distance(best.v))) best = c;
  }
  if (best) return { agrees: true, matched: best.matched, alternates: [] };
  const expected = candidates[0].v;
  const alternates = candidates.slice(1).filter((c) => c.matched !== 'nominal').map((c) => c.v);
  return { agrees: false, expected, alternates: alternates.filter((v) => v !== expected) };
}

/** The model a claim refers to, if the knowledge base has it as a model. */
export function claimModel(claim: Claim, kb: KnowledgeBase): ModelEntity | undefined {
  const entity = claim.refersTo ? kb.get(claim.refersTo) : undefined;
  return entity?.kind === 'model' ? entity : undefined;
}

