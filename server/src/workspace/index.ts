/**
 * What the language service needs from its host: reading files and knowing the workspace
 * folders. The LSP server implements it over the file system and open documents; tests use
 * an in-memory twin (`test/support/inMemoryWorkspace.ts`).
 */
/** What a workspace implementation reads from the session: its folders and settings, and open documents' text. */
export interface WorkspaceOptions {
  folders: () => readonly string[];
  /** `researchNotes.knowledgeFiles`. */
  globs: () => readonly string[];
  /** Globs of what the workspace index skips (`researchNotes.exclude`, `files.exclude`). */
  exclude?: () => readonly string[];
  openText: (uri: string) => string | undefined;
}

export interface Workspace {
  /** Workspace folder URIs (`file:`), possibly none. */
  readonly folders: readonly string[];
  /** The text of a file: the open document's text if it is open, else from disk; undefined if unreadable. */
  readFile(uri: string): Promise<string | undefined>;
  /**
   * The knowledge files of every folder (`researchNotes.knowledgeFiles` globs), and a reason for
   * each pattern that was refused (absolute, or leaving its folder).
   */
  listKnowledgeFiles(): Promise<{ uris: string[]; refused: string[] }>;
  /**
   * The Markdown notes under the folders, for the workspace index (none where the host cannot
   * list files), with what was skipped and why (too large, too many).
   */
  listNotes?(): Promise<{ uris: string[]; skipped: string[] }>;
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}
