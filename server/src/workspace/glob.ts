/**
 * The small glob dialect of `researchNotes.knowledgeFiles`: `*` and `?` within a path segment,
 * `**` across segments, `{a,b}` alternatives. Patterns are relative to a workspace folder.
 */

/** Why a pattern is refused, or undefined when it stays inside the folder. */
export function refusePattern(pattern: string): string | undefined {
  const p = pattern.replace(/\\/g, '/');
  if (p.startsWith('/') || /^[a-zA-Z]:/.test(p)) return `"${pattern}" is an absolute path; knowledge files are given relative to the workspace folder.`;
  if (p.split('/').includes('..')) return `"${pattern}" leaves the workspace folder; knowledge files must be inside it.`;
  return undefined;
}

/** A regular expression matching workspace-relative paths (with `/`) against `pattern`. */
export function globToRegExp(pattern: string): RegExp {
  let re = '';
  const p = pattern.replace(/\\/g, '/').replace(/^\.\//, '');
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '*') {
      if (p[i + 1] === '*') {
        const slash = p[i + 2] === '/';
        re += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const close = p.indexOf('}', i);
      if (close === -1) re += '\\{';
      else {
        re += `(?:${p.slice(i + 1, close).split(',').map(escapeRegExp).join('|')})`;
        i = close;
      }
    } else re += escapeRegExp(c);
  }
  return new RegExp(`^${re}$`);
}

/** The directory part of `pattern` before its first wildcard: where a walk can start. */
export function staticPrefix(pattern: string): string {
  const segments = pattern.replace(/\\/g, '/').replace(/^\.\//, '').split('/');
  const fixed: string[] = [];
  for (const s of segments.slice(0, -1)) {
    if (/[*?{]/.test(s)) break;
    fixed.push(s);
  }
  return fixed.join('/');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `uri`'s path relative to `folder` (decoded, with `/`); undefined outside it, and for a crafted
 * `..` (or `%2e%2e`), which never stays inside it.
 */
export function relativeTo(uri: string, folder: string): string | undefined {
  const base = folder.endsWith('/') ? folder : `${folder}/`;
  if (!uri.startsWith(base)) return undefined;
  const relative = safeDecode(uri.slice(base.length));
  if (relative === undefined || relative.split(/[\\/]/).some((part) => part === '..' || part === '.')) return undefined;
  return relative;
}

/** Whether `uri` is a file the `globs` select in one of `folders`, relative to that folder. */
export function matchesInFolders(uri: string, folders: readonly string[], globs: readonly RegExp[]): boolean {
  return folders.some((folder) => {
    const relative = relativeTo(uri, folder);
    return relative !== undefined && globs.some((re) => re.test(relative));
  });
}

/**
 * Whether an exclude glob (`researchNotes.exclude`, `files.exclude`) names the relative path or
 * a folder above it: `drafts` and `**\/drafts` exclude `drafts/a.md`, as in VS Code.
 */
export function isExcluded(relative: string, globs: readonly RegExp[]): boolean {
  if (globs.length === 0) return false;
  const parts = relative.split('/');
  return parts.some((_, i) => globs.some((re) => re.test(parts.slice(0, i + 1).join('/'))));
}

/** Whether `uri`, in one of `folders`, is excluded there (see `isExcluded`). */
export function isExcludedInFolders(uri: string, folders: readonly string[], globs: readonly RegExp[]): boolean {
  return folders.some((folder) => {
    const relative = relativeTo(uri, folder);
    return relative !== undefined && isExcluded(relative, globs);
  });
}

/** `decodeURIComponent`, or undefined for a malformed escape. */
function safeDecode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}
