import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeNote, type NoteAnalysis } from '../../server/src/analysis';
import { loadBundledKnowledge, loadBundledKnowledgeBase } from '../../server/src/knowledge/bundled';
import { defaultConfig } from '../../server/src/service/config';
import { createLanguageService, fixedKnowledge, type LanguageService } from '../../server/src/service/languageService';
import type { Workspace } from '../../server/src/workspace';
import { createKnowledgeBase } from '../../server/src/knowledge/knowledgeBase';
import { parseKnowledgeFile } from '../../server/src/knowledge/parse';
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

let frozen: { kb: KnowledgeBase; index: AliasIndex } | undefined;

/**
 * A frozen copy of 18 bundled entries (test/fixtures/knowledge-base/frozen.yaml), for tests of
 * how facts and sources are written: they do not change when the bundled data is re-sourced.
 */
export function frozenKnowledge(): { kb: KnowledgeBase; index: AliasIndex } {
  if (!frozen) {
    const file = parseKnowledgeFile(pathToFileURL(frozenPath).href, readFileSync(frozenPath, 'utf8'), { bundled: true });
    if (file.problems.length > 0) throw new Error(`frozen.yaml: ${file.problems.map((p) => p.message).join('; ')}`);
    const kb = createKnowledgeBase([file], 1);
    frozen = { kb, index: buildAliasIndex(kb) };
  }
  return frozen;
}

export const frozenPath = path.join(repoRoot, 'test', 'fixtures', 'knowledge-base', 'frozen.yaml');

/** Analyses `text` as a note with the bundled knowledge (no claims). */
export function analyze(text: string, uri = 'file:///note.md'): NoteAnalysis {
  const { index } = bundledKnowledge();
  return analyzeNote(TextDocument.create(uri, 'markdown', 1, text), { aliases: index, claims: () => [] });
}

/**
 * The language service in this process over the bundled knowledge, as the server builds it:
 * protocol tests compare what arrives over LSP with it instead of pinning the live data twice.
 */
export function inProcess(options: { locale: 'en' | 'ko' }): LanguageService {
  const { kb } = loadBundledKnowledgeBase(dataDir);
  const workspace: Workspace = { folders: [], readFile: async () => undefined, listKnowledgeFiles: async () => ({ uris: [], refused: [] }) };
  const logger = { info: () => {}, warn: () => {}, error: () => {} };
  return createLanguageService({ workspace, knowledge: fixedKnowledge(kb), config: () => ({ ...defaultConfig, locale: options.locale }), logger });
}
