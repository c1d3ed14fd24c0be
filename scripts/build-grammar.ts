/**
 * Generates the TextMate injection grammar `syntaxes/research-notes.injection.tmLanguage.json`
 * from the bundled knowledge base: `npx tsx scripts/build-grammar.ts` (`npm run build:grammar`).
 *
 * The grammar colours names and sizes before the server answers and in editors without semantic
 * tokens. It approximates the recognizer (`server/src/recognize/`): the same names, folding and
 * boundaries where a regular expression can express them, but line by line and with no view of
 * the paragraph; the server's semantic tokens are the precise layer on top.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadBundledKnowledge } from '../server/src/knowledge/bundled';
import { createKnowledgeBase } from '../server/src/knowledge/knowledgeBase';
import type { KnowledgeBase } from '../server/src/knowledge/types';
import { foldName, HOLDING_WORDS, mentionKind, scriptChange } from '../server/src/recognize/aliasIndex';
import { nameWriting, type NameWriting } from '../server/src/recognize/writing';
import type { MentionKind } from '../server/src/recognize/types';
import { hasAIWords } from '../server/src/recognize/context';

export const GRAMMAR_FILE = 'syntaxes/research-notes.injection.tmLanguage.json';
export const SCOPE_NAME = 'text.research-notes.injection';

/** The TextMate scopes, shared with `semanticTokenScopes` in package.json. */
export const SCOPES = {
  model: 'entity.name.type.model.research-notes',
  organization: 'entity.name.namespace.organization.research-notes',
  parameterCount: 'constant.numeric.parameter-count.research-notes',
  product: 'entity.name.class.product.research-notes',
} as const;

/**
 * Prose only: paragraphs (also inside lists and quotes), headings and table cells, never code,
 * HTML (blocks have no prose scope; inline tags are `meta.tag`), front matter, comments, images,
 * autolinks, e-mail links, link destinations, link titles or reference definitions. Link text is
 * prose, as in the recognizer.
 */
export const INJECTION_SELECTOR = [
  'L:text.html.markdown',
  '(meta.paragraph.markdown | markup.heading.markdown | markup.table.markdown)',
  '-markup.inline.raw',
  '-markup.underline.link',
  '-string.other.link.description.title',
  '-meta.image',
  '-meta.link.inet',
  '-meta.link.email',
  '-meta.tag',
  '-comment',
].join(' ');

/** A run of name separators, as `foldChar` folds them: `-`, `_`, Unicode white space (NBSP and U+3000 too), U+2010, U+2011. */
const SEPARATORS = String.raw`[-_\s\x{2010}\x{2011}]+`;
const LATIN_ALNUM = /^[a-z0-9]$/i;

