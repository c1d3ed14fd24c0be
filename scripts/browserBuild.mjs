// The browser builds (vscode.dev, github.dev): the extension for the web-worker extension host
// and the language server for a web worker of its own, with the bundled knowledge inside it.
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/** The virtual module `research-notes:bundled-data` (see server/src/browser/bundledData.d.ts). */
export const bundledDataPlugin = {
  name: 'research-notes-bundled-data',
  setup(build) {
    build.onResolve({ filter: /^research-notes:bundled-data$/ }, (args) => ({ path: args.path, namespace: 'research-notes-data' }));
    build.onLoad({ filter: /.*/, namespace: 'research-notes-data' }, () => {
      const snapshot = gzipSync(readFileSync('server/data/snapshot.jsonl'), { level: 9 }).toString('base64');
      const sources = readFileSync('server/data/official-sources.json', 'utf8');
      return {
        loader: 'js',
        contents: `export const snapshotGzipBase64 = ${JSON.stringify(snapshot)};\nexport const officialSources = ${sources};\n`,
        watchFiles: ['server/data/snapshot.jsonl', 'server/data/official-sources.json'],
      };
    });
  },
};

/** Options for both browser bundles on top of the Node ones. */
export function browserOptions(common) {
  return {
    ...common,
    platform: 'browser',
    target: 'es2022',
    mainFields: ['browser', 'module', 'main'],
    // Both bundles run in workers, without `document`: a package's `worker` build before its
    // `browser` one (decode-named-character-reference's decodes entities through the DOM).
    conditions: ['worker'],
    define: { 'process.env.NODE_ENV': '"production"' },
    // Its `exports` name no browser build; its `browser` field does (no fs, os, stream).
    alias: { '@huggingface/hub': './node_modules/@huggingface/hub/dist/browser/index.mjs' },
    metafile: true,
  };
}

/**
 * The chart script's shape: a classic script that sets the global `researchNotesChart` where a
 * worker runs it, and is `module.exports` where Node `require`s it.
 */
export const CHART_SCRIPT = {
  format: 'iife',
  globalName: 'researchNotesChart',
  footer: { js: 'if (typeof module === "object" && module) module.exports = researchNotesChart;' },
};

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/**
 * The Node builtins a browser bundle takes in, from esbuild's metafile (imported, or stubbed out by
 * a package's `browser` field: `(disabled):fs`) and from its text (a `require` left in, other than
 * `vscode`'s). Empty for a bundle that runs in a web worker.
 */
export function nodeBuiltinsIn(metafile, text) {
  const found = new Set();
  for (const [file, input] of Object.entries(metafile.inputs)) {
    const disabled = /^\(disabled\):(.*)$/.exec(file)?.[1];
    if (disabled && BUILTINS.has(disabled)) found.add(`${disabled} (stubbed)`);
    for (const i of input.imports) if (BUILTINS.has(i.path)) found.add(`${i.path} (imported by ${file})`);
  }
  for (const [, name] of text.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)) if (name !== 'vscode') found.add(`${name} (required at run time)`);
  return [...found].sort();
}

/** What vscode.dev downloads per bundle at most (#21), checked on the shipped (minified) build. */
export const BROWSER_BUNDLE_BUDGET = 1.5 * 1024 * 1024;

/**
 * Throws when a browser bundle got a Node builtin in, or (with `budget`) is larger than it;
 * returns each bundle's size otherwise.
 */
export function checkBrowserBundles(results, budget = Infinity) {
  const sizes = [];
  for (const { metafile } of results) {
    for (const [file, output] of Object.entries(metafile.outputs)) {
      if (file.endsWith('.map')) continue;
      const builtins = nodeBuiltinsIn(metafile, readFileSync(file, 'utf8'));
      if (builtins.length) throw new Error(`${file} takes in Node builtins, which a web worker does not have: ${builtins.join(', ')}`);
      if (output.bytes > budget) throw new Error(`${file} is ${(output.bytes / 1024).toFixed(0)} KB, expected at most ${(budget / 1024).toFixed(0)} KB`);
      sizes.push({ file, bytes: output.bytes });
    }
  }
  return sizes;
}
