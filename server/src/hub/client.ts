/**
 * The calls into `@huggingface/hub`: a search for models by name, and the facts of one model (its
 * model info with the expand fields a knowledge entry needs, and its `config.json`). Every call is
 * explicit (a command asked for it), bounded by one deadline, cancellable, and answers with a
 * value or a classified failure; nothing here runs at import time or logs the access token.
 */
import { downloadFile, HubApiError, listModels, modelInfo } from '@huggingface/hub';
import { classifyHubError, MalformedAnswer, type RefusalContext } from './errors';
import { cleanText, identifier, isRepoId, positiveInteger, record } from './text';
import type { HubCandidate, HubModelFacts, HubResult } from './types';

/** The public Hub; `HF_ENDPOINT` or the endpoint setting point elsewhere (a mirror, a test server). */
export const DEFAULT_ENDPOINT = 'https://huggingface.co';
export const DEFAULT_TIMEOUT_MS = 10_000;
/** A `config.json` larger than this is not read (real ones are a few KB). */
const MAX_CONFIG_BYTES = 1_000_000;

export interface HubOptions {
  /** The Hub's base URL (the library's `hubUrl`); default `https://huggingface.co`. */
  endpoint?: string;
  /** An access token (`hf_…`) for gated or private models. Sent to the endpoint only. */
  accessToken?: string;
  /** The deadline of the whole lookup, in milliseconds; default 10 s. */
  timeoutMs?: number;
  /** The caller's cancellation (an LSP request's, a Quick Pick closed). */
  signal?: AbortSignal;
  /** The `fetch` to call (default the global one); every request still gets the deadline. */
  fetch?: typeof fetch;
}

/** Models whose name matches `query`, most downloaded first (at most `limit`, default 20). */
export async function searchModels(query: string, options: HubOptions & { limit?: number } = {}): Promise<HubResult<HubCandidate[]>> {
  const text = cleanText(query, 100);
  if (!text) return { ok: true, value: [] };
  return withSession(text, options, async (s) => {
    const out: HubCandidate[] = [];
    const limit = Math.min(Math.max(1, options.limit ?? 20), 100);
    for await (const model of listModels({ search: { query: text }, sort: 'downloads', limit, ...s.params })) {
      if (!isRepoId(model.name)) continue;
      const updated = model.updatedAt instanceof Date && !Number.isNaN(model.updatedAt.getTime()) ? model.updatedAt.toISOString() : undefined;
      out.push({ repoId: model.name, downloads: nonNegative(model.downloads), lastModified: updated, gated: gatedOf(model.gated) });
    }
    return out;
  });
}

/**
 * The facts of `repoId`: model info with `safetensors`, `cardData`, `config` and `createdAt`, then
 * `config.json` at the same commit (unless `config: false`, for a count-only check).
 */
export async function fetchModelFacts(repoId: string, options: HubOptions & { config?: boolean } = {}): Promise<HubResult<HubModelFacts>> {
  if (!isRepoId(repoId)) return { ok: false, failure: { kind: 'invalidRepoId', repo: repoId } };
  return withSession(repoId, options, async (s) => {
    const info = (await modelInfo({ name: repoId, additionalFields: ['safetensors', 'cardData', 'config', 'createdAt', 'sha'], ...s.params })) as unknown as Record<string, unknown>;
    const facts = factsOf(info);
    if (options.config === false) return { ...facts, configFile: 'skipped' };
    const sha = typeof info.sha === 'string' && /^[0-9a-f]{40}$/.test(info.sha) ? info.sha : undefined;
    const file = await readConfig(facts.repoId, sha, facts.gated !== false, s);
    if (file === 'absent' || file === 'gated') return { ...facts, configFile: file };
    return { ...facts, config: { ...facts.config, ...file }, configFile: 'read' };
  });
}

// ---- one lookup ---------------------------------------------------------------------------

interface Session {
  /** The library's options: endpoint, token, and a `fetch` bound to the deadline. */
  params: { hubUrl: string; accessToken?: string; fetch: typeof fetch };
  context: RefusalContext;
}

