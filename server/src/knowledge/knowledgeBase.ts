/**
 * Merges parsed knowledge files into the read-only knowledge base the features query, and runs
 * the checks that need more than one file: aliases claimed twice and references that resolve nowhere.
 */
import { normalizeName } from './normalize';
import type { Entity, EntityOrigin, FamilyEntity, KnowledgeBase, KnowledgeFile, KnowledgeProblem, ModelEntity } from './types';

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
 * Builds a knowledge base from files in increasing precedence: bundled data, then user files,
 * then front matter. An entry whose id exists already overrides it field by field: its aliases
 * are added to the earlier ones, every other field it sets (arrays and objects too) replaces the
 * earlier value. Problems found across files are reported in the later file.
 */
export function createKnowledgeBase(files: readonly KnowledgeFile[], version: number): KnowledgeBase {
  const byId = new Map<string, Entity>();
  const origins = new Map<string, EntityOrigin>();
  const setters = new Map<string, Map<string, Setter>>();
  /** Normalized name or alias → id of the entity that claimed it first. */
  const claims = new Map<string, string>();
  const problemsByFile = files.map((f) => [...f.problems]);
  const fileIndex = new Map(files.map((f, i) => [f.uri, i]));
  const ignored = new Set<string>();

  files.forEach((file, index) => {
    const problems = problemsByFile[index];
    for (const name of file.ignore) ignored.add(normalizeName(name));
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
      const set = setters.get(entry.id) ?? new Map<string, Setter>();
      for (const field of presentFields(entry, ranges)) {
        if (field === 'aliases' || field === 'id' || field === 'kind') continue;
        // Values are shared with the file's entry: neither is ever changed after loading.
        merged[field] = (entry as unknown as Record<string, unknown>)[field];
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
      setters.set(entry.id, set);
      if (origin) origins.set(entry.id, origin);
    }
  });

  const all = [...byId.values()];
  for (const entity of all) {
    for (const ref of REFERENCES) {
      if (ref.kind !== entity.kind) continue;
      const value = (entity as unknown as Record<string, unknown>)[ref.field];
      if (value === undefined) continue;
      const setter = setters.get(entity.id)?.get(ref.field);
      const items = ref.many ? (value as unknown[]) : [value];
      const ids = items.map((item) => (ref.key ? (item as Record<string, string>)[ref.key] : (item as string)));
      ids.forEach((target, i) => {
        const found = byId.get(target);
        if (found?.kind === ref.target) return;
        const path = ref.many ? `${ref.field}[${i}]${ref.key ? `.${ref.key}` : ''}` : ref.field;
        const range = setter?.ranges?.get(path) ?? setter?.ranges?.get(ref.field) ?? pointRange(setter?.origin);
        const uri = setter?.uri ?? origins.get(entity.id)?.uri ?? '';
        const what = found ? `${found.kind} id` : 'unknown id';
        const problem = invalid(uri, range, `Unexpected ${what} \`${target}\` for \`${path}\` of \`${entity.id}\`, expected the id of ${ARTICLE[ref.target]}`);
        const index = fileIndex.get(uri);
        if (index !== undefined) problemsByFile[index].push(problem);
        else problemsByFile.push([problem]);
      });
    }
  }

  const modelsByOrganization = new Map<string, ModelEntity[]>();
  const modelsByFamily = new Map<string, ModelEntity[]>();
  for (const entity of all) {
    if (entity.kind !== 'model') continue;
    if (entity.organization) push(modelsByOrganization, entity.organization, entity);
    if (entity.family) push(modelsByFamily, entity.family, entity);
  }
  const problems = problemsByFile.flat();

  return {
    version,
    problems,
    ignored,
    get: (id) => byId.get(id),
    all: () => all,
    origin: (id) => origins.get(id),
    modelsOf: (orgId) => modelsByOrganization.get(orgId) ?? [],
    membersOf(familyId) {
      const family = byId.get(familyId);
      if (family?.kind !== 'family') return [];
      const listed = ((family as FamilyEntity).members ?? []).map((m) => byId.get(m)).filter((m): m is ModelEntity => m?.kind === 'model');
      const naming = modelsByFamily.get(familyId) ?? [];
      return [...new Set([...listed, ...naming])];
    },
  };
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
