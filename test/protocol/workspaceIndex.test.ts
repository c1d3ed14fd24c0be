import * as assert from 'node:assert/strict';
import type { Location, SymbolInformation } from 'vscode-languageserver-protocol';
import type { EntitiesResult } from '../../server/src/protocol';
import { TestClient } from '../support/lspClient';
import { TempWorkspace } from '../support/tempWorkspace';

/** The workspace index (#14): every note under the folder, open ones from their live text. */
describe('protocol: workspace index, references and workspace symbols', function () {
  this.timeout(30_000);
  const ws = new TempWorkspace();
  const a = ws.write('a.md', '# A\n\nDeepSeek-V3.1 has 685B parameters.\n');
  const b = ws.write('notes/b.md', '딥시크(DeepSeek) V3.1과 GPT-4를 비교했다.\n\nGPT-4 again.\n');
  const c = ws.write('notes/deep/c.md', 'Nothing here but DeepSeek-V3.1, with 671B parameters.\n');
  ws.write('node_modules/x/readme.md', 'DeepSeek-V3.1 in a dependency.\n');
  let client: Awaited<ReturnType<typeof TestClient.start>>;

  before(async () => {
    client = await TestClient.start({
      rootUri: ws.uri,
      capabilities: { window: { workDoneProgress: true }, workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
    });
    // The open note's live text differs from disk: one more mention, on line 3.
    await client.open(a, '# A\n\nDeepSeek-V3.1 has 685B parameters.\nDeepSeek-V3.1 again.\n');
    await client.progressEnd();
  });

  after(async () => {
    await client.stop();
    ws.dispose();
  });

  const at = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

  it('reports indexing progress from begin to end', () => {
    const kinds = client.progress.map((p) => p.kind);
    // Reports in between depend on how fast the machine indexes: only their kind is fixed.
    assert.deepEqual([kinds[0], kinds.at(-1), kinds.slice(1, -1).every((k) => k === 'report')], ['begin', 'end', true]);
    assert.equal(client.progress[0].title, 'Indexing notes');
    assert.equal(client.progress[0].message, '0/3');
  });

  it('finds every mention of an entity in every note, open ones from their live text, never in node_modules', async () => {
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri: a }, position: { line: 2, character: 3 }, context: { includeDeclaration: false } });
    assert.deepEqual(refs, [
      { uri: a, range: at(2, 0, 13) },
      { uri: a, range: at(3, 0, 13) },
      { uri: c, range: at(0, 17, 30) },
      { uri: b, range: at(0, 0, 18) },
    ].sort((x, y) => (x.uri < y.uri ? -1 : x.uri > y.uri ? 1 : 0)));
    // With the declaration: the knowledge entry first.
    const withDeclaration = await client.request<Location[]>('textDocument/references', { textDocument: { uri: a }, position: { line: 2, character: 3 }, context: { includeDeclaration: true } });
    assert.match(withDeclaration[0].uri, /server\/data\/deepseek\.yaml$/);
    assert.equal(withDeclaration.length, 5);
  });

  it('finds entities by English or Korean name, most mentioned first, with their note count', async () => {
    const korean = await client.request<SymbolInformation[]>('workspace/symbol', { query: '딥시크' });
    assert.deepEqual(korean.map((s) => [s.name, s.containerName]), [['DeepSeek-V3.1', '3 notes']]);
    const gpt = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'gpt 4' });
    assert.deepEqual(gpt.map((s) => [s.name, s.kind, s.containerName, s.location.uri, s.location.range]), [['GPT-4', 5, '1 note', b, at(0, 20, 25)]]);
  });

  it('shows in a model’s hover what the other notes claim for it', async () => {
    const hover = (await client.hover(a, { line: 2, character: 3 })) as { contents: { value: string } };
    assert.equal(hover.contents.value.split('\n').at(-1), `Also claimed in your notes: 671B ([c.md:1](${c}#L1))`);
  });

  it('serves the Entities view: kinds, entities by mention count, notes, mention ranges; one note on request', async () => {
    const view = await client.request<EntitiesResult>('researchNotes/entities', {});
    assert.equal(view.complete, true);
    const models = view.kinds.find((k) => k.kind === 'model')!;
    assert.deepEqual(view.kinds.map((k) => [k.kind, k.entities.length]), [['model', 2], ['organization', 0], ['product', 0]]);
    assert.deepEqual(models.entities.map((e) => [e.name, e.mentions, e.notes.length]), [['DeepSeek-V3.1', 4, 3], ['GPT-4', 2, 1]]);
    assert.deepEqual(models.entities[1].notes, [{ uri: b, mentions: [{ line: 0, character: 20, endLine: 0, endCharacter: 25 }, { line: 2, character: 0, endLine: 2, endCharacter: 5 }] }]);
    const one = await client.request<EntitiesResult>('researchNotes/entities', { uri: a });
    assert.deepEqual(one.kinds[0].entities.map((e) => [e.name, e.mentions]), [['DeepSeek-V3.1', 2]]);
  });

  it('drops a deleted note and reads a changed one again when the file watcher says so', async () => {
    ws.remove('notes/deep/c.md');
    ws.write('notes/b.md', 'No models now.\n');
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: c, type: 3 }, { uri: b, type: 2 }] });
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri: a }, position: { line: 2, character: 3 }, context: { includeDeclaration: false } });
    assert.deepEqual(refs, [{ uri: a, range: at(2, 0, 13) }, { uri: a, range: at(3, 0, 13) }]);
    assert.deepEqual(await client.request<SymbolInformation[]>('workspace/symbol', { query: 'GPT-4' }), []);
  });

  it('points out a size two notes state differently for a model the knowledge base gives none for', async () => {
    const rumour = ws.write('notes/rumour.md', 'GPT-4 has 1.8T parameters, one rumour says.\n');
    const other = ws.write('notes/other-rumour.md', 'GPT-4 has 1T parameters, says another.\n');
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: rumour, type: 1 }, { uri: other, type: 1 }] });
    await client.open(rumour, 'GPT-4 has 1.8T parameters, one rumour says.\n');
    const published = await client.waitForDiagnostics(rumour, (p) => p.diagnostics.length > 0);
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, d.severity, d.message, d.range, d.relatedInformation?.map((r) => [r.location.uri, r.location.range, r.message])]),
      [[
        'claim.disagreement',
        3,
        'Your other notes give GPT-4 another size (1T, other-rumour.md:1); the knowledge base has no count to check against.',
        at(0, 10, 14),
        [[other, at(0, 10, 12), '1T']],
      ]],
    );
  });
});

