import type { RenderChartSvg } from '../chart/load';

/** What a worker's global scope offers for loading the chart script. */
export interface ChartScriptScope {
  importScripts(...urls: string[]): void;
  researchNotesChart?: { renderChartSvg?: unknown };
}

/**
 * The chart's SVG renderer in the web worker: `dist/chart.js` (the script the Node server
 * `require`s), run by `importScripts` from the extension's URL (vscode.dev), which sets
 * `researchNotesChart`. Where the worker cannot load that URL (code-server's `vscode-remote:`
 * extension URIs, which only the extension host resolves), the client reads the script
 * (`readText`, `researchNotes/readFile`) and it runs from a Blob URL. Undefined without a URL (a
 * client that does not say where the script is).
 */
export async function loadWorkerChartRenderer(
  url: string | undefined,
  readText: (url: string) => Promise<string | undefined>,
  scope: ChartScriptScope = globalThis as unknown as ChartScriptScope,
): Promise<RenderChartSvg | undefined> {
  if (!url) return undefined;
  if (!scope.researchNotesChart) {
    try {
      scope.importScripts(url);
    } catch (error) {
      const text = await readText(url);
      if (text === undefined) throw new Error(`The chart script ${url} could not be loaded (${error instanceof Error ? error.message : String(error)}) nor read through the client`);
      const blobUrl = URL.createObjectURL(new Blob([text], { type: 'application/javascript' }));
      try {
        scope.importScripts(blobUrl);
      } finally {
        URL.revokeObjectURL(blobUrl);
      }
    }
  }
  const render = scope.researchNotesChart?.renderChartSvg;
  if (typeof render !== 'function') throw new Error(`${url} did not define researchNotesChart.renderChartSvg`);
  return render as RenderChartSvg;
}
