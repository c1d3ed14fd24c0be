// The Explorer's "Research Notes: Entities" view, read through the extension's
// tree data provider (what the view renders): kinds → entities → notes → mention
// lines over the workspace that run.sh prepared (the example note and fixtures/).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EntityNode } from '../../../client/src/entitiesView';
import { eventually, extension, openNote } from './support';

const VIEW = 'researchNotes.entities';
const CURRENT_NOTE = 'researchNotes.entities.showCurrentNote';
const ALL_NOTES = 'researchNotes.entities.showAllNotes';

const provider = () => extension().exports.entities;

/** The top of the view over the whole workspace. */
const ALL_KINDS: Row[] = [
  { label: 'Models', description: '4' },
  { label: 'Organizations', description: '13' },
  { label: 'Products', description: '1' },
];

/** A row as the user reads it: label, description, and the highlighted part of a mention's line. */
interface Row {
  label: string;
  description?: string;
  highlight?: string;
}

function row(item: vscode.TreeItem): Row {
  const label = typeof item.label === 'string' ? item.label : item.label!.label;
  const out: Row = { label };
  if (typeof item.description === 'string') out.description = item.description;
  const highlights = typeof item.label === 'object' ? item.label.highlights : undefined;
  if (highlights?.length) out.highlight = highlights.map(([start, end]) => label.slice(start, end)).join('|');
  return out;
}

async function children(node?: EntityNode): Promise<EntityNode[]> {
  return (await provider().getChildren(node)) ?? [];
}

async function rows(node?: EntityNode): Promise<Row[]> {
  return (await children(node)).map((n) => row(provider().getTreeItem(n) as vscode.TreeItem));
}

/** The child of `node` whose label is `label`. */
async function child(node: EntityNode | undefined, label: string): Promise<EntityNode> {
  const found = (await children(node)).find((n) => row(provider().getTreeItem(n) as vscode.TreeItem).label === label);
  assert.ok(found, `no row "${label}" under ${node ? row(provider().getTreeItem(node) as vscode.TreeItem).label : 'the root'}: ${JSON.stringify(await rows(node))}`);
  return found;
}

/** The node at a path of labels from the root. */
async function at(...labels: string[]): Promise<EntityNode> {
  let node: EntityNode | undefined;
  for (const label of labels) node = await child(node, label);
  return node!;
}

/** The next change of the tree the provider signals. */
function nextChange(): Promise<void> {
  return new Promise((resolve) => {
    const listener = provider().onDidChangeTreeData(() => {
      listener.dispose();
      resolve();
    });
  });
}

