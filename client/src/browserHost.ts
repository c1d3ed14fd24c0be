import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, State, type Message } from 'vscode-languageclient/browser';
import { isStartupMarkEvent, type StartupMark } from '../../server/src/browser/startupTrace';
import type { ClientHost } from './host';
import { serveWorkspaceFiles } from './workspaceFiles';

const WORKER_NAME = 'Research Notes server';

/** How the last server worker was started, for the log and the tests. */
export interface WorkerStart {
  via: 'direct' | 'blob';
  /** Why the direct start was refused (the Blob fallback was taken). */
  directError?: string;
}

/** The first start, client and server marks in `Date.now()` time (#21: activation to the first hover). */
export interface StartupMarks {
  readonly client: StartupMark[];
  readonly server: StartupMark[];
}

/** What `browserHost` tells and is given besides the extension's context. */
export interface BrowserHostOptions {
  /** Hears how each worker was started. */
  started(start: WorkerStart): void;
  /** Gets the marks of the first start (the worker's arrive as `telemetry/event`s). */
  marks?: StartupMarks;
  /** A worker started before `activate` ({@link prestartServerWorker}), taken by the first start if it runs this extension's script. */
  prestarted?: PrestartedWorker;
}

/**
 * vscode.dev and github.dev: `dist/browserServer.js` in a web worker, files read by this client
 * (`workspaceFiles.ts`).
 */
export function browserHost(context: vscode.ExtensionContext, { started, marks, prestarted }: BrowserHostOptions): ClientHost {
  const mark = (name: string) => void marks?.client.push({ name, at: Date.now() });
  let clients = 0;
  const serverUri = serverScript(context.extensionUri);
  let early = prestarted?.serverUri === serverUri.toString() ? prestarted.start : undefined;
  if (prestarted && !early) void prestarted.start.then(({ worker }) => worker.terminate(), () => undefined);
  return {
    serverLabel: `web worker ${serverUri.toString(true)}`,
    documentSelector: [{ language: 'markdown' }],
    bundledDataUri: vscode.Uri.joinPath(context.extensionUri, 'server', 'data').toString(),
    chartScriptUri: vscode.Uri.joinPath(context.extensionUri, 'dist', 'chart.js').toString(),
    createClient: (id, name, options) => {
      // The language client neither ends a worker when it stops nor takes a worker from another
      // realm (its `instanceof Worker` fails for the host's patched Worker): both are done here.
      let worker: Worker | undefined;
      const first = ++clients === 1 && marks !== undefined;
      const client = new LanguageClient(id, name, async () => {
        worker?.terminate();
        const taken = early;
        early = undefined;
        const start = (await taken?.catch(() => undefined)) ?? (await startServerWorker(serverUri, first ? mark : undefined));
        worker = start.worker;
        started({ via: start.via, ...(start.directError ? { directError: start.directError } : {}) });
        return { reader: new BrowserMessageReader(worker), writer: new JsonMessageWriter(worker) };
      }, options);
      if (first) client.onTelemetry((data: unknown) => void (isStartupMarkEvent(data) && marks.server.push(data.researchNotesStartup)));
      client.onDidChangeState(({ newState }) => {
        if (newState !== State.Stopped) return;
        worker?.terminate();
        worker = undefined;
      });
      return client;
    },
    serve: (client) => serveWorkspaceFiles(client, clients === 1 ? mark : undefined),
  };
}

const serverScript = (extensionUri: vscode.Uri): vscode.Uri => vscode.Uri.joinPath(extensionUri, 'dist', 'browserServer.js');

/** A server worker started before `activate`, and the script it runs. */
export interface PrestartedWorker {
  serverUri: string;
  start: Promise<WorkerStart & { worker: Worker }>;
}

/**
 * Starts the server worker when the extension's bundle is evaluated: the host creates the
 * extension's context before it calls `activate`, which takes from a tenth of a second to seconds
 * on a busy machine; the worker loads its script and decompresses its knowledge meanwhile (#21).
 * Undefined when the host does not know the extension (then `activate` starts the worker).
 */
export function prestartServerWorker(extensionId: string, mark?: (name: string) => void): PrestartedWorker | undefined {
  const extension = vscode.extensions.getExtension(extensionId);
  if (!extension) return undefined;
  const serverUri = serverScript(extension.extensionUri);
  const start = startServerWorker(serverUri, mark);
  // A refusal is handled by the first start, which starts a worker of its own.
  start.catch(() => undefined);
  return { serverUri: serverUri.toString(), start };
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
export async function startServerWorker(serverUri: vscode.Uri, mark?: (name: string) => void): Promise<WorkerStart & { worker: Worker }> {
  mark?.('worker asked');
  try {
    const worker = new Worker(serverUri.toString(true), { name: WORKER_NAME });
    mark?.('worker created from its URL');
    return { worker, via: 'direct' };
  } catch (error) {
    const response = await fetch(serverUri.toString(true));
    if (!response.ok) throw new Error(`Unexpected HTTP ${response.status} for ${serverUri.toString(true)}, expected the server script`);
    const blob = new Blob([await response.text()], { type: 'application/javascript' });
    mark?.('worker script fetched');
    const worker = new Worker(URL.createObjectURL(blob), { name: WORKER_NAME });
    mark?.('worker created from a Blob URL');
    return { worker, via: 'blob', directError: error instanceof Error ? error.message : String(error) };
  }
}
