/**
 * Where a note's chart lives and how the note links it: `figures/<note>.models.svg` beside the
 * note (the folder is a setting), linked as `![alt](figures/<note>.models.svg)`. An image link to
 * a `.models.svg` is a chart link: the command redraws its file instead of adding another.
 */

/** The chart file of the note at `noteUri` under `folder` (relative to the note's folder): its URI and the link to it. */
export function chartFile(noteUri: string, folder: string): { uri: string; link: string } {
  const name = noteUri.slice(noteUri.lastIndexOf('/') + 1).replace(/\.(md|markdown)$/i, '');
  const dir = folder
    .split('/')
    .filter((s) => s !== '' && s !== '.')
    .map((s) => (s === '..' ? s : encodeURIComponent(s)))
    .join('/');
  const link = `${dir ? `${dir}/` : ''}${name}.models.svg`;
  return { uri: new URL(link, noteUri).href, link };
}

/** A chart link in `text`: its span, its alternative text's (inside the brackets), and the URI of the file it shows. */
export interface ChartLink {
  start: number;
  end: number;
  alt: { start: number; end: number };
  uri: string;
}

const IMAGE_LINK = /!\[((?:[^\]\\\n]|\\.)*)\]\(\s*(<[^>\n]+>|[^\s()]+)(?:\s+"[^"\n]*")?\s*\)/g;

/** The chart link holding `offset` (either end included), resolved against the note's URI; undefined when there is none. */
export function chartLinkAt(text: string, offset: number, noteUri: string): ChartLink | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  const line = text.slice(lineStart, nl === -1 ? text.length : nl);
  for (const m of line.matchAll(IMAGE_LINK)) {
    const start = lineStart + m.index;
    const end = start + m[0].length;
    const destination = m[2].replace(/^<|>$/g, '');
    if (start > offset || offset > end || !/\.models\.svg$/i.test(destination) || /^[a-z][\w+.-]*:/i.test(destination)) continue;
    return { start, end, alt: { start: start + 2, end: start + 2 + m[1].length }, uri: new URL(destination, noteUri).href };
  }
  return undefined;
}

/** `![alt](link)` with the alternative text's brackets and backslashes escaped. */
export function imageLink(alt: string, link: string): string {
  return `![${escapeAlt(alt)}](${link})`;
}

/** Alternative text as it stands between an image link's brackets. */
export function escapeAlt(alt: string): string {
  return alt.replace(/[\\[\]]/g, '\\$&');
}
