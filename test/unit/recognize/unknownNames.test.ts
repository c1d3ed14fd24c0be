import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeNote } from '../../../server/src/analysis';
import { unknownNameDiagnostics } from '../../../server/src/features/unknownNames';
import { sizeInName } from '../../../server/src/recognize/unknownNames';
import { loadBundledKnowledge } from '../../../server/src/knowledge/bundled';
import { createKnowledgeBase } from '../../../server/src/knowledge/knowledgeBase';
import { parseKnowledgeFile } from '../../../server/src/knowledge/parse';
import { buildAliasIndex } from '../../../server/src/recognize/aliasIndex';
import { analyze, bundledKnowledge, dataDir, examplesDir, repoRoot } from '../../support/knowledge';
import { rangeOf } from '../../support/text';

describe('unknown names', () => {
  const { kb } = bundledKnowledge();
  const names = (text: string) => unknownNameDiagnostics(analyze(text), kb, 'en').map((d) => (d.data as { name: string }).name);

  it('reports an unknown model-like name as a Hint with its name', () => {
    const text = '# Baselines\n\nWe fine-tuned Foo-70B on the same data.';
    assert.deepEqual(unknownNameDiagnostics(analyze(text), kb, 'en'), [
      {
        range: rangeOf(text, 'Foo-70B'),
        severity: 4,
        code: 'entity.unknown',
        source: 'research-notes',
        message: "Unknown model 'Foo-70B': not in the knowledge base.",
        data: { name: 'Foo-70B' },
      },
    ]);
    assert.deepEqual(rangeOf(text, 'Foo-70B'), { start: { line: 2, character: 14 }, end: { line: 2, character: 21 } });
    assert.equal(unknownNameDiagnostics(analyze(text), kb, 'ko')[0].message, "알 수 없는 모델 'Foo-70B': 지식 베이스에 없습니다.");
  });

  const reported: [string, string[]][] = [
    ['We tried Foo-70B today.', ['Foo-70B']],
    ['BarLM 2.5 is new, and so is Qwen9-Max.', ['BarLM 2.5', 'Qwen9-Max']],
    ['Zeta-13B and NovaLM-7B-Instruct were close.', ['Zeta-13B', 'NovaLM-7B-Instruct']],
    ['It beat Kestrel 40B, PaLX 540B and OPX-175B.', ['Kestrel 40B', 'PaLX 540B', 'OPX-175B']],
    ['We compare Gemmo 3 4B, Yo 34B and Chinchillo 70B.', ['Gemmo 3 4B', 'Yo 34B', 'Chinchillo 70B']],
    ['CodeLlamo-34B, DeepSeekMagic-7B and Qwen9.5-7B.', ['CodeLlamo-34B', 'DeepSeekMagic-7B', 'Qwen9.5-7B']],
    // Known now (bundled data), so no longer reported.
    ['It beat Falcon 40B and OPT-175B; Gemma 3 4B and Yi 34B; Qwen2.5-7B.', []],
    ['PaLM 540B, Chinchilla 70B and CodeLlama-34B.', []],
    ['InternLM9.5 and Foo-235B-A22B-v0.1 too.', ['InternLM9.5', 'Foo-235B-A22B-v0.1']],
    ['‘Foo-70B’는 이번에 Bar 70B를 공개했다.', ['Foo-70B', 'Bar 70B']],
    ['**Foo-70B**-based results, *BarLM-2*.', ['Foo-70B', 'BarLM-2']],
  ];
  for (const [text, expected] of reported) it(`reports ${expected.join(', ')}`, () => assert.deepEqual(names(text), expected));

  const ordinary = [
    'Figure 3 shows it; Table 1 lists them; see Section 2.1, Chapter 4 and Figure 3b.',
    'We used 8 A100 GPUs and H100 nodes with Python 3.12 on Windows 11.',
    'COVID-19 data from Q3 2025; Top-5 accuracy on ImageNet-1K.',
    'GPT-4 Turbo and DeepSeek-V2 extend known names; Mistral 7B extends Mistral.',
    'Roughly 70B tokens. Over 7B, gains flatten. Wikipedia 3B tokens.',
    '## Why Training 70B Models Is Hard',
    '## Going Beyond 100B With Two 7B Models',
    'PyTorch 2.1, SQuAD 2.0, AlpacaEval 2.0, WikiText-103, PowerPoint 2019, NeurIPS 2024.',
    'US 10B, USD 10B, H100-80GB, GPT-3.5, RTX 4090, BarLM alone, Qwen9 alone.',
    'The NovaLM 3 times faster claim; pre-Foo-70B runs; meta-llama/Foo-70B.',
    'SKT의 5G, K-AI, AI, LLM, GPU.',
  ];
  for (const text of ordinary) it(`reports nothing in: ${text}`, () => assert.deepEqual(names(text), []));

  it('never looks into code, URLs or front matter', () => {
    assert.deepEqual(names('---\ntitle: Foo-70B\n---\n\n`Foo-70B` and <https://x.org/Foo-70B>\n\n```\nFoo-70B\n```\n'), []);
  });

  it('reports nothing in the example note', () => {
    assert.deepEqual(names(readFileSync(join(examplesDir, 'skt-500b-ko.md'), 'utf8')), []);
  });

  it('reports nothing in ordinary research prose with capitalized words and numbers', () => {
    const text = readFileSync(join(repoRoot, 'test', 'fixtures', 'unknown', 'ordinary.md'), 'utf8');
    const analysis = analyze(text);
    assert.deepEqual(unknownNameDiagnostics(analysis, kb, 'en'), []);
    // The fixture names known models too, so the overlap rule is exercised.
    assert.ok(['GPT-4', 'DeepSeek-V3.1', 'Llama 3.1 405B', 'Qwen3-235B-A22B', 'Mixtral 8x7B'].every((m) => analysis.mentions.some((x) => x.text === m)));
  });

  it('honours `ignore:` entries, by the whole name or its first word, normalized', () => {
    const user = parseKnowledgeFile('file:///ws/.research-notes/entities.yaml', 'ignore:\n  - foo 70b\n  - BarLM\n', { bundled: false });
    const withIgnores = createKnowledgeBase([...loadBundledKnowledge(dataDir), user], 2);
    const text = 'Foo-70B, FOO 70B, BarLM 2.5, BarLM-7B and Zeta-13B.';
    const analysis = analyzeNote(TextDocument.create('file:///n.md', 'markdown', 1, text), { aliases: buildAliasIndex(withIgnores), claims: () => [] });
    assert.deepEqual(unknownNameDiagnostics(analysis, withIgnores, 'en').map((d) => d.message), ["Unknown model 'Zeta-13B': not in the knowledge base."]);
  });

  it('reads the parameter counts a name states', () => {
    assert.deepEqual(sizeInName('Foo-70B'), { total: 70_000_000_000 });
    assert.deepEqual(sizeInName('Zeta 1.5B'), { total: 1_500_000_000 });
    assert.deepEqual(sizeInName('NovaLM-7b-Instruct'), { total: 7_000_000_000 });
    assert.deepEqual(sizeInName('Foo-235B-A22B'), { total: 235_000_000_000, active: 22_000_000_000 });
    assert.deepEqual(sizeInName('Tiny-350M'), { total: 350_000_000 });
    assert.deepEqual(sizeInName('Big-1.8T'), { total: 1_800_000_000_000 });
    assert.deepEqual(sizeInName('Mixtral-8x7B'), {});
    assert.deepEqual(sizeInName('BarLM 2.5'), {});
  });
});
