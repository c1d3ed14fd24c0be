import * as path from 'node:path';
import { loadBundledKnowledge } from './knowledge/bundled';
import { createKnowledgeBase } from './knowledge/knowledgeBase';
import type { KnowledgeBase, KnowledgeFile } from './knowledge/types';
import type { Logger } from './workspace';

/** The bundled data ships beside `dist/` as `server/data/` (in the repo and in the .vsix). */
export const bundledDataDir = (): string => path.resolve(__dirname, '..', 'server', 'data');

/** Loads the bundled knowledge files and logs where from, how much, and how long it took. */
export function bundledFiles(logger: Logger, dataDir = bundledDataDir()): KnowledgeFile[] {
  const t0 = performance.now();
  const files = loadBundledKnowledge(dataDir);
  const entities = files.reduce((n, f) => n + f.entities.length, 0);
  logger.info(`Loaded bundled knowledge from ${dataDir}: ${files.length} files, ${entities} entities in ${(performance.now() - t0).toFixed(1)} ms`);
  for (const f of files) {
    for (const p of f.problems) logger.error(`${p.uri}:${p.range.start.line + 1}:${p.range.start.character + 1} ${p.code} ${p.message}`);
  }
  return files;
}

/** The bundled knowledge base on its own (the CLI's). */
export function loadBundled(logger: Logger, dataDir = bundledDataDir()): KnowledgeBase {
  return createKnowledgeBase(bundledFiles(logger, dataDir), 1);
}
