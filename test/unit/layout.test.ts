import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

/**
 * The shape of `server/src` (#18): no module imports itself back through others, features never
 * import each other (`noteDiagnostics` composes the two diagnostics features), and the lower
 * layers (analysis, check, format, knowledge, markdown, recognize, workspace) never import a
 * feature, the service or the server; config (in the service) imports no feature.
 */
const root = path.resolve(__dirname, '..', '..', 'server', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : name.endsWith('.ts') ? [full] : [];
  });
}

/** Relative imports of each module (type imports included), as module paths without `.ts`. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files(root)) {
    const from = path.relative(root, file).replace(/\.ts$/, '');
    const deps = [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/gms)].map((m) => {
      const target = path.join(path.dirname(file), m[1]);
      const isDir = statSync(target, { throwIfNoEntry: false })?.isDirectory();
      return path.relative(root, isDir ? path.join(target, 'index') : target);
    });
    graph.set(from, deps);
  }
  return graph;
}

describe('layout of server/src', () => {
  const graph = importGraph();

  it('reads the imports it judges', () => {
    assert.ok(graph.get('features/hover')?.includes('format/entity'));
    assert.ok(graph.get('server/session')?.includes('service/languageService'));
  });

  it('has no import cycle', () => {
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (node: string, trail: string[]): void => {
      state.set(node, 'open');
      for (const dep of graph.get(node) ?? []) {
        if (state.get(dep) === 'open') cycles.push([...trail.slice(trail.indexOf(dep)), dep].join(' → '));
        else if (!state.has(dep)) visit(dep, [...trail, dep]);
      }
      state.set(node, 'done');
    };
    for (const node of graph.keys()) if (!state.has(node)) visit(node, [node]);
    assert.deepEqual(cycles, []);
  });

  it('keeps features apart, and the lower layers below the features and the server', () => {
    const wrong: string[] = [];
    for (const [from, deps] of graph) {
      for (const dep of deps) {
        const featureToFeature = from.startsWith('features/') && dep.startsWith('features/') && from !== 'features/noteDiagnostics';
        const lowToHigh =
          (/^(analysis|check|format|knowledge|markdown|recognize|workspace)\//.test(from) && /^(features|server|service)\//.test(dep)) ||
          (from === 'service/config' && /^(features|server)\//.test(dep));
        if (featureToFeature || lowToHigh) wrong.push(`${from} → ${dep}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('is mirrored by test/unit: each folder of unit tests is a part of server/src', () => {
    const unit = path.resolve(__dirname);
    const folders = readdirSync(unit).filter((name) => statSync(path.join(unit, name)).isDirectory());
    assert.ok(folders.length >= 8, folders.join(', '));
    assert.deepEqual(folders.filter((name) => !statSync(path.join(root, name), { throwIfNoEntry: false })?.isDirectory()), []);
  });
});
