/**
 * Seeded generators for the fuzzer: random and hostile notes, and scripts of edits and requests
 * to run against them. A script is plain data (positions are fractions or anchors resolved
 * against the text at run time), so a failing case is saved, replayed and shrunk as JSON.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { note as randomNote, plainNote } from '../support/randomNotes';

/** A small seeded PRNG (mulberry32): every document is reproducible from its own seed. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }
  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  /** `pick` by weight: `[[weight, value], ...]`. */
  weighted<T>(xs: readonly (readonly [number, T])[]): T {
    let r = this.next() * xs.reduce((n, [w]) => n + w, 0);
    for (const [w, x] of xs) if ((r -= w) < 0) return x;
    return xs[xs.length - 1][1];
  }
  /** An integer whose logarithm is uniform: mostly small, sometimes huge. */
  logInt(min: number, max: number): number {
    return Math.floor(Math.exp(Math.log(min) + this.next() * (Math.log(max + 1) - Math.log(min))));
  }
}

/** The seed of document `index` in a run seeded with `seed`. */
export const docSeed = (seed: number, index: number): number => (Math.imul(seed ^ 0x5bd1e995, 0x27d4eb2d) + Math.imul(index + 1, 0x165667b1)) >>> 0;

// The bundled knowledge base: real names with their sizes, so notes carry true and false claims.
interface Named {
  name: string;
  aliases: string[];
  total?: number;
  active?: number;
  kind: string;
}
let entities: Named[] | undefined;
function knowledge(): Named[] {
  if (entities) return entities;
  const text = readFileSync(path.resolve(__dirname, '..', '..', 'server', 'data', 'snapshot.jsonl'), 'utf8');
  const snapshot = JSON.parse(text.slice(0, text.indexOf('\n'))) as {
    files: { entities: { name: string; aliases?: string[]; kind: string; parameters?: { total?: number; active?: number } }[] }[];
  };
  entities = snapshot.files.flatMap((f) =>
    f.entities.map((e) => ({ name: e.name, aliases: e.aliases ?? [], total: e.parameters?.total, active: e.parameters?.active, kind: e.kind })),
  );
  return entities;
}

export const TABLE_START = '<!-- research-notes:table -->';
export const TABLE_END = '<!-- /research-notes:table -->';

const englishWords = ['the', 'model', 'has', 'parameters', 'params', 'weights', 'released', 'open', 'about', 'over', 'up to', 'and', 'with', 'active', 'total', 'trained', 'on', 'tokens', 'reportedly', 'a', 'new', 'dense', 'MoE'];
const koreanWords = ['모델은', '매개변수', '파라미터', '규모의', '발표했다', '국내', '최대', '약', '이하', '이상', '활성', '개', '의', '공개', '오픈소스', '학습', '토큰', '는', '이', '을', '가', '정도'];
const hostileChars = ['\u0000', '\uD800', '\uDC00', '\uDBFF', '\uFEFF', '\u2028', '\u2029', '\u200B', '\u00A0', '\t', '\u000B', '\u000C', '\u0085', '\u001B', '🙂', '👩‍💻', 'é', '\u0301', '\uFFFD', '\u202E'];
const inlineBits = ['**굵게**', '*em*', '`685B`', '`code`', '[DeepSeek V3.1](https://deepseek.com)', '<https://a.b/c>', 'https://example.com/685B', 'www.example.com', '[^1]', '[^rn-1]', '&amp;', '&#49;', '\\*', '<span>SKT</span>', '~~del~~', '![alt](i.png)', '<!-- c -->', '[x](javascript:alert(1))', '[y](command:researchNotes.insertComparisonTable)', '$5B', '(685B)', '|', '<b>', '</div>'];

