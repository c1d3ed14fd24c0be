import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ClientCapabilities, CodeAction, CompletionItem, CreateFile, Location, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { fileUri, repoRoot, ownServers, sharedServer, type StartedClient } from '../support/lspClient';
import { positionOf } from '../support/text';
import { TempWorkspace } from '../support/tempWorkspace';

const editCapabilities: ClientCapabilities = { workspace: { applyEdit: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } } };

describe('protocol: definition, completion and unknown names', function () {
  let ws: TempWorkspace | undefined;
  // Tests that change no settings share one server, each on its own note; the others start their own.
  const en = sharedServer({ locale: 'en' });
  const start = ownServers();
  let client: StartedClient;
  afterEach(async () => {
    ws?.dispose();
    ws = undefined;
  });

  it('goes from a mention to its entry in the bundled data file', async () => {
    client = en();
    const text = '딥시크(DeepSeek) V3.1의 6850억\n';
    await client.open('untitled:d.md', text);
    const loc = await client.request<Location>('textDocument/definition', { textDocument: { uri: 'untitled:d.md' }, position: { line: 0, character: 2 } });
    const data = path.join(repoRoot, 'server', 'data', 'deepseek.yaml');
    const yaml = readFileSync(data, 'utf8');
    const at = positionOf(yaml, 'id: deepseek-v3.1');
    assert.deepEqual(loc, { uri: fileUri(data), range: { start: at, end: { line: at.line, character: at.character + 2 } } });
  });

  it('goes to the user file that overrides a bundled entity', async () => {
    ws = new TempWorkspace();
    const yaml = ['models:', '  - id: deepseek-v3.1', '    release: 2025-08-21', ''].join('\n');
    const file = ws.write('.research-notes/mine.yaml', yaml);
    client = await start({ rootUri: ws.uri });
    await client.waitForDiagnostics(file);
    await client.open('untitled:d.md', 'DeepSeek-V3.1\n');
    const loc = await client.request<Location>('textDocument/definition', { textDocument: { uri: 'untitled:d.md' }, position: { line: 0, character: 3 } });
    assert.deepEqual(loc, { uri: file, range: { start: { line: 1, character: 4 }, end: { line: 1, character: 6 } } });
  });

  it('completes entity names in prose, inserting the alias in the script being typed', async () => {
    client = en();
    const text = '오늘은 딥시\n\n`딥시` 끝\n';
    await client.open('untitled:c.md', text);
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: 'untitled:c.md' }, position: { line: 0, character: 6 } });
    const deepseek = items.find((i) => i.label === 'DeepSeek-V3.1')!;
    assert.ok(deepseek, JSON.stringify(items.map((i) => i.label)));
    assert.deepEqual(deepseek.textEdit, { range: { start: { line: 0, character: 4 }, end: { line: 0, character: 6 } }, newText: '딥시크 V3.1' });
    assert.equal(deepseek.detail, 'DeepSeek · 671B (6710억) total · 37B (370억) active');
    const inCode = await client.request<CompletionItem[] | null>('textDocument/completion', { textDocument: { uri: 'untitled:c.md' }, position: { line: 2, character: 3 } });
    assert.deepEqual(inCode ?? [], [], 'nothing inside inline code');
  });

  it('hints an unknown model name and offers to add it to the knowledge file as one edit', async () => {
    ws = new TempWorkspace();
    client = await start({ rootUri: ws.uri, capabilities: editCapabilities });
    const noteUri = ws.fileUri('note.md');
    const text = 'We tried Foo-70B yesterday.\n';
    await client.open(noteUri, text);
    const { diagnostics } = await client.waitForDiagnostics(noteUri, (p) => p.diagnostics.length > 0);
    assert.deepEqual(
      diagnostics.map((d) => [d.range, d.severity, d.code, d.message]),
      [[{ start: positionOf(text, 'Foo-70B'), end: positionOf(text, 'Foo-70B', { delta: 7 }) }, 4, 'entity.unknown', "Unknown model 'Foo-70B': not in the knowledge base."]],
    );
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: noteUri }, range: diagnostics[0].range, context: { diagnostics } });
    assert.deepEqual(actions.map((a) => a.title), ["Add 'Foo-70B' to the knowledge file", "Ignore 'Foo-70B' in this workspace"]);
    const [create, insert] = actions[0].edit!.documentChanges! as [CreateFile, TextDocumentEdit];
    assert.deepEqual(create, { kind: 'create', uri: ws.fileUri('.research-notes/entities.yaml'), options: { ignoreIfExists: true } });
    assert.equal(insert.textDocument.uri, ws.fileUri('.research-notes/entities.yaml'));
    assert.equal(
      (insert.edits[0] as { newText: string }).newText,
      [
        '# Research Notes knowledge file: models, organizations and ignored names of this workspace.',
        'models:',
        '  - id: foo-70b',
        '    name: Foo-70B',
        '    aliases: []',
        '    parameters: { total: 70000000000 }',
        '    sources: []  # TODO: add a source URL',
        '',
      ].join('\n'),
    );
  });
});
