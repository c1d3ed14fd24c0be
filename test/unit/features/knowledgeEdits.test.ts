import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TextDocumentEdit, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import {
  addToKnowledgeFileEdit,
  ignoreNameEdit,
  knowledgeFileUri,
  slugOf,
  unknownNameActions,
} from '../../../server/src/features/knowledgeEdits';
import { unknownNameDiagnostics } from '../../../server/src/features/unknownNames';
import { parseKnowledgeFile } from '../../../server/src/knowledge/parse';
import type { KnowledgeFile, ModelEntity } from '../../../server/src/knowledge/types';
import { analyze, bundledKnowledge } from '../../support/knowledge';

const folder = 'file:///ws';
const uri = 'file:///ws/.research-notes/entities.yaml';

/** The knowledge file after the edit: its one text document edit applied to `existing`. */
function applied(edit: WorkspaceEdit | undefined, existing = ''): string {
  assert.ok(edit, 'an edit');
  const edits = edit.documentChanges!.filter(TextDocumentEdit.is);
  assert.equal(edits.length, 1);
  assert.equal(edits[0].textDocument.uri, uri);
  return TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, existing), edits[0].edits as TextEdit[]);
}

/** Parses the result: it must load without a single problem. */
function loaded(text: string): KnowledgeFile {
  const file = parseKnowledgeFile(uri, text, { bundled: false });
  assert.deepEqual(file.problems, [], text);
  return file;
}

const FOO = [
  '  - id: foo-70b',
  '    name: Foo-70B',
  '    aliases: []',
  '    parameters: { total: 70000000000 }',
  '    sources: []  # TODO: add a source URL',
];
const lines = (...ls: string[]) => ls.map((l) => `${l}\n`).join('');

