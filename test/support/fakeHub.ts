import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the Hugging Face Hub (127.0.0.1, a free port): the routes `@huggingface/hub`
 * calls for `listModels` (`GET /api/models?search=…`), `modelInfo`
 * (`GET /api/models/:owner/:name/revision/:rev?expand=…`) and `downloadFile` (`GET
 * /:owner/:name/resolve/:rev/:path`, first with `Range: bytes=0-0`, then whole), answering with
 * fixtures shaped like the real Hub's answers, including its `X-Error-Code` refusals. It records
 * every request it receives. No test touches the internet.
 */
export interface RecordedRequest {
  method: string;
  /** Path and query. */
  url: string;
  authorization?: string;
  range?: string;
}

export interface FakeHub {
  /** `http://127.0.0.1:PORT`: the endpoint to give the lookup (`HF_ENDPOINT`). */
  endpoint: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** A model the fake Hub knows: its model-info JSON and its `config.json` (absent when undefined). */
export interface Repo {
  info: Record<string, unknown>;
  config?: Record<string, unknown>;
  /** `config.json` needs a token listed here (a gated repo). */
  configTokens?: string[];
}

const SHA = 'a'.repeat(40);

/** The fixtures, by repo id. Counts are made up for the tests, shaped like real safetensors metadata. */
export const HUB_REPOS: Record<string, Repo> = {
  // A dense model of an owner the knowledge base does not know.
  'fable-lab/Fable-7B-Instruct': {
    info: {
      _id: '66a1f0c2e4b0a1b2c3d4e5f6',
      id: 'fable-lab/Fable-7B-Instruct',
      private: false,
      pipeline_tag: 'text-generation',
      gated: false,
      downloads: 48213,
      likes: 312,
      lastModified: '2026-10-02T08:15:30.000Z',
      createdAt: '2026-09-30T12:00:01.000Z',
      sha: SHA,
      safetensors: { parameters: { BF16: 7241732096 }, total: 7241732096 },
      cardData: { license: 'apache-2.0', language: ['en', 'ko'], library_name: 'transformers' },
      config: { architectures: ['LlamaForCausalLM'], model_type: 'llama', tokenizer_config: { bos_token: '<s>', eos_token: '</s>' } },
    },
    config: {
      architectures: ['LlamaForCausalLM'],
      model_type: 'llama',
      hidden_size: 4096,
      num_hidden_layers: 32,
      num_attention_heads: 32,
      num_key_value_heads: 8,
      max_position_embeddings: 32768,
      rope_theta: 1000000.0,
      torch_dtype: 'bfloat16',
      vocab_size: 128256,
    },
  },
  // An MoE model of an owner the knowledge base knows (deepseek-ai → DeepSeek), its active count stated.
  'deepseek-ai/DeepSeek-Fixture-MoE': {
    info: {
      _id: '66b2f0c2e4b0a1b2c3d4e5f7',
      id: 'deepseek-ai/DeepSeek-Fixture-MoE',
      private: false,
      pipeline_tag: 'text-generation',
      gated: false,
      downloads: 1024,
      likes: 7,
      lastModified: '2026-11-20T01:02:03.000Z',
      createdAt: '2026-11-18T09:30:00.000Z',
      sha: SHA,
      safetensors: { parameters: { BF16: 15706484224, F32: 1048576 }, total: 15707532800 },
      cardData: { license: 'other', license_name: 'deepseek-fixture-license', license_link: 'LICENSE' },
      config: { architectures: ['DeepseekV2ForCausalLM'], model_type: 'deepseek_v2', auto_map: { AutoConfig: 'configuration_deepseek.DeepseekV2Config' } },
    },
    config: {
      architectures: ['DeepseekV2ForCausalLM'],
      model_type: 'deepseek_v2',
      hidden_size: 2048,
      num_hidden_layers: 27,
      moe_intermediate_size: 1408,
      n_routed_experts: 64,
      n_shared_experts: 2,
      num_experts_per_tok: 6,
      first_k_dense_replace: 1,
      num_active_parameters: 2415919104,
      max_position_embeddings: 163840,
      rope_scaling: { type: 'yarn', factor: 40, original_max_position_embeddings: 4096 },
    },
  },
  // Gated: its model info is public, its config.json answers 401/403 `GatedRepo` without access.
  'gated-org/Gated-8B': {
    info: {
      _id: '66c3f0c2e4b0a1b2c3d4e5f8',
      id: 'gated-org/Gated-8B',
      private: false,
      pipeline_tag: 'text-generation',
      gated: 'manual',
      downloads: 99,
      likes: 1,
      lastModified: '2026-07-01T00:00:00.000Z',
      createdAt: '2026-06-30T00:00:00.000Z',
      sha: SHA,
      safetensors: { parameters: { BF16: 8030261248 }, total: 8030261248 },
      cardData: { license: 'llama3.1', extra_gated_prompt: 'You agree to share your contact information.' },
      config: { architectures: ['LlamaForCausalLM'], model_type: 'llama' },
    },
    config: { architectures: ['LlamaForCausalLM'], model_type: 'llama', max_position_embeddings: 131072 },
    configTokens: ['hf_access'],
  },
  // Weights as PyTorch .bin only: no safetensors metadata.
  'legacy-lab/Legacy-Bin-1B': {
    info: {
      _id: '66d4f0c2e4b0a1b2c3d4e5f9',
      id: 'legacy-lab/Legacy-Bin-1B',
      private: false,
      gated: false,
      downloads: 5,
      likes: 0,
      lastModified: '2023-05-01T00:00:00.000Z',
      createdAt: '2022-03-02T23:29:04.000Z',
      sha: SHA,
      cardData: { license: 'mit' },
      config: { architectures: ['GPT2LMHeadModel'], model_type: 'gpt2' },
    },
    config: { architectures: ['GPT2LMHeadModel'], model_type: 'gpt2', n_positions: 1024, n_embd: 2048, n_layer: 24 },
  },
  // An adapter: safetensors, but no config.json.
  'fable-lab/Fable-7B-LoRA': {
    info: {
      _id: '66e5f0c2e4b0a1b2c3d4e5fc',
      id: 'fable-lab/Fable-7B-LoRA',
      private: false,
      gated: false,
      downloads: 2,
      likes: 0,
      lastModified: '2026-10-07T00:00:00.000Z',
      createdAt: '2026-10-07T00:00:00.000Z',
      sha: SHA,
      safetensors: { parameters: { F32: 41943040 }, total: 41943040 },
      cardData: { license: 'apache-2.0', base_model: 'fable-lab/Fable-7B-Instruct' },
    },
  },
  // 4-bit GPTQ: the safetensors count counts packed I32 words.
  'fable-lab/Fable-7B-Instruct-GPTQ': {
    info: {
      _id: '66e5f0c2e4b0a1b2c3d4e5fa',
      id: 'fable-lab/Fable-7B-Instruct-GPTQ',
      private: false,
      gated: false,
      downloads: 12,
      likes: 0,
      lastModified: '2026-10-05T00:00:00.000Z',
      createdAt: '2026-10-04T00:00:00.000Z',
      sha: SHA,
      safetensors: { parameters: { I32: 880803840, F16: 1051463680 }, total: 1932267520 },
      cardData: { license: 'apache-2.0' },
      config: { architectures: ['LlamaForCausalLM'], model_type: 'llama', quantization_config: { quant_method: 'gptq', bits: 4 } },
    },
    config: { architectures: ['LlamaForCausalLM'], model_type: 'llama', max_position_embeddings: 32768, quantization_config: { quant_method: 'gptq', bits: 4, group_size: 128 } },
  },
};

/** Repo ids with a special answer instead of a fixture. */
export const HUB_SPECIAL = {
  malformed: 'broken-lab/Malformed-1B',
  slow: 'slow-lab/Slow-1B',
  rateLimited: 'busy-lab/Busy-1B',
  hidden: 'hidden-lab/Private-1B',
  serverError: 'down-lab/Down-1B',
};

/** The search list for `?search=fable`. */
const SEARCH: Record<string, unknown>[] = [
  { _id: '66a1f0c2e4b0a1b2c3d4e5f6', id: 'fable-lab/Fable-7B-Instruct', private: false, pipeline_tag: 'text-generation', gated: false, downloads: 48213, likes: 312, lastModified: '2026-10-02T08:15:30.000Z' },
  { _id: '66e5f0c2e4b0a1b2c3d4e5fa', id: 'fable-lab/Fable-7B-Instruct-GPTQ', private: false, pipeline_tag: 'text-generation', gated: false, downloads: 12, likes: 0, lastModified: '2026-10-05T00:00:00.000Z' },
  { _id: '66f6f0c2e4b0a1b2c3d4e5fb', id: 'someone/fable-7b-gguf', private: false, pipeline_tag: 'text-generation', gated: 'auto', downloads: 3, likes: 0, lastModified: '2026-10-06T00:00:00.000Z' },
];

/**
 * Starts the fake Hub; `slowMs` is how long the slow repo keeps the client waiting (default 5 s),
 * `repos` adds repos to the fixtures.
 */
export async function startFakeHub(options: { slowMs?: number; repos?: Record<string, Repo> } = {}): Promise<FakeHub> {
  const repos = { ...HUB_REPOS, ...options.repos };
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    if (allowBrowsers(req, res)) return;
    requests.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization, range: req.headers.range });
    const delay = (req.url ?? '').includes(HUB_SPECIAL.slow) ? options.slowMs ?? 5000 : 0;
    if (delay === 0) return answer(req, res, repos);
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!res.destroyed) answer(req, res, repos);
    }, delay);
    timers.add(timer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * As the Hub does, lets pages and workers of any origin read its answers (the browser build looks
 * models up from the web worker): a preflight is answered here, and not recorded; true then.
 */
function allowBrowsers(req: IncomingMessage, res: ServerResponse): boolean {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
  res.setHeader('Access-Control-Expose-Headers', 'X-Error-Code, X-Error-Message, Content-Range, Content-Length, ETag, X-Repo-Commit, X-Linked-Size, X-Linked-ETag');
  if (req.method !== 'OPTIONS') return false;
  res.writeHead(204, { 'Access-Control-Allow-Methods': 'GET, HEAD', 'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? '*', 'Access-Control-Max-Age': '600' });
  res.end();
  return true;
}

function answer(req: IncomingMessage, res: ServerResponse, repos: Record<string, Repo>): void {
  const url = new URL(req.url ?? '/', 'http://fake');
  const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  if (token === 'hf_revoked') return json(res, 401, { error: 'Invalid credentials in Authorization header' });
  if (url.pathname === '/api/models') return search(url, res);
  const info = /^\/api\/models\/([^/]+\/[^/]+)\/revision\/[^/]+$/.exec(url.pathname);
  if (info) return modelInfo(info[1], repos, res);
  const file = /^\/([^/]+\/[^/]+)\/resolve\/([^/]+)\/(.+)$/.exec(url.pathname);
  if (file) return resolveFile(repos[file[1]], decodeURIComponent(file[3]), token, req, res);
  json(res, 404, { error: 'Not Found' });
}

function search(url: URL, res: ServerResponse): void {
  const query = (url.searchParams.get('search') ?? '').toLowerCase();
  const limit = Number(url.searchParams.get('limit') ?? '500');
  const hits = SEARCH.filter((m) => String(m.id).toLowerCase().includes(query)).slice(0, limit);
  json(res, 200, hits);
}

function modelInfo(repoId: string, repos: Record<string, Repo>, res: ServerResponse): void {
  if (repoId === HUB_SPECIAL.malformed) {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!DOCTYPE html><html><body>Oops, a proxy page</body></html>');
    return;
  }
  if (repoId === HUB_SPECIAL.rateLimited) return json(res, 429, { error: 'You have been rate-limited; you can retry this action in about 5 minutes.' }, { 'Retry-After': '300' });
  if (repoId === HUB_SPECIAL.serverError) return json(res, 503, { error: 'Service Unavailable' });
  // The Hub hides a private repo from those who may not see it: 401 with `RepoNotFound`.
  if (repoId === HUB_SPECIAL.hidden) return json(res, 401, { error: 'Repository not found' }, { 'X-Error-Code': 'RepoNotFound' });
  const repo = repos[repoId];
  if (repoId === HUB_SPECIAL.slow) return json(res, 200, { ...HUB_REPOS['fable-lab/Fable-7B-Instruct'].info, id: HUB_SPECIAL.slow });
  if (!repo) return json(res, 404, { error: 'Repository not found' }, { 'X-Error-Code': 'RepoNotFound' });
  json(res, 200, repo.info);
}

function resolveFile(repo: Repo | undefined, path: string, token: string | undefined, req: IncomingMessage, res: ServerResponse): void {
  if (!repo) return json(res, 404, { error: 'Repository not found' }, { 'X-Error-Code': 'RepoNotFound' });
  if (repo.configTokens && !(token && repo.configTokens.includes(token))) {
    const message = `Access to model ${String(repo.info.id)} is restricted. You must have access to it and be authenticated to access it. Please log in.`;
    return json(res, token ? 403 : 401, { error: message }, { 'X-Error-Code': 'GatedRepo' });
  }
  if (path !== 'config.json' || !repo.config) return json(res, 404, { error: 'Entry not found' }, { 'X-Error-Code': 'EntryNotFound' });
  const body = Buffer.from(JSON.stringify(repo.config, null, 2));
  const headers = { 'Content-Type': 'text/plain; charset=utf-8', ETag: '"fixture-etag"', 'Accept-Ranges': 'bytes' };
  const range = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
  if (range) {
    const [start, end] = [Number(range[1]), Math.min(Number(range[2]), body.length - 1)];
    res.writeHead(206, { ...headers, 'Content-Range': `bytes ${start}-${end}/${body.length}`, 'Content-Length': String(end - start + 1) });
    res.end(body.subarray(start, end + 1));
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Length': String(body.length) });
  res.end(body);
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}
