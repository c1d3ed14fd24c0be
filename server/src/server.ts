import {
  MessageType,
  TextDocumentEdit,
  TextDocuments,
  TextDocumentSyncKind,
  TextEdit,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { messages, toLocale } from './l10n';
import { toConfig } from './config';
import { createLanguageService, defaultConfig, type Config } from './languageService';
import type { KnowledgeBase } from './knowledge/types';
import {
  Commands,
  CONFIG_SECTION,
  SERVER_NAME,
  type InitializationOptions,
  type InsertComparisonTableArgs,
  type InsertComparisonTableResult,
  type Settings,
} from './protocol';
import type { Logger, Workspace } from './workspace';

export interface ServerDeps {
  /** Loads the bundled knowledge base (and, later, the workspace's files). */
  loadKnowledge(logger: Logger): KnowledgeBase;
  /** Reads a file from disk (open documents are served from memory first). */
  readFile(uri: string): Promise<string | undefined>;
}

/**
 * Binds the language service to an LSP connection. Every protocol registration is in the
 * bind table at the end of this function.
 */
export function startServer(connection: Connection, deps: ServerDeps): void {
  const documents = new TextDocuments(TextDocument);
  const logger: Logger = {
    info: (m) => connection.console.info(m),
    warn: (m) => connection.console.warn(m),
    error: (m) => connection.console.error(m),
  };
  let config: Config = defaultConfig;
  let canPullConfig = false;
  let canVersionEdits = false;
  let knowledge: KnowledgeBase | undefined;
  let folders: string[] = [];

  const workspace: Workspace = {
    get folders() {
      return folders;
    },
    readFile: async (uri) => documents.get(uri)?.getText() ?? deps.readFile(uri),
  };
  const service = createLanguageService({
    workspace,
    knowledge: () => (knowledge ??= deps.loadKnowledge(logger)),
    config: () => config,
    logger,
  });

  const pullConfig = async (): Promise<void> => {
    if (!canPullConfig) return;
    const [settings] = (await connection.workspace.getConfiguration([{ section: CONFIG_SECTION }])) as (Settings | null)[];
    config = toConfig(settings, config.locale);
  };

  /**
   * Inserts or refreshes a comparison table as one `workspace/applyEdit`. The edit names the
   * document version it was computed from, so a client refuses it if the note changed since.
   */
  const insertComparisonTable = async (args: InsertComparisonTableArgs | undefined): Promise<InsertComparisonTableResult> => {
    const doc = args?.uri ? documents.get(args.uri) : undefined;
    if (!doc || !args?.position) {
      const message = 'Research Notes: Insert Comparison Table needs an open Markdown note and a position.';
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
    const workspaceEdit: WorkspaceEdit = canVersionEdits
      ? { documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version }, [edit])] }
      : { changes: { [doc.uri]: [edit] } };
    const applied = await connection.workspace.applyEdit({ label: 'Insert Comparison Table', edit: workspaceEdit });
    return applied.applied ? { applied: true } : { applied: false, message: applied.failureReason ?? 'The editor refused the edit.' };
  };

  const onInitialize = (params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    config = toConfig(options.settings, toLocale(params.locale));
    canPullConfig = params.capabilities.workspace?.configuration === true;
    canVersionEdits = params.capabilities.workspace?.workspaceEdit?.documentChanges === true;
    folders = (params.workspaceFolders ?? []).map((f) => f.uri);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        executeCommandProvider: { commands: [Commands.insertComparisonTable] },
      },
      serverInfo: { name: SERVER_NAME },
    };
  };

  // The bind table.
  connection.onInitialize(onInitialize);
  connection.onInitialized(() => {
    void pullConfig();
    const kb = (knowledge ??= deps.loadKnowledge(logger));
    logger.info(`Research Notes server ready: ${kb.all().length} entities (knowledge version ${kb.version}), locale ${config.locale}`);
  });
  connection.onDidChangeConfiguration((change) => {
    const settings = (change.settings as Record<string, Settings> | undefined)?.[CONFIG_SECTION];
    if (canPullConfig) void pullConfig();
    else if (settings) config = toConfig(settings, config.locale);
  });
  connection.onExecuteCommand((params) => {
    if (params.command === Commands.insertComparisonTable) {
      return insertComparisonTable(params.arguments?.[0] as InsertComparisonTableArgs | undefined);
    }
    return null;
  });
  connection.onHover((params) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? service.hover(doc, params.position) : null;
  });
  documents.onDidClose((e) => service.forget(e.document.uri));

  documents.listen(connection);
  connection.listen();
}
