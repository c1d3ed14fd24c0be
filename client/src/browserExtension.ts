import type * as vscode from 'vscode';
import { browserHost, type WorkerStart } from './browserHost';
import { Ctx, type ResearchNotesApi } from './ctx';

/** What the browser build's `activate()` returns: the desktop's API and how the server worker started. */
export interface BrowserApi extends ResearchNotesApi {
  readonly workerStart: WorkerStart | undefined;
}

let ctx: Ctx | undefined;

/** vscode.dev, github.dev and other web hosts: the same client, its server in a web worker. */
export async function activate(context: vscode.ExtensionContext): Promise<BrowserApi> {
  let workerStart: WorkerStart | undefined;
  const current = new Ctx(
    context,
    browserHost(context, (start) => {
      workerStart = start;
      const fallback = start.directError ? ` (the direct start was refused: ${start.directError})` : '';
      current.outputChannel.info(`Research Notes server worker started via ${start.via === 'blob' ? 'a Blob URL' : 'its URL'}${fallback}`);
    }),
  );
  ctx = current;
  await current.start();
  return {
    get outputChannel() { return current.outputChannel; },
    get client() { return current.client; },
    get status() { return current.status; },
    get entities() { return current.entities; },
    get workerStart() { return workerStart; },
  };
}

export async function deactivate(): Promise<void> {
  await ctx?.dispose();
  ctx = undefined;
}
