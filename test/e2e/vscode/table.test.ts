import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { TABLE_END, TABLE_MD_TABLE_HEAD } from '../lib/expected';
import { extension, openAtEnd } from './support';

describe('Insert Comparison Table', () => {
  it("inserts the table of the note's models at the cursor, and one undo restores the note", async () => {
    const { doc, original } = await openAtEnd('table.md');

    // From the palette: no arguments, the client adds the editor's note, version and cursor.
    assert.deepEqual(await vscode.commands.executeCommand('researchNotes.insertComparisonTable'), { applied: true });

    assert.ok(doc.getText().startsWith(original), `the note before the cursor changed:\n${doc.getText()}`);
    const inserted = doc.getText().slice(original.length);
    assert.ok(inserted.startsWith(TABLE_MD_TABLE_HEAD), `unexpected table at the cursor:\n${inserted}`);
    assert.ok(inserted.endsWith(TABLE_END), `unexpected end of the table:\n${inserted}`);
    // The footnotes list every source as of the knowledge base's date: the packaged
    // CLI must print exactly what the editor command inserted.
    const cli = path.join(extension().extensionPath, 'dist', 'cli.js');
    assert.equal(inserted, execFileSync(process.execPath, [cli, 'table', doc.uri.fsPath], { encoding: 'utf8' }));

    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), original, 'one undo did not restore the note');
    assert.equal(doc.isDirty, false);
  });
});
