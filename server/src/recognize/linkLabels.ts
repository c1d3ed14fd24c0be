/**
 * A link whose whole text is a site's label is not a mention (#13 §6): `[GitHub](https://github.com/…)`,
 * `[Hugging Face](https://huggingface.co/…)`, `[🤗 Hugging Face](…)`, `[GitHub repo](…)`,
 * `[허깅페이스](https://huggingface.co/…)`, `[Meta AI](https://ai.meta.com/…)` label a place.
 *
 * The rule, for a mention of an organization (never a model, family or product, whose page is
 * the thing itself: `[DeepSeek-V3.1](https://huggingface.co/…)`, `[Llama](https://llama.com)`,
 * `[ChatGPT](https://chatgpt.com)`, `[Cursor](https://cursor.com/)` in a list of tools stay mentions):
 * 1. the mention is the link's whole text, less symbols (`🤗`) and words naming a kind of page at
 *    its start or end (`repo`, `model card`, `paper`, `docs`, `announcement`, `저장소`, `모델 카드`,
 *    `논문`, `발표` …), and
 * 2. the link goes to the entity's own site (an inline link's URL, or a reference link's
 *    definition's: `[Hugging Face][hf]`, `[GitHub][]`, `[GitHub]` with `[hf]: https://…`): the
 *    host's own name (its label before the top-level domain, `huggingface` of `huggingface.co`;
 *    with the top-level domain and generic subdomains in any order: `Mistral AI` = `mistral.ai`,
 *    `Google DeepMind` = `deepmind.google`, `Meta AI` = `ai.meta.com`) is, by letters and
 *    digits, one of the entity's names or aliases (`HuggingFace`, an alias, for `허깅페이스`), or
 *    the host is the organization's `website` or under it.
 * The same name linked elsewhere is a mention (`[Mistral](https://huggingface.co/mistralai)`), and
 * so is a link that names who did something rather than where: after `by` (`developed by
 * [Technology Innovation Institute (TII)](https://www.tii.ae/…)`), or before the subject particle
 * `가`/`이` (`[업스테이지](https://upstage.ai)가 공개한`). A
 * text that is only a kind of page (`[Paper](…)`, `[모델 카드](…)`) names no entity at all.
 * Likewise a site's name after a page title, ending its line (`Title · Hugging Face`, `isTitleSite`).
 * Reads the link around each such mention only (a few characters of its line), and text of the
 * mention's paragraph, which an edit of the paragraph re-reads (`analysis/incremental.ts`); a
 * reference link also reads its definition's line, whose destination, when an edit changes it,
 * makes the whole note be analysed afresh (`definitionLinesIn` there).
 */
import type { Entity, KnowledgeBase } from '../knowledge/types';
import { findDefinitions, linkKey } from '../markdown/definitions';
import type { Mention } from './types';

/** `mentions` without those that are a link's site label, by the rule above. */
export function siteLabelFilter(kb: KnowledgeBase): (text: string, mentions: Mention[]) => Mention[] {
  const names = new Map<string, string[]>();
  const namesOf = (entity: Entity): string[] => {
    let found = names.get(entity.id);
    if (!found) {
      found = [...new Set([entity.name, ...entity.aliases].map(letters).filter((n) => n.length >= 2))];
      names.set(entity.id, found);
    }
    return found;
  };
  // The definitions of the last text a reference link was read in: one scan of a note for all its links.
  let read: { text: string; definitions: Map<string, string | undefined> } | undefined;
  const defined = (text: string, label: string): string | undefined => {
    if (read?.text !== text) read = { text, definitions: findDefinitions(text) };
    return read.definitions.get(linkKey(label));
  };
  return (text, mentions) => {
    let out: Mention[] | undefined;
    for (let i = 0; i < mentions.length; i++) {
      const m = mentions[i];
      const drop =
        m.kind === 'organization' && (isLinkLabel(text, m, kb, namesOf, defined) || isTitleSite(text, m, kb, namesOf));
      if (drop && !out) out = mentions.slice(0, i);
      else if (!drop && out) out.push(m);
    }
    return out ?? mentions;
  };
}

/** How far a link's brackets may stand from the mention inside them. */
const BRACKET_REACH = 32;

