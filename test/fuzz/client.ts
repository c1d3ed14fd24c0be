/**
 * The fuzzer's LSP client: JSON-RPC over stdio to `dist/server.js`, as an editor talks to it,
 * plus what a fuzzer needs that the protocol tests' client does not: it notices the process
 * dying, times every request, bounds every wait, and lets the caller answer `workspace/applyEdit`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
  CancellationTokenSource,
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type { ApplyWorkspaceEditParams, ApplyWorkspaceEditResult, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { serverPath } from '../support/lspClient';

export interface Timing {
  method: string;
  ms: number;
  /** Length of the note the request was about, in UTF-16 units. */
  size: number;
  uri: string;
}

/** A request that did not answer normally. */
export class RequestFailure extends Error {
  constructor(
    readonly kind: 'error' | 'timeout' | 'crash',
    message: string,
    readonly code?: number,
  ) {
    super(message);
  }
}

/** JSON-RPC codes that are a normal answer to a cancelled or outdated request. */
const CANCELLED = new Set([-32800, -32801, -32802]);

export class FuzzClient {
  readonly connection: ProtocolConnection;
  readonly stderr: string[] = [];
  /** `window/logMessage` of type Error or Warning, and `window/showMessage`. */
  readonly errorLogs: string[] = [];
  readonly shownMessages: string[] = [];
  exitCode: number | null | undefined;
  exitSignal: string | null = null;
  /** Every publish, by URI, in arrival order (the caller trims it). */
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  private readonly publishWaiters: { uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams | undefined) => void }[] = [];
  private exited: Promise<void>;
  /** How `workspace/applyEdit` is answered. */
  onApplyEdit: (p: ApplyWorkspaceEditParams) => ApplyWorkspaceEditResult | Promise<ApplyWorkspaceEditResult> = () => ({ applied: false, failureReason: 'no document' });
  initializeResult?: InitializeResult;
  private statusSeen: (() => void) | undefined;
  private readonly status: Promise<void>;

  private constructor(private readonly child: ChildProcess) {
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        this.exitCode = code;
        this.exitSignal = signal;
        for (const w of this.publishWaiters.splice(0)) w.resolve(undefined);
        resolve();
      }),
    );
    this.status = new Promise((resolve) => (this.statusSeen = resolve));
    child.stderr!.on('data', (d: Buffer) => this.stderr.push(d.toString()));
    // A write to a dead server must not throw out of the fuzzer.
    child.stdin!.on('error', () => undefined);
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    this.connection.onError(() => undefined);
    this.connection.onNotification('window/logMessage', (p: { type: number; message: string }) => {
      if (p.type === 1) this.errorLogs.push(p.message);
    });
    this.connection.onNotification('window/showMessage', (p: { message: string }) => void this.shownMessages.push(p.message));
    this.connection.onRequest('window/showMessageRequest', () => null);
    this.connection.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => this.onApplyEdit(p));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    this.connection.onNotification('researchNotes/status', () => this.statusSeen?.());
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      let list = this.published.get(p.uri);
      if (!list) this.published.set(p.uri, (list = []));
      list.push(p);
      for (const w of [...this.publishWaiters]) {
        if (w.uri === p.uri && w.accept(p)) {
          this.publishWaiters.splice(this.publishWaiters.indexOf(w), 1);
          w.resolve(p);
        }
      }
    });
    this.connection.listen();
  }

  get alive(): boolean {
    return this.exitCode === undefined;
  }

  /** Spawns the server and completes the handshake; resolves once its knowledge is loaded. */
  static async start(options: { locale: string; settings: unknown; timeoutMs: number }): Promise<FuzzClient> {
    // Node flags for one run (`RN_SERVER_FLAGS='--cpu-prof --cpu-prof-dir=DIR'` profiles the server).
    const flags = (process.env.RN_SERVER_FLAGS ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...flags, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const client = new FuzzClient(child);
    client.initializeResult = (await client.request('initialize', {
      processId: process.pid,
      rootUri: null,
      locale: options.locale,
      capabilities: { workspace: { workspaceEdit: { documentChanges: true }, applyEdit: true } },
      initializationOptions: { settings: options.settings },
      workspaceFolders: null,
    }, 0, options.timeoutMs)) as InitializeResult;
    await client.connection.sendNotification('initialized', {});
    await Promise.race([client.status, client.exited, delay(options.timeoutMs)]);
    return client;
  }

  notify(method: string, params: unknown): Promise<void> {
    if (!this.alive) return Promise.resolve();
    if (process.env.RN_FUZZ_TRACE) console.error(`→ ${method} ${JSON.stringify(params).slice(0, 300)}`);
    return this.connection.sendNotification(method, params).catch(() => undefined);
  }

  /**
   * A request, timed. Rejects with a `RequestFailure` on an error answer, on no answer within
   * `timeoutMs`, or when the server exits; resolves `{ cancelled: true }` for a request the
   * caller cancelled that the server answered as cancelled.
   */
  async request(method: string, params: unknown, size: number, timeoutMs: number, options: { cancelAfterMs?: number; timings?: Timing[]; uri?: string } = {}): Promise<unknown> {
    if (!this.alive) throw new RequestFailure('crash', `server not running (before ${method})`);
    const source = new CancellationTokenSource();
    const started = performance.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cancelTimer: ReturnType<typeof setTimeout> | undefined;
    if (options.cancelAfterMs !== undefined) cancelTimer = setTimeout(() => source.cancel(), options.cancelAfterMs);
    try {
      const answer = await Promise.race([
        this.connection.sendRequest(method, params, source.token).then(
          (result) => ({ result }),
          (error: { code?: number; message?: string }) => ({ error }),
        ),
        this.exited.then(() => ({ crash: true as const })),
        new Promise<{ timeout: true }>((resolve) => (timer = setTimeout(() => resolve({ timeout: true }), timeoutMs))),
      ]);
      const ms = performance.now() - started;
      if ('crash' in answer) throw new RequestFailure('crash', `server exited (code ${this.exitCode}, signal ${this.exitSignal}) during ${method}`);
      if ('timeout' in answer) throw new RequestFailure('timeout', `${method} gave no answer within ${timeoutMs} ms`);
      if ('error' in answer) {
        if (options.cancelAfterMs !== undefined && answer.error.code !== undefined && CANCELLED.has(answer.error.code)) return { cancelled: true };
        throw new RequestFailure('error', `${method}: ${answer.error.code} ${answer.error.message}`, answer.error.code);
      }
      if (options.cancelAfterMs === undefined) options.timings?.push({ method, ms, size, uri: options.uri ?? '' });
      if (process.env.RN_FUZZ_TRACE) console.error(`→ ${method} ${JSON.stringify(params).slice(0, 300)}\n← ${ms.toFixed(0)} ms ${JSON.stringify(answer.result).slice(0, 300)}`);
      return answer.result;
    } finally {
      clearTimeout(timer);
      clearTimeout(cancelTimer);
      source.dispose();
    }
  }

  /** The first publish for `uri` (already received or next) that `accept` takes; undefined after `ms` or on exit. */
  waitForPublish(uri: string, accept: (p: PublishDiagnosticsParams) => boolean, ms: number): Promise<PublishDiagnosticsParams | undefined> {
    const seen = this.published.get(uri)?.find(accept);
    if (seen) return Promise.resolve(seen);
    if (!this.alive) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const waiter = {
        uri,
        accept,
        resolve: (p: PublishDiagnosticsParams | undefined) => {
          clearTimeout(timer);
          resolve(p);
        },
      };
      const timer = setTimeout(() => {
        this.publishWaiters.splice(this.publishWaiters.indexOf(waiter), 1);
        resolve(undefined);
      }, ms);
      this.publishWaiters.push(waiter);
    });
  }

  /** Shuts the server down politely, then by signal if it does not exit. */
  async stop(): Promise<void> {
    if (this.alive) {
      try {
        await Promise.race([this.connection.sendRequest('shutdown'), delay(2000)]);
        await this.connection.sendNotification('exit');
      } catch {
        // Already gone.
      }
      await Promise.race([this.exited, delay(2000)]);
      if (this.alive) this.child.kill('SIGKILL');
      await Promise.race([this.exited, delay(2000)]);
    }
    this.connection.dispose();
  }
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());
