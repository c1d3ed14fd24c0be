/**
 * Hub facts that arrive from a client (`researchNotes/hubEntry`): the editor read them from the Hub
 * and sends them as JSON. Anything a client sends is untrusted, so each field is checked again for
 * the type and shape `fetchModelFacts` gives it; a value that fails is dropped, a wrong repo id or
 * config state refuses the whole.
 */
import { cleanText, identifier, isRepoId, positiveInteger, record } from './text';
import type { HubModelFacts } from './types';

const CONFIG_FILE = ['read', 'absent', 'gated', 'skipped'] as const;

/** `value` as Hub facts, or undefined when it is not facts about one repo. */
export function parseHubModelFacts(value: unknown): HubModelFacts | undefined {
  const v = record(value);
  if (!v || !isRepoId(v.repoId) || !CONFIG_FILE.includes(v.configFile as HubModelFacts['configFile'])) return undefined;
  return {
    repoId: v.repoId,
    ...optional('createdAt', typeof v.createdAt === 'string' && !Number.isNaN(Date.parse(v.createdAt)) ? new Date(v.createdAt).toISOString() : undefined),
    gated: v.gated === 'auto' || v.gated === 'manual' ? v.gated : false,
    ...optional('safetensors', safetensors(v.safetensors)),
    ...optional('license', identifier(v.license, 64)),
    ...optional('licenseName', cleanText(v.licenseName, 100)),
    ...optional('config', record(v.config)),
    configFile: v.configFile as HubModelFacts['configFile'],
  };
}

function safetensors(value: unknown): HubModelFacts['safetensors'] {
  const st = record(value);
  const total = positiveInteger(st?.total);
  if (total === undefined) return undefined;
  const dtypes: Record<string, number> = {};
  for (const [dtype, count] of Object.entries(record(st?.dtypes) ?? {})) {
    const n = positiveInteger(count);
    if (identifier(dtype, 16) && n !== undefined) dtypes[dtype] = n;
  }
  return { total, dtypes };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
