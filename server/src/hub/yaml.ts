/**
 * A looked-up entry as knowledge-file text, in the layout of the bundled data (`server/data/*.yaml`):
 * block mappings, aliases and sources as flow items, prose quoted. And the one workspace edit that
 * adds it (with a new organization) to the user's knowledge file.
 */
import { stringify } from 'yaml';
import { addEntriesEdit, knowledgeDocument, type AddEntriesResult, type KnowledgeItem } from '../features/knowledgeEdits';
import type { Entity } from '../knowledge/types';
import type { HubEntry } from './entry';

export type { AddEntriesResult };

/** The entry's items: the new organization (left out if the file has it already), then the model. */
export function entryItems(entry: HubEntry): KnowledgeItem[] {
  const items = entry.organization ? [entityItem(entry.organization, true)] : [];
  return [...items, entityItem(entry.model, false)];
}

/** The entry as a knowledge file's lists, for printing (`research-notes lookup`). */
export function entryYaml(entry: HubEntry): string {
  return knowledgeDocument(entryItems(entry));
}

/** The entry as a knowledge file in JSON (`.research-notes/*.json`). */
export function entryJson(entry: HubEntry): string {
  const doc = { ...(entry.organization && { organizations: [withoutKind(entry.organization)] }), models: [withoutKind(entry.model)] };
  return JSON.stringify(doc, null, 2);
}

/**
 * One workspace edit that adds the entry to the knowledge file `uri` (`existing`: its text, or
 * undefined to create it); refused when the file already has the model's id or is not a YAML
 * block mapping.
 */
export function hubEntryEdit(uri: string, existing: string | undefined, entry: HubEntry, fileVersion?: number): AddEntriesResult {
  return addEntriesEdit(uri, existing, entryItems(entry), fileVersion);
}

// ---- writing ------------------------------------------------------------------------------

/** Fields written as quoted prose, as the bundled data does. */
const QUOTED = new Set(['architectureNote', 'license', 'website', 'note', 'url', 'readVia']);

function entityItem(entity: Entity, optional: boolean): KnowledgeItem {
  return {
    list: entity.kind === 'organization' ? 'organizations' : `${entity.kind}s`,
    id: entity.id,
    optional,
    block: (dash, key, eol) => blockItem(withoutKind(entity), dash, key).map((line) => line + eol).join(''),
    flow: () => JSON.stringify(withoutKind(entity)),
  };
}

function withoutKind(entity: Entity): Record<string, unknown> {
  const { kind: _kind, ...rest } = entity;
  return rest;
}

/** A mapping as a block sequence item: `- first: …` at `dash`, the other keys at `key`. */
function blockItem(value: Record<string, unknown>, dash: number, key: number): string[] {
  const lines = blockMap(value, key);
  lines[0] = `${' '.repeat(dash)}-${' '.repeat(Math.max(1, key - dash - 1))}${lines[0].trimStart()}`;
  return lines;
}

function blockMap(value: Record<string, unknown>, indent: number): string[] {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    if (Array.isArray(v) && k === 'notes') lines.push(`${pad}${k}:`, ...v.map((n) => `${pad}  - ${JSON.stringify(n)}`));
    else if (Array.isArray(v) && v.some((item) => typeof item === 'object')) lines.push(`${pad}${k}:`, ...v.map((item) => `${pad}  - ${flowMap(item as Record<string, unknown>)}`));
    else if (Array.isArray(v)) lines.push(`${pad}${k}: [${v.map((item) => JSON.stringify(item)).join(', ')}]`);
    else if (typeof v === 'object' && v !== null) lines.push(`${pad}${k}:`, ...blockMap(v as Record<string, unknown>, indent + 2));
    else lines.push(`${pad}${k}: ${scalar(k, v)}`);
  }
  return lines;
}

/** `{ url: "https://…", kind: model card }`. */
function flowMap(value: Record<string, unknown>): string {
  const pairs = Object.entries(value).filter(([, v]) => v !== undefined);
  return `{ ${pairs.map(([k, v]) => `${k}: ${k === 'kind' ? String(v) : JSON.stringify(v)}`).join(', ')} }`;
}

function scalar(key: string, value: unknown): string {
  if (typeof value !== 'string') return String(value);
  return QUOTED.has(key) ? JSON.stringify(value) : stringify(value, { lineWidth: 0 }).trimEnd();
}
