import * as assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import {
  CancellationTokenSource,
  createConnection,
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { startServer } from '../../../server/src/server/index';
import type { Workspace } from '../../../server/src/workspace';
import { fakeKnowledge, sampleEntities } from '../../support/fakeKnowledge';

/**
 * The server in this process: the real bind table and session over an in-memory pipe, spoken to
 * as an LSP client would, with a small fixture knowledge base instead of the bundled data.
 */
describe('server in process (bind table and session)', () => {
  const uri = 'file:///ws/note.md';
  let client: ProtocolConnection;
  const diagnostics: PublishDiagnosticsParams[] = [];
  const edits: WorkspaceEdit[] = [];

  before(async () => {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const workspace: Workspace = { folders: ['file:///ws'], readFile: async () => undefined, listKnowledgeFiles: async () => ({ uris: [], refused: [] }) };
    startServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)), {
      bundledKnowledge: () => fakeKnowledge(sampleEntities),
      workspace: () => workspace,
    });
    client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => void diagnostics.push(p));
    client.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }) => (edits.push(p.edit), { applied: true }));
    client.listen();
    const init = (await client.sendRequest('initialize', {
      processId: null,
      rootUri: 'file:///ws',
      locale: 'en',
      capabilities: { workspace: { workspaceEdit: { documentChanges: true } } },
      initializationOptions: { settings: { diagnosticsDebounceMs: 0 } },
    })) as { capabilities: { hoverProvider: boolean; executeCommandProvider: { commands: string[] } } };
    assert.equal(init.capabilities.hoverProvider, true);
    assert.deepEqual(init.capabilities.executeCommandProvider.commands, ['researchNotes.insertComparisonTable', 'researchNotes.insertComparisonChart']);
    await client.sendNotification('initialized', {});
  });

  after(() => client.dispose());

  it('answers a hover and publishes the claim check for an opened note', async () => {
    const text = 'DeepSeek-V3.1 has 100B parameters.\n';
    await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const hover = (await client.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } })) as { contents: { kind: string; value: string }; range: unknown };
    assert.equal(hover.contents.kind, 'markdown');
    assert.equal(hover.contents.value.split('\n')[0], '**DeepSeek-V3.1** · model · DeepSeek');
    assert.deepEqual(hover.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 13 } });
    const published = await until(() => diagnostics.find((d) => d.uri === uri && d.version === 1));
    assert.deepEqual(published.diagnostics.map((d) => [d.code, d.range.start.character, d.range.end.character]), [['claim.mismatch', 18, 22]]);
  });

  it('runs the table command as one versioned edit of the note', async () => {
    const result = await client.sendRequest('workspace/executeCommand', { command: 'researchNotes.insertComparisonTable', arguments: [uri, { line: 1, character: 0 }] });
    assert.deepEqual(result, { applied: true });
    const change = edits[0].documentChanges?.[0] as { textDocument: { uri: string; version: number }; edits: { newText: string }[] };
    assert.deepEqual(change.textDocument, { uri, version: 1 });
    assert.deepEqual(change.edits[0].newText.split('\n').slice(1, 6), [
      '<!-- research-notes:table -->',
      '| Model                | Organization | Parameters | Active | Architecture | Release    | Open weights | Context |',
      '| -------------------- | ------------ | ---------: | -----: | ------------ | ---------- | ------------ | ------: |',
      '| DeepSeek-V3.1[^rn-1] | DeepSeek     |       671B |    37B | MoE          | 2025-08-21 | yes          |    128K |',
      '',
    ]);
  });

  it('answers nothing, without an error, for a document it was never sent', async () => {
    assert.equal(await client.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///ws/other.md' }, position: { line: 0, character: 0 } }), null);
  });
});

