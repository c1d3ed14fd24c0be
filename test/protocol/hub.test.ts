import * as assert from 'node:assert/strict';
import type { CodeAction, ClientCapabilities, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import type { HubEntryResult } from '../../server/src/protocol';
import { ownServers } from '../support/lspClient';
import { TempWorkspace } from '../support/tempWorkspace';
import { fableFacts } from '../support/hubFacts';

const editCapabilities: ClientCapabilities = { workspace: { applyEdit: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } } };

const facts = fableFacts;

describe('protocol: looking a model up on the Hugging Face Hub (#15)', function () {
  const start = ownServers();
  let ws: TempWorkspace | undefined;
  afterEach(() => {
    ws?.dispose();
    ws = undefined;
  });

  it('answers researchNotes/hubEntry with the entry and one edit into the workspace knowledge file, writing nothing itself', async () => {
    ws = new TempWorkspace();
    const client = await start({ rootUri: ws.uri, capabilities: editCapabilities, locale: 'en' });
    const note = ws.write('note.md', 'Fable-7B-Instruct is new.\n');
    const answer = await client.request<HubEntryResult>('researchNotes/hubEntry', { uri: note, facts });
    assert.ok(answer.ok, JSON.stringify(answer));
    assert.deepEqual([answer.id, answer.name, answer.file], ['fable-7b-instruct', 'Fable-7B-Instruct', ws.fileUri('.research-notes/entities.yaml')]);
    assert.match(answer.preview, /- id: fable-7b-instruct\n {4}name: Fable-7B-Instruct\n/);
    assert.equal((answer.edit.documentChanges!.at(-1) as TextDocumentEdit).textDocument.uri, answer.file);
    assert.equal(client.appliedEdits.length, 0, 'the server applies nothing: the client does, after the preview');
    const bad = await client.request<HubEntryResult>('researchNotes/hubEntry', { uri: note, facts: { ...facts, repoId: '../../x' } });
    assert.deepEqual(bad, { ok: false, message: 'The lookup sent facts the server cannot read; nothing was added.' });
  });

  it('the entry, once the client has written it, is loaded: the note\'s hover shows the Hub facts and the unknown-name hint goes', async () => {
    ws = new TempWorkspace();
    const client = await start({ rootUri: ws.uri, capabilities: editCapabilities, locale: 'en' });
    const note = ws.fileUri('note.md');
    await client.open(note, 'Fable-7B-Instruct is new.\n');
    const before = await client.waitForDiagnostics(note, (p) => p.diagnostics.length > 0);
    assert.deepEqual(before.diagnostics.map((d) => d.message), ["Unknown model 'Fable-7B-Instruct': not in the knowledge base."]);
    const answer = await client.request<HubEntryResult>('researchNotes/hubEntry', { uri: note, facts });
    assert.ok(answer.ok, JSON.stringify(answer));
    // What the client does after the preview: apply the edit (here: the file it creates) and save.
    const inserted = (answer.edit.documentChanges!.at(-1) as TextDocumentEdit).edits.map((e) => (e as TextEdit).newText).join('');
    const file = ws.write('.research-notes/entities.yaml', inserted);
    const cleared = client.waitForDiagnostics(note, (p) => p.diagnostics.length === 0);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: file, type: 1 }] });
    await cleared;
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: note }, position: { line: 0, character: 2 } });
    assert.match(hover.contents.value, /^\*\*Fable-7B-Instruct\*\* · model · fable-lab\n/);
    assert.match(hover.contents.value, /- Parameters: 7\.242B \(72\.42억\) total\n/);
    assert.match(hover.contents.value, /huggingface\.co\/fable-lab\/Fable-7B-Instruct/);
  });

  it('offers the lookup as a quick fix only to a client that says it has the command', async () => {
    ws = new TempWorkspace();
    const text = 'We tried Foo-70B yesterday.\n';
    for (const hubLookup of [true, false]) {
      const client = await start({ rootUri: ws.uri, capabilities: editCapabilities, locale: 'en', initializationOptions: { hubLookup } });
      const uri = ws.fileUri(`note-${hubLookup}.md`);
      await client.open(uri, text);
      const { diagnostics } = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } });
      const lookups = actions.filter((a) => a.command?.command === 'researchNotes.lookUpOnHub').map((a) => [a.title, a.command?.arguments]);
      assert.deepEqual(lookups, hubLookup ? [['Look up Foo-70B on Hugging Face…', [{ query: 'Foo-70B', uri }]]] : []);
    }
  });
});
