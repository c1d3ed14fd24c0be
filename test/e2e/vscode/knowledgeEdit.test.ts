// A knowledge file written through a workspace edit and saved (what Look Up on Hugging Face
// does once the user accepts): the server reloads it and the note's hover shows the new entry.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually, hovers, openNote, positionOf } from './support';

describe('a knowledge file written by a workspace edit', () => {
  it('is reloaded once saved: a hover shows the new model', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const note = vscode.Uri.joinPath(folder, 'kedit.md');
    await vscode.workspace.fs.writeFile(note, Buffer.from('# New\n\nZeta-Fixture-9B came out.\n'));
    const doc = await openNote('kedit.md');
    const file = vscode.Uri.joinPath(folder, '.research-notes', 'kedit.yaml');
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(file, { ignoreIfExists: true });
    edit.insert(file, new vscode.Position(0, 0), 'models:\n  - id: zeta-fixture-9b\n    name: Zeta-Fixture-9B\n    parameters:\n      total: 9000000000\n    sources: []\n');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    await (await vscode.workspace.openTextDocument(file)).save();
    try {
      const parts = await eventually('a hover on Zeta-Fixture-9B', () => hovers(doc.uri, positionOf(doc, 'Zeta-Fixture-9B')), (p) => p.some((h) => h.includes('Zeta-Fixture-9B')));
      assert.ok(parts.some((h) => h.includes('9B')), parts.join('\n---\n'));
    } finally {
      // Later suites expect bundled knowledge only: wait until the server has dropped the file.
      await vscode.workspace.fs.delete(file);
      await eventually('the hover without Zeta-Fixture-9B', () => hovers(doc.uri, positionOf(doc, 'Zeta-Fixture-9B')), (p) => !p.some((h) => h.includes('Zeta-Fixture-9B')));
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(note);
    }
  });
});
