import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CancellationTokenSource, HoverRequest, type Hover, type MarkupContent } from 'vscode-languageserver-protocol';
import { examplesDir, fileUri, ownServers, sharedServer, type StartedClient } from '../support/lspClient';
import { positionOf, rangeOf } from '../support/text';
import { inProcess } from '../support/knowledge';
import { TextDocument } from 'vscode-languageserver-textdocument';

const notePath = path.join(examplesDir, 'skt-500b-ko.md');
const note = readFileSync(notePath, 'utf8');
const uri = fileUri(notePath);

const markdown = (h: Hover | null): string => (h?.contents as MarkupContent | undefined)?.value ?? '';
const lines = (h: Hover | null): string[] => markdown(h).split('\n');

describe('protocol: hover over the bundled server', function () {
  // Tests that change no settings share one server, each on its own note; the others start their own.
  const en = sharedServer({ locale: 'en' });
  const start = ownServers();
  let client: StartedClient;

  it('answers initialize with incremental sync and hover', async () => {
    client = en();
    assert.equal(client.initializeResult.serverInfo?.name, 'research-notes');
    assert.deepEqual(client.initializeResult.capabilities.textDocumentSync, { openClose: true, change: 2 });
    assert.equal(client.initializeResult.capabilities.hoverProvider, true);
  });

  it('hovers 딥시크(DeepSeek) V3.1 with its range and sourced facts (en)', async () => {
    client = en();
    await client.open(uri, note);
    const h = await client.hover(uri, positionOf(note, '딥시크(DeepSeek) V3.1', { delta: 5 }));
    assert.deepEqual(h?.range, rangeOf(note, '딥시크(DeepSeek) V3.1'));
    assert.equal((h?.contents as MarkupContent).kind, 'markdown');
    assert.equal(lines(h)[0], '**DeepSeek-V3.1** · model · DeepSeek');
    // The content itself is checked once, in the unit tests: here, that it arrives unchanged.
    assert.deepEqual(h, inProcess({ locale: 'en' }).hover(TextDocument.create(uri, 'markdown', 1, note), positionOf(note, '딥시크(DeepSeek) V3.1', { delta: 5 })));
  });

  it('hovers in Korean when the client locale is ko', async () => {
    client = await start({ locale: 'ko' });
    await client.open(uri, note);
    const h = await client.hover(uri, positionOf(note, 'DeepSeek) V3.1'));
    assert.deepEqual(lines(h).slice(0, 3), ['**DeepSeek-V3.1** · 모델 · DeepSeek', '', '- 매개변수: 671B (6710억) 전체 · 37B (370억) 활성']);
    const org = await client.hover(uri, positionOf(note, 'LG AI연구원', { delta: 4 }));
    assert.equal(lines(org)[0], '**LG AI Research** · 조직 · 연구소 · KR');
  });

  it('hovers SKT, LG AI연구원 and 엑사원 with the right entity', async () => {
    client = en();
    await client.open(uri, note);
    const first = async (needle: string) => lines(await client.hover(uri, positionOf(note, needle)))[0];
    assert.equal(await first('SKT'), '**SK Telecom** · organization · company · KR');
    assert.equal(await first('LG AI연구원'), '**LG AI Research** · organization · lab · KR');
    assert.equal(await first('엑사원'), '**EXAONE** · model family · LG AI Research');
  });

  it('follows the numberFormat setting from initializationOptions', async () => {
    client = await start({ locale: 'en', initializationOptions: { settings: { numberFormat: 'B' } } });
    await client.open(uri, note);
    const h = await client.hover(uri, positionOf(note, '딥시크'));
    assert.equal(lines(h)[2], '- Parameters: 671B total · 37B active');
  });

  it('has no hover on plain words, and follows incremental edits', async () => {
    client = en();
    const text = 'Plain words here.\n';
    const u = 'untitled:edit.md';
    await client.open(u, text);
    assert.equal(await client.hover(u, { line: 0, character: 2 }), null);
    // Replace "Plain" with "KAIST": the hover follows the new text.
    await client.change(u, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }, text: 'KAIST' }]);
    assert.equal(lines(await client.hover(u, { line: 0, character: 2 }))[0], '**KAIST** · organization · university · KR');
    await client.change(u, 3, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '```\n' }]);
    assert.equal(await client.hover(u, { line: 1, character: 2 }), null, 'nothing inside a fenced code block');
  });

  it('analyses a large note in slices and still answers hovers and diagnostics exactly', async () => {
    client = en();
    const paragraph = 'SKT는 5000억 개 매개변수 모델을 발표했다. DeepSeek-V3.1 has 671B parameters.\n\n';
    const big = paragraph.repeat(Math.ceil((300 * 1024) / paragraph.length)) + 'DeepSeek-V3.1 has 700B parameters.\n';
    const uri = 'untitled:big.md';
    await client.open(uri, big);
    const lastLine = big.split('\n').length - 2;
    const h = await client.hover(uri, { line: lastLine, character: 3 });
    assert.equal(lines(h)[0], '**DeepSeek-V3.1** · model · DeepSeek');
    const { diagnostics } = await client.waitForDiagnostics(uri);
    assert.deepEqual(diagnostics.map((d) => [d.range.start, d.code]), [[{ line: lastLine, character: 18 }, 'claim.mismatch']]);
  });
  it('updates a large note around an edit instead of analysing it whole again, and answers exactly', async () => {
    client = en();
    const paragraph = 'GPT-4 and DeepSeek-V3.1 are models.\n\n';
    const big = paragraph.repeat(Math.ceil((300 * 1024) / paragraph.length));
    const uri = 'untitled:edited.md';
    await client.open(uri, big);
    assert.equal(lines(await client.hover(uri, { line: 0, character: 12 }))[0], '**DeepSeek-V3.1** · model · DeepSeek');
    // `GPT-4` on line 2 becomes `GPT-4.5`, and line 4 gets a count the knowledge base disagrees with.
    await client.change(uri, 2, [{ range: { start: { line: 2, character: 5 }, end: { line: 2, character: 5 } }, text: '.5' }]);
    await client.change(uri, 3, [{ range: { start: { line: 4, character: 35 }, end: { line: 4, character: 35 } }, text: ' DeepSeek-V3.1 has 700B parameters.' }]);
    assert.equal(lines(await client.hover(uri, { line: 2, character: 2 }))[0], '**GPT-4.5** · model · OpenAI');
    const { diagnostics } = await client.waitForDiagnostics(uri, (p) => p.version === 3);
    assert.deepEqual(diagnostics.map((d) => [d.range.start, d.code]), [[{ line: 4, character: 54 }, 'claim.mismatch']]);
    assert.deepEqual(
      client.logs.filter((l) => l.includes(uri)).map((l) => l.replace(/in \d+ ms$/, 'in … ms')),
      [`Analysed ${uri} (300 KB) in slices in … ms`],
      'only the first version was analysed whole',
    );
  });
  it('answers a hover cancelled during a large note\'s analysis with nothing, and the next hover exactly', async () => {
    client = en();
    const paragraph = 'GPT-4 and DeepSeek-V3.1 are models.\n\n';
    const big = paragraph.repeat(Math.ceil((400 * 1024) / paragraph.length));
    const uri = 'untitled:cancel.md';
    await client.open(uri, big);
    const source = new CancellationTokenSource();
    const cancelled = client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 12 } }, source.token);
    source.cancel();
    assert.equal(await cancelled, null);
    const h = await client.hover(uri, { line: 0, character: 12 });
    assert.equal(lines(h)[0], '**DeepSeek-V3.1** · model · DeepSeek');
    assert.deepEqual(
      client.logs.filter((l) => l.includes(uri)).map((l) => l.replace(/in \d+ ms$/, 'in … ms')),
      [`Analysed ${uri} (400 KB) in slices in … ms`],
      'the cancelled request did not drop the analysis the next one needed',
    );
  });
});
