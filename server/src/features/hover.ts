/**
 * The hover: the entity or the claim under the cursor, as untrusted plain Markdown.
 */
import type { Hover } from 'vscode-languageserver-types';
import type { NoteAnalysis } from '../analysis';
import { claimHoverMarkdown } from '../format/claim';
import { countText } from '../format/counts';
import { entityMarkdown, type HoverOptions } from '../format/entity';
import { escapeMarkdown } from '../format/markdown';
import type { Entity, KnowledgeBase } from '../knowledge/types';
import { fill, messages } from '../l10n';
import { findAt } from '../recognize/spans';
import type { Mention } from '../recognize/types';

export type { HoverOptions } from '../format/entity';
/** The hover at `offset`: the entity or claim under it, or null. */
export function hover(analysis: NoteAnalysis, offset: number, kb: KnowledgeBase, options: HoverOptions): Hover | null {
  const mention = findAt(analysis.mentions, offset);
  if (mention) {
    const entity = kb.get(mention.id);
    if (!entity) return null;
    return { contents: { kind: 'markdown', value: mentionMarkdown(mention, entity, kb, options) }, range: analysis.range(mention) };
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
  const model = mention.model ? kb.get(mention.model) : undefined;
  return model ? `${own}\n\n---\n\n${entityMarkdown(model, kb, options)}` : own;
}

