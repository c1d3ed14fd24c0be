/**
 * The chart as a self-contained SVG, drawn by Apache ECharts' server-side renderer (no DOM).
 * This module is the entry of `dist/chart.js`, which the server and the CLI load only when a
 * chart is drawn (`load.ts`): ECharts never loads at start or on the keystroke path.
 */
import { init, use } from 'echarts/core';
import { LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import { chartOption, DEFAULT_CHART_SIZE, type ChartSize } from './option';
import type { ChartSpec } from './spec';

use([ScatterChart, LineChart, GridComponent, LegendComponent, TitleComponent, LabelLayout, SVGRenderer]);

/** The SVG document of `spec`, with its alternative text as the image's `<title>`. */
export function renderChartSvg(spec: ChartSpec, size: ChartSize = DEFAULT_CHART_SIZE): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption(chartOption(spec, size));
    const svg = chart.renderToSVGString();
    return `${svg.replace(/^<svg\b[^>]*>/, (open) => `${open.replace(/>$/, ' role="img">')}<title>${escapeXml(spec.alt)}</title>`)}\n`;
  } finally {
    // Also stops the renderer's animation loop, which would keep a CLI process alive.
    chart.dispose();
  }
}

function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
