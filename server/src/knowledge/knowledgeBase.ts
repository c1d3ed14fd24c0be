/**
 * Merges parsed knowledge files into the read-only knowledge base the features query, and runs
 * the checks that need more than one file: aliases claimed twice and references that resolve nowhere.
 */
import { normalizeName } from './normalize';
import type { Entity, EntityOrigin, FamilyEntity, KnowledgeBase, KnowledgeFile, KnowledgeProblem, ModelEntity } from './types';
import { ensureFacts } from './facts';

type Range = KnowledgeProblem['range'];

/** The file and field ranges of the entry that last set a field of an entity. */
interface Setter {
  uri: string;
  origin: EntityOrigin | undefined;
  ranges: Map<string, Range> | undefined;
}

/** Kinds an id field must point at. */
const REFERENCES: { kind: Entity['kind']; field: string; target: Entity['kind']; many?: boolean; key?: string }[] = [
  { kind: 'model', field: 'organization', target: 'organization' },
  { kind: 'model', field: 'family', target: 'family' },
  { kind: 'family', field: 'organization', target: 'organization' },
  { kind: 'family', field: 'members', target: 'model', many: true },
  { kind: 'organization', field: 'parent', target: 'organization' },
  { kind: 'product', field: 'organization', target: 'organization' },
  { kind: 'product', field: 'models', target: 'model', many: true, key: 'model' },
];

const REFERENCE_FIELDS = new Set(REFERENCES.map((r) => r.field));

const ARTICLE: Record<Entity['kind'], string> = { model: 'a model', family: 'a family', organization: 'an organization', product: 'a product' };

/**
 * What merging files has built so far: the inside of a knowledge base, which a later merge starts
 * from (user files on the bundled data, a note's front matter on the workspace's).
 */
interface Merge {
  byId: Map<string, Entity>;
  origins: Map<string, EntityOrigin>;
  /** Who set each reference field, by entity id: kept to place a reference that resolves nowhere. */
  setters: Map<string, Map<string, Setter>>;
  /** Normalized name or alias → id of the entity that claimed it first. */
  claims: Map<string, string>;
  ignored: Set<string>;
}

const merges = new WeakMap<KnowledgeBase, Merge>();

/**
 * Builds a knowledge base from files in increasing precedence: bundled data, then user files,
 * then front matter, on top of `base` when given (its files come first). An entry whose id exists
 * already overrides it field by field: its aliases are added to the earlier ones, every other
 * field it sets (arrays and objects too) replaces the earlier value. Problems found across files
 * are reported in the later file.
 */
export function createKnowledgeBase(files: readonly KnowledgeFile[], version: number, base?: KnowledgeBase): KnowledgeBase {
  if (base && files.length === 0) return sameKnowledge(base, version);
  ensureFacts(); // entries are copied field by field: a snapshot's facts first
  const from = base ? mergeStateOf(base) : undefined;
  const merge: Merge = {
    byId: new Map(from?.byId),
    origins: new Map(from?.origins),
    setters: new Map(from?.setters),
    claims: new Map(from?.claims),
    ignored: new Set(from?.ignored),
  };
  const problemsByFile = files.map((f) => [...f.problems]);
  const touched = new Set<string>();
  files.forEach((file, index) => mergeFile(merge, file, problemsByFile[index], touched));
  checkReferences(merge, touched, files, problemsByFile);
  const kb = knowledgeBase(merge, version, [...(base?.problems ?? []), ...problemsByFile.flat()]);
  merges.set(kb, merge);
  return kb;
}

/**
 * The knowledge base of files already merged without a problem (the bundled snapshot): each id
 * defined once, in its merged form. Nothing is checked again; the name table a later layer is
 * checked against is built on first use.
 */
export function knowledgeBaseOfMerged(files: readonly KnowledgeFile[], version: number): KnowledgeBase {
  const merge: Merge = { byId: new Map(), origins: new Map(), setters: new Map(), claims: new Map(), ignored: new Set() };
  const { byId, origins } = merge;
  const setOrigin = (origin: EntityOrigin, id: string): void => void origins.set(id, origin);
  // Plain loops: this runs once at start, cold, over every entity.
  for (let f = 0; f < files.length; f++) {
    const file = files[f];
    for (const name of file.ignore) merge.ignored.add(normalizeName(name));
    const entities = file.entities;
    for (let i = 0; i < entities.length; i++) byId.set(entities[i].id, entities[i]);
    file.origins.forEach(setOrigin);
  }
  return knowledgeBase(merge, version, []);
}

/** Knowledge bases with nothing merged onto their base, and that base: they share its merge state. */
const bases = new WeakMap<KnowledgeBase, KnowledgeBase>();

/**
 * `base` under a new version, nothing merged onto it (a workspace without knowledge files, at every
 * start): the same entities, origins and problems, read from `base`. Neither copies nor folds its
 * names; the name table a later layer is checked against is `base`'s, made when one needs it.
 */
