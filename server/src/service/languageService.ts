import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
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
import { analyzeNote, analyzeNoteAsync, createRecognizers, type NoteAnalysis, type Recognizers } from '../analysis';
import { toConfig, type Config } from './config';
import { claimQuickFixes } from '../features/codeActions';
import { tableEdit, type TableEditResult } from '../features/comparisonTable';
import { completions } from '../features/completion';
import { definition } from '../features/definition';
import type { ClaimCheckOptions } from '../check/claims';
import { hover, type ClaimElsewhere } from '../features/hover';
import { numberInlayHints } from '../features/inlayHints';
import { knowledgeFileUri, unknownNameActions } from '../features/knowledgeEdits';
import { noteDiagnostics, type NoteDiagnostics } from '../features/noteDiagnostics';
import { semanticTokens } from '../features/semanticTokens';
import { updateAnalysis } from '../analysis/incremental';
import type { KnowledgeBase } from '../knowledge/types';
import { DiagnosticCodes, type InsertComparisonTableArgs } from '../protocol';
import { buildAliasIndex } from '../recognize/aliasIndex';
import { NoteStore } from './noteStore';
import { findAt } from '../recognize/spans';
import { indexedNote, type IndexedNote } from '../workspace/noteIndex';
import type { Logger, Workspace } from '../workspace';

/**
 * A request's cancellation, checked once the note's analysis is at hand (the costly part): a
 * cancelled request gets the empty answer. An LSP `CancellationToken` is one.
 */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

/** For callers without a request (the CLI, publishing diagnostics). */
export const notCancelled: Cancellation = { isCancellationRequested: false };

/**
 * Notes at least this long (UTF-16 units) are analysed in slices off the request path: 64 KB of
 * a note that remark must read whole (constructs the fast path leaves, on every line) take about
 * 150 ms, and a request should never wait 250 ms.
 */
export const LARGE_NOTE = 64 * 1024;

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
  /** What other notes claim for a model (the workspace index), for its hover; none without an index. */
  claimsElsewhere?: (id: string, exceptUri: string) => readonly ClaimElsewhere[];
  knowledge: KnowledgeSource;
  config: () => Config;
  logger: Logger;
}

export interface LanguageService {
  /** The analysis of this document version (cached per URI, version and knowledge version). */
  analyze(doc: TextDocument): NoteAnalysis;
  hover(doc: TextDocument, position: Position, token?: Cancellation): Hover | null;
  /** Claim mismatches and unknown names of the note (knowledge-file problems are the server's). */
  diagnostics(doc: TextDocument, token?: Cancellation): Diagnostic[];
  /** Quick fixes for the request's diagnostics (async: may read the knowledge file). */
  codeActions(doc: TextDocument, range: Range, diagnostics: Diagnostic[], token?: Cancellation): Promise<CodeAction[]>;
  definition(doc: TextDocument, position: Position, token?: Cancellation): Location | null;
  completions(doc: TextDocument, position: Position, token?: Cancellation): CompletionItem[];
  inlayHints(doc: TextDocument, range: Range, token?: Cancellation): InlayHint[];
  /** Mentions and claims as semantic tokens (the whole note, or what overlaps `range`). */
  semanticTokens(doc: TextDocument, range?: Range, token?: Cancellation): SemanticTokens;
  /** The edit that inserts or refreshes a comparison table (offsets of `doc`'s version). */
  comparisonTableEdit(doc: TextDocument, args: Omit<InsertComparisonTableArgs, 'uri'>): TableEditResult;
  /** Records the content changes that took `uri` from `fromVersion` on (for incremental analysis). */
  noteChanged(uri: string, fromVersion: number, changes: readonly TextDocumentContentChangeEvent[]): void;
  /**
   * Analyses a large note off the request path, in slices that yield to the event loop, so other
   * requests are answered meanwhile; resolves at once for small or already analysed notes, and for
   * a note whose earlier version was analysed with the same knowledge (it is updated around the edit). The
   * work is dropped once `superseded` (a newer version arrived), not when one waiting request is
   * cancelled: the next request needs the same analysis.
   */
  prepare(doc: TextDocument, superseded: Cancellation): Promise<void>;
  /** Forget a closed document. */
  forget(uri: string): void;
  /** A note's workspace-index entry: from the open document's current version, or from `text` (a closed note, analysed and not kept). */
  indexEntry(doc: TextDocument | { uri: string; text: string }): IndexedNote;
  /** The entity mentioned at `position`, if any. */
  entityAt(doc: TextDocument, position: Position, token?: Cancellation): string | undefined;
}

