/**
 * The server's state and what its handlers do with it: the open documents, the settings, the
 * client's abilities, the workspace knowledge and the language service. The bind table
 * (`index.ts`) only connects protocol messages to these methods.
 */
import {
  CancellationToken,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type Location,
  type Position,
  type SymbolInformation,
  type InitializeResult,
  type Range,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultConfig, filesExcludeGlobs, toConfig, type Config } from '../service/config';
import { globToRegExp, isExcludedInFolders } from '../workspace/glob';
import { entryLocation } from '../knowledge/location';
import type { EntityOrigin, KnowledgeBase } from '../knowledge/types';
import { toLocale } from '../l10n';
import { crossNoteDiagnostics } from '../features/crossNoteClaims';
import { hubLookupActions } from '../features/hubLookup';
import { entitiesView, references, workspaceSymbols } from '../features/references';
import { createLanguageService, type LanguageService } from '../service/languageService';
import { CONFIG_SECTION, SERVER_NAME, type EntitiesParams, type EntitiesResult, type HubEntryParams, type HubEntryResult, type InitializationOptions, type InsertComparisonTableResult, type InsertComparisonChartResult, type ModelsChartParams, type ModelsChartResult, type Settings, StatusNotification, toInsertComparisonTableArgs } from '../protocol';
import type { Logger, Workspace, WorkspaceOptions } from '../workspace';
import { WorkspaceKnowledge } from '../knowledge/workspace';
import { clientSupport, noClientSupport, serverCapabilities, type ClientSupport } from './capabilities';
import { hubEntryAnswer } from './commands/hubEntry';
import { insertComparisonTable } from './commands/insertComparisonTable';
import { insertComparisonChart } from './commands/insertComparisonChart';
import { modelsChart } from './commands/chartView';
import { tableModels } from '../features/comparisonTable';
import { chartSpec, type ChartOptions, type ChartSpecResult } from '../chart/spec';
import type { RenderChartSvg } from '../chart/load';
import type { HubPlaces } from '../hub';
import { DiagnosticsPublisher } from './diagnostics';
import { untilCancelled } from './cancellation';
import { WorkspaceIndexing } from './indexing';

export interface ServerDeps {
  /** The bundled knowledge base (loaded once, after `initialize`, which gave `options`). */
  bundledKnowledge(logger: Logger, options: InitializationOptions): KnowledgeBase;
  /** The workspace over the host's file system. */
  workspace(options: Required<WorkspaceOptions>): Workspace;
  /** Where organizations publish on the Hugging Face Hub, for looked-up entries (read once, when first asked). */
  hubPlaces?(): HubPlaces | undefined;
  /**
   * The chart's SVG renderer (ECharts), loaded when the first chart is drawn (`initialize` gave
   * `options`); none or undefined: no charts. A load that fails is tried again at the next chart.
   */
  chartRenderer?(options: InitializationOptions): RenderChartSvg | Promise<RenderChartSvg | undefined> | undefined;
  /**
   * False: requests on notes are answered from the bundled knowledge while the workspace's
   * knowledge files load (the web worker reads them through the client, which takes seconds);
   * diagnostics still wait for them, hints and tokens are refreshed once they are in. Default true.
   */
  answersWaitForKnowledgeFiles?: boolean;
}

export const isNote = (doc: TextDocument): boolean => doc.languageId === 'markdown' || /\.(md|markdown)$/i.test(doc.uri);

/** A code action whose edit creates a file: only for clients that can. */
const createsFile = (action: CodeAction): boolean => action.edit?.documentChanges?.some((c) => 'kind' in c && c.kind === 'create') === true;

export class Session {
  readonly documents: TextDocuments<TextDocument>;
  readonly logger: Logger;
  readonly service: LanguageService;
  private config: Config = defaultConfig;
  private folders: string[] = [];
  private client: ClientSupport = noClientSupport;
  /** The client implements `researchNotes.lookUpOnHub` (its initialization options say so). */
  private hubLookup = false;
  private initializationOptions: InitializationOptions = {};
  private places: { value: HubPlaces | undefined } | undefined;
  private renderChart: Promise<RenderChartSvg | undefined> | undefined;
  /** Settles when the first load of the workspace's knowledge files is done. */
  private knowledgeLoaded: Promise<void> = Promise.resolve();
  private readonly workspace: Workspace;
  private knowledgeCache: WorkspaceKnowledge | undefined;
  private readonly publisher: DiagnosticsPublisher;
  /** The store reports an open as a content change too: that one is handled at the open. */
  private readonly justOpened = new Set<string>();
  /** Handlers that failed once: logged then, not again. */
  private readonly failures = new Set<string>();
  /** The workspace index and the runs that fill it. */
  private readonly indexing: WorkspaceIndexing;

