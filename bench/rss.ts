/**
 * Run by `bench/run.ts` as a bundled script in a fresh Node process with the server's Node flags
 * (`server/src/nodeFlags.ts`), the way the server runs:
 * loads the bundled knowledge, opens the notes (each analysed, edited once and diagnosed, all held
 * at once), and prints the resident set size before and after (and after 40 s of idling, the notes
 * still held) and the heap they retain per MB of note as JSON. Arguments: the data directory, then
 * the notes' paths.
 */
import { readFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeNote, createRecognizers } from '../server/src/analysis';
import { claimDiagnostics } from '../server/src/features/claimDiagnostics';
import { unknownNameDiagnostics } from '../server/src/features/unknownNames';
import { updateAnalysis } from '../server/src/analysis/incremental';
import { loadBundledKnowledgeBase } from '../server/src/knowledge/bundled';
import { buildAliasIndex } from '../server/src/recognize/aliasIndex';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const rss = (): number => {
  gc();
  return process.memoryUsage().rss;
};

const [dataDir, ...notePaths] = process.argv.slice(2);
const { kb } = loadBundledKnowledgeBase(dataDir);
const recognizers = createRecognizers(kb, buildAliasIndex(kb));
const texts = notePaths.map((p) => readFileSync(p, 'utf8'));
const before = rss();
const heapBefore = process.memoryUsage().heapUsed;
// Every note open at once, each analysed and edited once as the server holds it.
const open = texts.map((text, i) => {
  const doc = TextDocument.create(`file:///note-${i}.md`, 'markdown', 1, text);
  const analysis = analyzeNote(doc, recognizers);
  const at = analysis.offsetAt({ line: Math.floor(doc.lineCount / 2), character: 0 });
  const change = { range: { start: doc.positionAt(at), end: doc.positionAt(at) }, text: 'a' };
  const next = updateAnalysis(analysis, TextDocument.update(TextDocument.create(doc.uri, 'markdown', 1, text), [change], 2), [change], recognizers);
  return { next, diagnostics: [...claimDiagnostics(next, kb), ...unknownNameDiagnostics(next, kb, 'en')] };
});
const after = rss();
const heapAfter = process.memoryUsage().heapUsed;
const openMb = texts.reduce((n, t) => n + t.length, 0) / 1e6;
// Then idle, as a server between keystrokes: V8 gives memory back on its own (its memory reducer,
// after allocation stops), without the forced collections above. Sampled until it settles.
const IDLE_MS = 40_000;
const idleStart = Date.now();
let idle = process.memoryUsage().rss;
const timer = setInterval(() => {
  idle = process.memoryUsage().rss;
  if (Date.now() - idleStart < IDLE_MS) return;
  clearInterval(timer);
  process.stdout.write(
    JSON.stringify({
      before,
      after,
      idle,
      idleSeconds: IDLE_MS / 1000,
      notes: open.length,
      openMb,
      retainedHeapPerMb: (heapAfter - heapBefore) / openMb,
      mentions: open.reduce((n, o) => n + o.next.mentions.length, 0),
      diagnostics: open.reduce((n, o) => n + o.diagnostics.length, 0),
    }),
  );
}, 1000);
