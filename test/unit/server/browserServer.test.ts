import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PassThrough } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { createConnection, createProtocolConnection, StreamMessageReader, StreamMessageWriter, type PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { gunzipText, knowledgeOfSnapshotText } from '../../../server/src/browser/bundledKnowledge';
import { installSetImmediate } from '../../../server/src/browser/immediate';
import { QueueingMessageReader } from '../../../server/src/browser/queueingReader';
import { StartupTrace, type StartupMarkEvent } from '../../../server/src/browser/startupTrace';
import { loadBundledKnowledgeBase } from '../../../server/src/knowledge/bundled';
import { startServer } from '../../../server/src/server/index';
import type { Workspace } from '../../../server/src/workspace';
import { fakeKnowledge, sampleEntities } from '../../support/fakeKnowledge';

const dataDir = path.resolve(__dirname, '..', '..', '..', 'server', 'data');

describe('browser server: the bundled knowledge inside the worker bundle', () => {
  it('is the knowledge base the Node server loads, its files at the given data URI', async () => {
    const base64 = gzipSync(readFileSync(path.join(dataDir, 'snapshot.jsonl'))).toString('base64');
    const dataUri = 'vscode-remote://127.0.0.1:8080/ext/research-notes/server/data';
    const browser = knowledgeOfSnapshotText(await gunzipText(base64), dataUri);
    const node = loadBundledKnowledgeBase(dataDir);
    assert.deepEqual(browser.kb.all(), node.kb.all());
    assert.deepEqual(browser.kb.problems, node.kb.problems);
    const nodeDir = pathToFileURL(dataDir).href;
    assert.deepEqual(
      browser.files.map((f) => f.uri),
      node.files.map((f) => f.uri.replace(nodeDir, dataUri)),
    );
    const origin = browser.kb.origin('deepseek-v3.1');
    assert.deepEqual(origin && { ...origin, uri: origin.uri.replace(dataUri, nodeDir) }, node.kb.origin('deepseek-v3.1'));
  });

  it('says what is wrong with a snapshot that is not one', () => {
    assert.throws(() => knowledgeOfSnapshotText('{"version":6}', 'x:/data'), /Unexpected bundled snapshot without `files`/);
  });
});

describe('browser server: the worker plumbing', () => {
  it('keeps the messages that arrive before the connection listens, in order', () => {
    const listeners: ((event: MessageEvent) => void)[] = [];
    const port = { addEventListener: (type: string, l: (event: MessageEvent) => void) => void (type === 'message' && listeners.push(l)) };
    const reader = new QueueingMessageReader(port);
    const send = (id: number) => listeners.forEach((l) => l({ data: { jsonrpc: '2.0', id, method: 'initialize' } } as MessageEvent));
    send(1);
    send(2);
    const got: unknown[] = [];
    reader.listen((m) => got.push((m as unknown as { id: number }).id));
    send(3);
    assert.deepEqual(got, [1, 2, 3]);
  });

  it('gives a scope without setImmediate one that runs callbacks in order, with their arguments', async () => {
    const scope = {} as typeof globalThis;
    installSetImmediate(scope);
    const ran: string[] = [];
    await new Promise<void>((resolve) => {
      scope.setImmediate((x: string) => ran.push(x), 'a');
      scope.setImmediate(() => (ran.push('b'), resolve()));
    });
    assert.deepEqual(ran, ['a', 'b']);
  });
});

describe('browser server: the startup trace (#21)', () => {
  const message = (m: object) => ({ jsonrpc: '2.0', ...m });

  it('sends the marks taken before `initialized` then, later ones at once, each name once', () => {
    let clock = 100;
    const trace = new StartupTrace(() => clock++);
    const sent: StartupMarkEvent[] = [];
    const send = (e: StartupMarkEvent) => void sent.push(e);
    trace.mark('worker created', 7);
    trace.incoming(message({ id: 1, method: 'initialize', params: {} }), send);
    assert.equal(sent.length, 0);
    trace.incoming(message({ method: 'initialized', params: {} }), send);
    trace.mark('bundled knowledge loaded');
    trace.mark('bundled knowledge loaded');
    assert.deepEqual(sent.map((e) => e.researchNotesStartup), [
      { name: 'worker created', at: 7 },
      { name: 'initialize received', at: 100 },
      { name: 'bundled knowledge loaded', at: 101 },
    ]);
  });

  it('marks the first hover answered with content, not an empty answer nor another response', () => {
    const trace = new StartupTrace(() => 5);
    const hover = (id: number) => message({ id, method: 'textDocument/hover', params: {} });
    trace.incoming(hover(3), () => undefined);
    trace.outgoing(message({ id: 3, result: null }));
    trace.incoming(hover(4), () => undefined);
    trace.outgoing(message({ id: 9, result: { contents: 'other' } }));
    assert.deepEqual(trace.all().map((m) => m.name), ['first hover asked']);
    trace.outgoing(message({ id: 4, result: { contents: 'DeepSeek-V3.1' } }));
    trace.incoming(hover(5), () => undefined);
    trace.outgoing(message({ id: 5, result: { contents: 'again' } }));
    assert.deepEqual(trace.all().map((m) => m.name), ['first hover asked', 'first hover answered']);
  });
});

describe('browser server: answers before the knowledge files are in (#21)', () => {
  const uri = 'file:///ws/note.md';
  const userFile = 'file:///ws/.research-notes/models.yaml';
  const userYaml = 'models:\n  - id: userprobe-7b\n    name: UserProbe-7B\n    sources: ["https://example.org/userprobe"]\n';
  const text = 'DeepSeek-V3.1 and UserProbe-7B.\n';

  /**
   * The bind table and session over an in-memory pipe, the knowledge files listed only once
   * `openGate` is called (the web worker's listing through the client takes seconds).
   */
  async function serverWithSlowFiles(answersWaitForKnowledgeFiles: boolean | undefined) {
    let openGate!: () => void;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    let listingAsked!: () => void;
    const asked = new Promise<void>((resolve) => (listingAsked = resolve));
    const workspace: Workspace = {
      folders: ['file:///ws'],
      readFile: async (u) => (u === userFile ? userYaml : undefined),
      listKnowledgeFiles: async () => (listingAsked(), await gate, { uris: [userFile], refused: [] }),
    };
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    startServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)), {
      bundledKnowledge: () => fakeKnowledge(sampleEntities),
      workspace: () => workspace,
      ...(answersWaitForKnowledgeFiles === undefined ? {} : { answersWaitForKnowledgeFiles }),
    });
    const client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    const events: string[] = [];
    client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      if (p.uri === uri) events.push(`diagnostics ${p.diagnostics.map((d) => `${String(d.code)}@${d.range.start.character}`).join(' ')}`.trim());
    });
    client.onRequest('workspace/semanticTokens/refresh', () => (events.push('tokens refresh'), null));
    client.onRequest('workspace/inlayHint/refresh', () => (events.push('hints refresh'), null));
    client.listen();
    const capabilities = { workspace: { semanticTokens: { refreshSupport: true }, inlayHint: { refreshSupport: true } } };
    await client.sendRequest('initialize', { processId: null, rootUri: 'file:///ws', locale: 'en', capabilities, initializationOptions: { settings: { diagnosticsDebounceMs: 0 } } });
    await client.sendNotification('initialized', {});
    await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await asked;
    const hover = async (at: string) => {
      const h = (await client.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: text.indexOf(at) + 1 } })) as { contents: { value: string } } | null;
      return h && h.contents.value.split('\n')[0];
    };
    return { client, events, hover, openGate: () => (events.push('files listed'), openGate()) };
  }

  it('in the web worker: hovers from the bundled knowledge at once; diagnostics, hints and tokens once the files are in', async () => {
    const server = await serverWithSlowFiles(false);
    try {
      assert.equal(await server.hover('DeepSeek-V3.1'), '**DeepSeek-V3.1** · model · DeepSeek');
      assert.equal(await server.hover('UserProbe-7B'), null);
      server.openGate();
      await until(() => (server.events.includes('diagnostics') ? true : undefined));
      // Nothing before the files are in; then the same empty diagnostics (UserProbe-7B is known now), once per recheck.
      assert.deepEqual(server.events.slice(0, 4), ['files listed', 'hints refresh', 'tokens refresh', 'diagnostics']);
      assert.deepEqual([...new Set(server.events.slice(3))], ['diagnostics']);
      assert.equal(await server.hover('UserProbe-7B'), '**UserProbe-7B** · model');
      assert.equal(await server.hover('DeepSeek-V3.1'), '**DeepSeek-V3.1** · model · DeepSeek');
    } finally {
      server.client.dispose();
    }
  });

  it('on the desktop (the default): the first hover waits for the knowledge files', async () => {
    const server = await serverWithSlowFiles(undefined);
    try {
      const first = server.hover('UserProbe-7B').then((line) => (server.events.push('hover answered'), line));
      // Requests are handled in order: once a later one is answered, the hover is waiting, not lost.
      await server.client.sendRequest('researchNotes/entities', {});
      await new Promise((resolve) => setImmediate(resolve));
      server.openGate();
      assert.equal(await first, '**UserProbe-7B** · model');
      assert.deepEqual(server.events.filter((e) => e === 'files listed' || e === 'hover answered'), ['files listed', 'hover answered']);
    } finally {
      server.client.dispose();
    }
  });
});

