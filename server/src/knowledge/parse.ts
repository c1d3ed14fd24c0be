/**
 * Parses one knowledge file (bundled data, a user's `.research-notes/*.yaml|json`) into entities,
 * validating every field strictly and reporting each problem at its exact place. JSON is valid
 * YAML 1.2, so both formats go through the `yaml` parser. Runs on every keystroke in a knowledge
 * file, so it makes one pass over the document tree and nothing else.
 */
import { isAlias, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, visit } from 'yaml';
import type { Document, Node, YAMLMap } from 'yaml';
import type { Entity, EntityOrigin, KnowledgeFile, KnowledgeProblem, Source } from './types';

type Range = KnowledgeProblem['range'];
type Kind = Entity['kind'];

export interface ParseOptions {
  bundled: boolean;
  /** Only changes how types are named in messages (`object` vs `mapping`); taken from the URI when absent. */
  format?: 'yaml' | 'json';
}

const SECTIONS: Record<string, Kind> = { models: 'model', families: 'family', organizations: 'organization', products: 'product' };
const TOP_LEVEL = ['models', 'families', 'organizations', 'products', 'ignore'];

const ARCHITECTURES = ['dense', 'moe'];
const MODALITIES = ['text', 'image', 'audio', 'video', 'code'];
const ORGANIZATION_TYPES = ['company', 'university', 'lab', 'startup', 'government', 'nonprofit', 'consortium'];
const SOURCE_KINDS = ['model card', 'paper', 'announcement', 'docs', 'repository', 'pricing', 'press', 'benchmark', 'website'];

const ID = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;
const RELEASE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const COUNTRY = /^[A-Z]{2}$/;

/** State of one file's walk. `broken` marks the entry being read as one to skip. */
interface Walk {
  uri: string;
  doc: Document;
  lines: LineCounter;
  json: boolean;
  bundled: boolean;
  problems: KnowledgeProblem[];
  broken: boolean;
  /** Ranges of the fields of the entry being read, by path. */
  ranges: Map<string, Range>;
  /** Each alias's target, resolved once for the file. */
  aliases: Map<Node, Node | null>;
  /** Aliases followed so far; past `MAX_ALIAS_USES` none is followed. */
  aliasUses: number;
}

/**
 * How many times a file may follow an alias. A handful share a value in a real file; tens of
 * thousands are an attack on the loader (each expansion costs what the target costs).
 */
const MAX_ALIAS_USES = 1000;

/** Checks one value; `undefined` means it was reported as invalid. */
type Check = (node: Node | null, path: string, w: Walk) => unknown;
type Spec = Record<string, Check>;

/**
 * Parses and validates a knowledge file. A syntax error yields that one problem and no entities;
 * an entry with any invalid field is skipped while the other entries load.
 */
