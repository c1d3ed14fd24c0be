import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { fileURLToPath } from 'node:url';
import { examplesDir, repoRoot } from '../support/lspClient';
import { TempWorkspace } from '../support/tempWorkspace';

const cli = path.join(repoRoot, 'dist', 'cli.js');
const example = path.join(examplesDir, 'skt-500b-ko.md');
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('cli: research-notes (bundled dist/cli.js)', () => {
  it('analyze names a product written with its model as both, in text and in JSON', () => {
    const note = path.join(tmpdir(), `rn-product-model-${process.pid}.md`);
    writeFileSync(note, '오늘 챗GPT 5.1 모델이 나왔다. ChatGPT는 앱이다.\n');
    const text = run('analyze', note);
    assert.deepEqual(text.stdout.split('\n').slice(1, 3), ['  1:4     product      챗GPT 5.1 → ChatGPT + GPT-5.1', '  1:22    product      ChatGPT → ChatGPT']);
    const json = JSON.parse(run('analyze', note, '--json').stdout) as { files: { mentions: Record<string, unknown>[] }[] };
    assert.deepEqual(
      json.files[0].mentions.map(({ text, id, model, modelName }) => ({ text, id, model, modelName })),
      [
        { text: '챗GPT 5.1', id: 'openai-chatgpt', model: 'openai-gpt-5.1', modelName: 'GPT-5.1' },
        { text: 'ChatGPT', id: 'openai-chatgpt', model: undefined, modelName: undefined },
      ],
    );
  });

  it('analyze --json gives every expected mention with LSP ranges', () => {
    const r = run('analyze', example, '--json');
    assert.equal(r.status, 0, r.stderr);
    const json = JSON.parse(r.stdout) as { files: { file: string; mentions: { range: { start: { line: number; character: number } }; text: string; kind: string; id: string; name: string }[] }[] };
    const expected = parse(readFileSync(path.join(examplesDir, 'skt-500b-ko.expected.yaml'), 'utf8')) as { entities: { line: number; text: string; kind: string; canonical: string }[] };
    assert.equal(json.files[0].file, example);
    assert.deepEqual(
      json.files[0].mentions.map((m) => [m.range.start.line + 1, m.text, m.kind, m.name]),
      expected.entities.map((e) => [e.line, e.text, e.kind, e.canonical]),
    );
    const claims = (json.files[0] as unknown as { claims: { range: { start: { line: number } }; text: string; value: number; active: boolean; qualifier: string; refersTo: string | null }[] }).claims;
    const expectedClaims = (parse(readFileSync(path.join(examplesDir, 'skt-500b-ko.expected.yaml'), 'utf8')) as { parameterClaims: { line: number; text: string; value: number; refersTo: string | null }[] }).parameterClaims;
    assert.deepEqual(
      claims.map((c) => [c.range.start.line + 1, c.text, c.value, c.refersTo === null ? null : 'DeepSeek-V3.1']),
      expectedClaims.map((c) => [c.line, c.text, c.value, c.refersTo]),
    );
    assert.deepEqual(claims.find((c) => c.text === '6850억'), {
      range: claims.find((c) => c.text === '6850억')!.range,
      text: '6850억',
      value: 685000000000,
      active: false,
      qualifier: 'exact',
      refersTo: 'deepseek-v3.1',
    });
    assert.equal(claims.find((c) => c.text === '100B')!.qualifier, 'bound');
    const deepseek = json.files[0].mentions.find((m) => m.id === 'deepseek-v3.1')!;
    const line = readFileSync(example, 'utf8').split('\n')[12];
    assert.deepEqual(deepseek.range, { start: { line: 12, character: line.indexOf('딥시크') }, end: { line: 12, character: line.indexOf('딥시크') + 18 } });
  });

  it('analyze reports an unreadable file with exit code 2 and still analyses the others', () => {
    const r = run('analyze', '/nonexistent/note.md', example);
    assert.equal(r.status, 2);
    assert.equal(r.stderr.trim(), 'research-notes: cannot read /nonexistent/note.md: ENOENT');
    assert.match(r.stdout, /skt-500b-ko\.md: 25 mentions/);
  });

  it('analyze --hover prints the hover of a mentioned entity (the demo)', () => {
    const r = run('analyze', example, '--hover', 'DeepSeek-V3.1');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^ {2}13:106 {2}model {8}딥시크\(DeepSeek\) V3\.1 → DeepSeek-V3\.1$/m);
    assert.match(r.stdout, /^ {2}- Parameters: 671B \(6710억\) total · 37B \(370억\) active$/m);
    assert.match(r.stdout, /^skt-500b-ko\.md: 10 parameter counts$|: 10 parameter counts$/m);
    assert.match(r.stdout, /^ {2}13:126 {2}total {8}6850억 = 685B → DeepSeek-V3\.1$/m);
    assert.match(r.stdout, /^ {2}13:188 {2}total {8}100B = 1000억 \(bound\)$/m);
  });

  it('check exits 1 on a mismatch at or above --fail-on, 0 below it', () => {
    const note = path.join(tmpdir(), 'research-notes-cli-check.md');
    writeFileSync(note, 'DeepSeek-V3.1 has 700B parameters.\n');
    const r = run('check', note, example);
    assert.equal(r.status, 1);
    assert.equal(r.stdout, `${note}:1:19 information claim.mismatch DeepSeek-V3.1 has 671B total parameters (knowledge base; also reported: 685B), not 700B.\n`);
    assert.equal(run('check', '--fail-on', 'warning', note).status, 0);
    assert.equal(run('check', example).status, 0);
  });

  it('table prints the comparison table; a note without models exits 1 with a message', () => {
    const r = run('table', example, '--lang', 'en', '--columns', 'model,parameters');
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.stdout.split('\n').slice(0, 4), [
      '<!-- research-notes:table -->',
      '| Model                | Parameters |',
      '| -------------------- | ---------: |',
      '| DeepSeek-V3.1[^rn-1] |       671B |',
    ]);
    const none = path.join(tmpdir(), 'research-notes-cli-none.md');
    writeFileSync(none, 'Only KAIST here.\n');
    const n = run('table', none, '--lang', 'en');
    assert.equal(n.status, 1);
    assert.equal(n.stderr.trim(), `research-notes: ${none}: No models mentioned in this note.`);
  });

  it('rejects bad usage with exit code 2 and one line saying what is wrong', () => {
    assert.equal(run('frobnicate', example).status, 2);
    assert.equal(run('analyze').status, 2);
    assert.equal(run('check', '--fail-on', 'loud', example).status, 2);
    const r = run('analyze', '--frobnicate', example);
    assert.deepEqual([r.status, r.stderr], [2, 'research-notes: unknown option --frobnicate (see research-notes --help)\n']);
  });

  it('prints usage for --help, -h and help COMMAND, and the version for --version, with exit code 0', () => {
    for (const args of [['--help'], ['-h'], ['help', 'table'], ['analyze', '--help']]) {
      const r = run(...args);
      assert.equal(r.status, 0, args.join(' '));
      assert.match(r.stdout, /^usage: research-notes analyze FILE\|DIR\.\.\./, args.join(' '));
    }
    const v = run('--version');
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    assert.deepEqual([v.status, v.stdout], [0, `${pkg.version}\n`]);
  });
});