describe('protocol: workspace index from the knowledge files', function () {
  this.timeout(30_000);
  const ws = new TempWorkspace();
  const knowledge = ws.write('.research-notes/mine.yaml', [
    'models:',
    '  - id: acme-zeta-9',
    '    name: Zeta-9',
    '    sources: ["https://example.org/zeta"]',
    '  - id: acme-omega-2',
    '    name: Omega-2',
    '    sources: ["https://example.org/omega"]',
    '',
  ].join('\n'));
  const note = ws.write('n.md', 'Zeta-9 beats GPT-4.\n\nZeta-9 again.\n');
  let client: Awaited<ReturnType<typeof TestClient.start>>;
  before(async () => {
    client = await TestClient.start({ rootUri: ws.uri, capabilities: { window: { workDoneProgress: true } } });
    await client.progressEnd();
  });
  after(async () => {
    await client.stop();
    ws.dispose();
  });
  const at = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

  it('lists, from an entry of a knowledge file, the notes that mention it; the entry first when asked', async () => {
    const params = (includeDeclaration: boolean) => ({ textDocument: { uri: knowledge }, position: { line: 2, character: 10 }, context: { includeDeclaration } });
    assert.deepEqual(await client.request<Location[]>('textDocument/references', params(false)), [
      { uri: note, range: at(0, 0, 6) },
      { uri: note, range: at(2, 0, 6) },
    ]);
    assert.deepEqual((await client.request<Location[]>('textDocument/references', params(true)))[0], { uri: knowledge, range: at(1, 4, 6) });
  });

  it('finds entities the knowledge files define even when no note mentions them', async () => {
    const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'omega' });
    assert.deepEqual(symbols.map((s) => [s.name, s.containerName, s.location]), [['Omega-2', '0 notes', { uri: knowledge, range: at(4, 4, 6) }]]);
  });
});

describe('protocol: notes the workspace index leaves out', function () {
  this.timeout(30_000);
  const ws = new TempWorkspace();
  const a = ws.write('a.md', 'DeepSeek-V3.1 here.\n');
  const draft = ws.write('drafts/d.md', 'DeepSeek-V3.1 in a draft.\n');
  ws.write('notes/archive/old.md', 'DeepSeek-V3.1 in the archive.\n');
  const kept = ws.write('notes/tmp/kept.md', 'DeepSeek-V3.1, kept: its files.exclude glob is off.\n');
  let client: Awaited<ReturnType<typeof TestClient.start>>;
  const notesWith = async (): Promise<string[]> => {
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri: a }, position: { line: 0, character: 3 }, context: { includeDeclaration: false } });
    return [...new Set(refs.map((r) => r.uri))];
  };

  before(async () => {
    client = await TestClient.start({
      rootUri: ws.uri,
      capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
      settings: { exclude: ['drafts/**'] },
      // VS Code's files.exclude: a glob that is on, one that is off.
      filesExclude: { '**/archive': true, '**/tmp': false },
    });
    await client.open(a, 'DeepSeek-V3.1 here.\n');
    await client.progressEnd();
  });

  after(async () => {
    await client.stop();
    ws.dispose();
  });

  it('skips what researchNotes.exclude and files.exclude name, folders included', async () => {
    assert.deepEqual(await notesWith(), [a, kept].sort());
  });

  it('ignores a file event in an excluded folder, and takes the notes back when the setting changes', async () => {
    const another = ws.write('drafts/e.md', 'DeepSeek-V3.1 in another draft.\n');
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: another, type: 1 }] });
    assert.deepEqual(await notesWith(), [a, kept].sort());
    client.settings = { exclude: [] };
    client.progress.length = 0;
    const ended = client.progressEnd();
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await ended;
    assert.deepEqual(await notesWith(), [a, draft, another, kept].sort());
  });
});
