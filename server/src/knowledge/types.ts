/**
 * The knowledge-base schema: what bundled data (`server/data/*.yaml`), user knowledge files
 * and front-matter `entities:` all share. Every value shown to a user comes from here.
 */

/** An integer count of parameters, with the disclosed alternates a source gives. */
export interface ParameterCount {
  /** `false` when the vendor never published a size: never fill it with a rumour. */
  disclosed?: boolean;
  total?: number;
  active?: number;
  /** Other counts a reputable source gives for the same weights, each with its reason. */
  alternates?: AlternateCount[];
  /** Free text shown after the counts (e.g. "Hugging Face shows 31B"). */
  note?: string;
}

export interface AlternateCount {
  total?: number;
  active?: number;
  note: string;
}

export type Architecture = 'dense' | 'moe';
export type Modality = 'text' | 'image' | 'audio' | 'video' | 'code';
export type OrganizationType = 'company' | 'university' | 'lab' | 'startup' | 'government' | 'nonprofit' | 'consortium';

/** What a cited document is: shown as its label in hovers and tables. */
export type SourceKind = 'model card' | 'paper' | 'announcement' | 'docs' | 'repository' | 'pricing' | 'press' | 'benchmark' | 'website';

/** A document that states an entity's facts. */
export interface Source {
  /** The document itself (http/https), even when it was read through a copy. */
  url: string;
  kind?: SourceKind;
  /** The copy the document was read through (a mirror, a page quoting it), kept apart from `url`. */
  readVia?: string;
  /** A reputable document not by the maker or the authors (press, cloud docs, benchmarks). */
  secondary?: boolean;
}

/** Fields common to every entity. */
export interface EntityBase {
  id: string;
  name: string;
  aliases: string[];
  /** The documents that state the facts, primary first. A plain URL in a file reads as `{ url }`. */
  sources: Source[];
  /** The date the facts were last checked, `YYYY-MM-DD`. */
  asOf?: string;
  /** Names of fields whose value was not confirmed at a source; shown as unverified. */
  unverified?: string[];
  /** Names of fields that only a secondary source states; shown as such. */
  secondary?: string[];
  /** Short caveats shown in the hover, one line each. */
  notes?: string[];
  /**
   * Its one-word names also mean other things (`Claude` Monet, the `Gemini` constellation, `LG`
   * fridges): they are mentions only in a paragraph about AI.
   */
  ambiguous?: boolean;
}

export interface ModelEntity extends EntityBase {
  kind: 'model';
  /** Id of the family entity this model belongs to. */
  family?: string;
  organization?: string;
  parameters?: ParameterCount;
  architecture?: Architecture;
  /** Free-text architecture detail (e.g. "MoE, 256 experts, MLA"). */
  architectureNote?: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  release?: string;
  /** Context length in tokens. */
  context?: number;
  license?: string;
  openWeights?: boolean;
  modality?: { input: Modality[]; output: Modality[] };
}

/** A family (EXAONE, HyperCLOVA X, A.X, Llama): a name that denotes several models. */
export interface FamilyEntity extends EntityBase {
  kind: 'family';
  organization?: string;
  /** Member model ids; models naming this family with `family:` are members too. */
  members?: string[];
}

export interface OrganizationEntity extends EntityBase {
  kind: 'organization';
  /** ISO 3166-1 alpha-2 (`KR`, `CN`, `US`). */
  country?: string;
  type?: OrganizationType;
  website?: string;
  /** Id of a parent organization (Naver Cloud → Naver). */
  parent?: string;
}

/** A served product (ChatGPT, GitHub Copilot, 클로바X): not a model, but it serves models. */
export interface ProductEntity extends EntityBase {
  kind: 'product';
  organization?: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  launched?: string;
  /** The models it has served, in order, each since a date. */
  models?: ServedModel[];
}

export interface ServedModel {
  model: string;
  since?: string;
}

export type Entity = ModelEntity | FamilyEntity | OrganizationEntity | ProductEntity;

/** Where an entity's entry stands in a file, for go-to-definition and diagnostics. */
export interface EntityOrigin {
  /** `file:` URI of the knowledge file, or of the note for front-matter entities. */
  uri: string;
  /** 0-based line and UTF-16 character of the entry's `id:` key. */
  line: number;
  character: number;
  bundled: boolean;
}

/** A problem found while loading a knowledge file, at its exact place. */
export interface KnowledgeProblem {
  uri: string;
  /** 0-based LSP positions (UTF-16 columns). */
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  /** `knowledge.invalid` | `knowledge.duplicate-alias` */
  code: string;
  message: string;
}

/** One parsed knowledge file: its entities in file order and its problems. */
export interface KnowledgeFile {
  uri: string;
  entities: Entity[];
  origins: Map<string, EntityOrigin>;
  problems: KnowledgeProblem[];
  /** Names the user silenced (`ignore:`), for `entity.unknown`. */
  ignore: string[];
  /**
   * Side table: entity id → field path (`id`, `name`, `organization`, `aliases[2]`, ...) → range of
   * its value. Tells a merge which fields an entry really set, and puts cross-file problems
   * (duplicate alias, unresolved reference) at the exact place. Absent for hand-built files.
   */
  fieldRanges?: Map<string, Map<string, KnowledgeProblem['range']>>;
}

/** The merged, read-only knowledge the features query. A new instance per change. */
export interface KnowledgeBase {
  /** Bumped on every reload; caches keyed by it. */
  readonly version: number;
  get(id: string): Entity | undefined;
  all(): readonly Entity[];
  /** Where the winning entry for `id` is defined (user file over bundled). */
  origin(id: string): EntityOrigin | undefined;
  /** Models whose `organization` is `orgId`, in data order. */
  modelsOf(orgId: string): ModelEntity[];
  /** Members of a family: its `members` plus models naming it in `family:`. */
  membersOf(familyId: string): readonly ModelEntity[];
  /** Problems of every file that went into this knowledge base. */
  readonly problems: readonly KnowledgeProblem[];
  /** Normalized names silenced for `entity.unknown`. */
  readonly ignored: ReadonlySet<string>;
}
