import type { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  CompletionItem,
  Diagnostic,
  DiagnosticSeverity,
  Hover,
  InlayHint,
  Location,
  Position,
  Range,
  SemanticTokens,
} from 'vscode-languageserver-types';
import { semanticTokens } from './features/semanticTokens';
import { completions } from './features/completion';
import { definition } from './features/definition';
import { knowledgeFileUri, unknownNameActions } from './features/knowledgeEdits';
import { unknownNameDiagnostics } from './features/unknownNames';
import { DiagnosticCodes } from './protocol';
import { claimQuickFixes } from './features/codeActions';
import { claimDiagnostics, defaultClaimCheckOptions } from './features/diagnostics';
import { defaultInlayMode, numberInlayHints, type InlayMode } from './features/inlayHints';
import { defaultKnowledgeGlobs } from './workspaceKnowledge';
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
  claims: { tolerance: number; severity: DiagnosticSeverity };
  inlayHints: InlayMode;
  knowledgeFiles: string[];
  diagnosticsDebounceMs: number;
}

export const defaultConfig: Config = {
  locale: 'en',
  numberFormat: 'auto',
  table: { columns: defaultColumns, sort: 'mention', language: 'auto' },
  claims: { tolerance: defaultClaimCheckOptions.tolerance, severity: defaultClaimCheckOptions.severity },
  inlayHints: defaultInlayMode,
  knowledgeFiles: defaultKnowledgeGlobs,
  diagnosticsDebounceMs: 150,
};

/** Where the service gets its knowledge: the workspace's, and a note's own (front matter). */
export interface KnowledgeSource {
  /** The current knowledge base; a new object (and version) after every reload. */
  current(): KnowledgeBase;
  /** The knowledge for one note, with its front-matter `entities:` when it has some. */
  forNote(uri: string, text: string): KnowledgeBase;
}

/** A knowledge source with no per-note knowledge. */
export const fixedKnowledge = (kb: KnowledgeBase): KnowledgeSource => ({ current: () => kb, forNote: () => kb });

export interface LanguageServiceInit {
  workspace: Workspace;
  knowledge: KnowledgeSource;
  config: () => Config;
  logger: Logger;
}

export interface LanguageService {
  /** The analysis of this document version (cached per URI, version and knowledge version). */
  analyze(doc: TextDocument): NoteAnalysis;
  /** The knowledge the note's analysis used. */
  knowledgeFor(doc: TextDocument): KnowledgeBase;
  hover(doc: TextDocument, position: Position): Hover | null;
  /** Claim mismatches and unknown names of the note (knowledge-file problems are the server's). */
  diagnostics(doc: TextDocument): Diagnostic[];
  /** Quick fixes for the request's diagnostics (async: may read the knowledge file). */
  codeActions(doc: TextDocument, range: Range, diagnostics: Diagnostic[]): Promise<CodeAction[]>;
  definition(doc: TextDocument, position: Position): Location | null;
  completions(doc: TextDocument, position: Position): CompletionItem[];
  inlayHints(doc: TextDocument, range: Range): InlayHint[];
  /** Mentions and claims as semantic tokens (the whole note, or what overlaps `range`). */
  semanticTokens(doc: TextDocument, range?: Range): SemanticTokens;
  /** The edit that inserts or refreshes a comparison table (offsets of `doc`'s version). */
  comparisonTableEdit(doc: TextDocument, args: Omit<InsertComparisonTableArgs, 'uri'>): TableEditResult;
  /** Forget a closed document. */
  forget(uri: string): void;
}

