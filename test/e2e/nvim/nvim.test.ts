import * as assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { examplesDir, repoRoot, serverPath } from '../../support/lspClient';
import { assertHover, DEEPSEEK_V3_1, PARAMETERS, SK_TELECOM, TABLE_END, TABLE_MD_TABLE_HEAD } from '../lib/expected';

/** What client.lua is asked to do; see its header. */
type Request = { method: 'hover' | 'definition' | 'references' | 'workspaceSymbol'; text: string; at?: string } | { method: 'insertComparisonTable' | 'insertComparisonChart' };
interface Response {
  error?: string;
  /** hover */
  text?: string | null;
  /** definition: where the jump landed */
  file?: string | null;
  line?: number;
  lineText?: string;
  /** insertComparisonTable: the command's result, the buffer after it and after one undo */
  result?: unknown;
  undone?: string;
  /** insertComparisonChart: the SVG's buffer after the edit, its file after :wall */
  svgBuffer?: string | null;
  svgFile?: string;
  /** references: every mention's file name and 0-based position */
  locations?: { file: string; line: number; character: number }[];
  /** workspaceSymbol */
  symbols?: { name: string; container: string; file: string }[];
}
interface ClientResult { ok: boolean; log: string[]; responses: Response[] }

/**
 * Runs client.lua in a headless Neovim on a copy of `note` and returns what it
 * wrote. Its XDG folders (log, shada, swap) are a temporary folder, not $HOME.
 */
async function neovim(note: string, requests: Request[], timeoutMs = 60_000, files: Record<string, string> = {}, capabilities?: object): Promise<ClientResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'research-notes-nvim-'));
  try {
    const copy = path.join(dir, 'notes', path.basename(note));
    fs.mkdirSync(path.dirname(copy));
    fs.copyFileSync(note, copy);
    // Extra files of the workspace (the note's folder), e.g. a knowledge file.
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, 'notes', rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, 'notes', rel), text);
    }
    const out = path.join(dir, 'result.json');
    const child = spawn('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${path.join(__dirname, 'client.lua')}`], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        ...Object.fromEntries(['CONFIG', 'DATA', 'CACHE', 'STATE'].map((k) => [`XDG_${k}_HOME`, path.join(dir, k.toLowerCase())])),
        RN_SERVER: serverPath,
        RN_NOTE: copy,
        RN_OUT: out,
        RN_REQUESTS: JSON.stringify(requests),
        ...(capabilities ? { RN_CAPABILITIES: JSON.stringify(capabilities) } : {}),
      },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exit = await new Promise<string>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve(`killed after ${timeoutMs / 1000}s`);
      }, timeoutMs);
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        resolve(`exit ${code ?? signal}`);
      });
    });
    if (!fs.existsSync(out)) assert.fail(`Neovim wrote no result (${exit}); its output:\n${output}`);
    const result = JSON.parse(fs.readFileSync(out, 'utf8')) as ClientResult;
    assert.ok(result.ok, `Neovim's client failed (${exit}):\n${result.log.join('\n')}\n${output}`);
    return result;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Neovim's answer to one request, or a failure naming its error. */
async function ask(note: string, request: Request): Promise<Response> {
  const [response] = (await neovim(note, [request])).responses;
  assert.ok(response && !response.error, `${request.method} failed: ${response?.error}`);
  return response;
}

