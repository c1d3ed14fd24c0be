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

const fixtures = new Map<string, { kb: KnowledgeBase; index: AliasIndex }>();

/** A knowledge base of one file of test/fixtures/knowledge-base, loaded once per test run. */
function fixtureKnowledge(file: string): { kb: KnowledgeBase; index: AliasIndex } {
  let loaded = fixtures.get(file);
  if (!loaded) {
    const at = path.join(repoRoot, 'test', 'fixtures', 'knowledge-base', file);
    const parsed = parseKnowledgeFile(pathToFileURL(at).href, readFileSync(at, 'utf8'), { bundled: true });
    if (parsed.problems.length > 0) throw new Error(`${file}: ${parsed.problems.map((p) => p.message).join('; ')}`);
    const kb = createKnowledgeBase([parsed], 1);
    loaded = { kb, index: buildAliasIndex(kb) };
    fixtures.set(file, loaded);
  }
  return loaded;
}

/**
 * A frozen copy of 18 bundled entries (test/fixtures/knowledge-base/frozen.yaml), for tests of
 * how facts and sources are written: they do not change when the bundled data is re-sourced.
 */
export const frozenKnowledge = (): { kb: KnowledgeBase; index: AliasIndex } => fixtureKnowledge('frozen.yaml');

/**
 * A frozen copy of the 147 bundled entries the completion tests' prefixes reach
 * (test/fixtures/knowledge-base/completion.yaml): their lists and counts do not change when a
 * model is added to the bundled data.
 */
export const completionKnowledge = (): { kb: KnowledgeBase; index: AliasIndex } => fixtureKnowledge('completion.yaml');

export const frozenPath = path.join(repoRoot, 'test', 'fixtures', 'knowledge-base', 'frozen.yaml');

/** Analyses `text` as a note with the bundled knowledge, or `knowledge` (no claims). */
export function analyze(text: string, uri = 'file:///note.md', knowledge: { index: AliasIndex } = bundledKnowledge()): NoteAnalysis {
  const { index } = knowledge;
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
