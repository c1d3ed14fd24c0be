import * as path from 'node:path';
import * as assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-protocol';
import { TestClient } from '../support/lspClient';
import { bundledKnowledge } from '../support/knowledge';
import { TempWorkspace } from '../support/tempWorkspace';

const zeta = [
  'models:',
  '  - id: acme-zeta-13b',
  '    name: Zeta-13B',
  '    aliases: ["Zeta 13B", "제타 13B"]',
  '    organization: acme',
  '    parameters: { total: 13000000000, active: 13000000000 }',
  '    release: 2026-05',
  '    sources: ["https://example.org/zeta"]',
  'organizations:',
  '  - id: acme',
  '    name: Acme Research',
  '    aliases: ["Acme", "애크미"]',
  '',
].join('\n');

const note = 'Zeta 13B from Acme beats DeepSeek-V3.1.\n';
const firstLine = async (client: TestClient, uri: string, character: number): Promise<string | undefined> => {
  const h = await client.hover(uri, { line: 0, character });
  return h ? (h.contents as MarkupContent).value.split('\n')[0] : undefined;
};

describe('protocol: the user knowledge files of a workspace', function () {
  let ws: TempWorkspace;
  let client: Awaited<ReturnType<typeof TestClient.start>>;
  afterEach(async () => {
    await client?.stop();
    ws?.dispose();
  });

  it('loads .research-notes/*.yaml at start: user entities hover like bundled ones', async () => {
    ws = new TempWorkspace();
    const file = ws.write('.research-notes/entities.yaml', zeta);
    client = await TestClient.start({ rootUri: ws.uri });
    assert.deepEqual((await client.waitForDiagnostics(file)).diagnostics, []);
    const noteUri = ws.write('note.md', note);
    await client.open(noteUri, note);
    assert.equal(await firstLine(client, noteUri, 1), '**Zeta-13B** · model · Acme Research');
    assert.equal(await firstLine(client, noteUri, 15), '**Acme Research** · organization');
    assert.equal(await firstLine(client, noteUri, 27), '**DeepSeek-V3.1** · model · DeepSeek');
  });

  it('reloads when a knowledge file is created, changed or deleted (didChangeWatchedFiles)', async () => {
    ws = new TempWorkspace();
    client = await TestClient.start({ rootUri: ws.uri });
    const noteUri = ws.fileUri('note.md');
    await client.open(noteUri, note);
    await client.waitForDiagnostics(noteUri);
    assert.equal(await firstLine(client, noteUri, 1), undefined);

    const file = ws.write('.research-notes/entities.yaml', zeta);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: file, type: 1 }] });
    await client.waitForDiagnostics(file);
    assert.equal(await firstLine(client, noteUri, 1), '**Zeta-13B** · model · Acme Research');

    ws.write('.research-notes/entities.yaml', zeta.replace('name: Zeta-13B', 'name: Zeta-13B-v2'));
    const republished = client.nextDiagnostics(noteUri);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: file, type: 2 }] });
    await republished;
    assert.equal(await firstLine(client, noteUri, 1), '**Zeta-13B-v2** · model · Acme Research');

    ws.remove('.research-notes/entities.yaml');
    const cleared = client.nextDiagnostics(noteUri);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: file, type: 3 }] });
    await cleared;
    assert.equal(await firstLine(client, noteUri, 1), undefined);
  });

  it('survives a client that says it refreshes hints and tokens but refuses the request (#17)', async () => {
    ws = new TempWorkspace();
    // VS Code-like capabilities; this client has no handler for the refresh requests, so each one is refused.
    const capabilities = { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, inlayHint: { refreshSupport: true }, semanticTokens: { refreshSupport: true } } };
    client = await TestClient.start({ rootUri: ws.uri, capabilities });
    const noteUri = ws.fileUri('note.md');
    await client.open(noteUri, note);
    await client.waitForDiagnostics(noteUri);
    const file = ws.write('.research-notes/entities.yaml', zeta);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: file, type: 1 }] });
    await client.waitForDiagnostics(file);
    assert.equal(await firstLine(client, noteUri, 1), '**Zeta-13B** · model · Acme Research');
    assert.ok(client.logs.some((l) => l.startsWith('Research Notes: inlayHint/refresh failed')), client.logs.join('\n'));
  });

  it('overrides a bundled entity field by field', async () => {
    ws = new TempWorkspace();
    const file = ws.write('.research-notes/override.yaml', ['models:', '  - id: deepseek-v3.1', '    release: 2025-08-20', ''].join('\n'));
    client = await TestClient.start({ rootUri: ws.uri });
    await client.waitForDiagnostics(file);
    await client.open('untitled:n.md', 'DeepSeek-V3.1\n');
    const md = (await client.hover('untitled:n.md', { line: 0, character: 1 }))!.contents as MarkupContent;
    const lines = md.value.split('\n');
    assert.equal(lines[2], '- Parameters: 671B (6710억) total · 37B (370억) active');
    assert.ok(lines.includes('- Released: 2025-08-20'), String(md.value));
  });

  it('reports a broken file at its exact lines while bundled knowledge keeps working', async () => {
    ws = new TempWorkspace();
    const broken = [
      'models:',
      '  - id: good-7b',
      '    name: Good-7B',
      '    sources: ["https://example.org/good"]',
      '  - id: bad-7b',
      '    name: Bad-7B',
      '    sizee: 7',
      '',
    ].join('\n');
    const file = ws.write('.research-notes/broken.yaml', broken);
    client = await TestClient.start({ rootUri: ws.uri });
    const { diagnostics } = await client.waitForDiagnostics(file);
    assert.equal(diagnostics.length, 1);
    assert.deepEqual(diagnostics[0].range.start, { line: 6, character: 4 });
    assert.equal(diagnostics[0].code, 'knowledge.invalid');
    assert.match(String(diagnostics[0].message), /^Unexpected field `sizee`, expected one of /);
    await client.open('untitled:n.md', 'Good-7B and Bad-7B and SKT\n');
    assert.equal(await firstLine(client, 'untitled:n.md', 1), '**Good-7B** · model');
    assert.equal(await firstLine(client, 'untitled:n.md', 13), undefined);
    assert.equal(await firstLine(client, 'untitled:n.md', 24), '**SK Telecom** · organization · company · KR');
  });

  it('uses the unsaved text of an open knowledge file', async () => {
    ws = new TempWorkspace();
    const file = ws.write('.research-notes/entities.yaml', zeta);
    client = await TestClient.start({ rootUri: ws.uri });
    await client.waitForDiagnostics(file);
    await client.open('untitled:n.md', note);
    await client.waitForDiagnostics('untitled:n.md');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: file, languageId: 'yaml', version: 1, text: zeta } });
    const republished = client.nextDiagnostics('untitled:n.md');
    await client.change(file, 2, [{ text: zeta.replace('name: Zeta-13B', 'name: Zeta (draft)') }]);
    await republished;
    assert.equal(await firstLine(client, 'untitled:n.md', 1), '**Zeta (draft)** · model · Acme Research');
  });

  it('takes front-matter entities for that note only', async () => {
    client = await TestClient.start();
    const text = ['---', 'entities:', '  models:', '    - id: local-7b', '      name: Local-7B', '---', 'Local-7B is here.', ''].join('\n');
    await client.open('untitled:fm.md', text);
    await client.open('untitled:other.md', 'Local-7B is here.\n');
    const h = await client.hover('untitled:fm.md', { line: 6, character: 1 });
    assert.equal((h!.contents as MarkupContent).value.split('\n')[0], '**Local-7B** · model');
    assert.equal(await client.hover('untitled:other.md', { line: 0, character: 1 }), null);
  });
});

