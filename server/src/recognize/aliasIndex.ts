import type { Entity, KnowledgeBase, ModelEntity } from '../knowledge/types';
import { foldChar, foldName, isHangul, isLatinAlnum, scriptChange, SEP } from '../knowledge/normalize';
import { koreanSpacings, koreanSpellings } from '../knowledge/koreanSpellings';
import { swappedNamesOf, tierVersionNamesOf } from '../knowledge/wordOrder';
import { nominalSize, sameSize } from '../knowledge/nominal';
import { inAddress } from './addresses';
import { contextOf } from './context';
import { isGenericFolded, isVariantWord } from './genericWords';
import { memberNamed, membersOfSize, namedAfterOfSize } from './members';
import { afterSlash, siblingName, siblingPart } from './slashSiblings';
import { isHyphen, lettersOf, nameWriting, notCapitals, ordinaryWord, personName } from './writing';
import { appReader } from './apps';

export { foldChar, foldName, scriptChange };
import type { Mention, MentionKind } from './types';
import { sharedSpanText } from './spans';

/**
 * One trie over every name and alias of the knowledge base, folded the way people vary
 * spellings: Latin case, full-width forms (NFKC), and `-` `_` space runs as one separator.
 * Built once per knowledge-base version; matching walks the note once, so it is linear in
 * the note's length times the longest alias, never one regular expression per alias.
 */
export interface AliasIndex {
  readonly version: number;
  /**
   * Leftmost-longest, non-overlapping mentions in `mask[start, end)`. `text`, the note the mask
   * is of, tells what the mask hides: a link to the Hugging Face Hub puts its paragraph in the field.
   */
  find(mask: string, start?: number, end?: number, text?: string): Mention[];
  /** Entity ids whose folded name or alias is exactly `name`. */
  lookup(name: string): readonly string[];
}

/**
 * A node of the name trie. Most nodes have one child (names share few branches), so one child is
 * kept in `key`/`child` and a map is made only for a second: thousands of names cost few maps.
 * The trie grows lazily: a node keeps the names that pass through it in `pending` until a note
 * first asks for one of its children, so start-up folds the names and builds no branch a note
 * never walks.
 */
interface TrieNode {
  /** The UTF-16 code of the one child's folded character: a note's scan allocates no string to walk. */
  key?: number;
  child?: TrieNode;
  more?: Map<number, TrieNode>;
  /** Indexes into the index's name table of the names below this node, not yet branched. */
  pending?: number[];
  /** Length of the folded prefix that leads here. */
  depth: number;
  /** Entities for which the path to this node is a whole name. */
  ids?: string[];
  /**
   * A one-word Latin name written with capitals in the data (`Meta`, `Cohere`, `Mistral`), or a
   * name of words alone of an `ambiguous` entity (`High-Flyer`): an all-lowercase occurrence is
   * an ordinary word, not the name.
   */
  capitalized?: boolean;
  /** Every name ending here is `coined` (`NameWriting`): `capitalized`, but a name in lowercase too. */
  coined?: boolean;
  /**
   * Every name ending here is an acronym of an `ambiguous` entity, written in capitals alone
   * (`SAM`, `BART`): an occurrence not all in capitals is another word (`Sam`, `Bart`).
   */
  acronym?: boolean;
  /**
   * Every name ending here is written with a lowercase letter before a capital (`xAI`, `mT5`):
   * the letters of each as written. An occurrence counts only with the letters of one of them
   * (`XAI`, explainable AI, is not xAI).
   */
  exactLetters?: string[];
  /** Every name ending here is a name of words alone (Latin or Hangul) of an `ambiguous` entity: it needs a paragraph about AI. */
  ambiguous?: boolean;
}

/** One name of the index: its folded form and what a mention of it means. */
interface IndexedName {
  folded: string;
  id: string;
  capitalized: boolean;
  coined: boolean;
  acronym: boolean;
  /** The name's letters, for a name written with a lowercase letter before a capital. */
  letters?: string;
  ambiguous: boolean;
}

function ownChild(node: TrieNode, ch: number): TrieNode | undefined {
  return node.key === ch ? node.child : node.more?.get(ch);
}

function addChild(node: TrieNode, ch: number): TrieNode {
  const child: TrieNode = { depth: node.depth + 1 };
  if (node.key === undefined) {
    node.key = ch;
    node.child = child;
  } else (node.more ??= new Map()).set(ch, child);
  return child;
}

/** A name ends at `node`: it names one more entity there. */
function endName(node: TrieNode, name: IndexedName): void {
  node.capitalized = node.ids ? node.capitalized && name.capitalized : name.capitalized;
  node.coined = node.ids ? node.coined && name.coined : name.coined;
  node.acronym = node.ids ? node.acronym && name.acronym : name.acronym;
  node.exactLetters = name.letters === undefined || (node.ids && node.exactLetters === undefined) ? undefined : [...(node.exactLetters ?? []), name.letters];
  node.ambiguous = node.ids ? node.ambiguous && name.ambiguous : name.ambiguous;
  node.ids ??= [];
  if (!node.ids.includes(name.id)) node.ids.push(name.id);
}

/** Branches `node` one level for the names still pending below it, in their original order. */
function branch(node: TrieNode, names: readonly IndexedName[]): void {
  const pending = node.pending ?? [];
  node.pending = undefined;
  for (const n of pending) {
    const name = names[n];
    const ch = name.folded.charCodeAt(node.depth);
    const child = ownChild(node, ch) ?? addChild(node, ch);
    if (child.depth === name.folded.length) endName(child, name);
    else (child.pending ??= []).push(n);
  }
}

