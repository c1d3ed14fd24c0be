import * as assert from 'node:assert/strict';
import { eventually, extension, openNote, runContext } from './support';

describe('activation', () => {
  it('waits for a Markdown note', () => {
    assert.equal(extension().isActive, false);
  });

  it('activates on opening a Markdown note, loaded from where this run installed it', async () => {
    const doc = await openNote('skt-500b-ko.md');
    assert.equal(doc.languageId, 'markdown');
    const ext = extension();
    await eventually('activation', async () => ext.isActive, Boolean);
    assert.equal(ext.extensionPath, runContext().extensionPath);
  });

  it('runs its language client with the "Research Notes" output channel', () => {
    const api = extension().exports;
    assert.equal(api.outputChannel.name, 'Research Notes');
    assert.equal(api.client.isRunning(), true);
  });
});
