import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

type Check = { nodeBuiltinsIn(metafile: unknown, text: string): string[] };

/** The build-time check of the browser bundles (`scripts/browserBuild.mjs`, run by esbuild.mjs). */
describe('browser bundles: no Node builtins', () => {
  const script = pathToFileURL(path.resolve(__dirname, '..', '..', 'scripts', 'browserBuild.mjs')).href;
  const check = async (): Promise<Check> => (await import(script)) as Check;
  const metafile = (imports: Record<string, string[]>) => ({
    inputs: Object.fromEntries(Object.entries(imports).map(([file, paths]) => [file, { imports: paths.map((p) => ({ path: p, kind: 'import-statement' })) }])),
  });

  it('finds an imported builtin, with or without node:, and a package stubbed out by a browser field', async () => {
    const { nodeBuiltinsIn } = await check();
    const found = nodeBuiltinsIn({ ...metafile({ 'a.ts': ['node:fs', 'path', 'node_modules/x/index.js'] }), inputs: { ...metafile({ 'a.ts': ['node:fs', 'path'] }).inputs, '(disabled):crypto': { imports: [] } } }, '');
    assert.deepEqual(found, ['crypto (stubbed)', 'node:fs (imported by a.ts)', 'path (imported by a.ts)']);
  });

  it('finds a require left in the bundle, but not that of vscode', async () => {
    const { nodeBuiltinsIn } = await check();
    assert.deepEqual(nodeBuiltinsIn(metafile({}), 'var v=require("vscode"),c=require("child_process");'), ['child_process (required at run time)']);
  });

  it('passes a bundle with neither', async () => {
    const { nodeBuiltinsIn } = await check();
    assert.deepEqual(nodeBuiltinsIn(metafile({ 'server/src/browserMain.ts': ['vscode-languageserver/browser'] }), 'self.postMessage(1)'), []);
  });
});
