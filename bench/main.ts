/**
 * `npm run bench`: runs `run.ts` bundled by esbuild as the server is (`esbuild.mjs`), so that the
 * figures are those of the code that ships. Run from source, tsx keeps every function's name: one
 * `Object.defineProperty` per closure made, which made the scan of a clean 1 MB note twice as slow
 * (25 ms against 13) and its full analysis 20–25 % slower, against markdown-it's and remark's plain
 * JavaScript in the same run.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { buildSync } from 'esbuild';

const repo = path.resolve(__dirname, '..');
// Under node_modules, where the bundle finds esbuild, which it leaves out.
const script = path.join(repo, 'node_modules', '.cache', 'research-notes', 'bench.js');
try {
  buildSync({
    entryPoints: [path.join(__dirname, 'run.ts')],
    outfile: script,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // unified and friends are ESM, as in `esbuild.mjs`.
    mainFields: ['module', 'main'],
    external: ['esbuild'],
    // The bench finds the repository, the data and its helper scripts from its own folder.
    define: { __dirname: JSON.stringify(__dirname) },
    logLevel: 'warning',
  });
  const run = spawnSync(process.execPath, [script, ...process.argv.slice(2)], { stdio: 'inherit', cwd: repo });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(script, { force: true });
}
