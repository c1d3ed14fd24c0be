/**
 * Short forms a note defines for itself: after `Llama 4 Maverick`, a later `Maverick` is that
 * model; likewise `R1` after `DeepSeek-R1`, `V3` after `DeepSeek-V3`, `Opus 4` after
 * `Claude Opus 4`, `K2` after `Kimi K2`, `4o` after `GPT-4o`; and after a family written with its
 * generation (`Llama 4`, a table row's first cell), the rest of a member's name (`Scout`), and
 * after one written without it (`Claude`), a member's word and version (`Sonnet 4.5`); in Korean
 * alike (`매버릭` after `라마 4 매버릭`, `소네트 4.5` after `클로드`). Only
 * within the note, only after the model's first full mention (or that family's), and never a form
 * two of the note's models share. A form may carry the size and variant suffixes of a model id
 * (`Scout-17B-16E`, `Maverick-17B-128E-Instruct`).
 *
 * A family named with its maker's name first (`Arcee Trinity`, `Amazon Nova`) has the rest of
 * that name as its own form (`Trinity`, `Nova`), after any full mention of the family.
 *
 * A member's variant word (`mini` of Phi-3-mini, `Pro` of Gemini 1.5 Pro) is too common a word to
 * define a form for the whole note; it names the member only in a table row, in a later cell than
 * its family written with the generation (`| Phi-3 | Mini (3.8B), Small (7B) |`): a row form.
 */
import type { FamilyEntity, KnowledgeBase, ModelEntity } from '../knowledge/types';
import { buildAliasIndex, foldName, VARIANT, type AliasIndex } from './aliasIndex';
import { SEP } from '../knowledge/normalize';
import type { Mention } from './types';
import { isGenericWord, isVariantWord } from './genericWords';
import { firstEndingAfter, lowerBound, sharedSpanText } from './spans';

/** The short forms of one note, derived from its full mentions. */
export interface ShortFormSet {
  /** `form=id` pairs, sorted: equal keys mean the same forms for the same models. */
  readonly key: string;
  /** Model id → start of its first full mention (or its family's that defined its forms): a short form counts only after it. */
  readonly first: ReadonlyMap<string, number>;
  /** Matches the forms with the alias index's rules (boundaries, particles, capitalized words). */
  readonly index: AliasIndex | undefined;
  /** Row forms: the family as written, folded, `\u0000`, the form folded → the member's id. */
  readonly rows?: ReadonlyMap<string, string>;
}

/** The id under which the index matches a row form: a row form names a member only by its row's family. */
const ROW = '\u0001';

/** How far before a row form its family may be written, within the row. */
export const ROW_REACH = 512;

/** Whether the words left of a name make a short form: letters in them, and more than a variant, size or word of the field. */
function isShortForm(tail: readonly string[]): boolean {
  const form = tail.join(' ');
  if (!/[A-Za-z가-힣]/.test(form) || foldName(form).length < 2) return false;
  if (tail.length === 1 && (isVariantWord(form.toLowerCase()) || /^A?\d+(?:\.\d+)?[BbMmTt]$/.test(form) || /^\d+x\d+B$/i.test(form))) return false;
  // `LLM` of `VARCO LLM`, `AI 모델`: words of the field name no model.
  return !tail.every((w) => isVariantWord(w.toLowerCase()) || isGenericWord(w) || /^A?[\d.]+[BbMmTtKkEe]?$/.test(w));
}

const wordsOf = (name: string): string[] => name.split(/[-_\s]+/).filter(Boolean);

/**
 * Forms of `name` without its leading words: `Llama 4 Maverick` → `4 Maverick`, `Maverick`. Not a
 * release tag after a size (`v1.1b` of `KoAlpaca-Polyglot-12.8B-v1.1b`: the size names the model),
 * while a version that is the model's name stays one (`V3` of `DeepSeek-V3`).
 */
export function shortFormsOf(name: string): string[] {
  const words = wordsOf(name);
  const forms: string[] = [];
  for (let k = 1; k < words.length; k++) {
    const releaseTag = k === words.length - 1 && RELEASE_TAG.test(words[k]) && words.slice(0, k).some((w) => SIZE_WORD.test(w));
    if (!releaseTag && isShortForm(words.slice(k))) forms.push(words.slice(k).join(' '));
  }
  return forms;
}
/** A version written as a tag: `v1.1b`, `v0.1`, `V2`. */
const RELEASE_TAG = /^v\d+(?:\.\d+)*[a-z]?$/i;
/** A size word of a name: `12.8B`, `7b`, `560M`. */
const SIZE_WORD = /^\d+(?:\.\d+)?[BbMm]$/;

