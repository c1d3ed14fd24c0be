import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { extension, openAtEnd } from './support';

describe('Insert Comparison Chart', () => {
  it('writes figures/<note>.models.svg, links it at the cursor, and one undo removes the link and the file', async () => {
    const { doc, original } = await openAtEnd('table.md');
    const svgUri = vscode.Uri.joinPath(doc.uri, '..', 'figures', 'table.models.svg');

    // From the palette: no arguments, the client adds the editor's note, version and cursor.
    const result = await vscode.commands.executeCommand('researchNotes.insertComparisonChart');
    assert.deepEqual(result, { applied: true, file: svgUri.toString() });

    const link = '![Parameters against release date: Llama 3.1 405B, DeepSeek-V3.1](figures/table.models.svg)';
    assert.equal(doc.getText(), original + link);
    // On disk, not only in an unsaved editor model: the note's link shows it at once.
    const svg = fs.readFileSync(svgUri.fsPath, 'utf8');
    assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*><title>Parameters against release date: Llama 3\.1 405B, DeepSeek-V3\.1<\/title>/);
    for (const label of ['Llama 3.1 405B', 'DeepSeek-V3.1', 'Release date']) assert.ok(svg.includes(`>${label}</text>`), label);
    assert.doesNotMatch(svg, /<script|href=/);

    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), original, 'one undo did not remove the link');
    assert.equal(fs.existsSync(svgUri.fsPath), false, 'the same undo did not remove the file');
  });

  it('is in the command palette and the editor context menu beside the table, only for Markdown', async () => {
    const { commands, menus } = extension().packageJSON.contributes as {
      commands: { command: string; title: string; category: string; enablement?: string }[];
      menus: Record<string, { command: string; when?: string; group?: string }[]>;
    };
    const command = 'researchNotes.insertComparisonChart';
    assert.deepEqual(commands.find((c) => c.command === command), { command, title: 'Insert Comparison Chart', category: 'Research Notes', enablement: 'editorLangId == markdown' });
    assert.deepEqual(menus.commandPalette.filter((m) => m.command === command), [{ command, when: 'editorLangId == markdown' }]);
    assert.deepEqual(menus['editor/context'].filter((m) => m.command === command), [{ command, when: 'editorLangId == markdown', group: '1_modification@91' }]);
    assert.ok((await vscode.commands.getCommands(true)).includes(command), `${command} is not a registered command`);
  });
});
