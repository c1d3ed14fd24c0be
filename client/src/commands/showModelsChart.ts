/**
 * "Research Notes: Show Models Chart" (#20): the comparison chart of the models the workspace's
 * notes mention, or the current note's, in a webview. The server draws it (`researchNotes/modelsChart`,
 * the same renderer as the chart file: no second charting library in the extension); the page
 * inlines the SVG under a strict content security policy (nothing but its own nonce'd style and
 * script, no remote code), colours it with the theme's variables, and its script
 * (`chartViewScript.ts`) shows a point's facts and notes on hover and opens the note with the
 * most mentions on click.
 */
import * as vscode from 'vscode';
import { Commands, ModelsChartRequest, type ModelsChartParams, type ModelsChartPoint, type ModelsChartResult } from '../../../server/src/protocol';
import { chartViewScript, type ChartViewData, type ChartViewMessage } from './chartViewScript';

/** What the command needs from the extension: the running server. */
export interface ModelsChartHost {
  request(method: string, params: unknown): Promise<{ ok: true; result: unknown } | { ok: false; message: string }>;
}

/** The open chart, for the caller (a test, another extension). */
export interface ModelsChartView {
  readonly panel: vscode.WebviewPanel;
  readonly points: readonly ModelsChartPoint[];
  /** Settles once the page's script has bound its marks: how many marks, of how many points. */
  readonly ready: Promise<{ marks: number; points: number }>;
  /** The tooltip's lines after a pointer event on point `point`'s mark inside the page. */
  hover(point: number): Promise<string[]>;
  /** A click on point `point`'s mark inside the page; settles once its note is open. */
  click(point: number): Promise<void>;
}

/** `{ uri }` charts that note, `{ scope: 'workspace' }` every note; without arguments the user picks. */
export async function showModelsChart(host: ModelsChartHost, raw: unknown): Promise<ModelsChartView | undefined> {
  const params = await chartParams(raw);
  if (!params) return undefined;
  const answer = await host.request(ModelsChartRequest, params);
  if (!answer.ok) return undefined;
  const result = answer.result as ModelsChartResult;
  if (!result.ok) {
    void vscode.window.showInformationMessage(result.message);
    return undefined;
  }
  const title = params.uri ? vscode.l10n.t('Models Chart: {0}', noteName(params.uri)) : vscode.l10n.t('Models Chart');
  const panel = vscode.window.createWebviewPanel(Commands.showModelsChart, title, vscode.ViewColumn.Beside, { enableScripts: true, localResourceRoots: [] });
  return bind(panel, result);
}

/** The request's parameters from the command's argument, or from the user's pick. */
async function chartParams(raw: unknown): Promise<ModelsChartParams | undefined> {
  const a = (typeof raw === 'object' && raw !== null ? raw : {}) as { uri?: unknown; scope?: unknown };
  if (typeof a.uri === 'string') return { uri: a.uri };
  if (a.scope === 'workspace') return {};
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId !== 'markdown') return {};
  const note = editor.document.uri.toString();
  const items = [
    { label: vscode.l10n.t('All notes of the workspace'), params: {} },
    { label: vscode.l10n.t('This note: {0}', noteName(note)), params: { uri: note } },
  ];
  const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Chart the models mentioned in…') });
  return picked?.params;
}

function bind(panel: vscode.WebviewPanel, result: Extract<ModelsChartResult, { ok: true }>): ModelsChartView {
  const nonce = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
  let ready: (value: { marks: number; points: number }) => void = () => undefined;
  const hovers = new Map<number, (lines: string[]) => void>();
  const opened = new Map<number, () => void>();
  const listener = panel.webview.onDidReceiveMessage(async (message: ChartViewMessage) => {
    if (message.type === 'ready') ready({ marks: message.marks, points: message.points });
    else if (message.type === 'hovered') hovers.get(message.point)?.(message.lines);
    else if (message.type === 'open') {
      await openNote(result.points[message.point]);
      opened.get(message.point)?.();
    }
  });
  panel.onDidDispose(() => listener.dispose());
  const view: ModelsChartView = {
    panel,
    points: result.points,
    ready: new Promise((resolve) => (ready = resolve)),
    hover: (point) => {
      const answer = new Promise<string[]>((resolve) => hovers.set(point, resolve));
      void panel.webview.postMessage({ type: 'hover', point });
      return answer;
    },
    click: (point) => {
      const answer = new Promise<void>((resolve) => opened.set(point, resolve));
      void panel.webview.postMessage({ type: 'click', point });
      return answer;
    },
  };
  panel.webview.html = chartPage(result, nonce);
  return view;
}

