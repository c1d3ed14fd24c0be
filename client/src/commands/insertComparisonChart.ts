/**
 * "Research Notes: Insert Comparison Chart" (#20): the server draws the chart and sends one
 * workspace edit (the SVG file and the link); from the palette or the context menu this adds the
 * editor's note, version, cursor and selection, and saves the SVG the edit wrote, so that the
 * link shows it at once (VS Code leaves a file a workspace edit created unsaved unless
 * `files.refactoring.autoSave` is on).
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest } from 'vscode-languageclient';
import { Commands, type InsertComparisonChartResult } from '../../../server/src/protocol';
import { insertTableArgs } from './insertComparisonTable';

/** What the command needs from the extension: the running server. */
export interface ChartHost {
  request(method: string, params: unknown): Promise<{ ok: true; result: unknown } | { ok: false; message: string }>;
}

export async function insertComparisonChart(host: ChartHost, args: unknown[]): Promise<InsertComparisonChartResult | undefined> {
  if (args.length === 0) {
    const editorArgs = insertTableArgs(vscode.window.activeTextEditor);
    if (!editorArgs) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown note to insert a comparison chart.'));
      return undefined;
    }
    args = [editorArgs];
  }
  const answer = await host.request(ExecuteCommandRequest.method, { command: Commands.insertComparisonChart, arguments: args });
  if (!answer.ok) return { applied: false, message: answer.message };
  const result = answer.result as InsertComparisonChartResult;
  if (result.applied && result.file) await saveIfDirty(result.file);
  return result;
}

async function saveIfDirty(uri: string): Promise<void> {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
  if (doc?.isDirty) await doc.save();
}