const HAS_HANGUL = /[가-힣]/;

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
/** `isLatinAlnum` of a UTF-16 unit, for ASCII only. */
const isAsciiAlnum = (code: number): boolean => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const isSeparator = (c: string): boolean => foldChar(c) === SEP;
const SEP_CODE = SEP.charCodeAt(0);
/**
 * The folded form of the UTF-16 unit `code` when it is one unit (ASCII, Hangul syllables: nearly
 * every character of a note), else -1 and `foldChar` has to say.
 */
function foldedCode(code: number): number {
  if (code < 0x80) {
    if (code >= 65 && code <= 90) return code + 32;
    // `-`, `_`, space, tab, LF, CR: see `foldChar`.
    return code === 45 || code === 95 || code === 32 || code === 9 || code === 10 || code === 13 ? SEP_CODE : code;
  }
  return code >= 0xac00 && code <= 0xd7a3 ? code : -1;
}

/**
 * Whether the names ending at `node`, found at [start, stop), are written as a name there and
 * not as another word: `meta` is a word, `Sam` not SAM, `XAI` not xAI.
 */
function writtenAsName(node: TrieNode, mask: string, start: number, stop: number, end: number): boolean {
  if (node.capitalized && ordinaryWord(mask, start, stop, end, node.coined === true)) return false;
  if (node.acronym && notCapitals(mask, start, stop)) return false;
  return !node.exactLetters || node.exactLetters.includes(lettersOf(mask.slice(start, stop)));
}

/**
 * Particles and suffixes that may follow a Hangul name (`서울대의`, `딥시크발`, `엑사원급`, the copula
 * after a vowel: `챗지피티일 거예요`, `클로드예요`); any other Hangul after it makes another word
 * (`서울대공원`, `카카오톡`).
 */
const PARTICLE = /^(?:은|는|이|가|을|를|의|에|와|과|도|로|으로|에서|에게|께서|부터|까지|만|보다|처럼|같이|이나|나|랑|이랑|하고|조차|마저|이며|이고|이다|이었|였|인|측|발|급|계열|기반|팀|대비|등|식|표|산|판|사의|사는|사가|사와|사도|이라|라는|라고|용|그룹|일|임|예요|에요|이에요|야|지만|로서|로써|만큼|마다|뿐|한테|께|밖에)/;

/** A name ending in Hangul ends a word, or is followed by a particle. */
function hangulEndsCleanly(mask: string, i: number, end: number): boolean {
  if (!isHangul(mask[i - 1]) || i >= end || !isHangul(mask[i])) return true;
  return PARTICLE.test(mask.slice(i, Math.min(end, i + 3)));
}

/**
 * Korean words that hold a name's first letters inside them (`드라마` holds `라마`): a Hangul name
 * may start mid-word (scraped text glues words), but never inside one of these.
 */
export const HOLDING_WORDS = ['드라마', '파노라마', '시네라마'];

/** Whether a Hangul name starting at `i` starts inside one of {@link HOLDING_WORDS}. */
function insideHoldingWord(mask: string, i: number): boolean {
  if (!isHangul(mask[i - 1])) return false;
  for (const word of HOLDING_WORDS) {
    for (let k = 1; k < word.length; k++) if (mask.startsWith(word, i - k)) return true;
  }
  return false;
}

