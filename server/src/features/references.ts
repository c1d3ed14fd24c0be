/**
 * Find All References and workspace symbols, over the workspace index: every mention of an
 * entity in every note, and the entities the notes mention, found by English or Korean name.
 */
import { SymbolKind, type Location, type SymbolInformation } from 'vscode-languageserver-types';
import type { Entity, KnowledgeBase } from '../knowledge/types';
import { fill, messages, type Locale } from '../l10n';
import { entryLocation } from '../knowledge/location';
import { foldName } from '../knowledge/normalize';
import type { EntitiesResult } from '../protocol';
import type { NoteIndex } from '../workspace/noteIndex';

/** Every mention of `id`, after its knowledge entry when `declaration` is given. */
export function references(index: NoteIndex, id: string, declaration?: Location | null): Location[] {
  return [...(declaration ? [declaration] : []), ...index.references(id)];
}

const KIND: Record<Entity['kind'], SymbolKind> = {
  model: SymbolKind.Class,
  family: SymbolKind.Class,
  organization: SymbolKind.Namespace,
  product: SymbolKind.Object,
};

/** Most results a query returns: editors filter further as the user types. */
const MAX_SYMBOLS = 200;

/**
 * The mentioned entities whose name or an alias contains `query` (folded: case, spacing and
 * script changes aside, so `딥시크` finds DeepSeek-V3.1), most-mentioned first, each at its first
 * mention, with its note count as the container.
 */
export function workspaceSymbols(index: NoteIndex, kb: KnowledgeBase, query: string, locale: Locale, knowledgeFiles: readonly string[] = []): SymbolInformation[] {
  const t = messages(locale);
  const q = foldName(query);
  const matches = (entity: Entity): boolean => q === '' || [entity.name, ...entity.aliases].some((n) => foldName(n).includes(q));
  const found: { entity: Entity; mentions: number; notes: number }[] = [];
  for (const { id, mentions, notes } of index.entities()) {
    const entity = kb.get(id);
    if (entity && matches(entity)) found.push({ entity, mentions, notes });
  }
  // Entities the user's knowledge files define, mentioned or not: at their entry.
  const files = new Set(knowledgeFiles);
  const defined = kb.all().filter((e) => files.has(kb.origin(e.id)?.uri ?? '') && !index.firstReference(e.id) && matches(e));
  for (const entity of defined) found.push({ entity, mentions: 0, notes: 0 });
  found.sort((a, b) => b.mentions - a.mentions || a.entity.name.localeCompare(b.entity.name));
  return found.slice(0, MAX_SYMBOLS).map(({ entity, notes }) => ({
    name: entity.name,
    kind: KIND[entity.kind],
    location: index.firstReference(entity.id) ?? entryLocation(kb.origin(entity.id)!),
    containerName: notes === 1 ? t.inOneNote : fill(t.inNotes, { count: String(notes) }),
  }));
}

const VIEW_KINDS = ['model', 'organization', 'product'] as const;

/**
 * The Entities view: kinds, each with its entities by mention count (then name), each with the
 * notes mentioning it and every mention's range. Families count as models. `onlyUri` keeps one note.
 */
export function entitiesView(index: NoteIndex, kb: KnowledgeBase, onlyUri?: string): EntitiesResult['kinds'] {
  const byKind = new Map<string, EntitiesResult['kinds'][number]['entities']>(VIEW_KINDS.map((k) => [k, []]));
  for (const { id } of index.entities()) {
    const entity = kb.get(id);
    if (!entity) continue;
    const refs = index.references(id).filter((r) => !onlyUri || r.uri === onlyUri);
    if (refs.length === 0) continue;
    const notes = new Map<string, { line: number; character: number; endLine: number; endCharacter: number }[]>();
    for (const r of refs) {
      const list = notes.get(r.uri) ?? [];
      list.push({ line: r.range.start.line, character: r.range.start.character, endLine: r.range.end.line, endCharacter: r.range.end.character });
      notes.set(r.uri, list);
    }
    const kind = entity.kind === 'family' ? 'model' : entity.kind;
    byKind.get(kind)!.push({ id, name: entity.name, mentions: refs.length, notes: [...notes].map(([uri, mentions]) => ({ uri, mentions })) });
  }
  return VIEW_KINDS.map((kind) => ({
    kind,
    entities: byKind.get(kind)!.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name)),
  }));
}
