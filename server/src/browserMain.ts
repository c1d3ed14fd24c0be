/**
 * The browser entry (vscode.dev, github.dev): the same server as `main.ts`, in a web worker. LSP
 * goes over `postMessage`; the bundled knowledge is inside this bundle; files are read through
 * the client (`researchNotes/readFile`, `researchNotes/findFiles`).
 */
import { BrowserMessageWriter, createConnection, type Connection, type Message } from 'vscode-languageserver/browser';
import { officialSources, snapshotGzipBase64 } from 'research-notes:bundled-data';
import { gunzipText, knowledgeOfBundledSnapshot, readBundledSnapshot } from './browser/bundledKnowledge';
import { loadWorkerChartRenderer } from './browser/chartScript';
import { installSetImmediate } from './browser/immediate';
import { QueueingMessageReader } from './browser/queueingReader';
import { StartupTrace } from './browser/startupTrace';
import type { HubPlaces } from './hub';
import type { Snapshot } from './knowledge/snapshot';
import { FindFilesRequest, ReadFileRequest, type FindFilesParams, type FindFilesResult, type ReadFileParams, type ReadFileResult } from './protocol';
import { startServer } from './server/index';
import { clientWorkspace } from './workspace/clientWorkspace';
import type { Workspace } from './workspace';

/** The worker's global scope, as far as the connection needs it. */
type WorkerScope = ConstructorParameters<typeof BrowserMessageWriter>[0] & ConstructorParameters<typeof QueueingMessageReader>[0];

const trace = new StartupTrace();
trace.mark('worker created', Math.round(performance.timeOrigin));
trace.mark('worker script running');

/** `BrowserMessageWriter` that shows the trace what it sends. */
class TracedWriter extends BrowserMessageWriter {
  override write(message: Message): Promise<void> {
    trace.outgoing(message);
    return super.write(message);
  }
}

installSetImmediate();
const scope = globalThis as unknown as WorkerScope;
// Listening at once keeps the client's first messages while the knowledge is decompressed.
const connection = createConnection(
  new QueueingMessageReader(scope, (m) => trace.incoming(m, (event) => connection.telemetry.logEvent(event))),
  new TracedWriter(scope),
);
// The snapshot is read while the client is still starting; the rest of the loading waits for
// `initialize`, which says where the extension's data is.
void gunzipText(snapshotGzipBase64).then(
  (text) => {
    trace.mark('bundled snapshot decompressed');
    const snapshot = readEarly(text);
    trace.mark('bundled snapshot read');
    start(connection, snapshot);
  },
  (error: unknown) => console.error(`Research Notes: the bundled knowledge could not be read: ${String(error)}`),
);

/** The snapshot, or why it is not one: thrown when the knowledge is loaded, as the Node server does. */
function readEarly(text: string): Snapshot | Error {
  try {
    return readBundledSnapshot(text);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

function start(connection: Connection, snapshot: Snapshot | Error): void {
  const readThroughClient = (p: ReadFileParams) => connection.sendRequest<ReadFileResult>(ReadFileRequest, p);
  startServer(connection, {
    bundledKnowledge: (logger, options) => {
      const t0 = performance.now();
      const dataDir = options.bundledDataUri ?? 'research-notes-bundled:/server/data';
      if (snapshot instanceof Error) throw snapshot;
      const { files, kb } = knowledgeOfBundledSnapshot(snapshot, dataDir);
      trace.mark('bundled knowledge loaded');
      logger.info(`Loaded bundled knowledge from the worker bundle (${dataDir}): ${files.length} files, ${kb.all().length} entities in ${(performance.now() - t0).toFixed(1)} ms`);
      return kb;
    },
    workspace: (options) =>
      traced(
        clientWorkspace({
          ...options,
          client: {
            readFile: readThroughClient,
            findFiles: (p: FindFilesParams) => connection.sendRequest<FindFilesResult>(FindFilesRequest, p),
          },
        }),
      ),
    hubPlaces: () => officialSources as HubPlaces,
    chartRenderer: (options) => loadWorkerChartRenderer(options.chartScriptUri, async (uri) => (await readThroughClient({ uri }))?.text),
    // The knowledge files come through the client, seconds after the bundled knowledge (#21).
    answersWaitForKnowledgeFiles: false,
  });
}

/** The workspace, marking when the knowledge files are first listed and read, and the notes first listed. */
function traced(workspace: Workspace): Workspace {
  let pendingReads: Set<string> | undefined;
  const listNotes = workspace.listNotes?.bind(workspace);
  return {
    get folders() {
      return workspace.folders;
    },
    async listKnowledgeFiles() {
      trace.mark('knowledge files asked');
      const listed = await workspace.listKnowledgeFiles();
      if (pendingReads) return listed;
      trace.mark(`knowledge files listed (${listed.uris.length})`);
      pendingReads = new Set(listed.uris);
      if (pendingReads.size === 0) trace.mark('knowledge files read');
      return listed;
    },
    async readFile(uri) {
      const text = await workspace.readFile(uri);
      if (pendingReads?.delete(uri) && pendingReads.size === 0) trace.mark('knowledge files read');
      return text;
    },
    ...(listNotes && {
      async listNotes() {
        const first = !trace.all().some((m) => m.name === 'notes asked');
        trace.mark('notes asked');
        const listed = await listNotes();
        if (first) trace.mark(`notes listed (${listed.uris.length})`);
        return listed;
      },
    }),
  };
}
