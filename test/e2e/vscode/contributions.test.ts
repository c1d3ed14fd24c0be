import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extension } from './support';

interface MenuItem { command: string; when?: string; group?: string }

describe('contributions', () => {
  const command = 'researchNotes.insertComparisonTable';
  const onlyInMarkdown = 'editorLangId == markdown';
  const contributes = () => extension().packageJSON.contributes as {
    commands: { command: string; title: string; category: string; enablement?: string }[];
    menus: Record<string, MenuItem[]>;
  };
  const entriesIn = (menu: string) =>
    (contributes().menus[menu] ?? []).filter((item) => item.command === command).map(({ command, when }) => ({ command, when }));

  it('declares "Research Notes: Insert Comparison Table", enabled only in Markdown', () => {
    assert.deepEqual(contributes().commands.find((c) => c.command === command), {
      command,
      title: 'Insert Comparison Table',
      category: 'Research Notes',
      enablement: onlyInMarkdown,
    });
  });

  it('shows it in the command palette and the editor context menu only for Markdown', () => {
    assert.deepEqual(entriesIn('commandPalette'), [{ command, when: onlyInMarkdown }]);
    assert.deepEqual(entriesIn('editor/context'), [{ command, when: onlyInMarkdown }]);
  });

  it('registers it once the extension is active', async () => {
    assert.equal(extension().isActive, true);
    assert.ok((await vscode.commands.getCommands(true)).includes(command), `${command} is not a registered command`);
  });
});