/**
 * The forms a family's mention defines for its members: the rest of each member's name (or alias)
 * after the words the note wrote (`Llama 4` → `Scout` of Llama 4 Scout, `Maverick` of Llama 4
 * Maverick). A family written without a generation (`Llama`, `SOLAR`) defines none.
 */
export function memberFormsOf(kb: KnowledgeBase, familyId: string, written: string): [string, string][] {
  return memberTails(kb, familyId, written).filter(([tail]) => isShortForm(tail)).map(([tail, id]) => [tail.join(' '), id] as [string, string]);
}

/**
 * The forms a family defines for itself: the rest of each of its names that starts with its
 * maker's name or alias (`Arcee Trinity` of Arcee AI → `Trinity`): a word first (`Mistral 3`,
 * `Baichuan 2` define none), words alone (not `Qwen (first generation)`), none of them a word of
 * the field or a variant word (not `LLM series`, `Large family`), and no other entity's name
 * (not `GPT` of `Cerebras-GPT`, `RoBERTa` of `KLUE-RoBERTa`).
 */
export function makerFormsOf(kb: KnowledgeBase, family: FamilyEntity, lookup: NameLookup): string[] {
  let byFamily = makerForms.get(kb);
  if (!byFamily) makerForms.set(kb, (byFamily = new Map()));
  let forms = byFamily.get(family.id);
  if (!forms) byFamily.set(family.id, (forms = readMakerForms(kb, family, lookup)));
  return forms;
}
const makerForms = new WeakMap<KnowledgeBase, Map<string, string[]>>();

/** The ids an exact name names in the knowledge base (the alias index's `lookup`). */
export type NameLookup = (name: string) => readonly string[];

function readMakerForms(kb: KnowledgeBase, family: FamilyEntity, lookup: NameLookup): string[] {
  const maker = family.organization === undefined ? undefined : kb.get(family.organization);
  if (!maker) return [];
  const makerNames = new Set([maker.name, ...maker.aliases].map(foldName));
  const forms = new Set<string>();
  for (const name of [family.name, ...family.aliases]) {
    const words = wordsOf(name);
    for (let k = 1; k < words.length; k++) {
      const tail = words.slice(k);
      if (!makerNames.has(foldName(words.slice(0, k).join(' '))) || !NAME_WORD.test(tail[0])) continue;
      if (!tail.every((w) => PLAIN_WORD.test(w) && !isVariantWord(w.toLowerCase()) && !isGenericWord(w)) || !isShortForm(tail)) continue;
      if (lookup(tail.join(' ')).every((id) => id === family.id)) forms.add(tail.join(' '));
    }
  }
  return [...forms];
}
/** A word of letters, digits and dots only (`Nova`, `2`, `v3`): no bracket or comma. */
const PLAIN_WORD = /^[A-Za-z0-9가-힣.]+$/;
/**
 * A form's first word: a capital then a lowercase letter or digit (`Trinity`, `GR00T`), or
 * Hangul; not a word in lowercase (`first generation`), a version tag (`v1`) or capitals
 * alone, which other names share (`GPT` of `Cerebras-GPT`).
 */
const NAME_WORD = /^(?:[A-Z](?=[A-Za-z0-9]*[a-z0-9])(?![A-Z]+$)|[가-힣])/;

/** The row forms a family written as `written` defines: a member's one variant word (`mini` of `Phi-3` → Phi-3-mini). */
export function rowFormsOf(kb: KnowledgeBase, familyId: string, written: string): [string, string][] {
  return memberTails(kb, familyId, written)
    .filter(([tail]) => tail.length === 1 && isVariantWord(tail[0].toLowerCase()))
    .map(([tail, id]) => [tail[0], id] as [string, string]);
}

/**
 * Each member name's (and alias's) words after the words the note wrote, once per member and tail.
 * `familyId` may be a model's id: its members are then its maker's models whose names go on from
 * it (`PaLM 2` → PaLM 2 Bison, PaLM 2 Gecko), as a family's do.
 */
