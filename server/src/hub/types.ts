/** The values the Hub lookup passes between its parts and to its callers. */

export type HubFailureKind =
  | 'invalidRepoId'
  | 'invalidToken'
  | 'offline'
  | 'timeout'
  | 'cancelled'
  | 'notFound'
  | 'gated'
  | 'needsToken'
  | 'unauthorized'
  | 'rateLimited'
  | 'serverError'
  | 'malformed';

/** A classified failure of one lookup. */
export interface HubFailure {
  kind: HubFailureKind;
  /** The repo id (or search text) the lookup was about. */
  repo: string;
  /** HTTP status, when the Hub answered. */
  status?: number;
  /** A short cleaned reason (`ECONNREFUSED`, `not JSON`), never a credential. */
  detail?: string;
}

export type HubResult<T> = { ok: true; value: T } | { ok: false; failure: HubFailure };

/** One search hit, for a pick list. */
export interface HubCandidate {
  repoId: string;
  downloads?: number;
  /** ISO date-time of the last commit. */
  lastModified?: string;
  gated: false | 'auto' | 'manual';
}

/** What the Hub states about one model, checked for type; absent fields were not stated. */
export interface HubModelFacts {
  /** The repo id as the Hub names it (a renamed repo answers with its new name). */
  repoId: string;
  /** ISO date-time the repository was created on the Hub. */
  createdAt?: string;
  gated: false | 'auto' | 'manual';
  /** The safetensors metadata: exact parameter count and the count per dtype. */
  safetensors?: { total: number; dtypes: Record<string, number> };
  /** The model card's `license` (a Hub licence id such as `apache-2.0`, or `other`). */
  license?: string;
  /** The card's `license_name`, for `license: other`. */
  licenseName?: string;
  /** The model's configuration: the expanded `config` of the model info, overlaid by `config.json`. */
  config?: Record<string, unknown>;
  /** Whether `config.json` was read, is absent, or is gated for this token. */
  configFile: 'read' | 'absent' | 'gated' | 'skipped';
}

/** Why a usual fact is not in the entry, or what the entry overrides. */
export type HubNotice =
  | { kind: 'noSafetensors' | 'configGated' | 'noConfig'; repo: string }
  | { kind: 'packedWeights'; repo: string; count: number }
  /** The knowledge base has the model: the entry adds only `fields`, the facts it lacks. */
  | { kind: 'overrides'; repo: string; id: string; name: string; fields: string[] };
