import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { tableColumns } from './features/comparisonTable';
import type { Locale } from './l10n';
import { defaultConfig, type Config } from './languageService';
import type { Settings } from './protocol';

/** `value` when it is one of `allowed`, else `fallback`: settings come from users' JSON. */
function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

const SEVERITIES = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
} as const;

function number(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max ? value : fallback;
}

/** The service's config from the client's `researchNotes` settings; anything unexpected is the default. */
export function toConfig(settings: Settings | null | undefined, locale: Locale): Config {
  const d = defaultConfig;
  const table = settings?.table ?? {};
  return {
    locale,
    numberFormat: oneOf(settings?.numberFormat, ['auto', 'B', '억', 'both'], d.numberFormat),
    table: {
      columns: Array.isArray(table.columns) ? tableColumns(table.columns.filter((c) => typeof c === 'string')) : d.table.columns,
      sort: oneOf(table.sort, ['mention', 'parameters', 'release', 'name'], d.table.sort),
      language: oneOf(table.language, ['auto', 'en', 'ko'], d.table.language),
    },
    claims: {
      tolerance: number(settings?.claims?.tolerance, 0, 1, d.claims.tolerance),
      severity: SEVERITIES[oneOf(settings?.claims?.severity, ['error', 'warning', 'information', 'hint'], 'information')],
    },
    inlayHints: oneOf(settings?.inlayHints?.numbers, ['korean-only', 'all', 'off'], d.inlayHints),
    knowledgeFiles:
      Array.isArray(settings?.knowledgeFiles) && settings.knowledgeFiles.every((g) => typeof g === 'string')
        ? settings.knowledgeFiles
        : d.knowledgeFiles,
    diagnosticsDebounceMs: number(settings?.diagnostics?.debounceMs, 0, 5000, d.diagnosticsDebounceMs),
  };
}
