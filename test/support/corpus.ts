/**
 * The real-note corpus (`test/corpus/{tuned,heldout}/*.md` with hand labels beside each) and how
 * the server's recognition is scored against it: `npm run eval` prints the figures, and a unit
 * test holds them at or above the recorded ones (`test/corpus/baseline.json`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parse } from 'yaml';
import { createRecognizers, analyzeNote, type Recognizers } from '../../server/src/analysis';
import { buildAliasIndex, foldName } from '../../server/src/recognize/aliasIndex';
import type { KnowledgeBase } from '../../server/src/knowledge/types';

export const CORPUS_DIR = join(__dirname, '..', 'corpus');
export const SPLITS = ['tuned', 'heldout'] as const;
export type Split = (typeof SPLITS)[number];
export type Language = 'en' | 'ko';

interface EntityLabel {
  line: number;
  text: string;
  kind: string;
  canonical: string;
}

interface ClaimLabel {
  line: number;
  text: string;
  value: number;
  refersTo: string | null;
  active?: boolean;
  expertShape?: boolean;
}

export interface CorpusNote {
  name: string;
  split: Split;
  language: Language;
  text: string;
  entities: EntityLabel[];
  claims: ClaimLabel[];
}

/** Every labelled note, in name order; a label whose text is not on its line throws. */
export function loadCorpus(dir = CORPUS_DIR): CorpusNote[] {
  const notes: CorpusNote[] = [];
  for (const split of SPLITS) {
    let names: string[];
    try {
      names = readdirSync(join(dir, split)).filter((n) => n.endsWith('.md')).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const text = readFileSync(join(dir, split, name), 'utf8');
      const labels = parse(readFileSync(join(dir, split, name.replace(/\.md$/, '.expected.yaml')), 'utf8')) ?? {};
      const note: CorpusNote = { name, split, language: name.startsWith('ko-') ? 'ko' : 'en', text, entities: labels.entities ?? [], claims: labels.parameterClaims ?? [] };
      const lines = text.split(/\r?\n/);
      for (const l of [...note.entities, ...note.claims]) {
        if (!lines[l.line - 1]?.includes(l.text)) throw new Error(`${split}/${name}: label "${l.text}" is not on line ${l.line}`);
      }
      notes.push(note);
    }
  }
  return notes;
}

/** A labelled or found span: 1-based line, UTF-16 columns on it. */
interface Span {
  line: number;
  start: number;
  end: number;
}

/**
 * Places labels on their lines: longer labels first, each at its text's first occurrence in prose
 * (`prose(line, column)`) that no placed label on the line covers, after the previous label of
 * the same text (`Qwen3` after `Qwen3-Instruct-2507` on one line is the second `Qwen3`).
 */
function placeLabels<T extends { line: number; text: string }>(labels: readonly T[], lines: readonly string[], prose: (line: number, column: number) => boolean, others: readonly Span[] = []): (T & Span)[] {
  const placed = new Map<T, T & Span>();
  const taken: Span[] = [...others];
  const after = new Map<string, number>();
  const order = [...labels].sort((a, b) => b.text.length - a.text.length);
  for (const l of order) {
    const line = lines[l.line - 1];
    const key = `${l.line}\u0000${l.text}`;
    let start = line.indexOf(l.text, after.get(key) ?? 0);
    const free = (s: number): boolean => prose(l.line, s) && !taken.some((t) => t.line === l.line && t.start < s + l.text.length && s < t.end);
    for (let s = start; s !== -1; s = line.indexOf(l.text, s + 1)) {
      if (free(s)) {
        start = s;
        break;
      }
    }
    const span = { line: l.line, start, end: start + l.text.length };
    after.set(key, span.end);
    taken.push(span);
    placed.set(l, { ...l, ...span });
  }
  return labels.map((l) => placed.get(l)!);
}

const overlaps = (a: Span, b: Span): boolean => a.line === b.line && a.start < b.end && b.start < a.end;

export interface Tally {
  gold: number;
  found: number;
  /** Found and labelled at the same place, with the right entity or value. */
  correct: number;
  /** Found at a labelled place, whatever it was linked to. */
  detected: number;
  /** Of the detected claims: those about the labelled model (or about none, as labelled). */
  linked: number;
}

export const emptyTally = (): Tally => ({ gold: 0, found: 0, correct: 0, detected: 0, linked: 0 });

export interface NoteScore {
  entity: Tally;
  claim: Tally;
  /** What was missed or wrong, for reading: `line: text (expected → found)`. */
  misses: string[];
}

/** The ids a label's canonical name resolves to in `kb`. */
function resolve(kb: KnowledgeBase, lookup: (name: string) => readonly string[], canonical: string | null): string[] {
  if (canonical === null) return [];
  return [...lookup(canonical)].filter((id) => kb.get(id));
}

