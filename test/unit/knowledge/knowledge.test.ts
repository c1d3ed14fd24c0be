import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import {
  checkBundledKnowledge,
  claimsOf,
  createKnowledgeBase,
  loadBundledKnowledge,
  loadBundledKnowledgeBase,
  normalizeName,
  parseKnowledgeFile,
  shownFacts,
  SNAPSHOT_FILE,
  staleSnapshotFiles,
} from '../../../server/src/knowledge/index';
import { knowledgeOfSnapshotText } from '../../../server/src/browser/bundledKnowledge';
import { entityMarkdown } from '../../../server/src/format/entity';
import { ensureFacts } from '../../../server/src/knowledge/facts';
import { forgetFolded } from '../../../server/src/knowledge/normalize';
import type { KnowledgeFile, KnowledgeProblem, ModelEntity, OrganizationEntity } from '../../../server/src/knowledge/index';

const dataDir = resolve(__dirname, '../../../server/data');
const fixtures = resolve(__dirname, '../../fixtures/knowledge');

function fixture(name: string): KnowledgeFile {
  const path = join(fixtures, name);
  return parseKnowledgeFile(pathToFileURL(path).href, readFileSync(path, 'utf8'), { bundled: false });
}

/** The range of the `n`th occurrence of `needle` in `text`, as `line:character-line:character`. */
function at(text: string, needle: string, n = 0): string {
  let offset = -1;
  for (let i = 0; i <= n; i++) offset = text.indexOf(needle, offset + 1);
  assert.ok(offset >= 0, `${needle} not in the text`);
  const pos = (o: number) => {
    const before = text.slice(0, o).split('\n');
    return `${before.length - 1}:${before[before.length - 1].length}`;
  };
  return `${pos(offset)}-${pos(offset + needle.length)}`;
}

function read(name: string): string {
  return readFileSync(join(fixtures, name), 'utf8');
}

/** A problem as `line:character-line:character code message`, so one assertion shows all of it. */
function show(p: KnowledgeProblem): string {
  return `${p.range.start.line}:${p.range.start.character}-${p.range.end.line}:${p.range.end.character} ${p.code} ${p.message}`;
}

describe('knowledge/normalize', () => {
  const cases: [string, string][] = [
    // A letter before a digit is a space too: `V3.1` = `V 3.1`, `Gemma3` = `Gemma 3`.
    ['DeepSeek-V3.1', 'deepseek v 3.1'],
    ['DeepSeek V3.1', 'deepseek v 3.1'],
    ['  deepseek__v3.1 ', 'deepseek v 3.1'],
    ['Gemma3', 'gemma 3'],
    ['ＳＫＴ', 'skt'],
    // A change of script is a space: `LG AI연구원` = `LG AI 연구원`, `큐원3` = `큐원 3`.
    ['LG AI연구원', 'lg ai 연구원'],
    ['큐원3', '큐원 3'],
    ['딥시크 -  V3.1', '딥시크 v 3.1'],
  ];
  for (const [input, output] of cases) {
    it(`folds ${JSON.stringify(input)} to ${JSON.stringify(output)}`, () => assert.equal(normalizeName(input), output));
  }
});

