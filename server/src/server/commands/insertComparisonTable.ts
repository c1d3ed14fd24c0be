/**
 * `researchNotes.insertComparisonTable`: inserts or refreshes a comparison table as one
 * `workspace/applyEdit`. The edit names the document version it was computed from, so a client
 * refuses it if the note changed since.
 */
import { MessageType, TextDocumentEdit, TextEdit, type Connection, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TableEditResult } from '../../features/comparisonTable';
import { messages, type Locale } from '../../l10n';
import type { InsertComparisonTableArgs, InsertComparisonTableResult } from '../../protocol';

export interface TableCommandContext {
  connection: Connection;
  locale: Locale;
  versionedEdits: boolean;
  document(uri: string): TextDocument | undefined;
  tableEdit(doc: TextDocument, args: InsertComparisonTableArgs): TableEditResult;
}

export async function insertComparisonTable(ctx: TableCommandContext, args: InsertComparisonTableArgs | undefined): Promise<InsertComparisonTableResult> {
  const text = messages(ctx.locale);
  const doc = args?.uri ? ctx.document(args.uri) : undefined;
  if (!doc || !args?.position) return refuse(ctx, text.tableNeedsNote);
  const version = doc.version;
  if (args.version !== undefined && args.version !== version) return refuse(ctx, text.staleTable);
  const result = ctx.tableEdit(doc, args);
  if (!result.ok) {
    void ctx.connection.sendNotification('window/showMessage', { type: MessageType.Info, message: result.message });
    return { applied: false, message: result.message };
  }
  const edit = TextEdit.replace({ start: doc.positionAt(result.range.start), end: doc.positionAt(result.range.end) }, result.newText);
  const applied = await ctx.connection.workspace.applyEdit({ label: text.tableEditLabel, edit: oneEdit(doc.uri, version, edit, ctx.versionedEdits) });
  return applied.applied ? { applied: true } : { applied: false, message: applied.failureReason ?? text.editRefused };
}

/** One edit of one document, versioned where the client supports it. */
export function oneEdit(uri: string, version: number, edit: TextEdit, versioned: boolean): WorkspaceEdit {
  return versioned ? { documentChanges: [TextDocumentEdit.create({ uri, version }, [edit])] } : { changes: { [uri]: [edit] } };
}

function refuse(ctx: TableCommandContext, message: string): InsertComparisonTableResult {
  void ctx.connection.window.showWarningMessage(message);
  return { applied: false, message };
}
