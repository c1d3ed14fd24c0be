import type * as vscode from 'vscode';
import type { BaseLanguageClient, DocumentSelector, LanguageClientOptions } from 'vscode-languageclient';

/**
 * Where the language server runs, and what the client does for it there: a Node process on the
 * desktop (`nodeHost.ts`), a web worker in vscode.dev and github.dev (`browserHost.ts`). `Ctx`
 * owns the rest, the same in both.
 */
export interface ClientHost {
  /** The server, as the log names it. */
  readonly serverLabel: string;
  /** The notes the server hears of: on the desktop files and untitled notes; in the browser any scheme (`vscode-vfs:`). */
  readonly documentSelector: DocumentSelector;
  /** The extension's `server/data/`, for a server that has the bundled data inside it. */
  readonly bundledDataUri?: string;
  /** The extension's `dist/chart.js`, for a server that loads it by URL (the web worker). */
  readonly chartScriptUri?: string;
  createClient(id: string, name: string, options: LanguageClientOptions): BaseLanguageClient;
  /** What the client answers for this server (the browser's file requests); disposed with the client. */
  serve?(client: BaseLanguageClient): vscode.Disposable[];
}
