// Helpers for the extension-host suite: the run's context, notes in the test
// workspace, positions anchored to text, and hovers read through the same
// command the hover widget uses.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ResearchNotesApi } from '../../../client/src/ctx';

export { assertHover } from '../lib/expected';

export const EXTENSION_ID = 'research-notes.research-notes';

/** How test/e2e/run.sh loaded the extension for this run (run-context.json beside the bundle). */
export interface RunContext {
  /** `development`: the repository folder (extensionDevelopmentPath); `vsix`: installed from the package. */
  readonly mode: 'development' | 'vsix';
  /** Where the extension must be loaded from in this mode. */
  readonly extensionPath: string;
}

export function runContext(): RunContext {
  return JSON.parse(fs.readFileSync(path.join(__dirname, 'run-context.json'), 'utf8')) as RunContext;
}

export function extension(): vscode.Extension<ResearchNotesApi> {
  const ext = vscode.extensions.getExtension<ResearchNotesApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
  return ext;
}

/** A note at the top of the workspace folder that run.sh prepared. */
export function noteUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the workbench opened no workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openNote(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(noteUri(name));
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** A note opened in the active editor with the cursor at its end (where the insert commands write). */
export async function openAtEnd(name: string): Promise<{ doc: vscode.TextDocument; original: string }> {
  const doc = await openNote(name);
  const editor = vscode.window.activeTextEditor;
  assert.ok(editor && editor.document === doc, `${name} is not the active editor`);
  const original = doc.getText();
  const end = doc.positionAt(original.length);
  editor.selection = new vscode.Selection(end, end);
  return { doc, original };
}

/**
 * The position of `at` inside the `occurrence`-th `text` of the document (one
 * character in, as a mouse would rest), so tests name places by their words.
 */
export function positionOf(doc: vscode.TextDocument, text: string, at = text, occurrence = 1): vscode.Position {
  let offset = -1;
  for (let n = 0; n < occurrence; n++) {
    offset = doc.getText().indexOf(text, offset + 1);
    assert.ok(offset >= 0, `"${text}" occurs fewer than ${occurrence} time(s) in ${doc.uri.fsPath}`);
  }
  const within = text.indexOf(at);
  assert.ok(within >= 0, `"${at}" is not part of "${text}"`);
  return doc.positionAt(offset + within + 1);
}

/** Every hover part all providers return at a position, as Markdown text. */
export async function hovers(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const result = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return result.flatMap((hover) => hover.contents.map((c) => (typeof c === 'string' ? c : c.value)));
}

/** Polls `read` until `done` accepts its value; at the deadline fails showing the last value. */
export async function eventually<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) {
      assert.fail(`${what}: still not there after ${timeoutMs / 1000}s; last seen:\n${JSON.stringify(value, null, 2)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The one hover at `at` inside `text`, once the server has analysed the note.
 * Fails when nothing or more than one hover part arrives, showing what did.
 */
export async function hoverAt(doc: vscode.TextDocument, text: string, at = text): Promise<string> {
  const position = positionOf(doc, text, at);
  const parts = await eventually(`hover on "${at}" in "${text}"`, () => hovers(doc.uri, position), (p) => p.length > 0);
  assert.equal(parts.length, 1, `expected one hover part on "${at}" in "${text}", got ${parts.length}:\n${parts.join('\n---\n')}`);
  return parts[0]!;
}
