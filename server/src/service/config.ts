import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { defaultClaimCheckOptions } from '../check/claims';
import type { NumberFormat } from '../format/counts';
import type { Locale } from '../l10n';
import type { Settings } from '../protocol';
import { defaultKnowledgeGlobs } from '../knowledge/workspace';

/** A column of the comparison table. */
export type Column = 'model' | 'organization' | 'parameters' | 'active' | 'architecture' | 'release' | 'openWeights' | 'context' | 'license';

export const allColumns: readonly Column[] = ['model', 'organization', 'parameters', 'active', 'architecture', 'release', 'openWeights', 'context', 'license'];

export const defaultColumns: Column[] = ['model', 'organization', 'parameters', 'active', 'architecture', 'release', 'openWeights', 'context'];

export type TableSort = 'mention' | 'parameters' | 'release' | 'name';

/** `korean-only` (default): hints after 억/조 counts only; `all`: after every count; `off`: none. */
export type InlayMode = 'korean-only' | 'all' | 'off';

export const defaultInlayMode: InlayMode = 'korean-only';

/**
 * The columns to write: known names once each, in the given order, with `model` put first when
 * missing (each row's footnote mark sits on its model cell); the defaults when none is given.
 */
export function tableColumns(columns: readonly string[]): Column[] {
  const known = [...new Set(columns)].filter((c): c is Column => (allColumns as readonly string[]).includes(c));
  if (known.length === 0) return defaultColumns;
  return known.includes('model') ? known : ['model', ...known];
}

/** User settings (`researchNotes.*`) and the client's locale, as the service reads them. */
export interface Config {
  locale: Locale;
  numberFormat: NumberFormat;
  table: { columns: Column[]; sort: TableSort; language: 'auto' | 'en' | 'ko' };
  claims: { tolerance: number; severity: DiagnosticSeverity };
  inlayHints: InlayMode;
  knowledgeFiles: string[];
  /** What the workspace index skips: `researchNotes.exclude`, then the `files.exclude` globs that are on. */
  exclude: string[];
  diagnosticsDebounceMs: number;
  /** Where Insert Comparison Chart writes the SVG, relative to the note's folder (`researchNotes.chart.folder`). */
  chartFolder: string;
}

export const defaultConfig: Config = {
  locale: 'en',
  numberFormat: 'auto',
  table: { columns: defaultColumns, sort: 'mention', language: 'auto' },
  claims: { tolerance: defaultClaimCheckOptions.tolerance, severity: defaultClaimCheckOptions.severity },
  inlayHints: defaultInlayMode,
  knowledgeFiles: defaultKnowledgeGlobs,
  exclude: [],
  diagnosticsDebounceMs: 150,
  chartFolder: 'figures',
};

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

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.length > 0) : []);

/**
 * The globs VS Code's `files.exclude` turns on (`{ "**\/drafts": true }`); a `when` clause or
 * `false` leaves a glob off. Other clients send nothing.
 */
export function filesExcludeGlobs(filesExclude: unknown): string[] {
  if (typeof filesExclude !== 'object' || filesExclude === null) return [];
  return Object.entries(filesExclude).filter(([glob, on]) => on === true && glob.length > 0).map(([glob]) => glob);
}

/**
 * The service's config from the client's `researchNotes` settings (and `files.exclude`'s globs);
 * anything unexpected is the default.
 */
export function toConfig(settings: Settings | null | undefined, locale: Locale, filesExclude: readonly string[] = []): Config {
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
    exclude: [...new Set([...strings(settings?.exclude), ...filesExclude])],
    diagnosticsDebounceMs: number(settings?.diagnostics?.debounceMs, 0, 5000, d.diagnosticsDebounceMs),
    chartFolder: chartFolder(settings?.chart?.folder) ?? d.chartFolder,
  };
}

/**
 * A chart folder as a relative path with `/` separators (`figures`, `../img`, empty for beside the
 * note); undefined for anything else (absolute, a drive, a URL, not a string).
 */
export function chartFolder(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const folder = value.trim().replace(/\\/g, '/').replace(/^\.\/+/, '').replace(/\/+$/, '');
  return /^\/|^[a-z][\w+.-]*:/i.test(folder) ? undefined : folder;
}
