/**
 * Counts whose sentence names no model, read against the note's topic (#13 §3): `The 7B model:`
 * under `## How does Olmo 3 compare to Qwen3`, `제공되는 모델 사이즈 : 32B, 7.8B, 2.4B` after
 * `EXAONE 3.5 모델은 …`, `available in 0.6B, 1.7B, …` after `The highlights from Qwen3 include:`.
 *
 * The topic is, in this order, the last model or family named before the count in its section
 * (no heading between them), then the first one named in the section's heading, then in each
 * heading above it of a higher level (`## 핵심 스펙 요약` under `# Qwen 3.5 완전 정리`); each within
 * `TOPIC_REACH` characters. A count links to the topic's member of its size (`sizedMember`) only
 * when it agrees with that model: a wrong count is never reported on so weak a reading, and a
 * count that agrees with nothing stays about no model.
 *
 * Runs over the whole note after the sentence-level linking (`claims.ts`), in a full analysis
 * and after each edit alike (an edit above a count can change its topic); it reads only the text
 * between a count and its topic, and the lines above it up to its heading.
 */
import type { Quantity } from './quantities';
import { lowerBound } from './spans';
import type { Claim, Mention } from './types';

/** How far before a count its topic may be named. */
export const TOPIC_REACH = 4000;

/** What `linkTopics` asks the knowledge base. */
export interface TopicLinks {
  /**
   * The model a count next to `m` is about (`ClaimLinks.bySize`), if the count agrees with it
   * (`ClaimLinks.agrees`); else null. `namedAfter`: a model named after `m`'s may be it (its distill).
   */
  agreeing(m: Mention, q: Quantity, namedAfter: boolean): string | null;
}

/**
 * `claims` with each `topical` claim starting in [`from`, `to`] linked by the rule above (or to
 * nothing): a claim's topic is read from at most `TOPIC_REACH` characters (and its own line)
 * before it, so after an edit only the claims from the edit's start to `TOPIC_REACH` past its end
 * need reading again. Returns the same array when no link changed, and the span of those that did.
 */
export function linkTopics(
  text: string,
  mask: string,
  claims: readonly Claim[],
  mentions: readonly Mention[],
  links: TopicLinks,
  from = 0,
  to = text.length,
): { claims: readonly Claim[]; from: number; to: number } {
  let out: Claim[] | undefined;
  let changedFrom = text.length;
  let changedTo = 0;
  let headings: Headings | undefined;
  const lineStart = lineStarts(text);
  for (let i = lowerBound(claims, from, (c) => c.start); i < claims.length && claims[i].start <= to; i++) {
    const c = claims[i];
    if (!c.topical) continue;
    headings ??= headingsBetween(text, mask, from, to, lineStart);
    const refersTo = topicOf(text, mentions, c, links, headings, lineStart);
    if (refersTo === c.refersTo) continue;
    out ??= claims.slice();
    out[i] = { ...c, refersTo };
    changedFrom = Math.min(changedFrom, c.start);
    changedTo = Math.max(changedTo, c.end);
  }
  return { claims: out ?? claims, from: changedFrom, to: changedTo };
}

function topicOf(text: string, mentions: readonly Mention[], q: Quantity, links: TopicLinks, headings: Headings, lineStart: LineStart): string | null {
  const heading = headings.before(q.start);
  const candidates: Mention[] = [];
  // The last model or family before the count, within reach and its section; none when a product
  // was named after it (`services like ChatGPT or Claude … 7B or 8B models`: the talk moved on).
  for (let k = lowerBound(mentions, q.start, (m) => m.end) - 1; k >= 0 && q.start - mentions[k].end <= TOPIC_REACH && mentions[k].start >= heading; k--) {
    if (mentions[k].kind === 'product' && mentions[k].model === undefined) break;
    if (mentions[k].kind === 'model') {
      candidates.push(mentions[k]);
      break;
    }
  }
  // The first one on the list item this count's item is under (`- **DNA-R1**: …` over `  - 14B 모델임에도 …`).
  const parent = parentItem(text, lineStart(q.start), Math.max(heading, q.start - TOPIC_REACH));
  const named = parent === -1 ? undefined : firstModelOn(text, mentions, parent);
  if (named && named !== candidates[0]) candidates.push(named);
  // The first one in the section's heading, then in each heading above it of a higher level
  // (`## Key specs` under `# Qwen 3.5 guide`).
  const headed: Mention[] = [];
  for (let h = heading; h !== -1; h = headings.before(h - 1, q.start, levelOf(text, h))) {
    const first = firstModelOn(text, mentions, h);
    if (first) headed.push(first);
    if (first && first !== candidates[0]) candidates.push(first);
    if (h === 0) break;
  }
  for (const m of candidates) {
    const id = links.agreeing(m, q, false);
    if (id !== null) return id;
  }
  // Then a model named after a heading's (`# DeepSeek-R1 로컬 실행` over `14b 모델`: its 14B distill),
  // never after a model named in passing (`Uses DeepSeek-R1 style RL. A 14B model.`).
  for (const m of headed) {
    const id = links.agreeing(m, q, true);
    if (id !== null) return id;
  }
  return null;
}