/** Escapes a literal for Oniguruma (Ruby syntax). */
export function escapeOniguruma(s: string): string {
  return s.replace(/[\\^$.|?*+()[\]{}\/#]/g, '\\$&');
}

/**
 * A folded character in either case: `[Dd]`. Spelled out rather than `(?i)`, which keeps
 * Oniguruma from skipping ahead to the possible first characters (several times slower).
 */
function anyCase(ch: string): string {
  const upper = ch.toUpperCase();
  return upper !== ch && upper.length === 1 ? `[${upper}${ch}]` : escapeOniguruma(ch);
}

/**
 * Where a name may end, by its last character: a Latin letter or digit needs a Latin boundary
 * (`SKT` not in `SKTelecom`), a digit no decimal after it (`GPT-4` not in `GPT-4.5`); a Hangul
 * or other end takes anything after it, Korean particles included (`SKT는`, `서울대,`).
 */
function nameEnd(last: string): string {
  if (/^[0-9]$/.test(last)) return '(?![A-Za-z0-9]|[.,][0-9])';
  if (LATIN_ALNUM.test(last)) return '(?![A-Za-z0-9])';
  return '';
}

/**
 * Where a Hangul name's first character may not start it: inside a word that holds it (`드라마`
 * holds `라마`), as in the recognizer. A look-behind after the first character, for the
 * characters some holding word has them at.
 */
function notInsideHoldingWord(first: string): string {
  const before = HOLDING_WORDS.flatMap((word) => [...word].flatMap((ch, k) => (k > 0 && ch === first ? [word.slice(0, k + 1)] : [])));
  return before.length ? `(?<!${before.map(escapeOniguruma).join('|')})` : '';
}

/** The characters a first character may be, for a class: `Aa` for a folded a. */
const classChars = (ch: string): string => {
  const upper = ch.toUpperCase();
  return (upper !== ch && upper.length === 1 ? upper + ch : ch).replace(/[\\\]\[^-]/g, '\\$&');
};

interface TrieNode {
  next: Map<string, TrieNode>;
  /** A name ends here. */
  end: boolean;
  /** What must hold where the name ending here ends (`NamesByKind.checks`). */
  check?: string;
  /** A longer name of the other kind ends here: a name ending above must not stop short of it. */
  shadow: boolean;
}

/**
 * One regular expression for folded `names`, shared prefixes factored out so a position that
 * starts no name fails at once (a flat alternation of 250 names made tokenizing several times
 * slower). At each branch, longer names come first and ending here comes last: the longest name
 * wins, as in the recognizer. A space in a folded name matches any run of separators. A name
 * never ends where one of `shadows` (longer names of another pattern, tried later) goes on.
 * Oniguruma tries an alternation's branches one by one, so the first character is looked up
 * rather than tried (`dispatch`).
 */
export function namesPattern(names: readonly string[], shadows: readonly string[] = [], checks: ReadonlyMap<string, string> = new Map()): string {
  const root: TrieNode = { next: new Map(), end: false, shadow: false };
  const insert = (name: string, mark: 'end' | 'shadow') => {
    let node = root;
    for (const ch of name) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { next: new Map(), end: false, shadow: false }));
      node = child;
    }
    node[mark] = true;
    if (mark === 'end') node.check = checks.get(name);
  };
  for (const name of names) insert(name, 'end');
  for (const name of shadows) insert(name, 'shadow');

  const has = (node: TrieNode, mark: 'end' | 'shadow'): boolean => node[mark] || [...node.next.values()].some((n) => has(n, mark));
  const step = (node: TrieNode, ch: string, last: string): string => {
    // Between Hangul and a Latin letter or digit the separator is optional (`큐원3`, `큐원 3`), as in the recognizer.
    if (ch === ' ') {
      // Optional where the recognizer reads a change of script as a separator: only before what may follow.
      const glued = [...node.next.get(' ')!.next.keys()].filter((next) => scriptChange(last, next));
      if (glued.length === 0) return SEPARATORS;
      const ahead = [...new Set(glued.map((c) => (/[0-9]/.test(c) ? '0-9' : /[a-z]/i.test(c) ? 'A-Za-z' : String.raw`\x{AC00}-\x{D7A3}`)))].join('');
      return String.raw`(?:${SEPARATORS}|(?=[${ahead}]))`;
    }
    // At the root, `dispatch` has checked that a Latin name starts a word.
    return node === root ? anyCase(ch) + notInsideHoldingWord(ch) : anyCase(ch);
  };
  const keysOf = (node: TrieNode, mark: 'end' | 'shadow'): string[] => [...node.next.keys()].sort().filter((ch) => has(node.next.get(ch)!, mark));
  const branch = (node: TrieNode, mark: 'end' | 'shadow', last: string): string[] =>
    keysOf(node, mark).map((ch) => step(node, ch, last) + emit(node.next.get(ch)!, ch, mark));
  function emit(node: TrieNode, last: string, mark: 'end' | 'shadow'): string {
    const branches = branch(node, mark, last);
    let stop = '';
    if (node[mark]) {
      stop = (mark === 'end' ? (node.check ?? '') : '') + nameEnd(last);
      const shadowed = mark === 'end' ? branch(node, 'shadow', last) : [];
      if (shadowed.length > 0) stop += `(?!${shadowed.join('|')})`;
    }
    if (!node[mark]) return branches.length === 1 ? branches[0] : `(?:${branches.join('|')})`;
    if (branches.length === 0) return stop;
    return stop ? `(?:${branches.join('|')}|${stop})` : `(?:${branches.join('|')})?`;
  }
  return dispatch(keysOf(root, 'end'), (ch) => step(root, ch, '') + emit(root.next.get(ch)!, ch, 'end'));
}

