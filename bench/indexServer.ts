/**
 * Run by `bench/run.ts` in its own process: the built server (`dist/server.js`) over LSP on a
 * folder of notes, as an editor drives it. It opens one note, hovers it again and again while
 * the server indexes the folder in the background, and prints as JSON how long indexing took
 * (initialized → progress end), the hover latencies meanwhile, and the server's resident set
 * size once indexing is done. Arguments: the folder, then the open note's file name in it.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestClient } from '../test/support/lspClient';

/** VmRSS of a Linux process, in bytes; undefined elsewhere. */
function rssOf(pid: number | undefined): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const [folder, noteName] = process.argv.slice(2);
  const noteUri = pathToFileURL(path.join(folder, noteName)).href;
  const text = readFileSync(path.join(folder, noteName), 'utf8');
  const mention = text.indexOf('DeepSeek-V3.1');
  const before = text.slice(0, mention).split('\n');
  const position = { line: before.length - 1, character: before.at(-1)!.length + 2 };
  const t0 = performance.now();
  const client = await TestClient.start({ rootUri: pathToFileURL(folder).href, locale: 'en', capabilities: { window: { workDoneProgress: true } } });
  await client.open(noteUri, text);
  let indexed = false;
  const ended = client.progressEnd(120_000).then(() => {
    indexed = true;
    return performance.now() - t0;
  });
  const latencies: number[] = [];
  while (!indexed) {
    const t = performance.now();
    const h = await client.hover(noteUri, position);
    if (!h) throw new Error('no hover on the open note while indexing');
    latencies.push(performance.now() - t);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const indexMs = await ended;
  await new Promise((resolve) => setTimeout(resolve, 500));
  const rss = rssOf(client.pid);
  await client.stop();
  latencies.sort((a, b) => a - b);
  process.stdout.write(
    JSON.stringify({
      indexMs,
      hover: { medianMs: latencies[Math.floor(latencies.length / 2)], maxMs: latencies.at(-1), samples: latencies.length },
      rss,
    }),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error));
  process.exit(1);
});