function sameKnowledge(base: KnowledgeBase, version: number): KnowledgeBase {
  const kb: KnowledgeBase = {
    version,
    problems: [...base.problems],
    ignored: base.ignored,
    get: (id) => base.get(id),
    all: () => base.all(),
    origin: (id) => base.origin(id),
    modelsOf: (orgId) => base.modelsOf(orgId),
    membersOf: (familyId) => base.membersOf(familyId),
  };
  bases.set(kb, base);
  return kb;
}

/** The merge state of `kb`: its own, its base's (nothing merged onto it), or (for one built without a merge) one made from its entities once. */
function mergeStateOf(kb: KnowledgeBase): Merge {
  const base = bases.get(kb);
  if (base) return mergeStateOf(base);
  let merge = merges.get(kb);
  if (!merge) merges.set(kb, (merge = mergeOf(kb)));
  return merge;
}

/** The merge state of a knowledge base built without a merge (precompiled, a test's, a host's): its entities as they are. */
function mergeOf(kb: KnowledgeBase): Merge {
  const merge: Merge = { byId: new Map(), origins: new Map(), setters: new Map(), claims: new Map(), ignored: new Set(kb.ignored) };
  for (const entity of kb.all()) {
    merge.byId.set(entity.id, entity);
    const origin = kb.origin(entity.id);
    if (origin) merge.origins.set(entity.id, origin);
    for (const name of [entity.name, ...entity.aliases]) {
      const key = normalizeName(name);
      if (key && !merge.claims.has(key)) merge.claims.set(key, entity.id);
    }
  }
  return merge;
}

/** The name table of a knowledge base: normalized name or alias → the entity that claimed it. */
export function claimsOf(kb: KnowledgeBase): [string, string][] {
  return [...mergeStateOf(kb).claims];
}

function mergeFile(merge: Merge, file: KnowledgeFile, problems: KnowledgeProblem[], touched: Set<string>): void {
  const { byId, claims } = merge;
  for (const name of file.ignore) merge.ignored.add(normalizeName(name));
  for (const entry of file.entities) {
    const ranges = file.fieldRanges?.get(entry.id);
    const origin = file.origins.get(entry.id);
    const at = (path: string): Range => rangeAt(ranges, origin, path);
    const existing = byId.get(entry.id);
    if (existing && existing.kind !== entry.kind) {
      problems.push(invalid(file.uri, at('id'), `Unexpected ${entry.kind} id \`${entry.id}\`, expected ${ARTICLE[existing.kind]} to override (\`${entry.id}\` is ${ARTICLE[existing.kind]} already)`));
      continue;
    }
    if (!existing && !entry.name) {
      problems.push(invalid(file.uri, at('id'), `Missing field \`name\` in ${entry.kind} entry \`${entry.id}\`, expected a name for an id that overrides nothing`));
      continue;
    }
    const merged = (existing ? { ...existing, aliases: [...existing.aliases] } : { id: entry.id, kind: entry.kind, name: entry.name, aliases: [], sources: [] }) as Entity & Record<string, unknown>;
    const set = new Map(merge.setters.get(entry.id));
    for (const field of presentFields(entry, ranges)) {
      if (field === 'aliases' || field === 'id' || field === 'kind') continue;
      const value = (entry as unknown as Record<string, unknown>)[field];
      // An empty list clears an earlier value; a new entity simply has none.
      if (!existing && (value === undefined || (Array.isArray(value) && value.length === 0))) continue;
      // Values are shared with the file's entry: neither is ever changed after loading.
      merged[field] = value;
      // Who set a field matters only for a reference that resolves nowhere: kept for those alone.
      if (REFERENCE_FIELDS.has(field)) set.set(field, { uri: file.uri, origin, ranges });
    }

    const nameKey = entry.name ? normalizeName(entry.name) : '';
    const nameOwner = claims.get(nameKey);
    if (nameOwner !== undefined && nameOwner !== entry.id) {
      problems.push(duplicate(file.uri, at('name'), `Unexpected name \`${entry.name}\` of \`${entry.id}\`, expected a name not already used by \`${nameOwner}\``));
    } else if (nameKey) {
      claims.set(nameKey, entry.id);
    }
    // The aliases an earlier entry of this id gave (none for a new id): an override adds its own.
    const own = new Set(existing ? merged.aliases.map(normalizeName) : []);
    entry.aliases.forEach((alias, i) => {
      const key = normalizeName(alias);
      if (!key) return;
      const owner = claims.get(key);
      if (owner !== undefined && owner !== entry.id) {
        problems.push(duplicate(file.uri, at(`aliases[${i}]`), `Unexpected alias \`${alias}\` of \`${entry.id}\`, expected a name not already used by \`${owner}\``));
        return;
      }
      claims.set(key, entry.id);
      if (!own.has(key)) {
        own.add(key);
        merged.aliases.push(alias);
      }
    });

    byId.set(entry.id, merged);
    merge.setters.set(entry.id, set);
    if (origin) merge.origins.set(entry.id, origin);
    touched.add(entry.id);
  }
}

