/**
 * Hub facts → a knowledge entry (pure: the date and the knowledge base are passed in). Every
 * fact is one the Hub states, cited to the model's Hub page; what the Hub does not state is left
 * out, and the notices say why a usual fact is missing.
 */
import { slugOf } from '../features/knowledgeEdits';
import { normalizeName } from '../knowledge/normalize';
import type { Entity, KnowledgeBase, ModelEntity, OrganizationEntity, Source } from '../knowledge/types';
import { configFacts, type ConfigFacts } from './config';
import { nameOwners } from './owners';
import { cleanText } from './text';
import type { HubModelFacts, HubNotice } from './types';
import { ensureFacts } from '../knowledge/facts';

/** The page every fact is cited to. */
export const HUB_SITE = 'https://huggingface.co';

export interface HubEntryOptions {
  /** Today, `YYYY-MM-DD`: the entry's `asOf`. */
  asOf: string;
  /** The knowledge the entry joins: its organizations, and the names already taken. */
  knowledge?: KnowledgeBase;
  /** Lower-cased Hub owner → organization id (`hubOwners`). */
  owners?: ReadonlyMap<string, string>;
  /** The endpoint the facts were read through; recorded as `readVia` when it is not the public Hub. */
  endpoint?: string;
}

export interface HubEntry {
  model: ModelEntity;
  /** A new organization for an owner the knowledge base does not know. */
  organization?: OrganizationEntity;
  notices: HubNotice[];
}

/** The knowledge entry the Hub's facts about one model make. */
export function hubEntry(facts: HubModelFacts, options: HubEntryOptions): HubEntry {
  const [owner, repoName] = facts.repoId.split('/');
  const taken = options.knowledge ? nameOwners(options.knowledge) : new Map<string, Entity>();
  const config = configFacts(facts.config, facts.configFile === 'read');
  const notices = configNotices(facts);
  const page = source(`${HUB_SITE}/${facts.repoId}`, 'model card', options.endpoint, facts.repoId);
  const names = modelNames(facts.repoId, repoName);
  const existing = names.map((n) => taken.get(normalizeName(n))).find((e): e is ModelEntity => e?.kind === 'model');
  const name = existing?.name ?? (taken.has(normalizeName(repoName)) ? facts.repoId : repoName);
  const { organization, orgId } = organizationOf(owner, options, taken);
  const parameters = parametersOf(facts, config, notices);
  const model: ModelEntity = {
    kind: 'model',
    id: existing?.id ?? uniqueId(slugOf(name), options.knowledge),
    name,
    aliases: names.filter((n) => n !== name && !taken.has(normalizeName(n))),
    organization: orgId,
    ...(parameters && { parameters }),
    ...(config.architecture && { architecture: config.architecture }),
    ...optional('architectureNote', architectureNote(config)),
    ...optional('release', releaseOf(facts.createdAt)),
    ...optional('context', config.context?.value),
    ...optional('license', licenseOf(facts)),
    ...(facts.safetensors && { openWeights: true }),
    notes: entryNotes(facts, config),
    sources: [page],
    asOf: options.asOf,
  };
  if (model.notes!.length === 0) delete model.notes;
  if (existing?.kind !== 'model') return { model, ...(organization && { organization }), notices };
  const { entry, added } = onlyMissing(model, existing);
  notices.push({ kind: 'overrides', repo: facts.repoId, id: existing.id, name: existing.name, fields: added });
  return { model: entry, ...(organization && entry.organization === orgId && { organization }), notices };
}

/** Fields an entry may add to a model the knowledge base has. */
const FACT_FIELDS = ['organization', 'parameters', 'architecture', 'architectureNote', 'release', 'context', 'license', 'openWeights'] as const;

/**
 * For a model the knowledge base has: only the facts it lacks (an override replaces a field
 * whole, and curated facts stay), with its sources kept and the Hub page added to them.
 */