describe('knowledge edits: add to the knowledge file', () => {
  const add = (existing: string | undefined, name = 'Foo-70B') => applied(addToKnowledgeFileEdit(name, folder, existing), existing);

  it('creates the file when it is missing, never overwriting one', () => {
    const content = lines('# Research Notes knowledge file: models, organizations and ignored names of this workspace.', 'models:', ...FOO);
    assert.deepEqual(addToKnowledgeFileEdit('Foo-70B', folder, undefined), {
      documentChanges: [
        { kind: 'create', uri, options: { ignoreIfExists: true } },
        { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: content }] },
      ],
    });
    const file = loaded(content);
    assert.deepEqual(file.entities, [{ id: 'foo-70b', name: 'Foo-70B', kind: 'model', aliases: [], parameters: { total: 70_000_000_000 }, sources: [] }]);
    assert.equal(knowledgeFileUri('file:///ws/'), uri);
  });

  it('starts a models list in an empty file or one of comments', () => {
    assert.equal(add(''), lines('models:', ...FOO));
    assert.equal(add('# mine'), lines('# mine', '', 'models:', ...FOO));
    assert.equal(add('# mine\n'), lines('# mine', '', 'models:', ...FOO));
  });

  it('appends to a models list followed by organizations, keeping comments where they belong', () => {
    const existing = lines(
      '# My models',
      'models:',
      '  - id: zeta',
      '    name: Zeta',
      '    # context: 4096 (to check)',
      '',
      '# Organizations next',
      'organizations:',
      '  - id: acme',
      '    name: Acme',
    );
    const out = add(existing);
    assert.equal(
      out,
      lines(
        '# My models',
        'models:',
        '  - id: zeta',
        '    name: Zeta',
        '    # context: 4096 (to check)',
        ...FOO,
        '',
        '# Organizations next',
        'organizations:',
        '  - id: acme',
        '    name: Acme',
      ),
    );
    assert.deepEqual(loaded(out).entities.map((e) => e.id), ['zeta', 'foo-70b', 'acme']);
  });

  it('matches the list’s indentation and adds a newline to a last line without one', () => {
    const out = add('models:\n- id: zeta\n  name: Zeta');
    assert.equal(out, lines('models:', '- id: zeta', '  name: Zeta', ...FOO.map((l) => l.slice(2))));
    loaded(out);
    const wide = add('models:\n    -   id: zeta\n        name: Zeta\n');
    assert.equal(wide, lines('models:', '    -   id: zeta', '        name: Zeta', '    -   id: foo-70b', '        name: Foo-70B', '        aliases: []', '        parameters: { total: 70000000000 }', '        sources: []  # TODO: add a source URL'));
    loaded(wide);
  });

  it('turns an empty flow list into a block list and appends to a non-empty one', () => {
    assert.equal(add('models: []  # none yet\nignore: [Bar]\n'), lines('models: # none yet', ...FOO, 'ignore: [Bar]'));
    assert.equal(add('models: []'), lines('models:', ...FOO));
    assert.equal(add('models:\nignore:\n'), lines('models:', ...FOO, 'ignore:'));
    const flow = add('models: [{ id: zeta, name: Zeta }]\n');
    assert.equal(flow, 'models: [{ id: zeta, name: Zeta }, { id: "foo-70b", name: "Foo-70B", aliases: [], parameters: { total: 70000000000 }, sources: [] }]\n');
    assert.deepEqual(loaded(flow).entities.map((e) => e.id), ['zeta', 'foo-70b']);
  });

  it('appends a models list after other sections, separated by a blank line', () => {
    const out = add('organizations:\n  - id: acme\n    name: Acme\nignore: [Bar]\n');
    assert.equal(out, lines('organizations:', '  - id: acme', '    name: Acme', 'ignore: [Bar]', '', 'models:', ...FOO));
    loaded(out);
  });

  it('keeps CRLF line endings and gives a taken id a number', () => {
    const existing = 'models:\r\n  - id: foo-70b\r\n    name: Foo 70B (old)\r\n';
    const out = add(existing);
    assert.equal(
      out,
      existing +
        ['  - id: foo-70b-2', '    name: Foo-70B', '    aliases: []', '    parameters: { total: 70000000000 }', '    sources: []  # TODO: add a source URL'].map((l) => `${l}\r\n`).join(''),
    );
    assert.deepEqual(loaded(out).entities.map((e) => e.id), ['foo-70b', 'foo-70b-2']);
  });

  it('writes names that need quotes, sizes with decimals and active counts', () => {
    const file = loaded(add(undefined, 'Zeta 1.5B'));
    assert.deepEqual((file.entities[0] as ModelEntity).parameters, { total: 1_500_000_000 });
    assert.deepEqual(file.entities.map((e) => [e.id, e.name]), [['zeta-1.5b', 'Zeta 1.5B']]);
    const moe = loaded(add('', 'Foo-235B-A22B'));
    assert.deepEqual((moe.entities[0] as ModelEntity).parameters, { total: 235_000_000_000, active: 22_000_000_000 });
    const bar = add('', 'BarLM 2.5');
    assert.equal(bar, lines('models:', '  - id: barlm-2.5', '    name: BarLM 2.5', '    aliases: []', '    sources: []  # TODO: add a source URL'));
    assert.deepEqual(loaded(add('', 'Odd: #1')).entities.map((e) => [e.id, e.name]), [['odd-1', 'Odd: #1']]);
  });

  it('edits the open document’s version when given', () => {
    const edit = addToKnowledgeFileEdit('Foo-70B', folder, 'models: []\n', 4)!;
    assert.deepEqual(edit.documentChanges!.map((c) => ('textDocument' in c ? c.textDocument : c)), [{ uri, version: 4 }]);
  });

  it('refuses a file it cannot extend safely', () => {
    for (const bad of ['models:\n  - id: a\n   name: A\n', '- a\n- b\n', 'models: { id: a }\n', '{ models: [] }\n', 'models: zeta\n']) {
      assert.equal(addToKnowledgeFileEdit('Foo-70B', folder, bad), undefined, bad);
    }
  });

  it('makes ids the bundled way', () => {
    assert.deepEqual(['Foo-70B', 'BarLM 2.5', 'NovaLM-7B-Instruct', 'Ｆｏｏ ７０Ｂ', '  --Zeta!!  ', '딥시크 V4', '!!!'].map(slugOf), [
      'foo-70b', 'barlm-2.5', 'novalm-7b-instruct', 'foo-70b', 'zeta', '딥시크-v4', 'entity',
    ]);
  });
});

