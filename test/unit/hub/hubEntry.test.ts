import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { configFacts, entryYaml, hubEntry, hubEntryEdit, hubFailureMessage, hubNoticeMessage, hubOwners, isRepoId, modelNames, type HubModelFacts } from '../../../server/src/hub';
import { cleanText } from '../../../server/src/hub/text';
import { parseKnowledgeFile } from '../../../server/src/knowledge/parse';
import type { ModelEntity, OrganizationEntity } from '../../../server/src/knowledge/types';
import { fakeKnowledge } from '../../support/fakeKnowledge';
import { fableFacts } from '../../support/hubFacts';

const dense = fableFacts;

const moe: HubModelFacts = {
  repoId: 'deepseek-ai/DeepSeek-Fixture-MoE',
  createdAt: '2026-11-18T09:30:00.000Z',
  gated: false,
  safetensors: { total: 15707532800, dtypes: { BF16: 15706484224, F32: 1048576 } },
  license: 'other',
  licenseName: 'deepseek-fixture-license',
  config: { architectures: ['DeepseekV2ForCausalLM'], model_type: 'deepseek_v2', n_routed_experts: 64, n_shared_experts: 2, num_experts_per_tok: 6, num_active_parameters: 2415919104, max_position_embeddings: 163840, moe_intermediate_size: 1408 },
  configFile: 'read',
};

const deepseek: OrganizationEntity = { kind: 'organization', id: 'deepseek', name: 'DeepSeek', aliases: ['DeepSeek AI'], sources: [] };
const asOf = '2026-12-05';

