import * as assert from 'node:assert/strict';
import { CancellationTokenSource } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultConfig } from '../../../server/src/service/config';
import { createLanguageService } from '../../../server/src/service/languageService';
import { READ_AHEAD, WorkspaceIndexing, type IndexingDeps } from '../../../server/src/server/indexing';
import type { Workspace } from '../../../server/src/workspace';
import { fakeKnowledge, sampleEntities } from '../../support/fakeKnowledge';

/**
 * The workspace index's runs in memory: a fake folder of notes whose reads the test releases by
 * hand, the real language service's index entries, a fixture knowledge base.
 */
describe('workspace indexing runs', () => {
  const kb = fakeKnowledge(sampleEntities);
  const quiet = { info: () => {}, warn: () => {}, error: () => {} };
  const service = createLanguageService({
    workspace: { folders: [], readFile: async () => undefined, listKnowledgeFiles: async () => ({ uris: [], refused: [] }) },
    knowledge: { current: () => kb, forNote: () => kb },
    config: () => defaultConfig,
    logger: quiet,
  });

  /** A folder of `files`; each read waits until the test calls `release`, unless `instant`. */
  function folder(files: Record<string, string>, instant = true) {
    const pending: { uri: string; resolve: () => void }[] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    let reads = 0;
    const workspace: Workspace = {
      folders: ['file:///ws'],
      listKnowledgeFiles: async () => ({ uris: [], refused: [] }),
      listNotes: async () => ({ uris: Object.keys(files), skipped: [] }),
      readFile: async (uri) => {
        inFlight++;
        reads++;
        mostInFlight = Math.max(mostInFlight, inFlight);
        if (!instant) await new Promise<void>((resolve) => pending.push({ uri, resolve }));
        inFlight--;
        return files[uri];
      },
    };
    return { workspace, pending, mostInFlight: () => mostInFlight, reads: () => reads };
  }

  function indexing(workspace: Workspace, overrides: Partial<IndexingDeps> = {}) {
    const events: string[] = [];
    const deps: IndexingDeps = {
      workspace,
      logger: quiet,
      openNote: () => undefined,
      isOpen: () => false,
      excluded: () => false,
      entry: (note) => service.indexEntry(note),
      locale: () => 'en',
      progress: async () => undefined,
      claimsChanged: () => void events.push('claimsChanged'),
      failed: (what, e) => void events.push(`failed ${what}: ${String(e)}`),
      ...overrides,
    };
    return { run: new WorkspaceIndexing(deps), events };
  }

  const ids = (run: WorkspaceIndexing, uri: string) => [...(run.index.note(uri)?.mentionCounts().keys() ?? [])];

  it('indexes every listed note, says so once complete, and tells that the counts notes claim changed', async () => {
    const { workspace } = folder({ 'file:///ws/a.md': 'GPT-4 has 1.8T parameters.\n', 'file:///ws/b.md': 'DeepSeek-V3.1 and GPT-4.\n' });
    const { run, events } = indexing(workspace);
    assert.equal(run.complete, false);
    run.start();
    assert.equal(await run.ready(), true);
    assert.equal(run.complete, true);
    assert.deepEqual(run.index.uris().sort(), ['file:///ws/a.md', 'file:///ws/b.md']);
    assert.deepEqual(
      run.index.claims('gpt-4').map((c) => [c.uri, c.text]),
      [['file:///ws/a.md', '1.8T']],
    );
    assert.deepEqual(events, ['claimsChanged']);
  });

  it(`reads at most READ_AHEAD (${READ_AHEAD}) notes ahead of the one it indexes`, async () => {
    const files = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`file:///ws/n${i}.md`, `GPT-4 note ${i}.\n`]));
    const f = folder(files, false);
    const { run } = indexing(f.workspace);
    run.start();
    for (let released = 0; released < 30; released++) {
      while (f.pending.length === 0) await new Promise((resolve) => setImmediate(resolve));
      f.pending.shift()!.resolve();
    }
    await run.ready();
    assert.equal(run.index.size, 30);
    assert.equal(f.mostInFlight(), READ_AHEAD);
  });

  it('indexes an open note from its live text, skips excluded notes, and drops a note gone from disk', async () => {
    const open = TextDocument.create('file:///ws/open.md', 'markdown', 3, 'DeepSeek-V3.1 only.\n');
    const files: Record<string, string> = { 'file:///ws/open.md': 'GPT-4 on disk.\n', 'file:///ws/skip.md': 'GPT-4.\n', 'file:///ws/gone.md': 'GPT-4.\n' };
    const { workspace } = folder(files);
    const { run } = indexing(workspace, { openNote: (uri) => (uri === open.uri ? open : undefined), excluded: (uri) => uri.endsWith('skip.md') });
    run.start();
    await run.ready();
    assert.deepEqual(ids(run, open.uri), ['deepseek-v3.1']);
    assert.equal(run.index.uris().includes('file:///ws/skip.md'), false);
    assert.deepEqual(ids(run, 'file:///ws/gone.md'), ['gpt-4']);
    delete files['file:///ws/gone.md'];
    run.reindex('file:///ws/gone.md');
    await run.ready();
    assert.equal(run.index.uris().includes('file:///ws/gone.md'), false);
  });

  it('drops notes no longer listed at the next run, but not an open one', async () => {
    const files: Record<string, string> = { 'file:///ws/a.md': 'GPT-4.\n', 'file:///ws/b.md': 'GPT-4.\n', 'file:///ws/c.md': 'GPT-4.\n' };
    const { workspace } = folder(files);
    const { run } = indexing(workspace, { isOpen: (uri) => uri.endsWith('c.md') });
    run.start();
    await run.ready();
    delete files['file:///ws/b.md'];
    delete files['file:///ws/c.md'];
    run.start();
    await run.ready();
    assert.deepEqual(run.index.uris().sort(), ['file:///ws/a.md', 'file:///ws/c.md']);
  });

  it('stops a run superseded by a newer one, which alone marks the index complete', async () => {
    const files = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`file:///ws/n${i}.md`, `GPT-4 note ${i}.\n`]));
    const f = folder(files, false);
    const { run } = indexing(f.workspace);
    run.start();
    while (f.pending.length === 0) await new Promise((resolve) => setImmediate(resolve));
    f.pending.shift()!.resolve();
    run.start();
    assert.equal(run.complete, false);
    const done = run.ready();
    // Both runs' reads are released in the order they began, until the newer run is through.
    while (!run.complete) {
      if (f.pending.length > 0) f.pending.shift()!.resolve();
      else await new Promise((resolve) => setImmediate(resolve));
    }
    await done;
    assert.equal(run.index.size, 12);
    assert.equal(f.reads(), READ_AHEAD + 12, 'the stopped run began no read after its first note');
  });

  it('lets a cancelled wait go at once, without stopping the run', async () => {
    const f = folder({ 'file:///ws/a.md': 'GPT-4.\n' }, false);
    const { run } = indexing(f.workspace);
    run.start();
    const source = new CancellationTokenSource();
    const waiting = run.ready(source.token);
    source.cancel();
    assert.equal(await waiting, false);
    while (f.pending.length === 0) await new Promise((resolve) => setImmediate(resolve));
    f.pending.shift()!.resolve();
    assert.equal(await run.ready(), true);
    assert.deepEqual(ids(run, 'file:///ws/a.md'), ['gpt-4']);
  });

  it('reports a note that cannot be read and goes on with the others', async () => {
    const { workspace } = folder({ 'file:///ws/a.md': 'GPT-4.\n', 'file:///ws/b.md': 'DeepSeek-V3.1.\n' });
    const broken: Workspace = { ...workspace, readFile: async (uri) => (uri.endsWith('a.md') ? Promise.reject(new Error('EACCES')) : workspace.readFile(uri)) };
    const { run, events } = indexing(broken);
    run.start();
    await run.ready();
    assert.deepEqual(run.index.uris(), ['file:///ws/b.md']);
    assert.deepEqual(events, ['failed indexing: Error: EACCES']);
  });
});
