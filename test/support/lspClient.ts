import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import {
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExecuteCommandRequest,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  ShutdownRequest,
  type ApplyWorkspaceEditParams,
  type ApplyWorkspaceEditResult,
  type ClientCapabilities,
  type Hover,
  type PublishDiagnosticsParams,
  type InitializeResult,
  type Position,
} from 'vscode-languageserver-protocol';
import { SERVER_NODE_FLAGS } from '../../server/src/nodeFlags';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const serverPath = path.join(repoRoot, 'dist', 'server.js');
export const examplesDir = path.resolve(repoRoot, '..', 'shared', 'examples');

/**
 * A real LSP client over stdio to the bundled server, for protocol tests: requests go
 * through JSON-RPC exactly as an editor sends them.
 */
export class TestClient {
  readonly connection: ProtocolConnection;
  readonly stderr: string[] = [];
  readonly logs: string[] = [];
  /** Every `workspace/applyEdit` the server sent, and `window/showMessage` texts. */
  readonly appliedEdits: ApplyWorkspaceEditParams[] = [];
  /** The newest `textDocument/publishDiagnostics` per URI, and waiters for the next ones. */
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  private readonly diagnosticWaiters: { accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  readonly shownMessages: string[] = [];
  /** Notes this client opened and has not closed. */
  private readonly openUris = new Set<string>();
  /** How this client answers `workspace/applyEdit` (an editor would apply it). */
  applyEditAnswer: ApplyWorkspaceEditResult = { applied: true };
  /** The server process's id (the bench reads its resident set size). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  private constructor(private readonly child: ChildProcess) {
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    child.stderr!.on('data', (d: Buffer) => this.stderr.push(d.toString()));
    this.connection.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
    });
    this.connection.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => {
      this.appliedEdits.push(p);
      return this.applyEditAnswer;
    });
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p);
      for (const w of [...this.diagnosticWaiters]) {
        if (w.accept(p)) {
          this.diagnosticWaiters.splice(this.diagnosticWaiters.indexOf(w), 1);
          w.resolve(p);
        }
      }
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification('$/progress', (p: { token: unknown; value: { kind: string; title?: string; message?: string } }) => {
      this.progress.push(p.value);
      if (p.value.kind === 'end') for (const resolve of this.progressEnded.splice(0)) resolve();
    });
    this.connection.onNotification('researchNotes/status', (p: unknown) => {
      this.statuses.push(p);
      for (const resolve of this.statusWaiters.splice(0)) resolve(p);
    });
    this.connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
      p.items.map((item) => (item.section === 'files.exclude' ? this.filesExclude : this.settings)),
    );
    this.connection.onNotification('window/showMessage', (p: { message: string }) => {
      this.shownMessages.push(p.message);
    });
    this.connection.onRequest('window/showMessageRequest', (p: { message: string }) => {
      this.shownMessages.push(p.message);
      return null;
    });
    this.connection.listen();
  }

  /** Every `researchNotes/status` the server sent (one after each knowledge reload). */
  readonly statuses: unknown[] = [];
  private readonly statusWaiters: ((p: unknown) => void)[] = [];
  /** Every `$/progress` value the server sent, in order. */
  readonly progress: { kind: string; title?: string; message?: string }[] = [];
  private readonly progressEnded: (() => void)[] = [];

  /** Resolves when a progress the server began has ended (at once if one has). */
  progressEnd(ms = 10_000): Promise<void> {
    if (this.progress.some((p) => p.kind === 'end')) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no progress end within ${ms} ms`)), ms);
      this.progressEnded.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** The first status (knowledge loaded): resolves at once if it came already. */
  knowledgeLoaded(ms = 5000): Promise<unknown> {
    if (this.statuses.length) return Promise.resolve(this.statuses[0]);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no researchNotes/status within ${ms} ms`)), ms);
      this.statusWaiters.push((p) => {
        clearTimeout(timer);
        resolve(p);
      });
    });
  }

  /** What this client answers to `workspace/configuration` for `researchNotes`. */
  settings: unknown = null;
  /** What `workspace/configuration` answers for the section `files.exclude` (VS Code's). */
  filesExclude: unknown = null;

  /**
   * The next diagnostics published for `uri` that satisfy `accept` (or the current ones if they
   * already do). Rejects after `ms`: tests wait on events, never on sleeps.
   */
  waitForDiagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, ms = 5000): Promise<PublishDiagnosticsParams> {
    const current = this.diagnostics.get(uri);
    if (current && accept(current)) return Promise.resolve(current);
    return this.nextDiagnostics(uri, accept, ms);
  }

  /** The next diagnostics published for `uri` from now on that satisfy `accept`. */
  nextDiagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, ms = 5000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${ms} ms; last: ${JSON.stringify(this.diagnostics.get(uri))}`)), ms);
      this.diagnosticWaiters.push({
        accept: (p) => p.uri === uri && accept(p),
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  executeCommand(command: string, ...args: unknown[]): Promise<unknown> {
    return this.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  }

  /** Spawns `node dist/server.js --stdio` with the server's Node flags, as the client does, and completes the initialize handshake. */
  static async start(
    options: {
      locale?: string;
      initializationOptions?: unknown;
      rootUri?: string | null;
      capabilities?: ClientCapabilities;
      /** What `workspace/configuration` answers from the start (for a client that has `workspace.configuration`). */
      settings?: unknown;
      filesExclude?: unknown;
    } = {},
  ): Promise<TestClient & { initializeResult: InitializeResult }> {
    const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const client = new TestClient(child) as TestClient & { initializeResult: InitializeResult };
    client.settings = options.settings ?? null;
    client.filesExclude = options.filesExclude ?? null;
    client.initializeResult = await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: options.rootUri ?? null,
      locale: options.locale,
      capabilities: options.capabilities ?? { workspace: { workspaceEdit: { documentChanges: true }, applyEdit: true } },
      initializationOptions: options.initializationOptions,
      workspaceFolders: options.rootUri ? [{ uri: options.rootUri, name: 'ws' }] : null,
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'markdown', version, text },
    });
    this.openUris.add(uri);
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    this.openUris.delete(uri);
  }

  /**
   * Between the tests of a suite that shares one server: closes every note this client opened,
   * waits for the server to have handled that (a request answered after it), and forgets what
   * the server sent so far.
   */
  async reset(): Promise<void> {
    for (const uri of [...this.openUris]) await this.close(uri);
    await this.hover('untitled:reset.md', { line: 0, character: 0 });
    this.appliedEdits.length = 0;
    this.shownMessages.length = 0;
    this.logs.length = 0;
    this.diagnostics.clear();
    this.applyEditAnswer = { applied: true };
  }

  async change(uri: string, version: number, changes: { range?: { start: Position; end: Position }; text: string }[]): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: changes.map((c) => (c.range ? { range: c.range, text: c.text } : { text: c.text })),
    });
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  async stop(): Promise<void> {
    await this.connection.sendRequest(ShutdownRequest.type);
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    await this.connection.sendNotification(ExitNotification.type);
    await exited;
    this.connection.dispose();
  }
}

/** A `file:` URI for a path. */
export const fileUri = (p: string): string => pathToFileURL(p).href;

export type StartedClient = Awaited<ReturnType<typeof TestClient.start>>;

/**
 * One server for the tests of a suite that change no settings and open each note afresh:
 * started before the first test, reset after each, stopped after the last. Spawning a server
 * per test cost most of the protocol run.
 */
export function sharedServer(options?: Parameters<typeof TestClient.start>[0]): () => StartedClient {
  let client: StartedClient | undefined;
  before(async () => {
    client = await TestClient.start(options);
  });
  afterEach(async () => client?.reset());
  after(async () => client?.stop());
  return () => client!;
}

/** Servers a test starts for itself (settings of its own): each stopped after its test. */
export function ownServers(): (options?: Parameters<typeof TestClient.start>[0]) => Promise<StartedClient> {
  const started: StartedClient[] = [];
  afterEach(async () => {
    for (const client of started.splice(0)) await client.stop();
  });
  return async (options) => {
    const client = await TestClient.start(options);
    started.push(client);
    return client;
  };
}
