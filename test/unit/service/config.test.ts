import * as assert from 'node:assert/strict';
import { defaultConfig, filesExcludeGlobs, toConfig } from '../../../server/src/service/config';
import { globToRegExp, isExcluded, isExcludedInFolders, refusePattern, staticPrefix } from '../../../server/src/workspace/glob';
import { folderOf } from '../../../server/src/service/languageService';
import { frontMatterEntities } from '../../../server/src/knowledge/workspace';

describe('config: settings from the client', () => {
  it('takes valid settings and replaces anything unexpected by the default', () => {
    const c = toConfig(
      {
        numberFormat: '억',
        table: { columns: ['parameters', 'bogus', 'parameters'], sort: 'release', language: 'ko' },
        claims: { tolerance: 0.1, severity: 'warning' },
        inlayHints: { numbers: 'all' },
        knowledgeFiles: ['notes/*.yaml'],
        exclude: ['drafts/**', 7 as never, '', 'drafts/**'],
        diagnostics: { debounceMs: 0 },
      },
      'ko',
      ['**/archive'],
    );
    assert.deepEqual(c, {
      locale: 'ko',
      numberFormat: '억',
      table: { columns: ['model', 'parameters'], sort: 'release', language: 'ko' },
      claims: { tolerance: 0.1, severity: 2 },
      inlayHints: 'all',
      knowledgeFiles: ['notes/*.yaml'],
      exclude: ['drafts/**', '**/archive'],
      diagnosticsDebounceMs: 0,
      chartFolder: 'figures',
    });
    const bad = toConfig({ numberFormat: 'x' as never, claims: { tolerance: 7 }, knowledgeFiles: [3 as never], diagnostics: { debounceMs: -1 } }, 'en');
    assert.deepEqual(bad, { ...defaultConfig, locale: 'en' });
    assert.deepEqual(toConfig(null, 'en'), defaultConfig);
  });
});

describe('glob: researchNotes.knowledgeFiles patterns', () => {
  it('matches *, **, ? and {a,b} on workspace-relative paths', () => {
    const re = globToRegExp('.research-notes/*.{yaml,yml,json}');
    assert.deepEqual(['.research-notes/a.yaml', '.research-notes/b.json', '.research-notes/x/a.yaml', 'a.yaml', '.research-notes/a.yaml.bak'].map((p) => re.test(p)), [true, true, false, false, false]);
    const deep = globToRegExp('kb/**/*.yml');
    assert.deepEqual(['kb/a.yml', 'kb/x/y/a.yml', 'kbx/a.yml'].map((p) => deep.test(p)), [true, true, false]);
    assert.equal(globToRegExp('k?.yaml').test('k1.yaml'), true);
    assert.equal(staticPrefix('kb/models/*.yaml'), 'kb/models');
    assert.equal(staticPrefix('**/*.yaml'), '');
  });
  it('refuses patterns that leave the folder, with a clear reason', () => {
    assert.equal(refusePattern('.research-notes/*.yaml'), undefined);
    assert.equal(refusePattern('../shared/*.yaml'), '"../shared/*.yaml" leaves the workspace folder; knowledge files must be inside it.');
    assert.equal(refusePattern('/etc/*.yaml'), '"/etc/*.yaml" is an absolute path; knowledge files are given relative to the workspace folder.');
  });
});

describe('glob: researchNotes.exclude and files.exclude', () => {
  it('takes the files.exclude globs that are on, not those off or behind a when clause', () => {
    assert.deepEqual(filesExcludeGlobs({ '**/.git': true, '**/tmp': false, '**/*.js': { when: '$(basename).ts' }, '': true }), ['**/.git']);
    assert.deepEqual([filesExcludeGlobs(null), filesExcludeGlobs('x'), filesExcludeGlobs(undefined)], [[], [], []]);
  });
  it('excludes a path that a glob names, or that lies in a folder a glob names', () => {
    const globs = ['drafts', '**/archive', 'notes/*.tmp.md'].map(globToRegExp);
    const cases = ['drafts/a.md', 'drafts/x/b.md', 'notes/archive/c.md', 'archive/d.md', 'notes/e.tmp.md', 'notes/e.md', 'drafts2/f.md', 'my-archive/g.md'];
    assert.deepEqual(cases.map((c) => isExcluded(c, globs)), [true, true, true, true, true, false, false, false]);
    assert.equal(isExcluded('drafts/a.md', []), false);
  });
  it('checks a URI relative to the folder holding it, never through a crafted ..', () => {
    const globs = [globToRegExp('drafts/**')];
    assert.equal(isExcludedInFolders('file:///ws/drafts/a.md', ['file:///ws'], globs), true);
    assert.equal(isExcludedInFolders('file:///ws/notes/a.md', ['file:///ws'], globs), false);
    assert.equal(isExcludedInFolders('file:///other/drafts/a.md', ['file:///ws'], globs), false);
    assert.equal(isExcludedInFolders('file:///ws/drafts%20x/a.md', ['file:///ws'], [globToRegExp('drafts x')]), true);
  });
});

describe('workspace helpers', () => {
  it('finds the deepest workspace folder holding a note', () => {
    const folders = ['file:///ws', 'file:///ws/sub'];
    assert.equal(folderOf(folders, 'file:///ws/sub/n.md'), 'file:///ws/sub');
    assert.equal(folderOf(folders, 'file:///ws/n.md'), 'file:///ws');
    assert.equal(folderOf(folders, 'untitled:n.md'), 'file:///ws');
    assert.equal(folderOf([], 'file:///n.md'), undefined);
  });
  it('reads the entities: block of front matter, de-indented, with its first line', () => {
    const note = ['---', 'title: x', 'entities:', '  models:', '    - id: a', '      name: A', 'tags: [t]', '---', 'body'].join('\n');
    assert.deepEqual(frontMatterEntities(note), { text: 'models:\n  - id: a\n    name: A', line: 3, indent: 2 });
    assert.equal(frontMatterEntities('no front matter'), undefined);
    assert.equal(frontMatterEntities('---\ntitle: x\n---\n'), undefined);
  });
});
