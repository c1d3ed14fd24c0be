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
  insertComparisonTable: 'researchNotes.insertComparisonTable',
} as const;

export const DiagnosticCodes = {
  claimMismatch: 'claim.mismatch',
  entityUnknown: 'entity.unknown',
  knowledgeInvalid: 'knowledge.invalid',
  knowledgeDuplicateAlias: 'knowledge.duplicate-alias',
} as const;

/** `researchNotes.*` settings as the server reads them (all optional on the wire). */
export interface Settings {
  numberFormat?: 'auto' | 'B' | '억' | 'both';
}

/** Sent by the client in `initializationOptions`. */
export interface InitializationOptions {
  settings?: Settings;
}
