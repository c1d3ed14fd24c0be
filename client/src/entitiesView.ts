import * as vscode from 'vscode';
import { type BaseLanguageClient as LanguageClient, RequestType } from 'vscode-languageclient';
import { EntitiesRequest, type EntitiesParams, type EntitiesResult } from '../../server/src/protocol';
import type { ServerHealth } from './status';

/** The view's id in `package.json` (`contributes.views.explorer`). */
export const ENTITIES_VIEW_ID = 'researchNotes.entities';

export const EntitiesCommands = {
  /** Narrows the view to the active note (shown while the view lists all notes). */
  showCurrentNote: 'researchNotes.entities.showCurrentNote',
  /** Widens the view to every note (shown while it lists the current note only). */
  showAllNotes: 'researchNotes.entities.showAllNotes',
  refresh: 'researchNotes.entities.refresh',
} as const;

/** Context keys the view's title buttons and welcome messages read. */
const CONTEXT_CURRENT_NOTE_ONLY = 'researchNotes.entities.currentNoteOnly';
/** Why the tree is empty: `serverDown`, `noNotes`, `noCurrentNote`, `noMentions`; `ready` otherwise. */
const CONTEXT_STATE = 'researchNotes.entities.state';
type ViewState = 'ready' | 'serverDown' | 'noNotes' | 'noCurrentNote' | 'noMentions';

/** Edits and file events within this window cause one refresh. */
const REFRESH_DEBOUNCE_MS = 500;
/** How often an answer the server marked incomplete (first indexing under way) is asked again. */
const INCOMPLETE_POLL_MS = 1_000;
/** Longest mention label; longer lines show a window around the mention. */
const MAX_LABEL = 80;
/** Characters kept before the mention when a long line is cut. */
const CONTEXT_BEFORE = 24;
const NOTE_GLOB = '**/*.{md,markdown}';

const entitiesRequest = new RequestType<EntitiesParams, EntitiesResult, void>(EntitiesRequest);

type Kind = EntitiesResult['kinds'][number];
type Entity = Kind['entities'][number];
type WireNote = Entity['notes'][number];
type WireMention = WireNote['mentions'][number];

/** A row of the Entities view: kind → entity → note → mention. */
export type EntityNode =
  | { readonly type: 'kind'; readonly kind: Kind }
  | { readonly type: 'entity'; readonly entity: Entity }
  | { readonly type: 'note'; readonly entity: Entity; readonly note: WireNote; readonly uri: vscode.Uri }
  | { readonly type: 'mention'; readonly entity: Entity; readonly uri: vscode.Uri; readonly mention: WireMention; readonly text: string | undefined };

/** What the view needs from the extension's context: the current client and the server's health. */
export interface EntitiesSource {
  readonly client: LanguageClient;
  readonly outputChannel: vscode.LogOutputChannel;
  readonly health: ServerHealth;
  readonly onDidChangeHealth: vscode.Event<ServerHealth>;
}

/**
 * The "Research Notes: Entities" view over `researchNotes/entities`. The root asks the server
 * once per refresh; deeper rows come from that answer, and mention rows read their note's line
 * (live text of an open note, else the file) only when a note is expanded.
 */