describe('hub entry: Hub facts → a knowledge entry', () => {
  it('makes a dense model of an unknown owner, with a new organization, every fact cited to the Hub page', () => {
    const entry = hubEntry(dense, { asOf });
    assert.deepEqual(entry.model, {
      kind: 'model',
      id: 'fable-7b-instruct',
      name: 'Fable-7B-Instruct',
      aliases: ['Fable 7B Instruct', 'fable-lab/Fable-7B-Instruct'],
      organization: 'fable-lab',
      parameters: { total: 7241732096 },
      architecture: 'dense',
      architectureNote: 'LlamaForCausalLM (llama)',
      release: '2026-09-30',
      context: 32768,
      license: 'Apache 2.0',
      openWeights: true,
      notes: ['Release is the day the repository was created on the Hugging Face Hub (first published there).', "Context is config.json's `max_position_embeddings`."],
      sources: [{ url: 'https://huggingface.co/fable-lab/Fable-7B-Instruct', kind: 'model card' }],
      asOf,
    } satisfies ModelEntity);
    assert.deepEqual(entry.organization, {
      kind: 'organization',
      id: 'fable-lab',
      name: 'fable-lab',
      aliases: [],
      website: 'https://huggingface.co/fable-lab',
      sources: [{ url: 'https://huggingface.co/fable-lab', kind: 'website' }],
      asOf,
    });
    assert.deepEqual(entry.notices, []);
  });

  it('writes an MoE model of a known owner as YAML in the layout of the bundled data', () => {
    const kb = fakeKnowledge([deepseek]);
    const entry = hubEntry(moe, { asOf, knowledge: kb, owners: new Map([['deepseek-ai', 'deepseek']]) });
    assert.equal(entry.organization, undefined);
    assert.equal(
      entryYaml(entry),
      [
        'models:',
        '  - id: deepseek-fixture-moe',
        '    name: DeepSeek-Fixture-MoE',
        '    aliases: ["DeepSeek Fixture MoE", "deepseek-ai/DeepSeek-Fixture-MoE"]',
        '    organization: deepseek',
        '    parameters:',
        '      total: 15707532800',
        '      active: 2415919104',
        '    architecture: moe',
        '    architectureNote: "DeepseekV2ForCausalLM (deepseek_v2); 64 experts + 2 shared, 6 per token"',
        '    release: 2026-11-18',
        '    context: 163840',
        '    license: "deepseek-fixture-license"',
        '    openWeights: true',
        '    notes:',
        '      - "Release is the day the repository was created on the Hugging Face Hub (first published there)."',
        '      - "Context is config.json\'s `max_position_embeddings`."',
        '    sources:',
        '      - { url: "https://huggingface.co/deepseek-ai/DeepSeek-Fixture-MoE", kind: model card }',
        '    asOf: 2026-12-05',
        '',
      ].join('\n'),
    );
  });

  it('writes YAML that loads back as the same entities, without a problem', () => {
    const entry = hubEntry(dense, { asOf, endpoint: 'https://hf-mirror.example' });
    const file = parseKnowledgeFile('file:///k.yaml', entryYaml(entry), { bundled: false });
    assert.deepEqual(file.problems, []);
    assert.deepEqual(file.entities, [entry.organization, entry.model]);
    assert.deepEqual(entry.model.sources, [{ url: 'https://huggingface.co/fable-lab/Fable-7B-Instruct', kind: 'model card', readVia: 'https://hf-mirror.example/fable-lab/Fable-7B-Instruct' }]);
  });

  it('leaves out what the Hub does not state, and says why', () => {
    const bin: HubModelFacts = { repoId: 'legacy-lab/Legacy-Bin-1B', createdAt: '2022-03-02T23:29:04.000Z', gated: false, license: 'mit', config: { model_type: 'gpt2', n_positions: 1024 }, configFile: 'read' };
    const entry = hubEntry(bin, { asOf });
    assert.deepEqual(
      { parameters: entry.model.parameters, release: entry.model.release, openWeights: entry.model.openWeights, context: entry.model.context, notes: entry.model.notes },
      { parameters: undefined, release: undefined, openWeights: undefined, context: 1024, notes: ["Context is config.json's `n_positions`."] },
    );
    assert.deepEqual(entry.notices, [{ kind: 'noSafetensors', repo: 'legacy-lab/Legacy-Bin-1B' }]);
    assert.equal(hubNoticeMessage(entry.notices[0], 'en'), "'legacy-lab/Legacy-Bin-1B' has no safetensors weights, so the Hub states no parameter count: the entry has none.");
    assert.equal(hubNoticeMessage(entry.notices[0], 'ko'), "'legacy-lab/Legacy-Bin-1B'에는 safetensors 가중치가 없어 Hub가 매개변수 수를 알려 주지 않습니다. 항목에 매개변수 수를 넣지 않았습니다.");
  });

  it('never takes the count of packed quantized weights, nor architecture from a config it could not read', () => {
    const gptq: HubModelFacts = { ...dense, repoId: 'fable-lab/Fable-7B-Instruct-GPTQ', safetensors: { total: 1932267520, dtypes: { I32: 880803840, F16: 1051463680 } }, config: { ...dense.config, quantization_config: { quant_method: 'gptq' } } };
    const entry = hubEntry(gptq, { asOf });
    assert.equal(entry.model.parameters, undefined);
    assert.equal(hubNoticeMessage(entry.notices[0], 'en'), "'fable-lab/Fable-7B-Instruct-GPTQ' holds quantized, packed weights: the Hub's count (1,932,267,520) is not the model's parameter count, so the entry has none.");
    const gated = hubEntry({ ...dense, gated: 'manual', config: { architectures: ['LlamaForCausalLM'], model_type: 'llama' }, configFile: 'gated' }, { asOf });
    assert.deepEqual([gated.model.architecture, gated.model.context, gated.model.parameters], [undefined, undefined, { total: 7241732096 }]);
    assert.deepEqual(gated.notices, [{ kind: 'configGated', repo: 'fable-lab/Fable-7B-Instruct' }]);
  });

  it('adds to a model the knowledge base has only the facts it lacks, keeping its sources and notes', () => {
    const known: ModelEntity = {
      kind: 'model',
      id: 'fable-7b',
      name: 'Fable 7B',
      aliases: ['Fable-7B-Instruct'],
      organization: 'fable',
      release: '2026-09',
      notes: ['Curated.'],
      sources: [{ url: 'https://fable.example/blog', kind: 'announcement' }],
    };
    const fable: OrganizationEntity = { kind: 'organization', id: 'fable', name: 'Fable', aliases: [], sources: [] };
    const entry = hubEntry(dense, { asOf, knowledge: fakeKnowledge([known, fable]) });
    assert.equal(entry.organization, undefined);
    assert.deepEqual(entry.model, {
      kind: 'model',
      id: 'fable-7b',
      name: 'Fable 7B',
      aliases: ['fable-lab/Fable-7B-Instruct'],
      parameters: { total: 7241732096 },
      architecture: 'dense',
      architectureNote: 'LlamaForCausalLM (llama)',
      context: 32768,
      license: 'Apache 2.0',
      openWeights: true,
      notes: ['Curated.', "Context is config.json's `max_position_embeddings`."],
      sources: [
        { url: 'https://fable.example/blog', kind: 'announcement' },
        { url: 'https://huggingface.co/fable-lab/Fable-7B-Instruct', kind: 'model card' },
      ],
      asOf,
    });
    assert.equal(
      hubNoticeMessage(entry.notices[0], 'en'),
      "The knowledge base already has Fable 7B ('fable-7b'): the entry adds only the facts it lacks (parameters, architecture, architectureNote, context, license, openWeights).",
    );
  });

  it('names the model by its repo name and its spaced form', () => {
    assert.deepEqual(modelNames('deepseek-ai/DeepSeek-V3.1'), ['DeepSeek-V3.1', 'DeepSeek V3.1', 'deepseek-ai/DeepSeek-V3.1']);
    assert.deepEqual(modelNames('42dot/42dot_LLM-PLM-1.3B'), ['42dot_LLM-PLM-1.3B', '42dot LLM PLM 1.3B', '42dot/42dot_LLM-PLM-1.3B']);
  });
});