/** Runs `body` with one deadline over all its requests, and turns what it throws into a failure. */
async function withSession<T>(repo: string, options: HubOptions, body: (s: Session) => Promise<T>): Promise<HubResult<T>> {
  const endpoint = (options.endpoint ?? DEFAULT_ENDPOINT).replace(/\/+$/, '');
  if (!/^https?:\/\//i.test(endpoint) || !URL.canParse(endpoint)) return { ok: false, failure: { kind: 'offline', repo, detail: 'the endpoint is not an http(s) URL' } };
  const accessToken = options.accessToken?.trim() || undefined;
  if (accessToken && !/^hf_[A-Za-z0-9_-]+$/.test(accessToken)) return { ok: false, failure: { kind: 'invalidToken', repo } };
  const deadline = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([deadline, options.signal]) : deadline;
  const context: RefusalContext = { withToken: accessToken !== undefined, timedOut: false, cancelled: false };
  const base = options.fetch ?? fetch;
  const bound = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const response = await base(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal });
    if (!response.ok) context.errorCode = response.headers.get('x-error-code') ?? undefined;
    return response;
  }) as typeof fetch;
  try {
    return { ok: true, value: await body({ params: { hubUrl: endpoint, accessToken, fetch: bound }, context }) };
  } catch (error) {
    context.timedOut = deadline.aborted;
    context.cancelled = options.signal?.aborted === true;
    return { ok: false, failure: classifyHubError(error, repo, context) };
  }
}

/** `config.json` as an object; `absent` when the repo has none, `gated` when this token may not read it. */
async function readConfig(repoId: string, revision: string | undefined, gated: boolean, s: Session): Promise<Record<string, unknown> | 'absent' | 'gated'> {
  let blob: Blob | null;
  try {
    blob = await downloadFile({ repo: repoId, path: 'config.json', revision, xet: false, ...s.params });
  } catch (error) {
    const refused = error instanceof HubApiError && (error.statusCode === 401 || error.statusCode === 403);
    if (refused && (gated || s.context.errorCode === 'GatedRepo')) return 'gated';
    throw error;
  }
  if (blob === null) return 'absent';
  if (blob.size > MAX_CONFIG_BYTES) throw new MalformedAnswer(`config.json of ${blob.size} bytes`);
  const config = record(JSON.parse(await blob.text()));
  if (!config) throw new MalformedAnswer('config.json is not a JSON object');
  return config;
}

/** The model info's fields, each kept only when it has the type the Hub documents. */
function factsOf(info: Record<string, unknown>): Omit<HubModelFacts, 'configFile'> {
  if (!isRepoId(info.name)) throw new MalformedAnswer('no model id');
  const created = typeof info.createdAt === 'string' && !Number.isNaN(Date.parse(info.createdAt)) ? new Date(info.createdAt).toISOString() : undefined;
  const card = record(info.cardData);
  const license = Array.isArray(card?.license) ? card.license[0] : card?.license;
  return {
    repoId: info.name,
    createdAt: created,
    gated: gatedOf(info.gated),
    safetensors: safetensorsOf(info.safetensors),
    license: identifier(license, 64),
    licenseName: cleanText(card?.license_name, 100),
    config: record(info.config),
  };
}

function safetensorsOf(value: unknown): HubModelFacts['safetensors'] {
  const st = record(value);
  const total = positiveInteger(st?.total);
  if (!st || total === undefined) return undefined;
  const dtypes: Record<string, number> = {};
  for (const [dtype, count] of Object.entries(record(st.parameters) ?? {})) {
    const n = positiveInteger(count);
    if (identifier(dtype, 16) && n !== undefined) dtypes[dtype] = n;
  }
  return { total, dtypes };
}

function gatedOf(value: unknown): HubModelFacts['gated'] {
  return value === 'auto' || value === 'manual' ? value : false;
}

function nonNegative(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}
