import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Position, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { InsertComparisonTableArgs } from '../../server/src/protocol';
import { inProcess } from '../support/knowledge';
import { examplesDir, fileUri, repoRoot, sharedServer, type StartedClient, type TestClient } from '../support/lspClient';
import { positionOf } from '../support/text';

const command = 'researchNotes.insertComparisonTable';
const english = readFileSync(path.join(repoRoot, 'test', 'fixtures', 'table', 'english.md'), 'utf8');

/** The one text edit of the one versioned document edit the server sent. */
function onlyEdit(client: TestClient): { version: number | null; range: unknown; newText: string } {
  assert.equal(client.appliedEdits.length, 1, 'one workspace/applyEdit');
  const changes = client.appliedEdits[0].edit.documentChanges as TextDocumentEdit[];
  assert.equal(changes.length, 1);
  assert.equal(changes[0].edits.length, 1);
  const edit = changes[0].edits[0] as { range: unknown; newText: string };
  return { version: changes[0].textDocument.version, range: edit.range, newText: edit.newText };
}

/**
 * The table the language service in this process makes for `text` (English UI) over the bundled
 * data, as the server reads it: the rows' facts are the bundled data's, checked against a frozen
 * copy by the unit tests, so here they are compared, not pinned a second time.
 */
function tableInProcess(text: string, position: Position, options?: InsertComparisonTableArgs['options']): string {
  const result = inProcess({ locale: 'en' }).comparisonTableEdit(TextDocument.create('file:///notes/in-process.md', 'markdown', 1, text), { position, options });
  assert.ok(result.ok, JSON.stringify(result));
  return result.newText;
}

