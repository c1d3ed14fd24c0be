/**
 * The hover Markdown of an entity: its kind, maker and facts, each marked unverified or secondary
 * where the data says so, and at most two labelled sources, primary first. Used by the hover and
 * by completion's documentation.
 */
import { countText, parametersText, type NumberFormat } from './counts';
import { formatCount, formatDigits, formatTokens, type Notation } from './numbers';
import { escapeMarkdown, markdownLink } from './markdown';
import type {
  Entity,
  FamilyEntity,
  KnowledgeBase,
  ModelEntity,
  OrganizationEntity,
  ParameterCount,
  ProductEntity,
} from '../knowledge/types';
import { rankedSources, sourceLabel } from './sources';
import { fill, messages, type Locale, type MessageKey } from '../l10n';
import { ensureFacts } from '../knowledge/facts';

export interface HoverOptions {
  locale: Locale;
  numberFormat: NumberFormat;
  /** Claim-check tolerance, so a claim's hover agrees with its diagnostic. */
  tolerance?: number;
}

/** The hover Markdown of one entity. */
export function entityMarkdown(entity: Entity, kb: KnowledgeBase, options: HoverOptions): string {
  ensureFacts();
  const t = messages(options.locale);
  const lines: string[] = [];
  const item = (label: MessageKey, value: string, field?: string): void => {
    const mark = !field ? '' : entity.unverified?.includes(field) ? ` (${t.unverifiedMark})` : entity.secondary?.includes(field) ? ` (${t.secondaryMark})` : '';
    lines.push(`- ${t[label]}: ${value}${mark}`);
  };
  const orgName = (id: string | undefined): string | undefined => (id ? kb.get(id)?.name ?? id : undefined);

  let title = `**${escapeMarkdown(entity.name)}** · `;
  switch (entity.kind) {
    case 'model': {
      title += t.model + (entity.organization ? ` · ${escapeMarkdown(orgName(entity.organization)!)}` : '');
      modelItems(entity, options, item, kb);
      break;
    }
    case 'family': {
      title += t.family + (entity.organization ? ` · ${escapeMarkdown(orgName(entity.organization)!)}` : '');
      familyItems(entity, kb, options, item);
      break;
    }
    case 'organization': {
      const parts = [t.organization];
      if (entity.type) parts.push(t[entity.type]);
      if (entity.country) parts.push(escapeMarkdown(entity.country));
      title += parts.join(' · ');
      organizationItems(entity, kb, options, item);
      break;
    }
    case 'product': {
      title += t.product + (entity.organization ? ` · ${escapeMarkdown(orgName(entity.organization)!)}` : '');
      productItems(entity, kb, options, item);
      break;
    }
  }
  const notVerified = (entity.unverified ?? []).filter((f) => !shownFields.has(f));
  if (notVerified.length) item('unverified', notVerified.map(escapeMarkdown).join(', '));
  const secondaryOnly = (entity.secondary ?? []).filter((f) => !shownFields.has(f));
  if (secondaryOnly.length) item('secondaryOnly', secondaryOnly.map(escapeMarkdown).join(', '));
  for (const note of entity.notes ?? []) item('note', escapeMarkdown(note));

  // At most two documents, primary first, each named by what it is.
  const sources = rankedSources(entity.sources)
    .slice(0, 2)
    .map((s) => markdownLink(s.url, sourceLabel(s, options.locale)) + (s.secondary ? ` (${t.secondaryMark})` : ''));
  let footer = sources.length ? `${t.sources}: ${sources.join(' · ')}` : '';
  if (entity.asOf) footer += `${footer ? ' · ' : ''}${t.asOf} ${escapeMarkdown(entity.asOf)}`;
  return [title, '', ...lines, ...(footer ? ['', footer] : [])].join('\n');
}

/**
 * Fields whose unverified mark is shown inline next to their value. The others (an
 * organization's country and type sit in the title line) are listed on an "Unverified" line.
 */