describe('hub config: what config.json states', () => {
  it('reads the language model of a multimodal config, and per-layer lists of one value', () => {
    const facts = configFacts({ architectures: ['Llama4ForConditionalGeneration'], model_type: 'llama4', text_config: { max_position_embeddings: 10485760, num_local_experts: 16, num_experts_per_tok: [1, 1, 1] } }, true);
    assert.deepEqual(facts, {
      architectureClass: 'Llama4ForConditionalGeneration',
      modelType: 'llama4',
      context: { key: 'text_config.max_position_embeddings', value: 10485760 },
      experts: 16,
      expertsPerToken: 1,
      sharedExperts: undefined,
      active: undefined,
      architecture: 'moe',
      quantized: false,
    });
  });

  it('says neither dense nor MoE for an expert setting it does not know, nor for a partial config', () => {
    assert.equal(configFacts({ model_type: 'x', moe_layer_freq: 2 }, true).architecture, undefined);
    assert.equal(configFacts({ model_type: 'x', moe_topk: [2, 4] }, true).expertsPerToken, undefined);
    assert.equal(configFacts({ model_type: 'llama' }, false).architecture, undefined);
    assert.equal(configFacts({ model_type: 'llama', num_experts: 1 }, true).architecture, 'dense');
  });
});

describe('hub owners: the Hub owner → an organization of the knowledge base', () => {
  it('takes the organization the models citing the owner belong to, then the listed places, then aliases', () => {
    const naver: OrganizationEntity = { kind: 'organization', id: 'naver', name: 'Naver', aliases: [], sources: [] };
    const naverCloud: OrganizationEntity = { kind: 'organization', id: 'naver-cloud', name: 'Naver Cloud', aliases: [], sources: [] };
    const yi: OrganizationEntity = { kind: 'organization', id: '01-ai', name: '01.AI', aliases: ['01-ai'], sources: [] };
    const model: ModelEntity = { kind: 'model', id: 'hcx', name: 'HCX', aliases: [], organization: 'naver-cloud', sources: [{ url: 'https://huggingface.co/naver-hyperclovax/HCX-SEED' }] };
    const owners = hubOwners(fakeKnowledge([naver, naverCloud, yi, deepseek, model]), {
      organizations: { naver: { huggingface: ['naver-hyperclovax', 'naver'] }, deepseek: { huggingface: ['deepseek-ai'] } },
    });
    assert.deepEqual([...owners], [
      ['naver-hyperclovax', 'naver-cloud'],
      ['naver', 'naver'],
      ['deepseek-ai', 'deepseek'],
      ['naver-cloud', 'naver-cloud'],
      ['01-ai', '01-ai'],
      ['deepseek', 'deepseek'],
    ]);
  });
});

