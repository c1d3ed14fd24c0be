/**
 * The browser entry (vscode.dev, github.dev): the same server as `main.ts`, in a web worker. LSP
 * goes over `postMessage`; the bundled knowledge is inside this bundle; files are read through
 * the client (`researchNotes/readFile`, `researchNotes/findFiles`).
 */
import { BrowserMessageWriter, createConnection, type Connection } from 'vscode-languageserver/browser';
import { officialSources, snapshotGzipBase64 } from 'research-notes:bundled-data';
import { gunzipText, knowledgeOfSnapshotText } from './browser/bundledKnowledge';
import { installSetImmediate } from './browser/immediate';
import { QueueingMessageReader } from './browser/queueingReader';
import type { HubPlaces } from './hub';
import { FindFilesRequest, ReadFileRequest, type FindFilesParams, type FindFilesResult, type ReadFileParams, type ReadFileResult } from './protocol';
import { startServer } from './server/index';
import { clientWorkspace } from './workspace/clientWorkspace';

/** The worker's global scope, as far as the connection needs it. */
type WorkerScope = ConstructorParameters<typeof BrowserMessageWriter>[0] & ConstructorParameters<typeof QueueingMessageReader>[0];

installSetImmediate();
const scope = globalThis as unknown as WorkerScope;
// Listening at once keeps the client's first messages while the knowledge is decompressed.
const connection = createConnection(new QueueingMessageReader(scope), new BrowserMessageWriter(scope));
void gunzipText(snapshotGzipBase64).then(
  (snapshot) => start(connection, snapshot),
  (error: unknown) => console.error(`Research Notes: the bundled knowledge could not be read: ${String(error)}`),
);

function start(connection: Connection, snapshot: string): void {
  startServer(connection, {
    bundledKnowledge: (logger, options) => {
      const t0 = performance.now();
      const dataDir = options.bundledDataUri ?? 'research-notes-bundled:/server/data';
      const { files, kb } = knowledgeOfSnapshotText(snapshot, dataDir);
      logger.info(`Loaded bundled knowledge from the worker bundle (${dataDir}): ${files.length} files, ${kb.all().length} entities in ${(performance.now() - t0).toFixed(1)} ms`);
      return kb;
    },
    workspace: (options) =>
      clientWorkspace({
        ...options,
        client: {
          readFile: (p: ReadFileParams) => connection.sendRequest<ReadFileResult>(ReadFileRequest, p),
          findFiles: (p: FindFilesParams) => connection.sendRequest<FindFilesResult>(FindFilesRequest, p),
        },
      }),
    hubPlaces: () => officialSources as HubPlaces,
  });
}
