// Find All References and workspace symbols (#14) through VS Code's own commands:
// what the editor's reference and symbol pickers show, over the workspace that
// run.sh prepared (the example note and fixtures/).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually, openNote, positionOf } from './support';

/** `file.md:line:start-end` for each location, sorted: what the References view lists. */
const places = (locations: vscode.Location[]): string[] =>
  locations
    .map((l) => `${vscode.workspace.asRelativePath(l.uri)}:${l.range.start.line + 1}:${l.range.start.character}-${l.range.end.character}`)
    .sort();

describe('Find All References and workspace symbols', () => {
  it('lists every mention of DeepSeek-V3.1 in every note, and its knowledge entry when asked', async () => {
    const doc = await openNote('table.md');
    const at = positionOf(doc, 'DeepSeek-V3.1');
    const refs = await eventually(
      'references in three notes',
      async () => (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, at)) ?? [],
      (r) => new Set(r.map((l) => l.uri.toString())).size >= 3,
    );
    // The reference provider asks with includeDeclaration: the bundled entry (outside the workspace) comes too.
    const inNotes = refs.filter((l) => l.uri.path.endsWith('.md'));
    assert.deepEqual(places(inNotes), ['code.md:3:0-13', 'skt-500b-ko.md:13:105-123', 'table.md:3:0-13']);
    const entry = refs.filter((l) => !l.uri.path.endsWith('.md'));
    assert.deepEqual(entry.map((l) => l.uri.path.split('/').slice(-2).join('/')), ['data/deepseek.yaml']);
  });

  it('finds an entity by its Korean name in the symbol picker (Ctrl+T)', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', '딥시크');
    const deepseek = symbols.find((s) => s.name === 'DeepSeek-V3.1');
    assert.ok(deepseek, `no DeepSeek-V3.1 among ${JSON.stringify(symbols.map((s) => s.name))}`);
    assert.equal(deepseek.kind, vscode.SymbolKind.Class);
    assert.equal(deepseek.containerName, '3 notes');
  });
});
