/**
 * Prefix of the mocha reporter's lines inside the extension host: the driver
 * (test/e2e/lib/run-vscode-tests.ts) prints these and keeps the rest of the
 * host's console in the artifacts.
 */
export const REPORT_TAG = '[research-notes e2e] ';
