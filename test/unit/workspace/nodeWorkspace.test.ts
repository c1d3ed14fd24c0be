import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { nodeWorkspace } from '../../../server/src/workspace/nodeWorkspace';

describe('workspace/nodeWorkspace: the notes the index reads', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'research-notes-list-'));
  const write = (rel: string, data: string | Buffer) => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), data);
  };
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('lists Markdown notes under the folder, skipping dependencies, build output, huge files and symlink loops', async () => {
    write('a.md', '# A\n');
    write('deep/er/b.markdown', '# B\n');
    write('c.txt', 'not a note');
    write('node_modules/pkg/readme.md', '# dependency\n');
    write('.git/notes.md', '# git\n');
    write('dist/out.md', '# build\n');
    write('huge.md', Buffer.alloc(5 * 1024 * 1024 + 1, 0x61));
    write('binary.md', Buffer.from([0, 159, 146, 150, 0xff, 0xfe]));
    symlinkSync(dir, path.join(dir, 'deep', 'loop'));
    const ws = nodeWorkspace({ folders: () => [pathToFileURL(dir).href], globs: () => [], openText: () => undefined });
    const { uris, skipped } = await ws.listNotes!();
    assert.deepEqual(uris.map((u) => path.relative(dir, new URL(u).pathname)), ['a.md', 'binary.md', 'deep/er/b.markdown']);
    assert.deepEqual(skipped, [`${path.join(dir, 'huge.md')}: larger than 5 MB`]);
    // A note that is not UTF-8 reads as text with replacement characters, never an error.
    assert.equal(typeof (await ws.readFile(uris[1])), 'string');
  });

  it('leaves out the notes and folders the exclude globs name', async () => {
    const root = path.join(dir, 'excl');
    for (const rel of ['keep.md', 'drafts/d.md', 'notes/archive/old.md', 'notes/n.md']) {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), '# x\n');
    }
    const ws = nodeWorkspace({ folders: () => [pathToFileURL(root).href], globs: () => [], exclude: () => ['drafts', '**/archive'], openText: () => undefined });
    const { uris } = await ws.listNotes!();
    assert.deepEqual(uris.map((u) => path.relative(root, new URL(u).pathname)), ['keep.md', 'notes/n.md']);
  });
});