describe('knowledge edits: ignore a name', () => {
  const ignore = (existing: string | undefined, name = 'Foo-70B') => applied(ignoreNameEdit(name, folder, existing), existing);

  it('creates the file with an ignore list', () => {
    const edit = ignoreNameEdit('Foo-70B', folder, undefined)!;
    assert.deepEqual(edit.documentChanges![0], { kind: 'create', uri, options: { ignoreIfExists: true } });
    const out = applied(edit);
    assert.equal(out, lines('# Research Notes knowledge file: models, organizations and ignored names of this workspace.', 'ignore:', '  - Foo-70B'));
    assert.deepEqual(loaded(out).ignore, ['Foo-70B']);
  });

  it('adds to a block list, a flow list, an empty list, or a new list', () => {
    // A comment at the items' own column is not under the last item: the new one goes before it.
    assert.equal(ignore('ignore:\n  - Bar\n  # - Baz\nmodels: []\n'), lines('ignore:', '  - Bar', '  - Foo-70B', '  # - Baz', 'models: []'));
    assert.equal(ignore('ignore: [Bar]  # silenced\n'), 'ignore: [Bar, "Foo-70B"]  # silenced\n');
    assert.equal(ignore('ignore: []\n'), lines('ignore:', '  - Foo-70B'));
    assert.equal(ignore('ignore:\r\n'), 'ignore:\r\n  - Foo-70B\r\n');
    const out = ignore('models:\n  - id: zeta\n    name: Zeta\n');
    assert.equal(out, lines('models:', '  - id: zeta', '    name: Zeta', '', 'ignore:', '  - Foo-70B'));
    assert.deepEqual(loaded(out).ignore, ['Foo-70B']);
    assert.deepEqual(loaded(ignore('ignore: [Bar]\n', 'Odd, [name]')).ignore, ['Bar', 'Odd, [name]']);
    assert.deepEqual(loaded(ignore('', 'yes: 2.5')).ignore, ['yes: 2.5']);
  });
});

describe('knowledge edits: quick fixes for unknown names', () => {
  const { kb } = bundledKnowledge();
  const text = 'We compare Foo-70B with BarLM 2.5; Foo-70B wins.';
  const analysis = analyze(text, 'file:///ws/notes/a.md');
  const diagnostics = unknownNameDiagnostics(analysis, kb, 'en');

  it('offers add and ignore once per name, for all its diagnostics', () => {
    assert.equal(diagnostics.length, 3);
    const actions = unknownNameActions(analysis, diagnostics, folder, undefined, 'en');
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind, a.diagnostics!.length]),
      [
        ["Add 'Foo-70B' to the knowledge file", 'quickfix', 2],
        ["Ignore 'Foo-70B' in this workspace", 'quickfix', 2],
        ["Add 'BarLM 2.5' to the knowledge file", 'quickfix', 1],
        ["Ignore 'BarLM 2.5' in this workspace", 'quickfix', 1],
      ],
    );
    assert.deepEqual(actions[0].diagnostics, [diagnostics[0], diagnostics[2]]);
    assert.deepEqual(actions[0].edit, addToKnowledgeFileEdit('Foo-70B', folder, undefined));
    assert.deepEqual(actions[3].edit, ignoreNameEdit('BarLM 2.5', folder, undefined));
  });

  it('speaks Korean and passes the knowledge file’s text and version on', () => {
    const existing = 'models: []\n';
    const actions = unknownNameActions(analysis, diagnostics.slice(1, 2), folder, existing, 'ko', 9);
    assert.deepEqual(actions.map((a) => a.title), ["'BarLM 2.5'을(를) 지식 파일에 추가", "이 작업 영역에서 'BarLM 2.5' 무시"]);
    assert.deepEqual(actions[0].edit, addToKnowledgeFileEdit('BarLM 2.5', folder, existing, 9));
    assert.deepEqual(loaded(applied(actions[1].edit, existing)).ignore, ['BarLM 2.5']);
  });

  it('skips other diagnostics and stale ones, and does without data', () => {
    const [foo] = diagnostics;
    const other: Diagnostic = { ...foo, code: 'claim.mismatch' };
    const foreign: Diagnostic = { ...foo, source: 'cspell' };
    const moved: Diagnostic = { ...foo, range: diagnostics[1].range };
    const bare: Diagnostic = { ...diagnostics[1], data: undefined };
    const actions = unknownNameActions(analysis, [other, foreign, moved, bare], folder, undefined, 'en');
    assert.deepEqual(actions.map((a) => a.title), ["Add 'BarLM 2.5' to the knowledge file", "Ignore 'BarLM 2.5' in this workspace"]);
  });

  it('offers nothing when the knowledge file has a syntax error', () => {
    assert.deepEqual(unknownNameActions(analysis, diagnostics, folder, 'models:\n  - id: a\n   name: A\n', 'en'), []);
  });
});
