/**
 * What a model's `config.json` states, read by the keys each architecture uses for it: context
 * length, expert counts, a stated active-parameter count. Only stated values are read; a value
 * of the wrong type or an inconsistent list is treated as not stated.
 */
import { identifier, positiveInteger, record } from './text';

/** The facts of a configuration, each present only when the configuration states it. */
export interface ConfigFacts {
  /** The first of `architectures` (`DeepseekV3ForCausalLM`). */
  architectureClass?: string;
  /** `model_type` (`deepseek_v3`). */
  modelType?: string;
  /** The context length and the key that states it (`max_position_embeddings`, `text_config.n_positions`). */
  context?: { key: string; value: number };
  /** Routed experts (`n_routed_experts`, `num_local_experts`, `num_experts`, `moe_num_experts`). */
  experts?: number;
  /** Experts each token is routed to (`num_experts_per_tok`, `moe_topk`, ...). */
  expertsPerToken?: number;
  /** Shared experts every token also uses (`n_shared_experts`, ...). */
  sharedExperts?: number;
  /** An active-parameter count the configuration states outright. */
  active?: number;
  /** `moe` with more than one expert; `dense` only when the whole file was read and names no experts at all. */
  architecture?: 'dense' | 'moe';
  /** A `quantization_config` is present: the stored tensors may be packed. */
  quantized: boolean;
}

/** Sections of a multimodal configuration that hold the language model's settings. */
const LAYERS = ['text_config', 'language_config', 'llm_config'];
const CONTEXT_KEYS = ['max_position_embeddings', 'n_positions', 'max_seq_len', 'seq_length', 'max_sequence_length', 'n_ctx'];
const EXPERT_KEYS = ['n_routed_experts', 'num_local_experts', 'num_experts', 'moe_num_experts'];
const PER_TOKEN_KEYS = ['num_experts_per_tok', 'num_experts_per_token', 'experts_per_token', 'moe_topk', 'moe_k'];
const SHARED_KEYS = ['n_shared_experts', 'num_shared_experts', 'moe_num_shared_experts'];
const ACTIVE_KEYS = ['num_active_parameters', 'num_active_params', 'active_parameters'];

/** The facts `config` states; `wholeFile` is true when it includes `config.json` itself. */
export function configFacts(config: Record<string, unknown> | undefined, wholeFile: boolean): ConfigFacts {
  const layers = layersOf(config);
  const architectures = config?.architectures;
  const facts: ConfigFacts = {
    architectureClass: Array.isArray(architectures) ? identifier(architectures[0]) : undefined,
    modelType: identifier(config?.model_type),
    context: first(layers, CONTEXT_KEYS),
    experts: first(layers, EXPERT_KEYS)?.value,
    expertsPerToken: first(layers, PER_TOKEN_KEYS)?.value,
    sharedExperts: first(layers, SHARED_KEYS)?.value,
    active: first(layers, ACTIVE_KEYS)?.value,
    quantized: record(config?.quantization_config) !== undefined,
  };
  if ((facts.experts ?? 0) > 1) facts.architecture = 'moe';
  else if (wholeFile && !namesExperts(layers)) facts.architecture = 'dense';
  return facts;
}

/** The configuration and its language-model sections, each with the key prefix that reaches it. */
function layersOf(config: Record<string, unknown> | undefined): { prefix: string; values: Record<string, unknown> }[] {
  if (!config) return [];
  const nested = LAYERS.flatMap((key) => {
    const values = record(config[key]);
    return values ? [{ prefix: `${key}.`, values }] : [];
  });
  return [{ prefix: '', values: config }, ...nested];
}

/** The first of `keys` that a layer states as a positive integer (or a list of one repeated integer). */
function first(layers: ReturnType<typeof layersOf>, keys: readonly string[]): { key: string; value: number } | undefined {
  for (const { prefix, values } of layers) {
    for (const key of keys) {
      const value = uniformInteger(values[key]);
      if (value !== undefined) return { key: prefix + key, value };
    }
  }
  return undefined;
}

/** `8`, or `[8, 8, 8]` (one value per layer); a list of different values states no one value. */
function uniformInteger(value: unknown): number | undefined {
  if (!Array.isArray(value)) return positiveInteger(value);
  const values = value.map(positiveInteger);
  return values.length > 0 && values.every((v) => v !== undefined && v === values[0]) ? values[0] : undefined;
}

/** Any expert or MoE setting with a value beyond "none" (0, 1, false, null, empty), known key or not. */
function namesExperts(layers: ReturnType<typeof layersOf>): boolean {
  return layers.some(({ values }) =>
    Object.entries(values).some(([key, value]) => /expert|moe/i.test(key) && !(value === null || value === false || value === 0 || value === 1 || value === '' || (Array.isArray(value) && value.length === 0))),
  );
}