/** A parameter count for `total`: true, perturbed or absurd, in English or Korean form. */
function countText(rng: Rng, total: number | undefined): string {
  let n = total ?? rng.pick([7e9, 70e9, 405e9, 685e9, 500e9, 1.2e12]);
  const r = rng.next();
  if (r < 0.25) n *= rng.pick([1.03, 0.9, 1.5, 10, 0.01, 1.0001]);
  else if (r < 0.3) n = rng.pick([0, 1, 1e18, 123456789, 5e11]);
  const b = n / 1e9;
  const eok = Math.round(n / 1e8);
  const round = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(rng.int(0, 2)));
  return rng.weighted<() => string>([
    [4, () => `${round(b)}B`],
    [1, () => `${round(b)} B`],
    [1, () => `${round(b)} billion`],
    [1, () => `${round(n / 1e12)}T`],
    [3, () => `${eok.toLocaleString('en-US')}억`],
    [2, () => `${eok}억`],
    [1, () => (eok >= 10000 ? `${Math.floor(eok / 10000)}조 ${eok % 10000 ? `${eok % 10000}억` : ''}`.trim() : `${eok}억`)],
    [1, () => (eok >= 1000 && eok % 1000 === 0 ? `${eok / 1000}천억` : `${eok}억 개`)],
    [1, () => `${round(b)}B 매개변수`],
    [1, () => `약 ${eok.toLocaleString('en-US')}억 개`],
  ])();
}

function name(rng: Rng, kinds: readonly string[] = ['model', 'model', 'model', 'family', 'organization', 'product']): Named {
  const kind = rng.pick(kinds);
  const xs = knowledge().filter((e) => e.kind === kind);
  return rng.pick(xs.length ? xs : knowledge());
}

function spelling(rng: Rng, e: Named): string {
  return e.aliases.length && rng.chance(0.35) ? rng.pick(e.aliases) : e.name;
}

/** One sentence of English or Korean prose about real models. */
function sentence(rng: Rng): string {
  const m = name(rng, ['model']);
  const org = name(rng, ['organization']);
  const count = countText(rng, m.total);
  const active = m.active ? countText(rng, m.active) : '37B';
  const s = rng.weighted<() => string>([
    [3, () => `${spelling(rng, m)} has ${count} parameters.`],
    [2, () => `${spelling(rng, org)} released ${spelling(rng, m)} (${count}, ${active} active).`],
    [3, () => `${spelling(rng, m)}은 ${count} 매개변수 규모다.`],
    [2, () => `${spelling(rng, org)}는 ${spelling(rng, m)}을 공개했다. 총 ${count}, 활성 ${active}.`],
    [1, () => `딥시크(DeepSeek) V3.1은 6,850억 개, SKT는 5천억 규모의 모델을 발표했다.`],
    [1, () => `Qwen2.5-Coder-\n32B has 32B parameters.`],
    [1, () => `${m.name.slice(0, Math.max(1, m.name.length - 3))}\n${m.name.slice(Math.max(1, m.name.length - 3))} ${count}`],
    [1, () => `${spelling(rng, m)}${rng.pick(['의', '는', '가', '를', '와'])} ${count}`],
    [2, () => Array.from({ length: rng.int(1, 12) }, () => rng.pick([...englishWords, ...koreanWords])).join(' ')],
    [1, () => `${spelling(rng, name(rng))} ${rng.pick(inlineBits)} ${spelling(rng, name(rng))}`],
    [1, () => `${spelling(rng, m)}${rng.pick(hostileChars)}${count}${rng.pick(hostileChars)}`],
  ])();
  return rng.chance(0.1) ? `${s} ${rng.pick(inlineBits)}` : s;
}

function paragraph(rng: Rng, sentences = rng.int(1, 5)): string {
  return Array.from({ length: sentences }, () => sentence(rng)).join(rng.pick([' ', ' ', '\n']));
}

/** A GFM table; `rows` may be huge. */
function table(rng: Rng, rows: number): string {
  const cols = rng.int(1, 6);
  const cells = () => Array.from({ length: cols }, () => (rng.chance(0.5) ? spelling(rng, name(rng)) : countText(rng, undefined)));
  const head = `| ${Array.from({ length: cols }, (_, i) => `col${i}`).join(' | ')} |`;
  const delim = `| ${Array.from({ length: cols }, () => rng.pick(['---', ':--', '--:', ':-:'])).join(' | ')} |`;
  const lines = [head, delim];
  for (let i = 0; i < rows; i++) lines.push(`| ${cells().join(' | ')} |`);
  return lines.join('\n');
}

