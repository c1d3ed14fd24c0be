import * as path from 'node:path';
import { loadBundledKnowledge } from './knowledge/bundled';
import { createKnowledgeBase } from './knowledge/knowledgeBase';
import type { KnowledgeBase } from './knowledge/types';
import type { Logger } from './workspace';

/** The bundled data ships beside `dist/` as `server/data/` (in the repo and in the .vsix). */
export const bundledDataDir = (): string => path.resolve(__dirname, '..', 'server', 'data');

/** Loads the bundled knowledge base and logs where from, how much, and every problem. */
export function loadBundled(logger: Logger, dataDir = bundledDataDir()): KnowledgeBase {
  const t0 = performance.now();
  const files = loadBundledKnowledge(dataDir);
  const kb = createKnowledgeBase(files, 1);
  const ms = (performance.now() - t0).toFixed(1);
  logger.info(`Loaded bundled knowledge from ${dataDir}: ${files.length} files, ${kb.all().length} entities in ${ms} ms`);
  for (const p of kb.problems) {
    logger.error(`${p.uri}:${p.range.start.line + 1}:${p.range.start.character + 1} ${p.code} ${p.message}`);
  }
  return kb;
}