/** The destination of the definition of a reference's label in a text, if it has one. */
type Defined = (text: string, label: string) => string | undefined;

function isLinkLabel(text: string, m: Mention, kb: KnowledgeBase, namesOf: (e: Entity) => string[], defined: Defined): boolean {
  // `[` before the mention and `]` after it, on its line, with no other bracket between; a
  // parenthesis may wrap the whole text (`[(HuggingFace)](https://huggingface.co/…)`).
  let open = -1;
  for (let i = m.start - 1; i >= 0 && m.start - i <= BRACKET_REACH; i--) {
    const c = text[i];
    if (c === '[') {
      open = i;
      break;
    }
    if (c === ']' || c === '\n' || (c === '(' && text[i - 1] !== '[') || c === ')') return false;
  }
  if (open === -1 || text[open - 1] === '!') return false;
  let close = -1;
  for (let i = m.end; i < text.length && i - m.end <= BRACKET_REACH; i++) {
    const c = text[i];
    if (c === ']') {
      close = i;
      break;
    }
    if (c === '[' || c === '\n' || c === '(' || (c === ')' && text[i + 1] !== ']')) return false;
  }
  if (close === -1 || siteName(text.slice(open + 1, close)) !== letters(m.text) || namesAgent(text, open, close)) return false;
  const labels = hostLabels(linkTarget(text, open, close, defined) ?? '');
  const entity = kb.get(m.id);
  if (!labels || !entity) return false;
  if (namesOf(entity).some((name) => namesHost(name, labels))) return true;
  if (entity.kind !== 'organization' || !entity.website) return false;
  const site = hostLabels(entity.website);
  if (!site) return false;
  const host = labels.join('.');
  const own = site.join('.');
  return host === own || host.endsWith(`.${own}`);
}

/**
 * The target of the link whose text is `text[open + 1, close)`: an inline link's `(url)`, or the
 * destination of the definition a reference names: `[text][ref]`, `[text][]` and `[text]`
 * (`defined`, `markdown/definitions.ts`). Undefined when the brackets are no link.
 */
function linkTarget(text: string, open: number, close: number, defined: Defined): string | undefined {
  const next = text[close + 1];
  if (next === '(') {
    const urlEnd = text.slice(close + 2, close + 2 + 2048).search(/[\s)]/);
    return text.slice(close + 2, urlEnd === -1 ? close + 2 + 2048 : close + 2 + urlEnd).replace(/^</, '');
  }
  if (next === ':' || text[open - 1] === ']') return undefined; // a definition, or the reference part of `[text][ref]`
  if (next !== '[') return defined(text, text.slice(open + 1, close));
  const end = text.indexOf(']', close + 2);
  if (end === -1 || end - close > 1000 || text.slice(close + 2, end).includes('[')) return undefined;
  const ref = text.slice(close + 2, end);
  return defined(text, ref.trim() === '' ? text.slice(open + 1, close) : ref);
}

/** `by` and spaces, one line break at most (the same paragraph), before a link: `developed by\n[TII](…)`. */
const BY_BEFORE = /(?:^|[^\p{L}\p{N}])by[ \t]*(?:\r?\n[ \t]*)?$/iu;

/**
 * Whether the link at `text[open, close]` names an agent, not a place: `by` before it, or a
 * subject particle `가`/`이` right after an inline link (`[업스테이지](https://upstage.ai)가 공개한`).
 */
function namesAgent(text: string, open: number, close: number): boolean {
  if (BY_BEFORE.test(text.slice(Math.max(0, open - 16), open))) return true;
  if (text[close + 1] !== '(') return false;
  // The target's end within 2048 characters, as `linkTarget` reads it: no search on to the note's end.
  const target = text.slice(close + 2, close + 2 + 2048).indexOf(')');
  const end = close + 2 + target;
  return target !== -1 && /^[가이][\s.,]/.test(text.slice(end + 1, end + 3));
}

/** ` · ` between a page's title and its site, at the end of a line. */
const TITLE_SITE = /\S[ \t]+·[ \t]+$/;

/**
 * A site's name after a page's title, as a clipped link card or a copied title bar writes it:
 * `LGAI-EXAONE/EXAONE-3.5-2.4B-Instruct · Hugging Face`. The mention ends its line, ` · ` comes
 * before it after some title, and the entity is a site: one of its names is its website's host.
 */