export function createLanguageService(init: LanguageServiceInit): LanguageService {
  const notes = new NoteStore();
  /** Recognizers (alias index included) per knowledge base: the workspace's, and those of notes with front matter. */
  const recognizerCache = new WeakMap<KnowledgeBase, Recognizers>();

  const recognizers = (kb: KnowledgeBase): Recognizers => {
    let r = recognizerCache.get(kb);
    if (!r) {
      const t0 = performance.now();
      r = createRecognizers(kb, buildAliasIndex(kb));
      recognizerCache.set(kb, r);
      init.logger.info(`Alias index built for ${kb.all().length} entities in ${(performance.now() - t0).toFixed(1)} ms`);
    }
    return r;
  };

  /**
   * The analysis of this version: cached, or updated from the previous version's analysis by
   * re-analysing only what the edits touched (equal to a full analysis), or analysed afresh.
   */
  const state = (doc: TextDocument): { kb: KnowledgeBase; analysis: NoteAnalysis } => {
    const record = notes.get(doc.uri);
    const hit = record.analyzed;
    const kb = init.knowledge.forNote(doc.uri, hit?.version === doc.version ? hit.analysis.text : doc.getText());
    if (hit && hit.version === doc.version && hit.kb === kb) return hit;
    const r = recognizers(kb);
    const analysis = hit && hit.kb === kb ? updateAnalysis(hit.analysis, doc, record.pending, r) : analyzeNote(doc, r);
    return notes.analyzed(doc.uri, doc.version, kb, analysis)!;
  };
  const analyze = (doc: TextDocument): NoteAnalysis => state(doc).analysis;

  /**
   * The note's diagnostics for this version, computed once (diagnostics and semantic tokens share
   * them) and, after an edit, updated around it from the previous version's.
   */
  const diagnosticsOf = (doc: TextDocument): NoteDiagnostics => {
    const { analysis, kb } = state(doc);
    const { locale, claims } = init.config();
    const options: ClaimCheckOptions = { locale, tolerance: claims.tolerance, severity: claims.severity };
    const record = notes.get(doc.uri);
    const prev = record.diagnostics;
    const same =
      prev !== undefined &&
      prev.kb === kb &&
      prev.options.locale === options.locale &&
      prev.options.tolerance === options.tolerance &&
      prev.options.severity === options.severity;
    if (same && prev.result.version === analysis.version) return prev.result;
    const result = noteDiagnostics(analysis, kb, options, same ? prev.result : undefined);
    record.diagnostics = { kb, options, result };
    return result;
  };

  return {
    analyze,
    hover(doc, position, token = notCancelled) {
      const { analysis, kb } = state(doc);
      if (token.isCancellationRequested) return null;
      const { locale, numberFormat, claims } = init.config();
      const claimsElsewhere = init.claimsElsewhere && ((id: string) => init.claimsElsewhere!(id, doc.uri));
      return hover(analysis, analysis.offsetAt(position), kb, { locale, numberFormat, tolerance: claims.tolerance, claimsElsewhere });
    },
    diagnostics(doc, token = notCancelled) {
      state(doc);
      return token.isCancellationRequested ? [] : diagnosticsOf(doc).items.map((i) => i.diagnostic);
    },
    async codeActions(doc, _range, diagnostics, token = notCancelled) {
      const { analysis, kb } = state(doc);
      if (token.isCancellationRequested) return [];
      const { locale } = init.config();
      const actions = claimQuickFixes(analysis, kb, diagnostics, doc.uri, locale);
      const folder = folderOf(init.workspace.folders, doc.uri);
      if (folder && diagnostics.some((d) => d.code === DiagnosticCodes.entityUnknown)) {
        const existing = await init.workspace.readFile(knowledgeFileUri(folder));
        if (token.isCancellationRequested) return [];
        actions.push(...unknownNameActions(analysis, diagnostics, folder, existing, locale));
      }
      return actions;
    },
    definition(doc, position, token = notCancelled) {
      const { analysis, kb } = state(doc);
      if (token.isCancellationRequested) return null;
      return definition(analysis, analysis.offsetAt(position), kb);
    },
    completions(doc, position, token = notCancelled) {
      const { analysis, kb } = state(doc);
      if (token.isCancellationRequested) return [];
      const { locale, numberFormat } = init.config();
      return completions(analysis, analysis.offsetAt(position), kb, { locale, numberFormat });
    },
    inlayHints(doc, range, token = notCancelled) {
      const analysis = analyze(doc);
      if (token.isCancellationRequested) return [];
      return numberInlayHints(analysis, { start: analysis.offsetAt(range.start), end: analysis.offsetAt(range.end) }, init.config().inlayHints);
    },
    semanticTokens(doc, range, token = notCancelled) {
      const { analysis, kb } = state(doc);
      if (token.isCancellationRequested) return { data: [] };
      const mismatches = new Set(diagnosticsOf(doc).items.filter((i) => i.diagnostic.code === DiagnosticCodes.claimMismatch).map((i) => i.start));
      return semanticTokens(analysis, {
        range: range ? { start: analysis.offsetAt(range.start), end: analysis.offsetAt(range.end) } : undefined,
        mismatches,
        userDefined: (id) => kb.origin(id)?.bundled === false,
      });
    },
    comparisonTableEdit(doc, args) {
      const { analysis, kb } = state(doc);
      const config = init.config();
      // The command's overrides come from any LSP client: validated like settings.
      const o = args.options ?? {};
      const { table, numberFormat } = toConfig(
        { numberFormat: o.numberFormat ?? config.numberFormat, table: { ...config.table, ...o } },
        config.locale,
      );
      const selection = args.selection
        ? { start: analysis.offsetAt(args.selection.start), end: analysis.offsetAt(args.selection.end) }
        : undefined;
      return tableEdit(analysis, kb, { ...table, numberFormat, locale: config.locale }, { offset: analysis.offsetAt(args.position), selection });
    },
    noteChanged(uri, fromVersion, changes) {
      // Changes only chain onto the analysed version; anything else falls back to comparing texts.
      const record = notes.peek(uri);
      if (!record?.analyzed) return;
      if (record.pending.length === 0 && record.analyzed.version !== fromVersion) return;
      record.pending.push(...changes);
    },
    prepare(doc, superseded) {
      const record = notes.get(doc.uri);
      if (record.analyzed?.version === doc.version || doc.getText().length < LARGE_NOTE) return Promise.resolve();
      if (record.preparing?.version === doc.version) return record.preparing.done;
      const kb = init.knowledge.forNote(doc.uri, doc.getText());
      // An earlier version analysed with the same knowledge is updated around the edit when asked (`state`).
      if (record.analyzed?.kb === kb) return Promise.resolve();
      const version = doc.version;
      const isCancelled = (): boolean => superseded.isCancellationRequested;
      const t0 = performance.now();
      const done = analyzeNoteAsync(doc, recognizers(kb), { isCancelled, sliceMs: 10 }).then((analysis) => {
        const size = `${doc.uri} (${Math.round(doc.getText().length / 1024)} KB)`;
        if (analysis && !isCancelled()) {
          notes.analyzed(doc.uri, version, kb, analysis);
          init.logger.info(`Analysed ${size} in slices in ${(performance.now() - t0).toFixed(0)} ms`);
        } else init.logger.info(`Dropped the analysis of ${size}: a newer version arrived`);
        const current = notes.peek(doc.uri);
        if (current?.preparing?.version === version) current.preparing = undefined;
      });
      record.preparing = { version, done };
      return done;
    },
    forget: (uri) => notes.forget(uri),
    indexEntry(doc) {
      if (!('text' in doc)) return indexedNote(doc.uri, analyze(doc));
      const kb = init.knowledge.forNote(doc.uri, doc.text);
      return indexedNote(doc.uri, analyzeNote(TextDocument.create(doc.uri, 'markdown', 0, doc.text), recognizers(kb)));
    },
    entityAt(doc, position, token = notCancelled) {
      const analysis = analyze(doc);
      if (token.isCancellationRequested) return undefined;
      return findAt(analysis.mentions, analysis.offsetAt(position))?.id;
    },
  };
}

/** The workspace folder holding `uri` (the deepest one), else the first folder. */
export function folderOf(folders: readonly string[], uri: string): string | undefined {
  const holding = folders.filter((f) => uri.startsWith(f.endsWith('/') ? f : `${f}/`)).sort((a, b) => b.length - a.length);
  return holding[0] ?? folders[0];
}
