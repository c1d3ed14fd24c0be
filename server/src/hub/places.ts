/** Where organizations publish on the Hub, read from the bundled data (Node only: the CLI and the desktop server). */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { HubPlaces } from './owners';

/** The `organizations` of `official-sources.json` in `dataDir`; undefined when it cannot be read. */
export function readHubPlaces(dataDir: string): HubPlaces | undefined {
  try {
    return JSON.parse(readFileSync(path.join(dataDir, 'official-sources.json'), 'utf8')) as HubPlaces;
  } catch {
    return undefined;
  }
}
