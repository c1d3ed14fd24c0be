import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeNote, type NoteAnalysis } from '../../server/src/analysis';
import { linkClaims } from '../../server/src/recognize/claims';
import { findQuantities } from '../../server/src/recognize/quantities';
import type { Claim } from '../../server/src/recognize/types';
import type { KnowledgeBase } from '../../server/src/knowledge/types';
import type { AliasIndex } from '../../server/src/recognize/aliasIndex';
import { bundledKnowledge, examplesDir } from './knowledge';

/** Analyses `text` with the bundled knowledge, or `knowledge`, claims included (as the language service does). */
export function analyzeClaims(text: string, uri = 'file:///note.md', version = 1, knowledge: { kb: KnowledgeBase; index: AliasIndex } = bundledKnowledge()): NoteAnalysis {
  const { kb, index } = knowledge;
  const isModel = (id: string): boolean => kb.get(id)?.kind === 'model';
  return analyzeNote(TextDocument.create(uri, 'markdown', version, text), {
    aliases: index,
    claims: (mask, mentions) => linkClaims(mask, findQuantities(mask), mentions, { isModel }),
  });
}

/** The text of an example note in `../shared/examples`. */
export function exampleNote(name: string): string {
  return fs.readFileSync(path.join(examplesDir, name), 'utf8');
}

/** The only claim whose text is `text` (the `nth` when it occurs more than once). */
export function claimOf(analysis: NoteAnalysis, text: string, nth = 0): Claim {
  const found = analysis.claims.filter((c) => c.text === text);
  if (!found[nth]) throw new Error(`no claim ${JSON.stringify(text)} #${nth} in ${JSON.stringify(analysis.claims.map((c) => c.text))}`);
  return found[nth];
}

/** The LSP range of the `nth` occurrence of `needle` in the analysed text. */
export function rangeOf(analysis: NoteAnalysis, needle: string, nth = 0): ReturnType<NoteAnalysis['range']> {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = analysis.text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${JSON.stringify(needle)} #${nth} not in the text`);
  }
  return analysis.range({ start: at, end: at + needle.length });
}
