/**
 * The hover: the entity or the claim under the cursor, as untrusted plain Markdown.
 */
import type { Hover } from 'vscode-languageserver-types';
import type { NoteAnalysis } from '../analysis';
import { claimHoverMarkdown } from '../format/claim';
import { countText } from '../format/counts';
import { entityMarkdown, type HoverOptions } from '../format/entity';
import { escapeMarkdown, fileName, noteLink } from '../format/markdown';
import type { Entity, KnowledgeBase } from '../knowledge/types';
import { fill, messages } from '../l10n';
import { findAt } from '../recognize/spans';
import type { Mention } from '../recognize/types';

export type { HoverOptions } from '../format/entity';

/** What the user's other notes claim for a model: the count as written, and where. */
export interface ClaimElsewhere {
  uri: string;
  line: number;
  text: string;
}

/** The hover's options, and the claims other notes make (from the workspace index). */
export interface MentionHoverOptions extends HoverOptions {
  claimsElsewhere?: (id: string) => readonly ClaimElsewhere[];
}

/** Other notes' claims shown at most in a hover; the rest are counted. */
const MAX_CLAIMS_ELSEWHERE = 3;

/** The hover at `offset`: the entity or claim under it, or null. */
export function hover(analysis: NoteAnalysis, offset: number, kb: KnowledgeBase, options: MentionHoverOptions): Hover | null {
  const mention = findAt(analysis.mentions, offset);
  if (mention) {
    const entity = kb.get(mention.id);
    if (!entity) return null;
    const elsewhere = entity.kind === 'model' ? claimsElsewhereMarkdown(options.claimsElsewhere?.(entity.id) ?? [], options) : '';
    return { contents: { kind: 'markdown', value: mentionMarkdown(mention, entity, kb, options) + elsewhere }, range: analysis.range(mention) };
  }
  const claim = findAt(analysis.claims, offset);
  if (claim) {
    return { contents: { kind: 'markdown', value: claimHoverMarkdown(claim, kb, options) }, range: analysis.range(claim) };
  }
  return null;
}

/**
 * A mention's hover: its entity's, after a line saying what the mention adds to it — a size the
 * family has no member of (`Qwen3 14B`), or the model a product mention names (`ChatGPT-4o`).
 */
function mentionMarkdown(mention: Mention, entity: Entity, kb: KnowledgeBase, options: HoverOptions): string {
  const t = messages(options.locale);
  const own = entityMarkdown(entity, kb, options);
  if (mention.size !== undefined) {
    const size = countText(mention.size, options.numberFormat === 'auto' ? 'B' : options.numberFormat);
    return `${fill(t.sizeUnknown, { name: escapeMarkdown(mention.text), size })}\n\n${own}`;
  }
  if (mention.version !== undefined) {
    return `${fill(t.versionUnknown, { name: escapeMarkdown(mention.text), version: escapeMarkdown(mention.version), shown: escapeMarkdown(entity.name) })}\n\n${own}`;
  }
  const model = mention.model ? kb.get(mention.model) : undefined;
  return model ? `${own}\n\n---\n\n${entityMarkdown(model, kb, options)}` : own;
}

/** `Also claimed in your notes: 685B ([deepseek.md:12](…#L12)) · 671B ([survey.md:40](…#L40))`, or nothing: each place a link. */
function claimsElsewhereMarkdown(claims: readonly ClaimElsewhere[], options: HoverOptions): string {
  if (claims.length === 0) return '';
  const t = messages(options.locale);
  const shown = claims.slice(0, MAX_CLAIMS_ELSEWHERE).map((c) => {
    return `${escapeMarkdown(c.text)} (${noteLink(c.uri, c.line, `${fileName(c.uri)}:${c.line + 1}`)})`;
  });
  const more = claims.length > MAX_CLAIMS_ELSEWHERE ? ` · ${fill(t.andMore, { count: String(claims.length - MAX_CLAIMS_ELSEWHERE) })}` : '';
  return `\n\n${t.claimedElsewhere}: ${shown.join(' · ')}${more}`;
}
