/**
 * Completion of entity names while typing prose: `딥시` offers DeepSeek-V3.1 as `딥시크 V3.1`,
 * `Deep` offers it as `DeepSeek-V3.1`. The inserted text is the alias in the script the user is
 * typing; the label is always the canonical name, the documentation the entity's hover.
 */

import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import type { NoteAnalysis } from '../analysis';
import type { Entity, KnowledgeBase } from '../knowledge/types';
import { messages } from '../l10n';
import { MASK } from '../markdown/prose';
import { foldChar, foldName, scriptChange } from '../recognize/aliasIndex';
import { parametersText } from '../format/counts';
import { entityMarkdown, type HoverOptions } from '../format/entity';

export type CompletionOptions = HoverOptions;

/** At most this many items; a two-character prefix rarely comes near. */
export const MAX_COMPLETIONS = 50;

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7a3\ud7b0-\ud7ff]/;
const HANGUL_SYLLABLE = /^[\uac00-\ud7a3]$/;
/** What a typed name is made of: Latin letters and digits (full-width too), Hangul, `.` and `-`. */
const NAME_CHAR = /[A-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a.\-\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7a3\ud7b0-\ud7ff]/;

/**
 * Entity completions at `offset`, only in prose. The prefix is the run of name characters right
 * before the cursor (no spaces): two characters at least, or one Hangul syllable. An entity
 * matches when its name or an alias starts with the prefix, both folded the way mentions are
 * (Latin case, `-`/`_`/space, full-width; Hangul by syllable).
 */
export function completions(analysis: NoteAnalysis, offset: number, kb: KnowledgeBase, options: CompletionOptions): CompletionItem[] {
  const span = prefixAt(analysis.mask, offset);
  if (!span) return [];
  const typed = analysis.text.slice(span.start, span.end);
  const folded = foldPrefix(typed);
  const hangul = HANGUL.test(typed);

  const found: { entity: Entity; insert: string; exactCase: boolean }[] = [];
  for (const entity of kb.all()) {
    const names = [entity.name, ...entity.aliases].filter((n) => foldName(n).startsWith(folded));
    if (names.length === 0) continue;
    const insert = hangul ? shortest(names.filter((n) => HANGUL.test(n))) ?? shortest(names)! : latinChoice(entity, names, typed);
    found.push({ entity, insert, exactCase: insert.startsWith(typed) });
  }
  found.sort(
    (a, b) =>
      Number(b.exactCase) - Number(a.exactCase) ||
      a.insert.length - b.insert.length ||
      (a.entity.name < b.entity.name ? -1 : a.entity.name > b.entity.name ? 1 : 0),
  );

  const range = analysis.range(span);
  return found.slice(0, MAX_COMPLETIONS).map(({ entity, insert }, i) => ({
    label: entity.name,
    kind: entity.kind === 'organization' ? CompletionItemKind.Module : entity.kind === 'product' ? CompletionItemKind.Interface : CompletionItemKind.Class,
    detail: detailOf(entity, kb, options),
    documentation: { kind: 'markdown', value: entityMarkdown(entity, kb, options) },
    sortText: String(i).padStart(4, '0'),
    filterText: insert,
    textEdit: { range, newText: insert },
  }));
}

/** The span of the name being typed before `offset`, or undefined when there is none to complete. */
export function prefixAt(mask: string, offset: number): { start: number; end: number } | undefined {
  if (offset <= 0 || offset > mask.length || mask[offset - 1] === MASK) return undefined;
  let start = offset;
  // The mask blanks code and syntax with `\0`, which is no name character: the run stays in prose.
  while (start > 0 && NAME_CHAR.test(mask[start - 1])) start--;
  // Names never start with `.` or `-` (`-Deep` in a hyphenated word, `.5`).
  while (start < offset && (mask[start] === '.' || mask[start] === '-')) start++;
  const length = offset - start;
  if (length >= 2 || (length === 1 && HANGUL_SYLLABLE.test(mask[start]))) return { start, end: offset };
  return undefined;
}

/** Folds like `foldName` but keeps a trailing separator: `DeepSeek-` must not match `DeepSeek`. */
function foldPrefix(text: string): string {
  let out = '';
  for (const c of text) {
    const f = foldChar(c);
    if (f === ' ' && out.endsWith(' ')) continue;
    // As names are folded: a change of script is a separator (`SK텔` is a prefix of `sk 텔레콤`).
    if (f !== ' ' && out.length > 0 && !out.endsWith(' ') && scriptChange(out[out.length - 1], f[0])) out += ' ';
    out += f;
  }
  return out;
}

function shortest(names: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const n of names) if (best === undefined || n.length < best.length) best = n;
  return best;
}

/** A Latin prefix gets the canonical name when it matches, else the closest Latin alias. */
function latinChoice(entity: Entity, names: readonly string[], typed: string): string {
  if (names[0] === entity.name) return entity.name;
  const rank = (n: string): number[] => [n.startsWith(typed) ? 0 : 1, HANGUL.test(n) ? 1 : 0, n.length];
  let best = names[0];
  for (const n of names.slice(1)) {
    const [a, b] = [rank(n), rank(best)];
    if (a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2])))) best = n;
  }
  return best;
}

/** `DeepSeek · 671B (6710억) total · 37B (370억) active`; `organization · KR`. */
function detailOf(entity: Entity, kb: KnowledgeBase, options: CompletionOptions): string {
  const t = messages(options.locale);
  const parts: string[] = [];
  if (entity.kind === 'organization') {
    parts.push(t.organization);
    if (entity.country) parts.push(entity.country);
  } else {
    const org = entity.organization ? kb.get(entity.organization)?.name ?? entity.organization : undefined;
    if (org) parts.push(org);
    if (entity.kind === 'family') parts.push(t.family);
    else if (entity.kind === 'product') parts.push(t.product);
    else {
      const params = parametersText(entity.parameters, options);
      if (params) parts.push(params);
    }
  }
  return parts.join(' · ');
}
