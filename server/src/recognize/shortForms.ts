/**
 * Short forms a note defines for itself: after `Llama 4 Maverick`, a later `Maverick` is that
 * model; likewise `R1` after `DeepSeek-R1`, `V3` after `DeepSeek-V3`, `Opus 4` after
 * `Claude Opus 4`, `K2` after `Kimi K2`, `4o` after `GPT-4o`. Only within the note, only after
 * the model's first full mention, and never a form two of the note's models share.
 */
import type { KnowledgeBase, ModelEntity } from '../knowledge/types';
import { buildAliasIndex, foldName, type AliasIndex } from './aliasIndex';
import type { Mention } from './types';
import { firstEndingAfter } from './spans';

/** The short forms of one note, derived from its full mentions. */
export interface ShortFormSet {
  /** `form=id` pairs, sorted: equal keys mean the same forms for the same models. */
  readonly key: string;
  /** Model id → start of its first full mention: a short form counts only after it. */
  readonly first: ReadonlyMap<string, number>;
  /** Matches the forms with the alias index's rules (boundaries, particles, capitalized words). */
  readonly index: AliasIndex | undefined;
}

/**
 * Words that name a variant, not a model: `Pro` after `Gemini 2.5 Pro` is no short form, nor are
 * sizes (`405B`, `A22B`) and bare versions (`4`, `3.1`).
 */
const GENERIC = new Set(
  'instruct base chat pro mini flash turbo ultra light lite large small medium nano max plus think thinking reasoning vision vl coder code preview it hf fp8 latest omni deep next air exp experimental guard embed embedding distill online edge'.split(' '),
);

/** Forms of `name` without its leading words: `Llama 4 Maverick` → `4 Maverick`, `Maverick`. */
export function shortFormsOf(name: string): string[] {
  const words = name.split(/[-_\s]+/).filter(Boolean);
  const forms: string[] = [];
  for (let k = 1; k < words.length; k++) {
    const tail = words.slice(k);
    const form = tail.join(' ');
    if (!/[A-Za-z]/.test(form) || foldName(form).length < 2) continue;
    if (tail.length === 1 && (GENERIC.has(form.toLowerCase()) || /^A?\d+(?:\.\d+)?[BbMmTt]$/.test(form) || /^\d+x\d+B$/i.test(form))) continue;
    if (tail.every((w) => GENERIC.has(w.toLowerCase()) || /^[\d.]+[BbMmTtKk]?$/.test(w))) continue;
    forms.push(form);
  }
  return forms;
}

const EMPTY: ShortFormSet = { key: '', first: new Map(), index: undefined };

/**
 * The short forms of a note from its full mentions (`mentions` sorted, short ones ignored).
 * `previous` is reused when the forms are the same, so typing never rebuilds the matcher.
 */
export function deriveShortForms(mentions: readonly Mention[], kb: KnowledgeBase, previous?: ShortFormSet): ShortFormSet {
  const first = new Map<string, number>();
  const owner = new Map<string, string>(); // folded form → model id, or '' when shared
  const surface = new Map<string, string>(); // folded form → the form as the name writes it
  for (const m of mentions) {
    if (m.short || first.has(m.id)) continue;
    const entity = kb.get(m.id);
    if (entity?.kind !== 'model') continue;
    first.set(m.id, m.start);
    for (const form of new Set([...shortFormsOf(entity.name), ...shortFormsOf(m.text)])) {
      const folded = foldName(form);
      const o = owner.get(folded);
      if (o === undefined) {
        owner.set(folded, m.id);
        surface.set(folded, form);
      } else if (o !== m.id) owner.set(folded, '');
    }
  }
  const pairs = [...owner].filter(([, id]) => id !== '').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (pairs.length === 0) return first.size === 0 ? EMPTY : { key: '', first, index: undefined };
  const key = pairs.map(([form, id]) => `${form}=${id}`).join('\n');
  if (previous && previous.key === key) return { key, first, index: previous.index };
  return { key, first, index: buildAliasIndex(formsKnowledge(pairs.map(([form, id]) => [surface.get(form)!, id]), kb)) };
}

/** A knowledge base of just the forms, each an alias of its model, for the alias index. */
function formsKnowledge(forms: [string, string][], kb: KnowledgeBase): KnowledgeBase {
  const byId = new Map<string, ModelEntity>();
  for (const [form, id] of forms) {
    const e = byId.get(id);
    if (e) e.aliases.push(form);
    else byId.set(id, { kind: 'model', id, name: form, aliases: [], sources: [] });
  }
  const all = [...byId.values()];
  return { ...kb, version: -1, get: (id) => byId.get(id), all: () => all };
}

/**
 * Short-form mentions in `mask[from, to)`: after their model's first full mention, and not
 * overlapping any full mention of `mentions` (sorted; short ones are skipped): `Maverick` inside
 * `Llama 4 Maverick` is part of that name.
 */
export function findShortForms(set: ShortFormSet, mask: string, from: number, to: number, mentions: readonly Mention[]): Mention[] {
  if (!set.index) return [];
  const out: Mention[] = [];
  const full = mentions;
  let k = firstEndingAfter(mentions, from);
  for (const m of set.index.find(mask, from, to)) {
    const start = set.first.get(m.id);
    if (start === undefined || m.start < start) continue;
    // `4o` is not in `4o-mini`, another model.
    if (mask[m.end] === '-' && /[A-Za-z0-9]/.test(mask[m.end + 1] ?? '')) continue;
    while (k < full.length && (full[k].end <= m.start || full[k].short)) k++;
    if (k < full.length && full[k].start < m.end) continue;
    out.push({ ...m, short: true });
  }
  return out;
}


/** Two sorted, non-overlapping lists merged by start. */
export function mergeMentions(a: readonly Mention[], b: readonly Mention[]): Mention[] {
  if (b.length === 0) return a as Mention[];
  const out: Mention[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i].start <= b[j].start)) out.push(a[i++]);
    else out.push(b[j++]);
  }
  return out;
}
