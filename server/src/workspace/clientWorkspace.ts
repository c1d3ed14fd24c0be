import type { FindFilesParams, FindFilesResult, ReadFileParams, ReadFileResult } from '../protocol';
import { globToRegExp, isExcluded, refusePattern, relativeTo } from './glob';
import type { Workspace, WorkspaceOptions } from './index';
import { MAX_FILES, MAX_NOTES, SKIP_DIRS, skipNote } from './limits';

/**
 * The client's side of the workspace: `researchNotes/readFile` and `researchNotes/findFiles`
 * (`protocol.ts`), answered by the VS Code client with `workspace.fs` and `workspace.findFiles`.
 */
export interface WorkspaceClient {
  readFile(params: ReadFileParams): Promise<ReadFileResult>;
  findFiles(params: FindFilesParams): Promise<FindFilesResult>;
}

const NOTES_GLOB = '**/*.{md,markdown}';
const SKIPPED_GLOB = `**/{${SKIP_DIRS.join(',')}}/**`;

/**
 * The workspace read through the client, for a server without a file system (the web worker):
 * open documents first (`openText`), then the client. Lists what `nodeWorkspace` lists, in any
 * URI scheme the client can read (`vscode-vfs:`, `vscode-remote:`, `file:`).
 */
export function clientWorkspace(options: WorkspaceOptions & { client: WorkspaceClient }): Workspace {
  const { client } = options;
  return {
    get folders() {
      return options.folders();
    },
    async readFile(uri) {
      const open = options.openText(uri);
      if (open !== undefined) return open;
      return (await client.readFile({ uri }).catch(() => null))?.text;
    },
    async listKnowledgeFiles() {
      const uris = new Set<string>();
      const refused: string[] = [];
      for (const folder of options.folders()) {
        for (const glob of options.globs()) {
          const reason = refusePattern(glob);
          if (reason) refused.push(reason);
          else for (const uri of await find(client, { folder, include: glob, exclude: SKIPPED_GLOB, maxResults: MAX_FILES })) if (uris.size < MAX_FILES) uris.add(uri.uri);
        }
      }
      return { uris: [...uris].sort(), refused };
    },
    async listNotes() {
      const uris: string[] = [];
      const skipped: string[] = [];
      const exclude = (options.exclude?.() ?? []).map(globToRegExp);
      for (const folder of options.folders()) {
        const found = await find(client, { folder, include: NOTES_GLOB, exclude: SKIPPED_GLOB, maxResults: 2 * MAX_NOTES, sizes: true });
        for (const { uri, size } of found.sort((a, b) => (a.uri < b.uri ? -1 : 1))) {
          const relative = relativeTo(uri, folder);
          if (relative === undefined || isExcluded(relative, exclude)) continue;
          const skip = skipNote(uri, size ?? 0, uris.length);
          if (skip) skipped.push(skip);
          else uris.push(uri);
        }
      }
      return { uris: [...new Set(uris)].sort(), skipped };
    },
  };
}

/** The client's answer, or nothing when it cannot search (a refused request is no error here). */
async function find(client: WorkspaceClient, params: FindFilesParams): Promise<FindFilesResult['files']> {
  return (await client.findFiles(params).catch(() => undefined))?.files ?? [];
}
