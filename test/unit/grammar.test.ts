import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as textmate from 'vscode-textmate';
import { GRAMMAR_FILE, grammarText, SCOPES } from '../../scripts/build-grammar';
import { markdownGrammar } from '../support/textmate';
import { bundledKnowledge, repoRoot } from '../support/knowledge';

/** The injection grammar over VS Code's own Markdown grammar, tokenized as VS Code does (`test/support/textmate.ts`). */
interface Token {
  start: number;
  end: number;
  scopes: string[];
}

let markdown: Promise<textmate.IGrammar> | undefined;

async function tokenize(text: string): Promise<Token[][]> {
  const grammar = await (markdown ??= markdownGrammar());
  let stack = textmate.INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const result = grammar.tokenizeLine(line, stack);
    stack = result.ruleStack;
    return result.tokens.map((t) => ({ start: t.startIndex, end: t.endIndex, scopes: t.scopes }));
  });
}

const OURS = /\.research-notes$/;

describe('injection grammar', () => {
  const fixture = fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'grammar', 'note.md'), 'utf8');
  const lines = fixture.split('\n');
  let tokens: Token[][];
  before(async () => {
    tokens = await tokenize(fixture);
  });

  /** The line holding `marker` and the column of `needle` in it (after `marker`'s start). */
  const locate = (marker: string, needle: string): [number, number] => {
    const line = lines.findIndex((l) => l.includes(marker));
    assert.ok(line >= 0, `a fixture line with ${marker}`);
    const column = lines[line].indexOf(needle, lines[line].indexOf(marker));
    assert.ok(column >= 0, `${needle} on the line of ${marker}`);
    return [line, column];
  };

  const present: [marker: string, needle: string, scope: string][] = [
    ['# SKT의', 'SKT', SCOPES.organization],
    ['# SKT의', '5000억', SCOPES.parameterCount],
    ['# SKT의', 'DeepSeek-V3.1', SCOPES.model],
    ['SK텔레콤은', 'SK텔레콤', SCOPES.organization],
    ['SK텔레콤은', '5천억', SCOPES.parameterCount],
    ['SK텔레콤은', '딥시크', SCOPES.organization],
    ['SK텔레콤은', '6,850억', SCOPES.parameterCount],
    ['SK텔레콤은', '1조 2000억', SCOPES.parameterCount],
    ["Meta's", 'Llama 3.1 405B', SCOPES.model],
    ["Meta's", '405 billion', SCOPES.parameterCount],
    ["Meta's", 'GPT-4', SCOPES.model],
    ["Meta's", '1.8 trillion', SCOPES.parameterCount],
    ["Meta's", '46.7B', SCOPES.parameterCount],
    ['LG AI연구원의', 'LG AI연구원', SCOPES.organization],
    ['LG AI연구원의', 'EXAONE 4.0 32B', SCOPES.model],
    ['LG AI연구원의', 'HyperCLOVA X', SCOPES.model],
    ['LG AI연구원의', 'HyperCLOVA X Team', SCOPES.organization],
    ['LG AI연구원의', '685B', SCOPES.parameterCount],
    ['LG AI연구원의', '37B', SCOPES.parameterCount],
    ['[DeepSeek link]', 'DeepSeek', SCOPES.organization],
    ['<span', 'NC AI', SCOPES.organization],
    ['- a list item', 'Upstage', SCOPES.organization],
    ['- a list item', '22B', SCOPES.parameterCount],
    ['> a quote', 'Mistral AI', SCOPES.organization],
    ['> a quote', '123B', SCOPES.parameterCount],
    ['| A.X K1', 'A.X K1', SCOPES.model],
    ['| A.X K1', '519B', SCOPES.parameterCount],
  ];
  for (const [marker, needle, scope] of present) {
    it(`scopes ${needle} (${marker}) as ${scope.split('.').slice(0, -1).join('.')}`, () => {
      const [line, column] = locate(marker, needle);
      const token = tokens[line].find((t) => t.start === column);
      assert.ok(token, `a token starting at ${needle}`);
      assert.equal(lines[line].slice(token.start, token.end), needle);
      assert.ok(token.scopes.includes(scope), `${needle}: ${token.scopes.join(' ')}`);
    });
  }

  const absent: [marker: string, needle: string, where: string][] = [
    ['title: SKT', 'SKT 500B', 'front matter'],
    ['models: [', 'DeepSeek-V3.1, 685B', 'front matter'],
    ['Not SKTelecom', 'SKTelecom', 'a longer Latin word'],
    ['Not SKTelecom', 'GPT-4.7', 'a longer version'],
    ['Not SKTelecom', '80GB', 'bytes'],
    ['Not SKTelecom', '$5B', 'money'],
    ['Not SKTelecom', '15T tokens', 'tokens'],
    ['Not SKTelecom', '5000억원', 'money'],
    ['Inline `', 'SKT 685B', 'inline code'],
    ['[DeepSeek link]', 'https://deepseek.com/DeepSeek-V3.1/685B', 'a link destination'],
    ['[DeepSeek link]', 'SKT 500B title', 'a link title'],
    ['An autolink', 'https://skt.com/SKT/500B', 'an autolink'],
    ['An autolink', 'SKT.500B@deepseek.com', 'an e-mail link'],
    ['An autolink', 'Llama 3.1 405B](llama-405B.png)', 'an image'],
    ['An autolink', 'Kakao 30B', 'an HTML attribute'],
    ['fenced SKT', 'SKT 500B DeepSeek-V3.1', 'fenced code'],
    ['list-fenced', 'SKT 500B', 'fenced code in a list item'],
    ['quote-fenced', 'SKT 500B', 'fenced code in a quote'],
    ['    indented', 'SKT 500B', 'indented code'],
    ['HTML block', 'SKT 500B', 'an HTML block'],
    ['<!-- comment', 'SKT 500B', 'an HTML comment'],
    ['[ref]:', 'https://example.com/SKT/500B "SKT 500B"', 'a link reference definition'],
  ];
  for (const [marker, needle, where] of absent) {
    it(`leaves ${needle} in ${where} alone`, () => {
      const [line, column] = locate(marker, needle);
      const end = column + needle.length;
      const ours = tokens[line].filter((t) => t.start < end && t.end > column && t.scopes.some((s) => OURS.test(s)));
      assert.deepEqual(
        ours.map((t) => lines[line].slice(t.start, t.end)),
        [],
        `${where}: ${ours.map((t) => t.scopes.join(' ')).join(' | ')}`,
      );
    });
  }

  it('folds case and separators, allows Korean particles, needs Latin boundaries', async () => {
    const scoped = async (text: string): Promise<string[]> =>
      (await tokenize(text))[0].filter((t) => t.scopes.some((s) => OURS.test(s))).map((t) => text.slice(t.start, t.end));
    assert.deepEqual(await scoped('deepseek_v3.1, DEEPSEEK V3.1, DeepSeek  V3.1'), ['deepseek_v3.1', 'DEEPSEEK V3.1', 'DeepSeek  V3.1']);
    assert.deepEqual(await scoped('딥시크의 모델, SKT는, 서울대,'), ['딥시크', 'SKT', '서울대']);
    // As the recognizer: a Korean name may start mid-word, but not inside a word that holds it.
    assert.deepEqual(await scoped('라마 3와 드라마 3회, 파노라마 3장, 이전글뤼튼'), ['라마 3', '뤼튼']);
    assert.deepEqual(await scoped('xSKT SKTx SKT1 GPT-4oo 7Bx xA7B'), []);
    assert.deepEqual(await scoped('685 B, 0.685T, 7b, 56-billion-parameter'), ['685 B', '0.685T', '7b', '56-billion']);
  });

  it('leaves to semantic tokens the names that need a paragraph about AI, and keeps their case', async () => {
    const scoped = async (text: string): Promise<string[]> =>
      (await tokenize(text))[0].filter((t) => t.scopes.some((s) => OURS.test(s))).map((t) => text.slice(t.start, t.end));
    // Words with other senses: the recognizer reads the paragraph, a grammar cannot (\u00a76 of #13).
    assert.deepEqual(await scoped("Meta's Llama 3, an Apple pie, Claude Monet, the Falcon, the Mistral wind, Gemini stars"), ['Llama 3']);
    // Unless the name carries a word of the field: Mistral AI, Meta AI.
    assert.deepEqual(await scoped('Mistral AI and Meta AI'), ['Mistral AI', 'Meta AI']);
    // A one-word name needs its capital, and no lowercase word glued by a hyphen; xAI its own letters.
    assert.deepEqual(await scoped('Cohere, cohere, Cohere-based, COHERE, xAI, XAI, xai'), ['Cohere', 'COHERE', 'xAI']);
    // A coined name in lowercase too, outside an identifier.
    assert.deepEqual(await scoped('deepseek, DeepSeek/OpenAI, huggingface_hub, github/azu, @huggingface/hub, palm'), ['deepseek', 'DeepSeek', 'OpenAI']);
  });

  it('is up to date with the bundled knowledge base', () => {
    const committed = fs.readFileSync(path.join(repoRoot, GRAMMAR_FILE), 'utf8');
    assert.ok(committed === grammarText(bundledKnowledge().kb), `${GRAMMAR_FILE} is out of date: run npm run build:grammar`);
  });
});
