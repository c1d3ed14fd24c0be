/**
 * VS Code's Markdown grammar (from the `tm-grammars` package, with the YAML and HTML grammars it
 * embeds) under vscode-textmate over vscode-oniguruma, the engine VS Code tokenizes with: with
 * the injection grammar (`syntaxes/`) injected, or alone. Used by the grammar's tests and by
 * `bench/grammar.ts`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { GRAMMAR_FILE, SCOPE_NAME } from '../../scripts/build-grammar';

const repoRoot = path.resolve(__dirname, '..', '..');
const GRAMMARS: Record<string, string> = {
  'text.html.markdown': require.resolve('tm-grammars/grammars/markdown.json'),
  'source.yaml': require.resolve('tm-grammars/grammars/yaml.json'),
  'text.html.derivative': require.resolve('tm-grammars/grammars/html-derivative.json'),
  'text.html.basic': require.resolve('tm-grammars/grammars/html.json'),
  [SCOPE_NAME]: path.join(repoRoot, GRAMMAR_FILE),
};

let wasmLoaded: Promise<void> | undefined;

/** The Markdown grammar, with ours injected unless `injected` is false. */
export async function markdownGrammar(injected = true): Promise<textmate.IGrammar> {
  wasmLoaded ??= (async () => {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  })();
  await wasmLoaded;
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    // Grammars embedded in fenced code (source.js ...) are left out: code is never tokenized by ours.
    loadGrammar: async (scopeName) => {
      const file = GRAMMARS[scopeName];
      return file ? textmate.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
    },
    getInjections: (scopeName) => (injected && scopeName === 'text.html.markdown' ? [SCOPE_NAME] : undefined),
  });
  const grammar = await registry.loadGrammar('text.html.markdown');
  if (!grammar) throw new Error('the Markdown grammar did not load');
  return grammar;
}
