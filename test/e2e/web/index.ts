// The web suite: run by the workbench (extensionTestsPath) inside the web-worker extension host,
// beside the browser build of the installed .vsix (test/e2e/run.sh web). Only `vscode` can be
// required there: this bundle carries everything else.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BrowserApi } from '../../../client/src/browserExtension';
import type { ModelsChartView } from '../../../client/src/commands/showModelsChart';
import { decodeSemanticTokens } from '../../../server/src/features/semanticTokens';
import { assertHover, DEEPSEEK_V3_1, PARAMETERS, TABLE_END, TABLE_MD_TABLE_HEAD } from '../lib/expected';
import { REPORT_TAG } from '../vscode/report';
import { runTests } from './runner';

const EXTENSION_ID = 'research-notes.research-notes';

function extension(): vscode.Extension<BrowserApi> {
  const ext = vscode.extensions.getExtension<BrowserApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
  return ext;
}

const folder = (): vscode.Uri => vscode.workspace.workspaceFolders![0]!.uri;

async function openNote(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), name));
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** One character into the first `text` of the note, as a mouse would rest. */
function positionOf(doc: vscode.TextDocument, text: string): vscode.Position {
  const offset = doc.getText().indexOf(text);
  assert.ok(offset >= 0, `"${text}" is not in ${doc.uri.toString()}`);
  return doc.positionAt(offset + 1);
}