describe('cli: the editor’s knowledge, not only the bundled data', () => {
  const ws = new TempWorkspace();
  const model = 'models:\n  - id: acme-zeta-7b\n    name: Zeta-7B\n    parameters: { total: 7000000000 }\n    sources: ["https://example.org/zeta"]\n';
  ws.write('.research-notes/acme.yaml', model);
  const note = ws.write('notes/deep/zeta.md', 'Zeta-7B has 9B parameters. Zorblax-3 is new.\n');
  const front = ws.write('notes/front.md', '---\nentities:\n  models:\n    - id: local-q\n      name: Quuxly-2\n      sources: ["https://example.org/q"]\n---\nQuuxly-2 is ours.\n');
  after(() => ws.dispose());
  const file = (uri: string) => fileURLToPath(uri);

  it('reads the knowledge files of the nearest .research-notes folder above the note', () => {
    const r = run('analyze', file(note), '--json');
    assert.equal(r.status, 0, r.stderr);
    const json = JSON.parse(r.stdout) as { files: { mentions: { text: string; id: string }[]; claims: { text: string; refersTo: string | null }[] }[] };
    assert.deepEqual(json.files[0].mentions.map((m) => [m.text, m.id]), [['Zeta-7B', 'acme-zeta-7b']]);
    assert.deepEqual(json.files[0].claims.map((c) => [c.text, c.refersTo]), [['9B', 'acme-zeta-7b']]);
  });

  it('checks as the editor does: the user’s model is known and its count checked', () => {
    const r = run('check', file(note), '--fail-on', 'error');
    assert.deepEqual(r.stdout.trim().split('\n').map((l) => l.split(' ').slice(1, 3).join(' ')), ['information claim.mismatch']);
    // With no knowledge files (a glob that selects none), the same note's model is unknown.
    const bare = spawnSync(process.execPath, [cli, 'check', file(note), '--knowledge', 'none/*.yaml'], { encoding: 'utf8', cwd: ws.dir });
    assert.deepEqual(bare.stdout.trim().split('\n').map((l) => l.split(' ').slice(1, 3).join(' ')), ['hint entity.unknown']);
  });

  it('reads a note’s front-matter entities', () => {
    const r = run('analyze', file(front), '--json');
    const json = JSON.parse(r.stdout) as { files: { mentions: { text: string; id: string }[] }[] };
    assert.deepEqual(json.files[0].mentions.map((m) => [m.text, m.id]), [['Quuxly-2', 'local-q']]);
  });

  it('takes other layouts with --knowledge GLOB from the current folder, and reports a broken knowledge file as an error', () => {
    ws.write('kb/extra.yaml', 'models:\n  - id: acme-omega\n    name: Omega-1\n    sources: ["https://example.org/o"]\n  - id: broken\n    nmae: X\n');
    const other = ws.write('elsewhere/omega.md', 'Omega-1 is here.\n');
    const r = spawnSync(process.execPath, [cli, 'check', file(other), '--knowledge', 'kb/*.yaml'], { encoding: 'utf8', cwd: ws.dir });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^kb\/extra\.yaml:6:5 error knowledge\.invalid /m);
    assert.doesNotMatch(r.stdout, /entity\.unknown/);
  });
});