export function createLanguageService(init: LanguageServiceInit): LanguageService {
  /** Alias indexes by knowledge version: the workspace's, and a few notes' with front matter. */
  const indexes = new Map<number, AliasIndex>();
  const cache = new Map<string, { version: number; kb: KnowledgeBase; analysis: NoteAnalysis }>();

  const recognizers = (kb: KnowledgeBase): Recognizers => {
    let index = indexes.get(kb.version);
    if (!index) {
      const t0 = performance.now();
      index = buildAliasIndex(kb);
      if (indexes.size >= 8) indexes.delete(indexes.keys().next().value!);
      indexes.set(kb.version, index);
      init.logger.info(`Alias index built for ${kb.all().length} entities in ${(performance.now() - t0).toFixed(1)} ms`);
    }
    const isModel = (id: string): boolean => kb.get(id)?.kind === 'model';
    return { aliases: index, claims: (mask, mentions) => linkClaims(mask, findQuantities(mask), mentions, isModel) };
  };

  const state = (doc: TextDocument): { kb: KnowledgeBase; analysis: NoteAnalysis } => {
    const hit = cache.get(doc.uri);
    const kb = init.knowledge.forNote(doc.uri, hit?.version === doc.version ? hit.analysis.text : doc.getText());
    if (hit && hit.version === doc.version && hit.kb === kb) return hit;
    const analysis = analyzeNote(doc, recognizers(kb));
    const entry = { version: doc.version, kb, analysis };
    cache.set(doc.uri, entry);
    return entry;
  };
  const analyze = (doc: TextDocument): NoteAnalysis => state(doc).analysis;

  return {
    analyze,
    knowledgeFor: (doc) => state(doc).kb,
    hover(doc, position) {
      const { analysis, kb } = state(doc);
      const { locale, numberFormat, claims } = init.config();
      return hover(analysis, analysis.offsetAt(position), kb, { locale, numberFormat, tolerance: claims.tolerance });
    },
    diagnostics(doc) {
      const { analysis, kb } = state(doc);
      const { locale, claims } = init.config();
      return [...claimDiagnostics(analysis, kb, { locale, ...claims }), ...unknownNameDiagnostics(analysis, kb, locale)];
    },
    async codeActions(doc, _range, diagnostics) {
      const { analysis, kb } = state(doc);
      const { locale } = init.config();
      const actions = claimQuickFixes(analysis, kb, diagnostics, doc.uri, locale);
      const folder = folderOf(init.workspace.folders, doc.uri);
      if (folder && diagnostics.some((d) => d.code === DiagnosticCodes.entityUnknown)) {
        const existing = await init.workspace.readFile(knowledgeFileUri(folder));
        actions.push(...unknownNameActions(analysis, diagnostics, folder, existing, locale));
      }
      return actions;
    },
    definition(doc, position) {
      const { analysis, kb } = state(doc);
      return definition(analysis, analysis.offsetAt(position), kb);
    },
    completions(doc, position) {
      const { analysis, kb } = state(doc);
      const { locale, numberFormat } = init.config();
      return completions(analysis, analysis.offsetAt(position), kb, { locale, numberFormat });
    },
    inlayHints(doc, range) {
      const analysis = analyze(doc);
      return numberInlayHints(analysis, { start: analysis.offsetAt(range.start), end: analysis.offsetAt(range.end) }, init.config().inlayHints);
    },
    semanticTokens(doc, range) {
      const { analysis, kb } = state(doc);
      const { locale, claims } = init.config();
      const mismatches = new Set(claimDiagnostics(analysis, kb, { locale, ...claims }).map((d) => analysis.offsetAt(d.range.start)));
      return semanticTokens(analysis, {
        range: range ? { start: analysis.offsetAt(range.start), end: analysis.offsetAt(range.end) } : undefined,
        mismatches,
        userDefined: (id) => kb.origin(id)?.bundled === false,
      });
    },
    comparisonTableEdit(doc, args) {
      const { analysis, kb } = state(doc);
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
      return tableEdit(analysis, kb, options, { offset: analysis.offsetAt(args.position), selection });
    },
    forget(uri) {
      cache.delete(uri);
    },
  };
}

/** The workspace folder holding `uri` (the deepest one), else the first folder. */
export function folderOf(folders: readonly string[], uri: string): string | undefined {
  const holding = folders.filter((f) => uri.startsWith(f.endsWith('/') ? f : `${f}/`)).sort((a, b) => b.length - a.length);
  return holding[0] ?? folders[0];
}