function memberTails(kb: KnowledgeBase, familyId: string, written: string): [string[], string][] {
  let known = tailsRead.get(kb);
  if (!known) tailsRead.set(kb, (known = new Map()));
  const key = `${familyId}\u0000${written}`;
  let tails = known.get(key);
  if (!tails) {
    // A note names a few hundred models at most, each written a few ways.
    if (known.size >= 4096) known.clear();
    known.set(key, (tails = readTails(kb, familyId, written)));
  }
  return tails;
}

/** `memberTails` per knowledge base: the same names ask again after every edit that changes the note's mentions. */
const tailsRead = new WeakMap<KnowledgeBase, Map<string, [string[], string][]>>();

/** Words with a generation glued to its name parted from it (`Llama4` → `Llama`, `4`), so that `Llama4` leads `Llama 4 Scout`. */
const generationWords = (name: string): string[] => wordsOf(name).flatMap((w) => GLUED_GENERATION.exec(w)?.slice(1) ?? [w]);
const GLUED_GENERATION = /^([A-Za-z]{2,})(\d+(?:\.\d+)*)$/;

function readTails(kb: KnowledgeBase, familyId: string, written: string): [string[], string][] {
  const tails = tailsAfter(kb, familyId, written);
  // A family without its generation (`Llama`, `Claude`) spans too many members to name one by a
  // word; a word and a version name one (`Sonnet 4.5`, `Opus 4`, `소네트 4.5` after `Claude`).
  return /\d/.test(written) ? tails : tails.filter(([tail]) => wordAndVersion(tail));
}

/** A member's tail of a word (no variant word) and a version: `Sonnet 4.5`, not `Pro 1.5` or `3 Opus`. */
const wordAndVersion = (tail: readonly string[]): boolean =>
  tail.length === 2 && /^(?:[A-Za-z]{2,}|[가-힣]+)$/.test(tail[0]) && !isVariantWord(tail[0].toLowerCase()) && /^\d+(?:\.\d+)?$/.test(tail[1]);

/** Every tail of a member's name after the words `written`, unfiltered. */
function tailsAfter(kb: KnowledgeBase, familyId: string, written: string): [string[], string][] {
  const prefix = generationWords(written);
  const folded = foldName(prefix.join(' '));
  const entity = kb.get(familyId);
  if (entity?.kind === 'model') {
    const maker = entity.organization;
    return maker ? (goingOn(kb).get(folded) ?? []).filter(([, m]) => m.organization === maker && m.id !== entity.id).map(([tail, m]) => [tail, m.id]) : [];
  }
  const tails: [string[], string][] = [];
  for (const member of kb.membersOf(familyId)) {
    for (const name of [member.name, ...member.aliases]) {
      const words = generationWords(name);
      if (words.length <= prefix.length || foldName(words.slice(0, prefix.length).join(' ')) !== folded) continue;
      const tail = words.slice(prefix.length);
      const form = tail.join(' ');
      if (!tails.some(([t, id]) => t.join(' ') === form && id === member.id)) tails.push([tail, member.id]);
    }
  }
  return tails;
}

/**
 * Every model by the leading words of its names, folded (`palm 2` → PaLM 2 Bison with `Bison`,
 * PaLM 2 Gecko with `Gecko` …): the models whose names go on from a model's name as written.
 * Only leading words with a digit: a model written without one (`PaLM`) has no models going on from
 * it (too many would). Built once per knowledge base, on first use.
 */
function goingOn(kb: KnowledgeBase): Map<string, [string[], ModelEntity][]> {
  let byLead = leads.get(kb);
  if (byLead) return byLead;
  byLead = new Map();
  for (const entity of kb.all()) {
    if (entity.kind !== 'model') continue;
    for (const name of [entity.name, ...entity.aliases]) {
      const words = wordsOf(name);
      if (words.length < 2) continue;
      // Each word folded once: a lead's folded form is its words' joined by the separator.
      const folded = words.map(foldName);
      let lead = '';
      for (let k = 1; k < words.length; k++) {
        lead = k === 1 ? folded[0] : `${lead}${SEP}${folded[k - 1]}`;
        if (!/\d/.test(lead)) continue;
        const tail = words.slice(k);
        const list = byLead.get(lead);
        if (!list) byLead.set(lead, [[tail, entity]]);
        else if (!list.some(([t, m]) => m === entity && t.length === tail.length && t.every((w, i) => w === tail[i]))) list.push([tail, entity]);
      }
    }
  }
  leads.set(kb, byLead);
  return byLead;
}

