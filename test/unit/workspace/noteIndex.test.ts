import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeNote, createRecognizers, type NoteAnalysis } from '../../../server/src/analysis';
import { workspaceSymbols } from '../../../server/src/features/references';
import { buildAliasIndex } from '../../../server/src/recognize/aliasIndex';
import { indexedNote, NoteIndex } from '../../../server/src/workspace/noteIndex';
import { fakeKnowledge, sampleEntities } from '../../support/fakeKnowledge';
import { bundledKnowledge } from '../../support/knowledge';
import { note, SEED } from '../../support/randomNotes';

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

  it('keeps the claims it hands out current as notes change, and tells when a note’s counts changed', () => {
    const index = new NoteIndex();
    assert.equal(index.set(entry('file:///b.md', 'DeepSeek-V3.1 has 671B parameters.\n')), true);
    assert.deepEqual(index.claims('deepseek-v3.1').map((c) => [c.uri, c.text]), [['file:///b.md', '671B']]);
    assert.equal(index.set(entry('file:///a.md', 'DeepSeek-V3.1 has 685B parameters, 37B active.\n')), true);
    assert.deepEqual(index.claims('deepseek-v3.1').map((c) => [c.uri, c.text, c.active]), [['file:///a.md', '685B', false], ['file:///a.md', '37B', true], ['file:///b.md', '671B', false]]);
    // The same counts elsewhere in the note: nothing other notes read changed.
    assert.equal(index.set(entry('file:///b.md', '\n\nDeepSeek-V3.1 has 671B parameters.\n')), false);
    assert.deepEqual(index.claims('deepseek-v3.1').at(-1)?.range, at(2, 18, 22));
    index.delete('file:///a.md');
    assert.deepEqual(index.claims('deepseek-v3.1').map((c) => c.uri), ['file:///b.md']);
    assert.equal(index.hasClaims('file:///b.md'), true);
    assert.equal(index.set(entry('file:///b.md', 'DeepSeek-V3.1.\n')), true);
    assert.deepEqual(index.claims('deepseek-v3.1'), []);
  });

  /** What the index must answer for a set of notes, read straight from their analyses. */
  function expected(analyses: NoteAnalysis[], id: string) {
    const sorted = [...analyses].sort((a, b) => (a.uri < b.uri ? -1 : 1));
    const references = sorted.flatMap((a) => a.mentions.filter((m) => m.id === id || m.model === id).map((m) => ({ uri: a.uri, range: a.range(m) })));
    const claims = sorted.flatMap((a) =>
      a.claims.filter((c) => c.refersTo === id).map((c) => ({ refersTo: id, value: c.value, active: c.active, text: c.text, range: a.range(c), uri: a.uri })),
    );
    return { references, claims, mentions: references.length, notes: new Set(references.map((r) => r.uri)).size };
  }

  it(`answers exactly what the notes' analyses say, for random notes (seed ${SEED})`, () => {
    const { kb, index: aliases } = bundledKnowledge();
    const r = createRecognizers(kb, aliases);
    fc.assert(
      fc.property(fc.array(note, { minLength: 1, maxLength: 4 }), (texts) => {
        const analyses = texts.map((text, i) => analyzeNote(TextDocument.create(`file:///n${(i * 7) % 5}-${i}.md`, 'markdown', 1, text), r));
        const index = new NoteIndex();
        for (const a of analyses) index.set(indexedNote(a.uri, a));
        const ids = new Set(analyses.flatMap((a) => [...a.mentions.flatMap((m) => [m.id, m.model ?? m.id]), ...a.claims.flatMap((c) => c.refersTo ?? [])]));
        for (const id of ids) {
          const want = expected(analyses, id);
          assert.deepEqual(index.references(id), want.references);
          assert.deepEqual(index.firstReference(id), want.references[0]);
          assert.deepEqual(index.claims(id), want.claims);
          if (want.mentions > 0) assert.deepEqual(index.entities().find((e) => e.id === id), { id, mentions: want.mentions, notes: want.notes });
        }
        assert.equal(index.entities().length, new Set(analyses.flatMap((a) => a.mentions.flatMap((m) => (m.model ? [m.id, m.model] : [m.id])))).size);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('counts a product naming its model for both, at the same range', () => {
    const { kb, index: aliases } = bundledKnowledge();
    const r = createRecognizers(kb, aliases);
    const text = 'We asked ChatGPT-4o again.\n';
    const a = analyzeNote(TextDocument.create('file:///p.md', 'markdown', 1, text), r);
    const product = a.mentions.find((m) => m.model);
    assert.ok(product, 'ChatGPT-4o names a model');
    const index = new NoteIndex();
    index.set(indexedNote(a.uri, a));
    const range = a.range(product);
    assert.deepEqual(index.references(product.id), [{ uri: 'file:///p.md', range }]);
    assert.deepEqual(index.references(product.model!), [{ uri: 'file:///p.md', range }]);
    assert.deepEqual(indexedNote(a.uri, a).mentions, [
      { id: product.id, range },
      { id: product.model, range },
    ]);
  });
});
