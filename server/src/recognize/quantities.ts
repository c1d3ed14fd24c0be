/**
 * Parameter counts in prose: `685B`, `0.685T`, `405 billion`, `6,850억`, `5천억`, `1조 2000억`,
 * `37B active`, `685B-A37B`. The reverse of `format/numbers.ts`.
 *
 * One pass of a global regex finds numbers; each is then read with sticky unit regexes and
 * judged by short windows of prose on either side, so the work is linear in the scanned range.
 * Look-alikes (tokens, money, bytes, counts of things, context lengths, FLOPs, expert notation
 * such as `8x7B`) are not parameters and yield nothing.
 */

import { paragraphAt } from '../markdown/paragraphs';
import type { Cell, TableReader } from './tables';
import { mayHaveNumberWords, NUMBER_WORDS, numberWordsValue } from './numberWords';
import type { Claim, Qualifier } from './types';
import { sharedSpanText } from './spans';

/** A parameter count before linking: which model it is about is `claims.ts`'s job. */
export type Quantity = Omit<Claim, 'refersTo' | 'topical'>;

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SP = '[ \\u00a0\\u202f]';

/**
 * A number that does not continue a Latin word, a decimal or a digit group (`Qwen3`, `3.1`, `1,234`).
 * An `A` prefix marks the active count in `685B-A37B` (glued to its total, `57BA14B`, see `GLUED_ACTIVE`).
 */
const NUMBER = new RegExp(String.raw`(?<![A-Za-z0-9_.]|\d,)(A?)(${NUM})`, 'g');
/** `A14B` glued to the total before it (`57BA14B`), which `NUMBER` does not start at: read after that total. */
const GLUED_ACTIVE = new RegExp(String.raw`[Bb](A)(${NUM})(?=[Bb](?![A-Za-z0-9_]))`, 'y');

/**
 * `B`/`T`/`M` (optionally after a space), `b` attached, `bn` (`175 bn`), or a word unit
 * (`56-billion-parameter`).
 */
const LATIN_UNIT = new RegExp(
  String.raw`${SP}?([BTM])(?:(?![A-Za-z0-9_])|(?=A\d+(?:\.\d+)?B(?![A-Za-z0-9_])))|(b)(?![A-Za-z0-9_])|${SP}?(bn|Bn|BN)(?![A-Za-z0-9_])|(?:${SP}|-)?([Bb]illion|[Tt]rillion|[Mm]illion|BILLION|TRILLION|MILLION)(?![A-Za-z])`,
  'y',
);
/** A plain count of parameters in digits: `175,000,000,000 parameters`, `7000000000 params`. */
const PLAIN_UNIT = new RegExp(String.raw`${SP}?(?=(?:parameters?|params?|매개변수|파라미터|개의${SP}?(?:매개변수|파라미터))(?![A-Za-z]))`, 'y');

const LATIN_EXP: Record<string, number> = { B: 9, b: 9, bn: 9, T: 12, M: 6, billion: 9, trillion: 12, million: 6 };
const KOREAN_EXP: Record<string, number> = { 조: 12, 억: 8, 만: 4, 천: 3, 백: 2, 십: 1 };
const HANGUL_DIGIT: Record<string, string> = { 일: '1', 이: '2', 삼: '3', 사: '4', 오: '5', 육: '6', 칠: '7', 팔: '8', 구: '9' };
/** Where a count written with Hangul numerals may start: `천억`, `삼천억`, `오백억` (never inside a word). */
const HANGUL_COUNT = /(?<![가-힣0-9A-Za-z])[일이삼사오육칠팔구]?[십백천](?=[일이삼사오육칠팔구십백천]*[억조])/g;
/** After a count in Hangul numerals: not a Hangul word going on, unless a particle or counter. */
const HANGUL_COUNT_END = /^(?![가-힣])|^(?:개|의|을|를|이|가|은|는|에|으로|로|도|급|대|짜리|규모|파라미터|매개변수|원)/;
/** Full-width digits and the signs around them, read as ASCII (the same length, so offsets hold). */
const FULL_WIDTH = /[\uff10-\uff19\uff0c\uff0e\uff22\uff34\uff2d\uff42]/g;
const HAS_FULL_WIDTH = new RegExp(FULL_WIDTH.source);
/** `x7B` of `8x7B`, `× 22B` of `8 × 22B`: a per-expert size after the expert count. */
const SHAPE = new RegExp(String.raw`${SP}?[x×X*]${SP}?(${NUM})`, 'y');

