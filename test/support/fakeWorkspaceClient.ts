/**
 * An in-memory stand-in for the VS Code client's side of `researchNotes/readFile` and
 * `researchNotes/findFiles` (`client/src/workspaceFiles.ts`): files by URI, globs matched as
 * `workspace.findFiles` matches a relative pattern.
 */
import type { FindFilesParams, FindFilesResult, ReadFileParams, ReadFileResult } from '../../server/src/protocol';
import { globToRegExp, relativeTo } from '../../server/src/workspace/glob';
import type { WorkspaceClient } from '../../server/src/workspace/clientWorkspace';

export class FakeWorkspaceClient implements WorkspaceClient {
  /** Every request, in order: `readFile <uri>`, `findFiles <include>`. */
  readonly requests: string[] = [];
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });

  constructor(private readonly files: Map<string, Uint8Array>) {}

  /** A client over `tree` (paths relative to `folder`, with `/`), its URIs encoded as VS Code's `Uri.toString()`. */
  static of(folder: string, tree: Record<string, string | Uint8Array>): FakeWorkspaceClient {
    const encoder = new TextEncoder();
    const files = new Map<string, Uint8Array>();
    for (const [rel, data] of Object.entries(tree)) {
      files.set(`${folder}/${rel.split('/').map(encodeURIComponent).join('/')}`, typeof data === 'string' ? encoder.encode(data) : data);
    }
    return new FakeWorkspaceClient(files);
  }

  async readFile({ uri }: ReadFileParams): Promise<ReadFileResult> {
    this.requests.push(`readFile ${uri}`);
    const bytes = this.files.get(uri);
    return bytes ? { text: this.decoder.decode(bytes) } : null;
  }

  async findFiles({ folder, include, exclude, maxResults, sizes }: FindFilesParams): Promise<FindFilesResult> {
    this.requests.push(`findFiles ${include}`);
    const includes = globToRegExp(include);
    const excludes = exclude ? globToRegExp(exclude) : undefined;
    const files: FindFilesResult['files'] = [];
    for (const [uri, bytes] of this.files) {
      const relative = relativeTo(uri, folder);
      if (relative === undefined || !includes.test(relative) || excludes?.test(relative)) continue;
      if (files.length < maxResults) files.push({ uri, ...(sizes ? { size: bytes.byteLength } : {}) });
    }
    return { files };
  }
}
