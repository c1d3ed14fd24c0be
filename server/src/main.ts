import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { loadBundled } from './bundledKnowledge';
import { startServer } from './server';

// The transport (`--stdio`, `--node-ipc`, `--socket=N`) comes from argv.
const connection = createConnection(ProposedFeatures.all);
startServer(connection, {
  loadKnowledge: (logger) => loadBundled(logger),
  async readFile(uri) {
    try {
      return await readFile(fileURLToPath(uri), 'utf8');
    } catch {
      return undefined;
    }
  },
});
