/**
 * The custom protocol between the client and the server, declared once: command ids,
 * setting names and diagnostic codes. The client imports this file; nothing here may
 * import `vscode` or the connection.
 */

export const SERVER_NAME = 'research-notes';
export const DIAGNOSTIC_SOURCE = 'research-notes';

/** The configuration section; every setting is `researchNotes.<key>`. */
export const CONFIG_SECTION = 'researchNotes';

export const Commands = {
  /** Implemented by the server (`workspace/executeCommand`). */
  insertComparisonTable: 'researchNotes.insertComparisonTable',
  /** Implemented by the VS Code client. */
  showLog: 'researchNotes.showLog',
} as const;

export const DiagnosticCodes = {
  claimMismatch: 'claim.mismatch',
  claimDisagreement: 'claim.disagreement',
  entityUnknown: 'entity.unknown',
  knowledgeInvalid: 'knowledge.invalid',
  knowledgeDuplicateAlias: 'knowledge.duplicate-alias',
} as const;

/** `researchNotes.*` settings as the server reads them (all optional on the wire). */
export interface Settings {
  numberFormat?: 'auto' | 'B' | '억' | 'both';
  claims?: { tolerance?: number; severity?: 'error' | 'warning' | 'information' | 'hint' };
  inlayHints?: { numbers?: 'korean-only' | 'all' | 'off' };
  /** Globs relative to each workspace folder. */
  knowledgeFiles?: string[];
  /** Globs relative to each workspace folder: notes the workspace index skips (besides `files.exclude`). */
  exclude?: string[];
  diagnostics?: { debounceMs?: number };
  table?: {
    columns?: string[];
    sort?: 'mention' | 'parameters' | 'release' | 'name';
    language?: 'auto' | 'en' | 'ko';
  };
}

/** A position or range in LSP terms (0-based line, UTF-16 character). */
export interface WirePosition {
  line: number;
  character: number;
}

/**
 * The one argument of `researchNotes.insertComparisonTable` (`workspace/executeCommand`).
 * The VS Code client fills it from the active editor when the palette runs the command.
 */
export interface InsertComparisonTableArgs {
  uri: string;
  /** The document version the caller saw; a different version on the server refuses the run. */
  version?: number;
  position: WirePosition;
  /** Rows only for models mentioned in the selection when it is not empty. */
  selection?: { start: WirePosition; end: WirePosition };
  /** Overrides of the `researchNotes.table.*` settings for this run. */
  options?: Settings['table'] & { numberFormat?: Settings['numberFormat'] };
}

/**
 * The command's arguments as any LSP client sends them: one object (`{ uri, position, ... }`), or
 * positional `uri, position[, selection]` as clients that pass editor state in order do.
 */
export function toInsertComparisonTableArgs(args: readonly unknown[] | undefined): InsertComparisonTableArgs | undefined {
  const [first, position, selection] = args ?? [];
  if (typeof first === 'string') return { uri: first, position: position as WirePosition, ...(selection ? { selection: selection as InsertComparisonTableArgs['selection'] } : {}) };
  return first as InsertComparisonTableArgs | undefined;
}

/** What the command returns to the client. */
export interface InsertComparisonTableResult {
  applied: boolean;
  /** Why nothing was inserted (already shown to the user). */
  message?: string;
}

/** Sent by the client in `initializationOptions`. */
export interface InitializationOptions {
  settings?: Settings;
}

/** `researchNotes/status` (server → client): what knowledge is loaded, sent after every reload. */
export const StatusNotification = 'researchNotes/status';

export interface StatusParams {
  /** Entities in the merged knowledge base. */
  entities: number;
  /** User knowledge files loaded. */
  knowledgeFiles: number;
  /** Problems in those files (each is also a diagnostic at its line). */
  problems: number;
}

/** The `data` of an `entity.unknown` diagnostic: the name as written, for the quick fixes. */
export interface UnknownNameData {
  name: string;
}

/**
 * `researchNotes/entities`: the entities the workspace's notes mention, for an Entities view in
 * any editor. Kinds, then entities by mention count, then notes, then each mention's range.
 * With `uri`, only that note's mentions ("current note only").
 */
export const EntitiesRequest = 'researchNotes/entities';

export interface EntitiesParams {
  uri?: string;
}

export interface EntitiesResult {
  /** False while the first indexing run is under way (the answer may be partial). */
  complete: boolean;
  kinds: {
    kind: 'model' | 'organization' | 'product';
    entities: {
      id: string;
      name: string;
      mentions: number;
      notes: { uri: string; mentions: { line: number; character: number; endCharacter: number; endLine: number }[] }[];
    }[];
  }[];
}