/** Branches of a dispatch's leaf, tried one by one. */
const DISPATCH_LEAF = 8;

/**
 * The root's branches, one per first character, found by halving: a look-ahead for the first
 * half's characters, then that half or the other. A Latin name starts a word, so inside a word
 * one look-behind settles the position; a character that starts no name fails the first class.
 * Each name's own checks stay in its branch (`step`). Twice as fast as trying the branches in turn.
 */
function dispatch(keys: readonly string[], branchOf: (ch: string) => string): string {
  const cls = (chs: readonly string[]): string => `[${chs.map(classChars).join('')}]`;
  const tree = (chs: readonly string[]): string => {
    if (chs.length <= DISPATCH_LEAF) return `(?:${chs.map(branchOf).join('|')})`;
    const half = chs.length >> 1;
    return `(?:(?=${cls(chs.slice(0, half))})${tree(chs.slice(0, half))}|${tree(chs.slice(half))})`;
  };
  if (keys.length === 0) return '(?!)';
  const latin = keys.filter((ch) => LATIN_ALNUM.test(ch));
  const rest = keys.filter((ch) => !latin.includes(ch));
  const parts: string[] = [];
  if (latin.length > 0) parts.push(`(?<![A-Za-z0-9])${tree(latin)}`);
  if (rest.length > 0) parts.push(tree(rest));
  return `(?=${cls(keys)})(?:${parts.join('|')})`;
}

/** Folded names by kind, and what must hold where some of them end. */
interface NamesByKind {
  names: Record<MentionKind, string[]>;
  /** Folded name → a look-behind or look-ahead at its end: how it must be written (`writtenCheck`). */
  checks: Map<string, string>;
}

/**
 * Folded names by kind, as the grammar matches them. A name claimed by two entities goes to the
 * first in knowledge-base order, as in the alias index; names shorter than two characters are
 * skipped there too. Without a paragraph to read, the grammar leaves out what the recognizer
 * takes only in a paragraph about AI (`Claude` of Claude Monet, `Apple` of an apple pie: the
 * server's semantic tokens colour them where they are names), unless the name holds a word of the
 * field itself (`Mistral AI`).
 */
function namesByKind(kb: KnowledgeBase): NamesByKind {
  const seen = new Set<string>();
  const out: NamesByKind = { names: { model: [], organization: [], product: [] }, checks: new Map() };
  for (const entity of kb.all()) {
    for (const name of [entity.name, ...entity.aliases]) {
      const folded = foldName(name);
      if (folded.length < 2 || seen.has(folded)) continue;
      seen.add(folded);
      const writing = nameWriting(name, entity.ambiguous === true, entity.name);
      // `Mistral AI`, `Meta AI` carry their paragraph's word of the field with them.
      if (writing.ambiguous && !hasAIWords(name, 0, name.length)) continue;
      out.names[mentionKind(entity)].push(folded);
      const check = writtenCheck(name, writing);
      if (check) out.checks.set(folded, check);
    }
  }
  return out;
}

/**
 * Case where the recognizer keeps it (`nameWriting`), checked at the name's end: a one-word name
 * needs a capital (`Meta`, not `meta`; the recognizer asks for any capital, the grammar for the
 * first) and no lowercase word glued by a hyphen (`Meta-based`), except a coined one in lowercase
 * outside an identifier (`deepseek`, not `@huggingface/hub`); a name like `xAI` has its letters
 * as written (not `XAI`, explainable AI). Only names of letters alone, whose length the
 * look-behind can know. It checks fewer identifiers (`@` before, `/` or `_` after) than the
 * recognizer's `ordinaryWord` does: an approximation, as the rest of the grammar is.
 */
