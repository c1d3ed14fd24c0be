/**
 * `researchNotes.insertComparisonChart` (#20): draws the note's models as an SVG, and sends one
 * `workspace/applyEdit` that creates (or overwrites) `figures/<note>.models.svg`, fills it, and
 * puts an image link at the cursor. With the cursor on such a link the file is redrawn and the
 * link's alternative text rewritten to name the models drawn now. The edit names the note's version, so a client refuses it if the note changed.
 */
import { CreateFile, MessageType, TextDocumentEdit, TextEdit, type Connection, type Position, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { chartFile, chartLinkAt, escapeAlt, imageLink, type ChartLink } from '../../chart/figure';
import type { RenderChartSvg } from '../../chart/load';
import type { ChartOptions, ChartSpecResult } from '../../chart/spec';
import { chartFolder } from '../../service/config';
import { messages, type Locale } from '../../l10n';
import type { InsertComparisonChartArgs, InsertComparisonChartResult } from '../../protocol';

export interface ChartCommandContext {
  connection: Connection;
  locale: Locale;
  /** The client applies edits that create files (`resourceOperations: create`). */
  createFiles: boolean;
  /** `researchNotes.chart.folder`. */
  folder: string;
  document(uri: string): TextDocument | undefined;
  /** The note's chart specification (offsets of `doc`'s version). */
  spec(doc: TextDocument, options: Partial<ChartOptions>): ChartSpecResult;
  /** The SVG renderer, loaded on first use; undefined where this build has none. */
  renderer(): Promise<RenderChartSvg | undefined>;
}

export async function insertComparisonChart(ctx: ChartCommandContext, args: InsertComparisonChartArgs | undefined): Promise<InsertComparisonChartResult> {
  const t = messages(ctx.locale);
  const doc = args?.uri ? ctx.document(args.uri) : undefined;
  if (!doc || !args?.position) return refuse(ctx, t.chartNeedsNote);
  const version = doc.version;
  if (args.version !== undefined && args.version !== version) return refuse(ctx, t.staleChart);
  if (/^untitled:/i.test(doc.uri) || !doc.uri.includes('/')) return refuse(ctx, t.chartNeedsFile);
  if (!ctx.createFiles) return refuse(ctx, t.chartNeedsCreate);

  const result = ctx.spec(doc, chartOptions(doc, args));
  if (!result.ok) {
    void ctx.connection.sendNotification('window/showMessage', { type: MessageType.Info, message: result.message });
    return { applied: false, message: result.message };
  }
  const render = await ctx.renderer();
  if (!render) return refuse(ctx, t.chartUnavailable);
  const svg = render(result.spec);

  const existing = chartLinkAt(doc.getText(), doc.offsetAt(args.position), doc.uri);
  const target = existing
    ? { uri: existing.uri, link: altEdit(doc, existing, result.spec.alt) }
    : newLink(chartFile(doc.uri, chartFolder(args.options?.folder) ?? ctx.folder), args.position, result.spec.alt);
  const applied = await ctx.connection.workspace.applyEdit({
    label: t.chartEditLabel,
    edit: chartEdit(target.uri, svg, target.link && { uri: doc.uri, version, edit: target.link }),
    // Editors that save refactored files (VS Code's `files.refactoring.autoSave`) put the SVG on disk.
    metadata: { isRefactoring: true },
  });
  return applied.applied ? { applied: true, file: target.uri } : { applied: false, message: applied.failureReason ?? t.editRefused };
}

/** A new chart file, and the link to it at the cursor. */
function newLink(file: { uri: string; link: string }, position: Position, alt: string): { uri: string; link: TextEdit } {
  return { uri: file.uri, link: TextEdit.insert(position, imageLink(alt, file.link)) };
}

/** The chart link's alternative text made to name the models drawn now; undefined when it does. */
function altEdit(doc: TextDocument, link: ChartLink, alt: string): TextEdit | undefined {
  const text = escapeAlt(alt);
  if (doc.getText().slice(link.alt.start, link.alt.end) === text) return undefined;
  return TextEdit.replace({ start: doc.positionAt(link.alt.start), end: doc.positionAt(link.alt.end) }, text);
}

/** The selection as offsets, and the command's overrides of the settings. */
function chartOptions(doc: TextDocument, args: InsertComparisonChartArgs): Partial<ChartOptions> {
  const selection = args.selection && { start: doc.offsetAt(args.selection.start), end: doc.offsetAt(args.selection.end) };
  const o = args.options ?? {};
  return { selection, ...(o.language ? { language: o.language } : {}), ...(o.numberFormat ? { numberFormat: o.numberFormat } : {}) };
}

/** The file made anew with the SVG as its text, then the link into the note: one edit, one undo. */
function chartEdit(fileUri: string, svg: string, link?: { uri: string; version: number; edit: TextEdit }): WorkspaceEdit {
  return {
    documentChanges: [
      CreateFile.create(fileUri, { overwrite: true }),
      TextDocumentEdit.create({ uri: fileUri, version: null }, [TextEdit.insert({ line: 0, character: 0 }, svg)]),
      ...(link ? [TextDocumentEdit.create({ uri: link.uri, version: link.version }, [link.edit])] : []),
    ],
  };
}

function refuse(ctx: ChartCommandContext, message: string): InsertComparisonChartResult {
  void ctx.connection.window.showWarningMessage(message);
  return { applied: false, message };
}
