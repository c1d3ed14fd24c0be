import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { CONFIG_SECTION, type InitializationOptions, type Settings } from '../../server/src/protocol';

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
    };
    this.client = new LanguageClient('researchNotes', OUTPUT_CHANNEL_NAME, serverOptions, clientOptions);
  }

  private settings(): Settings {
    const config = vscode.workspace.getConfiguration(CONFIG_SECTION);
    return { numberFormat: config.get<Settings['numberFormat']>('numberFormat') };
  }

  async start(): Promise<void> {
    await this.client.start();
    this.outputChannel.info(`Research Notes client started (server ${this.extension.asAbsolutePath('dist/server.js')})`);
  }

  async dispose(): Promise<void> {
    await this.client.stop();
  }
}
