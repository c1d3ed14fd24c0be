/**
 * What every implementation of the server's `Workspace` must do, as one mocha suite: the Node one
 * (`nodeWorkspace`, over the disk) and the client-proxied one (`clientWorkspace`, over
 * `researchNotes/readFile` and `researchNotes/findFiles`) both run it.
 */
import * as assert from 'node:assert/strict';
import type { Workspace } from '../../server/src/workspace';

export type FileTree = Record<string, string | Uint8Array>;

export interface WorkspaceUnderTest {
  workspace: Workspace;
  /** The one workspace folder's URI. */
  folder: string;
  dispose(): void;
}

export interface WorkspaceOptions {
  globs?: string[];
  exclude?: string[];
  /** Open documents' text, by path relative to the folder. */
  open?: Record<string, string>;
}

/** Makes a workspace of one folder holding `files` (paths relative to it, with `/`). */
export type WorkspaceFactory = (files: FileTree, options?: WorkspaceOptions) => WorkspaceUnderTest;

const DEFAULT_GLOBS = ['.research-notes/*.{yaml,yml,json}'];

export function workspaceContract(name: string, make: WorkspaceFactory): void {
  describe(`workspace contract: ${name}`, () => {
    let current: WorkspaceUnderTest | undefined;
    const open = (files: FileTree, options: WorkspaceOptions = {}) => (current = make(files, { globs: DEFAULT_GLOBS, ...options }));
    afterEach(() => current?.dispose());
    /** `uri` relative to the folder, decoded; the test fails for a URI outside it. */
    const rel = (uri: string): string => {
      const base = `${current!.folder}/`;
      assert.ok(uri.startsWith(base), `Unexpected ${uri}, expected a URI under ${base}`);
      return decodeURIComponent(uri.slice(base.length));
    };
    const uriOf = (relative: string) => `${current!.folder}/${relative.split('/').map(encodeURIComponent).join('/')}`;

    it('names its folder', () => {
      const { workspace, folder } = open({ 'a.md': '# A\n' });
      assert.deepEqual(workspace.folders, [folder]);
    });

    it('reads a file, the open document before the stored text, and nothing for a missing file', async () => {
      const { workspace } = open({ 'a.md': '# stored\n', '노트.md': '딥시크 V3.1\n', 'b.md': '# B\n' }, { open: { 'b.md': '# open, unsaved\n' } });
      assert.equal(await workspace.readFile(uriOf('a.md')), '# stored\n');
      assert.equal(await workspace.readFile(uriOf('노트.md')), '딥시크 V3.1\n');
      assert.equal(await workspace.readFile(uriOf('b.md')), '# open, unsaved\n');
      assert.equal(await workspace.readFile(uriOf('missing.md')), undefined);
    });

    it('reads bytes that are not UTF-8 as text with replacement characters', async () => {
      const { workspace } = open({ 'binary.md': Uint8Array.from([0x61, 0xff, 0xfe, 0x62]) });
      assert.equal(await workspace.readFile(uriOf('binary.md')), 'a\ufffd\ufffdb');
    });

    it('lists the knowledge files the globs select, sorted, outside dependencies', async () => {
      const { workspace } = open(
        {
          '.research-notes/b.yaml': 'models: []\n',
          '.research-notes/a.json': '{}',
          '.research-notes/notes.md': '# not knowledge\n',
          'kb/extra.yml': 'models: []\n',
          'node_modules/pkg/.research-notes/x.yaml': 'models: []\n',
        },
        { globs: [...DEFAULT_GLOBS, 'kb/*.yml', '**/.research-notes/*.yaml'] },
      );
      const { uris, refused } = await workspace.listKnowledgeFiles();
      assert.deepEqual(uris.map(rel), ['.research-notes/a.json', '.research-notes/b.yaml', 'kb/extra.yml']);
      assert.deepEqual(refused, []);
    });

    it('refuses knowledge globs that are absolute or leave the folder, with the reason', async () => {
      const { workspace } = open({ '.research-notes/a.yaml': 'models: []\n' }, { globs: ['/etc/*.yaml', '../other/*.yaml', ...DEFAULT_GLOBS] });
      const { uris, refused } = await workspace.listKnowledgeFiles();
      assert.deepEqual(uris.map(rel), ['.research-notes/a.yaml']);
      assert.deepEqual(refused, [
        '"/etc/*.yaml" is an absolute path; knowledge files are given relative to the workspace folder.',
        '"../other/*.yaml" leaves the workspace folder; knowledge files must be inside it.',
      ]);
    });

    it('lists the Markdown notes, sorted, without dependencies, build output and version control', async () => {
      const { workspace } = open({
        'a.md': '# A\n',
        'deep/er/b.markdown': '# B\n',
        '노트.md': '# 노트\n',
        'c.txt': 'not a note',
        'node_modules/pkg/readme.md': '# dependency\n',
        '.git/notes.md': '# git\n',
        'dist/out.md': '# build\n',
        'out/x.md': '# build\n',
      });
      const { uris, skipped } = await workspace.listNotes!();
      // Sorted by URI: the encoded Hangul name (%EB…) before Latin letters.
      assert.deepEqual(uris.map(rel), ['노트.md', 'a.md', 'deep/er/b.markdown']);
      assert.deepEqual(skipped, []);
    });

    it('leaves out the notes and folders the exclude globs name', async () => {
      const { workspace } = open({ 'keep.md': '# x\n', 'drafts/d.md': '# x\n', 'notes/archive/old.md': '# x\n', 'notes/n.md': '# x\n' }, { exclude: ['drafts', '**/archive'] });
      const { uris } = await workspace.listNotes!();
      assert.deepEqual(uris.map(rel), ['keep.md', 'notes/n.md']);
    });

    it('skips a note larger than 5 MB, saying so', async () => {
      const { workspace } = open({ 'a.md': '# A\n', 'huge.md': new Uint8Array(5 * 1024 * 1024 + 1).fill(0x61) });
      const { uris, skipped } = await workspace.listNotes!();
      assert.deepEqual(uris.map(rel), ['a.md']);
      assert.equal(skipped.length, 1);
      assert.match(skipped[0], /huge\.md: larger than 5 MB$/);
    });
  });
}
