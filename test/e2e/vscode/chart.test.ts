import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { ModelsChartView } from '../../../client/src/commands/showModelsChart';
import { extension, noteUri, openAtEnd } from './support';

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

  it('Show Models Chart: a note’s models in a webview, one point per model, a hover with its facts and notes, a click opening the note', async () => {
    const note = noteUri('table.md');
    const view = await vscode.commands.executeCommand<ModelsChartView | undefined>('researchNotes.showModelsChart', { uri: note.toString() });
    assert.ok(view, 'no chart view');
    try {
      assert.equal(view.panel.title, 'Models Chart: table.md');
      assert.deepEqual(view.points.map((p) => p.name), ['Llama 3.1 405B', 'DeepSeek-V3.1']);
      // Inside the page: its script bound two points' marks (DeepSeek-V3.1's active count is a second one).
      assert.deepEqual(await view.ready, { marks: 3, points: 2 });
      const html = view.panel.webview.html;
      assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-([0-9a-f]{32})'; script-src 'nonce-\1';">/);
      assert.doesNotMatch(html, /\ssrc=|\shref=|https?:\/\/(?!www\.w3\.org\/)|\sstyle="/);

      const lines = await view.hover(1);
      const facts = ['Organization: DeepSeek', 'Parameters: 671B · 37B active', 'Release: 2025-08-21', 'Open weights: yes', 'Architecture: MoE', 'Context: 128K', 'License: MIT'];
      assert.deepEqual(lines.slice(0, 9), ['DeepSeek-V3.1', ...facts, 'Mentioned in']);
      const notes = view.points[1].notes.map((n) => `${vscode.workspace.asRelativePath(vscode.Uri.parse(n.uri))} (${n.mentions === 1 ? '1 mention' : `${n.mentions} mentions`})`);
      assert.ok(notes.includes('table.md (1 mention)'), notes.join(', '));
      assert.deepEqual(lines.slice(9), [...notes, `Click to open ${vscode.workspace.asRelativePath(vscode.Uri.parse(view.points[1].notes[0].uri))}`]);

      // Another note in the first column; the chart stays visible beside it.
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(noteUri('entities.md')), vscode.ViewColumn.One);
      assert.equal(view.points[0].notes[0].uri, note.toString());
      await view.click(0);
      const editor = vscode.window.activeTextEditor;
      assert.equal(editor?.document.uri.toString(), view.points[0].notes[0].uri);
      assert.deepEqual(editor.selection.active, new vscode.Position(view.points[0].notes[0].line, view.points[0].notes[0].character));
    } finally {
      view.panel.dispose();
    }
  });

  it('Show Models Chart is in the palette and the Entities view’s title', () => {
    const { commands, menus } = extension().packageJSON.contributes as {
      commands: { command: string; title: string; category: string; icon?: string }[];
      menus: Record<string, { command: string; when?: string; group?: string }[]>;
    };
    const command = 'researchNotes.showModelsChart';
    assert.deepEqual(commands.find((c) => c.command === command), { command, title: 'Show Models Chart', category: 'Research Notes', icon: '$(graph-scatter)' });
    assert.deepEqual(menus.commandPalette.filter((m) => m.command === command), [{ command, when: 'workspaceFolderCount > 0 || editorLangId == markdown' }]);
    assert.deepEqual(menus['view/title'].filter((m) => m.command === command), [{ command, when: 'view == researchNotes.entities', group: 'navigation@3' }]);
  });
});
