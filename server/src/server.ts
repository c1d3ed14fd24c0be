import {
  CodeActionKind,
  type CancellationToken,
  DidChangeWatchedFilesNotification,
  MessageType,
  TextDocumentEdit,
  TextDocuments,
  TextDocumentSyncKind,
  TextEdit,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultConfig, toConfig, type Config } from './config';
import { legend } from './features/semanticTokens';
import { globToRegExp } from './glob';
import type { KnowledgeBase, KnowledgeProblem } from './knowledge/types';
import { messages, toLocale } from './l10n';
import { createLanguageService } from './languageService';
import {
  Commands,
  CONFIG_SECTION,
  DIAGNOSTIC_SOURCE,
  SERVER_NAME,
  type InitializationOptions,
  type InsertComparisonTableArgs,
  type InsertComparisonTableResult,
  type Settings,
  StatusNotification,
  type StatusParams,
  toInsertComparisonTableArgs,
} from './protocol';
import type { Logger, Workspace } from './workspace';
import { WorkspaceKnowledge } from './workspaceKnowledge';

export interface ServerDeps {
  /** The bundled knowledge base (loaded once). */
  bundledKnowledge(logger: Logger): KnowledgeBase;
  /** The workspace over the host's file system. */
  workspace(options: { folders: () => readonly string[]; globs: () => readonly string[]; openText: (uri: string) => string | undefined }): Workspace;
}

const isNote = (doc: TextDocument): boolean => doc.languageId === 'markdown' || /\.(md|markdown)$/i.test(doc.uri);

/**
 * Binds the language service to an LSP connection. Every protocol registration is in the
 * bind table at the end of this function; the rest is the state they share.
 */
