// The edit Look Up on Hugging Face applies once the user accepts the preview: the server's own
// answer to researchNotes/hubEntry (facts as the client reads them from the Hub), applied as one
// workspace edit and saved. The server reloads the knowledge file, the note's hover shows the new
// model, and one undo in the knowledge file takes the whole entry out again.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HubEntryResult } from '../../../server/src/protocol';
import { fableFacts } from '../../support/hubFacts';
import { eventually, extension, hovers, openNote, positionOf } from './support';

const KNOWLEDGE = '# my models\nmodels: []\n';

describe('a knowledge entry from the Hugging Face lookup', () => {
  it('is one undoable workspace edit into the knowledge file; the hover shows it once saved', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const note = vscode.Uri.joinPath(folder, 'kedit.md');
    const file = vscode.Uri.joinPath(folder, '.research-notes', 'entities.yaml');
    await vscode.workspace.fs.writeFile(note, Buffer.from('# New\n\nFable-7B-Instruct came out.\n'));
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder, '.research-notes'));
    await vscode.workspace.fs.writeFile(file, Buffer.from(KNOWLEDGE));
    const doc = await openNote('kedit.md');
    const at = positionOf(doc, 'Fable-7B-Instruct');
    const fable = (parts: string[]) => parts.some((h) => h.includes('**Fable-7B-Instruct** · model'));
    try {
      const { client } = extension().exports;
      const answer = await client.sendRequest<HubEntryResult>('researchNotes/hubEntry', { uri: doc.uri.toString(), facts: fableFacts });
      assert.ok(answer.ok, JSON.stringify(answer));
      assert.equal(answer.file, file.toString());
      const edit = await client.protocol2CodeConverter.asWorkspaceEdit(answer.edit);
      assert.deepEqual(edit.entries().map(([uri]) => uri.toString()), [file.toString()], 'the edit touches the knowledge file only');
      const yaml = await vscode.workspace.openTextDocument(file);
      await vscode.window.showTextDocument(yaml);
      assert.equal(await vscode.workspace.applyEdit(edit), true);
      assert.match(yaml.getText(), /\n {2}- id: fable-7b-instruct\n {4}name: Fable-7B-Instruct\n/);
      await yaml.save();
      const parts = await eventually('a hover on Fable-7B-Instruct', () => hovers(doc.uri, at), fable);
      assert.ok(parts.some((h) => h.includes('- Parameters: 7.242B (72.42억) total')), parts.join('\n---\n'));

      await vscode.commands.executeCommand('undo');
      assert.equal(yaml.getText(), KNOWLEDGE, 'one undo did not take the entry out');
      await yaml.save();
      await eventually('the hover without the entry', () => hovers(doc.uri, at), (p) => !fable(p));
    } finally {
      // Later suites expect bundled knowledge only: wait until the server has dropped the file.
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(file);
      const { status } = extension().exports;
      await eventually('the server back to bundled knowledge only', async () => status.detail, (d) => d === 'bundled knowledge only');
      await vscode.workspace.fs.delete(note);
    }
  });
});
