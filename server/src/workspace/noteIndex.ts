/**
 * The workspace index: what every note under the workspace folders mentions and claims, kept as
 * plain ranges (never a note's text or syntax tree), so that a thousand closed notes cost little.
 * Open notes are indexed from their live text, closed ones from disk.
 */
import type { Location, Range } from 'vscode-languageserver-types';
import type { NoteAnalysis } from '../analysis';

/** One mention in the index: the entity and where it stands. */
export interface IndexedMention {
  id: string;
  range: Range;
}

/** One parameter-count claim about a model, as the note states it. */
export interface IndexedClaim {
  refersTo: string;
  value: number;
  /** An active-parameter count (`37B active`), not a total. */
  active: boolean;
  text: string;
  range: Range;
}

export interface IndexedNote {
  uri: string;
  mentions: IndexedMention[];
  claims: IndexedClaim[];
}

/** The index entry of an analysed note: a product mention naming its model counts for both. */
export function indexedNote(uri: string, analysis: NoteAnalysis): IndexedNote {
  const mentions: IndexedMention[] = [];
  for (const m of analysis.mentions) {
    const range = analysis.range(m);
    mentions.push({ id: m.id, range });
    if (m.model) mentions.push({ id: m.model, range });
  }
  const claims = analysis.claims
    .filter((c): c is typeof c & { refersTo: string } => c.refersTo !== null)
    .map((c) => ({ refersTo: c.refersTo, value: c.value, active: c.active, text: c.text, range: analysis.range(c) }));
  return { uri, mentions, claims };
}

export class NoteIndex {
  private readonly notes = new Map<string, IndexedNote>();
  /** Entity id → notes mentioning it. */
  private readonly byEntity = new Map<string, Set<string>>();
  /** Entity id → mentions in all notes. */
  private readonly counts = new Map<string, number>();

  get size(): number {
    return this.notes.size;
  }

  has(uri: string): boolean {
    return this.notes.has(uri);
  }

  /** Whether the indexed note states any count. */
  hasClaims(uri: string): boolean {
    return (this.notes.get(uri)?.claims.length ?? 0) > 0;
  }

  uris(): string[] {
    return [...this.notes.keys()];
  }

  /** Indexes `note` (replacing its entry); true when the counts it claims changed, which other notes' checks read. */
  set(note: IndexedNote): boolean {
    const before = this.notes.get(note.uri)?.claims;
    this.delete(note.uri);
    this.notes.set(note.uri, note);
    for (const m of note.mentions) {
      let uris = this.byEntity.get(m.id);
      if (!uris) this.byEntity.set(m.id, (uris = new Set()));
      uris.add(note.uri);
      this.counts.set(m.id, (this.counts.get(m.id) ?? 0) + 1);
    }
    const key = (cs: readonly IndexedClaim[]) => cs.map((c) => `${c.refersTo}:${c.value}:${c.active}`).join(',');
    return before === undefined ? note.claims.length > 0 : key(before) !== key(note.claims);
  }

  delete(uri: string): void {
    const old = this.notes.get(uri);
    if (!old) return;
    this.notes.delete(uri);
    for (const m of old.mentions) {
      const uris = this.byEntity.get(m.id);
      uris?.delete(uri);
      if (uris?.size === 0) this.byEntity.delete(m.id);
      const count = (this.counts.get(m.id) ?? 1) - 1;
      if (count === 0) this.counts.delete(m.id);
      else this.counts.set(m.id, count);
    }
  }

  /** Every mention of `id`, by note URI then position. */
  references(id: string): Location[] {
    const out: Location[] = [];
    for (const uri of [...(this.byEntity.get(id) ?? [])].sort()) {
      for (const m of this.notes.get(uri)!.mentions) if (m.id === id) out.push({ uri, range: m.range });
    }
    return out;
  }

  /** The first mention of `id` (by note URI, then position). */
  firstReference(id: string): Location | undefined {
    const uris = this.byEntity.get(id);
    if (!uris) return undefined;
    let first: string | undefined;
    for (const uri of uris) if (first === undefined || uri < first) first = uri;
    const m = this.notes.get(first!)!.mentions.find((x) => x.id === id)!;
    return { uri: first!, range: m.range };
  }

  /** The entities the notes mention, with how often and in how many notes. */
  entities(): { id: string; mentions: number; notes: number }[] {
    return [...this.byEntity].map(([id, uris]) => ({ id, mentions: this.counts.get(id) ?? 0, notes: uris.size }));
  }

  /** What the notes claim for model `id`, by note URI then position. */
  claims(id: string): (IndexedClaim & { uri: string })[] {
    const out: (IndexedClaim & { uri: string })[] = [];
    for (const [uri, note] of [...this.notes].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      for (const c of note.claims) if (c.refersTo === id) out.push({ ...c, uri });
    }
    return out;
  }
}
