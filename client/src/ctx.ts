import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { insertTableArgs } from './commands/insertComparisonTable';
import {
  Commands,
  CONFIG_SECTION,
  type InitializationOptions,
  type Settings,
  StatusNotification,
  type StatusParams,
} from '../../server/src/protocol';

export const OUTPUT_CHANNEL_NAME = 'Research Notes';

/** What `activate()` returns: lets tests and other extensions see the running client. */
export interface ResearchNotesApi {
  readonly outputChannel: vscode.LogOutputChannel;
  readonly client: LanguageClient;
}

/**
 * Owns everything the extension creates: the language client, its output channel and the
 * commands. `extension.ts` only creates and disposes it.
 */
export class Ctx implements ResearchNotesApi {
  readonly outputChannel: vscode.LogOutputChannel;
  readonly client: LanguageClient;

  constructor(private readonly extension: vscode.ExtensionContext) {
    this.outputChannel = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME, { log: true });
    extension.subscriptions.push(this.outputChannel);

    const module = extension.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { language: 'markdown', scheme: 'file' },
        { language: 'markdown', scheme: 'untitled' },
      ],
      outputChannel: this.outputChannel,
      initializationOptions: { settings: this.settings() } satisfies InitializationOptions,
      synchronize: { configurationSection: CONFIG_SECTION },
      markdown: { isTrusted: false, supportHtml: false },
      middleware: {
        // The server implements the command (so any LSP client can run it); from the palette or
        // the context menu it arrives without arguments, so the editor's state is added here.
        executeCommand: async (command, args, next) => {
          if (command === Commands.insertComparisonTable && args.length === 0) {
            const editorArgs = insertTableArgs(vscode.window.activeTextEditor);
            if (!editorArgs) {
              void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown note to insert a comparison table.'));
              return undefined;
            }
            args = [editorArgs];
          }
          return next(command, args);
        },
      },
    };
    this.client = new LanguageClient('researchNotes', OUTPUT_CHANNEL_NAME, serverOptions, clientOptions);
  }

  private settings(): Settings {
    const config = vscode.workspace.getConfiguration(CONFIG_SECTION);
    return { numberFormat: config.get<Settings['numberFormat']>('numberFormat'), table: config.get<Settings['table']>('table') };
  }

  async start(): Promise<void> {
    const status = vscode.languages.createLanguageStatusItem('researchNotes.status', { language: 'markdown' });
    status.name = OUTPUT_CHANNEL_NAME;
    status.text = vscode.l10n.t('Research Notes: starting');
    status.command = { title: vscode.l10n.t('Show log'), command: Commands.showLog };
    this.extension.subscriptions.push(
      status,
      vscode.commands.registerCommand(Commands.showLog, () => this.outputChannel.show(true)),
    );
    this.client.onNotification(StatusNotification, (p: StatusParams) => {
      status.text = vscode.l10n.t('Research Notes: {0} entities', p.entities);
      status.detail =
        p.knowledgeFiles === 0 ? vscode.l10n.t('bundled knowledge only') : vscode.l10n.t('{0} knowledge files', p.knowledgeFiles);
      status.severity = p.problems > 0 ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
      if (p.problems > 0) status.detail += ` · ${vscode.l10n.t('{0} problems in knowledge files', p.problems)}`;
    });
    await this.client.start();
    this.outputChannel.info(`Research Notes client started (server ${this.extension.asAbsolutePath('dist/server.js')})`);
  }

  async dispose(): Promise<void> {
    await this.client.stop();
  }
}