export function parseKnowledgeFile(uri: string, text: string, opts: ParseOptions): KnowledgeFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false, keepSourceTokens: false });
  const json = (opts.format ?? (/\.json$/i.test(uri) ? 'json' : 'yaml')) === 'json';
  const w: Walk = { uri, doc, lines, json, bundled: opts.bundled, problems: [], broken: false, ranges: new Map(), aliases: new Map(), aliasUses: 0 };
  const file: KnowledgeFile = { uri, entities: [], origins: new Map(), problems: w.problems, ignore: [], fieldRanges: new Map() };

  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    report(w, error.pos[0], Math.max(error.pos[1], error.pos[0]), error.message.split('\n')[0]);
    return file;
  }
  w.aliases = resolveAliases(doc);
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return file;
  if (!isMap(root)) {
    fail(w, root, `Unexpected ${describe(root, w)} for the file, expected ${mapping(w)} with ${list(TOP_LEVEL)}`);
    return file;
  }

  const seenSections = new Set<string>();
  const lineOfId = new Map<string, number>();
  for (const pair of root.items) {
    const keyNode = pair.key as Node | null;
    const key = isScalar(keyNode) ? keyNode.value : undefined;
    if (typeof key !== 'string') {
      fail(w, keyNode, `Unexpected ${describe(keyNode, w)} as a key, expected one of ${list(TOP_LEVEL)}`);
      continue;
    }
    if (key === '$schema') continue; // editors put it there; not ours to check
    if (!TOP_LEVEL.includes(key)) {
      fail(w, keyNode, `Unexpected field \`${key}\`, expected one of ${list(TOP_LEVEL)}`);
      continue;
    }
    if (seenSections.has(key)) {
      fail(w, keyNode, `Unexpected duplicate field \`${key}\``);
      continue;
    }
    seenSections.add(key);
    const value = deref(pair.value as Node | null, w);
    if (value === null || (isScalar(value) && value.value === null)) continue;
    if (!isSeq(value)) {
      fail(w, value, `Unexpected ${describe(value, w)} for \`${key}\`, expected ${sequence(w)}`);
      continue;
    }
    if (key === 'ignore') {
      value.items.forEach((item, i) => {
        const name = nonEmptyString(deref(item as Node, w), `ignore[${i}]`, w);
        if (typeof name === 'string') file.ignore.push(name);
      });
      continue;
    }
    const kind = SECTIONS[key];
    value.items.forEach((item, i) => {
      const node = deref(item as Node, w);
      if (!isMap(node)) {
        fail(w, node, `Unexpected ${describe(node, w)} for \`${key}[${i}]\`, expected ${mapping(w)}`);
        return;
      }
      readEntry(kind, node, w, file, lineOfId);
    });
  }
  return file;
}

function readEntry(kind: Kind, node: YAMLMap, w: Walk, file: KnowledgeFile, lineOfId: Map<string, number>): void {
  w.broken = false;
  w.ranges = new Map();
  // A user entry may override a bundled one by id alone; whether a new id lacks its name is
  // known only when files are merged (knowledgeBase.ts).
  const fields = readMap(node, '', ENTITY_SPECS[kind], w.bundled ? ['id', 'name'] : ['id'], `${kind} entry`, w);
  if (fields === undefined || w.broken) return;
  const id = fields.id as string;
  const first = lineOfId.get(id);
  if (first !== undefined) {
    failAt(w, w.ranges.get('id')!, `Unexpected duplicate id \`${id}\`, expected an id used once in the file (first on line ${first + 1})`);
    return;
  }
  const keyNode = node.items.find((p) => isScalar(p.key) && p.key.value === 'id')!.key as Node;
  const keyStart = position(w, keyNode.range![0]);
  lineOfId.set(id, keyStart.line);
  const { kind: _ignored, ...rest } = fields;
  const entity = { ...rest, kind, name: (fields.name as string | undefined) ?? '', aliases: (fields.aliases as string[] | undefined) ?? [], sources: (fields.sources as Source[] | undefined) ?? [] } as Entity;
  file.entities.push(entity);
  const origin: EntityOrigin = { uri: w.uri, line: keyStart.line, character: keyStart.character, bundled: w.bundled };
  file.origins.set(id, origin);
  file.fieldRanges!.set(id, w.ranges);
}

/**
 * Reads a mapping against a spec. Unknown and duplicate keys are reported; missing required keys
 * are reported at the mapping's first key.
 */