describe('hub entry edit: one workspace edit to the knowledge file', () => {
  const uri = 'file:///ws/.research-notes/entities.yaml';
  const entry = hubEntry(dense, { asOf });
  const apply = (existing: string, edit: WorkspaceEdit): string => {
    const changes = edit.documentChanges!.filter((c): c is TextDocumentEdit => 'edits' in c);
    assert.equal(changes.length, 1);
    return TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, existing), changes[0].edits as TextEdit[]);
  };

  it('creates the file when it does not exist, never overwriting one', () => {
    const result = hubEntryEdit(uri, undefined, entry);
    assert.ok('edit' in result);
    assert.deepEqual(result.edit.documentChanges![0], { kind: 'create', uri, options: { ignoreIfExists: true } });
    const text = apply('', result.edit);
    assert.equal(text, `# Research Notes knowledge file: models, organizations and ignored names of this workspace.\n${entryYaml(entry)}`);
    assert.deepEqual(parseKnowledgeFile(uri, text, { bundled: false }).problems, []);
  });

  it('appends the model to the models list and adds the organizations list, keeping the rest', () => {
    const existing = '# mine\nmodels:\n  - id: foo-70b\n    name: Foo-70B\n    aliases: []\n    sources: []\n';
    const result = hubEntryEdit(uri, existing, entry, 3);
    assert.ok('edit' in result);
    const text = apply(existing, result.edit);
    assert.equal((result.edit.documentChanges![0] as TextDocumentEdit).textDocument.version, 3);
    assert.ok(text.startsWith(`${existing}  - id: fable-7b-instruct\n`), text);
    assert.ok(text.endsWith('\norganizations:\n  - id: fable-lab\n    name: fable-lab\n    aliases: []\n    website: "https://huggingface.co/fable-lab"\n    sources:\n      - { url: "https://huggingface.co/fable-lab", kind: website }\n    asOf: 2026-12-05\n'), text);
    const parsed = parseKnowledgeFile(uri, text, { bundled: false });
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.entities.map((e) => e.id), ['foo-70b', 'fable-7b-instruct', 'fable-lab']);
  });

  it('does not repeat an organization the file has, and refuses a model id the file has or a file it cannot read', () => {
    const withOrg = 'organizations:\n  - id: fable-lab\n    name: Fable Lab\n';
    const result = hubEntryEdit(uri, withOrg, entry);
    assert.ok('edit' in result);
    assert.deepEqual(parseKnowledgeFile(uri, apply(withOrg, result.edit), { bundled: false }).entities.map((e) => e.id), ['fable-lab', 'fable-7b-instruct']);
    assert.deepEqual(hubEntryEdit(uri, 'models:\n  - id: fable-7b-instruct\n    name: X\n', entry), { problem: 'exists', id: 'fable-7b-instruct' });
    assert.deepEqual(hubEntryEdit(uri, 'models: [oops\n', entry), { problem: 'unreadable' });
  });
});

describe('hub text and messages', () => {
  it('checks repo ids and cleans untrusted text', () => {
    assert.deepEqual(['deepseek-ai/DeepSeek-V3.1', 'a/b/c', '../x/y', 'x', 'a/b c', 'a/..'].map(isRepoId), [true, false, false, false, false, false]);
    assert.equal(cleanText('Llama\u202e License\u0007\n v2', 100), 'Llama License v2');
    assert.equal(cleanText('x'.repeat(101), 100), undefined);
    assert.equal(cleanText(42, 100), undefined);
  });

  it('says each failure in English and Korean', () => {
    const context = { endpoint: 'https://huggingface.co', timeoutMs: 10_000 };
    assert.equal(hubFailureMessage({ kind: 'gated', repo: 'meta-llama/Llama-3.1-8B', status: 403 }, 'en', context), "'meta-llama/Llama-3.1-8B' is gated: accept its conditions at https://huggingface.co/meta-llama/Llama-3.1-8B and use an access token of an account that has access.");
    assert.equal(hubFailureMessage({ kind: 'timeout', repo: 'a/b' }, 'ko', context), 'https://huggingface.co의 Hugging Face Hub가 10초 안에 응답하지 않았습니다.');
    assert.equal(hubFailureMessage({ kind: 'offline', repo: 'a/b', detail: 'ENOTFOUND' }, 'en', context), 'Cannot reach the Hugging Face Hub at https://huggingface.co (ENOTFOUND). Check the network connection and the endpoint.');
    assert.equal(hubFailureMessage({ kind: 'rateLimited', repo: 'a/b', status: 429 }, 'ko', context), 'Hugging Face Hub가 요청을 제한하고 있습니다(429). 몇 분 뒤에 다시 시도하거나 액세스 토큰을 사용하세요.');
  });
});