/** Polls `find` until it returns something (the server works on its own schedule). */
async function until<T>(find: () => T | undefined, ms = 5000): Promise<T> {
  for (const start = Date.now(); Date.now() - start < ms; await new Promise((r) => setTimeout(r, 10))) {
    const found = find();
    if (found !== undefined) return found;
  }
  throw new Error('timed out');
}

describe('browser server: the chart renderer, loaded when the first chart is drawn (#21)', () => {
  it('is given the initialization options (where the chart script is), and a failed load is tried again at the next chart', async () => {
    const uri = 'file:///ws/note.md';
    const loads: unknown[] = [];
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    startServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)), {
      bundledKnowledge: () => fakeKnowledge(sampleEntities),
      workspace: () => ({ folders: ['file:///ws'], readFile: async () => undefined, listKnowledgeFiles: async () => ({ uris: [], refused: [] }) }),
      chartRenderer: async (options) => {
        loads.push(options.chartScriptUri);
        if (loads.length === 1) throw new Error('The chart script x:/chart.js could not be loaded');
        return (spec) => `<svg><title>${spec.alt}</title></svg>`;
      },
    });
    const client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    client.listen();
    try {
      await client.sendRequest('initialize', { processId: null, rootUri: 'file:///ws', capabilities: {}, initializationOptions: { chartScriptUri: 'x:/chart.js' } });
      await client.sendNotification('initialized', {});
      await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: 'DeepSeek-V3.1 came out.\n' } });
      const chart = () => client.sendRequest<{ ok: boolean; message?: string; title?: string }>('researchNotes/modelsChart', { uri });
      assert.deepEqual(await chart(), { ok: false, message: 'The chart script x:/chart.js could not be loaded' });
      const second = await chart();
      assert.equal(second.ok, true, JSON.stringify(second));
      assert.equal(second.title, 'Parameters against release date: DeepSeek-V3.1');
      await chart();
      assert.deepEqual(loads, ['x:/chart.js', 'x:/chart.js']);
    } finally {
      client.dispose();
    }
  });
});
