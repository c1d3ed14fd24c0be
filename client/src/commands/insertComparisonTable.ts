import type * as vscode from 'vscode';
import type { InsertComparisonTableArgs } from '../../../server/src/protocol';

/**
 * `researchNotes.insertComparisonTable` is implemented by the server (so every LSP client can
 * run it); from VS Code's palette or context menu it arrives without arguments, and this adds
 * the active editor's note, version, cursor and selection.
 */
export function insertTableArgs(editor: vscode.TextEditor | undefined): InsertComparisonTableArgs | undefined {
  if (!editor || editor.document.languageId !== 'markdown') return undefined;
  const { selection } = editor;
  return {
    uri: editor.document.uri.toString(),
    version: editor.document.version,
    position: { line: selection.active.line, character: selection.active.character },
    selection: selection.isEmpty
      ? undefined
      : {
          start: { line: selection.start.line, character: selection.start.character },
          end: { line: selection.end.line, character: selection.end.character },
        },
  };
}
