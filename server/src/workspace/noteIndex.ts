/**
 * The workspace index: what every note under the workspace folders mentions and claims, kept as
 * plain ranges (never a note's text or syntax tree), so that a thousand closed notes cost little.
 * Open notes are indexed from their live text, closed ones from disk.
 */
import type { Location, Range } from 'vscode-languageserver-types';
import type { NoteAnalysis } from '../analysis';
import { spanText } from '../recognize/spans';

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

/** A claim and the note stating it. */
export type NoteClaim = IndexedClaim & { uri: string };

/** Numbers per mention in `IndexedNote`'s packed mentions: the entity's index in `ids`, then the range's four. */
const MENTION = 5;
/** Numbers per claim: the entity's index, 1 for an active count, the range's four, the end of its text in `claimTexts`. */
const CLAIM = 7;

/**
 * A note's index entry, packed: a thousand notes hold a few hundred thousand mentions, and an
 * object per mention and per position would cost ten times the numbers. Ranges are stored as
 * LSP positions, so reading one back needs no text.
 */
export class IndexedNote {
  constructor(
    readonly uri: string,
    /** Every entity the note mentions or claims a count for, once; the packed arrays refer to them by index. */
    readonly ids: readonly string[],
    private readonly mentionData: Uint32Array,
    private readonly claimData: Uint32Array,
    private readonly claimValues: Float64Array,
    /** The claims' texts, one after another. */
    private readonly claimTexts: string,
  ) {}

  get claimCount(): number {
    return this.claimValues.length;
  }

  /** Every mention, in the note's order; a product naming its model counts for both. */
  get mentions(): IndexedMention[] {
    const out: IndexedMention[] = [];
    for (let at = 0; at < this.mentionData.length; at += MENTION) out.push({ id: this.ids[this.mentionData[at]], range: rangeAt(this.mentionData, at + 1) });
    return out;
  }

  /** Every claim linked to a model, in the note's order. */
  get claims(): NoteClaim[] {
    return Array.from(this.claimValues, (_, i) => this.claimAt(i));
  }

  /** How many times the note mentions each entity it mentions. */
  mentionCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (let at = 0; at < this.mentionData.length; at += MENTION) {
      const id = this.ids[this.mentionData[at]];
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  }

  /** The ranges of the mentions of `id`, in the note's order; `limit` stops early. */
  mentionsOf(id: string, limit = Infinity): Range[] {
    const k = this.ids.indexOf(id);
    const out: Range[] = [];
    for (let at = 0; k !== -1 && at < this.mentionData.length && out.length < limit; at += MENTION) {
      if (this.mentionData[at] === k) out.push(rangeAt(this.mentionData, at + 1));
    }
    return out;
  }

  /** The claims about `id`, in the note's order, each with the note's URI. */
  claimsOf(id: string): NoteClaim[] {
    const k = this.ids.indexOf(id);
    const out: NoteClaim[] = [];
    for (let i = 0; k !== -1 && i < this.claimValues.length; i++) if (this.claimData[i * CLAIM] === k) out.push(this.claimAt(i));
    return out;
  }

  private claimAt(i: number): NoteClaim {
    const at = i * CLAIM;
    const text = this.claimTexts.slice(i === 0 ? 0 : this.claimData[at - 1], this.claimData[at + 6]);
    const range = rangeAt(this.claimData, at + 2);
    return { refersTo: this.ids[this.claimData[at]], value: this.claimValues[i], active: this.claimData[at + 1] === 1, text, range, uri: this.uri };
  }

  /** What other notes' checks read of this note's claims: which model, which count, total or active. */
  claimKey(): string {
    const keys: string[] = [];
    for (let i = 0, at = 0; i < this.claimValues.length; i++, at += CLAIM) keys.push(`${this.ids[this.claimData[at]]}:${this.claimValues[i]}:${this.claimData[at + 1] === 1}`);
    return keys.join(',');
  }
}

function rangeAt(data: Uint32Array, at: number): Range {
  return { start: { line: data[at], character: data[at + 1] }, end: { line: data[at + 2], character: data[at + 3] } };
}

/** Appends a range's four numbers. */
function pushRange(out: number[], range: Range): void {
  out.push(range.start.line, range.start.character, range.end.line, range.end.character);
}

/** A copy of `s` that shares no memory with the note it was cut from (`spanText`). */
const detached = (s: string): string => spanText(s, 0, s.length);

/** The index entry of an analysed note: a product mention naming its model counts for both. */
export function indexedNote(uri: string, analysis: NoteAnalysis): IndexedNote {
  const ids: string[] = [];
  const slots = new Map<string, number>();
  const slot = (id: string): number => {
    let k = slots.get(id);
    if (k === undefined) slots.set(id, (k = ids.push(id) - 1));
    return k;
  };
  const mentions: number[] = [];
  for (const m of analysis.mentions) {
    const range = analysis.range(m);
    mentions.push(slot(m.id));
    pushRange(mentions, range);
    if (m.model) {
      mentions.push(slot(m.model));
      pushRange(mentions, range);
    }
  }
  const claims: number[] = [];
  const values: number[] = [];
  let texts = '';
  for (const c of analysis.claims) {
    if (c.refersTo === null) continue;
    texts += c.text;
    claims.push(slot(c.refersTo), c.active ? 1 : 0);
    pushRange(claims, analysis.range(c));
    claims.push(texts.length);
    values.push(c.value);
  }
  return new IndexedNote(uri, ids, Uint32Array.from(mentions), Uint32Array.from(claims), Float64Array.from(values), detached(texts));
}

