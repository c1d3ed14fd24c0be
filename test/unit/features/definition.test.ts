import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeNote } from '../../../server/src/analysis';
import { definition } from '../../../server/src/features/definition';
import { loadBundledKnowledge } from '../../../server/src/knowledge/bundled';
import { createKnowledgeBase } from '../../../server/src/knowledge/knowledgeBase';
import { parseKnowledgeFile } from '../../../server/src/knowledge/parse';
import { buildAliasIndex } from '../../../server/src/recognize/aliasIndex';
import { analyze, bundledKnowledge, dataDir, repoRoot } from '../../support/knowledge';
import { rangeOf } from '../../support/text';

describe('definition', () => {
  const { kb } = bundledKnowledge();
  const note = '# V3.1\n\n딥시크(DeepSeek) V3.1은 DeepSeek보다 유명하다. `DeepSeek-V3` is code.\n';
  const analysis = analyze(note);
  const offsetOf = (needle: string, delta = 0) => note.indexOf(needle) + delta;
  const deepseekYaml = readFileSync(join(dataDir, 'deepseek.yaml'), 'utf8');

  it('goes from a compound Korean mention to the `id` key of its bundled entry', () => {
    const location = definition(analysis, offsetOf('V3.1은', 2), kb);
    assert.deepEqual(location, { uri: pathToFileURL(join(dataDir, 'deepseek.yaml')).href, range: keyRange(deepseekYaml, 'id: deepseek-v3.1') });
    assert.equal(deepseekYaml.split('\n')[location!.range.start.line].slice(location!.range.start.character), 'id: deepseek-v3.1');
  });

  it('finds the mention from its first character to just after its last', () => {
    const start = offsetOf('딥시크');
    const end = offsetOf('V3.1은', 'V3.1'.length);
    const v31 = keyRange(deepseekYaml, 'id: deepseek-v3.1');
    for (const offset of [start, start + 1, end]) assert.deepEqual(definition(analysis, offset, kb)?.range, v31, String(offset));
    // The organization mention right after goes to the organization entry.
    assert.deepEqual(definition(analysis, offsetOf('DeepSeek보다'), kb)?.range, keyRange(deepseekYaml, 'id: deepseek\n'));
  });

  it('gives null off a mention and in code', () => {
    assert.equal(definition(analysis, 0, kb), null);
    assert.equal(definition(analysis, offsetOf('유명'), kb), null);
    assert.equal(definition(analysis, offsetOf('DeepSeek-V3`', 3), kb), null);
  });

  it('prefers the user file that overrides a bundled entry', () => {
    const userPath = join(repoRoot, 'test', 'fixtures', 'knowledge', 'user-override.yaml');
    const userText = readFileSync(userPath, 'utf8');
    const user = parseKnowledgeFile(pathToFileURL(userPath).href, userText, { bundled: false });
    const merged = createKnowledgeBase([...loadBundledKnowledge(dataDir), user], 2);
    const text = 'DeepSeek-V3.1 and DeepSeek-V3.';
    const a = analyzeNote(TextDocument.create('file:///n.md', 'markdown', 1, text), { aliases: buildAliasIndex(merged), claims: () => [] });
    assert.deepEqual(definition(a, 1, merged), { uri: user.uri, range: keyRange(userText, 'id: deepseek-v3.1') });
    assert.deepEqual(definition(a, text.lastIndexOf('DeepSeek-V3'), merged)?.uri, pathToFileURL(join(dataDir, 'deepseek.yaml')).href);
  });

  it('spans the quoted key of an entry in a JSON file', () => {
    const json = '{\n  "models": [\n    { "id": "zeta-13b", "name": "Zeta-13B", "sources": [] }\n  ]\n}\n';
    const file = parseKnowledgeFile('file:///ws/.research-notes/extra.json', json, { bundled: false });
    const merged = createKnowledgeBase([...loadBundledKnowledge(dataDir), file], 3);
    const a = analyzeNote(TextDocument.create('file:///n.md', 'markdown', 1, 'We trained Zeta-13B.'), { aliases: buildAliasIndex(merged), claims: () => [] });
    assert.deepEqual(definition(a, 'We trained '.length, merged), {
      uri: 'file:///ws/.research-notes/extra.json',
      range: { start: { line: 2, character: 6 }, end: { line: 2, character: 10 } },
    });
    assert.equal(json.split('\n')[2].slice(6, 10), '"id"');
  });
});

/** Range of the `id` key of the line holding `needle`. */
function keyRange(text: string, needle: string) {
  const { start } = rangeOf(text, needle);
  return { start, end: { line: start.line, character: start.character + 2 } };
}
