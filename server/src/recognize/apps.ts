/**
 * A model family's name that names its chat app (#13 §1): `Claude` in `ChatGPT, Claude, or Gemini`
 * is the Claude app, as `Gemini` is the Gemini app, for they are listed with a product; `Claude`
 * beside `GPT-4o` stays the family. A family has an app when a product is named for it with
 * `app` (`Claude app`, `Gemini app`, `Grok app`). A list is names parted by commas, `and`, `or`,
 * `vs`, a slash or a middle dot, or a Korean particle of listing (`챗GPT와 클로드`, `챗지피티, 제미나이,
 * 클로드`, `chatGPT를 비롯하여 Claude`), on one line; another app-family in the list passes the
 * reading on (`Gemini` two names after `ChatGPT`). A vertical list counts too: the first names of
 * lines of syntax (a table's first column, a list's items). Read from the note's text around the
 * name only, a few names each way, so the reading is the same whichever part of the note is
 * scanned again after an edit.
 */
import type { Entity, KnowledgeBase } from '../knowledge/types';
import { foldName } from '../knowledge/normalize';
import type { Mention } from './types';

/** The longest name starting at `start` and ending by `end`: its end and the ids it names. */
export type LongestAt = (mask: string, start: number, end: number) => [number, string[], boolean?] | undefined;

/** What parts two names of a list (`, `, ` and `, ` vs `, `/`, `·`, `와 `, `를 비롯해 `), read after the first and before the second. */
const SEPARATOR = String.raw`[ \t]*,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or|vs\.?|versus)[ \t]+|[ \t]*[/·・][ \t]*|(?:와|과|이나|나|랑|이랑|하고|[을를][ \t]?비롯(?:하여|해|한))[ \t]+`;
const AFTER = new RegExp(`^(?:${SEPARATOR})`, 'i');
const BEFORE = new RegExp(`(?:${SEPARATOR})$`, 'i');
/** How many names a list is read for on each side, and how long a name before a separator may be. */
const HOPS = 3;
const NAME_REACH = 40;

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9]/.test(c);

/**
 * How far a vertical list is read from the name, in characters: within the margin an edit's rescan
 * of a long paragraph reaches (`MENTION_MARGIN`, `analysis/longParagraphs.ts`).
 */
const LINE_REACH = 192;
/** How far into a line its first word may stand, after masked syntax (`| **`, `- `, `1. `) and spaces. */
const LEAD_REACH = 64;
const isLead = (c: string): boolean => c === '\u0000' || c === ' ' || c === '\t' || c === '\r';

/**
 * The start of the line `start` is the first word of, after syntax (a table row's or a list item's:
 * a wrapped line of prose is no item), or undefined.
 */
function lineStartBefore(mask: string, start: number): number | undefined {
  let syntax = false;
  for (let i = start - 1; i >= Math.max(0, start - LEAD_REACH); i--) {
    if (mask[i] === '\n') return syntax ? i + 1 : undefined;
    if (!isLead(mask[i])) return undefined;
    syntax ||= mask[i] === '\u0000';
  }
  return start <= LEAD_REACH && syntax ? 0 : undefined;
}

/** The first word of the line `[start, end)` after syntax, or undefined (a blank line, syntax alone, a line of prose). */
function firstWordAt(mask: string, start: number, end: number): number | undefined {
  for (let i = start; i < Math.min(end, start + LEAD_REACH); i++) if (!isLead(mask[i])) return i > start && mask.slice(start, i).includes('\u0000') ? i : undefined;
  return undefined;
}

/** The app product of each family that has one: the product named `<family> app`. */
function appsOf(kb: KnowledgeBase): Map<string, string> {
  const families = new Map<string, string>();
  for (const e of kb.all()) if (e.kind === 'family') families.set(foldName(e.name), e.id);
  const apps = new Map<string, string>();
  for (const e of kb.all()) {
    if (e.kind !== 'product') continue;
    for (const name of [e.name, ...e.aliases]) {
      const folded = foldName(name);
      const family = folded.endsWith(' app') ? families.get(folded.slice(0, -4)) : undefined;
      if (family && !apps.has(family)) apps.set(family, e.id);
    }
  }
  return apps;
}

