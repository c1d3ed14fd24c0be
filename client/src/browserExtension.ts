import type * as vscode from 'vscode';
import { browserHost, prestartServerWorker, type PrestartedWorker, type StartupMarks, type WorkerStart } from './browserHost';
import { Ctx, type ResearchNotesApi } from './ctx';

/** `publisher.name` in package.json (the web e2e suite fails without the early worker start it enables). */
export const EXTENSION_ID = 'research-notes.research-notes';

/** What the browser build's `activate()` returns: the desktop's API and how the server worker started. */
export interface BrowserApi extends ResearchNotesApi {
  readonly workerStart: WorkerStart | undefined;
  /** Where the first start's time went: the bundle evaluated, `activate` called, the worker's own marks. */
  readonly startup: StartupMarks;
}

let ctx: Ctx | undefined;

// The host evaluates this bundle to activate it: the server worker starts at once (#21).
const evaluated: StartupMarks = { client: [{ name: 'extension bundle evaluated', at: Date.now() }], server: [] };
let firstStartup: StartupMarks | undefined = evaluated;
let prestarted: PrestartedWorker | undefined = prestartServerWorker(EXTENSION_ID, (name) => void evaluated.client.push({ name, at: Date.now() }));

/** vscode.dev, github.dev and other web hosts: the same client, its server in a web worker. */
export async function activate(context: vscode.ExtensionContext): Promise<BrowserApi> {
  const startup: StartupMarks = firstStartup ?? { client: [], server: [] };
  firstStartup = undefined;
  startup.client.push({ name: 'activate called', at: Date.now() });
  let workerStart: WorkerStart | undefined;
  const started = (start: WorkerStart) => {
    workerStart = start;
    const fallback = start.directError ? ` (the direct start was refused: ${start.directError})` : '';
    current.outputChannel.info(`Research Notes server worker started via ${start.via === 'blob' ? 'a Blob URL' : 'its URL'}${fallback}`);
  };
  const current = new Ctx(context, browserHost(context, { started, marks: startup, prestarted }));
  prestarted = undefined;
  ctx = current;
  await current.start();
  startup.client.push({ name: 'client started (initialize answered)', at: Date.now() });
  return {
    get outputChannel() { return current.outputChannel; },
    get client() { return current.client; },
    get status() { return current.status; },
    get entities() { return current.entities; },
    get workerStart() { return workerStart; },
    startup,
  };
}

export async function deactivate(): Promise<void> {
  await ctx?.dispose();
  ctx = undefined;
}
