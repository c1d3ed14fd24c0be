import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-protocol';
import { parse } from 'yaml';
import { decodeSemanticTokens } from '../../server/src/features/semanticTokens';
import { analyzeClaims } from '../support/claims';
import { examplesDir, fileUri, sharedServer, type StartedClient } from '../support/lspClient';

const notePath = path.join(examplesDir, 'skt-500b-ko.md');
const note = readFileSync(notePath, 'utf8');
/** The note's labelled mentions and claims (the CLI test checks them one by one). */
const labelled = parse(readFileSync(path.join(examplesDir, 'skt-500b-ko.expected.yaml'), 'utf8')) as { entities: unknown[]; parameterClaims: unknown[] };

describe('protocol: semantic tokens', function () {
  // The tests change no settings: one server answers them all, each on its own note.
  const en = sharedServer({ locale: 'en' });
  let client: StartedClient;

  it('advertises the legend', async () => {
    client = en();
    const provider = client.initializeResult.capabilities.semanticTokensProvider as { legend: SemanticTokensLegend; full: boolean; range: boolean };
    assert.deepEqual(provider, {
      legend: { tokenTypes: ['model', 'organization', 'parameterCount', 'product'], tokenModifiers: ['mismatch', 'userDefined'] },
      full: true,
      range: true,
    });
  });

  it('decodes back to exactly the recognizer’s mentions and claims of the example note', async () => {
    client = en();
    await client.open(fileUri(notePath), note);
    const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: fileUri(notePath) } });
    const decoded = decodeSemanticTokens(tokens.data).map((t) => [t.line, t.start, t.length, t.type, t.modifiers.join(',')]);
    const a = analyzeClaims(note);
    const expected = [
      ...a.mentions.map((m) => ({ at: m.start, row: [a.range(m).start.line, a.range(m).start.character, m.end - m.start, m.kind, ''] })),
      ...a.claims.map((c) => ({ at: c.start, row: [a.range(c).start.line, a.range(c).start.character, c.end - c.start, 'parameterCount', ''] })),
    ]
      .sort((x, y) => x.at - y.at)
      .map((x) => x.row);
    // As many as the note's labels list (25 + 10): the server and this process did not both find nothing.
    assert.equal(decoded.length, labelled.entities.length + labelled.parameterClaims.length);
    assert.deepEqual(decoded, expected);
  });

  it('marks a disagreeing claim with the mismatch modifier; range requests stay in range', async () => {
    client = en();
    const text = 'Intro.\n\nDeepSeek-V3.1 has 700B parameters.\n';
    await client.open('untitled:t.md', text);
    const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/range', {
      textDocument: { uri: 'untitled:t.md' },
      range: { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } },
    });
    assert.deepEqual(decodeSemanticTokens(tokens.data).map((t) => [t.line, t.start, t.length, t.type, t.modifiers]), [
      [2, 0, 13, 'model', []],
      [2, 18, 4, 'parameterCount', ['mismatch']],
    ]);
  });
});
