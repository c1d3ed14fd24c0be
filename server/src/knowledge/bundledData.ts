import * as path from 'node:path';
import { loadBundledKnowledgeBase } from './bundled';
import type { KnowledgeBase } from './types';
import type { Logger } from '../workspace';

/** The bundled data ships beside `dist/` as `server/data/` (in the repo and in the .vsix). */
export const bundledDataDir = (): string => path.resolve(__dirname, '..', 'server', 'data');

/** Loads the bundled knowledge base and logs where from, how much, how long it took, and any problem. */
export function loadBundled(logger: Logger, dataDir = bundledDataDir()): KnowledgeBase {
  const t0 = performance.now();
  const { files, kb } = loadBundledKnowledgeBase(dataDir);
  logger.info(`Loaded bundled knowledge from ${dataDir}: ${files.length} files, ${kb.all().length} entities in ${(performance.now() - t0).toFixed(1)} ms`);
  for (const p of kb.problems) logger.error(`${p.uri}:${p.range.start.line + 1}:${p.range.start.character + 1} ${p.code} ${p.message}`);
  return kb;
}
