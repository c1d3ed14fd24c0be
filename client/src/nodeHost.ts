import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_NODE_FLAGS } from '../../server/src/nodeFlags';
import type { ClientHost } from './host';

/** The desktop: `dist/server.js` in a Node process over IPC, with the server's Node flags; it reads the files itself. */
export function nodeHost(context: vscode.ExtensionContext): ClientHost {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6019'] } },
  };
  return {
    serverLabel: module,
    documentSelector: [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
    ],
    createClient: (id, name, options) => new LanguageClient(id, name, serverOptions, options),
  };
}
