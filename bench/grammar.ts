/**
 * Run by `bench/run.ts` in its own process: what the injection grammar adds to TextMate
 * tokenization, with the engine and the Markdown grammar VS Code uses (`test/support/textmate.ts`).
 * Each note is tokenized line by line, as the editor does, by the Markdown grammar alone and with
 * ours injected, alternately; prints the medians per note as JSON. Arguments: the notes' paths.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as textmate from 'vscode-textmate';
import { markdownGrammar } from '../test/support/textmate';

/** Milliseconds to tokenize every line of `lines`, carrying the rule stack from line to line. */
function tokenizeMs(grammar: textmate.IGrammar, lines: readonly string[]): number {
  const t0 = performance.now();
  let stack = textmate.INITIAL;
  for (const line of lines) stack = grammar.tokenizeLine(line, stack).ruleStack;
  return performance.now() - t0;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const plain = await markdownGrammar(false);
  const withOurs = await markdownGrammar(true);
  const notes = process.argv.slice(2).map((file) => {
    const lines = readFileSync(file, 'utf8').split(/\r?\n/);
    // Warm-up: both grammars compile their rules on first use.
    tokenizeMs(plain, lines);
    tokenizeMs(withOurs, lines);
    const plainMs: number[] = [];
    const injectedMs: number[] = [];
    for (let run = 0; run < 7; run++) {
      plainMs.push(tokenizeMs(plain, lines));
      injectedMs.push(tokenizeMs(withOurs, lines));
    }
    return { note: path.basename(file, '.md'), lines: lines.length, plainMs: median(plainMs), injectedMs: median(injectedMs) };
  });
  process.stdout.write(JSON.stringify(notes));
}

main().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error));
  process.exit(1);
});
