/**
 * Counts whose sentence names no model, read against the note's topic (#13 §3): `The 7B model:`
 * under `## How does Olmo 3 compare to Qwen3`, `제공되는 모델 사이즈 : 32B, 7.8B, 2.4B` after
 * `EXAONE 3.5 모델은 …`, `available in 0.6B, 1.7B, …` after `The highlights from Qwen3 include:`.
 *
 * The topic is, in this order, the last model or family named before the count in its section
 * (no heading between them), then the first one named in the section's heading; each within
 * `TOPIC_REACH` characters. A count links to the topic's member of its size (`sizedMember`) only
 * when it agrees with that model: a wrong count is never reported on so weak a reading, and a
 * count that agrees with nothing stays about no model.
 *
 * Runs over the whole note after the sentence-level linking (`claims.ts`), in a full analysis
 * and after each edit alike (an edit above a count can change its topic); it reads only the text
 * between a count and its topic, and the lines above it up to its heading.
 */
import type { ClaimLinks } from './claims';
import type { Quantity } from './quantities';
import { lowerBound } from './spans';
import type { Claim, Mention } from './types';

/** How far before a count its topic may be named. */
export const TOPIC_REACH = 4000;

/** Links for topical claims; those of `ClaimLinks` with `agrees` required. */
export type TopicLinks = Required<Pick<ClaimLinks, 'bySize' | 'agrees'>>;

/**
 * `claims` with each `topical` claim linked by the rule above (or to nothing). Returns the same
 * array when no link changed, and the span of the claims whose link changed.
 */
export function linkTopics(
  text: string,
  mask: string,
  claims: readonly Claim[],
  mentions: readonly Mention[],
  links: TopicLinks,
): { claims: readonly Claim[]; from: number; to: number } {
  let out: Claim[] | undefined;
  let from = text.length;
  let to = 0;
  let models: Mention[] | undefined;
  for (let i = 0; i < claims.length; i++) {
    const c = claims[i];
    if (!c.topical) continue;
    models ??= mentions.filter((m) => m.kind === 'model');
    const refersTo = topicOf(text, mask, models, c, links);
    if (refersTo === c.refersTo) continue;
    out ??= claims.slice();
    out[i] = { ...c, refersTo };
    from = Math.min(from, c.start);
    to = Math.max(to, c.end);
  }
  return { claims: out ?? claims, from, to };
}

function topicOf(text: string, mask: string, models: readonly Mention[], q: Quantity, links: TopicLinks): string | null {
  const heading = headingBefore(text, mask, q.start);
  const k = lowerBound(models, q.start, (m) => m.end) - 1;
  const last = k >= 0 ? models[k] : undefined;
  const candidates: Mention[] = [];
  if (last && q.start - last.end <= TOPIC_REACH && (heading === -1 || last.start >= heading)) candidates.push(last);
  if (heading !== -1) {
    const first = models[lowerBound(models, heading, (m) => m.start)];
    if (first && first.start < lineEnd(text, heading) && first !== last) candidates.push(first);
  }
  for (const m of candidates) {
    const id = links.bySize(m, q);
    if (id !== null && links.agrees(id, q)) return id;
  }
  return null;
}

/**
 * The start of the nearest ATX heading line (`## …`, its `#` masked as syntax) at or before
 * `pos`'s line, within `TOPIC_REACH` characters; -1 if none.
 */
export function headingBefore(text: string, mask: string, pos: number): number {
  let lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  for (;;) {
    if (isHeading(text, mask, lineStart)) return lineStart;
    if (lineStart === 0 || pos - lineStart > TOPIC_REACH) return -1;
    const newline = lineStart - 1; // ends the line above
    lineStart = newline === 0 ? 0 : text.lastIndexOf('\n', newline - 1) + 1;
  }
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
