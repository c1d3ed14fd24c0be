/**
 * Which documents may be cited for a fact: the maker's own pages and the authors' papers are
 * primary, reputable others are secondary (and must say so), aggregators and unrelated copies are
 * never sources. Used by `kb:check` on the bundled data (`server/data/official-sources.json` says
 * where each organization publishes); never on the keystroke path.
 */
import { ensureFacts } from './facts';
import type { Entity, KnowledgeBase, KnowledgeFile, KnowledgeProblem, Source } from './types';

export type SourceClass = 'primary' | 'secondary' | 'rejected';

export interface OfficialPlaces {
  domains?: string[];
  github?: string[];
  huggingface?: string[];
}

export interface SourcePolicy {
  organizations: Record<string, OfficialPlaces>;
  /** Hosts of papers: primary for any entity (the authors' own text). */
  papers: string[];
  /** Hosts that are never sources: aggregators, pastes, wikis, forums, resellers. */
  rejected: string[];
}

export interface Classification {
  class: SourceClass;
  /** Why, in a few words, for messages. */
  reason: string;
}

const lower = (list: readonly string[] | undefined): string[] => (list ?? []).map((s) => s.toLowerCase());

/** `host` is `domain` or one of its subdomains. */
const under = (host: string, domain: string): boolean => host === domain || host.endsWith(`.${domain}`);

/** The official places of `orgIds` (with the domain of each one's website), merged. */
export function officialPlaces(policy: SourcePolicy, kb: KnowledgeBase, orgIds: readonly string[]): Required<OfficialPlaces> {
  const out = { domains: [] as string[], github: [] as string[], huggingface: [] as string[] };
  for (const orgId of orgIds) {
    const listed = policy.organizations[orgId];
    out.domains.push(...lower(listed?.domains));
    out.github.push(...lower(listed?.github));
    out.huggingface.push(...lower(listed?.huggingface));
    const org = kb.get(orgId);
    if (org?.kind === 'organization' && org.website && URL.canParse(org.website)) out.domains.push(new URL(org.website).hostname.replace(/^www\./, '').toLowerCase());
  }
  return out;
}

/** The organizations whose own pages are primary for `entity`: its maker, and the maker's parent. */
export function makersOf(entity: Entity, kb: KnowledgeBase): string[] {
  const own = entity.kind === 'organization' ? entity.id : entity.organization;
  if (!own) return [];
  const org = kb.get(own);
  return org?.kind === 'organization' && org.parent ? [own, org.parent] : [own];
}

/**
 * Classifies `url` as a source for facts about an entity whose makers publish at `official`.
 * GitHub and Hugging Face pages count by their owner: the maker's organization is primary, any
 * other owner's repository, space or dataset is rejected; Hugging Face's own docs and blog are secondary.
 */
export function classifySource(url: string, official: Required<OfficialPlaces>, policy: SourcePolicy): Classification {
  if (!URL.canParse(url)) return { class: 'rejected', reason: 'not a URL' };
  const parsed = new URL(url);
  const host = parsed.hostname.replace(/^www\./, '').toLowerCase();
  const segments = parsed.pathname.split('/').filter(Boolean).map((s) => s.toLowerCase());

  if (host === 'github.com' || host === 'raw.githubusercontent.com') {
    const owner = segments[0] ?? '';
    return official.github.includes(owner) ? { class: 'primary', reason: `the maker's GitHub (${owner})` } : { class: 'rejected', reason: `a GitHub repository of \`${owner}\`, not the maker's` };
  }
  if (host === 'huggingface.co') {
    if (['docs', 'blog', 'papers', 'learn'].includes(segments[0] ?? '')) return { class: 'secondary', reason: "Hugging Face's own pages" };
    const owner = ['spaces', 'datasets', 'collections'].includes(segments[0] ?? '') ? segments[1] ?? '' : segments[0] ?? '';
    return official.huggingface.includes(owner) ? { class: 'primary', reason: `the maker's Hugging Face (${owner})` } : { class: 'rejected', reason: `a Hugging Face page of \`${owner}\`, not the maker's` };
  }
  // The most specific rule wins: `ollama.com` is primary for Ollama itself, though no source for
  // anyone else; `community.openai.com` is a forum on the maker's domain.
  const longest = (domains: readonly string[]): number => Math.max(-1, ...domains.filter((d) => under(host, d)).map((d) => d.length));
  const ownMatch = longest(official.domains);
  const rejectedMatch = longest(lower(policy.rejected));
  if (ownMatch >= 0 && ownMatch >= rejectedMatch) return { class: 'primary', reason: `the maker's site (${host})` };
  if (rejectedMatch >= 0) return { class: 'rejected', reason: `\`${host}\` is an aggregator, paste, wiki, forum or reseller` };
  if (lower(policy.papers).some((d) => under(host, d))) return { class: 'primary', reason: 'a paper' };
  return { class: 'secondary', reason: `\`${host}\` is not the maker's` };
}