function onlyMissing(model: ModelEntity, existing: ModelEntity): { entry: ModelEntity; added: string[] } {
  ensureFacts();
  const entry: ModelEntity = { kind: 'model', id: existing.id, name: existing.name, aliases: model.aliases, sources: [], asOf: model.asOf };
  const added: string[] = [];
  const target = entry as unknown as Record<string, unknown>;
  for (const field of FACT_FIELDS) {
    const value = model[field];
    if (value === undefined || !lacks(existing, field)) continue;
    target[field] = field === 'parameters' ? { ...existing.parameters, ...model.parameters } : value;
    added.push(field);
  }
  // Notes replace whole too: the curated ones stay, with ours about the facts added.
  const ours = (model.notes ?? []).filter((n) => (added.includes('release') && n.startsWith('Release')) || (added.includes('context') && n.startsWith('Context')));
  if (ours.length > 0) entry.notes = [...(existing.notes ?? []), ...ours];
  const hub = model.sources[0];
  entry.sources = existing.sources.some((s) => s.url === hub.url) ? existing.sources : [...existing.sources, hub];
  return { entry, added };
}

/** The model states no value for `field` (for the size: no total, and not "undisclosed"). */
function lacks(model: ModelEntity, field: (typeof FACT_FIELDS)[number]): boolean {
  if (field === 'parameters') return model.parameters?.total === undefined && model.parameters?.disclosed !== false;
  return model[field] === undefined;
}

/** `DeepSeek-V3.1`, `DeepSeek V3.1`, `deepseek-ai/DeepSeek-V3.1`: the repo name, its spaced form and the repo id. */
export function modelNames(repoId: string, repoName = repoId.split('/')[1]): string[] {
  const spaced = repoName.replace(/[-_]+/g, ' ').trim();
  return [...new Set([repoName, spaced, repoId])].filter(Boolean);
}

function configNotices(facts: HubModelFacts): HubNotice[] {
  const repo = facts.repoId;
  if (facts.configFile === 'gated') return [{ kind: 'configGated', repo }];
  if (facts.configFile === 'absent') return [{ kind: 'noConfig', repo }];
  return [];
}

/**
 * The exact total from the safetensors metadata, and a stated active count. Packed quantized
 * weights (4-bit in `I32`/`U8` words) make the Hub's total count words, not parameters: left out.
 */
function parametersOf(facts: HubModelFacts, config: ConfigFacts, notices: HubNotice[]): ModelEntity['parameters'] {
  const st = facts.safetensors;
  if (!st) {
    notices.push({ kind: 'noSafetensors', repo: facts.repoId });
    return config.active ? { active: config.active } : undefined;
  }
  const packedTypes = Object.keys(st.dtypes).some((d) => ['I32', 'U32', 'U8', 'I4', 'U4'].includes(d));
  if (packedTypes && (config.quantized || facts.configFile !== 'read')) {
    notices.push({ kind: 'packedWeights', repo: facts.repoId, count: st.total });
    return undefined;
  }
  const active = config.active !== undefined && config.active <= st.total ? config.active : undefined;
  return { total: st.total, ...(active && { active }) };
}