const shownFields = new Set(['parameters', 'architecture', 'release', 'license', 'openWeights', 'context', 'modality', 'website', 'launched', 'models']);

type Item = (label: MessageKey, value: string, field?: string) => void;


function modelItems(m: ModelEntity, options: HoverOptions, item: Item, kb: KnowledgeBase): void {
  const t = messages(options.locale);
  const params = parametersText(m.parameters, options);
  if (params) item('parameters', params, 'parameters');
  for (const alt of m.parameters?.alternates ?? []) {
    const counts = [
      alt.total !== undefined ? `${countText(alt.total, options.numberFormat)} ${t.total}` : undefined,
      alt.active !== undefined ? `${countText(alt.active, options.numberFormat)} ${t.active}` : undefined,
    ].filter(Boolean);
    item('alsoReported', `${counts.join(' · ')} — ${escapeMarkdown(alt.note)}`);
  }
  if (m.parameters?.note) item('note', escapeMarkdown(m.parameters.note));
  if (m.architecture || m.architectureNote) {
    const arch = [m.architecture ? t[m.architecture] : undefined, m.architectureNote ? escapeMarkdown(m.architectureNote) : undefined];
    item('architecture', arch.filter(Boolean).join(' — '), 'architecture');
  }
  if (m.family) {
    const fam = kb.get(m.family);
    if (fam) item('family', escapeMarkdown(fam.name));
  }
  if (m.release) item('released', escapeMarkdown(m.release), 'release');
  const license = [m.license ? escapeMarkdown(m.license) : undefined];
  if (m.openWeights !== undefined) license.push(m.openWeights ? t.openWeights : t.closedWeights);
  if (license.some(Boolean)) item('license', license.filter(Boolean).join(' · '), m.license ? 'license' : 'openWeights');
  if (m.context !== undefined) item('context', `${formatTokens(m.context)} (${formatDigits(m.context)} ${t.tokens})`, 'context');
  if (m.modality) item('modality', `${m.modality.input.join(', ')} → ${m.modality.output.join(', ')}`, 'modality');
}

function sizeLabel(m: ModelEntity, options: HoverOptions): string {
  const p = m.parameters;
  if (!p) return escapeMarkdown(m.name);
  if (p.disclosed === false) return `${escapeMarkdown(m.name)} (${messages(options.locale).undisclosed})`;
  if (p.total === undefined) return escapeMarkdown(m.name);
  const format: Notation = options.numberFormat === '억' ? '억' : 'B';
  const size = formatCount(p.total, format);
  // `EXAONE Deep 32B`, not `EXAONE Deep 32B (32B)`.
  return m.name.includes(size) ? escapeMarkdown(m.name) : `${escapeMarkdown(m.name)} (${size})`;
}

function familyItems(f: FamilyEntity, kb: KnowledgeBase, options: HoverOptions, item: Item): void {
  const members = kb.membersOf(f.id);
  if (members.length) item('members', members.map((m) => sizeLabel(m, options)).join(', '));
}

function organizationItems(o: OrganizationEntity, kb: KnowledgeBase, options: HoverOptions, item: Item): void {
  if (o.parent) item('parent', escapeMarkdown(kb.get(o.parent)?.name ?? o.parent));
  if (o.website) item('website', markdownLink(o.website), 'website');
  const models = kb.modelsOf(o.id);
  if (models.length) item('models', models.map((m) => sizeLabel(m, options)).join(', '));
}

function productItems(p: ProductEntity, kb: KnowledgeBase, options: HoverOptions, item: Item): void {
  const t = messages(options.locale);
  if (p.launched) item('launched', escapeMarkdown(p.launched), 'launched');
  const served = (p.models ?? []).map(({ model, since }) => {
    const name = escapeMarkdown(kb.get(model)?.name ?? model);
    return since ? `${name} (${fill(t.since, { date: escapeMarkdown(since) })})` : name;
  });
  if (served.length) item('servedModels', served.join(', '), 'models');
}
