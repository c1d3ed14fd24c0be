import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, State, type Message } from 'vscode-languageclient/browser';
import type { ClientHost } from './host';
import { serveWorkspaceFiles } from './workspaceFiles';

const WORKER_NAME = 'Research Notes server';

/** How the last server worker was started, for the log and the tests. */
export interface WorkerStart {
  via: 'direct' | 'blob';
  /** Why the direct start was refused (the Blob fallback was taken). */
  directError?: string;
}

/**
 * vscode.dev and github.dev: `dist/browserServer.js` in a web worker, files read by this client
 * (`workspaceFiles.ts`). `started` hears how each worker was started.
 */
export function browserHost(context: vscode.ExtensionContext, started: (start: WorkerStart) => void): ClientHost {
  const serverUri = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browserServer.js');
  return {
    serverLabel: `web worker ${serverUri.toString(true)}`,
    documentSelector: [{ language: 'markdown' }],
    bundledDataUri: vscode.Uri.joinPath(context.extensionUri, 'server', 'data').toString(),
    createClient: (id, name, options) => {
      // The language client neither ends a worker when it stops nor takes a worker from another
      // realm (its `instanceof Worker` fails for the host's patched Worker): both are done here.
      let worker: Worker | undefined;
      const client = new LanguageClient(id, name, async () => {
        worker?.terminate();
        const start = await startServerWorker(serverUri);
        worker = start.worker;
        started({ via: start.via, ...(start.directError ? { directError: start.directError } : {}) });
        return { reader: new BrowserMessageReader(worker), writer: new JsonMessageWriter(worker) };
      }, options);
      client.onDidChangeState(({ newState }) => {
        if (newState !== State.Stopped) return;
        worker?.terminate();
        worker = undefined;
      });
      return client;
    },
    serve: serveWorkspaceFiles,
  };
}

/**
 * Sends what Node's IPC would: the message's JSON. `postMessage` clones structurally, and refuses
 * what VS Code hands out as proxies (`workspace.getConfiguration` objects in the settings).
 */
class JsonMessageWriter extends BrowserMessageWriter {
  override write(message: Message): Promise<void> {
    return super.write(JSON.parse(JSON.stringify(message)) as Message);
  }
}

/**
 * A worker running the server script. Some web hosts refuse workers from an extension's URL
 * (code-server: "Creating workers from remote extensions is currently not supported",
 * microsoft/vscode#168942), while their `fetch` resolves it: then the script is fetched and
 * started from a Blob URL. vscode.dev takes the direct path.
 */
export async function startServerWorker(serverUri: vscode.Uri): Promise<WorkerStart & { worker: Worker }> {
  try {
    return { worker: new Worker(serverUri.toString(true), { name: WORKER_NAME }), via: 'direct' };
  } catch (error) {
    const response = await fetch(serverUri.toString(true));
    if (!response.ok) throw new Error(`Unexpected HTTP ${response.status} for ${serverUri.toString(true)}, expected the server script`);
    const blob = new Blob([await response.text()], { type: 'application/javascript' });
    return { worker: new Worker(URL.createObjectURL(blob), { name: WORKER_NAME }), via: 'blob', directError: error instanceof Error ? error.message : String(error) };
  }
}