/** `digits × 10^exp` exactly, rounding only below the units digit (`46.7`, 9 → 46700000000). */
function scaled(num: string, exp: number): bigint {
  const plain = num.includes(',') ? num.replace(/,/g, '') : num;
  const dot = plain.indexOf('.');
  const int = dot === -1 ? plain : plain.slice(0, dot);
  const frac = dot === -1 ? '' : plain.slice(dot + 1);
  if (frac.length <= exp) return BigInt(int + frac.padEnd(exp, '0'));
  const kept = BigInt(int + frac.slice(0, exp));
  return frac.charCodeAt(exp) >= 0x35 /* '5' */ ? kept + 1n : kept;
}

// ---- windows of prose around a quantity -------------------------------------------------

const WINDOW = 48;

/** Up to `WINDOW` prose characters before `pos` on the same line, masked characters dropped. */
function before(mask: string, pos: number): string {
  const window = mask.slice(Math.max(0, pos - WINDOW), pos);
  return unmasked(window.slice(window.lastIndexOf('\n') + 1));
}

/** Up to `WINDOW` prose characters after `pos` on the same line, masked characters dropped. */
function after(mask: string, pos: number): string {
  const window = mask.slice(pos, pos + WINDOW);
  const newline = window.indexOf('\n');
  return unmasked(newline === -1 ? window : window.slice(0, newline));
}

// ---- what the neighbouring words say ----------------------------------------------------

/** Words that make a number a parameter count (`37B active` is one): the scan of following words stops here. */
const PARAM_WORD = /^(?:parameters?|params?|weights|activ(?:e|ated)|활성|models?|llms?|slms?|매개변수|파라미터|가중치|모델|언어\s?모델|대형언어모델|초거대)/i;
/** A paragraph that talks about models: Korean counts and word units need one. */
const PARAM_CONTEXT = /매개변수|파라미터|가중치|모델|parameters?|params?\b|models?\b|LLMs?\b|언어\s?모델/i;

/** The longest text `PARAM_CONTEXT` matches, with room to spare (`parameters`, `언어 모델`). */
export const PARAM_WORD_REACH = 16;

/** Whether `mask[from, to)` speaks of models, as a bare Korean count's paragraph must (`PARAM_CONTEXT`). */
export const hasParamWords = (mask: string, from: number, to: number): boolean => from < to && PARAM_CONTEXT.test(mask.slice(from, to));

/** Latin words after the number that make it something else than parameters. */
const NOT_PARAM_LATIN = new RegExp(
  '^(?:' +
    [
      'tokens?', 'words?', 'characters?', 'chars?', 'sentences?', 'documents?', 'pages?', 'images?', 'videos?', 'hours?',
      'dollars?', 'usd', 'krw', 'eur', 'euros?', 'won', 'yen', 'yuan', 'pounds?', 'bucks',
      'bytes?', 'gb', 'tb', 'mb', 'gib', 'tib', 'mib',
      'gpus?', 'tpus?', 'chips?', 'servers?', 'nodes?', 'users?', 'people', 'persons?', 'downloads?', 'customers?',
      'employees?', 'subscribers?', 'followers?', 'stars?', 'views?', 'visits?', 'requests?', 'queries', 'query',
      'samples?', 'examples?', 'steps?', 'rows?', 'lines?', 'files?', 'pairs?', 'units?', 'devices?', 'times',
      'context', 'window', 'flops?', 'flop/s', 'pflops', 'tflops', 'petaflops?', 'tops', 'years?', 'months?', 'days?',
    ].join('|') +
    ')(?![A-Za-z])',
  'i',
);
/** Korean nouns after the number that make it something else; matched as word prefixes. */
const NOT_PARAM_KOREAN = /^(?:토큰|단어|문장|문서|이미지|달러|유로|위안|파운드|원화|바이트|사용자|이용자|가입자|구독자|고객|다운로드|컨텍스트|문맥|연산|시간|GPU|칩|서버|장비|인구|가구|개국)/;
/** Single-syllable Korean counters and currencies, alone or with a particle (`원`, `명이`, `장의`). */
const NOT_PARAM_SYLLABLE = /^(?:원|엔|명|장|건|회|번|곳|채|켤레|벌|주|년|개월|일)(?:의|을|를|이|가|은|는|에|으로|로|도|과|와|씩|짜리|어치|이다|입니다)?$/;

