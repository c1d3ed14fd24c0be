import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Hover, MarkupContent, SemanticTokens } from 'vscode-languageserver-protocol';
import { decodeSemanticTokens } from '../../server/src/features/semanticTokens';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeNote, createRecognizers, type NoteAnalysis } from '../../server/src/analysis';
import { bundledKnowledge } from '../support/knowledge';
import { repoRoot, sharedServer, type StartedClient } from '../support/lspClient';
import { positionOf } from '../support/text';
import { TempWorkspace } from '../support/tempWorkspace';

/**
 * Table cells read by their column header, links labelled with their site, bare short company
 * names (#13): the server's tokens and hovers and the CLI's `analyze --json` give the same
 * mentions and claims as the recognizers in process.
 */
const note = [
  'KT 요금제가 다음 달부터 오른다고 회사가 밝혔고, 고객들의 불만이 크다는 지적이 여러 지역에서 계속 이어지고 있다.',
  '',
  'KT and LG publish open models; weights on [🤗 Hugging Face](https://huggingface.co/LGAI-EXAONE), code on [GitHub repo](https://github.com/x/y).',
  '',
  '| Model | Params (B) | Context Length |',
  '| --- | ---: | --- |',
  '| Llama 3.1 | 8 | 128K |',
  '| [DeepSeek-V3.1](https://huggingface.co/deepseek-ai/DeepSeek-V3.1) | 700 | 10M |',
  '',
].join('\n');

/** The note as the server's recognizers analyse it, in this process. */
const analyze = (text: string, uri = 'file:///rules.md'): NoteAnalysis => {
  const { kb, index } = bundledKnowledge();
  return analyzeNote(TextDocument.create(uri, 'markdown', 1, text), createRecognizers(kb, index));
};

describe('protocol: recognition rules of #13 agree in tokens, hovers and the CLI', function () {
  const en = sharedServer({ locale: 'en' });
  let client: StartedClient;
  const ws = new TempWorkspace();
  const file = fileURLToPath(ws.write('rules.md', note));
  after(() => ws.dispose());

  it('colours exactly the recognizers’ mentions and claims', async () => {
    client = en();
    const uri = ws.fileUri('rules.md');
    await client.open(uri, note);
    const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    const a = analyze(note, uri);
    const expected = [
      ...a.mentions.map((m) => ({ at: m.start, row: [a.range(m).start.line, a.range(m).start.character, m.end - m.start, m.kind] })),
      ...a.claims.map((c) => ({ at: c.start, row: [a.range(c).start.line, a.range(c).start.character, c.end - c.start, 'parameterCount'] })),
    ]
      .sort((x, y) => x.at - y.at)
      .map((x) => x.row);
    assert.deepEqual(decodeSemanticTokens(tokens.data).map((t) => [t.line, t.start, t.length, t.type]), expected);
    // KT and LG in the paragraph about AI, not in the one about prices; no site label; the size column's cells only.
    assert.deepEqual(a.mentions.map((m) => m.text), ['KT', 'LG', 'Llama 3.1', 'DeepSeek-V3.1']);
    assert.deepEqual(a.claims.map((c) => [c.text, c.value, c.refersTo]), [
      ['8', 8e9, 'meta-llama-3.1-8b'],
      ['700', 700e9, 'deepseek-v3.1'],
    ]);
  });

  it('hovers a size cell as a count of its row’s model, and a site label as nothing', async () => {
    client = en();
    const uri = ws.fileUri('rules.md');
    await client.open(uri, note);
    const cell = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(note, '700') });
    const value = (cell?.contents as MarkupContent).value;
    assert.ok(value.startsWith('**700**'), value);
    assert.ok(value.includes('DeepSeek-V3.1'), value);
    const label = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(note, 'GitHub repo', { delta: 1 }) });
    assert.equal(label, null);
  });

  it('lists the same mentions and claims from the command line', () => {
    const r = spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), 'analyze', file, '--json'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const json = JSON.parse(r.stdout) as { files: { mentions: { text: string; id: string }[]; claims: { text: string; value: number; refersTo: string | null }[] }[] };
    const a = analyze(note);
    assert.deepEqual(json.files[0].mentions.map((m) => [m.text, m.id]), a.mentions.map((m) => [m.text, m.id]));
    assert.deepEqual(json.files[0].claims.map((c) => [c.text, c.value, c.refersTo]), a.claims.map((c) => [c.text, c.value, c.refersTo]));
  });
});
