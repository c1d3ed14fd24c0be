import * as vscode from 'vscode';
import { CONFIG_SECTION, type Settings } from '../../server/src/protocol';

/**
 * Settings the running server cannot fully take in, so a change offers a restart. Every other
 * `researchNotes.*` setting reaches the server through `workspace/didChangeConfiguration` and
 * applies at once (`trace.server` is read by the language client itself).
 *
 * `knowledgeFiles`: the server reloads the knowledge files at once, but it registers the file
 * watchers for these globs only when it starts, so a file newly matched is not re-read when it
 * changes on disk until the server restarts.
 */
export const RESTART_SETTINGS: readonly string[] = ['knowledgeFiles'].map((key) => `${CONFIG_SECTION}.${key}`);

/** The settings the server reads, as sent in `initializationOptions`. */
export function readSettings(): Settings {
  const config = vscode.workspace.getConfiguration(CONFIG_SECTION);
  return {
    numberFormat: config.get<Settings['numberFormat']>('numberFormat'),
    table: config.get<Settings['table']>('table'),
  };
}

/** The first setting in {@link RESTART_SETTINGS} that `event` touches, if any. */
export function restartSettingChanged(event: vscode.ConfigurationChangeEvent): string | undefined {
  return RESTART_SETTINGS.find((setting) => event.affectsConfiguration(setting));
}
