/**
 * Commands only the VS Code client implements, beside those `server/src/protocol.ts` declares
 * (`Commands.showLog`, `Commands.insertComparisonTable`).
 */
export const ClientCommands = {
  /** Stops the language server (whatever its state) and starts a new one. */
  restartServer: 'researchNotes.restartServer',
  /** Stores a Hugging Face access token in SecretStorage (for gated models). */
  setHubToken: 'researchNotes.setHubToken',
} as const;
