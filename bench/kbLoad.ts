/**
 * `npx tsx bench/kbLoad.ts [runs] [--path server|bench]`: the "bundled knowledge base load + alias
 * index" figure alone, each run in a fresh process (default 15 runs), with the medians. Cold, once
 * per process, after the modules `bench/run.ts` has loaded by then: as `bench/run.ts` measures it.
 *
 * `--path server` (the default) times what the server does before it can recognize the first
 * mention: load the snapshot ("Loaded bundled knowledge ... in N ms"), put the workspace's
 * knowledge files on it (none here: `createKnowledgeBase([], 2, bundled)`), then the alias index
 * and the recognizers ("Alias index built ... in N ms"). `--path bench` times the load and the
 * index of the bundled knowledge base alone, as `bench/run.ts` did before it counted the other two.
 * Also shows the first recognition of a short note, which neither counts (the trie branches
 * lazily as notes are read). Other processes share the CPU: read the medians, and the main
 * thread's CPU time beside the wall time.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeNote, createRecognizers } from '../server/src/analysis';
import { loadBundledKnowledgeBase } from '../server/src/knowledge/bundled';
import { createKnowledgeBase } from '../server/src/knowledge/knowledgeBase';
import { buildAliasIndex } from '../server/src/recognize/aliasIndex';
// As `bench/run.ts` has them loaded before it measures.
import '../server/src/check/claims';
import '../server/src/features/noteDiagnostics';
import '../server/src/features/hover';
import '../server/src/analysis/incremental';
import '../server/src/markdown/prose';
import '../server/src/features/references';
import '../server/src/workspace/noteIndex';

const dataDir = path.resolve(__dirname, '..', 'server', 'data');
const now = (): number => performance.now();

interface Run {
  loadMs: number;
  /** The workspace layer with no knowledge files (`--path server`; 0 otherwise). */
  layerMs: number;
  indexMs: number;
  /** `createRecognizers` (`--path server`; 0 otherwise). */
  recognizersMs: number;
  /** The figure: the sum of the above. */
  totalMs: number;
  /** On-CPU time of the main thread over the figure (Linux `schedstat`): the wall time without waiting for other processes. */
  mainThreadMs: number;
  firstNoteMs: number;
  entities: number;
  mentions: number;
}

const mainThreadMs = (): number => {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return NaN;
  }
};

function once(server: boolean): Run {
  const main = mainThreadMs();
  let t = now();
  const { kb: bundled } = loadBundledKnowledgeBase(dataDir);
  const loadMs = now() - t;
  t = now();
  const kb = server ? createKnowledgeBase([], 2, bundled) : bundled;
  const layerMs = server ? now() - t : 0;
  t = now();
  const index = buildAliasIndex(kb);
  const indexMs = now() - t;
  t = now();
  const recognizers = server ? createRecognizers(kb, index) : undefined;
  const recognizersMs = server ? now() - t : 0;
  const mainMs = mainThreadMs() - main;
  t = now();
  const text = '# Notes\n\nDeepSeek-V3.1 and 엑사원 3.5 beat Llama 3 8B; Qwen3-14B from 알리바바 (Alibaba) is next.\n';
  const analysis = analyzeNote(TextDocument.create('file:///first.md', 'markdown', 1, text), recognizers ?? createRecognizers(kb, index));
  const firstNoteMs = now() - t;
  return { loadMs, layerMs, indexMs, recognizersMs, totalMs: loadMs + layerMs + indexMs + recognizersMs, mainThreadMs: mainMs, firstNoteMs, entities: kb.all().length, mentions: analysis.mentions.length };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pathArg = process.argv.includes('--path') ? process.argv[process.argv.indexOf('--path') + 1] : 'server';

if (process.argv.includes('--once')) {
  process.stdout.write(JSON.stringify(once(pathArg !== 'bench')));
} else {
  const runs = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 15);
  const results: Run[] = [];
  for (let i = 0; i < runs; i++) {
    const run = spawnSync(process.execPath, ['--import', 'tsx', __filename, '--once', '--path', pathArg], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(run.stderr);
    results.push(JSON.parse(run.stdout) as Run);
  }
  const keys = ['loadMs', 'layerMs', 'indexMs', 'recognizersMs', 'totalMs', 'mainThreadMs', 'firstNoteMs'] as const;
  for (const k of keys) {
    const xs = results.map((r) => r[k]);
    console.log(`${k.padEnd(14)} median ${median(xs).toFixed(1).padStart(6)} ms   min ${Math.min(...xs).toFixed(1)}  max ${Math.max(...xs).toFixed(1)}   [${xs.map((x) => x.toFixed(1)).join(' ')}]`);
  }
  console.log(`--path ${pathArg}: ${results[0].entities} entities, ${results[0].mentions} mentions in the first note, ${runs} processes`);
}
