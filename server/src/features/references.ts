/**
 * Find All References and workspace symbols, over the workspace index: every mention of an
 * entity in every note, and the entities the notes mention, found by English or Korean name.
 */
import { SymbolKind, type Location, type SymbolInformation } from 'vscode-languageserver-types';
import type { Entity, KnowledgeBase } from '../knowledge/types';
import { fill, messages, type Locale } from '../l10n';
import { foldName } from '../knowledge/normalize';
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
export function workspaceSymbols(index: NoteIndex, kb: KnowledgeBase, query: string, locale: Locale): SymbolInformation[] {
  const t = messages(locale);
  const q = foldName(query);
  const found: { entity: Entity; mentions: number; notes: number }[] = [];
  for (const { id, mentions, notes } of index.entities()) {
    const entity = kb.get(id);
    if (entity && (q === '' || [entity.name, ...entity.aliases].some((n) => foldName(n).includes(q)))) found.push({ entity, mentions, notes });
  }
  found.sort((a, b) => b.mentions - a.mentions || a.entity.name.localeCompare(b.entity.name));
  return found.slice(0, MAX_SYMBOLS).map(({ entity, notes }) => ({
    name: entity.name,
    kind: KIND[entity.kind],
    location: index.references(entity.id)[0],
    containerName: notes === 1 ? t.inOneNote : fill(t.inNotes, { count: String(notes) }),
  }));
}
