/**
 * Inlay hints that translate a parameter count into the other notation: `5000억 ≈ 500B`,
 * and with `all`, `685B ≈ 6850억`.
 */

import type { InlayHint } from 'vscode-languageserver-types';
import type { NoteAnalysis } from '../analysis';
import { defaultInlayMode, type InlayMode } from '../service/config';
import { formatCount } from '../format/numbers';


/** Hints after the claims that end inside `range` (UTF-16 offsets, inclusive of both ends). */
export function numberInlayHints(
  analysis: NoteAnalysis,
  range: { start: number; end: number },
  mode: InlayMode = defaultInlayMode,
): InlayHint[] {
  if (mode === 'off') return [];
  const hints: InlayHint[] = [];
  const claims = analysis.claims;
  // Claims are sorted and disjoint, so their ends are sorted too: skip to the range.
  let lo = 0;
  let hi = claims.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (claims[mid].end < range.start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < claims.length && claims[i].end <= range.end; i++) {
    const claim = claims[i];
    if (mode === 'korean-only' && claim.notation !== '억') continue;
    hints.push({
      position: analysis.range(claim).end,
      label: `≈ ${formatCount(claim.value, claim.notation === '억' ? 'B' : '억')}`,
      paddingLeft: true,
    });
  }
  return hints;
}
