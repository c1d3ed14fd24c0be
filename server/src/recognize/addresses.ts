/**
 * Addresses written as plain text are not prose (#13): a web address with a path, bare or in angle
 * brackets (`github.com/meta-llama/llama-models`, `<huggingface.co/meta-llama>`), a host alone in
 * lowercase (`huggingface.co`; `Mistral.AI` is a name), and a file name
 * (`standalone-olmo3-plus-kvcache.ipynb`, `models/llama4/MODEL_CARD.md`). A name inside one
 * (`meta-llama`, `olmo3`) is part of the address, not a mention. Repository ids stay mentions
 * (`huggingface.co/Qwen/Qwen3-8B` names Qwen3-8B): the alias index keeps those itself.
 *
 * The mask already hides link destinations and autolinks (`markdown/prose.ts`); these are the
 * addresses CommonMark reads as text. Read only around a name found, within its line, so prose
 * without names costs nothing, and an edit of the line's paragraph re-reads it.
 */

/** Characters that end an address: spaces, masked syntax, brackets and quotes around it. */
const BOUNDARY = new Set([...' \t\n\r\f\v\u00a0\u3000\u0000<>()[]{}"\'`“”‘’「」『』']);
const isBoundary = (c: string): boolean => BOUNDARY.has(c);

/** How far from a name an address may start or end: longer runs are not read. */
const REACH = 256;

/** A host with a top-level domain (`huggingface.co`), and a scheme before one (`https://`). */
const HOST = String.raw`(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,24}`;
const SCHEME = String.raw`[a-z][a-z0-9+.-]*:\/\/`;

/**
 * A host, then a path (`github.com/…`, `https://x.ai/…`), or after a scheme with none
 * (`https://chat.koalpaca.com`, a link's text that writes its address).
 */
const WEB_ADDRESS = new RegExp(String.raw`^(?:(?:${SCHEME})?${HOST}(?::\d+)?\/|${SCHEME}${HOST}(?::\d+)?$)`, 'i');

/** A host alone, in lowercase as addresses are written (`huggingface.co`); `Mistral.AI` is a name. */
const BARE_HOST = new RegExp(`^${HOST}$`);

/** A file name or path with an extension of code, notebooks, documents or data. */
const FILE_NAME = /^[\w./-]*[\w-]\.(?:ipynb|py|js|mjs|cjs|ts|tsx|jsx|md|mdx|rst|json|jsonl|ya?ml|toml|txt|sh|cfg|ini|csv|tsv|html?|pdf|rs|java|kt|swift|cpp|hpp|cc)$/i;

/** Punctuation that may end a sentence after an address (`see github.com/x/y.`). */
const TRAILING = /[.,;:!?]+$/;

/**
 * Whether `mask[start, end)`, a name found, lies inside an address or a file name: the run of
 * characters around it up to a space, bracket or quote is one.
 */
export function inAddress(mask: string, start: number, end: number): boolean {
  // Most names stand alone: an address has a dot (a domain, an extension), seen while reading on.
  let dot = false;
  let a = start;
  for (; a > 0 && start - a < REACH && !isBoundary(mask[a - 1]); a--) dot ||= mask[a - 1] === '.';
  let b = end;
  for (; b < mask.length && b - end < REACH && !isBoundary(mask[b]); b++) dot ||= mask[b] === '.';
  if (!dot && !mask.slice(start, end).includes('.')) return false;
  const token = mask.slice(a, b).replace(TRAILING, '');
  return WEB_ADDRESS.test(token) || BARE_HOST.test(token) || FILE_NAME.test(token);
}
