import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover, Position } from 'vscode-languageserver-types';
import { analyzeNote, type NoteAnalysis, type Recognizers } from './analysis';
import {
  defaultColumns,
  tableColumns,
  tableEdit,
  type Column,
  type TableEditResult,
  type TableOptions,
  type TableSort,
} from './features/comparisonTable';
import { hover, type NumberFormat } from './features/hover';
import type { InsertComparisonTableArgs } from './protocol';
import type { KnowledgeBase } from './knowledge/types';
import type { Locale } from './l10n';
import { buildAliasIndex, type AliasIndex } from './recognize/aliasIndex';
import { linkClaims } from './recognize/claims';
import { findQuantities } from './recognize/quantities';
import type { Logger, Workspace } from './workspace';

/** User settings (`researchNotes.*`) and the client's locale, as the service reads them. */
export interface Config {
  locale: Locale;
  numberFormat: NumberFormat;
  table: { columns: Column[]; sort: TableSort; language: 'auto' | 'en' | 'ko' };
}

export const defaultConfig: Config = {
  locale: 'en',
  numberFormat: 'auto',
  table: { columns: defaultColumns, sort: 'mention', language: 'auto' },
};

export interface LanguageServiceInit {
  workspace: Workspace;
  /** The current knowledge base; a new object (and version) after every reload. */
  knowledge: () => KnowledgeBase;
  config: () => Config;
  logger: Logger;
}

export interface LanguageService {
  /** The analysis of this document version (cached per URI, version and knowledge version). */
  analyze(doc: TextDocument): NoteAnalysis;
  hover(doc: TextDocument, position: Position): Hover | null;
  /** The edit that inserts or refreshes a comparison table (offsets of `doc`'s version). */
  comparisonTableEdit(doc: TextDocument, args: Omit<InsertComparisonTableArgs, 'uri'>): TableEditResult;
  /** Forget a closed document. */
  forget(uri: string): void;
}

export function createLanguageService(init: LanguageServiceInit): LanguageService {
  let index: AliasIndex | undefined;
  const cache = new Map<string, { version: number; kbVersion: number; analysis: NoteAnalysis }>();

  const recognizers = (kb: KnowledgeBase): Recognizers => {
    if (!index || index.version !== kb.version) {
      const t0 = performance.now();
      index = buildAliasIndex(kb);
      init.logger.info(`Alias index built for ${kb.all().length} entities in ${(performance.now() - t0).toFixed(1)} ms`);
    }
    const isModel = (id: string): boolean => kb.get(id)?.kind === 'model';
    return { aliases: index, claims: (mask, mentions) => linkClaims(mask, findQuantities(mask), mentions, isModel) };
  };

  const analyze = (doc: TextDocument): NoteAnalysis => {
    const kb = init.knowledge();
    const hit = cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.kbVersion === kb.version) {
      return hit.analysis;
    }
    const analysis = analyzeNote(doc, recognizers(kb));
    cache.set(doc.uri, { version: doc.version, kbVersion: kb.version, analysis });
    return analysis;
  };

  return {
    analyze,
    hover(doc, position) {
      const analysis = analyze(doc);
      const { locale, numberFormat } = init.config();
      return hover(analysis, analysis.offsetAt(position), init.knowledge(), { locale, numberFormat });
    },
    comparisonTableEdit(doc, args) {
      const analysis = analyze(doc);
      const config = init.config();
      const o = args.options ?? {};
      const options: TableOptions = {
        columns: o.columns ? tableColumns(o.columns) : config.table.columns,
        sort: o.sort ?? config.table.sort,
        language: o.language ?? config.table.language,
        numberFormat: o.numberFormat ?? config.numberFormat,
        locale: config.locale,
      };
      const selection = args.selection
        ? { start: analysis.offsetAt(args.selection.start), end: analysis.offsetAt(args.selection.end) }
        : undefined;
      return tableEdit(analysis, init.knowledge(), options, { offset: analysis.offsetAt(args.position), selection });
    },
    forget(uri) {
      cache.delete(uri);
    },
  };
}
