/** The knowledge base: schema, parsing, merging and the bundled data. */
export type * from './types';
export { normalizeName } from './normalize';
export { parseKnowledgeFile } from './parse';
export type { ParseOptions } from './parse';
export { claimsOf, createKnowledgeBase, knowledgeBaseOfMerged } from './knowledgeBase';
export { checkBundledKnowledge, createBundledSnapshot, loadBundledKnowledge, loadBundledKnowledgeBase, SNAPSHOT_FILE, staleSnapshotFiles } from './bundled';
export { checkSources, classifySource, officialPlaces, primaryShare, shownFacts } from './sourcePolicy';
export type { SourcePolicy, SourceClass } from './sourcePolicy';
