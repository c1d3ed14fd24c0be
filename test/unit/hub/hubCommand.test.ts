import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentEdit, TextEdit } from 'vscode-languageserver-types';
import { analyzeNote } from '../../../server/src/analysis';
import { hubLookupActions } from '../../../server/src/features/hubLookup';
import { parseHubModelFacts } from '../../../server/src/hub';
import { buildAliasIndex } from '../../../server/src/recognize/aliasIndex';
import { hubEntryAnswer, type HubEntryContext } from '../../../server/src/server/commands/hubEntry';
import { fakeKnowledge, sampleEntities } from '../../support/fakeKnowledge';
import { fableFacts } from '../../support/hubFacts';

const facts = fableFacts;

describe('hub: facts a client sends', () => {
  it('keeps facts of the shape fetchModelFacts gives, and checks each field again', () => {
    assert.deepEqual(parseHubModelFacts(JSON.parse(JSON.stringify(facts))), facts);
    const dirty = { ...facts, license: 'apache 2.0 <b>', licenseName: 'x\u202Ey', safetensors: { total: -1, dtypes: {} }, gated: 'yes', config: [1] };
    assert.deepEqual(parseHubModelFacts(dirty), { repoId: facts.repoId, createdAt: facts.createdAt, gated: false, licenseName: 'x y', configFile: 'read' });
  });
  it('refuses what is not facts about one repo', () => {
    for (const bad of [null, 'x', [], { ...facts, repoId: '../etc/passwd' }, { ...facts, repoId: 'a/b/c' }, { ...facts, configFile: 'maybe' }]) assert.equal(parseHubModelFacts(bad), undefined, JSON.stringify(bad));
  });
});

describe('server: researchNotes/hubEntry', () => {
  const kb = fakeKnowledge(sampleEntities);
  const ctx = (over: Partial<HubEntryContext> = {}): HubEntryContext => ({
    locale: 'en',
    folders: ['file:///ws'],
    knowledge: kb,
    knowledgeFiles: [],
    today: '2026-12-05',
    document: () => undefined,
    readFile: async () => undefined,
    ...over,
  });

  it('answers the entry, its preview and the edit that creates the workspace knowledge file', async () => {
    const answer = await hubEntryAnswer(ctx(), { uri: 'file:///ws/notes/a.md', facts });
    assert.ok(answer.ok);
    assert.deepEqual([answer.id, answer.name, answer.file, answer.notices], ['fable-7b-instruct', 'Fable-7B-Instruct', 'file:///ws/.research-notes/entities.yaml', []]);
    assert.match(answer.preview, /^organizations:\n {2}- id: fable-lab\n/);
    assert.match(answer.preview, /\n {4}parameters:\n {6}total: 7241732096\n/);
    const changes = answer.edit.documentChanges!;
    assert.deepEqual(changes[0], { kind: 'create', uri: 'file:///ws/.research-notes/entities.yaml', options: { ignoreIfExists: true } });
    assert.ok(((changes[1] as TextDocumentEdit).edits[0] as TextEdit).newText.endsWith(answer.preview.slice(answer.preview.indexOf('models:'))));
  });

  it('writes into a YAML knowledge file already loaded from the folder, at the open editor version', async () => {
    const file = 'file:///ws/kb/mine.yaml';
    const open = TextDocument.create(file, 'yaml', 7, 'models:\n  - id: other\n    name: Other\n');
    const answer = await hubEntryAnswer(ctx({ knowledgeFiles: ['file:///ws/kb/data.json', file], document: (u) => (u === file ? open : undefined) }), { uri: 'file:///ws/a.md', facts });
    assert.ok(answer.ok);
    assert.equal(answer.file, file);
    assert.deepEqual((answer.edit.documentChanges!.at(-1) as TextDocumentEdit).textDocument, { uri: file, version: 7 });
  });

  it('says why nothing can be added: no folder, an id the file has, a file that is not a mapping, facts it cannot read', async () => {
    assert.deepEqual(await hubEntryAnswer(ctx({ folders: [] }), { uri: 'untitled:a.md', facts }), {
      ok: false,
      message: 'Open a workspace folder: a looked-up model goes into its knowledge file (.research-notes/entities.yaml).',
    });
    const has = async () => 'models:\n  - id: fable-7b-instruct\n    name: Fable\n';
    assert.deepEqual(await hubEntryAnswer(ctx({ readFile: has }), { uri: 'file:///ws/a.md', facts }), { ok: false, message: "entities.yaml already has an entry 'fable-7b-instruct': nothing was added." });
    assert.deepEqual(await hubEntryAnswer(ctx({ readFile: async () => '- a list\n' }), { uri: 'file:///ws/a.md', facts }), {
      ok: false,
      message: 'Cannot add to entities.yaml: expected a YAML knowledge file whose top level is a mapping. Fix it and look the model up again.',
    });
    assert.deepEqual(await hubEntryAnswer(ctx({ locale: 'ko' }), { uri: 'file:///ws/a.md', facts: { repoId: 'x' } }), { ok: false, message: '조회 결과를 서버가 읽을 수 없습니다. 아무것도 추가하지 않았습니다.' });
  });
});

describe('features/hubLookup: quick fixes that look a model up', () => {
  const kb = fakeKnowledge([...sampleEntities, { kind: 'model', id: 'bare', name: 'Bare-1', aliases: [], sources: [] }]);
  const text = 'Bare-1 and GPT-4 and DeepSeek-V3.1 and Foo-70B.\n';
  const analysis = analyzeNote(TextDocument.create('file:///n.md', 'markdown', 1, text), { aliases: buildAliasIndex(kb), claims: () => [] });
  const at = (needle: string) => ({ start: text.indexOf(needle) + 1, end: text.indexOf(needle) + 1 });
  const titles = (needle: string, diagnostics = []) => hubLookupActions(analysis, kb, at(needle), diagnostics, 'file:///n.md', 'en').map((a) => [a.title, a.command?.command, a.command?.arguments]);

  it('offers it on a model without a parameter count, not on one with a count or an undisclosed one', () => {
    assert.deepEqual(titles('Bare-1'), [['Look up Bare-1 on Hugging Face…', 'researchNotes.lookUpOnHub', [{ query: 'Bare-1', uri: 'file:///n.md' }]]]);
    assert.deepEqual([titles('DeepSeek'), titles('GPT-4')], [[], []]);
  });

  it('offers it for an unknown name the note flags, in the client language', () => {
    const start = text.indexOf('Foo-70B');
    const d = { range: { start: { line: 0, character: start }, end: { line: 0, character: start + 7 } }, message: '', code: 'entity.unknown', source: 'research-notes' };
    const actions = hubLookupActions(analysis, kb, at('Foo-70B'), [d], 'file:///n.md', 'ko');
    assert.deepEqual(actions.map((a) => [a.title, a.kind, a.diagnostics, a.command?.arguments]), [['Hugging Face에서 Foo-70B 조회…', 'quickfix', [d], [{ query: 'Foo-70B', uri: 'file:///n.md' }]]]);
  });
});