const leads = new WeakMap<KnowledgeBase, Map<string, [string[], ModelEntity][]>>();

const EMPTY: ShortFormSet = { key: '', first: new Map(), index: undefined };

/**
 * The short forms of a note from its full mentions (`mentions` sorted, short ones ignored);
 * `lookup`, the alias index's, says which entities a name names. `previous` is reused when the
 * forms are the same, so typing never rebuilds the matcher.
 */
export function deriveShortForms(mentions: readonly Mention[], kb: KnowledgeBase, lookup: NameLookup, previous?: ShortFormSet): ShortFormSet {
  const first = new Map<string, number>();
  const owner = new Map<string, string>(); // folded form → model id, or '' when shared
  const surface = new Map<string, string>(); // folded form → the form as the name writes it
  const rows = new Map<string, string>(); // family as written \u0000 folded row form → member id, or '' when shared
  const seen = new Set<string>(); // models read, and families as written (`Llama 4`, `Llama 3.1`)
  const define = (form: string, id: string, start: number): void => {
    const folded = foldName(form);
    const o = owner.get(folded);
    if (o === undefined) {
      owner.set(folded, id);
      surface.set(folded, form);
    } else if (o !== id) owner.set(folded, '');
    if (!first.has(id)) first.set(id, start);
  };
  const defineRow = (written: string, form: string, id: string): void => {
    const folded = foldName(form);
    const key = `${foldName(written)}\u0000${folded}`;
    const o = rows.get(key);
    rows.set(key, o === undefined || o === id ? id : '');
    if (!surface.has(folded)) surface.set(folded, form);
    if (!owner.has(folded)) owner.set(folded, ROW + folded);
  };
  for (const m of mentions) {
    if (m.short || m.size !== undefined) continue;
    const entity = kb.get(m.id);
    const key = entity?.kind === 'family' ? `${m.id}\u0000${foldName(m.text)}` : m.id;
    if (seen.has(key)) continue;
    seen.add(key);
    if (entity?.kind === 'family') {
      for (const form of makerFormsOf(kb, entity, lookup)) define(form, entity.id, m.start);
      for (const [form, id] of memberFormsOf(kb, entity.id, m.text)) define(form, id, m.start);
      for (const [form, id] of rowFormsOf(kb, entity.id, m.text)) defineRow(m.text, form, id);
      continue;
    }
    if (entity?.kind !== 'model') continue;
    if (!first.has(m.id)) first.set(m.id, m.start);
    for (const form of new Set([...shortFormsOf(entity.name), ...shortFormsOf(m.text)])) define(form, m.id, m.start);
    // `PaLM 2` then `Bison`: the rest of the name of a model that goes on from this one, as after
    // a family (a model of a family has its family's members).
    if (entity.family !== undefined) continue;
    for (const [form, id] of memberFormsOf(kb, entity.id, m.text)) define(form, id, m.start);
    for (const [form, id] of rowFormsOf(kb, entity.id, m.text)) defineRow(m.text, form, id);
  }
  const pairs = [...owner].filter(([, id]) => id !== '').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (pairs.length === 0) return first.size === 0 ? EMPTY : { key: '', first, index: undefined };
  const rowPairs = [...rows].filter(([, id]) => id !== '').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const key = [...pairs, ...rowPairs].map(([form, id]) => `${form}=${id}`).join('\n');
  const rowMap = rowPairs.length > 0 ? new Map(rowPairs) : undefined;
  if (previous && previous.key === key) return { key, first, index: previous.index, rows: previous.rows };
  return { key, first, index: buildAliasIndex(formsKnowledge(pairs.map(([form, id]) => [surface.get(form)!, id]), kb)), rows: rowMap };
}

