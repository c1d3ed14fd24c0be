import { readdir, readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { globToRegExp, isExcluded, refusePattern, staticPrefix } from './glob';
import type { Workspace, WorkspaceOptions } from './index';
import { MAX_FILES, SKIP_DIRS, skipNote } from './limits';

const MAX_DEPTH = 8;

/**
 * The workspace over the file system: open documents first (`openText`), then disk. Used by
 * the server; tests use the in-memory twin.
 */
export function nodeWorkspace(options: WorkspaceOptions): Workspace {
  return {
    get folders() {
      return options.folders();
    },
    async readFile(uri) {
      const open = options.openText(uri);
      if (open !== undefined) return open;
      try {
        return await readFile(fileURLToPath(uri), 'utf8');
      } catch {
        return undefined;
      }
    },
    async listKnowledgeFiles() {
      const uris = new Set<string>();
      const refused: string[] = [];
      const globs = options.globs();
      for (const folderUri of options.folders()) {
        if (!folderUri.startsWith('file:')) continue;
        const folder = fileURLToPath(folderUri);
        for (const glob of globs) {
          const reason = refusePattern(glob);
          if (reason) {
            refused.push(reason);
            continue;
          }
          const re = globToRegExp(glob);
          const start = path.join(folder, staticPrefix(glob));
          for (const file of await walk(start, MAX_DEPTH)) {
            const rel = path.relative(folder, file).split(path.sep).join('/');
            if (re.test(rel) && uris.size < MAX_FILES) uris.add(pathToFileURL(file).href);
          }
        }
      }
      return { uris: [...uris].sort(), refused };
    },
    async listNotes() {
      const uris: string[] = [];
      const skipped: string[] = [];
      const exclude = (options.exclude?.() ?? []).map(globToRegExp);
      for (const folderUri of options.folders()) {
        if (!folderUri.startsWith('file:')) continue;
        const folder = fileURLToPath(folderUri);
        const excluded = (file: string): boolean => isExcluded(path.relative(folder, file).split(path.sep).join('/'), exclude);
        for (const file of await walk(folder, MAX_DEPTH, excluded)) {
          if (!/\.(?:md|markdown)$/i.test(file)) continue;
          const size = (await stat(file).catch(() => undefined))?.size ?? 0;
          const skip = skipNote(file, size, uris.length);
          if (skip) skipped.push(skip);
          else uris.push(pathToFileURL(file).href);
        }
      }
      return { uris: [...new Set(uris)].sort(), skipped };
    },
  };
}

/** The files under `dir`, `depth` folders down, leaving out what `skip` names (files and folders). */
async function walk(dir: string, depth: number, skip: (file: string) => boolean = () => false): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (skip(full)) continue;
    if (e.isFile()) files.push(full);
    else if (e.isDirectory() && depth > 0 && !SKIP_DIRS.includes(e.name)) files.push(...(await walk(full, depth - 1, skip)));
  }
  return files;
}
