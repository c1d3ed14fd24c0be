import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeNote, createRecognizers } from '../../server/src/analysis';
import { workspaceSymbols } from '../../server/src/features/references';
import { buildAliasIndex } from '../../server/src/recognize/aliasIndex';
import { indexedNote, NoteIndex } from '../../server/src/workspace/noteIndex';
import { fakeKnowledge, sampleEntities } from '../support/fakeKnowledge';

describe('workspace/noteIndex', () => {
  const kb = fakeKnowledge(sampleEntities);
  const recognizers = createRecognizers(kb, buildAliasIndex(kb));
  const entry = (uri: string, text: string) => indexedNote(uri, analyzeNote(TextDocument.create(uri, 'markdown', 1, text), recognizers));
  const at = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

  it('indexes mentions and linked claims by range, replaces a note, and forgets one', () => {
    const index = new NoteIndex();
    index.set(entry('file:///b.md', 'GPT-4 is old. DeepSeek-V3.1 has 671B parameters.\n'));
    index.set(entry('file:///a.md', 'x\nDeepSeek-V3.1\n'));
    assert.deepEqual(index.references('deepseek-v3.1'), [
      { uri: 'file:///a.md', range: at(1, 0, 13) },
      { uri: 'file:///b.md', range: at(0, 14, 27) },
    ]);
    assert.deepEqual(index.claims('deepseek-v3.1'), [{ uri: 'file:///b.md', refersTo: 'deepseek-v3.1', value: 671e9, active: false, text: '671B', range: at(0, 32, 36) }]);
    assert.deepEqual(index.entities().sort((x, y) => x.id.localeCompare(y.id)), [
      { id: 'deepseek-v3.1', mentions: 2, notes: 2 },
      { id: 'gpt-4', mentions: 1, notes: 1 },
    ]);
    index.set(entry('file:///b.md', 'Nothing.\n'));
    assert.deepEqual(index.references('gpt-4'), []);
    index.delete('file:///a.md');
    assert.deepEqual(index.references('deepseek-v3.1'), []);
    assert.equal(index.size, 1);
  });

  it('finds symbols by Korean or English name, most mentioned first, in the client’s language', () => {
    const index = new NoteIndex();
    index.set(entry('file:///a.md', '딥시크(DeepSeek) V3.1, DeepSeek-V3.1 and GPT-4.\n'));
    index.set(entry('file:///b.md', 'DeepSeek-V3.1\n'));
    assert.deepEqual(workspaceSymbols(index, kb, '딥시크', 'ko').map((s) => [s.name, s.containerName, s.location.uri]), [['DeepSeek-V3.1', '노트 2개', 'file:///a.md']]);
    assert.deepEqual(workspaceSymbols(index, kb, '', 'en').map((s) => [s.name, s.containerName]), [['DeepSeek-V3.1', '2 notes'], ['GPT-4', '1 note']]);
  });
});