/** How many models' claims the index keeps decoded. */
const CACHED_MODELS = 4;

export class NoteIndex {
  private readonly notes = new Map<string, IndexedNote>();
  /** Entity id → notes mentioning it. */
  private readonly byEntity = new Map<string, Set<string>>();
  /** Entity id → mentions in all notes. */
  private readonly counts = new Map<string, number>();
  /** The indexed URIs in order, until a note is added or removed. */
  private sorted: string[] | undefined;
  /**
   * The claims about the models last asked for, by note, kept up to date: a hover asks for the
   * same model's claims again and again, while notes are being indexed too.
   */
  private readonly claimCache = new Map<string, Map<string, NoteClaim[]>>();

  get size(): number {
    return this.notes.size;
  }

  /** The indexed note at `uri`, if any. */
  note(uri: string): IndexedNote | undefined {
    return this.notes.get(uri);
  }

  has(uri: string): boolean {
    return this.notes.has(uri);
  }

  /** Whether the indexed note states any count. */
  hasClaims(uri: string): boolean {
    return (this.notes.get(uri)?.claimCount ?? 0) > 0;
  }

  uris(): string[] {
    return [...this.notes.keys()];
  }

  /** Indexes `note` (replacing its entry); true when the counts it claims changed, which other notes' checks read. */
  set(note: IndexedNote): boolean {
    const before = this.notes.get(note.uri)?.claimKey();
    this.delete(note.uri);
    this.notes.set(note.uri, note);
    this.sorted = undefined;
    for (const [id, byNote] of this.claimCache) {
      const claims = note.claimsOf(id);
      if (claims.length > 0) byNote.set(note.uri, claims);
    }
    for (const [id, count] of note.mentionCounts()) {
      let uris = this.byEntity.get(id);
      if (!uris) this.byEntity.set(id, (uris = new Set()));
      uris.add(note.uri);
      this.counts.set(id, (this.counts.get(id) ?? 0) + count);
    }
    return before === undefined ? note.claimCount > 0 : before !== note.claimKey();
  }

  delete(uri: string): void {
    const old = this.notes.get(uri);
    if (!old) return;
    this.notes.delete(uri);
    this.sorted = undefined;
    for (const byNote of this.claimCache.values()) byNote.delete(uri);
    for (const [id, n] of old.mentionCounts()) {
      const uris = this.byEntity.get(id);
      uris?.delete(uri);
      if (uris?.size === 0) this.byEntity.delete(id);
      const count = (this.counts.get(id) ?? n) - n;
      if (count === 0) this.counts.delete(id);
      else this.counts.set(id, count);
    }
  }

  /** Every mention of `id`, by note URI then position. */
  references(id: string): Location[] {
    const out: Location[] = [];
    for (const uri of [...(this.byEntity.get(id) ?? [])].sort()) {
      for (const range of this.notes.get(uri)!.mentionsOf(id)) out.push({ uri, range });
    }
    return out;
  }

  /** The first mention of `id` (by note URI, then position). */
  firstReference(id: string): Location | undefined {
    const uris = this.byEntity.get(id);
    if (!uris) return undefined;
    let first: string | undefined;
    for (const uri of uris) if (first === undefined || uri < first) first = uri;
    return { uri: first!, range: this.notes.get(first!)!.mentionsOf(id, 1)[0] };
  }

  /** The entities the notes mention, with how often and in how many notes. */
  entities(): { id: string; mentions: number; notes: number }[] {
    return [...this.byEntity].map(([id, uris]) => ({ id, mentions: this.counts.get(id) ?? 0, notes: uris.size }));
  }

  /** What the notes claim for model `id`, by note URI then position. */
  claims(id: string): NoteClaim[] {
    const byNote = this.cachedClaims(id);
    const out: NoteClaim[] = [];
    this.sorted ??= [...this.notes.keys()].sort();
    for (const uri of this.sorted) for (const c of byNote.get(uri) ?? []) out.push(c);
    return out;
  }

  private cachedClaims(id: string): Map<string, NoteClaim[]> {
    let byNote = this.claimCache.get(id);
    if (byNote) return byNote;
    byNote = new Map();
    for (const [uri, note] of this.notes) {
      const claims = note.claimsOf(id);
      if (claims.length > 0) byNote.set(uri, claims);
    }
    if (this.claimCache.size >= CACHED_MODELS) this.claimCache.delete(this.claimCache.keys().next().value!);
    this.claimCache.set(id, byNote);
    return byNote;
  }
}
