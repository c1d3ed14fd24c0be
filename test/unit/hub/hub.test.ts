import * as assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { fetchModelFacts, hubFailureMessage, lookUpModel, searchModels, type HubResult } from '../../../server/src/hub';
import { HUB_SPECIAL, startFakeHub, type FakeHub } from '../../support/fakeHub';

const EXPAND = 'expand=pipeline_tag&expand=private&expand=gated&expand=downloads&expand=likes&expand=lastModified&expand=safetensors&expand=cardData&expand=config&expand=createdAt&expand=sha';
const SHA = 'a'.repeat(40);

function failed<T>(result: HubResult<T>) {
  assert.equal(result.ok, false, 'expected a failure');
  return (result as { ok: false; failure: import('../../../server/src/hub').HubFailure }).failure;
}

describe('hub client: @huggingface/hub against a local fake Hub', () => {
  let hub: FakeHub;
  beforeEach(async () => {
    hub = await startFakeHub({ slowMs: 3000 });
  });
  afterEach(() => hub.close());

  it('reads a dense model: model info with its expand fields, then config.json at the same commit', async () => {
    const result = await fetchModelFacts('fable-lab/Fable-7B-Instruct', { endpoint: hub.endpoint });
    assert.ok(result.ok);
    assert.deepEqual(result.value, {
      repoId: 'fable-lab/Fable-7B-Instruct',
      createdAt: '2026-09-30T12:00:01.000Z',
      gated: false,
      safetensors: { total: 7241732096, dtypes: { BF16: 7241732096 } },
      license: 'apache-2.0',
      licenseName: undefined,
      config: {
        architectures: ['LlamaForCausalLM'],
        model_type: 'llama',
        tokenizer_config: { bos_token: '<s>', eos_token: '</s>' },
        hidden_size: 4096,
        num_hidden_layers: 32,
        num_attention_heads: 32,
        num_key_value_heads: 8,
        max_position_embeddings: 32768,
        rope_theta: 1000000,
        torch_dtype: 'bfloat16',
        vocab_size: 128256,
      },
      configFile: 'read',
    });
    assert.deepEqual(hub.requests, [
      { method: 'GET', url: `/api/models/fable-lab/Fable-7B-Instruct/revision/HEAD?${EXPAND}`, authorization: undefined, range: undefined },
      { method: 'GET', url: `/fable-lab/Fable-7B-Instruct/resolve/${SHA}/config.json`, authorization: undefined, range: 'bytes=0-0' },
      { method: 'GET', url: `/fable-lab/Fable-7B-Instruct/resolve/${SHA}/config.json`, authorization: undefined, range: undefined },
    ]);
  });

  it('reads an MoE model into an entry with its stated active count and experts', async () => {
    const result = await lookUpModel('deepseek-ai/DeepSeek-Fixture-MoE', { endpoint: hub.endpoint, asOf: '2026-12-05' });
    assert.ok(result.ok);
    assert.deepEqual(result.value.model.parameters, { total: 15707532800, active: 2415919104 });
    assert.equal(result.value.model.architectureNote, 'DeepseekV2ForCausalLM (deepseek_v2); 64 experts + 2 shared, 6 per token');
    assert.deepEqual(result.value.model.sources, [{ url: 'https://huggingface.co/deepseek-ai/DeepSeek-Fixture-MoE', kind: 'model card', readVia: `${hub.endpoint}/deepseek-ai/DeepSeek-Fixture-MoE` }]);
  });

  it('keeps what a gated model shows, says config.json needs access, and sends the token only as a bearer header', async () => {
    const anonymous = await fetchModelFacts('gated-org/Gated-8B', { endpoint: hub.endpoint });
    assert.ok(anonymous.ok);
    assert.deepEqual([anonymous.value.gated, anonymous.value.configFile, anonymous.value.safetensors?.total], ['manual', 'gated', 8030261248]);
    const noAccess = await fetchModelFacts('gated-org/Gated-8B', { endpoint: hub.endpoint, accessToken: 'hf_noaccess' });
    assert.ok(noAccess.ok);
    assert.equal(noAccess.value.configFile, 'gated');
    const access = await fetchModelFacts('gated-org/Gated-8B', { endpoint: hub.endpoint, accessToken: 'hf_access' });
    assert.ok(access.ok);
    assert.equal(access.value.config?.max_position_embeddings, 131072);
    assert.deepEqual(
      [...new Set(hub.requests.map((r) => r.authorization))],
      [undefined, 'Bearer hf_noaccess', 'Bearer hf_access'],
    );
  });

  it('classifies refusals: not found (404, or 401 hiding a private repo), refused token, rate limit, server error', async () => {
    const endpoint = hub.endpoint;
    assert.deepEqual(failed(await fetchModelFacts('nobody/none', { endpoint })), { kind: 'notFound', repo: 'nobody/none', status: 404 });
    assert.deepEqual(failed(await fetchModelFacts(HUB_SPECIAL.hidden, { endpoint })), { kind: 'notFound', repo: HUB_SPECIAL.hidden, status: 401 });
    assert.deepEqual(failed(await fetchModelFacts('gated-org/Gated-8B', { endpoint, accessToken: 'hf_revoked' })), { kind: 'unauthorized', repo: 'gated-org/Gated-8B', status: 401 });
    assert.deepEqual(failed(await fetchModelFacts(HUB_SPECIAL.rateLimited, { endpoint })), { kind: 'rateLimited', repo: HUB_SPECIAL.rateLimited, status: 429 });
    assert.deepEqual(failed(await fetchModelFacts(HUB_SPECIAL.serverError, { endpoint })), { kind: 'serverError', repo: HUB_SPECIAL.serverError, status: 503 });
    const notFound = failed(await fetchModelFacts('nobody/none', { endpoint }));
    assert.equal(hubFailureMessage(notFound, 'en', { endpoint, timeoutMs: 10_000 }), `No model 'nobody/none' on the Hugging Face Hub at ${endpoint} (a private model is found only with an access token that can see it).`);
    assert.equal(hubFailureMessage(notFound, 'ko', { endpoint, timeoutMs: 10_000 }), `${endpoint}의 Hugging Face Hub에 'nobody/none' 모델이 없습니다(비공개 모델은 볼 수 있는 액세스 토큰이 있어야 찾을 수 있습니다).`);
  });

  it('says a body that is not JSON is malformed', async () => {
    const failure = failed(await fetchModelFacts(HUB_SPECIAL.malformed, { endpoint: hub.endpoint }));
    assert.deepEqual(failure, { kind: 'malformed', repo: HUB_SPECIAL.malformed, detail: 'not JSON' });
    assert.equal(hubFailureMessage(failure, 'en', { endpoint: hub.endpoint, timeoutMs: 10_000 }), "Unexpected answer from the Hugging Face Hub for 'broken-lab/Malformed-1B' (not JSON), expected the model's information as JSON.");
  });

  it('gives up at the deadline, and when the caller cancels', async () => {
    const started = Date.now();
    const failure = failed(await fetchModelFacts(HUB_SPECIAL.slow, { endpoint: hub.endpoint, timeoutMs: 200 }));
    assert.deepEqual(failure, { kind: 'timeout', repo: HUB_SPECIAL.slow });
    assert.ok(Date.now() - started < 2000);
    assert.equal(hubFailureMessage(failure, 'en', { endpoint: hub.endpoint, timeoutMs: 200 }), `The Hugging Face Hub at ${hub.endpoint} did not answer within 0.2 s.`);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    assert.deepEqual(failed(await fetchModelFacts(HUB_SPECIAL.slow, { endpoint: hub.endpoint, signal: controller.signal })), { kind: 'cancelled', repo: HUB_SPECIAL.slow });
  });

  it('says when the Hub cannot be reached', async () => {
    const closed = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const endpoint = `http://127.0.0.1:${closed}`;
    const failure = failed(await fetchModelFacts('a/b', { endpoint }));
    assert.deepEqual(failure, { kind: 'offline', repo: 'a/b', detail: 'ECONNREFUSED' });
    assert.equal(hubFailureMessage(failure, 'en', { endpoint, timeoutMs: 10_000 }), `Cannot reach the Hugging Face Hub at ${endpoint} (ECONNREFUSED). Check the network connection and the endpoint.`);
  });

  it('refuses a bad repo id or token before any request', async () => {
    assert.deepEqual(failed(await fetchModelFacts('../etc/passwd', { endpoint: hub.endpoint })), { kind: 'invalidRepoId', repo: '../etc/passwd' });
    assert.deepEqual(failed(await fetchModelFacts('a/b', { endpoint: hub.endpoint, accessToken: 'not-a-token' })), { kind: 'invalidToken', repo: 'a/b' });
    assert.deepEqual(hub.requests, []);
  });

  it('searches models by name, most downloaded first', async () => {
    const result = await searchModels('fable', { endpoint: hub.endpoint, limit: 2 });
    assert.ok(result.ok);
    assert.deepEqual(result.value, [
      { repoId: 'fable-lab/Fable-7B-Instruct', downloads: 48213, lastModified: '2026-10-02T08:15:30.000Z', gated: false },
      { repoId: 'fable-lab/Fable-7B-Instruct-GPTQ', downloads: 12, lastModified: '2026-10-05T00:00:00.000Z', gated: false },
    ]);
    assert.deepEqual(hub.requests.map((r) => r.url), ['/api/models?limit=2&search=fable&sort=downloads&expand=pipeline_tag&expand=private&expand=gated&expand=downloads&expand=likes&expand=lastModified']);
  });
});