  constructor(
    private readonly connection: Connection,
    private readonly deps: ServerDeps,
  ) {
    // The store applies each change in place; the service also hears it, to update its analysis
    // from the edited span alone instead of re-analysing the whole note.
    this.documents = new TextDocuments<TextDocument>({
      create: TextDocument.create,
      update: (doc, changes, version) => {
        this.service.noteChanged(doc.uri, doc.version, changes);
        return TextDocument.update(doc, changes, version);
      },
    });
    this.logger = { info: (m) => connection.console.info(m), warn: (m) => connection.console.warn(m), error: (m) => connection.console.error(m) };
    this.publisher = new DiagnosticsPublisher(connection);
    this.workspace = deps.workspace({
      folders: () => this.folders,
      globs: () => this.config.knowledgeFiles,
      exclude: () => this.config.exclude,
      openText: (uri) => this.documents.get(uri)?.getText(),
    });
    this.service = createLanguageService({
      workspace: this.workspace,
      knowledge: { current: () => this.knowledge.current(), forNote: (uri, text) => this.knowledge.forNote(uri, text) },
      config: () => this.config,
      logger: this.logger,
      claimsElsewhere: (id, exceptUri) =>
        this.indexing.index
          .claims(id)
          .filter((c) => c.uri !== exceptUri && !c.active)
          .map((c) => ({ uri: c.uri, line: c.range.start.line, text: c.text })),
    });
    this.indexing = new WorkspaceIndexing({
      workspace: this.workspace,
      logger: this.logger,
      openNote: (uri) => this.note(uri),
      isOpen: (uri) => this.documents.get(uri) !== undefined,
      excluded: (uri) => this.excluded(uri),
      entry: (note) => this.service.indexEntry(note),
      locale: () => this.config.locale,
      progress: async () => (this.client.workDoneProgress ? this.connection.window.createWorkDoneProgress() : undefined),
      claimsChanged: () => this.recheckNotes(),
      failed: (what, error) => this.failed(what, error),
    });
  }

  /** The workspace knowledge, loaded on first use (the bundled data is read then). */
  get knowledge(): WorkspaceKnowledge {
    return (this.knowledgeCache ??= new WorkspaceKnowledge(this.deps.bundledKnowledge(this.logger, this.initializationOptions), this.workspace, this.logger, () => this.config.knowledgeFiles));
  }

  /** The open note at `uri`, if it is a note. */
  note(uri: string): TextDocument | undefined {
    const doc = this.documents.get(uri);
    return doc && isNote(doc) ? doc : undefined;
  }

  /**
   * The note analysed for this version; undefined once a newer version arrived or the request
   * was cancelled. Cancelling stops the wait, not the analysis, which the next request needs.
   */
  async ready(uri: string, token: CancellationToken = CancellationToken.None): Promise<TextDocument | undefined> {
    const doc = this.note(uri);
    if (!doc) return undefined;
    const version = doc.version;
    const documents = this.documents;
    const superseded = {
      get isCancellationRequested() {
        return documents.get(doc.uri)?.version !== version;
      },
    };
    const current = (): TextDocument | undefined => (superseded.isCancellationRequested || token.isCancellationRequested ? undefined : doc);
    // The workspace's knowledge files load once the client is initialized; answers wait for them
    // unless the host says otherwise.
    if (this.deps.answersWaitForKnowledgeFiles !== false) await this.knowledgeLoaded;
    if (!current()) return undefined;
    // Large notes are analysed in slices first, so that requests on other notes are answered meanwhile.
    await untilCancelled(this.service.prepare(doc, superseded), token);
    return current();
  }

  initialize(params: InitializeParams): InitializeResult {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    this.initializationOptions = options;
    this.config = toConfig(options.settings, toLocale(params.locale));
    this.client = clientSupport(params.capabilities);
    this.hubLookup = options.hubLookup === true;
    this.folders = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (this.folders.length === 0 && params.rootUri) this.folders = [params.rootUri];
    return { capabilities: serverCapabilities, serverInfo: { name: SERVER_NAME } };
  }

  initialized(): void {
    this.knowledgeLoaded = this.loadKnowledge().catch((e: unknown) => this.logger.error(`Loading knowledge failed: ${String(e)}`));
  }

