import {
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toLocale } from './l10n';
import { createLanguageService, defaultConfig, type Config } from './languageService';
import type { KnowledgeBase } from './knowledge/types';
import { CONFIG_SECTION, SERVER_NAME, type InitializationOptions, type Settings } from './protocol';
import type { Logger, Workspace } from './workspace';

export interface ServerDeps {
  /** Loads the bundled knowledge base (and, later, the workspace's files). */
  loadKnowledge(logger: Logger): KnowledgeBase;
  /** Reads a file from disk (open documents are served from memory first). */
  readFile(uri: string): Promise<string | undefined>;
}

const NUMBER_FORMATS = new Set(['auto', 'B', '억', 'both']);

/** Settings from the client, with anything unexpected replaced by the default. */
function toConfig(settings: Settings | undefined, locale: Config['locale']): Config {
  const numberFormat = NUMBER_FORMATS.has(settings?.numberFormat as string) ? settings!.numberFormat! : defaultConfig.numberFormat;
  return { locale, numberFormat };
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
    config = toConfig(settings ?? undefined, config.locale);
  };

  const onInitialize = (params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    config = toConfig(options.settings, toLocale(params.locale));
    canPullConfig = params.capabilities.workspace?.configuration === true;
    folders = (params.workspaceFolders ?? []).map((f) => f.uri);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
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
  connection.onHover((params) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? service.hover(doc, params.position) : null;
  });
  documents.onDidClose((e) => service.forget(e.document.uri));

  documents.listen(connection);
  connection.listen();
}
