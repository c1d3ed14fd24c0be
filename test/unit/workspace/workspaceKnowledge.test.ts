import * as assert from 'node:assert/strict';
import { loadBundledKnowledgeBase } from '../../../server/src/knowledge/bundled';
import type { Logger, Workspace } from '../../../server/src/workspace';
import { WorkspaceKnowledge } from '../../../server/src/knowledge/workspace';
import { dataDir } from '../../support/knowledge';

const quiet: Logger = { info() {}, warn() {}, error() {} };
const entry = (name: string) => `models:\n  - id: acme-zeta\n    name: ${name}\n    sources: ["https://example.org/zeta"]\n`;

/** A workspace whose files live in a map: the in-memory twin of the server's. */
function memoryWorkspace(files: Map<string, string>): Workspace {
  return {
    folders: ['file:///ws'],
    readFile: async (uri) => files.get(uri),
    listKnowledgeFiles: async () => ({ uris: [...files.keys()].filter((u) => u.includes('/.research-notes/')), refused: [] }),
  };
}

describe('workspace knowledge', () => {
  const bundled = loadBundledKnowledgeBase(dataDir).kb;
  const uri = 'file:///ws/.research-notes/mine.yaml';

  it('rebuilds only when a file’s text changed, and forgets a deleted file', async () => {
    const files = new Map([[uri, entry('Zeta')]]);
    const wk = new WorkspaceKnowledge(bundled, memoryWorkspace(files), quiet);
    await wk.reload();
    const first = wk.current();
    assert.equal(first.get('acme-zeta')?.name, 'Zeta');
    assert.equal(await wk.update(uri, entry('Zeta')), false, 'same text as loaded');
    assert.equal(wk.current(), first);
    assert.equal(await wk.update(uri, entry('Zeta 2')), true);
    assert.equal(wk.current().get('acme-zeta')?.name, 'Zeta 2');
    assert.ok(wk.current().version > first.version);
    files.delete(uri);
    assert.equal(await wk.update(uri), true);
    assert.equal(wk.current().get('acme-zeta'), undefined);
    assert.deepEqual(wk.files(), []);
    assert.equal(await wk.update(uri), false, 'still gone');
  });

  it('gives a note with front-matter entities its own knowledge, shared while the front matter is unchanged', async () => {
    const wk = new WorkspaceKnowledge(bundled, memoryWorkspace(new Map()), quiet);
    await wk.reload();
    const note = '---\nentities:\n  models:\n    - id: local\n      name: Local-7B\n---\nLocal-7B\n';
    const kb = wk.forNote('file:///ws/n.md', note);
    assert.equal(kb.get('local')?.name, 'Local-7B');
    assert.equal(wk.forNote('file:///ws/n.md', `${note}more text\n`), kb);
    assert.equal(wk.forNote('file:///ws/plain.md', 'no front matter'), wk.current());
  });
});
