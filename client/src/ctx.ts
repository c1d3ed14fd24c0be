import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  ExecuteCommandRequest,
  State,
  type BaseLanguageClient as LanguageClient,
  type ErrorHandler,
  type LanguageClientOptions,
} from 'vscode-languageclient';
import { ClientCommands } from './commands/ids';
import { insertTableArgs } from './commands/insertComparisonTable';
import { insertComparisonChart } from './commands/insertComparisonChart';
import { lookUpOnHub, setHubToken } from './commands/lookUpOnHub';
import { showModelsChart } from './commands/showModelsChart';
import { readSettings, restartSettingChanged } from './config';
import { EntitiesTreeProvider } from './entitiesView';
import type { ClientHost } from './host';
import { ClientOwnedCommands } from './serverCommands';
import { type ServerHealth, ServerStatusItem } from './status';
import {
  Commands,
  CONFIG_SECTION,
  type InitializationOptions,
  type InsertComparisonTableResult,
  StatusNotification,
  type StatusParams,
} from '../../server/src/protocol';

export const OUTPUT_CHANNEL_NAME = 'Research Notes';

/** How long a command waits for a starting server before it says the server is not running. */
const START_WAIT_MS = 30_000;

/** What `activate()` returns: lets tests and other extensions see the running client. */
export interface ResearchNotesApi {
  readonly outputChannel: vscode.LogOutputChannel;
  /** The current language client; Restart Server replaces it with a new one. */
  readonly client: LanguageClient;
  /** The Markdown language status item, as the user sees it. */
  readonly status: vscode.LanguageStatusItem;
  /** The data of the "Research Notes: Entities" view in the Explorer. */
  readonly entities: EntitiesTreeProvider;
}

/** A server command's answer, or why no server could give one (already shown to the user). */
type ServerAnswer = { readonly ok: true; readonly result: unknown } | { readonly ok: false; readonly message: string };

/**
 * Owns everything the extension creates: the language client (a new one per restart), its output
 * channel, the status item and the commands. `extension.ts` only creates, starts and disposes it.
 * The commands are registered once and outlive every client, so they answer while the server is
 * stopped, starting or crashed.
 */
export class Ctx implements ResearchNotesApi {
  readonly outputChannel: vscode.LogOutputChannel;
  private readonly statusItem: ServerStatusItem;
  private readonly healthChanged = new vscode.EventEmitter<ServerHealth>();
  /** Fires on every change of the server's state and on every `researchNotes/status`. */
  readonly onDidChangeHealth = this.healthChanged.event;
  readonly entities: EntitiesTreeProvider;
  private _client: LanguageClient;
  /** Listeners on `_client`, dropped with it. */
  private clientSubscriptions: vscode.Disposable[] = [];
  /** The last `researchNotes/status` of the current server process. */
  private serverStatus: StatusParams | undefined;
  /**
   * What the error handler decided when the server went away on its own: `restart` while the
   * language client brings it back, `gave-up` when it will not (a crash, as the user sees it).
   */
  private exit: 'restart' | 'gave-up' | undefined;
  /** Starts and restarts, one at a time. */
  private lifecycle: Promise<void> = Promise.resolve();

