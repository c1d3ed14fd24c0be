/**
 * The bundled entities' hover text, read after their names. Their sources, notes and
 * architecture notes are half of the bundled snapshot and nothing recognition needs, so the
 * snapshot keeps them on a line of their own that is parsed on first need (`snapshot.ts`) instead
 * of at start.
 *
 * Whoever reads `sources`, `notes` or `architectureNote` of an entity calls `ensureFacts()`
 * first: a hover, the comparison table, a claim's diagnostic link, the Hub's commands, a user
 * entry overriding a bundled one. It fills every entity read so far, once; after that it costs a
 * length test.
 */
import type { Entity, Source } from './types';

/** What the snapshot's second line holds for one entity. */
export interface EntityFacts {
  sources: Source[];
  notes?: string[];
  architectureNote?: string;
}

const pending: (() => void)[] = [];

/** Runs `fill` before any entity's facts are read next (see `ensureFacts`). */
export function deferFacts(fill: () => void): void {
  pending.push(fill);
}

/** Fills in the facts of every entity read without them. */
export function ensureFacts(): void {
  while (pending.length > 0) pending.shift()!();
}

/** Gives `entity` the facts `facts` holds for it (none when the snapshot's facts were unreadable). */
export function setFacts(entity: Entity, facts: EntityFacts | undefined): void {
  const target = entity as { -readonly [K in keyof EntityFacts]: EntityFacts[K] };
  target.sources = Array.isArray(facts?.sources) ? facts.sources : [];
  if (facts?.notes) target.notes = facts.notes;
  if (facts?.architectureNote) target.architectureNote = facts.architectureNote;
}

/** `entity` without its facts, and the facts (the snapshot's writer). */
export function splitFacts(entity: Entity): { names: Entity; facts: EntityFacts } {
  const { sources, notes, ...rest } = entity as Entity & EntityFacts;
  const { architectureNote, ...names } = rest as typeof rest & { architectureNote?: string };
  const facts: EntityFacts = { sources, ...(notes ? { notes } : {}), ...(architectureNote ? { architectureNote } : {}) };
  return { names: names as Entity, facts };
}