type Verdict = 'param' | 'not' | 'unknown';

/** How many words after a number are read (`14.8 trillion diverse and high-quality tokens`). */
const WORDS_AFTER = 5;

/** Reads up to five words after the number, within its clause: the first telling word decides. */
function wordsAfter(rest: string, counterDai: boolean): Verdict {
  const clause = /^[^.,;:!?。()[\]{}"“”'‘’]*/.exec(rest)![0];
  const words = clause.split(/[\s\-–—/]+/).filter(Boolean).slice(0, WORDS_AFTER);
  for (const [i, word] of words.entries()) {
    // The words after another number are that number's (`32B and requires about 13 GB`).
    if (i > 0 && /^[~≈∼]?\d/.test(word)) break;
    if (PARAM_WORD.test(word)) return 'param';
    // A counter counts the number it follows (`3건`, `5 명`): later, `건` is only a word.
    if (NOT_PARAM_LATIN.test(word) || NOT_PARAM_KOREAN.test(word) || (i === 0 && NOT_PARAM_SYLLABLE.test(word))) return 'not';
    // `1만 대`, `1만대의 GPU`: machines; but `500B대` is a size class (handled as approx).
    if (counterDai && i === 0 && /^대(?:의|를|가|는|에|로|와|도|씩|에서)?$/.test(word)) return 'not';
  }
  return 'unknown';
}

const MONEY_BEFORE = /(?:\$|US\$|₩|€|£|¥|\b(?:USD|KRW|EUR|JPY|CNY)\s*)$/;
const MONEY_WORD_BEFORE = /(?:(?:\b(?:revenue|funding|valuation|budget|investment|raised|worth|costs?|spent|spend)(?:\s+of)?)|(?:매출|매출액|영업이익|순이익|투자|투자금|투자액|예산|시가총액|기업가치|자금|펀딩)(?:은|는|이|가|을|를|도)?)\s*:?\s*$/i;
const EXPERTS_BEFORE = /\d\s*[x×X*]\s*$/;
const LABEL_BEFORE = /(?:\b(?:fig(?:ure)?|table|tab|section|sec|eq|equation|panel|appendix|chapter|step)\.?|그림|표|제)\s*$/i;
const CONTEXT_BEFORE = /(?:\bcontext(?:\s+(?:window|length|size))?|컨텍스트(?:\s*(?:윈도우|길이|창))?|문맥(?:\s*길이)?)(?:\s+(?:of|is)|는|은|이|가)?\s*(?:[:=]\s*)?(?:up to\s+)?$/i;
/**
 * A training-data size, not a model's: `trained on 15T`, `tokens: 2T`, `token count of 1.4T`,
 * `토큰 1조`, `최종 토큰 수는 1.65조`, and the same count restated in brackets (`1.65조(1.65 trillion)`).
 */
const TOKENS_BEFORE =
  /(?:\b(?:pre-?)?trained on|(?<!\bper\s+)\btokens?:?|\btoken count(?:\s+(?:of|is|was))?:?|\bnumber of (?:training )?tokens(?:\s+(?:is|was))?:?|토큰(?:\s*(?:수|양|규모|개수))?(?:는|은|가|이|을|를)?:?)\s*(?:[\d.,]+\s*(?:조|억|trillion|billion|[TB])\s*[(（]\s*)?$/i;

const BOUND_BEFORE = /(?:\b(?:over|more than|up to|fewer than|less than|under|at least|at most|above|below|exceeding|upwards of|greater than|larger than|smaller than|no more than|no less than|beyond|(?:tops?|topped|maxe[sd]|maxing|topping) out at|peak(?:s|ed)? at)|최대|최소|[<>≤≥]=?|[＜＞])\s*$/i;
const BOUND_AFTER = /^(?:\+|\s*(?:이하|이상|미만|초과|넘는|넘게|넘어|or\s+(?:more|less|fewer|greater|larger|smaller|above|below)\b|and\s+(?:up|above|below|more|less)\b))/i;
const APPROX_BEFORE = /(?:\b(?:about|around|approximately|approx\.?|roughly|nearly|almost|circa|ca\.|estimated|an estimated)|(?<![가-힣])약|대략|거의|[~∼≈〜])\s*$/i;
const APPROX_AFTER = /^(?:급|여(?![가-힣])|가량|쯤|-?ish\b|[- ]class\b|[- ]scale\b|\s*(?:정도|가량|안팎|내외|남짓|쯤|수준|or so\b))/i;
/** Attached `대` is a size class (`500B대`, `6000억대`); after `만` it counts machines instead. */
const DAI_AFTER = /^대(?![가-힣])|^대(?:의|인|를|가|에)/;
/** `활성 파라미터: 약 230억`, `Active params per token: 12B`, `activated parameters of ~37B`. */
const ACTIVE_BEFORE =
  /(?:활성(?:화)?(?:된)?(?:\s*(?:파라미터|매개변수))?(?:\s*\(토큰당\))?(?:는|은|가|이)?|\bactiv(?:e|ated)\s+(?:parameters?|params)(?:\s+per\s+token)?(?:\s+(?:of|is|are))?)\s*[:=]?\s*(?:(?:약|about|around|approximately|roughly|[~∼≈])\s*)?$/i;
const ACTIVE_AFTER = /^[\s-]*(?:activ(?:e|ated)\b|활성)/i;
const NEGATED_BEFORE = /(?:\bnot|n't|\bnever|\brather than|\binstead of|\bno longer)\s+(?:[^\s.,;:!?]+\s+){0,3}$/i;
/** Korean negation later in the clause: `5000억이 아니다`, `5000억 개가 아니라`. */
const NEGATED_AFTER = /^[^.,;!?。\n\d]{0,12}?(?:아니|아님)/;

/**
 * The end of a name the number is part of: a word with a letter, then `-` or `_` (`Scout-17B-16E`,
 * `Qwen-7B`, `Llama-2-7B`), never a count (`7B-13B` is a range).
 */
function inName(pre: string): boolean {
  // The word before ends in `-` or `_`, or there is none.
  if (!pre.endsWith('-') && !pre.endsWith('_')) return false;
  const word = pre.slice(pre.search(/[^\s(\[{"'‘“]*$/));
  return /[-_]$/.test(word) && /[A-Za-z]/.test(word) && !/^[~≈]?\d+(?:\.\d+)?[BbMmTtKk]?[-_]$/.test(word);
}

/** `7 to 70B`, `6 and 13B`: a bare number before a count, sharing its unit. */
const SHARED_UNIT_BEFORE = /(?<![A-Za-z0-9_.,\-])(\d{1,3}(?:\.\d+)?)(\s*(?:,?\s*(?:and|or)|to|[–—~∼〜-])\s*)$/i;
/** `7, ` of `7, 13 and 70 billion`: a bare number of a list before another. */
const LIST_ITEM_BEFORE = /(?<![A-Za-z0-9_.,\-])(\d{1,3}(?:\.\d+)?)\s*,\s*$/;
/**
 * `13|` of `7|13|70B`, `13/` of `7/13/70B`: sizes parted by bars or slashes, the unit written once
 * at the end, as model lists write them, also right after a name and a hyphen (`DeepSeek-Coder-1.3|6.7|33B`).
 */
const SLASHED_ITEM_BEFORE = /(?<![A-Za-z0-9_.,])(\d{1,3}(?:\.\d+)?)[ \t]*[/|][ \t]*$/;

const RANGE_GAP = /^\s*(?:[-–—~∼〜]|to|and|부터|에서)\s*$/i;
/** The most characters between a range's two ends, syntax (`**7B** – **70B**`) and spaces included. */
const RANGE_GAP_REACH = 48;
/** What closes a Korean range after its second count: `1B부터 70B까지`, `70억에서 650억 파라미터에 이르는`. */
const RANGE_END_KO = /^(?:까지|\s*(?:개의?\s*)?(?:파라미터|매개변수)?\s*(?:까지|에\s*(?:이르|달하)))/;
const UNITLESS_RANGE_START = /(?<![A-Za-z0-9_.\-])\d+(?:\.\d+)?\s*(?:[–—~∼〜-]|to)\s*$/i;

// ---- the scan ---------------------------------------------------------------------------

interface Reading {
  end: number;
  value: bigint;
  notation: 'B' | '억';
  /** Korean units, `M` and word units are also used for money and counts: they need a paragraph about models. */
  needsContext: boolean;
  /** The last Korean unit was `만`: an attached `대` counts machines. */
  man: boolean;
}

function readLatin(mask: string, num: string, at: number): Reading | undefined {
  LATIN_UNIT.lastIndex = at;
  const m = LATIN_UNIT.exec(mask);
  if (!m) return undefined;
  const unit = m[1] ?? m[2] ?? m[3]?.toLowerCase() ?? m[4];
  const word = m[4] !== undefined;
  return {
    end: LATIN_UNIT.lastIndex,
    value: scaled(num, LATIN_EXP[word ? unit.toLowerCase() : unit]),
    notation: 'B',
    needsContext: word || unit === 'M' || unit === 'bn',
    man: false,
  };
}

/** `8x7B`: an integer count of experts, then the size of each; the value is their product. */
function readShape(mask: string, num: string, at: number): Reading | undefined {
  if (!/^\d{1,3}$/.test(num)) return undefined;
  SHAPE.lastIndex = at;
  const m = SHAPE.exec(mask);
  if (!m) return undefined;
  const each = readLatin(mask, m[1], SHAPE.lastIndex);
  if (!each || each.needsContext) return undefined;
  return { ...each, value: each.value * BigInt(num) };
}

/**
 * A cell of numbers only (`7`, `~13`, `7 / 13 / 70`, `1,000`, one per line: `3<br>7<br>12`), each
 * a count in the header's unit, maybe with a note in brackets (`30 (TBD)`, `7 (base)`).
 */
const BARE_NUMBER = String.raw`[~≈∼]?\s*(?:${NUM})(?:\s*\([^()]{1,24}\))?`;
const BARE_CELL = new RegExp(String.raw`^${BARE_NUMBER}(?:\s*(?:[,/;]|\s)\s*${BARE_NUMBER})*\s*[*†]?$`);

/** `7` in a `Params (B)` column: a bare number read in the unit its column's header carries. */
function readBare(mask: string, num: string, at: number, cell: Cell): Reading | undefined {
  const unit = cell.column.unit;
  // Masked syntax parts the numbers as a space does (`<br>`, a line break in a cell), not as nothing.
  if (unit === undefined || !BARE_CELL.test(mask.slice(cell.start, cell.end).replace(/\u0000+/g, ' ').trim())) return undefined;
  return { end: at, value: scaled(num, unit), notation: cell.column.korean ? '억' : 'B', needsContext: false, man: false };
}

/** The prose of `mask[from, to)`, masked characters dropped. */
function prose(mask: string, from: number, to: number): string {
  return unmasked(mask.slice(from, to));
}

/** The most characters between a count and its restatement in brackets (`약 230억 (23B`), syntax included. */
const RESTATED_REACH = 16;

/** `s` without its masked characters. */
const unmasked = (s: string): string => (s.includes('\u0000') ? s.replace(/\u0000/g, '') : s);

/** `175,000,000,000 parameters`: digits alone (a million or more) right before a parameter word. */
function readPlain(mask: string, num: string, at: number): Reading | undefined {
  if (num.includes('.') || num.replace(/,/g, '').length < 7) return undefined;
  PLAIN_UNIT.lastIndex = at;
  if (!PLAIN_UNIT.test(mask)) return undefined;
  return { end: at, value: scaled(num, 0), notation: 'B', needsContext: false, man: false };
}

/**
 * A Korean count from `at`, after a leading number `num` (`6,850억`, `1조 2000억`, `1천2백억`) or
 * from its first Hangul numeral when `num` is empty (`천억`, `삼천억`). Groups of a larger unit
 * come first (`조` before `억`); within a group, `천`/`백`/`십` multiply the number before them.
 */
function readKorean(mask: string, num: string, at: number): Reading | undefined {
  let i = at;
  let value = 0n;
  let lastBig = 99;
  let terms: [string, number][] = [];
  let pending = num;
  let end = -1;
  const skipSpace = (): void => {
    while (i < mask.length && /[ \u00a0\u202f]/.test(mask[i])) i++;
  };
  for (;;) {
    skipSpace();
    const c = mask[i];
    if (c === undefined) break;
    const small = c === '천' || c === '백' || c === '십';
    if (small) {
      terms.push([pending || '1', KOREAN_EXP[c]]);
      pending = '';
      i++;
      continue;
    }
    if ((c === '억' || c === '조' || c === '만') && (pending || terms.length) && KOREAN_EXP[c] < lastBig) {
      if (mask[i + 1] === '큼') break;
      if (pending) terms.push([pending, 0]);
      for (const [n, e] of terms) value += scaled(n, e + KOREAN_EXP[c]);
      lastBig = KOREAN_EXP[c];
      terms = [];
      pending = '';
      i++;
      end = i;
      continue;
    }
    const digits = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?|^\d+(?:\.\d+)?/.exec(mask.slice(i, i + 24));
    if (digits && !pending) {
      pending = digits[0];
      i += digits[0].length;
      continue;
    }
    const hangul = HANGUL_DIGIT[c];
    if (hangul && !pending && /[십백천억조만]/.test(mask[i + 1] ?? '')) {
      pending = hangul;
      i++;
      continue;
    }
    break;
  }
  if (end === -1) return undefined;
  return { end, value, notation: '억', needsContext: true, man: lastBig === 4 };
}

/**
 * Parameter counts in `mask[start, end)`. `mask` is the note's prose mask: same length as the
 * note, non-prose replaced by `\u0000`, so offsets are the note's UTF-16 offsets.
 */
export function findQuantities(original: string, start = 0, end = original.length, tables?: TableReader): Quantity[] {
  const mask = narrowDigits(original, start, end);
  const found: Quantity[] = [];
  // Indexes in `found` of the counts a unitless number before them may begin a range with (`7–70B`).
  const rangeStarts: number[] = [];
  let para: [number, number, boolean] | undefined;
  for (const m of candidates(mask, start, end)) {
    const prefixed = m.prefix === 'A';
    const numStart = m.index + m.prefix.length;
    const numEnd = m.wordsEnd ?? numStart + m.num.length;
    // A table cell is read by its column's header (`tables.ts`): another measure's column holds no counts.
    const cell = tables?.cellAt(m.index);
    if (cell?.column.kind === 'other') continue;
    const sized = cell?.column.kind === 'size' ? cell : undefined;
    const digits = m.num !== '' && m.wordsEnd === undefined;
    const reading = m.wordsEnd !== undefined
      ? readLatin(mask, m.num, numEnd)
      : digits
        ? readLatin(mask, m.num, numEnd) ?? (prefixed ? undefined : readKorean(mask, m.num, numEnd) ?? readPlain(mask, m.num, numEnd) ?? (sized ? readBare(mask, m.num, numEnd, sized) : undefined))
        : readKorean(mask, '', numStart);
    const shape = digits && !prefixed ? readShape(mask, m.num, numEnd) : undefined;
    if (shape && shape.end <= end) {
      // `8x7B`: eight experts of 7B each, a shape rather than a total; never checked.
      m.skipTo(shape.end);
      found.push({ start: numStart, end: shape.end, text: sharedSpanText(original, numStart, shape.end), value: Number(shape.value), active: false, qualifier: 'experts', notation: 'B' });
      continue;
    }
    if (!reading || reading.end > end) continue;
    if (!m.num && !HANGUL_COUNT_END.test(mask.slice(reading.end, reading.end + 4))) continue;
    m.skipTo(reading.end);

    // In a size column the cell alone qualifies its count; the header has said what it is.
    const pre = sized ? prose(mask, sized.start, m.index) : before(mask, m.index);
    const post = sized ? prose(mask, reading.end, sized.end) : after(mask, reading.end);
    if (MONEY_BEFORE.test(pre) || MONEY_WORD_BEFORE.test(pre) || EXPERTS_BEFORE.test(pre)) continue;
    if (LABEL_BEFORE.test(pre) || CONTEXT_BEFORE.test(pre) || TOKENS_BEFORE.test(pre) || inName(pre)) continue;
    const daiIsClass = !reading.man && DAI_AFTER.test(post);
    // Skip a size-class suffix (`500B급 모델`) so the words after it are read.
    const words = reading.man ? post : post.replace(/^(?:급|대)/, '');
    const verdict = wordsAfter(words, reading.man);
    if (verdict === 'not' || (m.wordsEnd !== undefined && verdict !== 'param')) continue;
    if (verdict === 'unknown' && reading.needsContext && !sized) {
      if (!para || m.index >= para[1]) {
        const [ps, pe] = paragraphAt(mask, m.index);
        para = [ps, pe, PARAM_CONTEXT.test(mask.slice(ps, pe))];
      }
      if (!para[2]) continue;
    }

    let qualifier: Qualifier = 'exact';
    if (NEGATED_BEFORE.test(pre) || NEGATED_AFTER.test(post)) qualifier = 'negated';
    else if (BOUND_BEFORE.test(pre) || BOUND_AFTER.test(post)) qualifier = 'bound';
    else if (APPROX_BEFORE.test(pre) || APPROX_AFTER.test(post) || daiIsClass) qualifier = 'approx';

    const value = Number(reading.value);
    // `약 230억 (23B, …)`: a count restated in brackets right after another of the same value is read as it.
    const last = found.at(-1);
    const restated = last !== undefined && last.value === value && m.index - last.end <= RESTATED_REACH && /^\s*[(（]\s*$/.test(prose(mask, last.end, m.index));
    const active = prefixed || sized?.column.active === true || ACTIVE_BEFORE.test(pre) || ACTIVE_AFTER.test(words) || (restated && last.active);
    const shared = digits && reading.notation === 'B' ? sharedUnit(mask, original, m.index, m.num, value, found.at(-1)?.end ?? start) : [];
    for (const { range, ...s } of shared) found.push({ ...s, active, qualifier: range ? 'range' : qualifier, notation: 'B' });
    if (UNITLESS_RANGE_START.test(pre)) rangeStarts.push(found.length);
    found.push({ start: numStart, end: reading.end, text: sharedSpanText(original, numStart, reading.end), value, active, qualifier, notation: reading.notation });
  }
  return markRanges(mask, found, rangeStarts);
}

/**
 * The bare numbers of `7 to 70B`, `6 and 13B`, `7, 13 and 70 billion` or `7|13|70B` before the count
 * at `at`, each smaller than the next, after `floor`. A list's numbers are counts; `to` or a dash makes a range.
 */
function sharedUnit(mask: string, original: string, at: number, num: string, value: number, floor: number) {
  // Back to the line's start, but no further than the 48 characters read: a line may be 1 MB long.
  let from = Math.max(floor, at - 48);
  for (let i = at - 1; i >= from; i--) {
    if (mask.charCodeAt(i) === 0x0a) {
      from = i + 1;
      break;
    }
  }
  const slashed = SLASHED_ITEM_BEFORE.exec(mask.slice(from, at));
  const bare = slashed ?? SHARED_UNIT_BEFORE.exec(mask.slice(from, at));
  if (!bare) return [];
  const total = Number(num.replace(/,/g, ''));
  const range = !slashed && !/and|or/i.test(bare[2]);
  const items: { start: number; digits: string }[] = [];
  let start = from + bare.index;
  let digits = bare[1];
  for (let next = total; Number(digits) < next; ) {
    items.unshift({ start, digits });
    next = Number(digits);
    // `7, 13 and 70 billion`: the list's numbers before it, each followed by a comma.
    const item = range ? null : (slashed ? SLASHED_ITEM_BEFORE : LIST_ITEM_BEFORE).exec(mask.slice(from, start));
    if (!item) break;
    start = from + item.index;
    digits = item[1];
  }
  const unit = value / total;
  return items.map(({ start: s, digits: d }) => ({ start: s, end: s + d.length, text: sharedSpanText(original, s, s + d.length), value: Number(d) * unit, range }));
}

interface Candidate {
  index: number;
  /** `A` before the active count of `685B-A37B`, else empty. */
  prefix: string;
  /** The digits, or empty for a count in Hangul numerals (`삼천억`); for English words, their number. */
  num: string;
  /** Set for a number in English words (`two-trillion-parameter`): where the words end. */
  wordsEnd?: number;
  /** Resume the scan after a reading. */
  skipTo(offset: number): void;
}

/** Numbers in digits, counts in Hangul numerals and numbers in English words, in order of offset. */
function* candidates(mask: string, start: number, end: number): Generator<Candidate> {
  const digits = new RegExp(NUMBER.source, 'g');
  // Without a 십, 백 or 천 where a count could start, its search would only read on to the note's end.
  const hangul = hasTens(mask, start, Math.min(mask.length, end + 1)) ? new RegExp(HANGUL_COUNT.source, 'g') : undefined;
  const words = mayHaveNumberWords(mask, start, end) ? new RegExp(NUMBER_WORDS.source, 'gi') : undefined;
  let from = start;
  const skipTo = (offset: number): void => {
    from = Math.max(from, offset);
  };
  // Each regex's next match is kept until the scan passes it: every character is read once by each.
  let d: RegExpExecArray | null | undefined;
  let h: RegExpExecArray | null | undefined;
  let w: RegExpExecArray | null | undefined;
  const next = (re: RegExp | undefined, cached: RegExpExecArray | null | undefined): RegExpExecArray | null => {
    if (!re || cached === null || (cached && cached.index >= from)) return cached ?? null;
    re.lastIndex = from;
    return re.exec(mask);
  };
  for (;;) {
    d = next(digits, d);
    h = next(hangul, h);
    w = next(words, w);
    const first = [d, h, w].reduce<RegExpExecArray | null>((a, b) => (b !== null && (a === null || b.index < a.index) ? b : a), null);
    if (!first || first.index >= end) return;
    from = first.index + Math.max(1, first[0].length);
    if (first === d) {
      yield { index: first.index, prefix: first[1], num: first[2], skipTo };
      GLUED_ACTIVE.lastIndex = first.index + first[0].length;
      const glued = first[1] === '' ? GLUED_ACTIVE.exec(mask) : null;
      if (glued && from <= glued.index + 1 && glued.index + 1 < end) {
        from = glued.index + glued[0].length;
        yield { index: glued.index + 1, prefix: glued[1], num: glued[2], skipTo };
      }
    } else if (first === h) yield { index: first.index, prefix: '', num: '', skipTo };
    else yield { index: first.index, prefix: '', num: numberWordsValue(first[1]), wordsEnd: first.index + first[1].length, skipTo };
  }
}

/** Whether `mask[start, end)` holds 십, 백 or 천, without which no Hangul count starts there. */
function hasTens(mask: string, start: number, end: number): boolean {
  // One search of the window (a slice shares the note's characters).
  return /[십백천]/.test(mask.slice(start, end));
}

/** `mask` with full-width digits and number signs as ASCII, when `[start, end)` has any. */
function narrowDigits(mask: string, start: number, end: number): string {
  // A search of the window only (a slice shares the note's characters), not on to the note's end on every edit.
  if (!HAS_FULL_WIDTH.test(mask.slice(start, end))) return mask;
  return mask.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}


/** `7B–70B`, `3B ~ 1T`, `7B to 70B`, `1B부터 70B까지`, `70억에서 650억 개에 이르는`, `between 7B and 70B`, `7–70B`. */
function markRanges(mask: string, out: Quantity[], rangeStarts: readonly number[]): Quantity[] {
  for (const i of rangeStarts) if (out[i].qualifier !== 'negated') out[i].qualifier = 'range';
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i];
    const b = out[i + 1];
    if (b.active && !a.active && mask[b.start - 1] === 'A') continue; // 685B-A37B
    // A range's two ends are a word apart: no slice of the text between far counts.
    if (b.start - a.end > RANGE_GAP_REACH) continue;
    const gap = prose(mask, a.end, b.start);
    if (!RANGE_GAP.test(gap)) continue;
    const word = gap.trim().toLowerCase();
    if (word === 'and' && !/\bbetween\s*$/i.test(before(mask, a.start))) continue;
    if ((word === '부터' || word === '에서') && !RANGE_END_KO.test(after(mask, b.end))) continue;
    for (const q of [a, b]) if (q.qualifier !== 'negated') q.qualifier = 'range';
  }
  return out;
}
