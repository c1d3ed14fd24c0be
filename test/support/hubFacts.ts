import type { HubModelFacts } from '../../server/src/hub';

/** Facts as `fetchModelFacts` gives them for a dense model the knowledge base lacks, of an unknown owner. */
export const fableFacts: HubModelFacts = {
  repoId: 'fable-lab/Fable-7B-Instruct',
  createdAt: '2026-09-30T12:00:01.000Z',
  gated: false,
  safetensors: { total: 7241732096, dtypes: { BF16: 7241732096 } },
  license: 'apache-2.0',
  config: { architectures: ['LlamaForCausalLM'], model_type: 'llama', max_position_embeddings: 32768 },
  configFile: 'read',
};