  constructor(
    private readonly extension: vscode.ExtensionContext,
    private readonly host: ClientHost,
  ) {
    this.outputChannel = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME, { log: true });
    this.statusItem = new ServerStatusItem(OUTPUT_CHANNEL_NAME);
    this._client = this.createClient();
    this.entities = new EntitiesTreeProvider(this);
    extension.subscriptions.push(
      this.outputChannel,
      this.statusItem,
      this.healthChanged,
      this.entities,
      vscode.commands.registerCommand(Commands.showLog, () => this.outputChannel.show(true)),
      vscode.commands.registerCommand(ClientCommands.restartServer, () => this.restart()),
      vscode.commands.registerCommand(Commands.insertComparisonTable, (...args: unknown[]) => this.insertComparisonTable(args)),
      vscode.commands.registerCommand(Commands.insertComparisonChart, (...args: unknown[]) => insertComparisonChart(this, args)),
      vscode.commands.registerCommand(Commands.showModelsChart, (args?: unknown) => showModelsChart(this, args)),
      vscode.commands.registerCommand(Commands.lookUpOnHub, (args?: unknown) => lookUpOnHub(this, extension.secrets, args)),
      vscode.commands.registerCommand(ClientCommands.setHubToken, () => setHubToken(extension.secrets)),
      vscode.workspace.onDidChangeConfiguration((event) => this.offerRestart(event)),
    );
  }

  get client(): LanguageClient {
    return this._client;
  }

  get status(): vscode.LanguageStatusItem {
    return this.statusItem.item;
  }

  /** The server's health as the status item shows it. */
  get health(): ServerHealth {
    return this.currentHealth();
  }

  /** Starts the server. A failure shows in the status item and the log; it never rejects. */
  start(): Promise<void> {
    return this.serialize(() => this.startClient());
  }

  /**
   * Stops the server, whatever its state (running, starting, crashed, failed), and starts a new
   * one with a new language client, so a crash count or a failed start is not carried over.
   * Resolves once the new server runs or has failed.
   */
  restart(): Promise<void> {
    return this.serialize(async () => {
      const old = this._client;
      this.dropClient();
      this.statusItem.show({ kind: 'starting' });
      this.outputChannel.info('Restarting the Research Notes server');
      if (old.state === State.Starting) await old.start().catch(() => undefined);
      // `dispose` throws for a client that is not running (stopped, crashed, failed); it still ends its process.
      await old.dispose().catch((e: unknown) => this.outputChannel.debug(`Disposing the previous client: ${String(e)}`));
      this._client = this.createClient();
      await this.startClient();
    });
  }

  async dispose(): Promise<void> {
    const client = this._client;
    this.dropClient();
    if (client.needsStop()) await client.dispose().catch(() => undefined);
  }

  private serialize(task: () => Promise<void>): Promise<void> {
    this.lifecycle = this.lifecycle.then(task, task);
    return this.lifecycle;
  }

  private async startClient(): Promise<void> {
    try {
      await this._client.start();
      this.outputChannel.info(`Research Notes client started (server ${this.host.serverLabel})`);
    } catch (e) {
      this.outputChannel.error(`The Research Notes server did not start: ${e instanceof Error ? e.message : String(e)}`);
    }
    this.updateStatus();
  }

  private createClient(): LanguageClient {
    // The language client's own handler decides (restart a crashed server up to four times in
    // three minutes); this one remembers the decision for the status item.
    let decide: ErrorHandler | undefined;
    const errorHandler: ErrorHandler = {
      error: async (error, message, count) => {
        const result = await decide!.error(error, message, count);
        if (result.action === ErrorAction.Shutdown) this.exit = 'gave-up';
        return result;
      },
      closed: async () => {
        const result = await decide!.closed();
        this.exit = result.action === CloseAction.Restart ? 'restart' : 'gave-up';
        return result;
      },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: this.host.documentSelector,
      outputChannel: this.outputChannel,
      initializationOptions: { settings: readSettings(), hubLookup: true, bundledDataUri: this.host.bundledDataUri, chartScriptUri: this.host.chartScriptUri } satisfies InitializationOptions,
      synchronize: { configurationSection: CONFIG_SECTION },
      markdown: { isTrusted: false, supportHtml: false },
      errorHandler,
    };
    const client = this.host.createClient('researchNotes', OUTPUT_CHANNEL_NAME, clientOptions);
    decide = client.createDefaultErrorHandler();
    client.registerFeature(new ClientOwnedCommands([Commands.insertComparisonTable, Commands.insertComparisonChart]));
    this.exit = undefined;
    this.serverStatus = undefined;
    this.clientSubscriptions = [
      ...(this.host.serve?.(client) ?? []),
      client.onDidChangeState(({ newState }) => {
        if (newState === State.Starting) {
          this.exit = undefined;
          this.serverStatus = undefined;
        }
        this.updateStatus();
      }),
      client.onNotification(StatusNotification, (p: StatusParams) => {
        this.serverStatus = p;
        this.updateStatus();
      }),
    ];
    return client;
  }

  private dropClient(): void {
    for (const d of this.clientSubscriptions) d.dispose();
    this.clientSubscriptions = [];
  }

  private currentHealth(): ServerHealth {
    switch (this._client.state) {
      case State.Starting:
        return { kind: 'starting' };
      case State.Running:
        return { kind: 'running', status: this.serverStatus };
      case State.StartFailed:
        return { kind: 'failed' };
      case State.Stopped:
        return this.exit === 'restart' ? { kind: 'starting' } : this.exit === 'gave-up' ? { kind: 'crashed' } : { kind: 'stopped' };
    }
  }

  private updateStatus(): void {
    const health = this.currentHealth();
    this.statusItem.show(health);
    this.healthChanged.fire(health);
  }

  /** The server's health once a start or restart in progress has ended (or {@link START_WAIT_MS} passed). */
  private async settledHealth(): Promise<ServerHealth> {
    await this.lifecycle;
    const health = this.currentHealth();
    if (health.kind !== 'starting') return health;
    return new Promise<ServerHealth>((resolve) => {
      const done = (h: ServerHealth) => {
        clearTimeout(timer);
        listener.dispose();
        resolve(h);
      };
      const timer = setTimeout(() => done(this.currentHealth()), START_WAIT_MS);
      const listener = this.healthChanged.event((h) => h.kind !== 'starting' && done(h));
    });
  }

  /** Runs a command the server implements, or tells the user why no server can. */
  private runOnServer(command: string, args: unknown[]): Promise<ServerAnswer> {
    return this.request(ExecuteCommandRequest.method, { command, arguments: args });
  }

  /** Sends a request to the server once it runs, or tells the user why no server can answer. */
  async request(method: string, params: unknown): Promise<ServerAnswer> {
    if ((await this.settledHealth()).kind !== 'running') return this.notRunning();
    const client = this._client;
    try {
      return { ok: true, result: await client.sendRequest(method, params) };
    } catch (e) {
      if (!client.isRunning()) return this.notRunning();
      const message = e instanceof Error ? e.message : String(e);
      this.outputChannel.error(`${method} failed: ${message}`);
      void vscode.window.showErrorMessage(message);
      return { ok: false, message };
    }
  }

  /** An LSP workspace edit in VS Code's types. */
  asWorkspaceEdit(edit: unknown): Promise<vscode.WorkspaceEdit | undefined> {
    return this._client.protocol2CodeConverter.asWorkspaceEdit(edit as Parameters<LanguageClient['protocol2CodeConverter']['asWorkspaceEdit']>[0]);
  }

  private notRunning(): ServerAnswer {
    const message = vscode.l10n.t('The Research Notes server is not running.');
    const restart = vscode.l10n.t('Restart Server');
    const showLog = vscode.l10n.t('Show log');
    // Not awaited: the command answers at once, the buttons work whenever the user picks one.
    void vscode.window.showWarningMessage(message, restart, showLog).then((choice) => {
      if (choice === restart) void this.restart();
      else if (choice === showLog) this.outputChannel.show(true);
    });
    return { ok: false, message };
  }

  /**
   * The server implements the command (so any LSP client can run it); from the palette or the
   * context menu it arrives without arguments, so the editor's state is added here.
   */
  private async insertComparisonTable(args: unknown[]): Promise<InsertComparisonTableResult | undefined> {
    if (args.length === 0) {
      const editorArgs = insertTableArgs(vscode.window.activeTextEditor);
      if (!editorArgs) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown note to insert a comparison table.'));
        return undefined;
      }
      args = [editorArgs];
    }
    const answer = await this.runOnServer(Commands.insertComparisonTable, args);
    return answer.ok ? (answer.result as InsertComparisonTableResult) : { applied: false, message: answer.message };
  }

  private async offerRestart(event: vscode.ConfigurationChangeEvent): Promise<void> {
    const setting = restartSettingChanged(event);
    if (!setting) return;
    const restart = vscode.l10n.t('Restart');
    const message = vscode.l10n.t('Changing {0} takes full effect after the Research Notes server restarts.', setting);
    if ((await vscode.window.showInformationMessage(message, restart)) === restart) await this.restart();
  }
}
