/**
 * Parameter counts as hovers, completion details and claim hovers write them: in the notation the
 * settings ask for, both by default (`671B (6710억) total · 37B (370억) active`).
 */
import type { ParameterCount } from '../knowledge/types';
import { messages, type Locale } from '../l10n';
import { formatCount } from './numbers';

/** How counts are written: `both` shows `671B (6710억)`; `auto` is `both` in hovers. */
export type NumberFormat = 'auto' | 'B' | '억' | 'both';

/** A count in the configured notation(s): `671B (6710억)`, `671B` or `6710억`. */
export function countText(value: number, format: NumberFormat): string {
  if (format === 'B' || format === '억') return formatCount(value, format);
  return `${formatCount(value, 'B')} (${formatCount(value, '억')})`;
}

/** `671B (6710억) total · 37B (370억) active`, `undisclosed`; undefined when there is no count. */
export function parametersText(p: ParameterCount | undefined, options: { locale: Locale; numberFormat: NumberFormat }): string | undefined {
  const t = messages(options.locale);
  if (!p) return undefined;
  if (p.disclosed === false) return t.undisclosed;
  const parts: string[] = [];
  if (p.total !== undefined) parts.push(`${countText(p.total, options.numberFormat)} ${t.total}`);
  if (p.active !== undefined && p.active !== p.total) parts.push(`${countText(p.active, options.numberFormat)} ${t.active}`);
  return parts.length ? parts.join(' · ') : undefined;
}
