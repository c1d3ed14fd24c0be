/**
 * "Research Notes: Look Up on Hugging Face…": the client asks the Hub (the network is touched only
 * here, on this explicit command, never in a trusted-less workspace), the server turns the answer
 * into a knowledge entry and an edit (`researchNotes/hubEntry`), the user sees the entry and
 * accepts it, and the edit is applied as one undoable workspace edit, then saved so the server
 * reloads the knowledge file. The access token lives in VS Code's SecretStorage only.
 */
import * as vscode from 'vscode';
import { DEFAULT_ENDPOINT, DEFAULT_TIMEOUT_MS, fetchModelFacts, searchModels, type HubOptions } from '../../../server/src/hub/client';
import { hubFailureMessage } from '../../../server/src/hub/errors';
import { isRepoId } from '../../../server/src/hub/text';
import type { HubCandidate, HubFailure } from '../../../server/src/hub/types';
import { toLocale } from '../../../server/src/l10n';
import { HubEntryRequest, type HubEntryParams, type HubEntryResult, type LookUpOnHubArgs } from '../../../server/src/protocol';

const TOKEN_KEY = 'researchNotes.hub.token';

/** What the command needs from the extension: the running server, and edits in VS Code's types. */
export interface HubHost {
  request(method: string, params: unknown): Promise<{ ok: true; result: unknown } | { ok: false; message: string }>;
  asWorkspaceEdit(edit: unknown): Promise<vscode.WorkspaceEdit | undefined>;
}

/** What the command did: for the caller (a keybinding, another extension, a test). */
export type LookUpResult = { added: true; id: string; file: string } | { added: false; message?: string };

export async function lookUpOnHub(host: HubHost, secrets: vscode.SecretStorage, raw: unknown): Promise<LookUpResult> {
  if (!vscode.workspace.isTrusted) return refuse(vscode.l10n.t('Looking up models on Hugging Face is off in an untrusted workspace: it reaches the network.'));
  const args = toArgs(raw);
  const editor = vscode.window.activeTextEditor;
  const uri = args.uri ?? (editor?.document.languageId === 'markdown' ? editor.document.uri.toString() : undefined);
  if (!uri) return refuse(vscode.l10n.t('Open a Markdown note to look up a model on Hugging Face.'));
  const options = await hubOptions(secrets);
  const repoId = args.repoId ?? (await pickRepo(args.query ?? wordAtCursor(editor), options));
  if (!repoId) return { added: false };
  const facts = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading {0} on the Hugging Face Hub…', repoId), cancellable: true },
    (_, token) => fetchModelFacts(repoId, { ...options, signal: abortOn(token) }),
  );
  if (!facts.ok) return fail(facts.failure, options);
  const answer = await host.request(HubEntryRequest, { uri, facts: facts.value, endpoint: options.endpoint } satisfies HubEntryParams);
  if (!answer.ok) return { added: false, message: answer.message };
  return accept(host, answer.result as HubEntryResult);
}

/** Shows the entry, and on "Add" applies its edit and saves the knowledge file. */
async function accept(host: HubHost, entry: HubEntryResult): Promise<LookUpResult> {
  if (!entry.ok) return refuse(entry.message, 'error');
  const file = vscode.Uri.parse(entry.file);
  const where = vscode.workspace.asRelativePath(file);
  const add = vscode.l10n.t('Add');
  const detail = [...entry.notices, entry.preview].join('\n\n');
  const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Add {0} to {1}?', entry.name, where), { modal: true, detail }, add);
  if (choice !== add) return { added: false };
  const edit = await host.asWorkspaceEdit(entry.edit);
  if (!edit || !(await vscode.workspace.applyEdit(edit))) return refuse(vscode.l10n.t('{0} could not be changed; nothing was added.', where), 'error');
  await (await vscode.workspace.openTextDocument(file)).save();
  void vscode.window.showInformationMessage(vscode.l10n.t('Added {0} to {1}.', entry.name, where));
  return { added: true, id: entry.id, file: entry.file };
}

/** "Research Notes: Set Hugging Face Token": stored in SecretStorage; an empty answer removes it. */
export async function setHubToken(secrets: vscode.SecretStorage): Promise<void> {
  const token = await vscode.window.showInputBox({
    password: true,
    ignoreFocusOut: true,
    placeHolder: 'hf_…',
    prompt: vscode.l10n.t('A Hugging Face access token, for gated models. Leave it empty to remove the stored one.'),
    validateInput: (v) => (v === '' || /^hf_[A-Za-z0-9_-]+$/.test(v.trim()) ? undefined : vscode.l10n.t('An access token starts with hf_.')),
  });
  if (token === undefined) return;
  if (token.trim() === '') await secrets.delete(TOKEN_KEY);
  else await secrets.store(TOKEN_KEY, token.trim());
  void vscode.window.showInformationMessage(token.trim() === '' ? vscode.l10n.t('The Hugging Face token was removed.') : vscode.l10n.t('The Hugging Face token is stored.'));
}