function readMap(node: Node | null, path: string, spec: Spec, required: string[], what: string, w: Walk): Record<string, unknown> | undefined {
  if (!isMap(node)) {
    fail(w, node, `Unexpected ${describe(node, w)} for \`${path}\`, expected ${mapping(w)}`);
    return undefined;
  }
  const out: Record<string, unknown> = {};
  const seen = new Set<string>();
  // `kind` is accepted (the section implies it) but not advertised.
  const keys = Object.keys(spec).filter((k) => k !== 'kind');
  for (const pair of node.items) {
    const keyNode = pair.key as Node | null;
    const key = isScalar(keyNode) ? keyNode.value : undefined;
    const keyPath = typeof key === 'string' ? join(path, key) : path;
    if (typeof key !== 'string') {
      fail(w, keyNode, `Unexpected ${describe(keyNode, w)} as a key${path ? ` in \`${path}\`` : ''}, expected one of ${list(keys)}`);
      continue;
    }
    if (!Object.hasOwn(spec, key)) {
      fail(w, keyNode, `Unexpected field \`${keyPath}\`, expected one of ${list(keys)}`);
      continue;
    }
    if (seen.has(key)) {
      fail(w, keyNode, `Unexpected duplicate field \`${keyPath}\``);
      continue;
    }
    seen.add(key);
    const valueNode = deref(pair.value as Node | null, w);
    w.ranges.set(keyPath, valueNode?.range ? rangeOf(w, valueNode) : rangeOf(w, keyNode!));
    const value = spec[key](valueNode, keyPath, w);
    if (value !== undefined) out[key] = value;
  }
  for (const key of required) {
    if (!seen.has(key)) {
      const at = (node.items[0]?.key as Node | undefined) ?? node;
      fail(w, at, `Missing field \`${join(path, key)}\` in ${what}`);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Checks

const nonEmptyString: Check = (node, path, w) => {
  if (isScalar(node) && typeof node.value === 'string' && node.value.trim() !== '') return node.value;
  return expected(node, path, 'a non-empty string', w);
};

const id: Check = (node, path, w) => {
  if (isScalar(node) && typeof node.value === 'string' && ID.test(node.value)) return node.value;
  return expected(node, path, 'an id of letters, digits, `.`, `_` or `-` without spaces', w);
};

const boolean: Check = (node, path, w) => {
  if (isScalar(node) && typeof node.value === 'boolean') return node.value;
  return expected(node, path, '`true` or `false`', w);
};

const count: Check = (node, path, w) => {
  if (isScalar(node) && typeof node.value === 'number' && Number.isSafeInteger(node.value) && node.value >= 0) return node.value;
  return expected(node, path, 'a non-negative integer', w);
};

const url: Check = (node, path, w) => {
  if (isScalar(node) && typeof node.value === 'string' && /^https?:\/\//i.test(node.value) && URL.canParse(node.value)) return node.value;
  return expected(node, path, 'an http(s) URL', w);
};

const release: Check = (node, path, w) => {
  // An unquoted `2026` reads as a number; it still means the year.
  const value = isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value) ? String(node.value) : isScalar(node) ? node.value : undefined;
  if (typeof value === 'string') {
    const m = RELEASE.exec(value);
    if (m && (m[2] === undefined || validMonth(m[2])) && (m[3] === undefined || validDay(+m[1], +m[2], +m[3]))) return value;
  }
  return expected(node, path, 'a date `YYYY`, `YYYY-MM` or `YYYY-MM-DD`', w);
};

const day: Check = (node, path, w) => {
  if (isScalar(node) && typeof node.value === 'string') {
    const m = DAY.exec(node.value);
    if (m && validMonth(m[2]) && validDay(+m[1], +m[2], +m[3])) return node.value;
  }
  return expected(node, path, 'a date `YYYY-MM-DD`', w);
};

const country: Check = (node, path, w) => {
  if (isScalar(node) && typeof node.value === 'string' && COUNTRY.test(node.value)) return node.value;
  return expected(node, path, 'an ISO 3166-1 alpha-2 code such as `KR`', w);
};

function oneOf(values: string[]): Check {
  return (node, path, w) => {
    if (isScalar(node) && typeof node.value === 'string' && values.includes(node.value)) return node.value;
    return expected(node, path, values.length === 2 ? `\`${values[0]}\` or \`${values[1]}\`` : `one of ${list(values)}`, w);
  };
}

function arrayOf(item: Check): Check {
  return (node, path, w) => {
    if (!isSeq(node)) return expected(node, path, sequence(w), w);
    const out: unknown[] = [];
    node.items.forEach((raw, i) => {
      const itemNode = deref(raw as Node, w);
      const itemPath = `${path}[${i}]`;
      if (itemNode?.range) w.ranges.set(itemPath, rangeOf(w, itemNode));
      const value = item(itemNode, itemPath, w);
      if (value !== undefined) out.push(value);
    });
    return out;
  };
}

function object(spec: Spec, required: string[] = [], refine?: (value: Record<string, unknown>, path: string, w: Walk) => void): Check {
  return (node, path, w) => {
    const value = readMap(node, path, spec, required, `\`${path}\``, w);
    if (value !== undefined && refine) refine(value, path, w);
    return value;
  };
}

const sourceObject = object({ url, kind: oneOf(SOURCE_KINDS), readVia: url, secondary: boolean }, ['url']);

/** A source: a URL alone, or `{ url, kind, readVia, secondary }`; both read as a `Source`. */
const source: Check = (node, path, w) => {
  if (isMap(node)) return sourceObject(node, path, w);
  const href = url(node, path, w);
  return href === undefined ? undefined : { url: href };
};

const servedModel = object({ model: id, since: release }, ['model']);

const alternate = object({ total: count, active: count, note: nonEmptyString }, ['note']);

const parameters = object(
  { disclosed: boolean, total: count, active: count, alternates: arrayOf(alternate), note: nonEmptyString },
  [],
  (value, path, w) => {
    if (value.disclosed === false) {
      for (const key of ['total', 'active']) {
        if (value[key] !== undefined) failAt(w, w.ranges.get(join(path, key))!, `Unexpected \`${join(path, key)}\` with \`disclosed: false\`, expected no count for an undisclosed size`);
      }
    }
    if (typeof value.total === 'number' && typeof value.active === 'number' && value.active > value.total) {
      failAt(w, w.ranges.get(join(path, 'active'))!, `Unexpected \`${join(path, 'active')}\` of ${value.active}, expected at most \`${join(path, 'total')}\` (${value.total})`);
    }
  },
);

const modality = object({ input: arrayOf(oneOf(MODALITIES)), output: arrayOf(oneOf(MODALITIES)) }, ['input', 'output']);

function kindField(kind: Kind): Check {
  return (node, path, w) => {
    if (isScalar(node) && node.value === kind) return kind;
    return expected(node, path, `\`${kind}\` (the section's kind) or no \`kind\``, w);
  };
}

/** The fields that state facts, which `unverified` and `secondary` may name. */
const factFields = (spec: Spec): string[] => Object.keys(spec).filter((k) => !['id', 'kind', 'sources', 'asOf', 'unverified', 'secondary', 'notes', 'ambiguous'].includes(k));

function fieldNames(fields: () => string[]): Check {
  return arrayOf((node, path, w) => {
    const names = fields();
    if (isScalar(node) && typeof node.value === 'string' && names.includes(node.value)) return node.value;
    return expected(node, path, `a field name (one of ${list(names)})`, w);
  });
}

function entitySpec(kind: Kind, own: Spec): Spec {
  const spec: Spec = {
    id,
    kind: kindField(kind),
    name: nonEmptyString,
    aliases: arrayOf(nonEmptyString),
    ...own,
    sources: arrayOf(source),
    asOf: day,
    unverified: fieldNames(() => factFields(spec)),
    secondary: fieldNames(() => factFields(spec)),
    notes: arrayOf(nonEmptyString),
    ambiguous: boolean,
  };
  return spec;
}

const ENTITY_SPECS: Record<Kind, Spec> = {
  model: entitySpec('model', {
    family: id,
    organization: id,
    parameters,
    architecture: oneOf(ARCHITECTURES),
    architectureNote: nonEmptyString,
    release,
    context: count,
    license: nonEmptyString,
    openWeights: boolean,
    modality,
  }),
  family: entitySpec('family', { organization: id, members: arrayOf(id) }),
  organization: entitySpec('organization', {
    country,
    type: oneOf(ORGANIZATION_TYPES),
    website: url,
    parent: id,
  }),
  product: entitySpec('product', {
    organization: id,
    launched: release,
    models: arrayOf(servedModel),
  }),
};

// ---------------------------------------------------------------------------------------------
// Helpers

function validMonth(mm: string): boolean {
  return +mm >= 1 && +mm <= 12;
}

function validDay(y: number, m: number, d: number): boolean {
  return d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function list(values: string[]): string {
  return values.map((v) => `\`${v}\``).join(', ');
}

function mapping(w: Walk): string {
  return w.json ? 'an object' : 'a mapping';
}

function sequence(w: Walk): string {
  return w.json ? 'an array' : 'a sequence';
}

/** `string \`"big"\``, `number \`46.7\``, `mapping`: what the user wrote, as remark-lint names it. */
function describe(node: Node | null, w: Walk): string {
  if (node === null) return 'nothing';
  if (isMap(node)) return w.json ? 'object' : 'mapping';
  if (isSeq(node)) return w.json ? 'array' : 'sequence';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null || v === undefined) return 'null';
    let shown = typeof v === 'string' ? JSON.stringify(v) : String(v);
    if (shown.length > 40) shown = `${shown.slice(0, 39)}…`;
    return `${typeof v === 'object' ? 'value' : typeof v} \`${shown}\``;
  }
  return 'value';
}

function expected(node: Node | null, path: string, what: string, w: Walk): undefined {
  fail(w, node, `Unexpected ${describe(node, w)} for \`${path}\`, expected ${what}`);
  return undefined;
}

/**
 * Follows a YAML alias (`*anchor`) to its value (null for one that points nowhere). Past
 * `MAX_ALIAS_USES` an alias is not followed, and the first one past the limit is reported.
 */
function deref(node: Node | null, w: Walk): Node | null {
  if (!node || !isAlias(node)) return node;
  if (++w.aliasUses > MAX_ALIAS_USES) {
    if (w.aliasUses === MAX_ALIAS_USES + 1) fail(w, node, `Unexpected alias \`*${node.source}\` past the first ${MAX_ALIAS_USES} aliases of the file, expected at most ${MAX_ALIAS_USES} (the rest are not read)`);
    else w.broken = true;
    return null;
  }
  return w.aliases.get(node) ?? null;
}

/**
 * Every alias's target, in one pass over the document: an alias names the latest anchor of that
 * name before it. (`Alias.resolve` searches the whole document for each alias: quadratic.)
 */
function resolveAliases(doc: Document): Map<Node, Node | null> {
  const anchors = new Map<string, Node>();
  const targets = new Map<Node, Node | null>();
  visit(doc, (_key, node) => {
    if (isAlias(node)) targets.set(node, anchors.get(node.source) ?? null);
    else if (isNode(node) && node.anchor) anchors.set(node.anchor, node);
  });
  return targets;
}

function fail(w: Walk, node: Node | null, message: string): void {
  w.broken = true;
  // Past the alias limit an alias reads as nothing: the limit's one problem says why.
  if (node === null && w.aliasUses > MAX_ALIAS_USES) return;
  if (node?.range) {
    report(w, node.range[0], node.range[1], message);
  } else {
    report(w, 0, 0, message);
  }
}

function failAt(w: Walk, range: Range, message: string): void {
  w.broken = true;
  w.problems.push({ uri: w.uri, range, code: 'knowledge.invalid', message });
}

function report(w: Walk, start: number, end: number, message: string): void {
  w.problems.push({ uri: w.uri, range: { start: position(w, start), end: position(w, end) }, code: 'knowledge.invalid', message });
}

function rangeOf(w: Walk, node: Node): Range {
  return { start: position(w, node.range![0]), end: position(w, node.range![1]) };
}

/** 0-based line and UTF-16 character: string offsets are UTF-16 already. */
function position(w: Walk, offset: number): { line: number; character: number } {
  const { line, col } = w.lines.linePos(offset);
  return { line: line - 1, character: col - 1 };
}
