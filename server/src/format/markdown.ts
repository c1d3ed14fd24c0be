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
  const href = u.href.replace(/[()<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${escapeMarkdown(label ?? shortUrl(u))}](${href})`;
}