/** Scores one note: recognition as the server runs it (the same recognizers, the same mask). */
export function scoreNote(note: CorpusNote, kb: KnowledgeBase, recognizers: Recognizers): NoteScore {
  const aliases = recognizers.aliases;
  const analysis = analyzeNote(TextDocument.create(pathToFileURL(join(CORPUS_DIR, note.split, note.name)).href, 'markdown', 1, note.text), recognizers);
  const lines = note.text.split(/\r?\n/);
  const at = (s: { start: number; end: number }): Span => {
    const r = analysis.range(s);
    return { line: r.start.line + 1, start: r.start.character, end: r.start.line === r.end.line ? r.end.character : lines[r.start.line].length };
  };
  const misses: string[] = [];

  const entity = emptyTally();
  const prose = (line: number, column: number): boolean => analysis.mask[analysis.offsetAt({ line: line - 1, character: column })] !== '\u0000';
  const gold = placeLabels(note.entities, lines, prose);
  const found = analysis.mentions.map((m) => ({ ...at(m), id: m.id, text: m.text, used: false }));
  entity.gold = gold.length;
  entity.found = found.length;
  for (const g of gold) {
    const ids = resolve(kb, aliases.lookup, g.canonical);
    const hit = found.find((f) => !f.used && overlaps(f, g));
    if (!hit) {
      misses.push(`${g.line}: missed ${g.kind} "${g.text}" (${g.canonical}${ids.length ? '' : ', not in the knowledge base'})`);
      continue;
    }
    hit.used = true;
    entity.detected++;
    if (ids.includes(hit.id) || nearestFamily(kb, hit.id, g.canonical, ids)) entity.correct++;
    else misses.push(`${g.line}: "${g.text}" linked to ${kb.get(hit.id)?.name ?? hit.id}, expected ${g.canonical}`);
  }
  for (const f of found) if (!f.used) misses.push(`${f.line}: spurious "${f.text}" → ${kb.get(f.id)?.name ?? f.id}`);

  const claim = emptyTally();
  // A size inside a labelled name (`Qwen-7B`) is not where a claim label stands.
  const goldClaims = placeLabels(note.claims, lines, prose, gold);
  const foundClaims = analysis.claims.map((c) => ({ ...at(c), value: c.value, refersTo: c.refersTo, text: c.text, used: false }));
  claim.gold = goldClaims.length;
  claim.found = foundClaims.length;
  for (const g of goldClaims) {
    const hit = foundClaims.find((f) => !f.used && overlaps(f, g));
    if (!hit) {
      misses.push(`${g.line}: missed claim "${g.text}"`);
      continue;
    }
    hit.used = true;
    claim.detected++;
    if (g.expertShape || Math.abs(hit.value - g.value) <= g.value * 0.005) claim.correct++;
    else misses.push(`${g.line}: claim "${g.text}" read as ${hit.value}, expected ${g.value}`);
    const ids = resolve(kb, aliases.lookup, g.refersTo);
    if (g.refersTo === null ? hit.refersTo === null : hit.refersTo !== null && ids.includes(hit.refersTo)) claim.linked++;
    else misses.push(`${g.line}: claim "${g.text}" about ${hit.refersTo ? kb.get(hit.refersTo)?.name : 'nothing'}, expected ${g.refersTo ?? 'nothing'}`);
  }
  for (const f of foundClaims) if (!f.used) misses.push(`${f.line}: spurious claim "${f.text}"`);
  return { entity, claim, misses };
}

/**
 * A label whose exact model the knowledge base lacks (`Qwen3-14B`) is rightly found as its
 * family: the family's name starts the label's name.
 */
function nearestFamily(kb: KnowledgeBase, foundId: string, canonical: string, ids: readonly string[]): boolean {
  if (ids.length > 0) return false;
  const e = kb.get(foundId);
  return e?.kind === 'family' && foldName(canonical).startsWith(foldName(e.name));
}

export function add(a: Tally, b: Tally): Tally {
  return { gold: a.gold + b.gold, found: a.found + b.found, correct: a.correct + b.correct, detected: a.detected + b.detected, linked: a.linked + b.linked };
}

export interface Figures {
  precision: number;
  recall: number;
  f1: number;
  /** Entities: right entity among detected; claims: right model (or none) among detected. */
  linking: number;
}

export function figures(t: Tally, kind: 'entity' | 'claim'): Figures {
  const precision = t.found ? t.correct / t.found : 1;
  const recall = t.gold ? t.correct / t.gold : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const linking = t.detected ? (kind === 'entity' ? t.correct : t.linked) / t.detected : 1;
  return { precision, recall, f1, linking };
}

export type Scores = Record<Split, Record<Language, { entity: Tally; claim: Tally }>>;

/** Tallies per split and language over the whole corpus. */
export function scoreCorpus(notes: readonly CorpusNote[], kb: KnowledgeBase): { scores: Scores; perNote: Map<string, NoteScore> } {
  const blank = () => ({ en: { entity: emptyTally(), claim: emptyTally() }, ko: { entity: emptyTally(), claim: emptyTally() } });
  const scores: Scores = { tuned: blank(), heldout: blank() };
  const perNote = new Map<string, NoteScore>();
  // One alias index for the whole corpus, as the server builds one per knowledge base.
  const recognizers = createRecognizers(kb, buildAliasIndex(kb));
  for (const note of notes) {
    const s = scoreNote(note, kb, recognizers);
    perNote.set(`${note.split}/${note.name}`, s);
    const cell = scores[note.split][note.language];
    cell.entity = add(cell.entity, s.entity);
    cell.claim = add(cell.claim, s.claim);
  }
  return { scores, perNote };
}