export function startServer(connection: Connection, deps: ServerDeps): void {
  // The store applies each change in place; the service also hears it, to update its analysis
  // from the edited span alone instead of re-analysing the whole note.
  const documents = new TextDocuments<TextDocument>({
    create: TextDocument.create,
    update: (doc, changes, version) => {
      service.noteChanged(doc.uri, doc.version, changes);
      return TextDocument.update(doc, changes, version);
    },
  });
  const logger: Logger = {
    info: (m) => connection.console.info(m),
    warn: (m) => connection.console.warn(m),
    error: (m) => connection.console.error(m),
  };
  let config: Config = defaultConfig;
  let folders: string[] = [];
  /** Settles when the first load of the workspace's knowledge files is done. */
  let knowledgeLoaded: Promise<void> = Promise.resolve();
  const client = { pullConfig: false, versionedEdits: false, createFiles: false, watchFiles: false, inlayRefresh: false, tokensRefresh: false };

  const workspace = deps.workspace({
    folders: () => folders,
    globs: () => config.knowledgeFiles,
    openText: (uri) => documents.get(uri)?.getText(),
  });
  let knowledge: WorkspaceKnowledge | undefined;
  const getKnowledge = (): WorkspaceKnowledge => (knowledge ??= new WorkspaceKnowledge(deps.bundledKnowledge(logger), workspace, logger));
  const service = createLanguageService({
    workspace,
    knowledge: { current: () => getKnowledge().current(), forNote: (uri, text) => getKnowledge().forNote(uri, text) },
    config: () => config,
    logger,
  });

  /** The knowledge-file globs as regular expressions, compiled once per setting value. */
  let globs = { source: [] as readonly string[], patterns: [] as RegExp[] };
  /** True for a file the `researchNotes.knowledgeFiles` globs select in some folder. */
  const isKnowledgeFile = (uri: string): boolean => {
    if (getKnowledge().has(uri)) return true;
    if (globs.source !== config.knowledgeFiles) globs = { source: config.knowledgeFiles, patterns: config.knowledgeFiles.map(globToRegExp) };
    return folders.some((folder) => {
      const base = folder.endsWith('/') ? folder : `${folder}/`;
      if (!uri.startsWith(base)) return false;
      const relative = safeDecode(uri.slice(base.length));
      // A crafted `..` (or `%2e%2e`) would leave the folder under a `**` glob: never a knowledge file.
      if (relative === undefined || relative.split(/[\\/]/).some((part) => part === '..' || part === '.')) return false;
      return globs.patterns.some((re) => re.test(relative));
    });
  };

  // Diagnostics: notes after a short pause in typing, knowledge files whenever knowledge changes.
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  /** `fn` after the debounce pause, replacing anything pending for `uri`. */
  const debounce = (uri: string, fn: () => void, delay = config.diagnosticsDebounceMs): void => {
    clearTimeout(pending.get(uri));
    pending.delete(uri);
    if (delay <= 0) return fn();
    pending.set(uri, setTimeout(() => (pending.delete(uri), fn()), delay));
  };
  const note = (uri: string): TextDocument | undefined => {
    const doc = documents.get(uri);
    return doc && isNote(doc) ? doc : undefined;
  };
  /** False once a newer version of the note arrived (or it closed): work for this one is moot. */
  const isCurrent = (doc: TextDocument, version: number): boolean => documents.get(doc.uri)?.version === version;
  /** Large notes are analysed in slices first, so that requests on other notes are answered meanwhile. */
  const ready = async (doc: TextDocument, token?: CancellationToken): Promise<boolean> => {
    const version = doc.version;
    // The workspace's knowledge files load once the client is initialized; answers wait for them.
    await knowledgeLoaded;
    if (token?.isCancellationRequested) return false;
    await service.prepare(doc, () => !isCurrent(doc, version) || token?.isCancellationRequested === true);
    return isCurrent(doc, version) && !token?.isCancellationRequested;
  };
  const publishNote = async (doc: TextDocument): Promise<void> => {
    if (!(await ready(doc))) return;
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: service.diagnostics(doc) });
  };
  const scheduleNote = (doc: TextDocument, delay?: number): void => debounce(doc.uri, () => void publishNote(doc), delay);
  let publishedKnowledge = new Set<string>();
  const publishKnowledge = (now: Map<string, KnowledgeProblem[]>): void => {
    for (const [uri, problems] of now) {
      const diagnostics: Diagnostic[] = problems.map((p) => ({ range: p.range, severity: 1, code: p.code, source: DIAGNOSTIC_SOURCE, message: p.message }));
      void connection.sendDiagnostics({ uri, diagnostics });
    }
    for (const uri of publishedKnowledge) if (!now.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
    publishedKnowledge = new Set(now.keys());
  };
  /** After knowledge changed: every open note's diagnostics and the client's hints are stale. */
  const knowledgeChanged = (): void => {
    const wk = getKnowledge();
    const byFile = wk.problems();
    publishKnowledge(byFile);
    const problems = [...byFile.values()].reduce((n, list) => n + list.length, 0);
    const status: StatusParams = { entities: wk.current().all().length, knowledgeFiles: wk.files().length, problems };
    void connection.sendNotification(StatusNotification, status);
    for (const doc of documents.all()) if (isNote(doc)) scheduleNote(doc, 0);
    if (client.inlayRefresh) void connection.languages.inlayHint.refresh();
    if (client.tokensRefresh) void connection.languages.semanticTokens.refresh();
  };

  const pullConfig = async (): Promise<void> => {
    if (!client.pullConfig) return;
    const [settings] = (await connection.workspace.getConfiguration([{ section: CONFIG_SECTION }])) as (Settings | null)[];
    applyConfig(settings);
  };
  const applyConfig = (settings: Settings | null | undefined): void => {
    const before = config.knowledgeFiles.join('\n');
    config = toConfig(settings, config.locale);
    if (knowledge && config.knowledgeFiles.join('\n') !== before) void reloadKnowledge();
    else for (const doc of documents.all()) if (isNote(doc)) scheduleNote(doc, 0);
  };

  /**
   * Inserts or refreshes a comparison table as one `workspace/applyEdit`. The edit names the
   * document version it was computed from, so a client refuses it if the note changed since.
   */
  const insertComparisonTable = async (args: InsertComparisonTableArgs | undefined): Promise<InsertComparisonTableResult> => {
    const doc = args?.uri ? documents.get(args.uri) : undefined;
    if (!doc || !args?.position) {
      const message = messages(config.locale).tableNeedsNote;
      void connection.window.showWarningMessage(message);
      return { applied: false, message };
    }
    const version = doc.version;
    if (args.version !== undefined && args.version !== version) {
      const message = messages(config.locale).staleTable;
      void connection.window.showWarningMessage(message);
      return { applied: false, message };
    }
    const result = service.comparisonTableEdit(doc, args);
    if (!result.ok) {
      void connection.sendNotification('window/showMessage', { type: MessageType.Info, message: result.message });
      return { applied: false, message: result.message };
    }
    const edit = TextEdit.replace({ start: doc.positionAt(result.range.start), end: doc.positionAt(result.range.end) }, result.newText);
    const workspaceEdit: WorkspaceEdit = client.versionedEdits
      ? { documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version }, [edit])] }
      : { changes: { [doc.uri]: [edit] } };
    const applied = await connection.workspace.applyEdit({ label: messages(config.locale).tableEditLabel, edit: workspaceEdit });
    return applied.applied ? { applied: true } : { applied: false, message: applied.failureReason ?? messages(config.locale).editRefused };
  };

  const onInitialize = (params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    config = toConfig(options.settings, toLocale(params.locale));
    const caps = params.capabilities;
    client.pullConfig = caps.workspace?.configuration === true;
    client.versionedEdits = caps.workspace?.workspaceEdit?.documentChanges === true;
    client.createFiles = client.versionedEdits && (caps.workspace?.workspaceEdit?.resourceOperations ?? []).includes('create');
    client.watchFiles = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    client.inlayRefresh = caps.workspace?.inlayHint?.refreshSupport === true;
    client.tokensRefresh = caps.workspace?.semanticTokens?.refreshSupport === true;
    folders = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (folders.length === 0 && params.rootUri) folders = [params.rootUri];
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        definitionProvider: true,
        completionProvider: {},
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        inlayHintProvider: true,
        semanticTokensProvider: { legend, full: true, range: true },
        executeCommandProvider: { commands: [Commands.insertComparisonTable] },
      },
      serverInfo: { name: SERVER_NAME },
    };
  };

  /** Reloads every knowledge file; refused `researchNotes.knowledgeFiles` patterns are shown to the user. */
  const reloadKnowledge = async (): Promise<void> => {
    const refused = await getKnowledge().reload();
    for (const reason of refused) void connection.window.showWarningMessage(`Research Notes: ${reason}`);
    knowledgeChanged();
  };

  const onInitialized = async (): Promise<void> => {
    await pullConfig();
    const wk = getKnowledge();
    await reloadKnowledge();
    const kb = wk.current();
    logger.info(`Research Notes server ready: ${kb.all().length} entities (knowledge version ${kb.version}), ${wk.files().length} knowledge files, locale ${config.locale}`);
    if (client.watchFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: config.knowledgeFiles.map((globPattern) => ({ globPattern: `**/${globPattern}` })),
      });
    }
  };

  // The bind table.
  connection.onInitialize(onInitialize);
  connection.onInitialized(() => {
    knowledgeLoaded = onInitialized().catch((e: unknown) => logger.error(`Loading knowledge failed: ${String(e)}`));
  });
  connection.onDidChangeConfiguration((change) => {
    if (client.pullConfig) void pullConfig();
    else applyConfig((change.settings as Record<string, Settings> | undefined)?.[CONFIG_SECTION]);
  });
  connection.onDidChangeWatchedFiles(async (params) => {
    let changed = false;
    for (const c of params.changes) {
      if (isKnowledgeFile(c.uri) && !documents.get(c.uri)) changed = (await getKnowledge().update(c.uri)) || changed;
    }
    if (changed) knowledgeChanged();
  });
  connection.onExecuteCommand((params) => {
    if (params.command === Commands.insertComparisonTable) {
      return insertComparisonTable(toInsertComparisonTableArgs(params.arguments));
    }
    return null;
  });
  connection.onHover(async (params, token) => {
    const doc = note(params.textDocument.uri);
    return doc && (await ready(doc, token)) ? service.hover(doc, params.position) : null;
  });
  connection.onCodeAction(async (params, token) => {
    const doc = note(params.textDocument.uri);
    if (!doc || !(await ready(doc, token))) return null;
    const actions = await service.codeActions(doc, params.range, params.context.diagnostics);
    // Edits that create the knowledge file need a client that can create files.
    return client.createFiles ? actions : actions.filter((a) => !a.edit?.documentChanges?.some((c) => 'kind' in c));
  });
  connection.onDefinition(async (params, token) => {
    const doc = note(params.textDocument.uri);
    return doc && (await ready(doc, token)) ? service.definition(doc, params.position) : null;
  });
  connection.onCompletion(async (params, token) => {
    const doc = note(params.textDocument.uri);
    return doc && (await ready(doc, token)) ? service.completions(doc, params.position) : null;
  });
  connection.languages.semanticTokens.on(async (params, token) => {
    const doc = note(params.textDocument.uri);
    return doc && (await ready(doc, token)) ? service.semanticTokens(doc) : { data: [] };
  });
  connection.languages.semanticTokens.onRange(async (params, token) => {
    const doc = note(params.textDocument.uri);
    return doc && (await ready(doc, token)) ? service.semanticTokens(doc, params.range) : { data: [] };
  });
  connection.languages.inlayHint.on(async (params, token) => {
    const doc = note(params.textDocument.uri);
    return doc && (await ready(doc, token)) ? service.inlayHints(doc, params.range) : null;
  });
  // The store reports an open as a content change too: that one is handled here, at once.
  const justOpened = new Set<string>();
  /** Re-reads one knowledge file (its editor text, else disk); re-checks notes only if it changed. */
  const updateKnowledgeFile = async (uri: string, text?: string): Promise<void> => {
    if (await getKnowledge().update(uri, text)) knowledgeChanged();
  };
  documents.onDidOpen((e) => {
    justOpened.add(e.document.uri);
    if (isNote(e.document)) scheduleNote(e.document, 0);
    // An editor may open a knowledge file with unsaved text (a restored session).
    else if (isKnowledgeFile(e.document.uri)) void updateKnowledgeFile(e.document.uri, e.document.getText());
  });
  documents.onDidChangeContent((e) => {
    if (justOpened.delete(e.document.uri)) return;
    if (isNote(e.document)) scheduleNote(e.document);
    // Every keystroke in a knowledge file would rebuild the knowledge base and re-check every
    // open note: wait for a pause in typing, as for notes.
    else if (isKnowledgeFile(e.document.uri)) {
      const doc = e.document;
      debounce(doc.uri, () => void updateKnowledgeFile(doc.uri, doc.getText()));
    }
  });
  documents.onDidClose((e) => {
    clearTimeout(pending.get(e.document.uri));
    service.forget(e.document.uri);
    if (isNote(e.document)) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    else if (isKnowledgeFile(e.document.uri)) void updateKnowledgeFile(e.document.uri);
  });

  documents.listen(connection);
  connection.listen();
}

/** `decodeURIComponent`, or undefined for a malformed escape. */
function safeDecode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}
