/**
 * Turning quantities into claims: which model, if any, a stated parameter count is about.
 * Only when the text makes it clear — right after the model's name, or the one model named in
 * the sentence — otherwise `refersTo` is null and the claim is never checked against a model.
 */

import type { Quantity } from './quantities';
import { lowerBound } from './spans';
import type { Cell, TableReader } from './tables';
import type { Claim, Mention } from './types';

/**
 * What may stand between a model mention and its size for them to read as one phrase:
 * a Korean particle right after the name, then spaces, masked syntax, commas, colons, dashes
 * and opening brackets (`딥시크(DeepSeek) V3.1의 6850억`, `Llama 3.1 (405B)`, `| DeepSeek-V3.1 | 671B`).
 */
const ADJACENT_GAP = /^(?:의|은|는|이|가)?[ \t\u00a0\u0000,:;(\[（{'"‘“—–-]*$/;

/** What `linkClaims` asks the knowledge base. */
export interface ClaimLinks {
  /** False for families and organizations: a family mention names no single model. */
  isModel(id: string): boolean;
  /** The model a count next to `m` (or in `m`'s table row) is about (a family's member of that size); default: `m` itself if a model. */
  bySize?(m: Mention, q: Quantity, alone?: boolean, namedAfter?: boolean): string | null;
  /** Whether `q` agrees with model `id`'s count. A link read from the sentence before is made only then. */
  agrees?(id: string, q: Quantity): boolean;
}

/**
 * Claims from `quantities` (ordered by offset), linked to the models in `mentions`.
 * Quantities inside a mention (`Llama 3.1 405B`, `Qwen3-235B-A22B`) are part of a name, not claims.
 */
export function linkClaims(mask: string, quantities: Quantity[], mentions: Mention[], links: ClaimLinks, tables?: TableReader): Claim[] {
  const { isModel } = links;
  const bySize = links.bySize ?? ((m: Mention) => (isModel(m.id) ? m.id : null));
  const sorted = [...mentions].sort((a, b) => a.start - b.start || a.end - b.end);
  const models = sorted.filter((m) => m.kind === 'model');
  const sentences = sentenceReader(mask, models, isModel);
  const claims: Claim[] = [];
  let inside = 0; // first mention that may still overlap or precede the current quantity

  for (const q of quantities) {
    // Every mention before `inside` ends at or before q.start; the one at `inside` is the only
    // candidate for overlap, as later ones start later.
    while (inside < sorted.length && sorted[inside].end <= q.start) inside++;
    if (inside < sorted.length && sorted[inside].start < q.end) continue;

    const previous = inside > 0 ? sorted[inside - 1] : undefined;
    const next = inside < sorted.length ? sorted[inside] : undefined;
    // A size column's cell is about the model of its row's model column, or about none (`tables.ts`).
    const cell = tables?.cellAt(q.start);
    let reading: Reading = { refersTo: null };
    if (cell?.column.kind === 'size' && cell.model) reading = fromCell(cell, sorted, q, bySize, links);
    // Beside the name alone (`Qwen3 (235B)`): among a family's members of that size, the one the others are variants of.
    else if (previous && isAdjacent(mask, previous, q)) reading = { refersTo: previous.kind === 'model' ? bySize(previous, q, true) : null };
    else if (next && next.kind === 'model' && sizesWhatFollows(mask, q, next)) reading = { refersTo: bySize(next, q) };
    else if (q.qualifier === 'exact' || q.qualifier === 'approx' || q.qualifier === 'experts') reading = fromSentence(mask, sentences(q.start), models, q, bySize, links);
    else if (q.qualifier === 'range') reading = fromRange(sentences(q.start).models, q, bySize, links);
    if (reading.refersTo === null) reading = withTotal(mask, claims.at(-1), q, links) ?? reading;
    claims.push(claimOf(q, reading.refersTo, reading.topical));
  }
  return claims;
}

/** `A3B` of `30B-A3B` (or `30BA3B`): an active count glued to a total is about the total's model, when it agrees. */
function withTotal(mask: string, total: Claim | undefined, q: Quantity, links: ClaimLinks): Reading | undefined {
  if (!q.active || !total?.refersTo || total.active || q.start - total.end > 2 || !/^-?A$/i.test(mask.slice(total.end, q.start))) return undefined;
  return !links.agrees || links.agrees(total.refersTo, q) ? { refersTo: total.refersTo } : undefined;
}

/** Which model a count is about, and whether the note's topic may say instead (`topics.ts`). */
interface Reading {
  refersTo: string | null;
  topical?: true;
}

type BySize = (m: Mention, q: Quantity, alone?: boolean, namedAfter?: boolean) => string | null;

/**
 * A size column's cell: the model its row's model cell names. A row naming none, where no header
 * names a column of models (`guessed`: a transposed table's `| 항목 | 수치 |`), leaves the count
 * to the topic; a row of a `Model` column naming a model the knowledge base lacks stays about none.
 */
function fromCell(cell: Cell, sorted: Mention[], q: Quantity, bySize: BySize, links: ClaimLinks): Reading {
  const [from, to] = cell.model!;
  let company: Mention | undefined;
  for (let i = lowerBound(sorted, from, (m) => m.start); i < sorted.length && sorted[i].start < to; i++) {
    if (sorted[i].kind === 'model') return { refersTo: bySize(sorted[i], q, true) };
    if (sorted[i].kind === 'organization') company ??= sorted[i];
  }
  // `| Mistral | 7B |`: a company named by its model line (see `sizedMember`); else as a row of no model.
  const named = company ? bySize(company, q, true) : null;
  if (named !== null) return { refersTo: named };
  return cell.guessed && links.agrees && (q.qualifier === 'exact' || q.qualifier === 'approx') ? { refersTo: null, topical: true } : { refersTo: null };
}

/**
 * The sentence around each count (asked in increasing order) and the first mention of each model
 * or family in it, read once per sentence.
 */
function sentenceReader(mask: string, models: Mention[], isModel: (id: string) => boolean): (pos: number) => Sentence {
  let current: Sentence | undefined;
  let cursor = 0;
  return (pos) => {
    if (current && pos < current.span[1]) return current;
    const span = sentenceAt(mask, pos);
    while (cursor < models.length && models[cursor].end <= span[0]) cursor++;
    const byId = new Map<string, Mention>();
    for (let i = cursor; i < models.length && models[i].start < span[1]; i++) if (!byId.has(models[i].id)) byId.set(models[i].id, models[i]);
    const named = [...byId.values()];
    current = { span, models: named, single: named.filter((m) => isModel(m.id)), firstStart: named.length ? named[0].start : Infinity };
    return current;
  };
}

/**
 * A sentence as its counts read it: its span, the models and families it names (each once), those
 * of them that are models, and where the first starts. Read once for all the counts in it (a
 * clipped table read as one sentence holds thousands).
 */
interface Sentence {
  span: [number, number];
  models: Mention[];
  single: Mention[];
  firstStart: number;
}

/**
 * A count read with its sentence: one model there, or one family (`| Llama 3.1 | 8B, 70B, 405B |`),
 * gives the member of that size; of several, the only one it agrees with; with none before it,
 * the sentence before's (`carriedOver`); with none at all, the note's topic (`topical`).
 */
function fromSentence(mask: string, sentence: Sentence, models: Mention[], q: Quantity, bySize: BySize, links: ClaimLinks): Reading {
  const named = sentence.models;
  const single = sentence.single;
  const only = single.length === 1 ? single[0] : single.length === 0 && named.length === 1 ? named[0] : undefined;
  if (only && comparedWith(mask, q, only, bySize, links)) return { refersTo: null, topical: true };
  if (single.length === 1) return { refersTo: familyMemberAgreeing(named, q, bySize, links.agrees, single[0]) ?? bySize(single[0], q) };
  if (single.length === 0 && named.length === 1) return { refersTo: bySize(named[0], q) };
  if (!links.agrees) return { refersTo: null };
  let refersTo = named.length > 1 ? onlyAgreeing(named, q, bySize, links.agrees) : null;
  if (refersTo === null && sentence.firstStart >= q.start) refersTo = carriedOver(mask, sentence.span, models, q, bySize, links.agrees);
  return refersTo === null && named.length === 0 ? { refersTo, topical: true } : { refersTo };
}

/**
 * Whether the count is another model's than `model`, which the sentence compares it with: `The
 * smaller 70B model was competitive with GPT-3.5`, `The 235B total / 22B active flagship rivals
 * DeepSeek-R1` (the counts are the note's topic's). A word of comparison between the count and
 * the model's name after it, in the same sentence, and the model is not of that size; nor, for an
 * active count, a dense model of it (`30B MoE (3B active) … beats Qwen 2.5`: not Qwen2.5-3B).
 */
function comparedWith(mask: string, q: Quantity, model: Mention, bySize: BySize, links: ClaimLinks): boolean {
  if (!links.agrees || model.start < q.end || model.start - q.end > COMPARE_REACH) return false;
  if (!COMPARED.test(mask.slice(q.end, model.start))) return false;
  const id = bySize(model, q);
  return id === null || !links.agrees(id, q) || (q.active && links.agrees(id, { ...q, active: false }));
}
/** How far after the count the compared model may stand. */
const COMPARE_REACH = 80;
/** A word of comparison between the count's model and another (`competitive with`, `better than`, `vs`, `rivals`, `보다`). */
const COMPARED = /(?<![A-Za-z])(?:than|vs\.?|versus|against|with|compared|beats?|outperform(?:s|ed)?|rivals?|match(?:es|ed)?|surpass(?:es|ed)?)(?![A-Za-z])|보다|대비|에\s?비해|만큼/i;

/**
 * An end of a range of sizes (`Sizes: 560M to 176B parameters` under `### BLOOM (BigScience)`,
 * `Falcon 모델은 10억에서 1,800억 파라미터`): the member of that size of the one family its
 * sentence names, only when the count agrees with it; with no model or family in the sentence,
 * the note's topic on the same terms. A range is never checked, only linked.
 */
function fromRange(named: Mention[], q: Quantity, bySize: BySize, links: ClaimLinks): Reading {
  if (!links.agrees) return { refersTo: null };
  if (named.length === 0) return { refersTo: null, topical: true };
  if (named.length > 1 || links.isModel(named[0].id)) return { refersTo: null };
  const member = bySize(named[0], q);
  return { refersTo: member !== null && links.agrees(member, q) ? member : null };
}

/**
 * `LLaMA의 … 130억 파라미터 모델의 성능이 … GPT-3(1,750억 …)`: a count that does not agree with the
 * sentence's one model but is exactly the size of a member of a family the sentence names is that
 * member (LLaMA 13B), not a wrong count of the model.
 */
function familyMemberAgreeing(
  sentenceModels: Mention[],
  q: Quantity,
  bySize: BySize,
  agrees: ((id: string, q: Quantity) => boolean) | undefined,
  model: Mention,
): string | null {
  if (!agrees || sentenceModels.length < 2) return null;
  const own = bySize(model, q);
  if (own !== null && agrees(own, q)) return null;
  for (const m of sentenceModels) {
    if (m === model) continue;
    const id = bySize(m, q);
    if (id !== null && id !== m.id && agrees(id, q)) return id;
  }
  return null;
}

/** How many different names a sentence may hold for a count to be read as the only one it agrees with. */
const ONLY_AGREEING_LIMIT = 32;

/**
 * Of several models and families named in the sentence, the one the count agrees with, when it is
 * the only one (`400억 개 매개변수로 학습된 Falcon-40B가 GPT-3보다 …` is Falcon-40B's); else null.
 */
function onlyAgreeing(sentenceModels: Mention[], q: Quantity, bySize: BySize, agrees: (id: string, q: Quantity) => boolean): string | null {
  let found: string | null = null;
  // Each name as written once (a sentence may repeat it), and no reading among more than a few
  // dozen: a count beside so many models agrees with one by chance, and reading each is per count.
  const seen = new Set<string>();
  for (const m of sentenceModels) {
    const key = `${m.id}\u0000${m.text}\u0000${m.version ?? ''}`;
    if (seen.has(key)) continue;
    if (seen.size >= ONLY_AGREEING_LIMIT) return null;
    seen.add(key);
    const id = bySize(m, q);
    if (id === null || id === found || !agrees(id, q)) continue;
    if (found !== null) return null;
    found = id;
  }
  return found;
}

/**
 * The subject of the sentence before, for a count that opens its sentence's talk of models
 * (`… Qwen 3.5-397B-A17B를 공개했습니다. 총 397B 파라미터에 …`): the one model (or family) that
 * sentence names, when the two sentences run on in one paragraph (ended by `.`, `!`, `?`, not a
 * line break) and the count agrees with it. A count that does not agree stays unlinked: the
 * reading is too weak to report the count as wrong.
 */
function carriedOver(
  mask: string,
  sentence: [number, number],
  models: Mention[],
  q: Quantity,
  bySize: BySize,
  agrees: (id: string, q: Quantity) => boolean,
): string | null {
  if (sentence[0] === 0 || !/[.!?。！？]/.test(mask[sentence[0] - 1])) return null;
  const [from, to] = sentenceAt(mask, sentence[0] - 1);
  const ids = new Set<string>();
  let subject: Mention | undefined;
  for (let i = lowerBound(models, from, (m) => m.start); i < models.length && models[i].start < to; i++) {
    ids.add(models[i].id);
    subject ??= models[i];
  }
  if (ids.size !== 1 || !subject) return null;
  // The previous sentence's model itself, not one named after it (`We used DeepSeek-R1 style RL. A 14B model.`).
  const id = bySize(subject, q, false, false);
  return id !== null && agrees(id, q) ? id : null;
}

/**
 * A size that qualifies the name right after it: `685B(6850억 개) 규모의 '딥시크-V3.1'`,
 * `a 405B-parameter Llama 3.1`. Masked syntax and quotes may stand between, never a line break.
 */
const SIZE_BEFORE_NAME = /^(?:[ \t\u00a0]*\([^()\n]{0,16}\))?[ \t\u00a0\u0000]*(?:개)?[ \t\u00a0\u0000)]*(?:[- ](?:parameters?|params?) )?(?:규모의|규모|급의?|짜리)?[ \t\u00a0\u0000'"‘“]*$/;

function sizesWhatFollows(mask: string, q: Quantity, mention: Mention): boolean {
  return mention.start - q.end <= 24 && (q.qualifier === 'exact' || q.qualifier === 'approx') && SIZE_BEFORE_NAME.test(mask.slice(q.end, mention.start));
}

function isAdjacent(mask: string, mention: Mention, q: Quantity): boolean {
  return q.start - mention.end <= 16 && ADJACENT_GAP.test(mask.slice(mention.end, q.start));
}

/**
 * The sentence around `pos`: bounded by `.`, `!`, `?`, `。` (a `.` between digits or before a
 * non-space is not an end), blank lines, and line breaks before a line that opens with Markdown
 * syntax (masked), such as a list item, table row or heading. Soft-wrapped lines stay one sentence.
 */
export function sentenceAt(mask: string, pos: number): [number, number] {
  let start = pos;
  while (start > 0 && !endsSentence(mask, start - 1)) start--;
  let end = pos;
  while (end < mask.length && !endsSentence(mask, end)) end++;
  return [start, Math.min(mask.length, end + 1)];
}

function endsSentence(mask: string, i: number): boolean {
  const c = mask[i];
  switch (c) {
    case '!': case '?': case '。': case '！': case '？':
      return true;
    case '.': {
      const next = mask[i + 1];
      if (next === undefined) return true;
      if (/\d/.test(mask[i - 1] ?? '') && /\d/.test(next)) return false;
      return /[\s\u0000"'”’)\]]/.test(next);
    }
    case '\n': {
      // A blank line, or a next line opening with masked syntax (`- `, `| `, `# ` ...).
      let j = i + 1;
      while (mask[j] === ' ' || mask[j] === '\t') j++;
      const next = mask[j];
      if (next === undefined || next === '\n' || next === '\r' || next === '\u0000') return true;
      let k = i - 1;
      while (k >= 0 && (mask[k] === ' ' || mask[k] === '\t' || mask[k] === '\r')) k--;
      return k < 0 || mask[k] === '\n' || mask[k] === '\u0000';
    }
    default:
      return false;
  }
}

/** The claim a count makes, written out field by field: a spread of the count was a tenth of linking. */
function claimOf(q: Quantity, refersTo: string | null, topical: boolean | undefined): Claim {
  const { start, end, text, value, active, qualifier, notation } = q;
  return topical ? { start, end, text, value, active, qualifier, notation, refersTo, topical } : { start, end, text, value, active, qualifier, notation, refersTo };
}
