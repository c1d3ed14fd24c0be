import type * as vscode from 'vscode';
import { Ctx, type ResearchNotesApi } from './ctx';
import { nodeHost } from './nodeHost';

let ctx: Ctx | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<ResearchNotesApi> {
  ctx = new Ctx(context, nodeHost(context));
  await ctx.start();
  return ctx;
}

export async function deactivate(): Promise<void> {
  await ctx?.dispose();
  ctx = undefined;
}