/** `m` as its family's app when it stands in a list with a product (see above); else `m`. */
export function appReader(kb: KnowledgeBase, longestAt: LongestAt): (mask: string, m: Mention) => Mention {
  const apps = appsOf(kb);
  const kindOf = (id: string): Entity['kind'] | undefined => kb.get(id)?.kind;
  /** Whether ids name a product (true), an app's family (the walk goes on: 'on'), or neither. */
  const reading = (ids: readonly string[]): true | 'on' | false =>
    ids.some((id) => kindOf(id) === 'product') ? true : ids.some((id) => apps.has(id)) ? 'on' : false;

  /** The name ending exactly at `end` on its line, the longest: its start and ids. */
  const nameEndingAt = (mask: string, end: number): [number, string[]] | undefined => {
    let floor = Math.max(0, end - NAME_REACH);
    for (let i = end - 1; i >= floor; i--) if (mask[i] === '\n') floor = i + 1;
    for (let s = floor; s < end; s++) {
      if (s > 0 && isWordChar(mask[s - 1]) && isWordChar(mask[s])) continue;
      const hit = longestAt(mask, s, end);
      if (hit && hit[0] === end) return [s, hit[1]];
    }
    return undefined;
  };

  const listedWithProduct = (mask: string, m: Mention): boolean => {
    let at = m.start;
    for (let hop = 0; hop < HOPS; hop++) {
      const sep = BEFORE.exec(mask.slice(Math.max(0, at - 8), at));
      const named = sep ? nameEndingAt(mask, at - sep[0].length) : undefined;
      const r = named ? reading(named[1]) : false;
      if (r === true) return true;
      if (!r || !named) break;
      at = named[0];
    }
    at = m.end;
    for (let hop = 0; hop < HOPS; hop++) {
      const sep = AFTER.exec(mask.slice(at, at + 8));
      const lineEnd = mask.indexOf('\n', at);
      const named = sep ? longestAt(mask, at + sep[0].length, lineEnd === -1 ? mask.length : lineEnd) : undefined;
      const r = named ? reading(named[1]) : false;
      if (r === true) return true;
      if (!r || !named) break;
      at = named[0];
    }
    return listedInColumn(mask, m);
  };

  /**
   * The first name of each line above and below, when `m` starts its line too: a vertical list,
   * a table's first column or a list's items (`| ChatGPT |` over `| Claude |`, `- ChatGPT:` over
   * `- Claude:`). Lines of the same paragraph within `LINE_REACH`, `HOPS` each way.
   */
  const listedInColumn = (mask: string, m: Mention): boolean => {
    const own = lineStartBefore(mask, m.start);
    if (own === undefined) return false;
    const readLine = (start: number): true | 'on' | false => {
      const end = mask.indexOf('\n', start);
      const first = firstWordAt(mask, start, end === -1 ? mask.length : end);
      const named = first === undefined ? undefined : longestAt(mask, first, end === -1 ? mask.length : end);
      return named ? reading(named[1]) : false;
    };
    for (let line = own, hop = 0; hop < HOPS && line > 0; hop++) {
      line = mask.lastIndexOf('\n', line - 2) + 1;
      if (m.start - line > LINE_REACH) break;
      const r = readLine(line);
      if (r !== 'on') return r;
    }
    for (let line = mask.indexOf('\n', m.end), hop = 0; hop < HOPS && line !== -1; hop++) {
      if (line + 1 - m.end > LINE_REACH) break;
      const r = readLine(line + 1);
      if (r !== 'on') return r;
      line = mask.indexOf('\n', line + 1);
    }
    return false;
  };

  return (mask, m) => {
    // The family's name alone: `Gemini 2.5` beside `ChatGPT` names a generation, not the app.
    const app = m.kind === 'model' && m.model === undefined && !/\d/.test(m.text) ? apps.get(m.id) : undefined;
    return app !== undefined && listedWithProduct(mask, m) ? { ...m, kind: 'product', id: app } : m;
  };
}
