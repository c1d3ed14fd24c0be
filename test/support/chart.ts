/** Shared by the chart tests: a note's chart specification, from its names alone (no counts). */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeNote, type NoteAnalysis } from '../../server/src/analysis';
import { chartSpec, type ChartOptions, type ChartSpec } from '../../server/src/chart/spec';
import type { KnowledgeBase } from '../../server/src/knowledge/types';
import { buildAliasIndex } from '../../server/src/recognize/aliasIndex';

/** `text` analysed for its mentions with `kb`'s names. */
export function analyzeNames(text: string, kb: KnowledgeBase): NoteAnalysis {
  return analyzeNote(TextDocument.create('file:///note.md', 'markdown', 1, text), { aliases: buildAliasIndex(kb), claims: () => [] });
}

/** The chart of `text`'s models; fails the test when there is none. */
export function chartSpecOf(text: string, kb: KnowledgeBase, options: Partial<ChartOptions> = {}): ChartSpec {
  const result = chartSpec(analyzeNames(text, kb), kb, { language: 'auto', numberFormat: 'auto', ...options });
  if (!result.ok) assert.fail(result.message);
  return result.spec;
}
