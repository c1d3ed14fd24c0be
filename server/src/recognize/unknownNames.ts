/**
 * Names in prose that look like models (`Foo-70B`, `BarLM 2.5`, `Qwen9-Max`), whether or not the
 * knowledge base knows them: the recognizer behind the `entity.unknown` hint and the size a new
 * knowledge entry is given. Capitalized words with numbers are everywhere in research prose
 * (`Figure 3`, `Python 3.11`, `COVID-19`, `A100`, `Q3 2025`), so `isModelLike` asks for a shape
 * that names a model, not just a word and a number.
 */
import { spanText } from './spans';

/** A name found in prose: its span and its parts, as written. */
export interface NameCandidate {
  start: number;
  end: number;
  text: string;
  /** The first word (`NovaLM` in `NovaLM-7B-Instruct`). */
  head: string;
  /** The words after the head, each with the character that joined it (`-` or a space). */
  parts: { joiner: string; text: string }[];
  /** Whether the name starts a sentence (a capital there says nothing). */
  sentenceStart: boolean;
}

// ---- finding names ----------------------------------------------------------------------

/**
 * A capitalized Latin word that does not continue another word, an identifier or a path
 * (`non-Foo`, `org/Foo`, `v.Foo`). Decimals stay inside it (`InternLM2.5`).
 */
