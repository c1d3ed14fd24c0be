import type { ServerCapabilities, StaticFeature } from 'vscode-languageclient';

/**
 * Keeps the language client from registering the server's commands that this extension registers
 * itself. The client registers a server's `executeCommandProvider.commands` only while the server
 * runs, so the palette and context menu would fail with "command not found" while it is stopped,
 * starting or crashed; registered by the extension, they stay and say what is wrong instead.
 */
export class ClientOwnedCommands implements StaticFeature {
  private readonly owned: ReadonlySet<string>;

  constructor(owned: Iterable<string>) {
    this.owned = new Set(owned);
  }

  fillClientCapabilities(): void {}

  /** Runs before every feature's `initialize`, so the built-in command feature never sees these. */
  preInitialize(capabilities: ServerCapabilities): void {
    const provider = capabilities.executeCommandProvider;
    if (!provider) return;
    // A copy: the language client's capabilities are its own copy, the initialize result stays as sent.
    capabilities.executeCommandProvider = { ...provider, commands: provider.commands.filter((c) => !this.owned.has(c)) };
  }

  initialize(): void {}

  getState(): { kind: 'static' } {
    return { kind: 'static' };
  }

  clear(): void {}
}