/** A size right after a name: `Qwen3-14B`, `Qwen3 14B`, `라마 3 8B`, `큐원2.5 옴니-7B`, an Ollama tag `llama3.1:8b`. */
/** A dotted version right after a name (`K-EXAONE 2.0`, `-v2.1`), not a size or a longer number. */
const VERSION_AFTER = /^[ -](v?\d{1,2}\.\d+(?:\.\d+)*)(?![A-Za-z0-9.])/i;
/** The size a name as written ends in, after a separator (`Qwen2.5 14B`). */
const SIZE_AT_END = /[-_ ](\d+(?:\.\d+)?[BbMm])$/;
const SIZE_AFTER = /^[-_ :](\d+(?:\.\d+)?)([BbMm])(?:-A\d+(?:\.\d+)?[Bb])?(?![A-Za-z0-9_])/;
/** A size or an expert shape after a company's name (`Mistral 8x22B`, `DeepSeek 14B`). */
const ORG_SIZE_AFTER = /^[ -](?:(\d{1,2})[x×])?(\d+(?:\.\d+)?)([BbMm])(?![A-Za-z0-9_])/;
/** A size right before a family's name, a word of its own: `13B LLaMA`, `70B Llama 3.1`. */
const SIZE_BEFORE = /(\d+(?:\.\d+)?)([BbMm]) $/;
/** `-A22B` after `Qwen3-235B`: an active count. */
const ACTIVE_AFTER = /^[-_]A(\d+(?:\.\d+)?)([Bb])(?![A-Za-z0-9_])/;
/** A size word inside a name as written (`Llama 3.1 8B`). */
const HAS_SIZE = /\d[BbMm](?![A-Za-z])/;
/** The count of a size word's digits and unit (`B` or `M`). */
const sizeValue = (digits: string, unit: string): number => Number(digits) * (unit === 'M' || unit === 'm' ? 1e6 : 1e9);
/** A dataset's word right after a model's name (`KULLM 데이터셋`, `Alpaca dataset`, `… corpus`). */
const DATASET_AFTER = /^[)）]?[ \u0000]?(?:데이터\s?셋|데이터\s?세트|말뭉치|dataset|data set|corpus)(?![A-Za-z])/i;
/** `그룹` after a company's Korean name, glued or spaced. */
const GROUP = /^ ?그룹/;
/** A word after a family's name that may finish a member's name (`K1`, `Pro`, `3.5`); never a sentence's final dot. */
const MEMBER_WORD = /^[-_ ]([A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*)(?![A-Za-z0-9])/;
/** A variant suffix of a model id: the same weights tuned, packed or dated (`-Instruct`, `-it`, `-GGUF`, `-AWQ`, `-2507`). */
export const VARIANT = /^[-_](?:instruct|chat|base|it|hf|gguf|awq|gptq|fp8|bf16|fp16|int4|int8|mlx|onnx|exl2|i?q[1-8](?:_[0-9k])?(?:_(?:xxs|xs|xl|nl|[sml]))?|v\d+(?:\.\d+)*|\d{4}(?!\.\d))(?![A-Za-z0-9])/i;

/** English prefixes that keep the name they are glued to (`non-GPT-4`, `pre-Llama`). */
const PREFIX_WORD = /^(?:non|pre|post|anti|pseudo|quasi|semi|ex)$/i;
/** Letters of a word longer than any one-word name: it names nothing. */
const WORD_REACH = 64;
const isAsciiLetter = (code: number): boolean => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/** Full-width Latin letters and digits fold to ASCII, so boundaries are judged after folding. */
const boundaryChar = (c: string | undefined): string | undefined => (c === undefined || c.charCodeAt(0) < 0x80 ? c : foldChar(c));

export function mentionKind(entity: Entity): MentionKind {
  return entity.kind === 'family' ? 'model' : entity.kind;
}

/**
 * The bit of a pair of folded letters of one script, both Latin or both Hangul (between them the
 * trie's walk takes no separator), or -1. Pairs share bits: a set bit says a name may open so.
 */
function pairBit(code: number, next: number): number {
  const latin = code >= 97 && code <= 122;
  if (latin ? !(next >= 97 && next <= 122) : !(code >= 0xac00 && code <= 0xd7a3 && next >= 0xac00 && next <= 0xd7a3)) return -1;
  return ((code << 6) ^ next) & PAIR_MASK;
}
const PAIR_MASK = (1 << 20) - 1;

/** The pairs of letters that open a name (its first two folded units), as bits (`pairBit`). */
function openingPairs(names: readonly IndexedName[]): Uint32Array {
  const bits = new Uint32Array((PAIR_MASK + 1) >>> 5);
  for (const { folded } of names) {
    const bit = pairBit(folded.charCodeAt(0), folded.charCodeAt(1));
    if (bit !== -1) bits[bit >>> 5] |= 1 << (bit & 31);
  }
  return bits;
}

/**
 * Whether a name may open at a character and the next (-1 at the end): most word starts and
 * Hangul syllables are two letters that open none, told by one bit instead of a walk of the trie.
 */
function mayOpen(bits: Uint32Array | undefined, code: number, next: number): boolean {
  if (next === -1 || bits === undefined) return true;
  const bit = pairBit(foldedCode(code), foldedCode(next));
  return bit === -1 || (bits[bit >>> 5] & (1 << (bit & 31))) !== 0;
}

/** Whether `mask[i, i + 2)` is `.0` after a whole version: a digit alone before, no digit or `.` after (`3.0`, not `3.1.0`, `3.05`). */
function wholeZero(mask: string, i: number): boolean {
  return mask.charCodeAt(i + 1) === 0x30 && isDigit(mask[i - 1]) && !isDigit(mask[i - 2]) && mask[i - 2] !== '.' && !isDigit(mask[i + 2]) && mask[i + 2] !== '.';
}

/**
 * Whether a model's tier and version alone (`folded`, from its name `from`: `tierAndVersion`) came
 * after its own family's word (`Claude Sonnet 4.5`, `클로드 3.5 소네트`), not a maker's (`Amazon
 * Nova 2 Sonic`) or another word (`Robotics Transformer 2`), and its tier is no variant word (`Pro 2.5`).
 */
function tierOfFamily(entity: Entity, from: string, folded: string, byName: ReadonlyMap<string, string[]>): boolean {
  if (isVariantWord(folded.slice(0, folded.indexOf(' ')))) return false;
  const family = (entity as ModelEntity).family!;
  return byName.get(foldName(from.slice(0, from.indexOf(' '))))?.includes(family) === true;
}

/** How many names an index needs for its table of opening pairs to pay. */
const PAIRS_FROM = 256;

/**
 * The models' names with tier and version swapped, as writers also write them (`Gemini Flash 2.5`,
 * `wordOrder.ts`), and as tier and version alone where the tier is no variant word (`Sonnet 4.5`,
 * `소넷 4.5`; never `Pro 2.5`), gated as an ambiguous name is: those no entity has already and only
 * one model derives. (A whole version's `.0`, `Gemini 3.0`, is read by the walk, `longestAt`.)
 */
function derivedNames(all: readonly Entity[], byName: ReadonlyMap<string, string[]>): IndexedName[] {
  const found = new Map<string, IndexedName | undefined>();
  // `gated`: a name of a tier word and a version alone, a mention only in a paragraph about AI and,
  // in Latin letters, capitalized (`Shakespeare's Sonnet 4`, `sonnet 4.5`).
  const derive = (entity: Entity, name: string, folded: string, gated = false): void => {
    if (byName.has(folded)) return;
    const seen = found.get(folded);
    if (seen === undefined && !found.has(folded)) {
      const writing = nameWriting(name, entity.ambiguous === true);
      found.set(folded, { folded, id: entity.id, ...writing, ...(gated ? { ambiguous: true, capitalized: /^[A-Z]/.test(name) } : {}) });
    } else if (seen && seen.id !== entity.id) found.set(folded, undefined);
  };
  for (const entity of all) {
    if (entity.kind !== 'model') continue;
    const swapped = swappedNamesOf(entity);
    if (swapped) for (const d of swapped) derive(entity, d.name, d.folded);
    const alone = entity.family === undefined ? undefined : tierVersionNamesOf(entity);
    if (alone) for (const d of alone) if (tierOfFamily(entity, d.from, d.folded, byName)) derive(entity, d.name, d.folded, true);
  }
  return [...found.values()].filter((n): n is IndexedName => n !== undefined);
}

export function buildAliasIndex(kb: KnowledgeBase): AliasIndex {
  const pending: number[] = [];
  const root: TrieNode = { depth: 0, pending };
  const names: IndexedName[] = [];
  const byName = new Map<string, string[]>();
  // Run once per knowledge base, cold, over thousands of names: plain loops, no array, closure or
  // regular expression made per name.
  const add = (indexed: IndexedName): void => {
    pending.push(names.length);
    names.push(indexed);
    const list = byName.get(indexed.folded);
    if (list === undefined) byName.set(indexed.folded, [indexed.id]);
    else if (!list.includes(indexed.id)) list.push(indexed.id);
  };
  const all = kb.all();
  for (let i = 0; i < all.length; i++) {
    const entity = all[i];
    const ambiguousEntity = entity.ambiguous === true;
    const aliases = entity.aliases;
    // The name, then each alias.
    for (let j = -1; j < aliases.length; j++) {
      const name = j < 0 ? entity.name : aliases[j];
      // Folded already when the knowledge base comes from the bundled snapshot (`rememberFolded`).
      const folded = foldName(name);
      if (folded.length < 2 || isGenericFolded(folded)) continue;
      const indexed: IndexedName = { folded, id: entity.id, ...nameWriting(name, ambiguousEntity, entity.name) };
      add(indexed);
      // The other spellings writers use for a transliterated stem (`큐원` for `큐웬`).
      if (HAS_HANGUL.test(folded)) {
        for (const other of [...koreanSpellings(folded), ...koreanSpacings(folded)]) if (!byName.get(other)?.includes(entity.id)) add({ ...indexed, folded: other });
      }
    }
  }
  for (const derived of derivedNames(all, byName)) add(derived);
  const childOf = (node: TrieNode, ch: number): TrieNode | undefined => {
    if (node.pending) branch(node, names);
    return ownChild(node, ch);
  };

  /**
   * Whether a UTF-16 unit may start a name: its folded form begins one of the trie's first
   * branches. Learnt per unit on first sight (0 unknown, 1 no, 2 yes), so the scan of a note
   * settles most characters by one array read.
   */
  const starts = new Uint8Array(0x10000);
  // A note's short forms are a few names, whose first characters (`starts`) already say enough:
  // no 128 KB table of pairs for each open note (#19).
  const openings = names.length >= PAIRS_FROM ? openingPairs(names) : undefined;
  const mayStart = (code: number): boolean => {
    if (starts[code] === 0) {
      const first = foldChar(String.fromCharCode(code));
      starts[code] = first === '' || first === SEP || !childOf(root, first.charCodeAt(0)) ? 1 : 2;
    }
    return starts[code] === 2;
  };

  const kindOf = (id: string): MentionKind => {
    const e = kb.get(id);
    return e ? mentionKind(e) : 'model';
  };

  /**
   * A parenthesized gloss right after a complete name, naming the same entity
   * (`딥시크(DeepSeek)`): returns the offset just past `)`, else -1.
   */
  const glossEnd = (mask: string, at: number, end: number, ids: readonly string[]): number => {
    if (mask[at] !== '(' && mask[at] !== '（') return -1;
    const close = mask.slice(at + 1, Math.min(end, at + 64)).search(/[)）]/);
    if (close <= 0) return -1;
    const inner = foldName(mask.slice(at + 1, at + 1 + close));
    const glossIds = byName.get(inner);
    if (!glossIds || !glossIds.some((id) => ids.includes(id))) return -1;
    return at + 1 + close + 1;
  };

  /** Whether a line ends at `i`: a name glossed at the end of its line goes on no further (`Tencent (Hunyuan)` over `hunyuan.tencent.com`). */
  const lineBreakAt = (mask: string, i: number): boolean => mask[i] === '\n' || mask[i] === '\r';

  /** The end boundary: a Latin alphanumeric end needs a non-alphanumeric neighbour. */
  const endsCleanly = (mask: string, i: number, end: number): boolean => {
    const last = boundaryChar(mask[i - 1]);
    const next = i < end ? boundaryChar(mask[i]) : undefined;
    if (!isLatinAlnum(last)) return true;
    if (isLatinAlnum(next)) return false;
    // `GPT-4` is not in `GPT-4.5`; `V3` is not in `V3.1`.
    if (isDigit(last) && (next === '.' || next === ',') && isDigit(mask[i + 1])) return false;
    return true;
  };

  /** Whether a name of the index goes on with `.0` from `node`. */
  const zeroChild = (node: TrieNode): boolean => {
    const dot = childOf(node, 0x2e);
    return dot !== undefined && childOf(dot, 0x30) !== undefined;
  };

  /** The longest name at `start`: its end, the ids it names, and whether it needs a paragraph about AI. */
  const longestAt = (mask: string, start: number, end: number): [number, string[], boolean?] | undefined => {
    let best: [number, string[], boolean?] | undefined;
    let node: TrieNode | undefined = root;
    let i = start;
    let glossed = false;
    while (node && i < end) {
      const code = mask.charCodeAt(i);
      if (code === 0) break;
      const one = foldedCode(code);
      // The folded form when it is not one unit (`foldChar`); it may be empty, and the walk skips it.
      const f = one === -1 ? foldChar(mask[i]) : undefined;
      if (f === undefined ? one === SEP_CODE : f === SEP) {
        const child = childOf(node, SEP_CODE);
        // A gloss after a space (`딥시크 (DeepSeek)`, `FreeWilly2 (Stable Beluga 2)`) belongs to the
        // name it glosses, as a glued one does, unless a longer name goes on with the bracket.
        if (code === 0x20 && !glossed && best?.[0] === i && (!child || !childOf(child, 0x28))) {
          const after = glossEnd(mask, i + 1, end, best[1]);
          if (after !== -1) {
            glossed = true;
            best = [after, best[1], best[2]];
            i = after;
            // The name goes on after the gloss as after a glued one (`딥시크 (DeepSeek) V3.1`).
            if (lineBreakAt(mask, i)) break;
            if (i < end && !isSeparator(mask[i]) && child) node = child;
            continue;
          }
        }
        if (!child) break;
        // A name may wrap onto the next line, but never across a blank line (a new paragraph).
        let newlines = 0;
        let j = i;
        while (j < end && isSeparator(mask[j])) newlines += mask[j++] === '\n' ? 1 : 0;
        if (newlines > 1) break;
        node = child;
        i = j;
        continue;
      }
      if (node.ids && !glossed && (code === 0x28 || code === 0xff08)) {
        const after = glossEnd(mask, i, end, node.ids);
        if (after !== -1) {
          glossed = true;
          // The gloss belongs to the name it glosses (`엑사원(EXAONE)` is one mention).
          if (best?.[0] === i) best = [after, best[1], best[2]];
          i = after;
          // The name continues after the gloss with or without a space (`딥시크(DeepSeek) V3.1`), on its line.
          if (lineBreakAt(mask, i)) break;
          if (i < end && !isSeparator(mask[i]) && childOf(node, SEP_CODE)) node = childOf(node, SEP_CODE);
          continue;
        }
      }
      // A whole version written with `.0` where the name has none (`Gemini 3.0 Pro`, `GPT-4.0`,
      // `Llama 3.0 8B`): the `.0` is passed over. Only where no name of the index goes on with
      // `.0` there, so `EXAONE 3.0` stays its own model; never within a dotted version (`3.1.0`).
      if (code === 0x2e && node !== root && wholeZero(mask, i) && !zeroChild(node)) {
        i += 2;
        if (node.ids && endsCleanly(mask, i, end) && hangulEndsCleanly(mask, i, end) && writtenAsName(node, mask, start, i, end)) best = [i, node.ids, node.ambiguous];
        continue;
      }
      // No space between scripts in the text where the name has one (`큐원3` for `큐원 3`), judged
      // on the folded characters (`Ｖ３` is `V3`).
      const folded = f === undefined ? one : f.charCodeAt(0);
      if (node !== root && f !== '' && !childOf(node, folded) && scriptChange(boundaryChar(mask[i - 1]), f ?? String.fromCharCode(folded))) {
        const sep = childOf(node, SEP_CODE);
        if (sep) node = sep;
      }
      let next: TrieNode | undefined = f === '' ? node : childOf(node, folded);
      if (f !== undefined) for (let k = 1; next && k < f.length; k++) next = childOf(next, f.charCodeAt(k));
      node = next;
      i++;
      if (node?.ids && endsCleanly(mask, i, end) && hangulEndsCleanly(mask, i, end) && writtenAsName(node, mask, start, i, end)) best = [i, node.ids, node.ambiguous];
    }
    return best;
  };

  /**
   * Where a model or product name starts inside the name `hit` found at `start`, after an
   * organization's name, and runs at least as far (`Meta Llama 2`, `Google Gemini 2.5 Pro`,
   * `네이버 큐:`): the start of its word, or -1. The organization and its model are two mentions.
   */
  const organizationPrefix = (mask: string, start: number, hit: [number, string[], boolean?], end: number): number => {
    const [stop, ids] = hit;
    for (let j = start + 1; j < stop; j++) {
      // A space parts them in prose; `Meta-Llama-3.1-8B` is one model id.
      if (!/\s/.test(mask[j - 1]) || isSeparator(mask[j])) continue;
      const inner = longestAt(mask, j, end);
      if (!inner || inner[0] < stop || kindOf(inner[1][0]) === 'organization') continue;
      if (kindOf(ids[0]) === 'organization') return j;
      const prefix = longestAt(mask, start, j);
      // A model whose own name starts with its maker's, written with a space (`DeepSeek V3.2-Speciale`,
      // `DeepSeek R1 distills`), is one mention: the maker's word is part of the model's name.
      if (prefix && kindOf(prefix[1][0]) === 'organization') return namedWith(mask, start, prefix[0], inner[1][0]) ? -1 : j;
    }
    return -1;
  };
  /** Whether the model's or family's (`id`) own name starts with the words `mask[start, stop)`. */
  const namedWith = (mask: string, start: number, stop: number, id: string): boolean => {
    const entity = kb.get(id);
    if (entity?.kind !== 'model' && entity?.kind !== 'family') return false;
    const words = foldName(mask.slice(start, stop));
    const name = foldName(entity.name);
    return name.startsWith(words) && (name.length === words.length || name[words.length] === SEP);
  };

  /**
   * A repository id, `owner/model` (`LGAI-EXAONE/EXAONE-3.5-2.4B-Instruct`): an organization's
   * name, a slash, then a model's name is one mention of the model.
   */
  const repositoryModel = (mask: string, hit: [number, string[], boolean?], end: number): [number, string[], boolean?] | undefined => {
    const [stop, ids] = hit;
    if (mask[stop] !== '/' || kindOf(ids[0]) !== 'organization') return undefined;
    const model = longestAt(mask, stop + 1, end);
    return model && kindOf(model[1][0]) === 'model' ? [model[0], model[1], false] : undefined;
  };

  /**
   * Whether `mask[from, to)` names something of the field: a model or product whose name needs no
   * context, or one whose name does beside its maker's (any word start will do).
   */
  const namesTheField = (mask: string, from: number, to: number): boolean => {
    const organizations = new Set<string>(); // named in the paragraph
    const makers = new Set<string>(); // of the names with other senses in it
    for (let j = from; j < to; j++) {
      if (mask[j] === '\u0000' || isSeparator(mask[j]) || (j > from && isLatinAlnum(boundaryChar(mask[j - 1])) && isLatinAlnum(boundaryChar(mask[j])))) continue;
      const hit = longestAt(mask, j, to);
      if (!hit) continue;
      const id = hit[1][0];
      // A model or product: companies turn up in ordinary prose (`네이버 지도`).
      if (kindOf(id) === 'organization') organizations.add(id);
      else if (!hit[2]) return true;
      else {
        const e = kb.get(id);
        const maker = e && e.kind !== 'organization' ? e.organization : undefined;
        if (maker) makers.add(maker);
      }
    }
    // `Anthropic의 클로드`, `Google – 제미나이(Gemini)`: a name with other senses beside its maker's.
    for (const maker of makers) if (organizations.has(maker)) return true;
    return false;
  };

  /**
   * What may follow a name as part of the same mention: a variant suffix of a model id
   * (`-Instruct`, `-it`, `-GGUF`: the base model), a size a family has no member of (`Qwen3 14B`),
   * the size a model's name ends in (`큐원2.5 옴니 7B`), or the model a product names (`ChatGPT-4o`).
   */
  const extend = (mask: string, m: Mention, end: number): Mention => {
    const entity = kb.get(m.id);
    if (entity?.kind === 'product') return productModel(mask, m, end);
    // `알리바바그룹`, `삼성 그룹`: the group is the company's own name.
    if (entity?.kind === 'organization') {
      const group = GROUP.exec(mask.slice(m.end, Math.min(end, m.end + 3)));
      const stop = group ? m.end + group[0].length : -1;
      return group && hangulEndsCleanly(mask, stop, end) ? { ...m, end: stop } : ownModelOfSize(mask, m, entity.id, end);
    }
    if (entity?.kind === 'family') {
      const sized = SIZE_AFTER.exec(mask.slice(m.end, Math.min(end, m.end + 12)));
      if (sized) {
        const value = sizeValue(sized[1], sized[2]);
        // `Llama 2 7B`: the member named like the text, not `LLaMA 7B` of the same family and size.
        const members = membersOfSize(kb, entity.id, value, false, [mask.slice(m.start, m.end)]);
        const stop = m.end + sized[0].length;
        const reordered = wordAfterSize(mask, { ...m, end: stop }, end);
        if (reordered) m = reordered;
        else if (members.length === 1) m = { ...m, id: members[0].id, end: stop };
        else m = members.length === 0 ? { ...m, end: stop, size: value } : { ...m, end: stop };
      } else {
        // `에이닷 엑스 K1`: the family, then the rest of a member's name.
        const word = MEMBER_WORD.exec(mask.slice(m.end, Math.min(end, m.end + 16)));
        const member = word ? memberNamed(kb, entity.id, word[1], mask.slice(m.start, m.end)) : undefined;
        if (member && word) m = { ...m, id: member.id, end: m.end + word[0].length };
      }
    }
    if (entity?.kind === 'model') m = namedAfter(mask, ownSize(mask, m, entity, end), entity, end);
    if (entity?.kind === 'model') m = wordAfterSize(mask, m, end) ?? unknownVersion(mask, m, entity, end);
    if (m.kind !== 'model') return m;
    let stop = m.end;
    for (let v = VARIANT.exec(mask.slice(stop, Math.min(end, stop + 16))); v; v = VARIANT.exec(mask.slice(stop, Math.min(end, stop + 16)))) stop += v[0].length;
    return stop === m.end ? m : { ...m, end: stop };
  };

  /**
   * A company's name and a size, as writers name a model by its maker (`Mistral 8x22B`, `DeepSeek
   * 14B` as Ollama lists it): the company's one model of that size, or of that expert shape
   * (`8x22B` is Mixtral 8x22B's), the size part of the mention. The company alone when none or
   * several have it (`Google 7B`).
   */
  const ownModelOfSize = (mask: string, m: Mention, organizationId: string, end: number): Mention => {
    const sized = ORG_SIZE_AFTER.exec(mask.slice(m.end, Math.min(end, m.end + 12)));
    if (!sized) return m;
    const experts = sized[1] !== undefined ? foldName(`${sized[1]}x${sized[2]}${sized[3]}`) : undefined;
    const value = sizeValue(sized[2], sized[3]);
    // The size the name states (`Llama 3.2 3B` for 3B), else the model's count.
    const ofSize = (e: ModelEntity): boolean =>
      experts !== undefined
        ? [e.name, ...e.aliases].some((n) => ` ${foldName(n)} `.includes(` ${experts} `))
        : sameSize(nominalSize(e.name).total ?? e.parameters?.total, value);
    const found = kb.modelsOf(organizationId).filter(ofSize);
    return found.length === 1 ? { ...m, kind: 'model', id: found[0].id, end: m.end + sized[0].length } : m;
  };

  /**
   * A version after a model's name that names no model of the knowledge base (`K-EXAONE 2.0`
   * after K-EXAONE): another model, so the mention is the model's family with the version
   * stated, never the model (a wrong sibling). Dotted versions only (`2.0`, `v2.1`): a bare
   * number after a name is too often something else (`GPT-4 3 times`).
   */
  const unknownVersion = (mask: string, m: Mention, entity: ModelEntity, end: number): Mention => {
    const v = VERSION_AFTER.exec(mask.slice(m.end, Math.min(end, m.end + 12)));
    if (!v || byName.has(foldName(`${mask.slice(m.start, m.end)} ${v[1]}`))) return m;
    return { ...m, id: entity.family ?? m.id, end: m.end + v[0].length, version: v[1] };
  };

  /**
   * A family, a size and then a word of a model's name that comes before the size in it:
   * `Qwen2.5 14B Coder` is Qwen2.5-Coder-14B. The word must make a model's name with the family as
   * written and the size (`Llama 3.1 8B Instruct` stays Llama 3.1 8B: `Instruct` is a variant).
   */
  const wordAfterSize = (mask: string, m: Mention, end: number): Mention | undefined => {
    const sized = SIZE_AT_END.exec(mask.slice(m.start, m.end));
    const word = sized ? MEMBER_WORD.exec(mask.slice(m.end, Math.min(end, m.end + 16))) : null;
    if (!sized || !word || !/^[A-Za-z]{2,}$/.test(word[1])) return undefined;
    const name = `${mask.slice(m.start, m.end - sized[0].length)} ${word[1]} ${sized[1]}`;
    const id = byName.get(foldName(name))?.find((e) => kindOf(e) === 'model');
    return id ? { ...m, id, end: m.end + word[0].length } : undefined;
  };

  /**
   * The size a model's name or one of its aliases states, written after a name without it:
   * `큐원2.5-옴니-7B` (the alias `큐원2.5 옴니`, the name Qwen2.5-Omni-7B) and `엑사원 3.5 32B` (the
   * alias `EXAONE 3.5 32B`, and its count) are one mention each, the size part of the name. An
   * alias's size counts only when it is the model's count too: aliases may name other checkpoints.
   */
  const ownSize = (mask: string, m: Mention, entity: ModelEntity, end: number): Mention => {
    // `큐원3-235B` then `-A22B`: the active count the model's name states, written after an alias without it.
    const active = ACTIVE_AFTER.exec(mask.slice(m.end, Math.min(end, m.end + 10)));
    if (active) {
      const value = sizeValue(active[1], active[2]);
      return sameSize(nominalSize(entity.name).active, value) && !/-A\d/i.test(m.text) ? { ...m, end: m.end + active[0].length } : m;
    }
    const sized = SIZE_AFTER.exec(mask.slice(m.end, Math.min(end, m.end + 12)));
    if (!sized || HAS_SIZE.test(mask.slice(m.start, m.end))) return m; // `Llama 3.1 8B 8B`: the name has its size
    const value = sizeValue(sized[1], sized[2]);
    const states = (name: string): boolean => sameSize(nominalSize(name).total, value);
    const own = states(entity.name) || (sameSize(entity.parameters?.total, value) && entity.aliases.some(states));
    return own ? { ...m, end: m.end + sized[0].length } : m;
  };

  /** A model's name and a size it lacks that one model named after it has (`DeepSeek-R1 14B`, `members.ts`). */
  const namedAfter = (mask: string, m: Mention, entity: ModelEntity, end: number): Mention => {
    if (m.id !== entity.id) return m;
    const sized = SIZE_AFTER.exec(mask.slice(m.end, Math.min(end, m.end + 12)));
    const model = sized && !HAS_SIZE.test(m.text) ? namedAfterOfSize(kb, entity, sizeValue(sized[1], sized[2])) : undefined;
    return model ? { ...m, id: model.id, end: m.end + sized![0].length } : m;
  };

  /**
   * A size written before a family's name (`the 13B LLaMA model`): the member of that size, the
   * size part of its mention, when exactly one member has it. Reads back no further than `floor`
   * (the scan's start, or the previous mention's end), within the line.
   */
  const sizeBefore = (mask: string, m: Mention, floor: number): Mention => {
    // Most names have no size before them: `13B ` ends in a unit and a space.
    if (mask[m.start - 1] !== ' ' || !/[BbMm]/.test(mask[m.start - 2] ?? '') || m.size !== undefined) return m;
    const entity = kb.get(m.id);
    if (entity?.kind !== 'family') return m;
    const from = Math.max(floor, m.start - 12);
    const sized = SIZE_BEFORE.exec(mask.slice(from, m.start));
    // The size is a word of its own: not the end of `1.13B`, `v13B`, `Qwen3-8B`.
    if (!sized || /[A-Za-z0-9_.,\u0000-]/.test(mask[from + sized.index - 1] ?? ' ')) return m;
    const value = sizeValue(sized[1], sized[2]);
    const name = mask.slice(m.start, m.end);
    const members = membersOfSize(kb, entity.id, value, false, [`${name} ${sized[1]}${sized[2]}`, name]);
    return members.length === 1 ? { ...m, id: members[0].id, start: m.start - sized[0].length } : m;
  };

  /** `ChatGPT-4o`, `ChatGPT-4o mini`: the product, naming one of its maker's models by the end of its name. */
  const productModel = (mask: string, m: Mention, end: number): Mention => {
    const product = kb.get(m.id);
    // `ChatGPT-4o`, `ChatGPT 3.5` (a version after a space), or the model in brackets (`챗GPT(4o)`,
    // as a comparison names what each product ran).
    const bracket = mask[m.end] === '(' || mask[m.end] === '（';
    const spaced = mask[m.end] === ' ';
    if (product?.kind !== 'product' || (mask[m.end] !== '-' && !bracket && !spaced) || !product.organization) return m;
    let best: Mention = m;
    for (const model of kb.modelsOf(product.organization)) {
      const tail = /[-\s](\S.*)$/.exec(model.name)?.[1];
      if (!tail || !(spaced ? /^\d/ : /\d/).test(tail)) continue;
      const at = m.end + 1;
      const stop = at + tail.length;
      if (stop > end || foldName(mask.slice(at, stop)) !== foldName(tail)) continue;
      if (bracket ? mask[stop] !== ')' && mask[stop] !== '）' : isLatinAlnum(boundaryChar(mask[stop]))) continue;
      const close = bracket ? stop + 1 : stop;
      if (close > best.end) best = { ...m, end: close, model: model.id };
    }
    return best;
  };

  /**
   * A name glued by a hyphen to a word before it that names nothing (`Ko-Llama`, `Japanese-Llama`,
   * `Mini-Gemini`): another model derived from it or named after it, not the name. After a name
   * (`Meta-Llama`, its maker's name first) or an English prefix (`non-GPT-4`) it is the name.
   * Reads the text alone (a word back, at most `WORD_REACH` letters), so a scan that starts at the
   * name answers as one that started before the word.
   */
  const derivative = (mask: string, i: number): boolean => {
    if (!isHyphen(mask.charCodeAt(i - 1)) || !isAsciiLetter(mask.charCodeAt(i - 2))) return false;
    let w = i - 2;
    while (w > 0 && isAsciiLetter(mask.charCodeAt(w - 1))) {
      w--;
      if (i - w > WORD_REACH) return true;
    }
    // The word before is a name only where it is no derivative itself (`Chinese-LLaMA-Alpaca`).
    return !PREFIX_WORD.test(mask.slice(w, i - 1)) && (longestAt(mask, w, i - 1)?.[0] !== i - 1 || derivative(mask, w));
  };

  /**
   * The versions after a model's name and a slash (`DeepSeek V3/R1`, `Llama 3.1/3.2`), pushed to
   * `out` as mentions of the siblings they name (`recognize/slashSiblings.ts`). Returns where the
   * scan goes on: past the last such version.
   */
  const slashSiblings = (mask: string, m: Mention, end: number, out: Mention[]): number => {
    let at = m.end;
    let written = m.text;
    for (let from = afterSlash(mask, at, end); from !== -1 && !longestAt(mask, from, end); from = afterSlash(mask, at, end)) {
      const part = siblingPart(mask.slice(from, Math.min(end, from + 16)));
      const name = part === undefined ? undefined : siblingName(written, part);
      const id = name === undefined ? undefined : byName.get(foldName(name))?.find((e) => kindOf(e) === 'model');
      if (!part || !name || !id) break;
      out.push({ start: from, end: from + part.length, text: part, kind: 'model', id, sibling: true });
      at = from + part.length;
      written = name;
    }
    return at;
  };

  const appOf = appReader(kb, longestAt);

  return {
    version: kb.version,
    lookup: (name) => byName.get(foldName(name)) ?? [],
    find(mask, start = 0, end = mask.length, text) {
      const mentions: Mention[] = [];
      const aboutAI = contextOf(mask, (from, to) => namesTheField(mask, from, to), text);
      let i = start;
      while (i < end) {
        // Most characters start no name, nor does a letter or digit inside a Latin word.
        const code = mask.charCodeAt(i);
        if (!mayStart(code) || (i > 0 && isAsciiAlnum(code) && isAsciiAlnum(mask.charCodeAt(i - 1)))) {
          i++;
          continue;
        }
        // Hangul names may start mid-word: scraped text glues words (`이전글뤼튼`), and
        // Korean has no spaces before particles; short Hangul aliases are curated instead, and
        // none starts inside a word that holds it (`드라마`), which is asked only of a name found.
        const hangul = code >= 0xac00 && code <= 0xd7a3;
        const canStart =
          code !== 0 && (hangul || !(isLatinAlnum(boundaryChar(mask[i])) && i > 0 && isLatinAlnum(boundaryChar(mask[i - 1])))) && !derivative(mask, i);
        let hit = canStart && mayOpen(openings, code, i + 1 < end ? mask.charCodeAt(i + 1) : -1) ? longestAt(mask, i, end) : undefined;
        if (hit && hangul && insideHoldingWord(mask, i)) hit = undefined;
        const inner = hit ? organizationPrefix(mask, i, hit, end) : -1;
        if (hit && inner !== -1) {
          // `Meta Llama 2`, `Google Gemini 2.5 Pro`: the organization, then its model, never one swallowing the other.
          hit = longestAt(mask, i, inner);
          if (!hit) {
            i = inner;
            continue;
          }
        }
        if (hit?.[2] && (!aboutAI(i) || personName(mask, hit[0], end))) {
          // `Claude Monet`, `Apple pie`: the other sense, in a paragraph not about AI; `Devin
          // Nakamura`: a person, whatever the paragraph is about.
          i = hit[0];
          continue;
        }
        if (hit && i > 0 && mask[i - 1] === '_') {
          // `ERR_INVALID_CURSOR_POS`, `github_reporter`: inside an identifier.
          i = hit[0];
          continue;
        }
        if (hit) {
          const repo = repositoryModel(mask, hit, end);
          if (repo) hit = repo;
          else if (!mask.slice(i, hit[0]).includes('/') && inAddress(mask, i, hit[0])) {
            // `github.com/meta-llama/llama-models`, `olmo3-notes.ipynb`: part of an address;
            // a repository id stays a mention (`huggingface.co/Qwen/Qwen3-8B`).
            i = hit[0];
            continue;
          }
          let mention = extend(mask, { start: i, end: hit[0], text: '', kind: kindOf(hit[1][0]), id: hit[1][0] }, end);
          if (mention.kind === 'model' && DATASET_AFTER.test(mask.slice(mention.end, Math.min(end, mention.end + 12)))) {
            // `KULLM 데이터셋`, `the Alpaca dataset`: a dataset named after the model.
            i = mention.end;
            continue;
          }
          mention = sizeBefore(mask, mention, Math.max(start, mentions.length ? mentions[mentions.length - 1].end : 0));
          mention.text = sharedSpanText(mask, mention.start, mention.end);
          mention = appOf(mask, mention);
          mentions.push(mention);
          i = mention.kind === 'model' && afterSlash(mask, mention.end, end) !== -1 ? slashSiblings(mask, mention, end, mentions) : mention.end;
        } else i++;
      }
      return mentions;
    },
  };
}