/** Opens the note with the most mentions of the point's model at its first mention. */
async function openNote(point: ModelsChartPoint | undefined): Promise<void> {
  const note = point?.notes[0];
  if (!note) return;
  const at = new vscode.Position(note.line, note.character);
  await vscode.window.showTextDocument(vscode.Uri.parse(note.uri), { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(at, at) });
}

/** The page: the SVG inline, a tooltip, the style and the script, each under the nonce. */
export function chartPage(result: Extract<ModelsChartResult, { ok: true }>, nonce: string): string {
  const data: ChartViewData = {
    points: result.points.map((p) => ({
      name: p.name,
      facts: p.facts,
      notes: p.notes.map((n) => (n.mentions === 1 ? vscode.l10n.t('{0} (1 mention)', relative(n.uri)) : vscode.l10n.t('{0} ({1} mentions)', relative(n.uri), n.mentions))),
      open: p.notes[0] && vscode.l10n.t('Click to open {0}', relative(p.notes[0].uri)),
    })),
    words: { mentionedIn: vscode.l10n.t('Mentioned in') },
  };
  // `<` escaped: a name in a knowledge file cannot end the script element.
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  const incomplete = result.complete ? '' : `<p class="note">${escapeHtml(vscode.l10n.t('The workspace is still being indexed: some models may be missing.'))}</p>`;
  return `<!DOCTYPE html>
<html lang="${escapeHtml(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<div id="chart" role="group" aria-label="${escapeHtml(result.title)}">${result.svg}</div>
${incomplete}
<div id="tip" role="tooltip" hidden></div>
<script nonce="${nonce}">(${chartViewScript.toString()})(${json});</script>
</body>
</html>`;
}

/** The chart's neutral colours (`data-fill`, `data-stroke`) take the theme's; a high-contrast theme outlines the marks. */
const STYLE = `
body { background: var(--vscode-editor-background); color: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); margin: 0; padding: 8px 16px; }
#chart svg { display: block; width: 100%; max-width: 1200px; height: auto; }
[data-fill="text"] { fill: var(--vscode-foreground); }
[data-fill="muted"] { fill: var(--vscode-descriptionForeground); }
[data-fill="paper"] { fill: var(--vscode-editor-background); }
[data-stroke="grid"] { stroke: var(--vscode-editorIndentGuide-background1, var(--vscode-panel-border)); }
[data-stroke="muted"] { stroke: var(--vscode-descriptionForeground); }
[data-stroke="paper"] { stroke: var(--vscode-editor-background); }
[data-point] { cursor: pointer; outline: none; }
[data-point]:hover, [data-point]:focus { stroke: var(--vscode-focusBorder); stroke-width: 0.5; stroke-opacity: 1; }
body.vscode-high-contrast [data-point], body.vscode-high-contrast-light [data-point] { stroke: var(--vscode-contrastBorder); stroke-opacity: 1; }
.note { color: var(--vscode-descriptionForeground); }
#tip { position: fixed; max-width: 420px; padding: 6px 10px; background: var(--vscode-editorHoverWidget-background); color: var(--vscode-editorHoverWidget-foreground); border: 1px solid var(--vscode-editorHoverWidget-border); pointer-events: none; }
#tip ul { margin: 4px 0; padding-left: 18px; }
#tip em { color: var(--vscode-descriptionForeground); }
`;

function relative(uri: string): string {
  return vscode.workspace.asRelativePath(vscode.Uri.parse(uri));
}

function noteName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
