import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { clientWorkspace } from '../../../server/src/workspace/clientWorkspace';
import { nodeWorkspace } from '../../../server/src/workspace/nodeWorkspace';
import { FakeWorkspaceClient } from '../../support/fakeWorkspaceClient';
import { workspaceContract, type FileTree, type WorkspaceOptions } from '../../support/workspaceContract';

/** Open documents by URI, from paths relative to `folder`. */
function openTexts(folder: string, open: Record<string, string> = {}): Map<string, string> {
  return new Map(Object.entries(open).map(([rel, text]) => [`${folder}/${rel.split('/').map(encodeURIComponent).join('/')}`, text]));
}

workspaceContract('nodeWorkspace (the desktop server, over the disk)', (files: FileTree, options: WorkspaceOptions = {}) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'research-notes-contract-'));
  for (const [rel, data] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), data);
  }
  const folder = pathToFileURL(dir).href;
  const open = openTexts(folder, options.open);
  const workspace = nodeWorkspace({ folders: () => [folder], globs: () => options.globs ?? [], exclude: () => options.exclude ?? [], openText: (uri) => open.get(uri) });
  return { workspace, folder, dispose: () => rmSync(dir, { recursive: true, force: true }) };
});

workspaceContract('clientWorkspace (the browser server, through an in-memory client)', (files: FileTree, options: WorkspaceOptions = {}) => {
  // github.dev's scheme: nothing in the proxied workspace may assume `file:`.
  const folder = 'vscode-vfs://github/owner/notes';
  const open = openTexts(folder, options.open);
  const client = FakeWorkspaceClient.of(folder, files);
  const workspace = clientWorkspace({ client, folders: () => [folder], globs: () => options.globs ?? [], exclude: () => options.exclude ?? [], openText: (uri) => open.get(uri) });
  return { workspace, folder, dispose: () => undefined };
});

describe('clientWorkspace: a client that refuses the requests', () => {
  it('reads nothing and lists nothing, without throwing (the open document still reads)', async () => {
    const refuse = () => Promise.reject(new Error('Unhandled method researchNotes/readFile'));
    const folder = 'vscode-vfs://github/owner/notes';
    const workspace = clientWorkspace({
      client: { readFile: refuse, findFiles: refuse },
      folders: () => [folder],
      globs: () => ['.research-notes/*.yaml'],
      openText: (uri) => (uri === `${folder}/open.md` ? '# open\n' : undefined),
    });
    assert.equal(await workspace.readFile(`${folder}/a.md`), undefined);
    assert.equal(await workspace.readFile(`${folder}/open.md`), '# open\n');
    assert.deepEqual(await workspace.listKnowledgeFiles(), { uris: [], refused: [] });
    assert.deepEqual(await workspace.listNotes!(), { uris: [], skipped: [] });
  });
});