describe('protocol: Insert Comparison Table', function () {
  // The tests change no settings: one server (English UI) answers them all, each on its own note.
  const en = sharedServer({ locale: 'en' });
  let client: StartedClient;
  beforeEach(() => {
    client = en();
  });

  it('advertises the command', async () => {
    assert.deepEqual(client.initializeResult.capabilities.executeCommandProvider, { commands: [command, 'researchNotes.insertComparisonChart'] });
  });

  it('sends one versioned workspace/applyEdit with the exact table at the cursor', async () => {
    const uri = 'file:///notes/english.md';
    await client.open(uri, english, 7);
    const at = { line: english.split('\n').length - 1, character: 0 };
    const result = await client.executeCommand(command, { uri, version: 7, position: at });
    assert.deepEqual(result, { applied: true });
    const edit = onlyEdit(client);
    assert.equal(edit.version, 7);
    assert.deepEqual(edit.range, { start: at, end: at });
    // The cursor is on the empty last line: the table goes there, after a blank line.
    const lines = edit.newText.split('\n');
    assert.equal(lines[0], '');
    assert.equal(lines[1], '<!-- research-notes:table -->');
    assert.match(lines[2], /^\| Model +\| Organization +\| +Parameters \| +Active \| Architecture \| Release +\| Open weights \| Context \|$/);
    assert.match(lines[4], /^\| DeepSeek-V3\.1\[\^rn-1\] +\| DeepSeek +\|/);
    assert.match(lines[8], /^\| GPT-4\[\^rn-5\] +\| OpenAI +\|/);
    assert.equal(lines.at(-2), '<!-- /research-notes:table -->');
    assert.equal(lines.at(-1), '');
    assert.equal(edit.newText, tableInProcess(english, at));
  });

  it('takes positional arguments (uri, position) from any LSP client too (#17)', async () => {
    const uri = 'file:///notes/english.md';
    await client.open(uri, english, 3);
    const at = { line: english.split('\n').length - 1, character: 0 };
    assert.deepEqual(await client.executeCommand(command, uri, at), { applied: true });
    const edit = onlyEdit(client);
    assert.deepEqual([edit.version, edit.range], [3, { start: at, end: at }]);
    assert.equal(edit.newText.split('\n')[1], '<!-- research-notes:table -->');
  });

  it('validates the command’s option overrides like settings', async () => {
    const uri = 'file:///notes/options.md';
    await client.open(uri, 'DeepSeek-V3.1 and GPT-4.\n', 1);
    const options = { columns: ['parameters', 'bogus'], sort: 'loudest', language: 'ko', numberFormat: 'B' };
    assert.deepEqual(await client.executeCommand(command, { uri, position: { line: 1, character: 0 }, options }), { applied: true });
    // Unknown column dropped, unknown sort back to mention order; language and format taken.
    const { newText } = onlyEdit(client);
    assert.deepEqual(newText.split('\n').slice(0, 6).map((l) => l.replace(/ {2,}/g, ' ').replace(/-{3,}/g, '---')), [
      '',
      '<!-- research-notes:table -->',
      '| 모델 | 매개변수 |',
      '| --- | ---: |',
      '| DeepSeek-V3.1[^rn-1] | 671B |',
      '| GPT-4[^rn-2] | 비공개 |',
    ]);
    assert.equal(newText, tableInProcess('DeepSeek-V3.1 and GPT-4.\n', { line: 1, character: 0 }, options as InsertComparisonTableArgs['options']));
  });

  it('refreshes a generated table in place instead of inserting a second one', async () => {
    const uri = 'file:///notes/refresh.md';
    const stale = ['KAIST and DeepSeek-V3.1.', '', '<!-- research-notes:table -->', '| old |', '<!-- /research-notes:table -->', ''].join('\n');
    await client.open(uri, stale, 1);
    await client.executeCommand(command, { uri, position: positionOf(stale, '| old', { delta: 2 }) });
    const edit = onlyEdit(client);
    assert.deepEqual(edit.range, { start: { line: 2, character: 0 }, end: { line: 4, character: '<!-- /research-notes:table -->'.length } });
    assert.ok(edit.newText.startsWith('<!-- research-notes:table -->\n| Model'), edit.newText);
    assert.ok(edit.newText.endsWith('<!-- /research-notes:table -->'), edit.newText);
    assert.equal(edit.newText.split('\n').filter((l) => l.startsWith('| DeepSeek-V3.1')).length, 1);
  });

  it('refuses a stale version and edits nothing', async () => {
    const uri = 'file:///notes/stale.md';
    await client.open(uri, 'DeepSeek-V3.1 is large.\n', 1);
    await client.change(uri, 2, [{ text: 'DeepSeek-V3.1 is larger.\n' }]);
    const result = await client.executeCommand(command, { uri, version: 1, position: { line: 0, character: 0 } });
    assert.deepEqual(result, {
      applied: false,
      message: 'The note changed while the table was being made; run Insert Comparison Table again.',
    });
    assert.equal(client.appliedEdits.length, 0);
  });

  it('writes a Korean table for the Korean example note', async () => {
    const notePath = path.join(examplesDir, 'skt-500b-ko.md');
    const note = readFileSync(notePath, 'utf8');
    await client.open(fileUri(notePath), note, 1);
    await client.executeCommand(command, { uri: fileUri(notePath), position: positionOf(note, '## 2.') });
    const lines = onlyEdit(client).newText.split('\n');
    // After the heading's block, separated from it by a blank line.
    assert.deepEqual(lines.slice(0, 5).map((l) => l.replace(/ {2,}/g, ' ').replace(/-{3,}/g, '---')), [
      '',
      '',
      '<!-- research-notes:table -->',
      '| 모델 | 조직 | 매개변수 | 활성 매개변수 | 아키텍처 | 출시 | 가중치 공개 | 컨텍스트 |',
      '| --- | --- | ---: | ---: | --- | --- | --- | ---: |',
    ]);
    assert.match(lines[5], /^\| DeepSeek-V3\.1\[\^rn-1\] \| DeepSeek +\| +6710억 \| +370억 \|/);
    assert.equal(lines.join('\n'), tableInProcess(note, positionOf(note, '## 2.')));
  });

  describe('in the client locale ko', () => {
    const ko = sharedServer({ locale: 'ko' });
    it('says clearly when the note mentions no model, in the client locale', async () => {
      const client = ko();
      const uri = 'file:///notes/none.md';
      await client.open(uri, 'SKT와 KAIST만 나옵니다.\n', 1);
      const result = (await client.executeCommand(command, { uri, position: { line: 0, character: 0 } })) as { applied: boolean; message: string };
      assert.equal(result.applied, false);
      assert.equal(result.message, '이 노트에 언급된 모델이 없습니다.');
      assert.deepEqual(client.shownMessages, ['이 노트에 언급된 모델이 없습니다.']);
      assert.equal(client.appliedEdits.length, 0);
    });
  });
});