describe('protocol: knowledge-file patterns that leave the folder', function () {
  it('never reads a file a crafted watched-file event places outside the folder with `..` (#17)', async () => {
    const ws = new TempWorkspace();
    const outside = new TempWorkspace();
    outside.write('secret.yaml', zeta);
    const client = await TestClient.start({ rootUri: ws.uri, initializationOptions: { settings: { knowledgeFiles: ['**/*.yaml'] } } });
    try {
      const before = await client.knowledgeLoaded();
      const escape = path.relative(ws.dir, outside.dir).split(path.sep).map(encodeURIComponent).join('/');
      for (const crafted of [`${ws.uri}/${escape}/secret.yaml`, `${ws.uri}/${escape.replace(/\.\./g, '%2e%2e')}/secret.yaml`]) {
        await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: crafted, type: 1 }] });
      }
      const noteUri = ws.fileUri('note.md');
      await client.open(noteUri, note);
      await client.waitForDiagnostics(noteUri);
      assert.deepEqual(await client.knowledgeLoaded(), before);
      assert.equal(await firstLine(client, noteUri, 1), undefined);
    } finally {
      await client.stop();
      ws.dispose();
      outside.dispose();
    }
  });

  it('are refused with a clear message, and bundled knowledge keeps working', async () => {
    const ws = new TempWorkspace();
    const client = await TestClient.start({ rootUri: ws.uri, initializationOptions: { settings: { knowledgeFiles: ['../elsewhere/*.yaml'] } } });
    try {
      assert.deepEqual(await client.knowledgeLoaded(), { entities: bundledKnowledge().kb.all().length, knowledgeFiles: 0, problems: 0 });
      await client.open('untitled:n.md', 'SKT\n');
      assert.deepEqual(client.shownMessages, ['Research Notes: "../elsewhere/*.yaml" leaves the workspace folder; knowledge files must be inside it.']);
      assert.equal(await firstLine(client, 'untitled:n.md', 1), '**SK Telecom** · organization · company · KR');
    } finally {
      await client.stop();
      ws.dispose();
    }
  });
});
