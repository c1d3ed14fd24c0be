/**
 * Run by `bench/run.ts` as a bundled script in a fresh Node process, the way the server runs:
 * loads the bundled knowledge, analyses one note, applies a one-character edit, and prints the
 * resident set size before and after as JSON. Argument: the data directory, then the note's path.
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

const [dataDir, notePath] = process.argv.slice(2);
const { kb } = loadBundledKnowledgeBase(dataDir);
const recognizers = createRecognizers(kb, buildAliasIndex(kb));
const text = readFileSync(notePath, 'utf8');
const before = rss();
const doc = TextDocument.create('file:///note.md', 'markdown', 1, text);
const analysis = analyzeNote(doc, recognizers);
const at = analysis.offsetAt({ line: Math.floor(doc.lineCount / 2), character: 0 });
const change = { range: { start: doc.positionAt(at), end: doc.positionAt(at) }, text: 'a' };
const next = updateAnalysis(analysis, TextDocument.update(TextDocument.create(doc.uri, 'markdown', 1, text), [change], 2), [change], recognizers);
const diagnostics = claimDiagnostics(next, kb).length + unknownNameDiagnostics(next, kb, 'en').length;
const after = rss();
process.stdout.write(JSON.stringify({ before, after, mentions: next.mentions.length, diagnostics }));
