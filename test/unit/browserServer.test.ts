import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { gunzipText, knowledgeOfSnapshotText } from '../../server/src/browser/bundledKnowledge';
import { installSetImmediate } from '../../server/src/browser/immediate';
import { QueueingMessageReader } from '../../server/src/browser/queueingReader';
import { loadBundledKnowledgeBase } from '../../server/src/knowledge/bundled';

const dataDir = path.resolve(__dirname, '..', '..', 'server', 'data');

describe('browser server: the bundled knowledge inside the worker bundle', () => {
  it('is the knowledge base the Node server loads, its files at the given data URI', async () => {
    const base64 = gzipSync(readFileSync(path.join(dataDir, 'snapshot.json'))).toString('base64');
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
