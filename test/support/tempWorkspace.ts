import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** A workspace folder on disk for protocol tests, removed by `dispose()`. */
export class TempWorkspace {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'research-notes-ws-'));
  readonly uri = pathToFileURL(this.dir).href;

  /** Writes `rel` (creating folders) and returns its `file:` URI. */
  write(rel: string, text: string): string {
    const file = path.join(this.dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    return pathToFileURL(file).href;
  }

  remove(rel: string): string {
    const file = path.join(this.dir, rel);
    rmSync(file, { force: true });
    return pathToFileURL(file).href;
  }

  fileUri(rel: string): string {
    return pathToFileURL(path.join(this.dir, rel)).href;
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
