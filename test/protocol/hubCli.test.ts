import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../support/lspClient';
import { HUB_SPECIAL, startFakeHub, type FakeHub, type Repo } from '../support/fakeHub';
import { dataDir } from '../support/knowledge';
import { loadBundledKnowledgeBase } from '../../server/src/knowledge/bundled';
import { ensureFacts } from '../../server/src/knowledge/facts';
import type { ModelEntity } from '../../server/src/knowledge/types';
import { hubPath } from '../../server/src/hub/owners';

const cli = path.join(repoRoot, 'dist', 'cli.js');

/** Runs the bundled CLI without blocking this process, which serves the fake Hub. */
/**
 * Every other repo the bundled OLMo family cites, answering the knowledge base's own count: the
 * verify test then holds however many models the family has (the bundled data grows).
 */
function agreeingOlmoRepos(except: string): Record<string, Repo> {
  const { kb } = loadBundledKnowledgeBase(dataDir);
  ensureFacts(); // the sources, read here as `kb verify` reads them
  const repos: Record<string, Repo> = {};
  for (const model of kb.membersOf('ai2-olmo') as ModelEntity[]) {
    const repo = model.sources.map((s) => hubPath(s.url)).find((p) => p?.length === 2)?.join('/');
    const total = model.parameters?.total;
    if (!repo || repo === except || total === undefined || !model.openWeights) continue;
    repos[repo] = { info: { _id: 'x', id: repo, gated: false, safetensors: { parameters: { BF16: total }, total } } };
  }
  return repos;
}