/** A block that looks like (or is) a generated comparison table, possibly broken. */
function generatedTable(rng: Rng): string {
  const body = table(rng, rng.int(0, 8));
  const footnotes = Array.from({ length: rng.int(0, 3) }, (_, i) => `[^rn-${i + 1}]: https://example.com/${i}`).join('\n');
  return rng.weighted<() => string>([
    [5, () => `${TABLE_START}\n${body}\n\n${footnotes}\n${TABLE_END}`],
    [1, () => `${TABLE_START}\n${body}`],
    [1, () => `${body}\n${TABLE_END}`],
    [1, () => `${TABLE_START}\n${TABLE_START}\n${body}\n${TABLE_END}\n${TABLE_END}`],
    [1, () => `> ${TABLE_START}\n> ${body.replace(/\n/g, '\n> ')}\n> ${TABLE_END}`],
    [1, () => `\`\`\`\n${TABLE_START}\n${body}\n${TABLE_END}\n\`\`\``],
    [1, () => `${TABLE_START}${TABLE_END}`],
    [1, () => `- ${TABLE_START}\n  ${body.replace(/\n/g, '\n  ')}\n  ${TABLE_END}`],
  ])();
}

function frontMatter(rng: Rng): string {
  const m = name(rng, ['model']);
  return rng.weighted<() => string>([
    [3, () => `---\ntitle: ${sentence(rng).replace(/\n/g, ' ')}\nmodels: [${m.name}]\n---\n`],
    [2, () => `---\nentities:\n  models:\n    - id: local-${rng.int(0, 99)}\n      name: Local-${rng.int(1, 999)}B\n      aliases: ["로컬 모델"]\n      parameters: { total: ${rng.int(1, 900)}000000000 }\n---\nLocal-${rng.int(1, 999)}B has ${countText(rng, undefined)} parameters.\n`],
    [2, () => `---\nentities:\n  models:\n    - &e { id: m${rng.int(0, 9)}, name: "Anchor Model\\r# injected", parameters: { total: 7000000000 } }\n${Array.from({ length: rng.logInt(1, 3000) }, () => '    - *e').join('\n')}\n---\n`],
    [1, () => `---\na: &a [x, y]\nb: &b [*a, *a, *a, *a]\nc: &c [*b, *b, *b, *b]\nd: &d [*c, *c, *c, *c]\ne: [*d, *d, *d, *d]\n---\n`],
    [1, () => `---\nentities:\n  organizations:\n    - id: __proto__\n      name: "Proto\r---\r# Heading"\n  models: {\n---\n`],
    [1, () => `---\n${Array.from({ length: rng.logInt(1, 400) }, (_, i) => `${'  '.repeat(i % 50)}k${i}:`).join('\n')}\n---\n`],
    [1, () => '---\n---\n'],
    [1, () => '---\ntitle: unclosed front matter\n'],
    [1, () => '+++\ntitle = "toml"\n+++\n'],
    [1, () => `---\nentities:\n  models:\n    - id: x\n      name: ${m.name}\n      parameters: { total: ${rng.pick(['-1', '1e400', '"lots"', 'null', '[1,2]'])} }\n---\n`],
  ])();
}

function list(rng: Rng, depth: number): string {
  const items: string[] = [];
  for (let i = 0; i < depth; i++) items.push(`${'  '.repeat(rng.chance(0.9) ? i : rng.int(0, i))}${rng.pick(['- ', '* ', '1. ', '- [ ] '])}${rng.chance(0.7) ? sentence(rng).replace(/\n/g, ' ') : ''}`);
  return items.join('\n');
}

