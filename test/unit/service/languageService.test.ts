import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeNote, createRecognizers } from '../../../server/src/analysis';
import { defaultConfig } from '../../../server/src/service/config';
import type { KnowledgeBase } from '../../../server/src/knowledge/types';
import { createLanguageService } from '../../../server/src/service/languageService';
import { buildAliasIndex } from '../../../server/src/recognize/aliasIndex';
import type { Logger, Workspace } from '../../../server/src/workspace';
import { fakeKnowledge, sampleEntities } from '../../support/fakeKnowledge';

/** The language service in memory: no process, no connection, a fixture knowledge base. */
describe('language service in memory', () => {
  const logs: string[] = [];
  const logger: Logger = { info: (m) => logs.push(m), warn: () => {}, error: () => {} };
  const workspace: Workspace = { folders: [], readFile: async () => undefined, listKnowledgeFiles: async () => ({ uris: [], refused: [] }) };
  let kb: KnowledgeBase = fakeKnowledge(sampleEntities);
  const service = createLanguageService({ workspace, knowledge: { current: () => kb, forNote: () => kb }, config: () => defaultConfig, logger });
  const names = (doc: TextDocument) => service.analyze(doc).mentions.map((m) => m.text);

  it('updates a note from its recorded edits exactly as a fresh analysis, and forgets it on close', () => {
    const doc = TextDocument.create('file:///n.md', 'markdown', 1, 'GPT-4 and DeepSeek-V3.1.\n');
    assert.deepEqual(names(doc), ['GPT-4', 'DeepSeek-V3.1']);
    const change = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }, text: 'Llama 3.1 405B' };
    service.noteChanged(doc.uri, 1, [change]);
    TextDocument.update(doc, [change], 2);
    const fresh = analyzeNote(doc, createRecognizers(kb, buildAliasIndex(kb)));
    assert.deepEqual(service.analyze(doc).mentions, fresh.mentions);
    assert.deepEqual(service.analyze(doc).claims, fresh.claims);
    service.forget(doc.uri);
    assert.deepEqual(names(doc), ['Llama 3.1 405B', 'DeepSeek-V3.1']);
  });

  it('builds one alias index per knowledge base object, and analyses again when the knowledge changes', () => {
    const doc = TextDocument.create('file:///k.md', 'markdown', 1, 'Zeta-9 and GPT-4.\n');
    logs.length = 0;
    assert.deepEqual(names(doc), ['GPT-4']);
    assert.equal(logs.filter((l) => l.startsWith('Alias index built')).length, 0, 'the first test built it already');
    kb = fakeKnowledge([...sampleEntities, { kind: 'model', id: 'zeta-9', name: 'Zeta-9', aliases: [], sources: [] }], 2);
    assert.deepEqual(names(doc), ['Zeta-9', 'GPT-4']);
    assert.deepEqual(names(doc), ['Zeta-9', 'GPT-4']);
    assert.equal(logs.filter((l) => l.startsWith('Alias index built')).length, 1);
  });
  it('answers a cancelled request with the empty answer, and the same request uncancelled in full', async () => {
    const doc = TextDocument.create('file:///c.md', 'markdown', 1, 'GPT-4 has 1.8T parameters. Zeta-9.\n');
    const cancelled = { isCancellationRequested: true };
    const at = { line: 0, character: 2 };
    const whole = { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } };
    assert.equal(service.hover(doc, at, cancelled), null);
    assert.equal(service.definition(doc, at, cancelled), null);
    assert.equal(service.entityAt(doc, at, cancelled), undefined);
    assert.deepEqual(service.completions(doc, at, cancelled), []);
    assert.deepEqual(service.inlayHints(doc, whole, cancelled), []);
    assert.deepEqual(service.semanticTokens(doc, undefined, cancelled), { data: [] });
    assert.deepEqual(service.diagnostics(doc, cancelled), []);
    assert.deepEqual(await service.codeActions(doc, whole, service.diagnostics(doc), cancelled), []);
    assert.equal(service.entityAt(doc, at), 'gpt-4');
    assert.notEqual(service.hover(doc, at), null);
    assert.notEqual(service.semanticTokens(doc).data.length, 0);
  });
});