/**
 * Reports the references of the entities `files` set that resolve nowhere, in the file that set
 * them. An entity no file set keeps its base's answer: an override never changes a kind or
 * removes an id, so what resolved before still does.
 */
function checkReferences(merge: Merge, touched: ReadonlySet<string>, files: readonly KnowledgeFile[], problemsByFile: KnowledgeProblem[][]): void {
  const fileIndex = new Map(files.map((f, i) => [f.uri, i]));
  for (const id of touched) {
    const entity = merge.byId.get(id);
    if (!entity) continue;
    for (const ref of REFERENCES) {
      if (ref.kind !== entity.kind) continue;
      const value = (entity as unknown as Record<string, unknown>)[ref.field];
      if (value === undefined) continue;
      const setter = merge.setters.get(entity.id)?.get(ref.field);
      const items = ref.many ? (value as unknown[]) : [value];
      const ids = items.map((item) => (ref.key ? (item as Record<string, string>)[ref.key] : (item as string)));
      ids.forEach((target, i) => {
        const found = merge.byId.get(target);
        if (found?.kind === ref.target) return;
        const path = ref.many ? `${ref.field}[${i}]${ref.key ? `.${ref.key}` : ''}` : ref.field;
        const range = setter?.ranges?.get(path) ?? setter?.ranges?.get(ref.field) ?? pointRange(setter?.origin);
        const uri = setter?.uri ?? merge.origins.get(entity.id)?.uri ?? '';
        const what = found ? `${found.kind} id` : 'unknown id';
        const problem = invalid(uri, range, `Unexpected ${what} \`${target}\` for \`${path}\` of \`${entity.id}\`, expected the id of ${ARTICLE[ref.target]}`);
        const index = fileIndex.get(uri);
        if (index !== undefined) problemsByFile[index].push(problem);
        else problemsByFile.push([problem]);
      });
    }
  }
}

function knowledgeBase(merge: Merge, version: number, problems: KnowledgeProblem[]): KnowledgeBase {
  const { byId, origins } = merge;
  const all = [...byId.values()];
  const modelsByOrganization = new Map<string, ModelEntity[]>();
  const modelsByFamily = new Map<string, ModelEntity[]>();
  const membersByFamily = new Map<string, readonly ModelEntity[]>();
  for (let i = 0; i < all.length; i++) {
    const entity = all[i];
    if (entity.kind !== 'model') continue;
    if (entity.organization) push(modelsByOrganization, entity.organization, entity);
    if (entity.family) push(modelsByFamily, entity.family, entity);
  }
  const kb: KnowledgeBase = {
    version,
    problems,
    ignored: merge.ignored,
    get: (id) => byId.get(id),
    all: () => all,
    origin: (id) => origins.get(id),
    modelsOf: (orgId) => modelsByOrganization.get(orgId) ?? [],
    membersOf(familyId) {
      // Asked for every count next to a family's name: worked out once per family.
      let members = membersByFamily.get(familyId);
      if (members === undefined) {
        const family = byId.get(familyId);
        if (family?.kind !== 'family') members = [];
        else {
          const listed = ((family as FamilyEntity).members ?? []).map((m) => byId.get(m)).filter((m): m is ModelEntity => m?.kind === 'model');
          members = Object.freeze([...new Set([...listed, ...(modelsByFamily.get(familyId) ?? [])])]);
        }
        membersByFamily.set(familyId, members);
      }
      return members;
    },
  };
  return kb;
}

/** The fields an entry really set: from its field ranges, else its non-empty values. */
function presentFields(entry: Entity, ranges: Map<string, Range> | undefined): string[] {
  if (ranges) return [...ranges.keys()].filter((path) => !/[.[]/.test(path));
  const fields: string[] = [];
  for (const key in entry) {
    const v = (entry as unknown as Record<string, unknown>)[key];
    if (v !== undefined && !(Array.isArray(v) && v.length === 0)) fields.push(key);
  }
  return fields;
}

function rangeAt(ranges: Map<string, Range> | undefined, origin: EntityOrigin | undefined, path: string): Range {
  return ranges?.get(path) ?? ranges?.get('id') ?? pointRange(origin);
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function pointRange(origin: EntityOrigin | undefined): Range {
  const at = { line: origin?.line ?? 0, character: origin?.character ?? 0 };
  return { start: at, end: at };
}

function invalid(uri: string, range: Range, message: string): KnowledgeProblem {
  return { uri, range, code: 'knowledge.invalid', message };
}

function duplicate(uri: string, range: Range, message: string): KnowledgeProblem {
  return { uri, range, code: 'knowledge.duplicate-alias', message };
}
