/**
 * `npm run bench`: the figures of DESIGN.md's budgets, measured in one process and run, as ratios
 * where the budget is a ratio. Inputs are generated from a fixed seed (`notes.ts`). Prints a table
 * and writes `bench/results.json`; never fails on timing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import MarkdownIt from 'markdown-it';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeNote, createRecognizers, type NoteAnalysis, type Recognizers } from '../server/src/analysis';
import { defaultClaimCheckOptions } from '../server/src/check/claims';
import { noteDiagnostics, type NoteDiagnostics } from '../server/src/features/noteDiagnostics';
import { hover } from '../server/src/features/hover';
import { updateAnalysis } from '../server/src/analysis/incremental';
import { loadBundledKnowledgeBase } from '../server/src/knowledge/bundled';
import { createKnowledgeBase } from '../server/src/knowledge/knowledgeBase';
import type { KnowledgeBase } from '../server/src/knowledge/types';
import { parseMarkdown } from '../server/src/markdown/prose';
import { buildAliasIndex } from '../server/src/recognize/aliasIndex';
import { workspaceSymbols } from '../server/src/features/references';
import { indexedNote, NoteIndex } from '../server/src/workspace/noteIndex';
import { SERVER_NODE_FLAGS } from '../server/src/nodeFlags';
import { benchNote, noisyNote, outlineNote, prng } from './notes';

const repo = path.resolve(__dirname, '..');
const dataDir = path.join(repo, 'server', 'data');
const SIZES = { '10 KB': 10_000, '100 KB': 100_000, '1 MB': 1_000_000 } as const;
type Size = keyof typeof SIZES;

const now = (): number => performance.now();
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

/** Median of `runs` timings of `fn` after `warm` untimed runs. */
function time(fn: () => unknown, runs: number, warm = 1): number {
  for (let i = 0; i < warm; i++) fn();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = now();
    fn();
    xs.push(now() - t);
  }
  return median(xs);
}

const log = (s: string): void => void process.stderr.write(`${s}\n`);

// ---- knowledge ------------------------------------------------------------------------------

// What the server does before it can recognize the first mention, each step timed.
let t = now();
// As the server loads it: the precompiled snapshot, no merge.
const { kb: bundled } = loadBundledKnowledgeBase(dataDir);
const kbLoadMs = now() - t;
t = now();
// The workspace's knowledge: the bundled data with the workspace's knowledge files merged on (none here).
const kb = createKnowledgeBase([], 2, bundled);
const layerMs = now() - t;
t = now();
const index = buildAliasIndex(kb);
const indexMs = now() - t;
t = now();
const recognizers = createRecognizers(kb, index);
const recognizersMs = now() - t;
log(`knowledge: ${kb.all().length} entities loaded in ${kbLoadMs.toFixed(1)} ms, workspace layer ${layerMs.toFixed(1)} ms, alias index ${indexMs.toFixed(1)} ms, recognizers ${recognizersMs.toFixed(1)} ms`);

/** The full pipeline, as the server runs it on open: parse, mask, mentions, claims, diagnostics. */
function fullAnalysis(doc: TextDocument, r: Recognizers, k: KnowledgeBase): NoteAnalysis {
  const analysis = analyzeNote(doc, r);
  diagnostics(analysis, k);
  return analysis;
}
function diagnostics(analysis: NoteAnalysis, k: KnowledgeBase, prev?: NoteDiagnostics): NoteDiagnostics {
  return noteDiagnostics(analysis, k, defaultClaimCheckOptions, prev);
}

// ---- per size ---------------------------------------------------------------------------------

interface SizeResult {
  chars: number;
  markdownItMs: number;
  remarkWholeMs: number;
  analysisMs: number;
  recognitionMs: number;
  mentions: number;
  claims: number;
  /** A character typed and taken back in prose at three places. */
  edits: Record<'start' | 'middle' | 'end', { updateMs: number; withDiagnosticsMs: number }>;
  /** The same inside a table cell, a list item and a fenced code block (#19), and a fence's backtick taken away and put back. */
  blockEdits: Record<'table cell' | 'list item' | 'code block' | 'fence opened/closed', { updateMs: number; withDiagnosticsMs: number }>;
  hover: { medianMs: number; p99Ms: number; samples: number };
}

