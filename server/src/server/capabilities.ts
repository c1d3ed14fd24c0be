/**
 * What the client can do, read once from `initialize`, and what the server offers in return.
 * Features ask `ClientSupport` instead of reading the client's capability tree.
 */
import { CodeActionKind, TextDocumentSyncKind, type ClientCapabilities, type ServerCapabilities } from 'vscode-languageserver';
import { legend } from '../features/semanticTokens';
import { Commands } from '../protocol';

export interface ClientSupport {
  /** `workspace/configuration`: settings are pulled, not pushed. */
  pullConfig: boolean;
  /** `documentChanges`: an edit names the document version it was computed for. */
  versionedEdits: boolean;
  /** An edit may create a file (the knowledge file a quick fix adds a name to). */
  createFiles: boolean;
  /** Watched-file registrations at run time. */
  watchFiles: boolean;
  inlayRefresh: boolean;
  tokensRefresh: boolean;
  /** Server-initiated progress (`window/workDoneProgress/create`), for indexing. */
  workDoneProgress: boolean;
}

export const noClientSupport: ClientSupport = {
  pullConfig: false,
  versionedEdits: false,
  createFiles: false,
  watchFiles: false,
  inlayRefresh: false,
  tokensRefresh: false,
  workDoneProgress: false,
};

export function clientSupport(caps: ClientCapabilities): ClientSupport {
  const versionedEdits = caps.workspace?.workspaceEdit?.documentChanges === true;
  return {
    pullConfig: caps.workspace?.configuration === true,
    versionedEdits,
    createFiles: versionedEdits && (caps.workspace?.workspaceEdit?.resourceOperations ?? []).includes('create'),
    watchFiles: caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    inlayRefresh: caps.workspace?.inlayHint?.refreshSupport === true,
    tokensRefresh: caps.workspace?.semanticTokens?.refreshSupport === true,
    workDoneProgress: caps.window?.workDoneProgress === true,
  };
}

export const serverCapabilities: ServerCapabilities = {
  textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
  hoverProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  workspaceSymbolProvider: true,
  completionProvider: {},
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
  inlayHintProvider: true,
  semanticTokensProvider: { legend, full: true, range: true },
  executeCommandProvider: { commands: [Commands.insertComparisonTable, Commands.insertComparisonChart] },
};