describe('knowledge/bundled data', () => {
  const files = loadBundledKnowledge(dataDir);
  const kb = createKnowledgeBase(files, 1);
  ensureFacts(); // these tests read the hover text (sources, notes) as the hover does
  const ofKind = (kind: string) => kb.all().filter((e) => e.kind === kind);

  it('loads with no problems', () => {
    assert.deepEqual(kb.problems.map(show), []);
    assert.deepEqual(checkBundledKnowledge(files, kb).map(show), []);
  });

  it('has every model and organization of the fact sheet', () => {
    // The sheet's 36 entries: 34 models plus Claude and Gemini, modelled as families.
    const sheet = parse(readFileSync(join(dataDir, '..', '..', '..', 'shared', 'facts', 'facts.yaml'), 'utf8')) as {
      models: { id: string }[];
      organizations: { id: string }[];
    };
    const asFamilies = new Set(['anthropic-claude', 'google-gemini']);
    for (const { id } of sheet.models) assert.equal(kb.get(id)?.kind, asFamilies.has(id) ? 'family' : 'model', id);
    for (const { id } of sheet.organizations) assert.equal(kb.get(id)?.kind, 'organization', id);
    for (const id of ['anthropic-claude', 'google-gemini', 'lg-exaone', 'meta-llama', 'naver-hyperclova-x', 'skt-ax']) assert.equal(kb.get(id)?.kind, 'family', id);
  });

  it('has a current snapshot that loads like the YAML, each entity in its merged form', () => {
    // Stale means: not byte for byte what `kb-check --write` writes from the YAML now.
    assert.deepEqual(staleSnapshotFiles(dataDir), []);
    for (const file of files) {
      // Field ranges stay out of the snapshot: bundled ids are unique, so no merge needs them.
      const { fieldRanges: _ranges, entities, ...parsed } = parseKnowledgeFile(file.uri, readFileSync(new URL(file.uri), 'utf8'), { bundled: true });
      const { entities: snapshotEntities, ...loaded } = file;
      assert.deepEqual(loaded, parsed, file.uri);
      assert.deepEqual(snapshotEntities, entities.map((e) => kb.get(e.id)), file.uri);
    }
  });

  it('gives DeepSeek-V3.1 its sourced facts', () => {
    const m = kb.get('deepseek-v3.1') as ModelEntity;
    assert.equal(m.kind, 'model');
    assert.equal(m.name, 'DeepSeek-V3.1');
    assert.equal(m.organization, 'deepseek');
    assert.deepEqual(m.parameters, {
      total: 671000000000,
      active: 37000000000,
      alternates: [{ total: 685000000000, note: 'incl. 14B multi-token-prediction module (Hugging Face count)' }],
    });
    assert.equal(m.architecture, 'moe');
    assert.equal(m.release, '2025-08-21');
    assert.equal(m.context, 131072);
    assert.equal(m.license, 'MIT');
    assert.equal(m.openWeights, true);
    assert.deepEqual(m.modality, { input: ['text'], output: ['text'] });
    assert.equal(m.asOf, '2026-12-05');
    assert.ok(m.aliases.includes('딥시크 V3.1'));
    assert.ok(m.aliases.includes('DeepSeek V3.1'));
    assert.ok(m.sources.some((s) => s.url === 'https://huggingface.co/deepseek-ai/DeepSeek-V3.1'));
  });

  it('keeps undisclosed sizes undisclosed', () => {
    assert.deepEqual((kb.get('openai-gpt-4') as ModelEntity).parameters, { disclosed: false });
    assert.equal(kb.get('anthropic-claude')?.kind, 'family');
    assert.equal(kb.get('google-gemini')?.kind, 'family');
  });

  it('gives A.X K1 its card value and the class label as a note', () => {
    const m = kb.get('skt-ax-k1') as ModelEntity;
    assert.deepEqual(m.parameters, { total: 519000000000, active: 33000000000 });
    assert.equal(m.notes?.[0], "500B-class label (500B급, 5,000억) in press and SKT's newsroom; the card says 519B.");
  });

  it('marks unverified fields', () => {
    assert.deepEqual(kb.get('sk-telecom')?.unverified, ['website']);
    assert.deepEqual(kb.get('skt-ax-k2')?.unverified, ['release', 'modality']);
  });

  it('gives every entity an as-of date, and sources unless every fact it states is unverified', () => {
    for (const e of kb.all()) {
      const facts = shownFacts(e).filter((f) => !e.unverified?.includes(f));
      assert.ok(e.sources.length > 0 || (facts.length === 0 && e.kind !== 'organization'), e.id);
      assert.ok(e.sources.every((s) => /^https?:\/\//.test(s.url) && s.kind !== undefined), e.id);
      // A real day of a data pass: not before the first, never in the future.
      assert.ok(/^\d{4}-\d{2}-\d{2}$/.test(e.asOf ?? '') && e.asOf! >= '2026-11-30' && e.asOf! <= new Date().toISOString().slice(0, 10), `${e.id}: ${e.asOf}`);
    }
  });

  it('uses every alias once across the data set', () => {
    const owner = new Map<string, string>();
    for (const e of kb.all()) {
      for (const alias of new Set([e.name, ...e.aliases].map(normalizeName))) {
        assert.equal(owner.get(alias), undefined, `${alias}: ${owner.get(alias)} and ${e.id}`);
        owner.set(alias, e.id);
      }
    }
  });

  it('names the organizations and families the seed article mentions', () => {
    const byName = new Map<string, { kind: string; name: string }>();
    for (const e of kb.all()) for (const n of [e.name, ...e.aliases]) byName.set(normalizeName(n), e);
    const expected: [string, string, string][] = [
      ['SKT', 'organization', 'SK Telecom'],
      ['SK텔레콤', 'organization', 'SK Telecom'],
      ['크래프톤', 'organization', 'Krafton'],
      ['포티투닷', 'organization', '42dot'],
      ['리벨리온', 'organization', 'Rebellions'],
      ['셀렉트스타', 'organization', 'SelectStar'],
      ['서울대', 'organization', 'Seoul National University'],
      ['서울대학교', 'organization', 'Seoul National University'],
      ['SNU', 'organization', 'Seoul National University'],
      ['KAIST', 'organization', 'KAIST'],
      ['카이스트', 'organization', 'KAIST'],
      ['NC AI', 'organization', 'NC AI'],
      ['엔씨AI', 'organization', 'NC AI'],
      ['네이버 클라우드', 'organization', 'Naver Cloud'],
      ['네이버클라우드', 'organization', 'Naver Cloud'],
      ['업스테이지', 'organization', 'Upstage'],
      ['LG AI연구원', 'organization', 'LG AI Research'],
      ['LG AI 연구원', 'organization', 'LG AI Research'],
      ['뤼튼', 'organization', 'Wrtn'],
      ['딥시크', 'organization', 'DeepSeek'],
      ['딥시크 V3.1', 'model', 'DeepSeek-V3.1'],
      ['DeepSeek V3.1', 'model', 'DeepSeek-V3.1'],
      ['엑사원', 'family', 'EXAONE'],
      ['하이퍼클로바X', 'family', 'HyperCLOVA X'],
      ['하이퍼클로바 X', 'family', 'HyperCLOVA X'],
      ['HCX', 'family', 'HyperCLOVA X'],
      ['에이닷엑스', 'family', 'A.X'],
      ['A.X', 'family', 'A.X'],
      ['라마 3.1', 'family', 'Llama'],
    ];
    for (const [alias, kind, name] of expected) {
      const e = byName.get(normalizeName(alias));
      assert.deepEqual(e && { kind: e.kind, name: e.name }, { kind, name }, alias);
    }
  });

  it('drops aliases that would be false positives or other models', () => {
    const all = new Set(kb.all().flatMap((e) => [e.name, ...e.aliases].map(normalizeName)));
    for (const alias of ['R1', 'Language Models are Few-Shot Learners', 'A.X K1 (519B)', 'Motif', 'Moonshot', '라마']) {
      assert.equal(all.has(normalizeName(alias)), false, alias);
    }
    // Names with other senses only on entities marked ambiguous: mentions only in a paragraph about AI.
    for (const [alias, id] of [['LG', 'lg'], ['메타', 'meta'], ['Phi', 'microsoft-phi'], ['Claude', 'anthropic-claude'], ['Falcon', 'tii-falcon'], ['Yi', 'yi'], ['Starling', 'starling'], ['o1', 'openai-o1'], ['o3', 'openai-o3'], ['davinci', 'openai-davinci']]) {
      const owner = kb.all().find((e) => [e.name, ...e.aliases].some((n) => normalizeName(n) === normalizeName(alias)));
      assert.deepEqual([owner?.id, owner?.ambiguous], [id, true], alias);
    }
  });

  it('lists family members and an organization’s models in data order', () => {
    assert.deepEqual(kb.membersOf('lg-exaone').map((m) => m.id), [
      'lg-exaone-2.0',
      'lg-exaone-3.0-7.8b',
      'lg-exaone-3.5-2.4b',
      'lg-exaone-3.5-7.8b',
      'lg-exaone-3.5',
      'lg-exaone-deep-2.4b',
      'lg-exaone-deep-7.8b',
      'lg-exaone-deep-32b',
      'lg-exaone-4.0-1.2b',
      'lg-exaone-4.0',
      'lg-k-exaone',
      'lg-exaone-4.5',
      'lg-k-exaone-2.0',
    ]);
    assert.deepEqual(kb.membersOf('skt-ax').map((m) => m.id), ['skt-ax-k1', 'skt-ax-k2', 'skt-ax-4.1', 'skt-ax-4.0', 'skt-ax-4.0-light', 'skt-ax-4.0-vl-light', 'skt-ax-3.1', 'skt-ax-3.1-light', 'skt-ax-3.0', 'skt-ax-3.0-light', 'skt-ax-encoder', 'skt-ax-ve']);
    assert.deepEqual(kb.modelsOf('deepseek').map((m) => m.id).slice(0, 3), ['deepseek-v3', 'deepseek-v3.1', 'deepseek-r1']);
    assert.deepEqual(kb.membersOf('deepseek'), []);
    assert.equal((kb.get('sk-telecom') as OrganizationEntity).country, 'KR');
  });

  it('records where each entity is defined', () => {
    const origin = kb.origin('deepseek-v3.1')!;
    assert.equal(origin.uri, pathToFileURL(join(dataDir, 'deepseek.yaml')).href);
    assert.equal(origin.bundled, true);
    const line = readFileSync(join(dataDir, 'deepseek.yaml'), 'utf8').split('\n')[origin.line];
    assert.equal(line.slice(origin.character), 'id: deepseek-v3.1');
  });
});

describe('knowledge/parse', () => {
  it('reports a YAML syntax error at its place and loads nothing', () => {
    const file = fixture('syntax-error.yaml');
    assert.deepEqual(file.entities, []);
    // The parser points at the start of the badly indented line.
    assert.deepEqual(file.problems.map(show), ['3:0-3:1 knowledge.invalid Sequence item without - indicator']);
    assert.equal(read('syntax-error.yaml').split('\n')[3], '   organization: nowhere');
  });

  it('skips an entry with an unknown field and loads the rest', () => {
    const file = fixture('unknown-field.yaml');
    const text = read('unknown-field.yaml');
    assert.equal(at(text, 'sizee'), '4:4-4:9');
    assert.deepEqual(file.problems.map(show), [
      '4:4-4:9 knowledge.invalid Unexpected field `sizee`, expected one of `id`, `name`, `aliases`, `family`, `organization`, `parameters`, `architecture`, `architectureNote`, `release`, `context`, `license`, `openWeights`, `modality`, `sources`, `asOf`, `unverified`, `secondary`, `notes`, `ambiguous`',
    ]);
    assert.deepEqual(file.entities, [{ id: 'fine-model', name: 'Fine Model', kind: 'model', aliases: ['파인 모델'], sources: [] }]);
    assert.deepEqual(file.origins.get('fine-model'), { uri: file.uri, line: 5, character: 4, bundled: false });
    assert.equal(at(text, 'id: fine-model'), '5:4-5:18');
    assert.equal(at(text, '"파인 모델"'), '7:14-7:21');
    assert.deepEqual(file.fieldRanges?.get('fine-model')?.get('aliases[0]'), { start: { line: 7, character: 14 }, end: { line: 7, character: 21 } });
  });

  it('reports wrong types, bad enum values, malformed dates and URLs at their values', () => {
    const file = fixture('wrong-type.yaml');
    const text = read('wrong-type.yaml');
    assert.deepEqual(file.entities, []);
    assert.deepEqual(
      [at(text, '"big"'), at(text, '46.7'), at(text, 'sparse'), at(text, '2025-13'), at(text, '"ftp://example.com/card"')],
      ['4:13-4:18', '5:14-5:18', '6:18-6:24', '7:13-7:20', '8:14-8:38'],
    );
    assert.deepEqual(file.problems.map(show), [
      '4:13-4:18 knowledge.invalid Unexpected string `"big"` for `parameters.total`, expected a non-negative integer',
      '5:14-5:18 knowledge.invalid Unexpected number `46.7` for `parameters.active`, expected a non-negative integer',
      '6:18-6:24 knowledge.invalid Unexpected string `"sparse"` for `architecture`, expected `dense` or `moe`',
      '7:13-7:20 knowledge.invalid Unexpected string `"2025-13"` for `release`, expected a date `YYYY`, `YYYY-MM` or `YYYY-MM-DD`',
      '8:14-8:38 knowledge.invalid Unexpected string `"ftp://example.com/card"` for `sources[0]`, expected an http(s) URL',
    ]);
  });

  it('reports a duplicate id at the second one and keeps the first', () => {
    const file = fixture('duplicate-id.yaml');
    assert.deepEqual(file.entities.map((e) => `${e.kind} ${e.name}`), ['organization Twice Lab']);
    assert.equal(at(read('duplicate-id.yaml'), 'twice', 1), '4:8-4:13');
    assert.deepEqual(file.problems.map(show), ['4:8-4:13 knowledge.invalid Unexpected duplicate id `twice`, expected an id used once in the file (first on line 2)']);
  });

  it('names JSON types the JSON way', () => {
    const file = fixture('user.json');
    assert.equal(at(read('user.json'), '"long"'), '2:59-2:65');
    assert.deepEqual(file.problems.map(show), ['2:59-2:65 knowledge.invalid Unexpected string `"long"` for `context`, expected a non-negative integer']);
  });

  it('counts UTF-16 characters after Korean text and emoji', () => {
    const text = 'organizations:\n  - { id: x, name: "딥시크 🐳", sizee: 1 }\n';
    const file = parseKnowledgeFile('file:///k.yaml', text, { bundled: false });
    const at = text.split('\n')[1].indexOf('sizee');
    assert.equal(at, 29);
    assert.deepEqual(file.problems.map((p) => p.range), [{ start: { line: 1, character: 29 }, end: { line: 1, character: 34 } }]);
  });

  const table: [string, string, string, string][] = [
    ['a missing id', 'organizations:\n  - name: A\n', 'name', 'Missing field `id` in organization entry'],
    ['an unknown section', 'modles: []\n', 'modles', 'Unexpected field `modles`, expected one of `models`, `families`, `organizations`, `products`, `ignore`'],
    ['a section that is not a list', 'models: {}\n', '{}', 'Unexpected mapping for `models`, expected a sequence'],
    ['a negative count', 'models:\n  - { id: m, name: M, context: -1 }\n', '-1', 'Unexpected number `-1` for `context`, expected a non-negative integer'],
    ['an impossible day', 'models:\n  - { id: m, name: M, release: 2025-02-30 }\n', '2025-02-30', 'Unexpected string `"2025-02-30"` for `release`, expected a date `YYYY`, `YYYY-MM` or `YYYY-MM-DD`'],
    ['a bad country', 'organizations:\n  - { id: o, name: O, country: Korea }\n', 'Korea', 'Unexpected string `"Korea"` for `country`, expected an ISO 3166-1 alpha-2 code such as `KR`'],
    ['a bad organization type', 'organizations:\n  - { id: o, name: O, type: chaebol }\n', 'chaebol', 'Unexpected string `"chaebol"` for `type`, expected one of `company`, `university`, `lab`, `startup`, `government`, `nonprofit`, `consortium`'],
    ['a count for an undisclosed size', 'models:\n  - { id: m, name: M, parameters: { disclosed: false, total: 5 } }\n', '5', 'Unexpected `parameters.total` with `disclosed: false`, expected no count for an undisclosed size'],
    ['an alternate without a note', 'models:\n  - id: m\n    name: M\n    parameters: { alternates: [{ total: 5 }] }\n', 'total', 'Missing field `parameters.alternates[0].note` in `parameters.alternates[0]`'],
    ['a duplicate field', 'models:\n  - id: m\n    name: M\n    name: N\n', 'name', 'Unexpected duplicate field `name`'],
    ['an unknown unverified field', 'models:\n  - { id: m, name: M, unverified: [size] }\n', 'size', 'Unexpected string `"size"` for `unverified[0]`, expected a field name (one of `name`, `aliases`, `family`, `organization`, `parameters`, `architecture`, `architectureNote`, `release`, `context`, `license`, `openWeights`, `modality`)'],
    ['a kind other than the section', 'models:\n  - { id: m, kind: family, name: M }\n', 'family', 'Unexpected string `"family"` for `kind`, expected `model` (the section\'s kind) or no `kind`'],
  ];
  for (const [what, text, needle, message] of table) {
    it(`reports ${what}`, () => {
      const file = parseKnowledgeFile('file:///t.yaml', text, { bundled: false });
      const occurrence = what === 'a duplicate field' ? 1 : 0;
      assert.deepEqual(file.problems.map(show), [`${at(text, needle, occurrence)} knowledge.invalid ${message}`]);
      assert.deepEqual(file.entities, []);
    });
  }

  it('needs a name in bundled data, and in a user entry only when its id overrides nothing', () => {
    const text = 'families:\n  - id: f\n';
    const bundled = parseKnowledgeFile('file:///b.yaml', text, { bundled: true });
    assert.deepEqual(bundled.problems.map(show), [`${at(text, 'id')} knowledge.invalid Missing field \`name\` in family entry`]);
    const user = parseKnowledgeFile('file:///u.yaml', text, { bundled: false });
    assert.deepEqual(user.problems, []);
    const kb = createKnowledgeBase([user], 1);
    assert.deepEqual(kb.problems.map(show), [`${at(text, 'f', 1)} knowledge.invalid Missing field \`name\` in family entry \`f\`, expected a name for an id that overrides nothing`]);
    assert.equal(kb.get('f'), undefined);
  });

  it('accepts an empty file, an unquoted year and the kind of the section', () => {
    assert.deepEqual(parseKnowledgeFile('file:///e.yaml', '', { bundled: false }).problems, []);
    const file = parseKnowledgeFile('file:///y.yaml', 'models:\n  - { id: m, kind: model, name: M, release: 2026 }\nignore: [Foo-70B]\n', { bundled: false });
    assert.deepEqual(file.problems, []);
    assert.deepEqual(file.entities, [{ id: 'm', name: 'M', release: '2026', kind: 'model', aliases: [], sources: [] }]);
    assert.deepEqual(file.ignore, ['Foo-70B']);
  });
});

describe('knowledge/knowledgeBase', () => {
  const bundled = loadBundledKnowledge(dataDir);

  it('lets a user file override one field and keep the others, adding its aliases', () => {
    const user = fixture('user-override.yaml');
    const kb = createKnowledgeBase([...bundled, user], 2);
    assert.deepEqual(kb.problems, []);
    assert.equal(kb.version, 2);
    const m = kb.get('deepseek-v3.1') as ModelEntity;
    assert.equal(m.context, 163840);
    assert.deepEqual(m.sources, [{ url: 'https://vercel.com/ai-gateway/models/deepseek-v3.1.md' }]);
    assert.equal(m.parameters?.total, 671000000000);
    assert.equal(m.license, 'MIT');
    assert.equal(m.release, '2025-08-21');
    assert.deepEqual(m.aliases, ['DeepSeek V3.1', 'DeepSeek-V3.1-Base', 'deepseek-chat-v3.1', '딥시크 V3.1', 'DSV3.1']);
    assert.deepEqual(kb.origin('deepseek-v3.1'), { uri: user.uri, line: 2, character: 4, bundled: false });
    assert.deepEqual([...kb.ignored], ['foo 70b']);
    // The parsed files stay as they were: they are cached per version.
    assert.equal((bundled.find((f) => f.uri.endsWith('/deepseek.yaml'))!.entities.find((e) => e.id === 'deepseek-v3.1') as ModelEntity).context, 131072);
    assert.equal(createKnowledgeBase(bundled, 3).get('deepseek-v3.1')?.aliases.includes('DSV3.1'), false);
  });

  it('reports an alias claimed by two entities in the later file', () => {
    const a = fixture('alias-a.yaml');
    const b = fixture('alias-b.yaml');
    const kb = createKnowledgeBase([a, b], 1);
    assert.equal(at(read('alias-b.yaml'), '"alpha lab ai"'), '3:25-3:39');
    assert.deepEqual(kb.problems.map((p) => `${p.uri === b.uri ? 'alias-b' : p.uri} ${show(p)}`), [
      'alias-b 3:25-3:39 knowledge.duplicate-alias Unexpected alias `alpha lab ai` of `beta-lab`, expected a name not already used by `alpha-lab`',
    ]);
    assert.deepEqual(kb.get('beta-lab')?.aliases, ['Beta AI']);
  });

  it('reports an alias that is another entity’s name', () => {
    const user = parseKnowledgeFile('file:///u.yaml', 'organizations:\n  - { id: skt-fan-club, name: Fans, aliases: [SK-Telecom] }\n', { bundled: false });
    const kb = createKnowledgeBase([...bundled, user], 1);
    assert.deepEqual(kb.problems.map(show), ['1:46-1:56 knowledge.duplicate-alias Unexpected alias `SK-Telecom` of `skt-fan-club`, expected a name not already used by `sk-telecom`']);
  });

  it('reports references that resolve nowhere or to the wrong kind', () => {
    const file = fixture('unresolved-organization.yaml');
    const kb = createKnowledgeBase([...bundled, file], 1);
    const text = read('unresolved-organization.yaml');
    assert.deepEqual([at(text, 'no-such-org'), at(text, 'deepseek')], ['3:18-3:29', '4:12-4:20']);
    assert.deepEqual(kb.problems.map(show), [
      '3:18-3:29 knowledge.invalid Unexpected unknown id `no-such-org` for `organization` of `orphan-model`, expected the id of an organization',
      '4:12-4:20 knowledge.invalid Unexpected organization id `deepseek` for `family` of `orphan-model`, expected the id of a family',
    ]);
    assert.ok(kb.problems.every((p) => p.uri === file.uri));
  });

  it('merges a later layer onto a base exactly as it merges all files at once', () => {
    const base = createKnowledgeBase(bundled, 1);
    const layers = [
      fixture('user-override.yaml'),
      fixture('unresolved-organization.yaml'),
      parseKnowledgeFile('file:///u.yaml', 'organizations:\n  - { id: skt-fan-club, name: Fans, aliases: [SK-Telecom] }\n', { bundled: false }),
      parseKnowledgeFile('file:///k.yaml', 'families:\n  - { id: deepseek, name: DeepSeek family }\n', { bundled: false }),
    ];
    for (const layer of layers) {
      const flat = createKnowledgeBase([...bundled, layer], 2);
      const layered = createKnowledgeBase([layer], 2, base);
      assert.deepEqual(layered.all(), flat.all(), layer.uri);
      assert.deepEqual(layered.problems.map(show), flat.problems.map(show), layer.uri);
      assert.deepEqual([...layered.ignored], [...flat.ignored], layer.uri);
      for (const e of flat.all()) assert.deepEqual(layered.origin(e.id), flat.origin(e.id), e.id);
    }
    // A layer never changes its base.
    assert.equal(base.get('deepseek-v3.1')?.aliases.includes('DSV3.1'), false);
    assert.deepEqual(base.problems, []);
  });

  it('loads the precompiled bundled knowledge base exactly as the merge of the YAML', () => {
    const { kb: precompiled } = loadBundledKnowledgeBase(dataDir);
    const merged = createKnowledgeBase(loadBundledKnowledge(dataDir, { fresh: true }), 1);
    ensureFacts();
    assert.deepEqual(precompiled.all(), merged.all());
    for (const e of merged.all()) assert.deepEqual(precompiled.origin(e.id), merged.origin(e.id), e.id);
    // Its name table rejects a user alias as the merge's does.
    const user = parseKnowledgeFile('file:///u.yaml', 'organizations:\n  - { id: skt-fan-club, name: Fans, aliases: [SK-Telecom] }\n', { bundled: false });
    assert.deepEqual(createKnowledgeBase([user], 2, precompiled).problems.map(show), createKnowledgeBase([user], 2, merged).problems.map(show));
    assert.deepEqual(claimsOf(precompiled), claimsOf(merged));
  });

  it('reads the bundled entities\' hover text (sources, notes) at the first hover, not at start', () => {
    const { kb: precompiled } = loadBundledKnowledgeBase(dataDir);
    const m = precompiled.get('skt-ax-k1') as ModelEntity;
    assert.equal(m.sources, undefined);
    assert.equal(m.notes, undefined);
    const hover = entityMarkdown(m, precompiled, { locale: 'en', numberFormat: 'auto' });
    assert.match(hover, /- Note: 500B-class label \(500B급, 5,000억\) in press and SKT's newsroom; the card says 519B\.\n/);
    assert.ok(hover.endsWith('\n\nSources: [repository](https://github.com/SKT-AI/A.X-K1/blob/main/README.md) · [model card](https://huggingface.co/skt/A.X-K1) · as of 2026-11-30'));
    assert.equal(m.notes?.[0], "500B-class label (500B급, 5,000억) in press and SKT's newsroom; the card says 519B.");
  });

  it('keeps the hovers of a snapshot whose hover text is damaged, without sources', () => {
    const text = readFileSync(join(dataDir, SNAPSHOT_FILE), 'latin1');
    const { kb: damaged } = knowledgeOfSnapshotText(`${text.slice(0, text.indexOf('\n'))}\n{"facts": [[{"sour`, 'file:///data');
    const m = damaged.get('skt-ax-k1') as ModelEntity;
    const logged: string[] = [];
    const error = console.error;
    console.error = (line: string) => void logged.push(line);
    let hover: string;
    try {
      hover = entityMarkdown(m, damaged, { locale: 'en', numberFormat: 'auto' });
    } finally {
      console.error = error;
    }
    assert.deepEqual(logged, ['Research Notes: the hover text of the bundled snapshot.jsonl is unreadable; hovers show no sources']);
    assert.match(hover, /^\*\*A\.X K1\*\* · model · SK Telecom\n/);
    assert.doesNotMatch(hover, /Sources:/);
    assert.deepEqual(m.sources, []);
  });

  it('puts no knowledge files on the bundled knowledge base (a workspace without any) as the merge does', () => {
    const { kb: precompiled } = loadBundledKnowledgeBase(dataDir);
    const merged = createKnowledgeBase(loadBundledKnowledge(dataDir, { fresh: true }), 1);
    const empty = createKnowledgeBase([], 2, precompiled);
    ensureFacts();
    assert.equal(empty.version, 2);
    assert.deepEqual(empty.all(), merged.all());
    assert.deepEqual([...empty.ignored], [...merged.ignored]);
    assert.deepEqual(empty.problems, []);
    for (const e of merged.all()) {
      assert.deepEqual(empty.origin(e.id), merged.origin(e.id), e.id);
      assert.deepEqual(empty.modelsOf(e.id), merged.modelsOf(e.id), e.id);
      assert.deepEqual(empty.membersOf(e.id), merged.membersOf(e.id), e.id);
    }
    // A note's front matter or a user file merged on it is checked against the same name table.
    const user = parseKnowledgeFile('file:///u.yaml', 'organizations:\n  - { id: skt-fan-club, name: Fans, aliases: [SK-Telecom] }\n', { bundled: false });
    assert.deepEqual(createKnowledgeBase([user], 3, empty).problems.map(show), createKnowledgeBase([user], 3, merged).problems.map(show));
    assert.deepEqual(claimsOf(empty), claimsOf(merged));
  });

  it('writes the snapshot as ASCII, each name and alias folded as `foldName` folds it', () => {
    const text = readFileSync(join(dataDir, SNAPSHOT_FILE), 'utf8');
    assert.ok(/^[\x20-\x7e]*\n[\x20-\x7e]*\n$/.test(text));
    const snapshot = JSON.parse(text.slice(0, text.indexOf('\n'))) as { files: { entities: { name: string; aliases: string[] }[]; folded: string[] }[] };
    forgetFolded(); // folded afresh, not remembered from the snapshot
    for (const file of snapshot.files) assert.deepEqual(file.folded, file.entities.flatMap((e) => [e.name, ...e.aliases].map(normalizeName)));
  });

  it('refuses to turn an entity into another kind', () => {
    const user = parseKnowledgeFile('file:///u.yaml', 'families:\n  - { id: deepseek, name: DeepSeek family }\n', { bundled: false });
    const kb = createKnowledgeBase([...bundled, user], 1);
    assert.deepEqual(kb.problems.map(show), ['1:10-1:18 knowledge.invalid Unexpected family id `deepseek`, expected an organization to override (`deepseek` is an organization already)']);
    assert.equal(kb.get('deepseek')?.kind, 'organization');
  });
});