function html(rng: Rng): string {
  return rng.pick([
    `<div>\n${paragraph(rng)}\n</div>`,
    `<!--\n${paragraph(rng)}\n\n${paragraph(rng)}`,
    `<details><summary>${sentence(rng)}</summary>\n\n${paragraph(rng)}\n\n</details>`,
    `<script>\nlet x = "${sentence(rng)}";\n</script>`,
    `<pre>\n${paragraph(rng)}\n\n</pre> 685B`,
    '<!DOCTYPE html>',
    `<table><tr><td>${sentence(rng)}</td></tr></table>`,
    `<img src="x" onerror="alert(1)"> ${sentence(rng)}`,
  ]);
}

/** One block of a note; `big` lets it be large (long lines, huge tables, deep nesting). */
function block(rng: Rng, big: boolean): string {
  const scale = big ? 1 : 0.02;
  return rng.weighted<() => string>([
    [10, () => paragraph(rng)],
    [3, () => `${'#'.repeat(rng.int(1, 7))} ${sentence(rng).replace(/\n/g, ' ')}`],
    [3, () => list(rng, rng.int(1, 6))],
    [3, () => table(rng, rng.int(0, 6))],
    [2, () => generatedTable(rng)],
    [2, () => `\`\`\`${rng.pick(['', 'python', 'md'])}\n${paragraph(rng)}\n${rng.pick(['```', '', '~~~'])}`],
    [2, () => `> ${paragraph(rng).replace(/\n/g, '\n> ')}`],
    [2, () => html(rng)],
    [1, () => `[^${rng.int(1, 3)}]: ${sentence(rng)}`],
    [1, () => `[ref]: https://example.com/${rng.int(0, 9)} "${sentence(rng).replace(/[\n"]/g, ' ')}"`],
    [1, () => rng.pick(['---', '***', '===', 'Setext\n---', '    indented 685B'])],
    [1, () => Array.from({ length: rng.int(1, 30) }, () => rng.pick(hostileChars)).join('')],
    // Hostile sizes.
    [Math.max(0.2, 2 * scale), () => `${'>'.repeat(rng.logInt(8, big ? 9000 : 400))} ${sentence(rng)}`],
    [Math.max(0.2, 1 * scale), () => `${'> '.repeat(rng.logInt(8, big ? 6000 : 200))}${sentence(rng)}`],
    [Math.max(0.2, 1 * scale), () => list(rng, rng.logInt(8, big ? 3000 : 100))],
    [Math.max(0.2, 1 * scale), () => `${'- '.repeat(rng.logInt(8, big ? 5000 : 200))}${sentence(rng)}`],
    [Math.max(0.2, 1 * scale), () => `${'['.repeat(rng.logInt(8, big ? 5000 : 200))}${sentence(rng)}${']'.repeat(rng.int(0, 50))}`],
    [Math.max(0.2, 1 * scale), () => `${'*'.repeat(rng.logInt(8, big ? 5000 : 200))}${sentence(rng)}`],
    [Math.max(0.1, 2 * scale), () => Array.from({ length: rng.logInt(20, big ? 30000 : 300) }, () => sentence(rng).replace(/\n/g, ' ')).join(' ')],
    [Math.max(0.1, 2 * scale), () => table(rng, rng.logInt(20, big ? 10000 : 100))],
  ])();
}

/** The shapes that stopped or stalled the server (#17): each near the size that did it. */
function monster(rng: Rng, maxBytes: number): string {
  const fill = (make: () => string, limit: number): string => {
    const parts: string[] = [];
    for (let n = 0; n < limit; ) {
      const s = make();
      parts.push(s);
      n += s.length;
    }
    return parts.join('').slice(0, limit);
  };
  const size = rng.int(Math.min(maxBytes, 100 * 1024), maxBytes);
  return rng.weighted<() => string>([
    [2, () => `${'>'.repeat(rng.int(5000, 9000))} ${sentence(rng)}\n`],
    [1, () => `${'> '.repeat(rng.int(3000, 7000))}${sentence(rng)}\n`],
    [1, () => `${list(rng, rng.int(1000, 3000))}\n`],
    [3, () => `${fill(() => `${sentence(rng).replace(/\n/g, ' ')} `, size)}\n`],
    [2, () => `${table(rng, rng.int(2000, 10000))}\n\nDeepSeek-V3.1 has 685B parameters.\n`],
    [1, () => `---\nentities:\n  models:\n    - &e { id: m1, name: "Anchor-7B", parameters: { total: 7000000000 } }\n${'    - *e\n'.repeat(rng.int(5000, 20000))}---\nAnchor-7B has 7B parameters.\n`],
    [2, () => fill(() => `${block(rng, false)}\n\n`, size)],
  ])();
}

export type Eol = 'lf' | 'crlf' | 'cr' | 'mixed';

/** Rewrites line ends: all CRLF, all CR, or a random mix of LF, CRLF and CR. */
function withEol(rng: Rng, text: string, eol: Eol): string {
  if (eol === 'lf') return text;
  if (eol === 'crlf') return text.replace(/\n/g, '\r\n');
  if (eol === 'cr') return text.replace(/\n/g, '\r');
  return text.replace(/\n/g, () => rng.pick(['\n', '\n', '\r\n', '\r']));
}

/** A random note from the seeded PRNG, or (a quarter of the time) from fast-check's note arbitraries. */
export function generateNote(rng: Rng, options: { maxBytes: number; bigChance: number }): { text: string; eol: Eol; big: boolean } {
  if (rng.chance(0.25)) {
    const [text] = fc.sample(rng.chance(0.5) ? randomNote : plainNote, { seed: rng.int(0, 2 ** 31 - 1), numRuns: 1 });
    return { text, eol: 'lf', big: false };
  }
  const big = rng.chance(options.bigChance);
  if (big && rng.chance(0.4)) {
    const text = monster(rng, options.maxBytes).slice(0, options.maxBytes);
    const eol = rng.weighted<Eol>([[3, 'lf'], [2, 'crlf'], [1, 'cr'], [2, 'mixed']]);
    return { text: withEol(rng, text, eol), eol, big };
  }
  const blocks: string[] = [];
  if (rng.chance(0.3)) blocks.push(frontMatter(rng));
  const count = big ? rng.int(1, 6) : rng.logInt(1, 40);
  for (let i = 0; i < count; i++) blocks.push(block(rng, big), rng.pick(['\n\n', '\n\n', '\n', '\n\n\n']));
  let text = blocks.join('');
  const limit = big ? options.maxBytes : Math.min(options.maxBytes, 64 * 1024);
  if (text.length > limit) text = text.slice(0, limit);
  if (rng.chance(0.2)) text = text.replace(/\n$/, '');
  // A byte-order mark, as editors on Windows save it.
  if (rng.chance(0.04)) text = `\uFEFF${text}`;
  const eol = rng.weighted<Eol>([[5, 'lf'], [2, 'crlf'], [1, 'cr'], [3, 'mixed']]);
  return { text: withEol(rng, text, eol), eol, big };
}

/** Where an edit applies: a fraction of the text, or near an anchor chosen by `pick`. */
export type Target = 'random' | 'tableStart' | 'tableEnd' | 'frontMatter' | 'eol' | 'end';

export interface EditSpec {
  target: Target;
  /** Fraction of the text (for `random`) or of the candidate anchors. */
  at: number;
  /** Shift from the anchor, in UTF-16 units. */
  shift: number;
  remove: number;
  insert: string;
}

/** One step of a document's script. Requests name positions as fractions of the current text. */
export type Step =
  | { op: 'change'; edits: EditSpec[]; full?: boolean }
  | { op: 'request'; kind: RequestKind; at: number; at2: number; wild?: boolean; cancel?: boolean }
  | { op: 'table'; form: 'object' | 'positional'; at: number; selection?: [number, number]; options?: Record<string, unknown>; stale?: boolean; refuse?: boolean };

export type RequestKind = 'hover' | 'definition' | 'completion' | 'tokens' | 'tokensRange' | 'inlay' | 'codeAction';
export const requestKinds: RequestKind[] = ['hover', 'definition', 'completion', 'tokens', 'tokensRange', 'inlay', 'codeAction'];

export interface DocScript {
  seed: number;
  text: string;
  steps: Step[];
}

/** Text typed or pasted by an edit. */
function insertion(rng: Rng): string {
  return rng.weighted<() => string>([
    [4, () => rng.pick(['a', '가', ' ', '.', '5', 'B', '억', 'SKT', '는', 'V3.1', '딥시크', '(DeepSeek)', '685B', '6,850억', '5천억', '32B'])],
    [4, () => rng.pick(['\n', '\r\n', '\r', '\n\n', '```', '- ', '# ', '> ', '>>>>', '|', '| a |\n|---|', '[^1]', '**', '`', '<!--', '-->', '<div>', '---', '---\n', '\\', '\t'])],
    [2, () => rng.pick([TABLE_START, TABLE_END, `${TABLE_START}\n`, `\n${TABLE_END}`, '<!-- research-notes:', '-- /research-notes:table -->', '<!-- /research'])],
    [1, () => rng.pick(hostileChars)],
    [3, () => sentence(rng)],
    [1, () => withEol(rng, block(rng, false), 'mixed')],
  ])();
}

export function editSpec(rng: Rng): EditSpec {
  return {
    target: rng.weighted<Target>([[6, 'random'], [2, 'tableStart'], [2, 'tableEnd'], [1, 'frontMatter'], [2, 'eol'], [1, 'end']]),
    at: rng.next(),
    shift: rng.chance(0.5) ? 0 : rng.int(-6, 40),
    remove: rng.weighted<() => number>([[4, () => 0], [3, () => rng.int(1, 3)], [2, () => rng.int(4, 40)], [1, () => rng.int(40, 400)]])(),
    insert: rng.chance(0.2) ? '' : insertion(rng),
  };
}

const tableOptions = (rng: Rng): Record<string, unknown> | undefined =>
  rng.chance(0.6)
    ? undefined
    : {
        columns: rng.chance(0.5) ? ['model', 'parameters', rng.pick(['license', 'bogus', 'context'])] : undefined,
        sort: rng.pick(['mention', 'parameters', 'release', 'name', 'loudest']),
        language: rng.pick(['auto', 'en', 'ko']),
        numberFormat: rng.pick(['auto', 'B', '억', 'both']),
      };

/** A script for one document: edits (single and multi-change), requests and table commands. */
export function generateScript(seed: number, options: { maxBytes: number; bigChance: number }): DocScript {
  const rng = new Rng(seed);
  const { text, big } = generateNote(rng, options);
  const steps: Step[] = [];
  const rounds = big ? rng.int(1, 4) : rng.int(2, 14);
  const request = (): Step => ({ op: 'request', kind: rng.pick(requestKinds), at: rng.next(), at2: rng.next(), wild: rng.chance(0.03), cancel: rng.chance(0.05) });
  for (let k = 0; k < rng.int(0, 3); k++) steps.push(request());
  for (let i = 0; i < rounds; i++) {
    const r = rng.next();
    if (r < 0.12) {
      const sel = rng.chance(0.3) ? ([rng.next(), rng.next()].sort() as [number, number]) : undefined;
      steps.push({ op: 'table', form: rng.chance(0.5) ? 'object' : 'positional', at: rng.next(), selection: sel, options: tableOptions(rng), stale: rng.chance(0.05), refuse: rng.chance(0.1) });
    } else if (r < 0.14) {
      steps.push({ op: 'change', edits: [editSpec(rng)], full: true });
    } else {
      const n = rng.chance(0.3) ? rng.int(2, 5) : 1;
      steps.push({ op: 'change', edits: Array.from({ length: n }, () => editSpec(rng)) });
    }
    for (let k = 0; k < (rng.chance(0.5) ? rng.int(1, 3) : 0); k++) steps.push(request());
  }
  if (rng.chance(0.3)) steps.push({ op: 'table', form: rng.chance(0.5) ? 'object' : 'positional', at: rng.next(), options: tableOptions(rng) });
  return { seed, text, steps };
}
