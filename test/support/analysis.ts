/** Shared by the analysis tests: the bundled recognizers, and an analysis written out readably. */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeNote, createRecognizers, type NoteAnalysis, type Recognizers } from '../../server/src/analysis';
import { bundledKnowledge } from './knowledge';

let recognizers: Recognizers | undefined;

/** The recognizers of the bundled knowledge, built once per test run. */
export function bundledRecognizers(): Recognizers {
  const { kb, index } = bundledKnowledge();
  return (recognizers ??= createRecognizers(kb, index));
}

/** The parts of an analysis that must not depend on how it was made, readably (for failure messages). */
export const analysisFacts = (a: NoteAnalysis) => ({
  mask: a.mask.replace(/\u0000/g, '·'),
  mentions: a.mentions.map((m) => `${m.start}-${m.end} ${m.id} ${m.text}`),
  claims: a.claims.map((c) => `${c.start}-${c.end} ${c.text} ${c.value} ${c.qualifier}${c.active ? ' active' : ''} → ${c.refersTo}`),
  quantities: a.quantities?.map((q) => `${q.start}-${q.end} ${q.qualifier}`),
});

/** `text` analysed with the bundled recognizers, as a note of its own. */
export const analyzeText = (text: string): NoteAnalysis => analyzeNote(TextDocument.create('file:///note.md', 'markdown', 1, text), bundledRecognizers());

/** `text`'s claims as `text → model id` (or `→ null`). */
export const claimLinks = (text: string): string[] => analyzeText(text).claims.map((c) => `${c.text} → ${c.refersTo}`);
