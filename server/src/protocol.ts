/**
 * The custom protocol between the client and the server, declared once: command ids,
 * setting names and diagnostic codes. The client imports this file; nothing here may
 * import `vscode` or the connection.
 */
import type { WorkspaceEdit } from 'vscode-languageserver-types';

export const SERVER_NAME = 'research-notes';
export const DIAGNOSTIC_SOURCE = 'research-notes';

/** The configuration section; every setting is `researchNotes.<key>`. */
export const CONFIG_SECTION = 'researchNotes';

export const Commands = {
  /** Implemented by the server (`workspace/executeCommand`). */
  insertComparisonTable: 'researchNotes.insertComparisonTable',
  /** Implemented by the server: writes the note's models as an SVG chart beside it and links it (#20). */
  insertComparisonChart: 'researchNotes.insertComparisonChart',
  /** Implemented by the VS Code client. */
  showLog: 'researchNotes.showLog',
  /** Implemented by the VS Code client: the chart in a webview, drawn by `researchNotes/modelsChart` (#20). */
  showModelsChart: 'researchNotes.showModelsChart',
  /**
   * Implemented by the VS Code client (it asks the Hub, shows a preview, applies the edit); the
   * server offers it as a quick fix only to a client that says it has it (`InitializationOptions`).
   */
  lookUpOnHub: 'researchNotes.lookUpOnHub',
} as const;

/** The argument of `researchNotes.lookUpOnHub`: a name to search for, or a repo id, and the note. */
export interface LookUpOnHubArgs {
  query?: string;
  repoId?: string;
  uri?: string;
}

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
  /** Folder, relative to the note's, that Insert Comparison Chart writes `<note>.models.svg` to. */
  chart?: { folder?: string };
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

/**
 * The one argument of `researchNotes.insertComparisonChart`: as the table's (positional
 * `uri, position[, selection]` too), with its own overrides.
 */
export interface InsertComparisonChartArgs extends Omit<InsertComparisonTableArgs, 'options'> {
  options?: { language?: 'auto' | 'en' | 'ko'; numberFormat?: Settings['numberFormat']; folder?: string };
}

/** What the chart command returns: with `file`, the SVG's URI when the edit was applied. */
export interface InsertComparisonChartResult extends InsertComparisonTableResult {
  file?: string;
}

/**
 * `researchNotes/modelsChart` (client → server, #20): the comparison chart of the models every
 * note of the workspace mentions (from the workspace index), or one note's with `uri`, as an SVG
 * for a webview (no `style` attributes or elements; each model's marks carry `data-point`, its
 * index in `points`; neutral colours carry `data-fill`/`data-stroke`: text, muted, grid, paper),
 * with what a hover on a point shows.
 */
export const ModelsChartRequest = 'researchNotes/modelsChart';

export interface ModelsChartParams {
  uri?: string;
}

export type ModelsChartResult =
  | {
      ok: true;
      /** False while the first indexing run is under way (models may be missing). */
      complete: boolean;
      /** What the chart shows, naming every model drawn (the file's alternative text). */
      title: string;
      svg: string;
      points: ModelsChartPoint[];
    }
  | { ok: false; message: string };

export interface ModelsChartPoint {
  id: string;
  name: string;
  /** One line a fact, in the client's language (`Parameters: 671B · 37B active`). */
  facts: string[];
  /** The notes that mention the model, most mentions first. */
  notes: ModelsChartNote[];
}

/** A note mentioning a model: how often, and where first (0-based line, UTF-16 character). */
export interface ModelsChartNote {
  uri: string;
  mentions: number;
  line: number;
  character: number;
}

/** Sent by the client in `initializationOptions`. */
export interface InitializationOptions {
  settings?: Settings;
  /** The client implements `researchNotes.lookUpOnHub`: offer it as a quick fix. */
  hubLookup?: boolean;
  /**
   * Where the extension's `server/data/` is, as a URI the client can open (the browser server has
   * the bundled data inside it, and links its entries here for go-to-definition).
   */
  bundledDataUri?: string;
  /** Where the extension's `dist/chart.js` is, as a URL a web worker can load (the browser server draws charts with it). */
  chartScriptUri?: string;
}

/**
 * `researchNotes/hubEntry` (client → server): the knowledge entry that facts the client read from
 * the Hugging Face Hub make, and the one workspace edit that adds it to the knowledge file of the
 * note's workspace folder. The server never touches the network; the client applies the edit
 * once the user accepts the preview.
 */
export const HubEntryRequest = 'researchNotes/hubEntry';

export interface HubEntryParams {
  /** The note the lookup started from: its workspace folder gets the entry. */
  uri: string;
  /** What the Hub states (`fetchModelFacts` in `server/src/hub`), checked again by the server. */
  facts: unknown;
  /** The endpoint the facts were read through, when not the public Hub (recorded as `readVia`). */
  endpoint?: string;
}

export type HubEntryResult =
  | {
      ok: true;
      /** The model's id and name in the entry. */
      id: string;
      name: string;
      /** The knowledge file the edit writes. */
      file: string;
      /** The entry as it will read in the file. */
      preview: string;
      /** Why a usual fact is missing, what an entry for a known model adds (client language). */
      notices: string[];
      edit: WorkspaceEdit;
    }
  | { ok: false; message: string };

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

/**
 * `researchNotes/readFile` (server → client): a workspace file's text, read by the client. A server
 * that cannot read files itself (the web worker of vscode.dev and github.dev) asks this; `null`
 * when the file cannot be read. Bytes are decoded as UTF-8, invalid ones as U+FFFD.
 */
export const ReadFileRequest = 'researchNotes/readFile';

export interface ReadFileParams {
  uri: string;
}

export type ReadFileResult = { text: string } | null;

/**
 * `researchNotes/findFiles` (server → client): the files under a workspace folder that a glob
 * selects (VS Code's `workspace.findFiles` with a relative pattern), for the same server.
 */
export const FindFilesRequest = 'researchNotes/findFiles';

export interface FindFilesParams {
  /** The workspace folder's URI; `include` and `exclude` are relative to it. */
  folder: string;
  include: string;
  exclude?: string;
  maxResults: number;
  /** Also report each file's size in bytes. */
  sizes?: boolean;
}

export interface FindFilesResult {
  files: { uri: string; size?: number }[];
}