describe('Neovim 0.7 LSP client with `node dist/server.js --stdio`', function () {
  this.timeout(90_000);
  const example = path.join(examplesDir, 'skt-500b-ko.md');

  it('hovers DeepSeek in 딥시크(DeepSeek) V3.1 with its parameter counts', async () => {
    const { text } = await ask(example, { method: 'hover', text: '딥시크(DeepSeek) V3.1', at: 'DeepSeek' });
    assertHover(text, DEEPSEEK_V3_1, [PARAMETERS.auto]);
  });

  it('hovers SKT as SK Telecom', async () => {
    assertHover((await ask(example, { method: 'hover', text: 'SKT' })).text, SK_TELECOM);
  });

  it('jumps from 딥시크(DeepSeek) V3.1 to its entry in the bundled knowledge', async () => {
    const data = path.join(repoRoot, 'server', 'data', 'deepseek.yaml');
    const entry = '- id: deepseek-v3.1';
    const line = fs.readFileSync(data, 'utf8').split('\n').findIndex((l) => l.trim() === entry) + 1;
    const jump = await ask(example, { method: 'definition', text: '딥시크(DeepSeek) V3.1', at: 'DeepSeek' });
    assert.deepEqual({ file: jump.file, line: jump.line, lineText: jump.lineText?.trim() }, { file: data, line, lineText: entry });
  });

  it('jumps from a mention to its entry in the workspace knowledge file', async () => {
    const knowledge = ['models:', '  - id: acme-zeta-13b', '    name: Zeta-13B', '    aliases: ["Zeta 13B"]', '    sources: ["https://example.org/zeta"]', ''].join('\n');
    const note = path.join(__dirname, '..', 'fixtures', 'table.md');
    const withZeta = path.join(os.tmpdir(), 'research-notes-zeta.md');
    fs.writeFileSync(withZeta, `${fs.readFileSync(note, 'utf8')}\nWe also tried Zeta 13B.\n`);
    try {
      const { responses } = await neovim(withZeta, [{ method: 'definition', text: 'Zeta 13B' }], 60_000, { '.research-notes/entities.yaml': knowledge });
      const [jump] = responses;
      assert.ok(jump && !jump.error, `definition failed: ${jump?.error}`);
      assert.deepEqual(
        { file: path.basename(jump.file ?? ''), dir: path.basename(path.dirname(jump.file ?? '')), line: jump.line, lineText: jump.lineText?.trim() },
        { file: 'entities.yaml', dir: '.research-notes', line: 2, lineText: '- id: acme-zeta-13b' },
      );
    } finally {
      fs.rmSync(withZeta, { force: true });
    }
  });

  it('finds every mention across the workspace’s notes (references) and entities by Korean name (workspace symbols)', async () => {
    const other = { 'other.md': '# Other\n\nDeepSeek-V3.1 again, and 딥시크(DeepSeek) V3.1.\n' };
    const { responses } = await neovim(example, [
      { method: 'references', text: '딥시크(DeepSeek) V3.1', at: 'DeepSeek' },
      { method: 'workspaceSymbol', text: '딥시크' },
    ], 60_000, other);
    const [refs, symbols] = responses;
    assert.ok(refs && !refs.error && symbols && !symbols.error, `${refs?.error ?? ''} ${symbols?.error ?? ''}`);
    // The example's hand labels say where it names DeepSeek-V3.1 (1-based lines).
    const labels = parse(fs.readFileSync(path.join(examplesDir, 'skt-500b-ko.expected.yaml'), 'utf8')) as { entities: { line: number; canonical: string }[] };
    const inExample = labels.entities.filter((e) => e.canonical === 'DeepSeek-V3.1').map((e) => e.line - 1);
    assert.deepEqual(refs.locations?.filter((l) => l.file === 'other.md'), [
      { file: 'other.md', line: 2, character: 0 },
      { file: 'other.md', line: 2, character: 25 },
    ]);
    assert.deepEqual(refs.locations?.filter((l) => l.file === 'skt-500b-ko.md').map((l) => l.line), inExample);
    assert.deepEqual(symbols.symbols?.find((s) => s.name === 'DeepSeek-V3.1')?.container, '2 notes');
  });

  it('inserts the comparison table through workspace/executeCommand, and one undo restores the note', async () => {
    const note = path.join(__dirname, '..', 'fixtures', 'table.md');
    const original = fs.readFileSync(note, 'utf8');
    const { result, text, undone } = await ask(note, { method: 'insertComparisonTable' });
    assert.deepEqual(result, { applied: true });
    assert.ok(typeof text === 'string' && text.startsWith(original + TABLE_MD_TABLE_HEAD), `unexpected note after the command:\n${text}`);
    assert.ok(text.endsWith(TABLE_END), `unexpected end of the table:\n${text}`);
    const cli = execFileSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), 'table', note], { encoding: 'utf8' });
    assert.equal(text, original + cli);
    assert.equal(undone, original);
  });

  it('writes the comparison chart through workspace/executeCommand: the SVG in figures/ and its link in the note', async () => {
    const note = path.join(__dirname, '..', 'fixtures', 'table.md');
    const original = fs.readFileSync(note, 'utf8');
    // Neovim 0.7 applies `documentChanges` and file creations but does not say so: a user's
    // config declares it, as here. It creates the file with io.open, which needs its folder.
    const documentChanges = { workspace: { workspaceEdit: { documentChanges: true } } };
    const { responses } = await neovim(note, [{ method: 'insertComparisonChart' }], 60_000, { 'figures/.keep': '' }, documentChanges);
    const [chart] = responses;
    assert.ok(chart && !chart.error, `insertComparisonChart failed: ${chart?.error}`);
    const result = chart.result as { applied: boolean; file: string };
    assert.equal(result.applied, true);
    assert.match(result.file, /\/notes\/figures\/table\.models\.svg$/);
    assert.equal(chart.text, `${original}![Parameters against release date: Llama 3.1 405B, DeepSeek-V3.1](figures/table.models.svg)\n`);
    assert.equal(chart.svgFile, chart.svgBuffer, 'the file holds what the edit wrote');
    const svg = chart.svgFile ?? '';
    assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*><title>Parameters against release date: Llama 3\.1 405B, DeepSeek-V3\.1<\/title>/);
    for (const label of ['Llama 3.1 405B', 'DeepSeek-V3.1', 'Release date']) assert.ok(svg.includes(`>${label}</text>`), label);
    assert.equal([...svg.matchAll(/ecmeta_ssr_type="chart"/g)].length, 3, 'a mark for each model, and one for DeepSeek-V3.1’s active count');
  });
});
