import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { ChartSize } from './option';
import type { ChartSpec } from './spec';

/** Draws a chart specification as an SVG document (`render.ts`). */
export type RenderChartSvg = (spec: ChartSpec, size?: ChartSize) => string;

/**
 * The SVG renderer, loaded on first call: `chart.js` beside the bundle that calls this (the
 * server's or the CLI's `dist/`), or `render.ts` itself when running from source (tests). The
 * path is computed so that esbuild leaves ECharts out of the server and CLI bundles.
 */
export function loadChartRenderer(dir: string = __dirname): RenderChartSvg {
  const bundled = path.join(dir, 'chart.js');
  const file = existsSync(bundled) ? bundled : path.join(dir, 'render');
  return (require(file) as typeof import('./render')).renderChartSvg;
}