// ---- the repo to look up ----------------------------------------------------------------------

type RepoItem = vscode.QuickPickItem & { repoId: string };

/** A Quick Pick that searches the Hub as the user types; a typed `owner/name` can be taken as is. */
function pickRepo(query: string, options: HubOptions & { endpoint: string }): Promise<string | undefined> {
  const pick = vscode.window.createQuickPick<RepoItem>();
  pick.title = vscode.l10n.t('Look Up on Hugging Face');
  pick.placeholder = vscode.l10n.t('Search the Hugging Face Hub for a model, or type owner/name');
  pick.value = query;
  let run = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const search = (value: string): void => {
    clearTimeout(timer);
    const typed: RepoItem[] = isRepoId(value.trim()) ? [{ label: value.trim(), description: vscode.l10n.t('repository id'), repoId: value.trim(), alwaysShow: true }] : [];
    pick.items = typed;
    timer = setTimeout(async () => {
      const mine = ++run;
      pick.busy = true;
      const found = await searchModels(value, options);
      if (mine !== run) return;
      pick.busy = false;
      pick.items = [...typed, ...(found.ok ? found.value.filter((c) => c.repoId !== typed[0]?.repoId).map(candidateItem) : [])];
      if (!found.ok) pick.title = failureMessage(found.failure, options);
    }, 300);
  };
  return new Promise((resolve) => {
    pick.onDidChangeValue(search);
    pick.onDidAccept(() => {
      const value = pick.value.trim();
      resolve(pick.selectedItems[0]?.repoId ?? (isRepoId(value) ? value : undefined));
      pick.hide();
    });
    pick.onDidHide(() => {
      clearTimeout(timer);
      resolve(undefined);
      pick.dispose();
    });
    pick.show();
    if (query) search(query);
  });
}

function candidateItem(c: HubCandidate): RepoItem {
  const downloads = c.downloads === undefined ? undefined : `$(cloud-download) ${c.downloads.toLocaleString(vscode.env.language)}`;
  const updated = c.lastModified ? vscode.l10n.t('updated {0}', c.lastModified.slice(0, 10)) : undefined;
  const gated = c.gated ? vscode.l10n.t('gated') : undefined;
  return { label: c.repoId, description: downloads, detail: [updated, gated].filter(Boolean).join(' · '), repoId: c.repoId, alwaysShow: true };
}

// ---- helpers ----------------------------------------------------------------------------------

async function hubOptions(secrets: vscode.SecretStorage): Promise<HubOptions & { endpoint: string }> {
  const endpoint = vscode.workspace.getConfiguration('researchNotes').get<string>('hub.endpoint')?.trim() || DEFAULT_ENDPOINT;
  return { endpoint, accessToken: (await secrets.get(TOKEN_KEY)) || undefined, timeoutMs: DEFAULT_TIMEOUT_MS };
}

function toArgs(raw: unknown): LookUpOnHubArgs {
  const a = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const repoId = text(a.repoId);
  return { query: text(a.query), repoId: repoId && isRepoId(repoId) ? repoId : undefined, uri: text(a.uri) };
}

/** The name-like word at the cursor (`DeepSeek-V3.1`, `owner/name`), as the search's first text. */
function wordAtCursor(editor: vscode.TextEditor | undefined): string {
  if (!editor) return '';
  if (!editor.selection.isEmpty) return editor.document.getText(editor.selection).trim().slice(0, 100);
  const range = editor.document.getWordRangeAtPosition(editor.selection.active, /[\p{L}\p{N}][\p{L}\p{N}._/-]*/u);
  return range ? editor.document.getText(range) : '';
}

function abortOn(token: vscode.CancellationToken): AbortSignal {
  const controller = new AbortController();
  token.onCancellationRequested(() => controller.abort());
  return controller.signal;
}

function failureMessage(failure: HubFailure, options: HubOptions & { endpoint: string }): string {
  return hubFailureMessage(failure, toLocale(vscode.env.language), { endpoint: options.endpoint, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS });
}

function fail(failure: HubFailure, options: HubOptions & { endpoint: string }): LookUpResult {
  if (failure.kind === 'cancelled') return { added: false };
  return refuse(failureMessage(failure, options), 'error');
}

function refuse(message: string, level: 'info' | 'error' = 'info'): LookUpResult {
  void (level === 'error' ? vscode.window.showErrorMessage(message) : vscode.window.showInformationMessage(message));
  return { added: false, message };
}