function run(env: Record<string, string>, ...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('cli: research-notes lookup and kb verify against a local fake Hub', () => {
  let hub: FakeHub;
  let dir: string;
  let env: Record<string, string>;
  // The entry's as-of date is the day the CLI runs.
  const today = () => new Date().toISOString().slice(0, 10);
  const model = (endpoint: string) =>
    [
      'models:',
      '  - id: fable-7b-instruct',
      '    name: Fable-7B-Instruct',
      '    aliases: ["Fable 7B Instruct", "fable-lab/Fable-7B-Instruct"]',
      '    organization: fable-lab',
      '    parameters:',
      '      total: 7241732096',
      '    architecture: dense',
      '    architectureNote: "LlamaForCausalLM (llama)"',
      '    release: 2026-09-30',
      '    context: 32768',
      '    license: "Apache 2.0"',
      '    openWeights: true',
      '    notes:',
      '      - "Release is the day the repository was created on the Hugging Face Hub (first published there)."',
      '      - "Context is config.json\'s `max_position_embeddings`."',
      '    sources:',
      `      - { url: "https://huggingface.co/fable-lab/Fable-7B-Instruct", kind: model card, readVia: "${endpoint}/fable-lab/Fable-7B-Instruct" }`,
      `    asOf: ${today()}`,
    ].join('\n');
  const organization = (endpoint: string) =>
    [
      'organizations:',
      '  - id: fable-lab',
      '    name: fable-lab',
      '    aliases: []',
      '    website: "https://huggingface.co/fable-lab"',
      '    sources:',
      `      - { url: "https://huggingface.co/fable-lab", kind: website, readVia: "${endpoint}/fable-lab" }`,
      `    asOf: ${today()}`,
    ].join('\n');

  before(async () => {
    hub = await startFakeHub({
      slowMs: 3000,
      repos: {
        ...agreeingOlmoRepos('allenai/OLMo-2-13B-1124'),
        // The repo the bundled OLMo 2 13B cites, with a count 5.5 % above the knowledge base's 13B.
        'allenai/OLMo-2-13B-1124': { info: { _id: 'x', id: 'allenai/OLMo-2-13B-1124', gated: false, safetensors: { parameters: { F32: 13716224000 }, total: 13716224000 } } },
      },
    });
    env = { HF_ENDPOINT: hub.endpoint };
  });
  after(() => hub.close());
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'research-notes-hub-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lookup prints the entry as YAML: a new organization, then the model', async () => {
    const r = await run(env, 'lookup', 'fable-lab/Fable-7B-Instruct');
    assert.equal(r.stderr, '');
    assert.equal(r.status, 0);
    assert.equal(r.stdout, `${organization(hub.endpoint)}\n\n${model(hub.endpoint)}\n`);
  });

  it('lookup --json prints a knowledge file in JSON', async () => {
    const r = await run(env, 'lookup', 'deepseek-ai/DeepSeek-Fixture-MoE', '--json');
    assert.equal(r.status, 0, r.stderr);
    const json = JSON.parse(r.stdout) as { organizations?: unknown[]; models: { id: string; organization: string; parameters: unknown }[] };
    assert.equal(json.organizations, undefined);
    assert.deepEqual([json.models[0].id, json.models[0].organization, json.models[0].parameters], ['deepseek-fixture-moe', 'deepseek', { total: 15707532800, active: 2415919104 }]);
  });

  it('lookup --write creates the knowledge file, then refuses to add the same model twice', async () => {
    const file = path.join(dir, '.research-notes', 'entities.yaml');
    const first = await run(env, 'lookup', 'fable-lab/Fable-7B-Instruct', '--write', file);
    assert.equal(first.status, 0, first.stderr);
    assert.equal(first.stderr, `research-notes: added fable-7b-instruct to ${file}\n`);
    const written = `# Research Notes knowledge file: models, organizations and ignored names of this workspace.\n${organization(hub.endpoint)}\n\n${model(hub.endpoint)}\n`;
    assert.equal(readFileSync(file, 'utf8'), written);
    const again = await run(env, 'lookup', 'fable-lab/Fable-7B-Instruct', '--write', file);
    assert.equal(again.status, 1);
    assert.equal(again.stderr, `research-notes: ${file} already has an entry 'fable-7b-instruct'; nothing was written\n`);
    assert.equal(readFileSync(file, 'utf8'), written);
  });

  it('lookup writes nothing when the lookup fails, and says why in the chosen language', async () => {
    const file = path.join(dir, 'entities.yaml');
    const missing = await run(env, 'lookup', 'nobody/none', '--write', file);
    assert.deepEqual(missing, { status: 1, stdout: '', stderr: `research-notes: No model 'nobody/none' on the Hugging Face Hub at ${hub.endpoint} (a private model is found only with an access token that can see it).\n` });
    const slow = await run(env, 'lookup', HUB_SPECIAL.slow, '--write', file, '--timeout', '0.2', '--lang', 'ko');
    assert.deepEqual(slow, { status: 1, stdout: '', stderr: `research-notes: ${hub.endpoint}의 Hugging Face Hub가 0.2초 안에 응답하지 않았습니다.\n` });
    const malformed = await run(env, 'lookup', HUB_SPECIAL.malformed, '--write', file);
    assert.equal(malformed.stderr, "research-notes: Unexpected answer from the Hugging Face Hub for 'broken-lab/Malformed-1B' (not JSON), expected the model's information as JSON.\n");
    assert.equal(existsSync(file), false);
  });

  it('lookup writes an entry without a count for a repo without safetensors, and says why', async () => {
    const r = await run(env, 'lookup', 'legacy-lab/Legacy-Bin-1B');
    assert.equal(r.status, 0);
    assert.equal(r.stderr, "research-notes: 'legacy-lab/Legacy-Bin-1B' has no safetensors weights, so the Hub states no parameter count: the entry has none.\n");
    assert.doesNotMatch(r.stdout, /parameters:/);
  });

  it('lookup sends HF_TOKEN to the endpoint and never prints it', async () => {
    const before = hub.requests.length;
    const r = await run({ ...env, HF_TOKEN: 'hf_noaccess' }, 'lookup', 'gated-org/Gated-8B');
    assert.equal(r.status, 0);
    assert.equal(r.stderr, "research-notes: config.json of the gated 'gated-org/Gated-8B' needs an access token with access: architecture, context length and experts are left out.\n");
    assert.doesNotMatch(r.stdout + r.stderr, /hf_noaccess/);
    assert.ok(hub.requests.slice(before).every((q) => q.authorization === 'Bearer hf_noaccess'));
  });

  it('lookup rejects a bad repo id with exit code 2, without a request', async () => {
    const before = hub.requests.length;
    const r = await run(env, 'lookup', 'not a repo');
    assert.deepEqual(r, { status: 2, stdout: '', stderr: 'research-notes: not a repo is not a Hugging Face model id, expected owner/name (see research-notes --help)\n' });
    assert.equal(hub.requests.length, before);
  });

  it('kb verify prints the bundled counts that differ from the Hub, beyond the tolerance', async () => {
    // The family's other models agree (the fake Hub answers their own counts); how many there are is the bundled data's.
    const others = Object.keys(agreeingOlmoRepos('allenai/OLMo-2-13B-1124')).length;
    const models = `${others + 1} ${others === 0 ? 'model' : 'models'} with a Hugging Face source`;
    const r = await run(env, 'kb', 'verify', '--family', 'ai2-olmo');
    assert.equal(r.stderr, '');
    assert.equal(r.status, 1);
    assert.equal(
      r.stdout,
      'ai2-olmo-2-13b: knowledge base 13B (13000000000), Hub 13.716B (13716224000) at https://huggingface.co/allenai/OLMo-2-13B-1124\n' +
        `${models}: ${others} agree, 1 differ, 0 not compared, 0 failed\n`,
    );
    const tolerant = await run(env, 'kb', 'verify', '--family', 'ai2-olmo', '--tolerance', '0.1');
    assert.deepEqual(tolerant, { status: 0, stdout: `${models}: ${others + 1} agree, 0 differ, 0 not compared, 0 failed\n`, stderr: '' });
  });

  it('--help lists lookup and kb verify', async () => {
    const r = await run({}, '--help');
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^ {7}research-notes lookup REPO_ID \[--json\] \[--write FILE\] \[--lang en\|ko\] \[--timeout SECONDS\]$/m);
    assert.match(r.stdout, /^ {7}research-notes kb verify \[--family NAME\] \[--tolerance FRACTION\] \[--timeout SECONDS\]$/m);
  });
});

// A file the CLI refuses to add to keeps its text.
describe('cli: lookup --write into a file it cannot add to', () => {
  it('leaves the file as it was', async () => {
    const hub = await startFakeHub();
    const dir = mkdtempSync(path.join(tmpdir(), 'research-notes-hub-'));
    try {
      const file = path.join(dir, 'k.yaml');
      writeFileSync(file, 'models: [oops\n');
      const r = await run({ HF_ENDPOINT: hub.endpoint }, 'lookup', 'fable-lab/Fable-7B-Instruct', '--write', file);
      assert.equal(r.status, 1);
      assert.equal(r.stderr, `research-notes: cannot add to ${file}: expected a YAML knowledge file whose top level is a mapping; nothing was written\n`);
      assert.equal(readFileSync(file, 'utf8'), 'models: [oops\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await hub.close();
    }
  });
});
