/**
 * Which organization of the knowledge base publishes under a Hugging Face owner (`deepseek-ai` →
 * `deepseek`), and which entity already claims a name, so that a looked-up entry joins what the
 * knowledge base knows instead of repeating it under a new id.
 */
import { normalizeName } from '../knowledge/normalize';
import type { Entity, KnowledgeBase } from '../knowledge/types';
import { ensureFacts } from '../knowledge/facts';

/** Where organizations publish on the Hub: the `organizations` of `server/data/official-sources.json`. */
export interface HubPlaces {
  organizations: Record<string, { huggingface?: string[] }>;
}

/**
 * Lower-cased Hub owner → organization id. The strongest evidence comes first: the owner whose
 * repositories the knowledge base's models cite as sources (the organization most of them belong
 * to), then the owners `places` lists for an organization, then an organization whose website or
 * source is the owner's Hub page, or whose id or alias is the owner's name.
 */
export function hubOwners(kb: KnowledgeBase, places?: HubPlaces): Map<string, string> {
  ensureFacts();
  const owners = new Map<string, string>();
  const add = (owner: string, orgId: string) => {
    const key = owner.toLowerCase();
    if (!owners.has(key) && kb.get(orgId)?.kind === 'organization') owners.set(key, orgId);
  };
  for (const [owner, orgId] of citedOwners(kb)) add(owner, orgId);
  for (const [orgId, listed] of Object.entries(places?.organizations ?? {})) for (const owner of listed.huggingface ?? []) add(owner, orgId);
  for (const org of kb.all()) {
    if (org.kind !== 'organization') continue;
    for (const url of [org.website, ...org.sources.map((s) => s.url)]) {
      const path = hubPath(url);
      if (path?.length === 1) add(path[0], org.id);
    }
    for (const name of [org.id, ...org.aliases]) if (/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) add(name, org.id);
  }
  return owners;
}

/** For each owner the models cite (`huggingface.co/<owner>/<repo>`), the organization most of those models belong to. */
function citedOwners(kb: KnowledgeBase): Map<string, string> {
  const tally = new Map<string, Map<string, number>>();
  for (const model of kb.all()) {
    if (model.kind !== 'model' || !model.organization) continue;
    for (const source of model.sources) {
      const path = hubPath(source.url);
      if (path?.length !== 2) continue;
      const counts = tally.get(path[0].toLowerCase()) ?? new Map<string, number>();
      counts.set(model.organization, (counts.get(model.organization) ?? 0) + 1);
      tally.set(path[0].toLowerCase(), counts);
    }
  }
  const out = new Map<string, string>();
  for (const [owner, counts] of tally) out.set(owner, [...counts].sort((a, b) => b[1] - a[1])[0][0]);
  return out;
}

/** Path segments of a `https://huggingface.co/…` model or owner page; undefined for anything else (spaces, datasets, docs). */
export function hubPath(url: string | undefined): string[] | undefined {
  if (!url || !URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  if (parsed.hostname.replace(/^www\./, '') !== 'huggingface.co') return undefined;
  const segments = parsed.pathname.split('/').filter(Boolean);
  if (segments.length === 0 || segments.length > 2) return undefined;
  if (['spaces', 'datasets', 'collections', 'docs', 'blog', 'papers', 'learn', 'models', 'organizations'].includes(segments[0])) return undefined;
  return segments;
}

/** Normalized name or alias → the entity that has it (the first, as the merge decides). */
export function nameOwners(kb: KnowledgeBase): Map<string, Entity> {
  const out = new Map<string, Entity>();
  for (const entity of kb.all()) {
    for (const name of [entity.name, ...entity.aliases]) {
      const key = normalizeName(name);
      if (key && !out.has(key)) out.set(key, entity);
    }
  }
  return out;
}