  private async loadKnowledge(): Promise<void> {
    await this.pullConfig();
    await this.reloadKnowledge();
    const kb = this.knowledge.current();
    this.logger.info(`Research Notes server ready: ${kb.all().length} entities (knowledge version ${kb.version}), ${this.knowledge.files().length} knowledge files, locale ${this.config.locale}`);
    if (this.client.watchFiles) {
      const watchers = [...this.config.knowledgeFiles.map((globPattern) => ({ globPattern: `**/${globPattern}` })), { globPattern: '**/*.{md,markdown}' }];
      this.quietly('registerWatchers', this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }));
    }
  }

  configurationChanged(settings: unknown): void {
    if (this.client.pullConfig) void this.pullConfig();
    else this.applyConfig((settings as Record<string, Settings> | undefined)?.[CONFIG_SECTION]);
  }

  private async pullConfig(): Promise<void> {
    if (!this.client.pullConfig) return;
    const [settings, filesExclude] = (await this.connection.workspace.getConfiguration([{ section: CONFIG_SECTION }, { section: 'files.exclude' }])) as [
      Settings | null,
      unknown,
    ];
    this.applyConfig(settings, filesExcludeGlobs(filesExclude));
  }

  private applyConfig(settings: Settings | null | undefined, filesExclude?: readonly string[]): void {
    const before = this.config;
    this.config = toConfig(settings, this.config.locale, filesExclude);
    if (this.knowledgeCache && this.config.knowledgeFiles.join('\n') !== before.knowledgeFiles.join('\n')) return void this.reloadKnowledge();
    this.recheckNotes();
    // Notes now excluded leave the index, notes no longer excluded join it.
    if (this.knowledgeCache && this.config.exclude.join('\n') !== before.exclude.join('\n')) this.indexing.start();
  }

  /** Whether the workspace index skips `uri` (`researchNotes.exclude`, `files.exclude`). */
  private excluded(uri: string): boolean {
    return isExcludedInFolders(uri, this.folders, this.config.exclude.map(globToRegExp));
  }

  /** Reloads every knowledge file; refused `researchNotes.knowledgeFiles` patterns are shown to the user. */
  private async reloadKnowledge(): Promise<void> {
    const refused = await this.knowledge.reload();
    for (const reason of refused) this.connection.window.showWarningMessage(`Research Notes: ${reason}`);
    this.knowledgeChanged();
  }

  /** After knowledge changed: knowledge-file problems, the status, every open note's diagnostics and the client's hints. */
  private knowledgeChanged(): void {
    const byFile = this.knowledge.problems();
    this.publisher.knowledge(byFile);
    const problems = [...byFile.values()].reduce((n, list) => n + list.length, 0);
    void this.connection.sendNotification(StatusNotification, { entities: this.knowledge.current().all().length, knowledgeFiles: this.knowledge.files().length, problems });
    this.recheckNotes();
    // Names and claims of every note may read differently now.
    this.indexing.start();
    if (this.client.inlayRefresh) this.quietly('inlayHint/refresh', this.connection.languages.inlayHint.refresh());
    if (this.client.tokensRefresh) this.quietly('semanticTokens/refresh', this.connection.languages.semanticTokens.refresh());
  }

  private recheckNotes(): void {
    for (const doc of this.documents.all()) if (isNote(doc)) this.scheduleNote(doc, 0);
  }

  /** Publishes a note's diagnostics after the debounce pause (or `delay`). */
  private scheduleNote(doc: TextDocument, delay = this.config.diagnosticsDebounceMs): void {
    this.publisher.debounce(doc.uri, delay, () => void this.publishNote(doc.uri));
  }

  private async publishNote(uri: string): Promise<void> {
    try {
      // Not from the bundled knowledge alone: a model of the user's files would be flagged unknown.
      await this.knowledgeLoaded;
      const doc = await this.ready(uri);
      if (!doc) return;
      const claimsChanged = this.indexing.set(doc);
      this.publisher.note(doc.uri, doc.version, [...this.service.diagnostics(doc), ...this.crossNote(doc)]);
      // The other open notes compare their counts with this one's.
      if (claimsChanged) for (const other of this.documents.all()) if (other.uri !== doc.uri && isNote(other)) this.scheduleNote(other);
    } catch (error) {
      this.failed('diagnostics', error);
    }
  }

  /** Counts this note states that the user's other notes state differently (models without a count in the knowledge base). */
  private crossNote(doc: TextDocument): Diagnostic[] {
    const { claims, locale } = this.config;
    const kb = this.knowledge.forNote(doc.uri, doc.getText());
    return crossNoteDiagnostics(this.service.analyze(doc), kb, {
      locale,
      tolerance: claims.tolerance,
      claimsElsewhere: (id) => this.indexing.index.claims(id).filter((c) => c.uri !== doc.uri),
    });
  }

  /** A request to the client whose answer nothing waits for: a refusal is logged, never left unhandled (which would end the process). */
  private quietly(what: string, request: Promise<unknown>): void {
    request.catch((e: unknown) => this.failed(what, e));
  }

  /** Logs a handler's failure, once per handler: the request got an empty answer and the server goes on. */
  failed(handler: string, error: unknown): void {
    if (this.failures.has(handler)) return;
    this.failures.add(handler);
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.logger.error(`Research Notes: ${handler} failed (later failures of it are not logged): ${detail}`);
  }

  /** Re-reads one knowledge file (its editor text, else disk); re-checks notes only if it changed. */
  private async updateKnowledgeFile(uri: string, text?: string): Promise<void> {
    try {
      if (await this.knowledge.update(uri, text)) this.knowledgeChanged();
    } catch (error) {
      this.failed('knowledge file', error);
    }
  }

  async watchedFilesChanged(uris: readonly string[]): Promise<void> {
    let changed = false;
    for (const uri of uris) {
      if (/\.(?:md|markdown)$/i.test(uri) && !this.documents.get(uri)) this.indexing.reindex(uri);
      if (this.knowledge.isKnowledgeFile(uri) && !this.documents.get(uri)) changed = (await this.knowledge.update(uri)) || changed;
    }
    if (changed) this.knowledgeChanged();
  }

  opened(doc: TextDocument): void {
    this.justOpened.add(doc.uri);
    if (isNote(doc)) this.scheduleNote(doc, 0);
    // An editor may open a knowledge file with unsaved text (a restored session).
    else if (this.knowledge.isKnowledgeFile(doc.uri)) void this.updateKnowledgeFile(doc.uri, doc.getText());
  }

  changed(doc: TextDocument): void {
    if (this.justOpened.delete(doc.uri)) return;
    if (isNote(doc)) this.scheduleNote(doc);
    // Every keystroke in a knowledge file would rebuild the knowledge base and re-check every
    // open note: wait for a pause in typing, as for notes.
    else if (this.knowledge.isKnowledgeFile(doc.uri)) {
      this.publisher.debounce(doc.uri, this.config.diagnosticsDebounceMs, () => void this.updateKnowledgeFile(doc.uri, doc.getText()));
    }
  }

  closed(doc: TextDocument): void {
    this.publisher.cancel(doc.uri);
    this.service.forget(doc.uri);
    if (isNote(doc)) {
      this.publisher.note(doc.uri, undefined, []);
      // What is on disk counts again (the editor may have dropped unsaved text).
      this.indexing.reindex(doc.uri);
    } else if (this.knowledge.isKnowledgeFile(doc.uri)) void this.updateKnowledgeFile(doc.uri);
  }

  /** Every mention, in every note, of the entity at `position`; its knowledge entry first when asked. */
  async references(doc: TextDocument, position: Position, includeDeclaration: boolean, token?: CancellationToken): Promise<Location[]> {
    const id = this.service.entityAt(doc, position, token);
    if (!id || !(await this.indexing.ready(token))) return [];
    return references(this.indexing.index, id, includeDeclaration ? this.service.definition(doc, position) : undefined);
  }

  /**
   * References from a knowledge file: the notes that mention the entity whose entry holds
   * `position` (the last entry starting at or before its line), the entry itself first when asked.
   */
  async knowledgeReferences(uri: string, position: Position, includeDeclaration: boolean, token?: CancellationToken): Promise<Location[] | null> {
    if (!this.knowledge.isKnowledgeFile(uri)) return null;
    const kb = this.knowledge.current();
    let entry: { id: string; origin: EntityOrigin } | undefined;
    for (const entity of kb.all()) {
      const origin = kb.origin(entity.id);
      if (origin?.uri === uri && origin.line <= position.line && (!entry || origin.line > entry.origin.line)) entry = { id: entity.id, origin };
    }
    if (!entry || !(await this.indexing.ready(token))) return [];
    return references(this.indexing.index, entry.id, includeDeclaration ? entryLocation(entry.origin) : undefined);
  }

  /** The Entities view's data; answered at once, marked incomplete while the first run is under way. */
  entities(params: EntitiesParams): EntitiesResult {
    return { complete: this.indexing.complete, kinds: entitiesView(this.indexing.index, this.knowledge.current(), params.uri) };
  }

  async workspaceSymbols(query: string, token?: CancellationToken): Promise<SymbolInformation[]> {
    if (!(await this.indexing.ready(token))) return [];
    return workspaceSymbols(this.indexing.index, this.knowledge.current(), query, this.config.locale, this.knowledge.files());
  }

  /** Quick fixes; those that create the knowledge file only for a client that can create files. */
  async codeActions(doc: TextDocument, range: Range, diagnostics: Diagnostic[], token?: CancellationToken): Promise<CodeAction[]> {
    const actions = await this.service.codeActions(doc, range, diagnostics, token);
    const fixes = this.client.createFiles ? actions : actions.filter((a) => !createsFile(a));
    if (!this.hubLookup || token?.isCancellationRequested) return fixes;
    const analysis = this.service.analyze(doc);
    const at = { start: analysis.offsetAt(range.start), end: analysis.offsetAt(range.end) };
    return [...fixes, ...hubLookupActions(analysis, this.knowledge.forNote(doc.uri, doc.getText()), at, diagnostics, doc.uri, this.config.locale)];
  }

  /** The entry and edit for facts the client read from the Hub (`researchNotes/hubEntry`). */
  hubEntry(params: HubEntryParams): Promise<HubEntryResult> {
    this.places ??= { value: this.deps.hubPlaces?.() };
    return hubEntryAnswer(
      {
        locale: this.config.locale,
        folders: this.folders,
        knowledge: this.knowledge.current(),
        knowledgeFiles: this.knowledge.files(),
        places: this.places.value,
        today: new Date().toISOString().slice(0, 10),
        document: (uri) => this.documents.get(uri),
        readFile: (uri) => this.workspace.readFile(uri),
      },
      params,
    );
  }

  executeCommand(args: unknown[] | undefined): Promise<InsertComparisonTableResult> {
    const failed = (error: unknown): InsertComparisonTableResult => {
      this.failed('insertComparisonTable', error);
      return { applied: false, message: String(error instanceof Error ? error.message : error) };
    };
    return insertComparisonTable(
      {
        connection: this.connection,
        locale: this.config.locale,
        versionedEdits: this.client.versionedEdits,
        document: (uri) => this.documents.get(uri),
        tableEdit: (doc, a) => this.service.comparisonTableEdit(doc, a),
      },
      toInsertComparisonTableArgs(args),
    ).catch(failed);
  }

  /** `researchNotes.insertComparisonChart`: the SVG beside the note and its link, as one edit. */
  insertComparisonChart(args: unknown[] | undefined): Promise<InsertComparisonChartResult> {
    return insertComparisonChart(
      {
        connection: this.connection,
        locale: this.config.locale,
        createFiles: this.client.createFiles,
        folder: this.config.chartFolder,
        document: (uri) => this.note(uri),
        spec: (doc, options) => this.chartOf(doc, options),
        renderer: () => this.chartRenderer(),
      },
      toInsertComparisonTableArgs(args),
    ).catch((error: unknown): InsertComparisonChartResult => {
      this.failed('insertComparisonChart', error);
      return { applied: false, message: String(error instanceof Error ? error.message : error) };
    });
  }

  /** `researchNotes/modelsChart`: every note's models, or one note's (indexed from its live text first). */
  async modelsChart(params: ModelsChartParams): Promise<ModelsChartResult> {
    // The user's knowledge files first: indexing starts once they are read.
    await this.knowledgeLoaded;
    const doc = params.uri ? await this.ready(params.uri) : undefined;
    if (doc) this.indexing.set(doc);
    await this.indexing.ready();
    const kb = doc ? this.knowledge.forNote(doc.uri, doc.getText()) : this.knowledge.current();
    return modelsChart({
      locale: this.config.locale,
      options: { language: this.config.table.language, numberFormat: this.config.numberFormat },
      noteLanguage: doc ? tableModels(this.service.analyze(doc), kb).language : this.config.locale,
      index: this.indexing.index,
      kb,
      uri: params.uri,
      complete: this.indexing.complete,
      renderer: () => this.chartRenderer(),
    });
  }

  /** The chart's renderer, loaded once; a failed load is forgotten, so the next chart tries again. */
  private chartRenderer(): Promise<RenderChartSvg | undefined> {
    const loading = (this.renderChart ??= (async () => this.deps.chartRenderer?.(this.initializationOptions))());
    loading.catch(() => {
      if (this.renderChart === loading) this.renderChart = undefined;
    });
    return loading;
  }

  /** A note's chart; the command's overrides are validated like settings (any LSP client sends them). */
  private chartOf(doc: TextDocument, o: Partial<ChartOptions>): ChartSpecResult {
    const { table, numberFormat } = toConfig({ numberFormat: o.numberFormat ?? this.config.numberFormat, table: { language: o.language ?? this.config.table.language } }, this.config.locale);
    const kb = this.knowledge.forNote(doc.uri, doc.getText());
    return chartSpec(this.service.analyze(doc), kb, { language: table.language, numberFormat, selection: o.selection }, this.config.locale);
  }
}
