import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeNote, type NoteAnalysis } from '../../server/src/analysis';
import { loadBundledKnowledge } from '../../server/src/knowledge/bundled';
import { createKnowledgeBase } from '../../server/src/knowledge/knowledgeBase';
import type { KnowledgeBase } from '../../server/src/knowledge/types';
import { buildAliasIndex, type AliasIndex } from '../../server/src/recognize/aliasIndex';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const dataDir = path.join(repoRoot, 'server', 'data');
export const examplesDir = path.resolve(repoRoot, '..', 'shared', 'examples');

let bundled: { kb: KnowledgeBase; index: AliasIndex } | undefined;

/** The real bundled knowledge base and its alias index, loaded once per test run. */
export function bundledKnowledge(): { kb: KnowledgeBase; index: AliasIndex } {
  if (!bundled) {
    const kb = createKnowledgeBase(loadBundledKnowledge(dataDir, { fresh: true }), 1);
    bundled = { kb, index: buildAliasIndex(kb) };
  }
  return bundled;
}

/** Analyses `text` as a note with the bundled knowledge (no claims). */
export function analyze(text: string, uri = 'file:///note.md'): NoteAnalysis {
  const { index } = bundledKnowledge();
  return analyzeNote(TextDocument.create(uri, 'markdown', 1, text), { aliases: index, claims: () => [] });
}