describe('server in process: a handler that throws', () => {
  let client: ProtocolConnection;
  const logs: { type: number; message: string }[] = [];
  // One entity whose sources cannot be read: a hover on GPT-4 throws inside the server.
  const entities = sampleEntities.map((e) =>
    e.id === 'gpt-4' ? Object.defineProperty({ ...e }, 'sources', { get: () => assert.fail('broken entity'), enumerable: true }) : e,
  );
  const broken = fakeKnowledge(entities);

  before(async () => {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const workspace: Workspace = { folders: [], readFile: async () => undefined, listKnowledgeFiles: async () => ({ uris: [], refused: [] }) };
    startServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)), { bundledKnowledge: () => broken, workspace: () => workspace });
    client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    client.onNotification('window/logMessage', (p: { type: number; message: string }) => void logs.push(p));
    client.listen();
    await client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {}, initializationOptions: { settings: { diagnosticsDebounceMs: 0 } } });
    await client.sendNotification('initialized', {});
  });

  after(() => client.dispose());

  it('answers empty, logs the failure once, and keeps answering other notes', async () => {
    const open = (uri: string, text: string) => client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await open('file:///bad.md', 'GPT-4 is here.\n');
    await open('file:///good.md', 'DeepSeek-V3.1 is here.\n');
    const hoverAt = (uri: string) => client.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
    assert.equal(await hoverAt('file:///bad.md'), null);
    assert.equal(await hoverAt('file:///bad.md'), null);
    const good = (await hoverAt('file:///good.md')) as { contents: { value: string } };
    assert.equal(good.contents.value.split('\n')[0], '**DeepSeek-V3.1** · model · DeepSeek');
    const failures = logs.filter((l) => l.type === 1 && l.message.startsWith('Research Notes: hover failed'));
    assert.equal(failures.length, 1);
    assert.match(failures[0].message, /broken entity/);
  });
});

describe('server in process: cancelling a request that waits for the workspace index', () => {
  let client: ProtocolConnection;
  let listed: () => void = () => {};
  let listing = false;
  const note = 'file:///ws/a.md';

  before(async () => {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    // Listing the workspace's notes waits until the test lets it go: indexing stays under way.
    const workspace: Workspace = {
      folders: ['file:///ws'],
      readFile: async (uri) => (uri === note ? 'DeepSeek-V3.1 is here.\n' : undefined),
      listKnowledgeFiles: async () => ({ uris: [], refused: [] }),
      listNotes: () => ((listing = true), new Promise((resolve) => (listed = () => resolve({ uris: [note], skipped: [] })))),
    };
    startServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)), { bundledKnowledge: () => fakeKnowledge(sampleEntities), workspace: () => workspace });
    client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    client.listen();
    await client.sendRequest('initialize', { processId: null, rootUri: 'file:///ws', capabilities: {}, initializationOptions: { settings: { diagnosticsDebounceMs: 0 } } });
    await client.sendNotification('initialized', {});
  });

  after(() => client.dispose());

  it('answers a cancelled workspace/symbol at once with nothing, and the next one in full once indexing is done', async () => {
    await until(() => (listing ? true : undefined));
    const source = new CancellationTokenSource();
    const cancelled = client.sendRequest('workspace/symbol', { query: 'deepseek' }, source.token);
    // Requests are handled in order: once this one is answered, the symbol request is waiting for the index.
    assert.equal(await client.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///ws/none.md' }, position: { line: 0, character: 0 } }), null);
    source.cancel();
    const early = await Promise.race([cancelled, new Promise((resolve) => setTimeout(() => resolve('still waiting'), 2000))]);
    assert.deepEqual(early, []);
    const full = client.sendRequest('workspace/symbol', { query: 'deepseek' }) as Promise<{ name: string; containerName: string }[]>;
    listed();
    assert.deepEqual((await full).map((s) => [s.name, s.containerName]), [['DeepSeek-V3.1', '1 note']]);
  });
});

/** Polls `find` until it returns something (the server publishes on its own schedule). */
async function until<T>(find: () => T | undefined, ms = 5000): Promise<T> {
  for (const start = Date.now(); Date.now() - start < ms; await new Promise((r) => setTimeout(r, 10))) {
    const found = find();
    if (found !== undefined) return found;
  }
  throw new Error('timed out');
}