/** Facts a hover or table shows that need a primary source, by entity kind. */
const SHOWN_FACTS: Partial<Record<Entity['kind'], string[]>> = {
  model: ['parameters', 'release', 'license', 'context', 'openWeights'],
  product: ['launched', 'models'],
};

/** The shown facts of `entity` that it sets (an undisclosed size needs no source). */
export function shownFacts(entity: Entity): string[] {
  const record = entity as unknown as Record<string, unknown>;
  return (SHOWN_FACTS[entity.kind] ?? []).filter((field) => {
    const value = record[field];
    if (value === undefined) return false;
    if (field === 'parameters') return (value as { disclosed?: boolean }).disclosed !== false;
    return !(Array.isArray(value) && value.length === 0);
  });
}

/** One of the entity's sources is the maker's own page or a paper, not marked secondary. */
function hasPrimarySource(entity: Entity, official: Required<OfficialPlaces>, policy: SourcePolicy): boolean {
  return entity.sources.some((s) => !s.secondary && classifySource(s.url, official, policy).class === 'primary');
}

/** The shown facts of an entity without a primary source that are not marked `secondary` or `unverified`. */
function primarylessFacts(entity: Entity, official: Required<OfficialPlaces>, policy: SourcePolicy): string[] {
  if (hasPrimarySource(entity, official, policy)) return [];
  const marked = new Set([...(entity.unverified ?? []), ...(entity.secondary ?? [])]);
  return shownFacts(entity).filter((field) => !marked.has(field));
}

/**
 * The source rules of the bundled data: no rejected source, every source labelled with its kind,
 * a non-primary source marked `secondary: true`, and every shown fact backed by a primary source
 * or listed in `secondary` or `unverified`.
 */
export function checkSources(files: readonly KnowledgeFile[], kb: KnowledgeBase, policy: SourcePolicy): KnowledgeProblem[] {
  ensureFacts();
  const problems: KnowledgeProblem[] = [];
  for (const file of files) {
    for (const entity of file.entities) {
      const ranges = file.fieldRanges?.get(entity.id);
      const origin = file.origins.get(entity.id);
      const point = { line: origin?.line ?? 0, character: origin?.character ?? 0 };
      const at = (path: string) => ranges?.get(path) ?? ranges?.get('id') ?? { start: point, end: point };
      const problem = (path: string, message: string) => problems.push({ uri: file.uri, range: at(path), code: 'knowledge.source', message });
      const official = officialPlaces(policy, kb, makersOf(entity, kb));
      entity.sources.forEach((source: Source, i) => {
        const { class: cls, reason } = classifySource(source.url, official, policy);
        if (cls === 'rejected') problem(`sources[${i}]`, `Unexpected source ${source.url} of \`${entity.id}\` (${reason}), expected the document that states the fact`);
        else if (cls === 'secondary' && !source.secondary) problem(`sources[${i}]`, `Unexpected unmarked source ${source.url} of \`${entity.id}\` (${reason}), expected \`secondary: true\` or a page of the maker`);
        if (!source.kind) problem(`sources[${i}]`, `Missing \`kind\` of source ${source.url} in \`${entity.id}\`, expected what the document is (\`model card\`, \`paper\`, \`announcement\`, ...)`);
      });
      for (const field of primarylessFacts(entity, official, policy)) {
        problem(field, `Unexpected \`${field}\` of \`${entity.id}\` without a primary source, expected a primary source or \`${field}\` in \`secondary\` or \`unverified\``);
      }
    }
  }
  return problems;
}

/** Shown facts with a primary source, of all shown facts, per group (`family` name or organization). */
export function primaryShare(kb: KnowledgeBase, policy: SourcePolicy, groupOf: (e: Entity) => string): Map<string, { primary: number; shown: number }> {
  const out = new Map<string, { primary: number; shown: number }>();
  for (const entity of kb.all()) {
    const facts = shownFacts(entity);
    if (facts.length === 0) continue;
    const official = officialPlaces(policy, kb, makersOf(entity, kb));
    const marked = new Set([...(entity.unverified ?? []), ...(entity.secondary ?? [])]);
    const row = out.get(groupOf(entity)) ?? { primary: 0, shown: 0 };
    row.shown += facts.length;
    if (hasPrimarySource(entity, official, policy)) row.primary += facts.filter((f) => !marked.has(f)).length;
    out.set(groupOf(entity), row);
  }
  return out;
}