async function eventually<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) assert.fail(`${what}: still not there after ${timeoutMs / 1000}s; last seen:\n${JSON.stringify(value, null, 2)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function hovers(doc: vscode.TextDocument, text: string): Promise<string[]> {
  const result = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, text));
  return result.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)));
}

async function hoverAt(doc: vscode.TextDocument, text: string, firstLine = '**'): Promise<string> {
  const parts = await eventually(`hover on "${text}"`, () => hovers(doc, text), (p) => p.some((h) => h.startsWith(firstLine)));
  return parts.find((h) => h.startsWith(firstLine))!;
}

/** Semantic tokens as `line:start text type` lines, decoded by the server's own decoder. */
function tokenLines(data: Uint32Array, legend: vscode.SemanticTokensLegend, doc: vscode.TextDocument): string[] {
  return decodeSemanticTokens([...data], legend).map((t) => `${t.line}:${t.start} ${doc.lineAt(t.line).text.slice(t.start, t.start + t.length)} ${t.type}`);
}

/** A line in the report under the current test. */
const note = (text: string) => console.log(`${REPORT_TAG}    (${text})`);

/** When the suite asked for the extension's activation (`Date.now()`, as the marks). */
let activationAsked: number | undefined;

/** The first start's marks, client and worker, in time order, in ms after the activation was asked. */
function startupBreakdown(api: BrowserApi, from: number): string {
  const marks = [...api.startup.client.map((m) => ({ ...m, side: 'client' })), ...api.startup.server.map((m) => ({ ...m, side: 'worker' }))];
  return marks
    .sort((a, b) => a.at - b.at)
    .map((m) => `${String(m.at - from).padStart(6)} ms  ${m.side.padEnd(6)} ${m.name}`)
    .join('\n');
}

const realm = () => {
  const g = globalThis as unknown as { WorkerGlobalScope?: abstract new () => unknown; process?: { versions?: { node?: string } } };
  return { webWorker: typeof g.WorkerGlobalScope === 'function' && globalThis instanceof g.WorkerGlobalScope, node: g.process?.versions?.node ?? null };
};

export async function run(): Promise<void> {
  await runTests('Research Notes in the web-worker extension host', [
    {
      name: 'runs the browser build in the web worker, its server in a worker of its own',
      async run() {
        assert.deepEqual(realm(), { webWorker: true, node: null });
        assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
        const ext = extension();
        assert.equal(ext.packageJSON.browser, './dist/browserExtension.js');
        const t0 = Date.now();
        activationAsked = t0;
        const api = await ext.activate();
        const activated = Date.now() - t0;
        // The worker was started when the bundle was evaluated, before `activate` (#21).
        const order = api.startup.client.map((m) => m.name).filter((n) => n === 'worker asked' || n === 'activate called');
        assert.deepEqual(order, ['worker asked', 'activate called']);
        await eventually('a running server', async () => api.client.isRunning(), (running) => running);
        const start = api.workerStart;
        assert.ok(start && (start.via === 'direct' || start.via === 'blob'), `no server worker start recorded: ${JSON.stringify(start)}`);
        note(`server worker started via ${start.via}${start.directError ? `; direct: ${start.directError}` : ''}; activate() ${activated} ms, running ${Date.now() - t0} ms`);
      },
    },
    {
      name: 'hovers DeepSeek-V3.1 on the seed note (skt-500b-ko.md)',
      async run() {
        const t0 = Date.now();
        const doc = await openNote('skt-500b-ko.md');
        assertHover(await hoverAt(doc, '딥시크(DeepSeek) V3.1', DEEPSEEK_V3_1), DEEPSEEK_V3_1, [PARAMETERS.auto]);
        const answered = Date.now();
        note(`first hover ${answered - t0} ms after opening the note`);
        // The budget (#21) is under 1 s; a figure, not an assertion (a shared machine varies).
        if (activationAsked === undefined) return;
        note(`activation → first hover: ${answered - activationAsked} ms`);
        // Worker marks arrive as notifications: the last ones may still be on their way.
        await new Promise((resolve) => setTimeout(resolve, 200));
        const { startup } = extension().exports;
        const at = (name: string) => [...startup.client, ...startup.server].find((m) => m.name === name)?.at;
        const [called, started, asked, workerAnswered] = ['activate called', 'client started (initialize answered)', 'first hover asked', 'first hover answered'].map(at);
        if (called !== undefined && started !== undefined && asked !== undefined && workerAnswered !== undefined) {
          note(`  the host before activate(): ${called - activationAsked} ms; activate() → client started: ${started - called} ms; the suite opening the note: ${asked - started} ms; first hover asked → answered by the worker: ${workerAnswered - asked} ms`);
        }
        for (const line of startupBreakdown(extension().exports, activationAsked).split('\n')) note(line);
      },
    },
    {
      name: 'reads a .research-notes/ knowledge file through the client, and one written later',
      async run() {
        const doc = await openNote('web-knowledge.md');
        const first = await hoverAt(doc, 'WebProbeLM-7B', '**WebProbeLM-7B** · model');
        assert.ok(first.startsWith('**WebProbeLM-7B** · model · DeepSeek'), first);
        // The seed note's hover came from the bundled knowledge; the user's files came later.
        const marks = startupBreakdown(extension().exports, activationAsked ?? 0).split('\n');
        for (const line of marks.filter((l) => /knowledge files|findFiles|readFile/.test(l))) note(line);
        // The client's file watcher tells the server; the server reads the new file through the client.
        const added = 'models:\n  - id: webprobe2-13b\n    name: WebProbe2-13B\n    sources: ["https://example.org/webprobe2"]\n';
        await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder(), '.research-notes', 'added.yaml'), new TextEncoder().encode(added));
        await hoverAt(doc, 'WebProbe2-13B', '**WebProbe2-13B** · model');
      },
    },
    {
      name: 'finds the references of DeepSeek-V3.1 across the notes, and its bundled entry',
      async run() {
        const doc = await openNote('table.md');
        const at = positionOf(doc, 'DeepSeek-V3.1');
        const refs = await eventually(
          'references in four notes',
          async () => (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, at)) ?? [],
          (r) => new Set(r.filter((l) => l.uri.path.endsWith('.md')).map((l) => l.uri.toString())).size >= 4,
        );
        const places = refs
          .filter((l) => l.uri.path.endsWith('.md'))
          .map((l) => `${vscode.workspace.asRelativePath(l.uri)}:${l.range.start.line + 1}:${l.range.start.character}-${l.range.end.character}`)
          .sort();
        assert.deepEqual(places, ['code.md:3:0-13', 'features.md:3:0-8', 'features.md:5:0-13', 'skt-500b-ko.md:13:105-123', 'table.md:3:0-13']);
        const entry = refs.filter((l) => !l.uri.path.endsWith('.md')).map((l) => l.uri.path.split('/').slice(-3).join('/'));
        assert.deepEqual(entry, ['server/data/deepseek.yaml']);
      },
    },
    {
      name: 'inserts the comparison table at the cursor, and one undo restores the note',
      async run() {
        const doc = await openNote('table.md');
        const editor = vscode.window.activeTextEditor;
        assert.ok(editor && editor.document === doc, 'table.md is not the active editor');
        const original = doc.getText();
        const end = doc.positionAt(original.length);
        editor.selection = new vscode.Selection(end, end);
        assert.deepEqual(await vscode.commands.executeCommand('researchNotes.insertComparisonTable'), { applied: true });
        const inserted = doc.getText().slice(original.length);
        assert.ok(doc.getText().startsWith(original), `the note before the cursor changed:\n${doc.getText()}`);
        assert.ok(inserted.startsWith(TABLE_MD_TABLE_HEAD), `unexpected table at the cursor:\n${inserted}`);
        assert.ok(inserted.endsWith(TABLE_END), `unexpected end of the table:\n${inserted}`);
        await vscode.commands.executeCommand('undo');
        assert.equal(doc.getText(), original, 'one undo did not restore the note');
        assert.equal(doc.isDirty, false);
      },
    },
    {
      name: 'answers the other language features from the web worker: diagnostics, inlay hints, semantic tokens, completion, definition, symbols, the Entities view',
      async run() {
        const doc = await openNote('features.md');
        const diagnostics = await eventually('the claim diagnostic', async () => vscode.languages.getDiagnostics(doc.uri), (d) => d.length > 0);
        assert.deepEqual(
          diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${String(typeof d.code === 'object' ? d.code.value : d.code)} ${d.message.split('\n')[0]}`),
          ['4:18-22 claim.mismatch DeepSeek-V3.1 has 671B total parameters (knowledge base; also reported: 685B), not 500B.'],
        );
        const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, new vscode.Range(0, 0, doc.lineCount, 0));
        assert.deepEqual(hints.map((h) => `${h.position.line}:${h.position.character} ${typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')}`), ['2:16 ≈ 685B']);
        const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', doc.uri);
        const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', doc.uri);
        assert.deepEqual(tokenLines(tokens.data, legend, doc), ['2:0 딥시크 V3.1 model', '2:10 6,850억 parameterCount', '4:0 DeepSeek-V3.1 model', '4:18 500B parameterCount']);

        const definition = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, positionOf(doc, 'DeepSeek-V3.1 has'));
        assert.deepEqual(definition.map((d) => ('targetUri' in d ? d.targetUri : d.uri).path.split('/').slice(-3).join('/')), ['server/data/deepseek.yaml']);
        const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', '딥시크');
        assert.ok(symbols.some((s) => s.name === 'DeepSeek-V3.1'), JSON.stringify(symbols.map((s) => s.name)));
        const entities = extension().exports.entities;
        const kinds = (await entities.getChildren()) ?? [];
        assert.deepEqual(kinds.map((k) => (entities.getTreeItem(k) as vscode.TreeItem).label), ['Models', 'Organizations', 'Products']);

        // Completion while typing a name, then one undo.
        const editor = vscode.window.activeTextEditor!;
        const end = doc.positionAt(doc.getText().length);
        assert.ok(await editor.edit((e) => e.insert(end, '\n딥시')));
        const completions = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, doc.positionAt(doc.getText().length));
        const item = completions.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'DeepSeek-V3.1');
        assert.ok(item, JSON.stringify(completions.items.map((i) => i.label)));
        assert.equal(item.insertText, '딥시크 V3.1');
        await vscode.commands.executeCommand('undo');
      },
    },
    {
      name: 'draws the chart in the web worker: the chart file and its link as one edit, and the Models Chart view',
      async run() {
        const doc = await openNote('table.md');
        const editor = vscode.window.activeTextEditor!;
        const original = doc.getText();
        const end = doc.positionAt(original.length);
        editor.selection = new vscode.Selection(end, end);
        const svgUri = vscode.Uri.joinPath(folder(), 'figures', 'table.models.svg');
        const t0 = Date.now();
        assert.deepEqual(await vscode.commands.executeCommand('researchNotes.insertComparisonChart'), { applied: true, file: svgUri.toString() });
        note(`first chart (the worker loads dist/chart.js) ${Date.now() - t0} ms`);
        const alt = 'Parameters against release date: Llama 3.1 405B, DeepSeek-V3.1';
        assert.equal(doc.getText(), `${original}![${alt}](figures/table.models.svg)`);
        const svg = await eventually('the chart file', async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(svgUri)), (text) => text.length > 0);
        assert.ok(svg.startsWith('<svg ') && svg.includes(`<title>${alt}</title>`), svg.slice(0, 300));
        for (const label of ['Llama 3.1 405B', 'DeepSeek-V3.1', 'Release date']) assert.ok(svg.includes(`>${label}</text>`), label);
        await vscode.commands.executeCommand('undo');
        assert.equal(doc.getText(), original, 'one undo did not remove the link');
        await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(svgUri)), 'the same undo did not remove the file');

        const view = await vscode.commands.executeCommand<ModelsChartView | undefined>('researchNotes.showModelsChart', { uri: doc.uri.toString() });
        assert.ok(view, 'no chart view');
        try {
          assert.deepEqual(view.points.map((p) => p.name), ['Llama 3.1 405B', 'DeepSeek-V3.1']);
          assert.deepEqual(await view.ready, { marks: 3, points: 2 });
          const lines = await view.hover(1);
          assert.deepEqual(lines.slice(0, 3), ['DeepSeek-V3.1', 'Organization: DeepSeek', 'Parameters: 671B · 37B active']);
        } finally {
          view.panel.dispose();
        }
      },
    },
  ]);
}