const HEAD = /(?<![A-Za-z0-9_\-./@#])[A-Z][A-Za-z0-9]*(?:\.\d+)*(?![A-Za-z0-9])/g;
/** A word joined by a hyphen: any case, since names go on (`-7B-Instruct`, `-v0.1`). */
const HYPHEN_PART = /-([A-Za-z0-9]+(?:\.\d+)*)(?![A-Za-z0-9])/y;
/** A word joined by one space: only a version or a size (`BarLM 2.5`, `Falcon 40B`, `Foo v2`). */
const SPACE_PART = /[ \u00a0]((?:\d+x)?\d+(?:\.\d+)*[BbMT]?|[vV]\d+(?:\.\d+)*)(?![A-Za-z0-9_])/y;
/** A counted noun after a number: `NovaLM 3 times`, `Wikipedia 3B tokens` count, never name. */
const COUNTED = /[ \u00a0]+(?:times?|tokens?|words?|images?|documents?|pages?|samples?|examples?|sentences?|pairs?|characters?|users?|hours?|days?|steps?|epochs?|rows?|files?|dollars?|GPUs?|TPUs?|nodes?|layers?|heads?|languages?|tasks?|points?|percent)(?![A-Za-z])/iy;

/**
 * Names in the prose mask (those starting in `[from, to)`): a capitalized head and the words
 * joined to it, in order. One at a time: every capitalized word is a candidate, and a whole note's
 * of them held at once outlived the young generation (7 MB promoted for the bench's five notes).
 */
export function* nameCandidates(mask: string, from = 0, to = mask.length): Generator<NameCandidate> {
  HEAD.lastIndex = from;
  for (let match = HEAD.exec(mask); match && match.index < to; match = HEAD.exec(mask)) {
    const start = match.index;
    const head = match[0];
    const parts: NameCandidate['parts'] = [];
    let end = start + head.length;
    for (;;) {
      HYPHEN_PART.lastIndex = end;
      const hyphen = HYPHEN_PART.exec(mask);
      // A lowercase word after a hyphen is English (`Foo-70B-based`), unless a version (`-v0.1`).
      if (hyphen && (/^[A-Z0-9]/.test(hyphen[1]) || /^v\d/.test(hyphen[1]))) {
        parts.push({ joiner: '-', text: hyphen[1] });
        end = HYPHEN_PART.lastIndex;
        continue;
      }
      SPACE_PART.lastIndex = end;
      const spaced = SPACE_PART.exec(mask);
      if (spaced) {
        COUNTED.lastIndex = SPACE_PART.lastIndex;
        if (COUNTED.test(mask)) break;
        parts.push({ joiner: mask[end], text: spaced[1] });
        end = SPACE_PART.lastIndex;
        continue;
      }
      break;
    }
    yield { start, end, text: spanText(mask, start, end), head, parts, sentenceStart: startsSentence(mask, start) };
    HEAD.lastIndex = end;
  }
}

/** Whether only white space, Markdown syntax and sentence punctuation lie between `at` and the previous sentence. */
function startsSentence(mask: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = mask[i];
    if (c === ' ' || c === '\t' || c === '\u00a0' || c === '\u0000' || c === '"' || c === '“' || c === '‘' || c === "'") continue;
    return c === '\n' || c === '\r' || c === '.' || c === '!' || c === '?' || c === ':' || c === '。';
  }
  return true;
}

// ---- the rule -----------------------------------------------------------------------------

/** A parameter count as a word: `70B`, `1.5B`, `7b`, `350M`, `1T`, `8x7B`. */
const SIZE = /^(?:\d+x)?\d+(?:\.\d+)?[BbMT]$/;
/** A version as a word: `2`, `2.5`, `v2`, `V0.1`. */
const VERSION = /^[vV]?\d+(?:\.\d+)*$/;
const YEAR = /^(?:19|20)\d\d$/;
/** A lowercase letter followed by a capital: `BarLM`, `NovaLM`, `PaLM`, `DeepSeek`. */
const CAMEL = /[a-z][A-Z]/;
/** Letters with a lowercase one, then a version: `Qwen9`, `Phi3`, `InternLM2.5`. */
const LETTERS_VERSION = /^[A-Z][A-Za-z]*[a-z][A-Za-z]*\d+(?:\.\d+)*$/;
/** An ordinary capitalized word: `Falcon`, `Roughly`, `Figure`. */
const PLAIN_WORD = /^[A-Z][a-z]+$/;

/**
 * Capitalized words that are no names: labels numbering a text's parts (`Figure 3B`, `Table 2`)
 * and English words that begin a title-case heading's phrase (`Beyond 100B`, `Two 7B Models`).
 */
const NOT_NAMES = new Set(
  [
    'figure', 'fig', 'table', 'tab', 'section', 'sec', 'chapter', 'appendix', 'eq', 'equation', 'panel', 'step',
    'part', 'phase', 'stage', 'level', 'round', 'type', 'version', 'exhibit', 'lemma', 'theorem', 'definition',
    'example', 'algorithm', 'listing', 'line', 'page', 'row', 'column', 'item', 'task', 'group', 'class', 'grade',
    'track', 'unit', 'layer', 'block', 'experiment', 'exp', 'setting', 'case', 'model', 'models', 'run', 'week', 'day', 'year',
    'a', 'an', 'the', 'to', 'for', 'of', 'in', 'on', 'at', 'by', 'from', 'with', 'without', 'into', 'onto', 'across',
    'beyond', 'over', 'under', 'up', 'about', 'around', 'than', 'vs', 'versus', 'via', 'per', 'between', 'among',
    'above', 'below', 'and', 'or', 'but', 'nor', 'our', 'their', 'its', 'his', 'her', 'my', 'your', 'all', 'each',
    'every', 'both', 'some', 'many', 'most', 'several', 'few', 'more', 'less', 'fewer', 'only', 'just', 'nearly',
    'almost', 'is', 'are', 'was', 'were', 'be', 'has', 'have', 'had', 'as', 'this', 'that', 'these', 'those',
    'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'new', 'old', 'big', 'small',
    'large', 'larger', 'smaller', 'dense', 'sparse', 'open', 'closed', 'base', 'why', 'how', 'when', 'what', 'which',
  ],
);
/** English word forms that title-case headings capitalize (`Training 70B`, `Roughly 70B`). */
const ENGLISH_FORM = /^[A-Z][a-z]+(?:ing|ed|ly)$/;

/**
 * Software, datasets and benchmarks whose camel-case names carry versions in AI prose
 * (`PyTorch 2.1`, `SQuAD 2.0`, `AlpacaEval 2.0`). Lowercase; the endings below catch more.
 */
const NOT_MODELS = new Set(
  [
    'pytorch', 'tensorflow', 'numpy', 'scipy', 'latex', 'squad', 'hellaswag', 'winogrande', 'superglue', 'sentencepiece',
    'langchain', 'llamaindex', 'mongodb', 'nvlink', 'infiniband', 'youtube', 'linkedin', 'wechat', 'tiktok', 'openmp',
    'opencl', 'webgpu', 'opengl', 'directx', 'codeforces', 'leetcode', 'huggingface', 'iphone', 'ipad', 'airpods',
  ],
);
const NOT_MODEL_ENDING = /(?:Eval|Bench|QA|SQL|Script|Net|Text|Corpus|Attention|Hub|Station|Point|Book|Speed|Pad|Force)$/;

/**
 * Whether a candidate names a model. It does when, its first word being no label (`Figure`),
 * English function word (`Beyond`) nor known tool (`PyTorch`), one of these holds:
 * - a later word is a size joined by a hyphen (`Foo-70B`, `NovaLM-7B-Instruct`, `OPT-175B`), or by
 *   a space after a word with lowercase letters (`Falcon 40B`, `PaLM 540B`; `USD 10B` is money)
 *   which, when an ordinary word, neither begins a sentence nor ends in -ing, -ed, -ly
 *   (`Roughly 70B`, `Training 70B Models`);
 * - the first word has a capital after a lowercase letter and a version follows or ends it
 *   (`BarLM 2.5`, `NovaLM-2`, `InternLM2.5`), a year not being a version (`PowerPoint 2019`);
 * - the first word is letters then a version, and a capitalized word follows a hyphen (`Qwen9-Max`).
 * Capitalized words with bare numbers (`Windows 11`, `Python 3.12`, `COVID-19`, `Top-5`), chips
 * (`A100`, `H100`) and quarters (`Q3 2025`) match none of these.
 */
export function isModelLike(candidate: NameCandidate): boolean {
  const { head, parts } = candidate;
  const lower = head.toLowerCase();
  if (NOT_NAMES.has(lower) || NOT_MODELS.has(lower) || NOT_MODEL_ENDING.test(head.replace(/\d+(?:\.\d+)*$/, ''))) return false;
  const size = parts.some((part) => {
    if (!SIZE.test(part.text)) return false;
    if (part.joiner === '-') return true;
    if (!/[a-z]/.test(head)) return false;
    return !(PLAIN_WORD.test(head) && (candidate.sentenceStart || ENGLISH_FORM.test(head)));
  });
  if (size) return true;
  if (CAMEL.test(head)) {
    if (/[A-Za-z]\d+(?:\.\d+)*$/.test(head)) return true;
    const first = parts[0];
    if (first && VERSION.test(first.text) && !YEAR.test(first.text)) return true;
  }
  return LETTERS_VERSION.test(head) && parts[0]?.joiner === '-' && /^[A-Z][A-Za-z]+$/.test(parts[0].text);
}

// ---- sizes in names -----------------------------------------------------------------------

const TOTAL_IN_NAME = /(?<![A-Za-z0-9.])(\d+(?:\.\d+)?)([BbMT])(?![A-Za-z0-9])/;
const ACTIVE_IN_NAME = /(?<![A-Za-z0-9.])A(\d+(?:\.\d+)?)([BbMT])(?![A-Za-z0-9])/;
const EXPONENT: Record<string, number> = { B: 9, b: 9, M: 6, T: 12 };

/**
 * The parameter counts a model name states (`Foo-70B` → 70e9, `Zeta 1.5B` → 1.5e9,
 * `Foo-235B-A22B` → 235e9 total, 22e9 active). Expert notation (`8x7B`) states no total.
 */
export function sizeInName(name: string): { total?: number; active?: number } {
  const out: { total?: number; active?: number } = {};
  const total = TOTAL_IN_NAME.exec(name);
  if (total) out.total = scale(total[1], EXPONENT[total[2]]);
  const active = ACTIVE_IN_NAME.exec(name);
  if (active) out.active = scale(active[1], EXPONENT[active[2]]);
  return out;
}

/** `digits × 10^exp` exactly, for the few decimals a name has (`1.5`, 9 → 1500000000). */
function scale(num: string, exp: number): number {
  const [int, frac = ''] = num.split('.');
  const digits = frac.length <= exp ? int + frac.padEnd(exp, '0') : int + frac.slice(0, exp);
  return Number(digits);
}
