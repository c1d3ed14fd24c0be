/**
 * The chart's SVG made fit for a webview (Show Models Chart, #20), which inlines it under a strict
 * content security policy: no inline styles there, so `style` attributes become presentation
 * attributes and the renderer's `<style>` element goes; each mark of a model says which point it
 * draws (`data-point`, an index into the specification's points), for the webview's hover and
 * click; the neutral colours say what they are (`data-fill`, `data-stroke`: text, muted, grid,
 * paper), so the webview's stylesheet gives them its theme's colours. The page names the chart,
 * so the file's `<title>` and image role go. The file's SVG is unchanged.
 */
import { INK } from './option';

/** Colours the renderer uses beside `INK`: ECharts' axis line, the inside of a hollow mark. */
const INKS: Record<string, keyof typeof INK> = {
  ...Object.fromEntries(Object.entries(INK).map(([name, colour]) => [colour, name as keyof typeof INK])),
  '#54555a': 'muted',
  '#fff': 'paper',
};

/** `marks[series][dataIndex]`: the point a mark draws (`chartMarks`). */
export function viewSvg(svg: string, marks: readonly (readonly number[] | undefined)[]): string {
  return svg
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>\n?/g, '')
    // The page names the chart; as an image its marks could not be reached from the keyboard.
    .replace(/<title>[^<]*<\/title>/, '')
    .replace(/^(<svg\b[^>]*?) role="img"/, '$1')
    .replace(/<([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>/g, (_, tag: string, attrs: string, close: string) => `<${tag}${viewAttributes(attrs, marks)}${close}>`);
}

function viewAttributes(attrs: string, marks: readonly (readonly number[] | undefined)[]): string {
  const list = [...attrs.matchAll(/([\w:-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]] as [string, string]);
  const get = (name: string): string | undefined => list.find(([n]) => n === name)?.[1];
  const out = list.flatMap(([name, value]): [string, string][] => (name === 'style' ? presentation(value) : [[name, value]]));
  for (const paint of ['fill', 'stroke']) {
    const ink = INKS[get(paint)?.toLowerCase() ?? ''];
    if (ink) out.push([`data-${paint}`, ink]);
  }
  const point = get('ecmeta_ssr_type') === 'chart' ? marks[Number(get('ecmeta_series_index'))]?.[Number(get('ecmeta_data_index'))] : undefined;
  if (point !== undefined) out.push(['data-point', String(point)]);
  return out.map(([name, value]) => ` ${name}="${value}"`).join('');
}

/** `font-size:12px;font-family:…` and `font: normal normal 12px …` as attributes. */
function presentation(style: string): [string, string][] {
  const out: [string, string][] = [];
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon === -1) continue;
    const property = declaration.slice(0, colon).trim();
    const value = declaration.slice(colon + 1).trim();
    const font = property === 'font' ? /^(\S+)\s+(\S+)\s+(\S+)\s+(.+)$/.exec(value) : null;
    if (font) out.push(['font-style', font[1]], ['font-weight', font[2]], ['font-size', font[3]], ['font-family', font[4]]);
    else if (/^[a-z-]+$/.test(property) && value) out.push([property, value]);
  }
  return out.map(([name, value]) => [name, value.replace(/"/g, '&quot;')]);
}