describe('Entities view', () => {
  before(async () => {
    await openNote('entities.md');
    // The server indexes the workspace after it starts, and table.md has just had a table
    // inserted and undone: wait until the view shows the notes as they are on disk.
    await eventually('the indexed workspace in the Entities view', () => rows(), (r) => JSON.stringify(r) === JSON.stringify(ALL_KINDS));
  });

  after(async () => {
    if (provider().currentNoteOnly) await vscode.commands.executeCommand(ALL_NOTES);
  });

  it('is contributed to the Explorer, with its toggle in the title', () => {
    const contributes = extension().packageJSON.contributes;
    assert.deepEqual(contributes.views.explorer, [{ id: VIEW, name: 'Research Notes: Entities', when: 'workspaceFolderCount > 0', visibility: 'collapsed' }]);
    const title = (contributes.menus['view/title'] as { command: string; when: string }[]).map(({ command, when }) => ({ command, when }));
    assert.deepEqual(title.slice(0, 2), [
      { command: CURRENT_NOTE, when: `view == ${VIEW} && !researchNotes.entities.currentNoteOnly` },
      { command: ALL_NOTES, when: `view == ${VIEW} && researchNotes.entities.currentNoteOnly` },
    ]);
    const views = (contributes.viewsWelcome as { view: string; when: string }[]).filter((w) => w.view === VIEW).map((w) => w.when);
    assert.ok(views.includes('researchNotes.entities.state == noNotes'), `no welcome for a workspace without notes: ${JSON.stringify(views)}`);
  });

  it('lists kinds, then entities by mention count, with their counts', async () => {
    assert.deepEqual(await rows(await at('Models')), [
      { label: 'DeepSeek-V3.1', description: '3' },
      { label: 'EXAONE', description: '1' },
      { label: 'GPT-4', description: '1' },
      { label: 'Llama 3.1 405B', description: '1' },
    ]);
    assert.deepEqual(await rows(await at('Organizations')), [
      { label: 'SK Telecom', description: '10' },
      { label: 'LG AI Research', description: '2' },
      { label: 'NC AI', description: '2' },
      { label: '42dot', description: '1' },
      { label: 'KAIST', description: '1' },
      { label: 'Krafton', description: '1' },
      { label: 'Naver Cloud', description: '1' },
      { label: 'OpenAI', description: '1' },
      { label: 'Rebellions', description: '1' },
      { label: 'SelectStar', description: '1' },
      { label: 'Seoul National University', description: '1' },
      { label: 'Upstage', description: '1' },
      { label: 'Wrtn', description: '1' },
    ]);
    assert.deepEqual(await rows(await at('Products')), [{ label: 'ChatGPT', description: '2' }]);
    assert.deepEqual(await rows(), ALL_KINDS);
  });

  it('lists the notes of an entity and the line of each mention', async () => {
    assert.deepEqual(await rows(await at('Models', 'DeepSeek-V3.1')), [
      { label: 'code.md', description: '1' },
      { label: 'skt-500b-ko.md', description: '1' },
      { label: 'table.md', description: '1' },
    ]);
    assert.deepEqual(await rows(await at('Models', 'DeepSeek-V3.1', 'code.md')), [
      { label: 'DeepSeek V3.1 in prose is one.', highlight: 'DeepSeek V3.1' },
    ]);
    // A long line shows a window around the mention.
    assert.deepEqual(await rows(await at('Models', 'DeepSeek-V3.1', 'skt-500b-ko.md')), [
      {
        label: '…있다. 이는 오픈소스 모델 중 최대 규모인 딥시크(DeepSeek) V3.1의 6850억에는 미치지 못하지만, 한국에서 자체 개발되는 모델로서는…',
        highlight: '딥시크(DeepSeek) V3.1',
      },
    ]);
    assert.deepEqual(await rows(await at('Products', 'ChatGPT', 'entities.md')), [
      { label: 'OpenAI serves ChatGPT with GPT-4.', highlight: 'ChatGPT' },
      { label: 'ChatGPT, again: a second mention in this note.', highlight: 'ChatGPT' },
    ]);
  });

  it('narrows to the current note and back', async () => {
    const doc = await openNote('entities.md');
    await vscode.commands.executeCommand(CURRENT_NOTE);
    assert.equal(provider().currentNoteOnly, true);
    assert.deepEqual(await rows(), [
      { label: 'Models', description: '1' },
      { label: 'Organizations', description: '1' },
      { label: 'Products', description: '1' },
    ]);
    assert.deepEqual(await rows(await at('Models')), [{ label: 'GPT-4', description: '1' }]);
    assert.deepEqual(await rows(await at('Organizations')), [{ label: 'OpenAI', description: '1' }]);
    assert.deepEqual(await rows(await at('Products', 'ChatGPT')), [{ label: 'entities.md', description: '2' }]);

    // Another note in the editor: the view follows it; empty kinds are hidden.
    await openNote('table.md');
    await eventually('the view narrowed to table.md', () => rows(), (r) => r.length === 1);
    assert.deepEqual(await rows(), [{ label: 'Models', description: '2' }]);
    assert.deepEqual(await rows(await at('Models')), [
      { label: 'DeepSeek-V3.1', description: '1' },
      { label: 'Llama 3.1 405B', description: '1' },
    ]);

    await vscode.commands.executeCommand(ALL_NOTES);
    assert.equal(provider().currentNoteOnly, false);
    assert.deepEqual(await rows(), ALL_KINDS);
    assert.equal(doc.isDirty, false);
  });

  it('opens the note at the mention when a mention is clicked', async () => {
    const [, second] = await children(await at('Products', 'ChatGPT', 'entities.md'));
    const command = (provider().getTreeItem(second!) as vscode.TreeItem).command;
    assert.ok(command, 'a mention row has no command');
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'no active editor after clicking the mention');
    assert.equal(vscode.workspace.asRelativePath(editor.document.uri), 'entities.md');
    const { start, end } = editor.selection;
    assert.deepEqual([start.line, start.character, end.line, end.character], [4, 0, 4, 7]);
    assert.equal(editor.document.getText(editor.selection), 'ChatGPT');
  });

  it('follows edits of a note', async () => {
    const doc = await openNote('entities.md');
    const changed = nextChange();
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, doc.positionAt(doc.getText().length), '\nGPT-4 once more.\n');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    await changed;
    try {
      await eventually('GPT-4 with two mentions', async () => rows(await at('Models')), (r) => r.find((e) => e.label === 'GPT-4')?.description === '2');
    } finally {
      const restored = nextChange();
      await vscode.commands.executeCommand('workbench.action.files.revert');
      assert.equal(doc.isDirty, false);
      await restored;
    }
    await eventually('GPT-4 back to one mention', async () => rows(await at('Models')), (r) => r.find((e) => e.label === 'GPT-4')?.description === '1');
  });
});