export class EntitiesTreeProvider implements vscode.TreeDataProvider<EntityNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<EntityNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<EntityNode>;
  private readonly subscriptions: vscode.Disposable[];
  private currentNoteOnlyMode = false;
  /** The last Markdown note in an editor: the view keeps it while focus is in the view or a panel. */
  private currentNote: vscode.Uri | undefined;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private poll: ReturnType<typeof setTimeout> | undefined;
  /** Lines of notes read for mention labels since the last refresh. */
  private lines = new Map<string, Promise<string[] | undefined>>();

  constructor(private readonly source: EntitiesSource) {
    this.currentNote = noteOf(vscode.window.activeTextEditor);
    this.view = vscode.window.createTreeView(ENTITIES_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    const watcher = vscode.workspace.createFileSystemWatcher(NOTE_GLOB);
    const later = () => this.refreshSoon();
    this.subscriptions = [
      this.view,
      this.changed,
      watcher,
      watcher.onDidCreate(later),
      watcher.onDidChange(later),
      watcher.onDidDelete(later),
      source.onDidChangeHealth(() => this.refresh()),
      vscode.workspace.onDidChangeTextDocument((e) => isNote(e.document) && e.contentChanges.length > 0 && later()),
      vscode.workspace.onDidCloseTextDocument((doc) => isNote(doc) && later()),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.followEditor(editor)),
      vscode.commands.registerCommand(EntitiesCommands.showCurrentNote, () => this.setCurrentNoteOnly(true)),
      vscode.commands.registerCommand(EntitiesCommands.showAllNotes, () => this.setCurrentNoteOnly(false)),
      vscode.commands.registerCommand(EntitiesCommands.refresh, () => this.refresh()),
    ];
    void vscode.commands.executeCommand('setContext', CONTEXT_CURRENT_NOTE_ONLY, false);
  }

  get currentNoteOnly(): boolean {
    return this.currentNoteOnlyMode;
  }

  /** Asks the server again now. */
  refresh(): void {
    clearTimeout(this.debounce);
    this.debounce = undefined;
    this.lines = new Map();
    this.changed.fire(undefined);
  }

  /** Asks the server again once edits and file events have paused. */
  refreshSoon(): void {
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => this.refresh(), REFRESH_DEBOUNCE_MS);
  }

  setCurrentNoteOnly(on: boolean): void {
    this.currentNoteOnlyMode = on;
    void vscode.commands.executeCommand('setContext', CONTEXT_CURRENT_NOTE_ONLY, on);
    this.describe();
    this.refresh();
  }

  getTreeItem(node: EntityNode): vscode.TreeItem {
    const Collapsed = vscode.TreeItemCollapsibleState;
    switch (node.type) {
      case 'kind': {
        const item = new vscode.TreeItem(kindLabel(node.kind.kind), Collapsed.Expanded);
        item.id = `kind:${node.kind.kind}`;
        item.description = String(node.kind.entities.length);
        item.iconPath = new vscode.ThemeIcon(KIND_ICONS[node.kind.kind]);
        item.contextValue = 'kind';
        return item;
      }
      case 'entity': {
        const { entity } = node;
        const item = new vscode.TreeItem(entity.name, Collapsed.Collapsed);
        item.id = `entity:${entity.id}`;
        item.description = String(entity.mentions);
        item.tooltip = vscode.l10n.t('{0}: {1} mentions in {2} notes', entity.name, entity.mentions, entity.notes.length);
        item.contextValue = 'entity';
        return item;
      }
      case 'note': {
        const item = new vscode.TreeItem(vscode.workspace.asRelativePath(node.uri), node.entity.notes.length === 1 ? Collapsed.Expanded : Collapsed.Collapsed);
        item.id = `note:${node.entity.id}:${node.note.uri}`;
        item.resourceUri = node.uri;
        item.iconPath = vscode.ThemeIcon.File;
        item.description = String(node.note.mentions.length);
        item.contextValue = 'note';
        return item;
      }
      case 'mention': {
        const { mention, uri } = node;
        const line = mention.line + 1;
        const shown = node.text === undefined ? undefined : mentionLabel(node.text, mention);
        const item = new vscode.TreeItem(shown ?? vscode.l10n.t('line {0}', line), Collapsed.None);
        item.id = `mention:${node.entity.id}:${uri.toString()}:${mention.line}:${mention.character}`;
        item.tooltip = `${vscode.workspace.asRelativePath(uri)}:${line}:${mention.character + 1}`;
        item.contextValue = 'mention';
        const range = new vscode.Range(mention.line, mention.character, mention.endLine, mention.endCharacter);
        item.command = { title: vscode.l10n.t('Open Mention'), command: 'vscode.open', arguments: [uri, { selection: range } satisfies vscode.TextDocumentShowOptions] };
        return item;
      }
    }
  }

  async getChildren(node?: EntityNode): Promise<EntityNode[]> {
    if (!node) return this.roots();
    switch (node.type) {
      case 'kind':
        return node.kind.entities.map((entity) => ({ type: 'entity', entity }));
      case 'entity':
        return node.entity.notes.map((note) => ({ type: 'note', entity: node.entity, note, uri: this.toCode(note.uri) }));
      case 'note': {
        const lines = await this.linesOf(node.uri);
        return node.note.mentions.map((mention) => ({ type: 'mention', entity: node.entity, uri: node.uri, mention, text: lines?.[mention.line] }));
      }
      case 'mention':
        return [];
    }
  }

  dispose(): void {
    clearTimeout(this.debounce);
    clearTimeout(this.poll);
    for (const d of this.subscriptions) d.dispose();
  }

  /** The kinds that have entities; empty (with the reason as a context key) when there is nothing to show. */
  private async roots(): Promise<EntityNode[]> {
    clearTimeout(this.poll);
    this.view.message = undefined;
    if (this.source.health.kind !== 'running') return this.empty('serverDown');
    const params: EntitiesParams = {};
    if (this.currentNoteOnlyMode) {
      if (!this.currentNote) return this.empty('noCurrentNote');
      params.uri = this.source.client.code2ProtocolConverter.asUri(this.currentNote);
    }
    const client = this.source.client;
    let result: EntitiesResult;
    try {
      result = await client.sendRequest(entitiesRequest, params);
    } catch (e) {
      // The server stopped or restarted meanwhile; its health change refreshes the view.
      if (client.isRunning()) this.source.outputChannel.error(`${EntitiesRequest} failed: ${e instanceof Error ? e.message : String(e)}`);
      return this.empty(client.isRunning() ? 'noMentions' : 'serverDown');
    }
    if (!result.complete) {
      this.view.message = vscode.l10n.t('Indexing notes…');
      this.poll = setTimeout(() => this.refresh(), INCOMPLETE_POLL_MS);
    }
    const kinds = result.kinds.filter((k) => k.entities.length > 0);
    if (kinds.length > 0) {
      this.setState('ready');
      return kinds.map((kind) => ({ type: 'kind', kind }));
    }
    if (this.currentNoteOnlyMode || !result.complete) return this.empty('noMentions');
    const anyNote = await vscode.workspace.findFiles(NOTE_GLOB, undefined, 1).then(
      (found) => found.length > 0,
      () => true,
    );
    return this.empty(anyNote ? 'noMentions' : 'noNotes');
  }

  private empty(state: ViewState): EntityNode[] {
    this.setState(state);
    return [];
  }

  private setState(state: ViewState): void {
    void vscode.commands.executeCommand('setContext', CONTEXT_STATE, state);
  }

  private followEditor(editor: vscode.TextEditor | undefined): void {
    const note = noteOf(editor);
    if (!note || note.toString() === this.currentNote?.toString()) return;
    this.currentNote = note;
    if (!this.currentNoteOnlyMode) return;
    this.describe();
    this.refresh();
  }

  /** The view's title shows which note it is narrowed to. */
  private describe(): void {
    this.view.description = this.currentNoteOnlyMode && this.currentNote ? vscode.workspace.asRelativePath(this.currentNote) : undefined;
  }

  private toCode(uri: string): vscode.Uri {
    return this.source.client.protocol2CodeConverter.asUri(uri);
  }

  /** The note's lines: an open note's live text, else the file's; undefined when unreadable. */
  private linesOf(uri: vscode.Uri): Promise<string[] | undefined> {
    const key = uri.toString();
    let lines = this.lines.get(key);
    if (!lines) {
      const open = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === key);
      lines = open
        ? Promise.resolve(splitLines(open.getText()))
        : Promise.resolve(vscode.workspace.fs.readFile(uri)).then(
            (bytes) => splitLines(new TextDecoder().decode(bytes)),
            () => undefined,
          );
      this.lines.set(key, lines);
    }
    return lines;
  }
}

