/** Shared by the analysis tests: the bundled recognizers, and an analysis written out readably. */
import { createRecognizers, type NoteAnalysis, type Recognizers } from '../../server/src/analysis';
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