/** A list item's line: its indentation, then a marker and a space. */
const ITEM_LINE = /([ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]/y;

/** Blanks to the end of a line: the line is blank when they reach it. */
const BLANK_REST = /[^\S\n]*(?:\n|$)/y;
const INDENT = /[ \t]*/y;

/**
 * The start of the line of the list item that the item on the line at `start` is nested in: the
 * nearest item line above it that is less indented, at or after `floor`; -1 when the line is no
 * item, or a less indented line that is no item ends the list first. Reads the lines above only
 * back to `floor`, and of each only its indentation: a long line is never read through.
 */
function parentItem(text: string, start: number, floor: number): number {
  let lineStart = start;
  ITEM_LINE.lastIndex = lineStart;
  const own = ITEM_LINE.exec(text);
  if (!own) return -1;
  const above = Math.max(0, floor);
  while (lineStart > above) {
    const newline = text.slice(above, lineStart - 1).lastIndexOf('\n');
    if (newline === -1 && above > 0) return -1; // it starts before `floor`
    lineStart = newline === -1 ? 0 : above + newline + 1;
    BLANK_REST.lastIndex = lineStart;
    if (BLANK_REST.test(text)) continue;
    INDENT.lastIndex = lineStart;
    if (INDENT.exec(text)![0].length >= own[1].length) continue;
    ITEM_LINE.lastIndex = lineStart;
    return ITEM_LINE.exec(text) ? lineStart : -1;
  }
  return -1;
}

/** The start of the line that holds a position. */
type LineStart = (pos: number) => number;

/**
 * `LineStart` over `text` that keeps the last line it found: the counts on one long line (a
 * clipped page's 200 KB line) find its start once, not each by reading back through it.
 */
function lineStarts(text: string): LineStart {
  let start = 0;
  let end = -1;
  return (pos) => {
    if (pos >= start && pos <= end) return start;
    start = text.lastIndexOf('\n', pos - 1) + 1;
    end = lineEnd(text, pos);
    return start;
  };
}

/** The first model or family named on the line starting at `lineStart`. */
function firstModelOn(text: string, mentions: readonly Mention[], lineStart: number): Mention | undefined {
  const stop = lineEnd(text, lineStart);
  for (let k = lowerBound(mentions, lineStart, (m) => m.start); k < mentions.length && mentions[k].start < stop; k++) {
    if (mentions[k].kind === 'model') return mentions[k];
  }
  return undefined;
}

/**
 * The headings above positions in one stretch of a note. `before(pos, origin, below)`: the start
 * of the nearest heading line at or before `pos`'s line, of a level below `below` (`#` is 1),
 * starting within `TOPIC_REACH` characters before `origin` (default `pos`), or on `pos`'s line;
 * -1 if none.
 */
export interface Headings {
  before(pos: number, origin?: number, below?: number): number;
}

/**
 * The heading lines that counts in [`from`, `to`] can reach (those starting at most
 * `TOPIC_REACH` before `from`), found by one search, then each answer by a binary search: a count
 * no longer reads the lines above it one by one, which a note's thousands of counts each did.
 */
export function headingsBetween(text: string, mask: string, from: number, to: number, lineStart: LineStart = lineStarts(text)): Headings {
  const lines: number[] = [];
  const lo = Math.max(0, from - TOPIC_REACH);
  if (lo === 0 && isHeading(text, mask, 0)) lines.push(0);
  const opening = /\n {0,3}#/g;
  opening.lastIndex = Math.max(0, lo - 1);
  for (let m = opening.exec(text); m && m.index < to; m = opening.exec(text)) {
    if (isHeading(text, mask, m.index + 1)) lines.push(m.index + 1);
  }
  return {
    before(pos, origin = pos, below = 7) {
      const start = lineStart(pos);
      // Its own line first, however far back it starts (a heading that holds the count).
      if (isHeading(text, mask, start) && levelOf(text, start) < below) return start;
      for (let k = lowerBound(lines, start, (h) => h) - 1; k >= 0 && origin - lines[k] <= TOPIC_REACH; k--) {
        if (levelOf(text, lines[k]) < below) return lines[k];
      }
      return -1;
    },
  };
}

/** The level of the line at `lineStart` if it is a heading (`isHeading`), else 0. */
export function headingLevel(text: string, mask: string, lineStart: number): number {
  return isHeading(text, mask, lineStart) ? levelOf(text, lineStart) : 0;
}

/** The level of the heading line at `lineStart`: its number of `#`. */
function levelOf(text: string, lineStart: number): number {
  let j = lineStart;
  while (text[j] === ' ') j++;
  let level = 0;
  while (text[j + level] === '#') level++;
  return level;
}

/** A line opening with `#` masked as syntax and holding prose: a heading, not a code line (all masked). */
function isHeading(text: string, mask: string, lineStart: number): boolean {
  let j = lineStart;
  while (j < lineStart + 3 && text[j] === ' ') j++;
  if (text[j] !== '#' || mask[j] !== '\u0000') return false;
  for (let k = j + 1; k < mask.length && mask[k] !== '\n'; k++) if (mask[k] !== '\u0000' && mask[k] !== ' ' && mask[k] !== '\t') return true;
  return false;
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}