const KIND_ICONS: Record<Kind['kind'], string> = { model: 'symbol-class', organization: 'organization', product: 'package' };

function kindLabel(kind: Kind['kind']): string {
  switch (kind) {
    case 'model':
      return vscode.l10n.t('Models');
    case 'organization':
      return vscode.l10n.t('Organizations');
    case 'product':
      return vscode.l10n.t('Products');
  }
}

function isNote(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'markdown' && (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled');
}

function noteOf(editor: vscode.TextEditor | undefined): vscode.Uri | undefined {
  return editor && isNote(editor.document) ? editor.document.uri : undefined;
}

/** Lines as LSP counts them (`\r\n`, `\r` and `\n` end a line). */
function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/**
 * A mention's line, trimmed, with the mention highlighted; a long line shows {@link MAX_LABEL}
 * characters from a little before the mention, with `…` where it was cut.
 */
export function mentionLabel(line: string, mention: WireMention): vscode.TreeItemLabel {
  const lead = line.length - line.trimStart().length;
  const text = line.trim();
  const start = Math.max(0, mention.character - lead);
  const end = mention.endLine === mention.line ? Math.min(text.length, mention.endCharacter - lead) : text.length;
  if (text.length <= MAX_LABEL) return { label: text, highlights: end > start ? [[start, end]] : [] };
  let from = Math.max(0, start - CONTEXT_BEFORE);
  if (from > 0 && isLowSurrogate(text, from)) from--;
  let to = Math.min(text.length, from + MAX_LABEL);
  if (to < text.length && isLowSurrogate(text, to)) to--;
  const before = from > 0 ? '…' : '';
  const label = before + text.slice(from, to).trimEnd() + (to < text.length ? '…' : '');
  const shift = before.length - from;
  const hStart = start + shift;
  const hEnd = Math.min(end, to) + shift;
  return { label, highlights: hEnd > hStart ? [[hStart, hEnd]] : [] };
}

function isLowSurrogate(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff;
}
