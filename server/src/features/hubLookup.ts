/**
 * Quick fixes that look a model up on the Hugging Face Hub through the client's command
 * (`researchNotes.lookUpOnHub`): on a name the note flags as unknown, and on a mention of a model
 * the knowledge base has no parameter count for. Offered only to a client that has the command.
 */
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import type { NoteAnalysis } from '../analysis';
import type { KnowledgeBase } from '../knowledge/types';
import { fill, messages, type Locale } from '../l10n';
import { Commands, DIAGNOSTIC_SOURCE, DiagnosticCodes, type LookUpOnHubArgs } from '../protocol';
import { findAt } from '../recognize/spans';

export function hubLookupActions(
  analysis: NoteAnalysis,
  kb: KnowledgeBase,
  at: { start: number; end: number },
  diagnostics: readonly Diagnostic[],
  uri: string,
  locale: Locale,
): CodeAction[] {
  const t = messages(locale);
  const action = (name: string, fixes?: Diagnostic[]): CodeAction => {
    const args: LookUpOnHubArgs = { query: name, uri };
    const title = fill(t.hubLookUp, { name });
    return { title, kind: CodeActionKind.QuickFix, ...(fixes && { diagnostics: fixes }), command: { title, command: Commands.lookUpOnHub, arguments: [args] } };
  };
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  for (const d of diagnostics) {
    if (d.code !== DiagnosticCodes.entityUnknown || d.source !== DIAGNOSTIC_SOURCE) continue;
    const name = analysis.text.slice(analysis.offsetAt(d.range.start), analysis.offsetAt(d.range.end)).trim();
    if (name && !seen.has(name)) actions.push(action(name, [d]));
    seen.add(name);
  }
  const mention = findAt(analysis.mentions, at.start);
  const model = mention ? kb.get(mention.id) : undefined;
  if (model?.kind === 'model' && model.parameters?.total === undefined && model.parameters?.disclosed !== false) actions.push(action(model.name));
  return actions;
}
