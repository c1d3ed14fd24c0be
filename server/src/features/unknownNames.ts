/**
 * `entity.unknown`: a Hint on capitalized, model-like names in prose that the knowledge base
 * does not know (`Foo-70B`, `BarLM 2.5`, `Qwen9-Max`), so the user can add them to a knowledge
 * file or silence them. Which names look like models is `recognize/unknownNames.ts`'s call.
 */

import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { NoteAnalysis } from '../analysis';
import { normalizeName } from '../knowledge/normalize';
import type { KnowledgeBase } from '../knowledge/types';
import { messages, type Locale } from '../l10n';
import { DIAGNOSTIC_SOURCE, DiagnosticCodes, type UnknownNameData } from '../protocol';
import type { Mention } from '../recognize/types';
import { isModelLike, nameCandidates } from '../recognize/unknownNames';

/**
 * Hints for the model-like names of the note's prose that are neither knowledge-base mentions
 * (nor overlap one: `GPT-4 Turbo` extends the known `GPT-4`) nor silenced by an `ignore:`
 * entry, which matches the whole name or its first word (`PyTorch` silences `PyTorch 2.1`).
 */
export function unknownNameDiagnostics(analysis: NoteAnalysis, kb: KnowledgeBase, locale: Locale, window?: { start: number; end: number }): Diagnostic[] {
  const t = messages(locale);
  const diagnostics: Diagnostic[] = [];
  const mentions = analysis.mentions;
  let m = 0;
  for (const candidate of nameCandidates(analysis.mask, window?.start, window?.end)) {
    while (m < mentions.length && mentions[m].end <= candidate.start) m++;
    if (overlaps(mentions[m], candidate)) continue;
    if (!isModelLike(candidate)) continue;
    if (kb.ignored.has(normalizeName(candidate.text)) || kb.ignored.has(normalizeName(candidate.head))) continue;
    const data: UnknownNameData = { name: candidate.text };
    diagnostics.push({
      range: analysis.range(candidate),
      severity: DiagnosticSeverity.Hint,
      code: DiagnosticCodes.entityUnknown,
      source: DIAGNOSTIC_SOURCE,
      message: t.entityUnknown.replace('{name}', candidate.text),
      data,
    });
  }
  return diagnostics;
}

function overlaps(mention: Mention | undefined, span: { start: number; end: number }): boolean {
  return mention !== undefined && mention.start < span.end && mention.end > span.start;
}