/** `DeepseekV3ForCausalLM (deepseek_v3); 256 experts + 1 shared, 8 per token`. */
function architectureNote(config: ConfigFacts): string | undefined {
  const kind = config.architectureClass && config.modelType ? `${config.architectureClass} (${config.modelType})` : config.architectureClass ?? config.modelType;
  const experts = config.architecture === 'moe' && config.experts
    ? `${config.experts} experts${config.sharedExperts ? ` + ${config.sharedExperts} shared` : ''}${config.expertsPerToken ? `, ${config.expertsPerToken} per token` : ''}`
    : undefined;
  const parts = [kind, experts].filter(Boolean);
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/**
 * The day the repository was created on the Hub. Repositories older than the Hub's record of it
 * all carry 2022-03-02, the day it began: not a release date, so left out.
 */
function releaseOf(createdAt: string | undefined): string | undefined {
  if (!createdAt || createdAt < '2022-03-03') return undefined;
  return createdAt.slice(0, 10);
}

/** Hub licence ids → the names the knowledge base uses; an unknown id stays as the Hub writes it. */
const LICENSES: Record<string, string> = {
  'apache-2.0': 'Apache 2.0',
  mit: 'MIT',
  'bsd-3-clause': 'BSD 3-Clause',
  'gpl-3.0': 'GPL 3.0',
  'agpl-3.0': 'AGPL 3.0',
  'cc-by-4.0': 'CC BY 4.0',
  'cc-by-sa-4.0': 'CC BY-SA 4.0',
  'cc-by-nc-4.0': 'CC BY-NC 4.0',
  'cc-by-nc-sa-4.0': 'CC BY-NC-SA 4.0',
  'cc-by-nc-nd-4.0': 'CC BY-NC-ND 4.0',
  openrail: 'OpenRAIL',
  'openrail++': 'OpenRAIL++',
  'bigscience-openrail-m': 'BigScience OpenRAIL-M',
  'bigscience-bloom-rail-1.0': 'BigScience BLOOM RAIL 1.0',
  llama2: 'Llama 2 Community License',
  llama3: 'Llama 3 Community License',
  'llama3.1': 'Llama 3.1 Community License',
  'llama3.2': 'Llama 3.2 Community License',
  'llama3.3': 'Llama 3.3 Community License',
  llama4: 'Llama 4 Community License',
  gemma: 'Gemma Terms of Use',
};

/** The card's licence; `other` is its `license_name` when that is a short text, else left out. */
function licenseOf(facts: HubModelFacts): string | undefined {
  const id = facts.license?.toLowerCase();
  if (!id || id === 'unknown') return undefined;
  if (id === 'other') return cleanText(facts.licenseName, 100);
  return LICENSES[id] ?? id;
}

/** What a reader of the entry needs to know about where two of its facts come from. */
function entryNotes(facts: HubModelFacts, config: ConfigFacts): string[] {
  const notes: string[] = [];
  if (releaseOf(facts.createdAt)) notes.push('Release is the day the repository was created on the Hugging Face Hub (first published there).');
  if (config.context) notes.push(`Context is config.json's \`${config.context.key}\`.`);
  return notes;
}

/** The owner's organization in the knowledge base, or a new organization entry for it. */
function organizationOf(owner: string, options: HubEntryOptions, taken: ReadonlyMap<string, Entity>): { organization?: OrganizationEntity; orgId: string } {
  const kb = options.knowledge;
  const mapped = options.owners?.get(owner.toLowerCase());
  if (mapped && (!kb || kb.get(mapped)?.kind === 'organization')) return { orgId: mapped };
  const named = taken.get(normalizeName(owner));
  if (named?.kind === 'organization') return { orgId: named.id };
  const byId = kb?.get(slugOf(owner));
  if (byId?.kind === 'organization') return { orgId: byId.id };
  const page = `${HUB_SITE}/${owner}`;
  const organization: OrganizationEntity = {
    kind: 'organization',
    id: uniqueId(slugOf(owner), kb),
    name: named ? page.replace(/^https:\/\//, '') : owner,
    aliases: [],
    website: page,
    sources: [source(page, 'website', options.endpoint, owner)],
    asOf: options.asOf,
  };
  return { organization, orgId: organization.id };
}

/** A source on the public Hub, read through `endpoint` when that is another host. */
function source(url: string, kind: Source['kind'], endpoint: string | undefined, path: string): Source {
  const base = endpoint?.replace(/\/+$/, '');
  return base && base !== HUB_SITE ? { url, kind, readVia: `${base}/${path}` } : { url, kind };
}

/** `slug`, or `slug-2`, `slug-3`, … when the knowledge base has that id already. */
function uniqueId(slug: string, kb: KnowledgeBase | undefined): string {
  if (!kb?.get(slug)) return slug;
  let n = 2;
  while (kb.get(`${slug}-${n}`)) n++;
  return `${slug}-${n}`;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