describe('cli: a folder of notes', () => {
  const ws = new TempWorkspace();
  ws.write('a.md', 'DeepSeek-V3.1 has 685B parameters. GPT-4 too.\n');
  ws.write('sub/b.md', 'DeepSeek-V3.1, with 700B parameters.\n');
  ws.write('node_modules/pkg/readme.md', 'DeepSeek-V3.1 in a dependency.\n');
  after(() => ws.dispose());
  const inWs = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: ws.dir });

  it('index DIR lists every entity of the notes under it with counts and claimed sizes', () => {
    const r = inWs('index', '.');
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.stdout.trimEnd().split('\n'), [
      '2 notes, 2 entities',
      '  DeepSeek-V3.1                    model             2 mentions in    2 notes  claimed: 685B, 700B',
      '  GPT-4                            model             1 mentions in    1 notes',
    ]);
    const json = JSON.parse(inWs('index', '.', '--json').stdout) as { notes: number; entities: { id: string; claims: { file: string; line: number; text: string }[] }[] };
    assert.equal(json.notes, 2);
    assert.deepEqual(json.entities[0].claims, [
      { file: 'a.md', line: 1, text: '685B', value: 685e9 },
      { file: path.join('sub', 'b.md'), line: 1, text: '700B', value: 700e9 },
    ]);
  });

  it('check DIR checks every note under it', () => {
    const r = inWs('check', '.', '--fail-on', 'information');
    assert.equal(r.status, 1);
    assert.deepEqual(r.stdout.trimEnd().split('\n').map((l) => l.split(' ').slice(0, 3).join(' ')), ['sub/b.md:1:21 information claim.mismatch']);
  });
});