function writtenCheck(name: string, writing: NameWriting): string | undefined {
  if (!/^[A-Za-z]+$/.test(name)) return undefined;
  if (writing.letters !== undefined) return `(?<=${name})`;
  // A coined name (`DeepSeek`) in lowercase too, but not as part of an identifier (`@huggingface/hub`, `huggingface_hub`).
  if (writing.coined) return `(?!-[a-z])(?:(?<=[A-Z][A-Za-z]{${name.length - 1}})|(?<!@[a-z]{${name.length}})(?![/_]))`;
  if (writing.capitalized) return `(?<=[A-Z][A-Za-z]{${name.length - 1}})(?!-[a-z])`;
  return undefined;
}

// Parameter counts: the forms `quantities.ts` reads, without its paragraph context.
const NUM = String.raw`[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?`;
const SP = String.raw`[ \x{00A0}\x{202F}]`;
/** Not inside a word, decimal or digit group; not after a currency sign or `8×` (an `A` before the active count of `685B-A37B` is fine, below). */
const NUMBER_START = String.raw`(?<![A-Za-z0-9_.$₩€£¥]|[0-9],|[$₩€£¥] |[0-9][x×*]|[0-9] [x×*] )`;
const LATIN_UNIT = String.raw`${SP}?[BTM](?![A-Za-z0-9_])|b(?![A-Za-z0-9_])|(?:${SP}|-)?(?:[Bb]illion|[Tt]rillion|[Mm]illion|BILLION|TRILLION|MILLION)(?![A-Za-z])`;
const KOREAN_MULTIPLIER = String.raw`(?:[천백십]${SP}?)?`;
/** `1조`, `1조 2000억`, `6,850억`, `5천억`; `만` alone counts people and money too often to colour. */
const KOREAN = String.raw`(?:${NUM})${SP}?${KOREAN_MULTIPLIER}(?:조(?:${SP}?(?:${NUM})${SP}?${KOREAN_MULTIPLIER}억)?|억)(?!큼)`;
/** What the number counts when it is not parameters: tokens, money, bytes, people, compute. */
const NOT_PARAMETERS = String.raw`(?!${SP}?-?(?:(?i:tokens?|words?|dollars?|usd|krw|won|bytes?|flops?|gpus?|users?|people)(?![A-Za-z])|토큰|단어|달러|원|위안|유로|바이트|명|개국))`;

/** The injection grammar for the knowledge base `kb`, keys in a fixed order. */
export function buildGrammar(kb: KnowledgeBase): object {
  const { names, checks } = namesByKind(kb);
  return {
    $comment: 'Generated by scripts/build-grammar.ts from server/data (npm run build:grammar). Do not edit.',
    name: 'Research Notes',
    scopeName: SCOPE_NAME,
    injectionSelector: INJECTION_SELECTOR,
    patterns: [{ include: '#model' }, { include: '#organization' }, { include: '#product' }, { include: '#parameter-count' }],
    repository: {
      // Tried first at a position, the model pattern steps aside for a longer organization or product
      // name (`HyperCLOVA X` / `HyperCLOVA X Team`, `Claude` / `Claude Code`), the organization
      // pattern for a longer product name (`GitHub` / `GitHub Copilot`); earlier patterns win ties.
      model: { match: namesPattern(names.model, [...names.organization, ...names.product], checks), name: SCOPES.model },
      organization: { match: namesPattern(names.organization, names.product, checks), name: SCOPES.organization },
      product: { match: namesPattern(names.product, [], checks), name: SCOPES.product },
      'parameter-count': {
        match: String.raw`(?:(?<=[-\s(/]A)|${NUMBER_START})(?:(?:${NUM})(?:${LATIN_UNIT})|${KOREAN})${NOT_PARAMETERS}`,
        name: SCOPES.parameterCount,
      },
    },
  };
}

/** The grammar file's exact text: JSON with 2-space indent and a final newline. */
export function grammarText(kb: KnowledgeBase): string {
  return `${JSON.stringify(buildGrammar(kb), null, 2)}\n`;
}

if (require.main === module) {
  const root = resolve(__dirname, '..');
  const kb = createKnowledgeBase(loadBundledKnowledge(join(root, 'server', 'data'), { fresh: true }), 1);
  writeFileSync(join(root, GRAMMAR_FILE), grammarText(kb));
  console.log(`Wrote ${GRAMMAR_FILE}`);
}