const md = new MarkdownIt();
const results: Partial<Record<Size, SizeResult>> = {};
const notes: Partial<Record<Size, string>> = {};

/** Medians of `insert` typed at `at` of `doc` and taken back, alternately (or taken away and put back with `remove`), `count` times. */
function typed(doc: TextDocument, analysis: NoteAnalysis, at: number, count: number, insert = 'a', remove = false): { updateMs: number; withDiagnosticsMs: number } {
  let current = analysis;
  let currentDiagnostics = diagnostics(analysis, kb);
  let version = 1;
  let docNow = doc;
  const update: number[] = [];
  const withDiagnostics: number[] = [];
  for (let i = 0; i < count; i++) {
    const pos = docNow.positionAt(at);
    const change = (i % 2 === 0) !== remove ? { range: { start: pos, end: pos }, text: insert } : { range: { start: pos, end: docNow.positionAt(at + insert.length) }, text: '' };
    docNow = TextDocument.update(TextDocument.create(doc.uri, 'markdown', version, docNow.getText()), [change], ++version);
    const t0 = now();
    current = updateAnalysis(current, docNow, [change], recognizers);
    const t1 = now();
    // As the server does: diagnostics updated around the edit from the previous version's.
    currentDiagnostics = diagnostics(current, kb, currentDiagnostics);
    const t2 = now();
    if (i >= 2) {
      update.push(t1 - t0);
      withDiagnostics.push(t2 - t0);
    }
  }
  return { updateMs: median(update), withDiagnosticsMs: median(withDiagnostics) };
}

