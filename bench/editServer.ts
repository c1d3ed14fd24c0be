/**
 * Run by `bench/run.ts` in its own process: the built server (`dist/server.js`) over LSP with one
 * large note open, as an editor drives it. After the note's first hover, each one-character edit
 * (spread over the note) is followed at once by a hover, which waits for the edited version's
 * analysis; prints the hover latencies as JSON. Arguments: the note's path.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { TestClient } from '../test/support/lspClient';

const EDITS = 12;

async function main(): Promise<void> {
  const [notePath] = process.argv.slice(2);
  const uri = pathToFileURL(notePath).href;
  const text = readFileSync(notePath, 'utf8');
  const lines = text.split('\n').length;
  const client = await TestClient.start({ locale: 'en' });
  await client.open(uri, text);
  await client.hover(uri, { line: 0, character: 0 });
  const latencies: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const line = Math.floor(((i + 0.5) * lines) / EDITS);
    await client.change(uri, i + 2, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'x' }]);
    const t = performance.now();
    await client.hover(uri, { line, character: 0 });
    latencies.push(performance.now() - t);
  }
  await client.stop();
  latencies.sort((a, b) => a - b);
  process.stdout.write(JSON.stringify({ medianMs: latencies[Math.floor(latencies.length / 2)], maxMs: latencies.at(-1), edits: EDITS }));
}

main().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error));
  process.exit(1);
});
