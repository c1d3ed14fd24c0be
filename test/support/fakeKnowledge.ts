import type { Entity, EntityOrigin, KnowledgeBase, ModelEntity, OrganizationEntity, FamilyEntity } from '../../server/src/knowledge/types';

/**
 * A hand-built knowledge base for unit tests: the `KnowledgeBase` interface over a list of
 * entities, with none of the loading. Facts follow `../shared/facts/facts.yaml`, trimmed.
 */
export function fakeKnowledge(entities: readonly Entity[], version = 1): KnowledgeBase {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const models = entities.filter((e): e is ModelEntity => e.kind === 'model');
  return {
    version,
    get: (id) => byId.get(id),
    all: () => entities,
    origin: (id): EntityOrigin | undefined => (byId.has(id) ? { uri: 'memory:/fake.yaml', line: 0, character: 0, bundled: false } : undefined),
    modelsOf: (orgId) => models.filter((m) => m.organization === orgId),
    membersOf: (familyId) => {
      const family = byId.get(familyId);
      const listed = family?.kind === 'family' ? family.members ?? [] : [];
      return models.filter((m) => m.family === familyId || listed.includes(m.id));
    },
    problems: [],
    ignored: new Set(),
  };
}

const org = (id: string, name: string, aliases: string[] = [], extra: Partial<OrganizationEntity> = {}): OrganizationEntity => ({
  kind: 'organization',
  id,
  name,
  aliases,
  sources: [],
  ...extra,
});

const model = (m: Omit<ModelEntity, 'kind'>): ModelEntity => ({ kind: 'model', ...m });

export const sampleEntities: Entity[] = [
  org('deepseek', 'DeepSeek', ['딥시크', 'DeepSeek AI']),
  org('meta', 'Meta', ['메타']),
  org('alibaba-qwen', 'Alibaba Qwen', ['Qwen team']),
  org('mistral-ai', 'Mistral AI', ['미스트랄']),
  org('openai', 'OpenAI', ['오픈AI']),
  org('lg-ai-research', 'LG AI Research', ['LG AI연구원']),
  org('sk-telecom', 'SK Telecom', ['SKT', 'SK텔레콤']),
  model({
    id: 'deepseek-v3.1',
    name: 'DeepSeek-V3.1',
    aliases: ['DeepSeek V3.1', '딥시크 V3.1'],
    organization: 'deepseek',
    parameters: {
      total: 671e9,
      active: 37e9,
      alternates: [{ total: 685e9, note: 'incl. 14B multi-token-prediction module (Hugging Face count)' }],
    },
    architecture: 'moe',
    release: '2025-08-21',
    context: 131072,
    license: 'MIT',
    openWeights: true,
    sources: [{ url: 'https://huggingface.co/deepseek-ai/DeepSeek-V3.1', kind: 'model card' }, { url: 'https://api-docs.deepseek.com/updates', kind: 'announcement' }],
    asOf: '2026-11-30',
  }),
  model({
    id: 'llama-3.1-405b',
    name: 'Llama 3.1 405B',
    aliases: ['Llama-3.1-405B', '라마 3.1 405B'],
    organization: 'meta',
    parameters: { total: 405e9 },
    architecture: 'dense',
    release: '2024-07-23',
    context: 131072,
    license: 'Llama 3.1 Community License',
    openWeights: true,
    sources: [{ url: 'https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/MODEL_CARD.md', kind: 'model card' }],
    asOf: '2026-11-30',
  }),
  model({
    id: 'qwen3-235b-a22b',
    name: 'Qwen3-235B-A22B',
    aliases: ['Qwen3 235B'],
    organization: 'alibaba-qwen',
    parameters: { total: 235e9, active: 22e9 },
    architecture: 'moe',
    release: '2025-04-29',
    context: 32768,
    license: 'Apache 2.0',
    openWeights: true,
    sources: [{ url: 'https://github.com/QwenLM/Qwen3/blob/main/README.md', kind: 'repository' }],
    asOf: '2026-11-30',
  }),
  model({
    id: 'mixtral-8x7b',
    name: 'Mixtral 8x7B',
    aliases: ['Mixtral-8x7B', '믹스트랄 8x7B'],
    organization: 'mistral-ai',
    parameters: { total: 46.7e9, active: 13e9, note: 'Not 8 × 7 = 56B: experts share attention layers' },
    architecture: 'moe',
    release: '2023-12',
    context: 32768,
    license: 'Apache 2.0',
    openWeights: true,
    sources: [{ url: 'https://simonwillison.net/2024/Jan/9/mixtral-of-experts/', kind: 'press', secondary: true }, { url: 'https://arxiv.org/abs/2401.04088', kind: 'paper' }],
    asOf: '2026-11-30',
    unverified: ['release'],
  }),
  model({
    id: 'gpt-4',
    name: 'GPT-4',
    aliases: ['GPT4'],
    organization: 'openai',
    parameters: { disclosed: false },
    release: '2023-03',
    context: 8192,
    license: 'Proprietary',
    openWeights: false,
    sources: [{ url: 'https://arxiv.org/abs/2303.08774', kind: 'paper' }],
    asOf: '2026-11-30',
  }),
  {
    kind: 'family',
    id: 'exaone',
    name: 'EXAONE',
    aliases: ['엑사원'],
    organization: 'lg-ai-research',
    members: ['exaone-4.0-32b'],
    sources: [],
  } satisfies FamilyEntity,
  model({
    id: 'exaone-4.0-32b',
    name: 'EXAONE 4.0 32B',
    aliases: ['엑사원 4.0 32B'],
    family: 'exaone',
    organization: 'lg-ai-research',
    parameters: { total: 32e9 },
    architecture: 'dense',
    openWeights: true,
    sources: [],
  }),
];
