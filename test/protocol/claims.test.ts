import * as assert from 'node:assert/strict';
import type { CodeAction, InlayHint, MarkupContent, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { ownServers, sharedServer, type StartedClient } from '../support/lspClient';
import { positionOf, rangeOf } from '../support/text';
import { inProcess } from '../support/knowledge';
import { TextDocument } from 'vscode-languageserver-textdocument';

describe('protocol: parameter-count claims', function () {
  // Tests that change no settings share one server, each on its own note; the others start their own.
  const en = sharedServer({ locale: 'en' });
  const start = ownServers();
  let client: StartedClient;

  const wrong = 'DeepSeek-V3.1 has 700B parameters.\n';
  const right = ['DeepSeek-V3.1 has 671B parameters.', '', 'DeepSeek-V3.1 has 685B parameters.', '', '딥시크(DeepSeek) V3.1의 6850억 개 매개변수.', ''].join('\n');

  it('publishes a mismatch for a wrong DeepSeek-V3.1 size, with its source', async () => {
    client = en();
    await client.open('file:///n/wrong.md', wrong);
    const { diagnostics } = await client.waitForDiagnostics('file:///n/wrong.md');
    // The source link is the bundled data's (checked by kb:check); the rest is the check's answer.
    const { codeDescription, ...rest } = diagnostics[0] ?? {};
    assert.deepEqual(
      [rest],
      [
        {
          range: rangeOf(wrong, '700B'),
          severity: 3,
          code: 'claim.mismatch',
          source: 'research-notes',
          message: 'DeepSeek-V3.1 has 671B total parameters (knowledge base; also reported: 685B), not 700B.',
          data: { kind: 'claim.mismatch', expected: 671000000000, notation: 'B' },
        },
      ],
    );
    assert.deepEqual(diagnostics, inProcess({ locale: 'en' }).diagnostics(TextDocument.create('file:///n/wrong.md', 'markdown', 1, wrong)));
    assert.match(codeDescription?.href ?? '', /^https:\/\//);
  });

  it('publishes nothing for 671B, 685B and 6850억', async () => {
    client = en();
    await client.open('file:///n/right.md', right);
    assert.deepEqual((await client.waitForDiagnostics('file:///n/right.md')).diagnostics, []);
    // Nothing published because each count was read, linked and checked, not because none was seen.
    for (const claim of ['671B', '685B', '6850억']) {
      const h = await client.hover('file:///n/right.md', positionOf(right, claim));
      const md = (h?.contents as MarkupContent | undefined)?.value ?? '';
      assert.match(md, /^DeepSeek-V3\.1: /m, claim);
      assert.match(md.split('\n').at(-1) ?? '', /^✓ Agrees with the knowledge base/, md);
    }
  });

  it('follows the severity and tolerance settings', async () => {
    // 740B is 8 % off the alternate 685B: fine at 10 %; 800B is not.
    client = await start({ initializationOptions: { settings: { claims: { severity: 'warning', tolerance: 0.1 } } } });
    await client.open('file:///n/a.md', 'DeepSeek-V3.1 has 800B parameters.\n\nDeepSeek-V3.1 has 740B parameters.\n');
    const { diagnostics } = await client.waitForDiagnostics('file:///n/a.md');
    assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.severity]), [[0, 2]]);
  });

  it('offers the exact quick fix in the note notation', async () => {
    client = await start({ locale: 'ko' });
    const text = 'DeepSeek-V3.1은 7000억 개의 매개변수를 가진다.\n';
    await client.open('file:///n/ko.md', text, 3);
    const { diagnostics } = await client.waitForDiagnostics('file:///n/ko.md');
    assert.equal(diagnostics.length, 1);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: 'file:///n/ko.md' },
      range: diagnostics[0].range,
      context: { diagnostics },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'quickfix');
    assert.equal(actions[0].isPreferred, true);
    const edit = actions[0].edit!.documentChanges![0] as TextDocumentEdit;
    assert.deepEqual(edit.textDocument, { uri: 'file:///n/ko.md', version: 3 });
    assert.deepEqual(edit.edits, [{ range: rangeOf(text, '7000억'), newText: '6710억' }]);
  });

  const hintText = 'SKT는 5000억 개 매개변수 모델을, DeepSeek-V3.1은 685B parameters를 가진다.\n';
  const hints = async (): Promise<unknown[]> => {
    await client.open('file:///n/hints.md', hintText);
    const range = { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } };
    const h = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: 'file:///n/hints.md' }, range });
    return h.map((x) => [x.position, x.label]);
  };

  it('shows inlay hints after Korean-unit sizes by default', async () => {
    client = en();
    assert.deepEqual(await hints(), [[positionOf(hintText, '5000억', { delta: 5 }), '≈ 500B']]);
  });

  it('shows inlay hints after every size with inlayHints.numbers = all', async () => {
    client = await start({ initializationOptions: { settings: { inlayHints: { numbers: 'all' } } } });
    assert.deepEqual(await hints(), [
      [positionOf(hintText, '5000억', { delta: 5 }), '≈ 500B'],
      [positionOf(hintText, '685B', { delta: 4 }), '≈ 6850억'],
    ]);
  });

  it('hovers a claim with both notations and the knowledge-base verdict', async () => {
    client = en();
    await client.open('file:///n/wrong.md', wrong);
    const h = await client.hover('file:///n/wrong.md', positionOf(wrong, '700B'));
    const md = (h!.contents as MarkupContent).value;
    assert.equal(md.split('\n')[0], '**700B** = 7000억 = 700,000,000,000');
    assert.ok(md.includes('✗'), md);
  });
});
