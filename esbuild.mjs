// Bundles the extension, the language server and the CLI into dist/ (CommonJS, `vscode` external).
import * as esbuild from 'esbuild';
import { BROWSER_BUNDLE_BUDGET, CHART_SCRIPT, browserOptions, bundledDataPlugin, checkBrowserBundles } from './scripts/browserBuild.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // unified and friends are ESM; `import.meta` is not used by them at run time.
  mainFields: ['module', 'main'],
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];
// The `browser` entry (vscode.dev, github.dev): the extension as CommonJS for the web-worker
// extension host, the server as a classic worker script (IIFE) with the bundled knowledge inside.
const browser = browserOptions(common);
const browserBuilds = [
  { ...browser, entryPoints: ['client/src/browserExtension.ts'], outfile: 'dist/browserExtension.js', external: ['vscode'] },
  { ...browser, format: 'iife', entryPoints: ['server/src/browserMain.ts'], outfile: 'dist/browserServer.js', plugins: [bundledDataPlugin] },
  // ECharts and the chart's SVG renderer, loaded only when a chart is drawn: one file for both hosts,
  // `require`d by the Node server and the CLI, `importScripts`ed by the web worker (chart/load.ts).
  { ...browser, ...CHART_SCRIPT, entryPoints: ['server/src/chart/render.ts'], outfile: 'dist/chart.js' },
];

if (watch) {
  for (const options of [...builds, ...browserBuilds]) await (await esbuild.context(options)).watch();
  console.log('esbuild: watching');
} else {
  const [, browserResults] = await Promise.all([Promise.all(builds.map((options) => esbuild.build(options))), Promise.all(browserBuilds.map((options) => esbuild.build(options)))]);
  const sizes = checkBrowserBundles(browserResults, production ? BROWSER_BUNDLE_BUDGET : Infinity);
  if (production) console.log(`browser bundles: ${sizes.map(({ file, bytes }) => `${file} ${(bytes / 1024).toFixed(0)} KB`).join(', ')}`);
}
