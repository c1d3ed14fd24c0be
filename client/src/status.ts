import * as vscode from 'vscode';
import { Commands, type StatusParams } from '../../server/src/protocol';
import { ClientCommands } from './commands/ids';

/**
 * What the user should know about the server. `crashed`: it died and the language client gave up
 * restarting it; `failed`: it never got through `initialize`. `running` carries the last
 * `researchNotes/status` of this server process, once it has sent one.
 */
export type ServerHealth =
  | { readonly kind: 'starting' }
  | { readonly kind: 'running'; readonly status?: StatusParams }
  | { readonly kind: 'stopped' }
  | { readonly kind: 'crashed' }
  | { readonly kind: 'failed' };

/** The Markdown language status item, following the server's health. */
export class ServerStatusItem implements vscode.Disposable {
  readonly item: vscode.LanguageStatusItem;

  constructor(name: string) {
    this.item = vscode.languages.createLanguageStatusItem('researchNotes.status', { language: 'markdown' });
    this.item.name = name;
    this.show({ kind: 'starting' });
  }

  show(health: ServerHealth): void {
    const item = this.item;
    const showLog = { title: vscode.l10n.t('Show log'), command: Commands.showLog };
    const restart = { title: vscode.l10n.t('Restart Server'), command: ClientCommands.restartServer };
    item.busy = health.kind === 'starting';
    item.severity = vscode.LanguageStatusSeverity.Information;
    item.detail = undefined;
    item.command = showLog;
    switch (health.kind) {
      case 'starting':
        item.text = vscode.l10n.t('Research Notes: starting');
        break;
      case 'running': {
        const p = health.status;
        if (!p) {
          item.text = vscode.l10n.t('Research Notes: running');
          break;
        }
        item.text = vscode.l10n.t('Research Notes: {0} entities', p.entities);
        item.detail = p.knowledgeFiles === 0 ? vscode.l10n.t('bundled knowledge only') : vscode.l10n.t('{0} knowledge files', p.knowledgeFiles);
        if (p.problems > 0) {
          item.severity = vscode.LanguageStatusSeverity.Warning;
          item.detail += ` · ${vscode.l10n.t('{0} problems in knowledge files', p.problems)}`;
        }
        break;
      }
      case 'stopped':
        item.text = vscode.l10n.t('Research Notes: stopped');
        item.detail = vscode.l10n.t('The server is not running.');
        item.severity = vscode.LanguageStatusSeverity.Warning;
        item.command = restart;
        break;
      case 'crashed':
        item.text = vscode.l10n.t('Research Notes: server crashed');
        item.detail = vscode.l10n.t('The server stopped unexpectedly and was not restarted.');
        item.severity = vscode.LanguageStatusSeverity.Error;
        break;
      case 'failed':
        item.text = vscode.l10n.t('Research Notes: server failed to start');
        item.detail = vscode.l10n.t('The server could not start.');
        item.severity = vscode.LanguageStatusSeverity.Error;
        break;
    }
  }

  dispose(): void {
    this.item.dispose();
  }
}
