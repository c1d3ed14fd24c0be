import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { loadWorkerChartRenderer, type ChartScriptScope } from '../../server/src/browser/chartScript';
import { renderChartSvg } from '../../server/src/chart/render';
import type { ChartSpec } from '../../server/src/chart/spec';
import { chartSpecOf } from '../support/chart';
import { frozenKnowledge } from '../support/knowledge';
import { repoRoot } from '../support/lspClient';

const chartScript = path.join(repoRoot, 'dist', 'chart.js');
const EXTENSION_URL = 'vscode-remote://127.0.0.1:8080/ext/dist/chart.js';

/**
 * A web worker's global scope, as far as the chart script sees it: timers and the console, no
 * `module`, `require` or `document`. `importScripts` runs Blob URLs and the `served` URLs; any other URL is refused, as
 * a worker refuses a `vscode-remote:` URL only the extension host resolves.
 */
function workerScope(served: Record<string, string> = {}): ChartScriptScope & { loaded: string[] } {
  const { setTimeout, clearTimeout, setInterval, clearInterval, console, performance, queueMicrotask } = globalThis;
  const timers = { setTimeout, clearTimeout, setInterval, clearInterval, console, performance, queueMicrotask };
  const context = vm.createContext({ ...timers, loaded: [] as string[] }) as ChartScriptScope & { loaded: string[]; self?: unknown };
  context.self = context;
  context.importScripts = (...urls: string[]) => {
    for (const url of urls) {
      const text = url.startsWith('blob:') ? blobText(url) : served[url];
      if (text === undefined) throw new Error(`Failed to execute 'importScripts': The script at '${url}' failed to load.`);
      context.loaded.push(url.startsWith('blob:') ? 'blob:' : url);
      vm.runInContext(text, context);
    }
  };
  return context;
}

/** The worker's Blob URLs, each with its script's text (`URL.createObjectURL` is replaced in the tests). */
const blobs = new Map<string, string>();
const blobText = (url: string): string | undefined => blobs.get(url);

/**
 * The SVG with its generated ids and style classes numbered in order of first use: ECharts numbers
 * them per process (`zr0-cls-4`, then `zr2-cls-21` for the same style in the next chart drawn).
 */
function drawn(svg: string): string {
  const names = new Map<string, number>();
  return svg.replace(/\bzr\d+-[a-z]+-?\d+\b/g, (c) => `zr-${names.get(c) ?? names.set(c, names.size).size - 1}`);
}

const tableSpec = (): ChartSpec => chartSpecOf(readFileSync(path.join(repoRoot, 'test', 'fixtures', 'table', 'english.md'), 'utf8'), frozenKnowledge().kb);

describe('protocol: the chart script in a web worker (dist/chart.js)', () => {
  const { createObjectURL, revokeObjectURL } = URL;
  const NodeBlob = globalThis.Blob;
  beforeEach(() => {
    // A Blob that keeps its text, so that `importScripts` can run a Blob URL at once, as a worker does.
    globalThis.Blob = class extends NodeBlob {
      readonly text0: string;
      constructor(parts: string[], options?: { type?: string }) {
        super(parts, options);
        this.text0 = parts.join('');
      }
    } as typeof Blob;
    URL.createObjectURL = (blob: Blob) => {
      const url = `blob:worker/${blobs.size + 1}`;
      blobs.set(url, (blob as Blob & { text0: string }).text0);
      return url;
    };
    URL.revokeObjectURL = (url: string) => void blobs.delete(url);
  });
  afterEach(() => {
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    globalThis.Blob = NodeBlob;
    blobs.clear();
  });

  it('runs from the extension URL where the worker may load it, and draws what the Node server draws', async () => {
    const scope = workerScope({ 'https://example.test/ext/dist/chart.js': readFileSync(chartScript, 'utf8') });
    const render = await loadWorkerChartRenderer('https://example.test/ext/dist/chart.js', () => assert.fail('the client was asked'), scope);
    assert.deepEqual(scope.loaded, ['https://example.test/ext/dist/chart.js']);
    const spec = tableSpec();
    assert.equal(drawn(render!(spec)), drawn(renderChartSvg(spec)));
    assert.equal(drawn((require(chartScript) as typeof import('../../server/src/chart/render')).renderChartSvg(spec)), drawn(renderChartSvg(spec)));
  });

  it('runs from a Blob of the text the client read where the worker may not load the URL (code-server)', async () => {
    const scope = workerScope();
    const asked: string[] = [];
    const text = readFileSync(chartScript, 'utf8');
    const render = await loadWorkerChartRenderer(EXTENSION_URL, async (url) => (asked.push(url), text), scope);
    assert.deepEqual(asked, [EXTENSION_URL]);
    assert.deepEqual(scope.loaded, ['blob:']);
    assert.equal(blobs.size, 0, 'the Blob URL was not revoked');
    const spec = tableSpec();
    assert.equal(drawn(render!(spec)), drawn(renderChartSvg(spec)));
  });

  it('says which script could not be loaded when the client cannot read it either, and is undefined without a URL', async () => {
    await assert.rejects(loadWorkerChartRenderer(EXTENSION_URL, async () => undefined, workerScope()), {
      message: `The chart script ${EXTENSION_URL} could not be loaded (Failed to execute 'importScripts': The script at '${EXTENSION_URL}' failed to load.) nor read through the client`,
    });
    assert.equal(await loadWorkerChartRenderer(undefined, () => assert.fail('the client was asked'), workerScope()), undefined);
  });
});
