import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CreateFile, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { ModelsChartRequest, type ModelsChartResult } from '../../server/src/protocol';
import { examplesDir, fileUri, ownServers, repoRoot, sharedServer, TestClient } from '../support/lspClient';
import { TempWorkspace } from '../support/tempWorkspace';
import { positionOf } from '../support/text';

const command = 'researchNotes.insertComparisonChart';
const english = readFileSync(path.join(repoRoot, 'test', 'fixtures', 'table', 'english.md'), 'utf8');
const canCreate = { workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create' as const] }, applyEdit: true } };
const ALT = 'Parameters against release date: Mixtral 8x7B, Llama 3.1 405B, Qwen3-235B-A22B, DeepSeek-V3.1';

/** The one `workspace/applyEdit`: its file creation, the SVG written into it, and the note's edits. */
function onlyChartEdit(client: TestClient): { create: CreateFile; svg: TextDocumentEdit; note?: TextDocumentEdit; metadata: unknown } {
  assert.equal(client.appliedEdits.length, 1, 'one workspace/applyEdit');
  const { edit, metadata } = client.appliedEdits[0] as (typeof client.appliedEdits)[number] & { metadata?: unknown };
  const [create, svg, note, ...rest] = edit.documentChanges as [CreateFile, TextDocumentEdit, TextDocumentEdit?];
  assert.deepEqual(rest, []);
  assert.equal(edit.changes, undefined);
  return { create, svg, note, metadata };
}

describe('protocol: Insert Comparison Chart', () => {
  const en = sharedServer({ locale: 'en', capabilities: canCreate });

  it('advertises the command beside the table', () => {
    assert.deepEqual(en().initializeResult.capabilities.executeCommandProvider?.commands, ['researchNotes.insertComparisonTable', command]);
  });

  it('creates figures/<note>.models.svg, fills it and links it at the cursor, as one edit', async () => {
    const client = en();
    const uri = 'file:///notes/english.md';
    await client.open(uri, english, 4);
    const at = positionOf(english, 'Again:');
    const result = await client.executeCommand(command, { uri, version: 4, position: at });
    const file = 'file:///notes/figures/english.models.svg';
    assert.deepEqual(result, { applied: true, file });
    const { create, svg, note, metadata } = onlyChartEdit(client);
    assert.deepEqual(create, { kind: 'create', uri: file, options: { overwrite: true } });
    assert.deepEqual(metadata, { isRefactoring: true });
    assert.deepEqual(svg.textDocument, { uri: file, version: null });
    assert.equal(svg.edits.length, 1);
    const text = (svg.edits[0] as { newText: string }).newText;
    assert.deepEqual((svg.edits[0] as { range: unknown }).range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.match(text, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*><title>Parameters against release date: /);
    for (const name of ['Mixtral 8x7B', 'Llama 3.1 405B', 'Qwen3-235B-A22B', 'DeepSeek-V3.1', 'Not drawn — size undisclosed: GPT-4']) assert.ok(text.includes(`>${name}</text>`), name);
    assert.doesNotMatch(text, /<script|href=/);
    assert.deepEqual(note, {
      textDocument: { uri, version: 4 },
      edits: [{ range: { start: at, end: at }, newText: `![${ALT}](figures/english.models.svg)` }],
    });
  });

  it('redraws the file of the chart link at the cursor and rewrites its alt text in the same edit', async () => {
    const client = en();
    const uri = 'file:///notes/again.md';
    const oldAlt = 'old \\[alt\\]';
    const text = `${english}\n![${oldAlt}](figs/again.models.svg "Chart")\n`;
    await client.open(uri, text, 2);
    const alt = positionOf(text, oldAlt);
    const result = await client.executeCommand(command, { uri, version: 2, position: positionOf(text, oldAlt, { delta: 5 }) });
    assert.deepEqual(result, { applied: true, file: 'file:///notes/figs/again.models.svg' });
    const { create, svg, note } = onlyChartEdit(client);
    assert.equal(create.uri, 'file:///notes/figs/again.models.svg');
    assert.equal(svg.textDocument.uri, 'file:///notes/figs/again.models.svg');
    assert.deepEqual(note, {
      textDocument: { uri, version: 2 },
      edits: [{ range: { start: alt, end: { line: alt.line, character: alt.character + oldAlt.length } }, newText: ALT }],
    });
  });

  it('redraws a chart link whose alt text names the models already, and leaves the note alone', async () => {
    const client = en();
    const uri = 'file:///notes/same.md';
    const link = `![${ALT}](figures/same.models.svg)`;
    const text = `${english}\n${link}\n`;
    await client.open(uri, text, 3);
    const result = await client.executeCommand(command, { uri, version: 3, position: positionOf(text, link) });
    assert.deepEqual(result, { applied: true, file: 'file:///notes/figures/same.models.svg' });
    const { create, note } = onlyChartEdit(client);
    assert.equal(create.uri, 'file:///notes/figures/same.models.svg');
    assert.equal(note, undefined, 'no edit of the note');
  });

  it('takes positional arguments, the folder and language overrides', async () => {
    const client = en();
    const uri = 'file:///notes/pos.md';
    await client.open(uri, 'DeepSeek-V3.1 and Llama 3.1 405B.\n', 1);
    assert.deepEqual(await client.executeCommand(command, uri, { line: 1, character: 0 }), { applied: true, file: 'file:///notes/figures/pos.models.svg' });
    client.appliedEdits.length = 0;
    await client.executeCommand(command, { uri, position: { line: 1, character: 0 }, options: { folder: 'img', language: 'ko', numberFormat: 'B' } });
    const { create, svg, note } = onlyChartEdit(client);
    assert.equal(create.uri, 'file:///notes/img/pos.models.svg');
    const text = (svg.edits[0] as { newText: string }).newText;
    for (const label of ['출시일별 매개변수', '100B']) assert.ok(text.includes(`>${label}</text>`), label);
    assert.equal((note!.edits[0] as { newText: string }).newText, '![출시일별 매개변수: Llama 3.1 405B, DeepSeek-V3.1](img/pos.models.svg)');
  });

  it('refuses a stale version, a note without a model, and edits nothing', async () => {
    const client = en();
    const uri = 'file:///notes/stale.md';
    await client.open(uri, 'DeepSeek-V3.1.\n', 1);
    await client.change(uri, 2, [{ text: 'DeepSeek-V3.1!\n' }]);
    assert.deepEqual(await client.executeCommand(command, { uri, version: 1, position: { line: 0, character: 0 } }), {
      applied: false,
      message: 'The note changed while the chart was being drawn; run Insert Comparison Chart again.',
    });
    await client.open('file:///notes/none.md', 'KAIST only.\n', 1);
    assert.deepEqual(await client.executeCommand(command, { uri: 'file:///notes/none.md', position: { line: 0, character: 0 } }), { applied: false, message: 'No models mentioned in this note.' });
    assert.equal(client.appliedEdits.length, 0);
  });

  it('writes the Korean example note’s chart in Korean', async () => {
    const client = en();
    const notePath = path.join(examplesDir, 'skt-500b-ko.md');
    const note = readFileSync(notePath, 'utf8');
    await client.open(fileUri(notePath), note, 1);
    await client.executeCommand(command, { uri: fileUri(notePath), position: positionOf(note, '## 2.') });
    const edit = onlyChartEdit(client);
    assert.equal(edit.create.uri, fileUri(path.join(examplesDir, 'figures', 'skt-500b-ko.models.svg')));
    assert.match((edit.svg.edits[0] as { newText: string }).newText, />6710억<\/text>|>1조<\/text>/);
    assert.equal((edit.note!.edits[0] as { newText: string }).newText, '![출시일별 매개변수: DeepSeek-V3.1](figures/skt-500b-ko.models.svg)');
  });

  describe('a client that cannot create files', () => {
    const start = ownServers();
    it('says so instead of sending an edit it would refuse', async () => {
      const client = await start({ locale: 'en' });
      const uri = 'file:///notes/nocreate.md';
      await client.open(uri, 'DeepSeek-V3.1.\n', 1);
      const result = (await client.executeCommand(command, { uri, position: { line: 0, character: 0 } })) as { applied: boolean; message: string };
      assert.deepEqual(result, { applied: false, message: 'This editor cannot create files through the language server, so the chart cannot be written.' });
      assert.equal(client.appliedEdits.length, 0);
    });
  });
});

describe('protocol: researchNotes/modelsChart (Show Models Chart)', function () {
  this.timeout(30_000);
  const ws = new TempWorkspace();
  const a = ws.write('a.md', '# A\n\nDeepSeek-V3.1 and Llama 3.1 405B.\n');
  const b = ws.write('notes/b.md', 'DeepSeek-V3.1 twice: DeepSeek-V3.1.\n\nGPT-4 too.\n');
  let client: Awaited<ReturnType<typeof TestClient.start>>;
  before(async () => {
    client = await TestClient.start({ rootUri: ws.uri, locale: 'en', capabilities: { window: { workDoneProgress: true } } });
    await client.progressEnd();
  });
  after(async () => {
    await client.stop();
    ws.dispose();
  });

  const DEEPSEEK = ['Organization: DeepSeek', 'Parameters: 671B · 37B active', 'Release: 2025-08-21', 'Open weights: yes', 'Architecture: MoE', 'Context: 128K', 'License: MIT'];

  it('charts every note’s models, with each point’s facts and its notes, most mentions first', async () => {
    const result = (await client.request(ModelsChartRequest, {})) as Extract<ModelsChartResult, { ok: true }>;
    assert.equal(result.ok, true);
    assert.equal(result.complete, true);
    assert.equal(result.title, 'Parameters against release date: Llama 3.1 405B, DeepSeek-V3.1');
    assert.deepEqual(result.points.map((p) => p.name), ['Llama 3.1 405B', 'DeepSeek-V3.1']);
    assert.deepEqual(result.points[1], {
      id: 'deepseek-v3.1',
      name: 'DeepSeek-V3.1',
      facts: DEEPSEEK,
      notes: [
        { uri: b, mentions: 2, line: 0, character: 0 },
        { uri: a, mentions: 1, line: 2, character: 0 },
      ],
    });
    assert.deepEqual(result.points[0].notes, [{ uri: a, mentions: 1, line: 2, character: 18 }]);
    // The webview's SVG: one filled mark a model and a hollow one for the MoE's active count, no inline style.
    const marks = [...result.svg.matchAll(/<path\b[^>]*\bdata-point="(\d+)"[^>]*>/g)].map((m) => [Number(m[1]), / fill="#fff"/.test(m[0])]);
    assert.deepEqual(marks.sort(), [[0, false], [1, false], [1, true]]);
    assert.doesNotMatch(result.svg, /\sstyle="|<style|<script|href=/);
    assert.match(result.svg, /<text [^>]*data-fill="text"[^>]*>Llama 3\.1 405B<\/text>/);
  });

  it('charts one note’s models with `uri`, from its live text, and says so when none can be drawn', async () => {
    await client.open(b, 'GPT-4 and Llama 3.1 405B.\n');
    const result = (await client.request(ModelsChartRequest, { uri: b })) as Extract<ModelsChartResult, { ok: true }>;
    assert.deepEqual(result.points.map((p) => [p.name, p.notes.map((n) => [n.uri, n.mentions])]), [['Llama 3.1 405B', [[a, 1], [b, 1]]]]);
    assert.match(result.svg, />Not drawn — size undisclosed: GPT-4<\/text>/);
    await client.change(b, 2, [{ text: 'GPT-4 only.\n' }]);
    assert.deepEqual(await client.request(ModelsChartRequest, { uri: b }), { ok: false, message: 'None of the models mentioned has a known size and release date to draw.' });
  });
});

describe('cli: research-notes chart (bundled dist/cli.js)', () => {
  const cli = path.join(repoRoot, 'dist', 'cli.js');
  const example = path.join(examplesDir, 'skt-500b-ko.md');
  const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  let ws: TempWorkspace;
  beforeEach(() => (ws = new TempWorkspace()));
  afterEach(() => ws.dispose());

  it('writes a valid SVG of the example note with --out, in Korean', () => {
    const out = path.join(ws.dir, 'figs', 'skt.svg');
    const r = run('chart', example, '--out', out);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), `${out}: models drawn: DeepSeek-V3.1`);
    const svg = readFileSync(out, 'utf8');
    assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*><title>출시일별 매개변수: DeepSeek-V3\.1<\/title>/);
    assert.match(svg, /<\/svg>\n$/);
    for (const label of ['DeepSeek-V3.1', '출시일', '1조']) assert.ok(svg.includes(`>${label}</text>`), label);
    assert.doesNotMatch(svg, /<script|href=/);
  });

  it('prints the SVG of a folder’s notes, with --lang and --format, and refuses what it cannot draw', () => {
    ws.write('a.md', 'DeepSeek-V3.1 and GPT-4.\n');
    ws.write('sub/b.md', 'Llama 3.1 405B.\n');
    const r = run('chart', ws.dir, '--lang', 'ko', '--format', 'B');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^<svg [^>]*><title>출시일별 매개변수: Llama 3\.1 405B, DeepSeek-V3\.1<\/title>/);
    for (const label of ['100B', '그리지 않은 모델 — 크기 비공개: GPT-4']) assert.ok(r.stdout.includes(`>${label}</text>`), label);
    ws.write('none.md', 'GPT-4 only.\n');
    const none = run('chart', path.join(ws.dir, 'none.md'));
    assert.equal(none.status, 1);
    assert.equal(none.stderr.trim(), 'research-notes: None of the models mentioned has a known size and release date to draw.');
  });
});

describe('bundles: ECharts only in dist/chart.js', () => {
  it('leaves ECharts out of the server and the CLI, which load dist/chart.js when a chart is drawn', () => {
    for (const bundle of ['server.js', 'cli.js']) assert.doesNotMatch(readFileSync(path.join(repoRoot, 'dist', bundle), 'utf8'), /zrender|echarts/i, bundle);
    assert.match(readFileSync(path.join(repoRoot, 'dist', 'chart.js'), 'utf8'), /renderToSVGString/);
  });
});
