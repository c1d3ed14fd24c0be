import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { globToRegExp, staticPrefix } from '../../server/src/workspace/glob';
import { FindFilesRequest, ReadFileRequest, type FindFilesParams, type FindFilesResult, type ReadFileParams, type ReadFileResult } from '../../server/src/protocol';

/**
 * Files for a server that cannot read them (the web worker): `researchNotes/readFile` with
 * `workspace.fs`, `researchNotes/findFiles` with `workspace.findFiles`, in any scheme VS Code
 * reads (`vscode-vfs:` on github.dev, `vscode-remote:`, `file:`).
 */
export function serveWorkspaceFiles(client: BaseLanguageClient, mark?: (name: string) => void): vscode.Disposable[] {
  if (!mark) return [client.onRequest(ReadFileRequest, readFile), client.onRequest(FindFilesRequest, findFiles)];
  return [client.onRequest(ReadFileRequest, marked('readFile', readFile, mark)), client.onRequest(FindFilesRequest, marked('findFiles', findFiles, mark))];
}

/** `answer`, marking when it is first asked and first answers (#21: where the first second goes). */
function marked<P, R>(what: string, answer: (params: P) => Promise<R>, mark: (name: string) => void): (params: P) => Promise<R> {
  let first = true;
  return async (params) => {
    const once = first;
    first = false;
    if (once) mark(`first ${what} asked`);
    const result = await answer(params);
    if (once) mark(`first ${what} answered`);
    return result;
  };
}

// As Node's `readFile(…, 'utf8')`: invalid bytes become U+FFFD, a byte order mark stays.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

export async function readFile({ uri }: ReadFileParams): Promise<ReadFileResult> {
  try {
    return { text: decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri))) };
  } catch {
    return null;
  }
}

export async function findFiles(params: FindFilesParams): Promise<FindFilesResult> {
  const folder = vscode.Uri.parse(params.folder);
  const uris = (await inOneFolder(folder, params.include, params.maxResults)) ?? (await search(folder, params));
  const files = await Promise.all(uris.map(async (uri) => ({ uri: uri.toString(), ...(params.sizes ? { size: await sizeOf(uri) } : {}) })));
  return { files };
}

function search(folder: vscode.Uri, params: FindFilesParams): Thenable<vscode.Uri[]> {
  const exclude = params.exclude ? new vscode.RelativePattern(folder, params.exclude) : null;
  return vscode.workspace.findFiles(new vscode.RelativePattern(folder, params.include), exclude, params.maxResults);
}

/**
 * The files a pattern selects in one folder (`.research-notes/*.{yaml,yml,json}`, the default
 * knowledge files), by listing that folder: the search service costs seconds on its first call,
 * and the server's first answers wait for the knowledge files. Undefined for a pattern with `**`
 * or a wildcard folder, which need the search.
 */
async function inOneFolder(folder: vscode.Uri, include: string, maxResults: number): Promise<vscode.Uri[] | undefined> {
  const pattern = include.replace(/\\/g, '/').replace(/^\.\//, '');
  const dir = staticPrefix(pattern);
  const name = pattern.slice(dir ? dir.length + 1 : 0);
  if (name.includes('/') || pattern.includes('**')) return undefined;
  const re = globToRegExp(name);
  const base = dir ? vscode.Uri.joinPath(folder, ...dir.split('/')) : folder;
  const entries = await Promise.resolve(vscode.workspace.fs.readDirectory(base)).catch(() => []);
  return entries
    .filter(([entry, type]) => (type & vscode.FileType.File) !== 0 && re.test(entry))
    .slice(0, maxResults)
    .map(([entry]) => vscode.Uri.joinPath(base, entry));
}

async function sizeOf(uri: vscode.Uri): Promise<number> {
  return (await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined))?.size ?? 0;
}
