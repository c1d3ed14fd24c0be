import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover, Position } from 'vscode-languageserver-types';
import { analyzeNote, type NoteAnalysis, type Recognizers } from './analysis';
import { hover, type NumberFormat } from './features/hover';
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
}

export const defaultConfig: Config = { locale: 'en', numberFormat: 'auto' };

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
    forget(uri) {
      cache.delete(uri);
    },
  };
}