for (const [label, size] of Object.entries(SIZES) as [Size, number][]) {
  const text = benchNote(size);
  notes[label] = text;
  const big = size >= 1_000_000;
  const runs = big ? 5 : size >= 100_000 ? 15 : 40;
  const doc = TextDocument.create('file:///bench.md', 'markdown', 1, text);

  const markdownItMs = time(() => md.parse(text, {}), runs, 2);
  const analysisMs = time(() => fullAnalysis(doc, recognizers, kb), runs, 2);
  const analysis = analyzeNote(doc, recognizers);
  const recognitionMs = time(() => {
    const mentions = recognizers.aliases.find(analysis.mask);
    recognizers.link!(analysis.mask, recognizers.quantities!(analysis.mask, 0, analysis.mask.length), mentions);
  }, runs, 1);
  log(`${label}: markdown-it ${markdownItMs.toFixed(1)} ms, analysis ${analysisMs.toFixed(1)} ms`);

  // One character typed into prose and taken back, at three places.
  const edits = {} as SizeResult['edits'];
  const prose = (from: number): number => {
    const i = analysis.mask.slice(from).search(/[A-Za-z가-힣]/);
    return i === -1 ? from : from + i;
  };
  const fm = text.indexOf('\n---\n') + 5;
  const typing = (at: number, insert = 'a', remove = false) => typed(doc, analysis, at, big ? 20 : 60, insert, remove);
  for (const [where, at] of [['start', prose(fm)], ['middle', prose(Math.floor(text.length / 2))], ['end', prose(text.length - 400)]] as const) edits[where] = typing(at);
  // The first of each kind of line after the middle of the note (or before it, in a small note).
  const lineAfterMiddle = (re: RegExp): number => {
    re.lastIndex = Math.floor(text.length / 2);
    const m = re.exec(text) ?? ((re.lastIndex = 0), re.exec(text));
    if (!m) throw new Error(`no ${re} in the ${label} note`);
    return m.index;
  };
  const row = lineAfterMiddle(/^\| \*\*[^|]+\*\* \| /gm);
  const blockEdits = {
    'table cell': typing(text.indexOf(' | ', row) + 4), // into the organization's cell
    'list item': typing(lineAfterMiddle(/^- \S/gm) + 3),
    'code block': typing(lineAfterMiddle(/^print\(/gm) + 2),
    'fence opened/closed': typing(lineAfterMiddle(/^```python$/gm), '`', true),
  };

  // Hover on random mentions.
  const rand = prng(11);
  const samples: number[] = [];
  const options = { locale: 'en' as const, numberFormat: 'auto' as const };
  for (let i = 0; i < 2000 && analysis.mentions.length > 0; i++) {
    const m = analysis.mentions[Math.floor(rand() * analysis.mentions.length)];
    const offset = m.start + Math.floor(rand() * (m.end - m.start));
    const t0 = now();
    hover(analysis, offset, kb, options);
    samples.push(now() - t0);
  }

  // The bare whole-document remark parse: superlinear, so only once at 1 MB.
  log(`${label}: remark-parse on the whole note${big ? ' (once; this takes a while)' : ''}...`);
  const remarkWholeMs = big ? time(() => parseMarkdown(text), 1, 0) : time(() => parseMarkdown(text), size >= 100_000 ? 3 : 10, 1);

  results[label] = {
    chars: text.length,
    markdownItMs,
    remarkWholeMs,
    analysisMs,
    recognitionMs,
    mentions: analysis.mentions.length,
    claims: analysis.claims.length,
    edits,
    blockEdits,
    hover: { medianMs: median(samples), p99Ms: percentile(samples, 0.99), samples: samples.length },
  };
}

// ---- a 1 MB note of one line (#17 §5): open, and a keystroke at three places -----------------

/** The prose lines of the bench note joined into one line of 1 MB: one paragraph, parsed in windows. */
const proseLine = benchNote(2_000_000).split('\n').filter((l) => /^[A-Za-z가-힣]/.test(l)).join(' ');
const oneLine = proseLine.slice(0, proseLine.lastIndexOf(' ', 1_000_000));
log(`one line of ${oneLine.length} chars: open and edits...`);
const oneLineDoc = TextDocument.create('file:///one-line.md', 'markdown', 1, oneLine);
const oneLineMarkdownItMs = time(() => md.parse(oneLine, {}), 3, 1);
const oneLineOpenMs = time(() => fullAnalysis(oneLineDoc, recognizers, kb), 3, 1);
const oneLineEditMs = (() => {
  let worst = 0;
  for (const at of [0.001, 0.5, 0.999]) {
    let docNow = oneLineDoc;
    let current = analyzeNote(docNow, recognizers);
    let currentDiagnostics = diagnostics(current, kb);
    const samples: number[] = [];
    for (let i = 0; i < 12; i++) {
      const pos = docNow.positionAt(Math.floor(oneLine.length * at));
      const change = i % 2 === 0 ? { range: { start: pos, end: pos }, text: 'a' } : { range: { start: pos, end: docNow.positionAt(docNow.offsetAt(pos) + 1) }, text: '' };
      docNow = TextDocument.update(TextDocument.create(docNow.uri, 'markdown', docNow.version, docNow.getText()), [change], docNow.version + 1);
      const t0 = now();
      current = updateAnalysis(current, docNow, [change], recognizers);
      currentDiagnostics = diagnostics(current, kb, currentDiagnostics);
      if (i >= 2) samples.push(now() - t0);
    }
    worst = Math.max(worst, median(samples));
  }
  return worst;
})();

// ---- memory: a fresh process, bundled like the server ----------------------------------------

interface ServerMemory {
  before: number;
  after: number;
  /** After `idleSeconds` of idling, the notes still open. */
  idle: number;
  idleSeconds: number;
  notes: number;
  openMb: number;
  retainedHeapPerMb: number;
}

/**
 * Writes `notes` (file name → text) to a temporary folder, runs `args(paths, folder)` in a fresh
 * Node process from the repository, and returns its JSON output; undefined when it fails (logged as `what`).
 */
function inChild<T>(what: string, notes: Record<string, string>, args: (paths: string[], dir: string) => string[]): T | undefined {
  const dir = mkdtempSync(path.join(tmpdir(), 'rn-bench-'));
  try {
    const paths = Object.entries(notes).map(([name, text]) => {
      const file = path.join(dir, name);
      writeFileSync(file, text);
      return file;
    });
    const run = spawnSync(process.execPath, args(paths, dir), { cwd: repo, encoding: 'utf8' });
    if (run.status !== 0) log(`${what} failed: ${run.stderr.slice(0, 500)}`);
    return run.status === 0 ? (JSON.parse(run.stdout) as T) : undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const numbered = (texts: readonly string[]): Record<string, string> => Object.fromEntries(texts.map((text, i) => [`note-${i}.md`, text]));

/** The server's memory with `notes` open at once (`rss.ts`, bundled as the server is, with its Node flags), in a fresh process. */
function serverRss(notes: readonly string[]): ServerMemory | undefined {
  return inChild('memory', numbered(notes), (paths, dir) => {
    const script = path.join(dir, 'rss.js');
    buildSync({ entryPoints: [path.join(__dirname, 'rss.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: script, logLevel: 'silent' });
    return ['--expose-gc', ...SERVER_NODE_FLAGS, script, dataDir, ...paths];
  });
}
// DESIGN.md's five open notes, two of them 1 MB.
const memory = serverRss([notes['1 MB']!, noisyNote(1_000_000), notes['100 KB']!, noisyNote(100_000), notes['10 KB']!]);

// ---- noisy notes: clipped pages and READMEs (#19) ---------------------------------------------

const noisy = ([['100 KB', 100_000, 9], ['1 MB', 1_000_000, 3]] as const).map(([label, size, runs]) => {
  const text = noisyNote(size);
  const doc = TextDocument.create('file:///noisy.md', 'markdown', 1, text);
  const markdownItMs = time(() => md.parse(text, {}), runs, 1);
  const analysisMs = time(() => fullAnalysis(doc, recognizers, kb), runs, 1);
  log(`noisy ${label}: markdown-it ${markdownItMs.toFixed(1)} ms, analysis ${analysisMs.toFixed(1)} ms`);
  return { label, markdownItMs, analysisMs };
});

// ---- real notes: the corpus's 83 public notes, each analysed alone (#19) ----------------------

const corpusNotes = readdirSync(path.join(repo, 'test', 'corpus'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(path.join(repo, 'test', 'corpus', d.name)).filter((f) => f.endsWith('.md')).map((f) => readFileSync(path.join(repo, 'test', 'corpus', d.name, f), 'utf8')));
const corpusDocs = corpusNotes.map((text, i) => TextDocument.create(`file:///corpus-${i}.md`, 'markdown', 1, text));
const realNotes = {
  notes: corpusNotes.length,
  kb: Math.round(corpusNotes.reduce((sum, t) => sum + t.length, 0) / 1024),
  markdownItMs: time(() => corpusNotes.forEach((t) => md.parse(t, {})), 9, 2),
  analysisMs: time(() => corpusDocs.forEach((doc) => fullAnalysis(doc, recognizers, kb)), 9, 2),
};
log(`real notes: ${realNotes.notes} notes, ${realNotes.kb} KB: markdown-it ${realNotes.markdownItMs.toFixed(1)} ms, analysis ${realNotes.analysisMs.toFixed(1)} ms`);

// ---- outlines: bullets nested by tabs or four spaces, as Obsidian and Logseq keep notes ----------

const outline = ([['100 KB', 100_000, 9], ['1 MB', 1_000_000, 3]] as const).map(([label, size, runs]) => {
  const text = outlineNote(size);
  const doc = TextDocument.create('file:///outline.md', 'markdown', 1, text);
  const markdownItMs = time(() => md.parse(text, {}), runs, 1);
  const analysisMs = time(() => fullAnalysis(doc, recognizers, kb), runs, 1);
  // A character typed into a nested item after the middle of the note.
  const item = text.indexOf('\t\t- ', Math.floor(text.length / 2)) + 6;
  const edit = typed(doc, analyzeNote(doc, recognizers), item, size >= 1_000_000 ? 20 : 60);
  log(`outline ${label}: markdown-it ${markdownItMs.toFixed(1)} ms, analysis ${analysisMs.toFixed(1)} ms, an edit ${edit.withDiagnosticsMs.toFixed(2)} ms`);
  return { label, markdownItMs, analysisMs, editMs: edit.withDiagnosticsMs };
});

// ---- workspace index: 1,000 notes of about 20 KB --------------------------------------------

const WORKSPACE_NOTES = 1000;
log(`workspace: indexing ${WORKSPACE_NOTES} generated notes...`);
const workspaceNotes = Array.from({ length: WORKSPACE_NOTES }, (_, i) => benchNote(20_000, 100 + i));
const workspaceChars = workspaceNotes.reduce((n, t) => n + t.length, 0);
const noteIndex = new NoteIndex();
const indexMarks: [number, number][] = [];
let indexStart = now();
for (const [i, text] of workspaceNotes.entries()) {
  const uri = `file:///ws/note-${i}.md`;
  noteIndex.set(indexedNote(uri, analyzeNote(TextDocument.create(uri, 'markdown', 0, text), recognizers)));
  if ((i + 1) % 250 === 0) indexMarks.push([i + 1, now() - indexStart]);
}
const indexAllMs = now() - indexStart;
indexStart = now();
for (const text of workspaceNotes) md.parse(text, {});
const workspaceMarkdownItMs = now() - indexStart;
const topEntity = noteIndex.entities().sort((a, b) => b.mentions - a.mentions)[0];
const referencesMs = time(() => noteIndex.references(topEntity.id), 21, 2);
const symbolsMs = time(() => workspaceSymbols(noteIndex, kb, '딥시크', 'en'), 21, 2);
log(`workspace: ${(workspaceChars / 1e6).toFixed(1)} M chars indexed in ${indexAllMs.toFixed(0)} ms (markdown-it ${workspaceMarkdownItMs.toFixed(0)} ms)`);

// ---- the same workspace through the built server, over LSP ------------------------------------

interface ServerIndexing {
  indexMs: number;
  hover: { medianMs: number; maxMs: number; samples: number };
  rss?: number;
}

/** The built server indexing the notes on disk while one of them is hovered (bench/indexServer.ts). */
function serverIndexing(texts: readonly string[]): ServerIndexing | undefined {
  if (!existsSync(path.join(repo, 'dist', 'server.js'))) spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repo, stdio: 'inherit' });
  return inChild('workspace over LSP', numbered(texts), (_paths, dir) => ['--import', 'tsx', path.join(__dirname, 'indexServer.ts'), dir, 'note-0.md']);
}
log('workspace: the built server indexing the same notes over LSP...');
const overLsp = serverIndexing(workspaceNotes);

/** The built server's hover right after each one-character edit of a large open note (bench/editServer.ts). */
function serverEdits(text: string): { medianMs: number; maxMs: number; edits: number } | undefined {
  return inChild('edits over LSP', { 'noisy.md': text }, ([file]) => ['--import', 'tsx', path.join(__dirname, 'editServer.ts'), file]);
}
log('edits: the built server, a hover after each one-character edit of the noisy 1 MB note...');
const editsOverLsp = serverEdits(noisyNote(1_000_000));

/** TextMate tokenization of notes by VS Code's Markdown grammar alone and with ours injected (bench/grammar.ts). */
interface GrammarCost {
  note: string;
  lines: number;
  plainMs: number;
  injectedMs: number;
}
function grammarCost(named: Record<string, string>): GrammarCost[] | undefined {
  const files = Object.fromEntries(Object.entries(named).map(([name, text]) => [`${name}.md`, text]));
  return inChild('grammar tokenization', files, (paths) => ['--import', 'tsx', path.join(__dirname, 'grammar.ts'), ...paths]);
}
log('grammar: TextMate tokenization with and without the injection grammar...');
const grammar = grammarCost({ 'clean 100 KB': notes['100 KB']!, 'noisy 100 KB': noisyNote(100_000), 'clean 10 KB': notes['10 KB']! });
const grammarWorst = grammar?.reduce((w, g) => (g.injectedMs / g.plainMs > w.injectedMs / w.plainMs ? g : w));

// ---- report -----------------------------------------------------------------------------------

const r = results as Record<Size, SizeResult>;
const MB = 1024 * 1024;
const worstEdit = (s: SizeResult): number => Math.max(...Object.values(s.edits).map((e) => e.withDiagnosticsMs));
const worstUpdate = (s: SizeResult): number => Math.max(...Object.values(s.edits).map((e) => e.updateMs));
const budgets = [
  {
    figure: 'full analysis of 1 MB (parse+recognize+diagnostics) / markdown-it',
    value: r['1 MB'].analysisMs / r['1 MB'].markdownItMs,
    budget: 2,
    unit: '×',
    note: `${r['1 MB'].analysisMs.toFixed(0)} ms vs ${r['1 MB'].markdownItMs.toFixed(0)} ms; whole-document remark ${(r['1 MB'].remarkWholeMs / r['1 MB'].markdownItMs).toFixed(0)}×`,
  },
  {
    figure: 'one-character edit in 100 KB, to fresh diagnostics / full re-analysis',
    value: worstEdit(r['100 KB']) / r['100 KB'].analysisMs,
    budget: 0.02,
    unit: '×',
    note: `worst of start/middle/end ${worstEdit(r['100 KB']).toFixed(2)} ms vs ${r['100 KB'].analysisMs.toFixed(1)} ms`,
  },
  {
    figure: '  the same, incremental analysis only',
    value: worstUpdate(r['100 KB']) / r['100 KB'].analysisMs,
    budget: 0.02,
    unit: '×',
    note: `${worstUpdate(r['100 KB']).toFixed(2)} ms: the rest is claim and unknown-name diagnostics`,
  },
  ...(['100 KB', '1 MB'] as const).flatMap((size) => {
    const b = r[size].blockEdits;
    const places = ['table cell', 'list item', 'code block'] as const;
    const worst = places.reduce((w, p) => (b[p].withDiagnosticsMs > b[w].withDiagnosticsMs ? p : w), places[0]);
    return [
      {
        figure: `  in a table cell, a list item, a code block (${size}) / full`,
        value: b[worst].withDiagnosticsMs / r[size].analysisMs,
        budget: 0.02,
        unit: '×',
        note: places.map((p) => `${p} ${b[p].withDiagnosticsMs.toFixed(2)} ms`).join(', ') + ` vs ${r[size].analysisMs.toFixed(1)} ms`,
      },
      {
        figure: `  a fence opened or closed (${size}) / full`,
        value: b['fence opened/closed'].withDiagnosticsMs / r[size].analysisMs,
        budget: 0.25,
        unit: '×',
        note: `${b['fence opened/closed'].withDiagnosticsMs.toFixed(2)} ms: the note's rest changes between code and prose`,
      },
    ];
  }),
  {
    figure: 'bundled knowledge base load + alias index',
    value: kbLoadMs + layerMs + indexMs + recognizersMs,
    budget: 50,
    unit: 'ms',
    note: `${kb.all().length} entities: load ${kbLoadMs.toFixed(1)} ms, workspace layer ${layerMs.toFixed(1)} ms, index ${indexMs.toFixed(1)} ms, recognizers ${recognizersMs.toFixed(1)} ms (once, cold; bench/kbLoad.ts for medians)`,
  },
  {
    figure: 'one-character edit in a 1 MB one-line note, to fresh diagnostics',
    value: oneLineEditMs,
    budget: 250,
    unit: 'ms',
    note: `worst median of start/middle/end; ${(oneLineEditMs / oneLineMarkdownItMs).toFixed(2)}× markdown-it's ${oneLineMarkdownItMs.toFixed(0)} ms; open ${oneLineOpenMs.toFixed(0)} ms`,
  },
  { figure: 'hover median (1 MB note)', value: r['1 MB'].hover.medianMs, budget: 1, unit: 'ms', note: `${r['1 MB'].hover.samples} hovers on mentions` },
  { figure: 'hover p99 (1 MB note)', value: r['1 MB'].hover.p99Ms, budget: 5, unit: 'ms', note: '' },
  {
    figure: 'full analysis 100 KB → 1 MB',
    value: r['1 MB'].analysisMs / r['100 KB'].analysisMs,
    budget: 12,
    unit: '×',
    note: `recognition alone ${(r['1 MB'].recognitionMs / r['100 KB'].recognitionMs).toFixed(1)}×`,
  },
  ...noisy.map((n) => ({
    figure: `full analysis of a noisy ${n.label} note (clipped page) / markdown-it`,
    value: n.analysisMs / n.markdownItMs,
    budget: 2,
    unit: '×',
    note: `${n.analysisMs.toFixed(0)} ms vs ${n.markdownItMs.toFixed(0)} ms`,
  })),
  {
    figure: `full analysis of the ${realNotes.notes} corpus notes, each alone / markdown-it`,
    value: realNotes.analysisMs / realNotes.markdownItMs,
    budget: 2,
    unit: '×',
    note: `${realNotes.analysisMs.toFixed(0)} ms vs ${realNotes.markdownItMs.toFixed(0)} ms`,
  },
  ...outline.flatMap((n) => [
    {
      figure: `full analysis of a ${n.label} outline (nested by tabs) / markdown-it`,
      value: n.analysisMs / n.markdownItMs,
      budget: 2,
      unit: '×',
      note: `${n.analysisMs.toFixed(0)} ms vs ${n.markdownItMs.toFixed(0)} ms`,
    },
    {
      figure: `  one-character edit in a nested item (${n.label}) / full`,
      value: n.editMs / n.analysisMs,
      budget: 0.02,
      unit: '×',
      note: `${n.editMs.toFixed(2)} ms vs ${n.analysisMs.toFixed(1)} ms`,
    },
  ]),
  {
    figure: `index ${WORKSPACE_NOTES} notes (${(workspaceChars / 1e6).toFixed(0)} M chars)`,
    value: indexAllMs,
    budget: 10_000,
    unit: 'ms',
    note: `${(indexAllMs / workspaceMarkdownItMs).toFixed(1)}× markdown-it of the same files; ${indexMarks.map(([n, ms]) => `${n}: ${(ms / 1000).toFixed(1)} s`).join(', ')}`,
  },
  {
    figure: `  the same / markdown-it of the same files`,
    value: indexAllMs / workspaceMarkdownItMs,
    budget: 2,
    unit: '×',
    note: `${workspaceMarkdownItMs.toFixed(0)} ms markdown-it`,
  },
  {
    figure: `server over LSP: start + index ${WORKSPACE_NOTES} notes`,
    value: overLsp?.indexMs ?? NaN,
    budget: 10_000,
    unit: 'ms',
    note: overLsp ? 'initialize → the indexing progress ends, one note open and hovered meanwhile' : 'measurement failed',
  },
  {
    figure: '  hover on the open note while indexing (median)',
    value: overLsp?.hover.medianMs ?? NaN,
    budget: 50,
    unit: 'ms',
    note: overLsp ? `${overLsp.hover.samples} hovers; slowest ${overLsp.hover.maxMs.toFixed(0)} ms` : '',
  },
  { figure: '  hover on the open note while indexing (slowest)', value: overLsp?.hover.maxMs ?? NaN, budget: 250, unit: 'ms', note: '' },
  {
    figure: 'server over LSP: hover right after an edit, noisy 1 MB note (slowest)',
    value: editsOverLsp?.maxMs ?? NaN,
    budget: 250,
    unit: 'ms',
    note: editsOverLsp ? `${editsOverLsp.edits} one-character edits over the note, each hovered at once; median ${editsOverLsp.medianMs.toFixed(0)} ms` : 'measurement failed',
  },
  {
    figure: `  server RSS after indexing ${WORKSPACE_NOTES} notes`,
    value: overLsp?.rss !== undefined ? overLsp.rss / (1024 * 1024) : NaN,
    budget: 300,
    unit: 'MB',
    note: overLsp?.rss !== undefined ? 'VmRSS of the server process' : 'not measured (no /proc)',
  },
  { figure: `find all references, ${WORKSPACE_NOTES} notes (median)`, value: referencesMs, budget: 50, unit: 'ms', note: `${topEntity.mentions} mentions of the most mentioned entity` },
  { figure: `workspace symbols, ${WORKSPACE_NOTES} notes (median)`, value: symbolsMs, budget: 50, unit: 'ms', note: 'query 딥시크' },
  {
    figure: `server RSS with ${memory?.notes ?? 5} notes open (two of 1 MB)`,
    value: memory ? memory.after / MB : NaN,
    budget: 120,
    unit: 'MB',
    note: memory ? `right after opening them; ${(memory.before / MB).toFixed(0)} MB with knowledge loaded, before the notes; ${memory.openMb.toFixed(1)} MB of notes` : 'measurement failed',
  },
  {
    figure: `  the same after ${memory?.idleSeconds ?? 40} s idle, the notes still open`,
    value: memory ? memory.idle / MB : NaN,
    budget: 120,
    unit: 'MB',
    note: memory ? 'V8 returns what it no longer uses once allocation stops (no forced collection)' : '',
  },
  {
    figure: '  retained heap per open MB of note',
    value: memory ? memory.retainedHeapPerMb / MB : NaN,
    budget: 20,
    unit: 'MB',
    note: memory ? 'heap used after analysing, editing and diagnosing them, minus before, per MB of their text' : '',
  },
  {
    figure: 'TextMate tokenization with the injection grammar / without (worst note)',
    value: grammarWorst ? grammarWorst.injectedMs / grammarWorst.plainMs : NaN,
    budget: 1.2,
    unit: '×',
    note: grammar ? grammar.map((g) => `${g.note} ${g.injectedMs.toFixed(0)} vs ${g.plainMs.toFixed(0)} ms`).join('; ') : 'measurement failed',
  },
];

const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - [...s].length));
const fmt = (v: number, unit: string): string => (unit === '×' ? (v < 1 ? v.toFixed(4) : v.toFixed(2)) : v.toFixed(2)) + ' ' + unit;
const lines: string[] = [];
lines.push('');
lines.push(`Knowledge base: ${kb.all().length} entities, load ${kbLoadMs.toFixed(1)} ms, workspace layer ${layerMs.toFixed(1)} ms, alias index ${indexMs.toFixed(1)} ms, recognizers ${recognizersMs.toFixed(1)} ms`);
lines.push('');
lines.push(`${pad('size', 8)}${pad('chars', 10)}${pad('md-it', 10)}${pad('remark', 11)}${pad('analysis', 11)}${pad('recog.', 9)}${pad('edit s/m/e (+diag)', 36)}hover med/p99`);
for (const [label, s] of Object.entries(r)) {
  const e = s.edits;
  lines.push(
    pad(label, 8) +
      pad(String(s.chars), 10) +
      pad(`${s.markdownItMs.toFixed(1)}`, 10) +
      pad(`${s.remarkWholeMs.toFixed(0)}`, 11) +
      pad(`${s.analysisMs.toFixed(1)}`, 11) +
      pad(`${s.recognitionMs.toFixed(1)}`, 9) +
      pad(`${e.start.updateMs.toFixed(2)}/${e.middle.updateMs.toFixed(2)}/${e.end.updateMs.toFixed(2)} (${e.start.withDiagnosticsMs.toFixed(2)}/${e.middle.withDiagnosticsMs.toFixed(2)}/${e.end.withDiagnosticsMs.toFixed(2)})`, 36) +
      `${s.hover.medianMs.toFixed(3)}/${s.hover.p99Ms.toFixed(3)}`,
  );
}
lines.push('(times in ms; remark = one remark-parse of the whole note; analysis = parse + mask + mentions + claims + diagnostics)');
lines.push('');
lines.push(`${pad('budget', 72)}${pad('measured', 14)}${pad('limit', 10)}result`);
for (const b of budgets) {
  const ok = b.value <= b.budget;
  lines.push(`${pad(b.figure, 72)}${pad(fmt(b.value, b.unit), 14)}${pad(`${b.budget} ${b.unit}`, 10)}${Number.isNaN(b.value) ? 'N/A' : ok ? 'OK' : 'OVER'}   ${b.note}`);
}
console.log(lines.join('\n'));

writeFileSync(
  path.join(__dirname, 'results.json'),
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      knowledge: { entities: kb.all().length, loadMs: kbLoadMs, layerMs, aliasIndexMs: indexMs, recognizersMs },
      sizes: results,
      memory,
      grammar,
      budgets: budgets.map((b) => ({ ...b, ok: b.value <= b.budget })),
    },
    null,
    2,
  )}\n`,
);
