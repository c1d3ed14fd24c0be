/**
 * Markdown built from knowledge files is untrusted: every value is escaped so that a name
 * with `[`, `<` or `*` renders as text, and only http(s) URLs become links.
 */

/**
 * Escapes Markdown and HTML syntax in `text` so it renders literally. Values are never at the
 * start of a line in our hovers and tables, so block syntax (`#`, `-`, `1.`) needs no escape.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/[\\`*_[\]|~>]/g, (c) => `\\${c}`)
    .replace(/\r\n?|\n|[\u2028\u2029]/g, ' ');
}

/** The URL if it is a well-formed http(s) URL, else undefined. */
export function safeUrl(url: string): URL | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : undefined;
  } catch {
    return undefined;
  }
}

/** `huggingface.co/deepseek-ai/DeepSeek-V3.1`: host and path, shortened to `max` characters. */
export function shortUrl(u: URL, max = 48): string {
  const s = u.hostname.replace(/^www\./, '') + decodeURIComponentSafe(u.pathname).replace(/\/$/, '') + u.search;
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** `[label](url)` for an http(s) URL (label: its short form); escaped plain text for anything else. */
export function markdownLink(url: string, label?: string): string {
  const u = safeUrl(url);
  if (!u) return escapeMarkdown(url);
  return `[${escapeMarkdown(label ?? shortUrl(u))}](${linkTarget(u)})`;
}

/** `file:///w/my%20note.md` → `my note.md`: how a note is named in hovers and messages. */
export function fileName(uri: string): string {
  return decodeURIComponentSafe(uri.slice(uri.lastIndexOf('/') + 1));
}

/** Schemes of the user's own notes (desktop, remote, vscode.dev/github.dev) that a hover may link to. */
const NOTE_SCHEMES = new Set(['file:', 'vscode-vfs:', 'vscode-remote:']);

/**
 * `[label](uri#L12)`: a link that opens a note at a line in VS Code (other clients show the
 * label); escaped plain text for a URI of any other scheme (never `command:`).
 */
export function noteLink(uri: string, line: number, label: string): string {
  let u: URL;
  try {
    u = new URL(uri);
  } catch {
    return escapeMarkdown(label);
  }
  if (!NOTE_SCHEMES.has(u.protocol)) return escapeMarkdown(label);
  u.hash = `L${line + 1}`;
  return `[${escapeMarkdown(label)}](${linkTarget(u)})`;
}

/** A URL as a link destination: the characters that would end or break it percent-encoded. */
function linkTarget(u: URL): string {
  return u.href.replace(/[()<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