function isTitleSite(text: string, m: Mention, kb: KnowledgeBase, namesOf: (e: Entity) => string[]): boolean {
  for (let i = m.end; i < text.length && text[i] !== '\n'; i++) if (text[i] !== ' ' && text[i] !== '\t' && text[i] !== '\r') return false;
  const lineStart = text.lastIndexOf('\n', m.start - 1) + 1;
  if (!TITLE_SITE.test(text.slice(Math.max(lineStart, m.start - BRACKET_REACH * 8), m.start))) return false;
  const entity = kb.get(m.id);
  const site = entity?.kind === 'organization' && entity.website ? hostLabels(entity.website) : undefined;
  return site !== undefined && namesOf(entity!).some((name) => namesHost(name, site));
}

/** Letters and digits of a name, lower case. */
const letters = (name: string): string => name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** Words naming a kind of page, around a site's name in a link's text (`GitHub repo`, `Hugging Face 모델 카드`). */
const PAGE_WORDS = String.raw`(?:official\s+)?(?:repo(?:sitory)?|page|paper|(?:model\s+)?card|hub|org(?:ani[sz]ation)?|profile|blog(?:\s+post)?|post|docs|documentation|web\s?site|site|home\s?page|spaces?|collections?|link|demo|code|announcement|news(?:room)?|press\s+release|공식|저장소|리포지토리|레포|페이지|논문|모델\s?카드|카드|블로그|문서|홈페이지|사이트|링크|허브|데모|코드|발표(?:\s?자료)?|보도\s?자료|뉴스룸|공지(?:\s?사항)?)`;
const PAGE_BEFORE = new RegExp(String.raw`^(?:${PAGE_WORDS}\s*(?:on|at|of|:)?\s+)+`, 'iu');
const PAGE_AFTER = new RegExp(String.raw`(?:\s*(?:'s|’s)?\s+${PAGE_WORDS})+$`, 'iu');

/** A link text as a site's name: words naming a kind of page dropped, then letters and digits only, lower case. */
export function siteName(label: string): string {
  const words = label.replace(/[^\p{L}\p{N}\s'’]/gu, ' ').trim();
  const bare = words.replace(PAGE_BEFORE, '').replace(PAGE_AFTER, '');
  return (bare === '' ? words : bare).toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** The labels of a URL's host, `www.` dropped (`ai.meta.com` → `ai`, `meta`, `com`), or undefined. */
export function hostLabels(url: string): string[] | undefined {
  const host = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/?#@]*@)?([^/?#:]+)/i.exec(url)?.[1]?.toLowerCase();
  if (!host) return undefined;
  const labels = host.replace(/^www\./, '').split('.');
  return labels.length < 2 ? undefined : labels;
}

/** Subdomains a site's name may carry (`ai.meta.com` is Meta AI's). */
const GENERIC_SUBDOMAINS = new Set(['ai', 'labs', 'lab', 'research', 'hub', 'blog', 'dev', 'developers', 'docs', 'platform', 'cloud']);

/**
 * Whether `name` (letters and digits, lower case) is the host's own name: its label before the
 * top-level domain, with or without the top-level domain and generic subdomains, in any order.
 */
export function namesHost(name: string, labels: readonly string[]): boolean {
  const own = labels[labels.length - 2].replace(/[^a-z0-9]/g, '');
  const tld = labels[labels.length - 1];
  const extra = [tld, ...labels.slice(0, -2).filter((l) => GENERIC_SUBDOMAINS.has(l))];
  // Try each extra part before and after the own name: few labels, so few combinations.
  const parts = (rest: string, ownSeen: boolean, used: number): boolean => {
    if (rest === '') return ownSeen;
    if (!ownSeen && own !== '' && rest.startsWith(own) && parts(rest.slice(own.length), true, used)) return true;
    for (let k = 0; k < extra.length; k++) {
      if ((used & (1 << k)) === 0 && extra[k] !== '' && rest.startsWith(extra[k]) && parts(rest.slice(extra[k].length), ownSeen, used | (1 << k))) return true;
    }
    return false;
  };
  return parts(name, false, 0);
}