/** A knowledge base of just the forms, each an alias of its model, for the alias index. */
function formsKnowledge(forms: [string, string][], kb: KnowledgeBase): KnowledgeBase {
  const byId = new Map<string, ModelEntity>();
  for (const [form, id] of forms) {
    const e = byId.get(id);
    if (e) e.aliases.push(form);
    // A form of a name with other senses is read as the name is (`o3` after `OpenAI o3`: not `O3`, ozone).
    else byId.set(id, { kind: 'model', id, name: form, aliases: [], sources: [], ...(kb.get(id)?.ambiguous ? { ambiguous: true } : {}) });
  }
  const all = [...byId.values()];
  return { ...kb, version: -1, get: (id) => byId.get(id), all: () => all };
}

/**
 * Short-form mentions in `mask[from, to)`: after their model's first full mention, and not
 * overlapping any full mention of `mentions` (sorted; short ones are skipped): `Maverick` inside
 * `Llama 4 Maverick` is part of that name. A row form counts only after its family in the same
 * table row (`text` tells the row's pipes).
 */
export function findShortForms(set: ShortFormSet, mask: string, from: number, to: number, mentions: readonly Mention[], text: string): Mention[] {
  if (!set.index) return [];
  const out: Mention[] = [];
  const full = mentions;
  let k = firstEndingAfter(mentions, from);
  for (const found of set.index.find(mask, from, to, text)) {
    const m = found.id.startsWith(ROW) ? ofRow(set, found, mask, text, full) : found;
    if (!m) continue;
    const start = m === found ? set.first.get(m.id) : m.start;
    if (start === undefined || m.start < start) continue;
    const stop = suffixEnd(mask, m.end);
    // `4o` is not in `4o-mini`, another model; `v2` not in `kullm_v2`, a branch, or `x-R1`.
    if (mask[stop] === '-' && /[A-Za-z0-9]/.test(mask[stop + 1] ?? '')) continue;
    if (/[-_./]/.test(mask[m.start - 1] ?? '') && /[A-Za-z0-9]/.test(mask[m.start - 2] ?? '')) continue;
    while (k < full.length && (full[k].end <= m.start || full[k].short)) k++;
    if (k < full.length && full[k].start < stop) continue;
    out.push(stop === m.end ? { ...m, short: true } : { ...m, end: stop, text: sharedSpanText(mask, m.start, stop), short: true });
  }
  return out;
}

/**
 * The member a row form `m` names: the nearest family before it in its table row, within
 * `ROW_REACH` and past a cell's pipe, written so that the form names one of its members.
 */
function ofRow(set: ShortFormSet, m: Mention, mask: string, text: string, mentions: readonly Mention[]): Mention | undefined {
  // The row: back to the line's start, no further than ROW_REACH; most words are in no table.
  let floor = m.start;
  const reach = Math.max(0, m.start - ROW_REACH);
  while (floor > reach && text.charCodeAt(floor - 1) !== 0x0a && text.charCodeAt(floor - 1) !== 0x0d) floor--;
  if (!cellBoundary(text, mask, floor, m.start)) return undefined;
  let after = m.start;
  for (let j = lowerBound(mentions, m.start, (f) => f.start) - 1; j >= 0 && mentions[j].start >= floor; j--) {
    const f = mentions[j];
    if (f.short || f.end > after) continue;
    // The nearest name before the word must be in an earlier cell.
    if (after === m.start && !cellBoundary(text, mask, f.end, m.start)) return undefined;
    after = f.start;
    const id = set.rows?.get(`${foldName(f.text)}\u0000${m.id.slice(ROW.length)}`);
    if (id) return { ...m, id };
  }
  return undefined;
}

/** True when `text[from, to)` holds a table's cell boundary: a pipe the mask hides. */
function cellBoundary(text: string, mask: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 0x7c && mask.charCodeAt(i) === 0) return true;
  return false;
}

/** A size, active size or expert count suffix of a model id: `-17B`, `-A3B`, `-16E`. */
const SIZE_SUFFIX = /^[-_](?:\d+(?:\.\d+)?[BbMm]|A\d+(?:\.\d+)?[Bb]|\d+E)(?![A-Za-z0-9])/;

/** The end of the size and variant suffixes after a short form at `end` (`Scout-17B-16E-Instruct`). */
function suffixEnd(mask: string, end: number): number {
  for (;;) {
    const rest = mask.slice(end, end + 16);
    const suffix = SIZE_SUFFIX.exec(rest) ?? VARIANT.exec(rest);
    if (!suffix) return end;
    end += suffix[0].length;
  }
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
