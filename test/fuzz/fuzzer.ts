/**
 * Runs generated scripts against the built server over real LSP and checks every answer:
 * no crash, no request error, every range valid in the document it answers for, incremental
 * equal to fresh, and every request within its time budget (reported apart from failures).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  ApplyWorkspaceEditParams,
  ApplyWorkspaceEditResult,
  CodeAction,
  Command,
  CompletionItem,
  CompletionList,
  Diagnostic,
  Hover,
  InlayHint,
  Location,
  LocationLink,
  MarkupContent,
  Position,
  PublishDiagnosticsParams,
  Range,
  SemanticTokens,
  SemanticTokensLegend,
  TextDocumentEdit,
  TextEdit,
} from 'vscode-languageserver-protocol';
import { badPosition, badRange, decodeTokens, hoverProblems, lineLengths, tokenProblems, type Token } from './checks';
import { FuzzClient, RequestFailure, type Timing } from './client';
import { docSeed, generateScript, Rng, TABLE_END, TABLE_START, type DocScript, type EditSpec, type RequestKind, type Step } from './generate';

export interface FuzzOptions {
  seed: number;
  docs: number;
  /** Time budget of one request, in ms, on notes up to `budgetMaxBytes`. */
  budgetMs: number;
  budgetMaxBytes: number;
  /** Largest generated note, in UTF-16 units. */
  maxBytes: number;
  /** Share of notes that may be large (long lines, huge tables, deep nesting). */
  bigChance: number;
  /** No answer within this is a hang. */
  timeoutMs: number;
  /** A fresh server (with new random settings) after this many documents. */
  restartEvery: number;
  /** Where failing cases are written; null for nowhere. */
  failuresDir: string | null;
  /** Progress lines. */
  log: (line: string) => void;
  /** Replays saved cases instead of generating. */
  replay?: SavedCase[];
  /** Runs only these document indices of the seed's run. */
  only?: number[];
  /** Keeps the server running across calls (the minimizer runs thousands of one-document runs). */
  keep?: { client?: FuzzClient; session?: Session };
}

export const defaultOptions: FuzzOptions = {
  seed: 1,
  docs: 200,
  budgetMs: 250,
  budgetMaxBytes: 1024 * 1024,
  maxBytes: 256 * 1024,
  bigChance: 0.02,
  timeoutMs: 20000,
  restartEvery: 60,
  failuresDir: path.resolve(__dirname, '..', '..', '.fuzz-failures'),
  log: () => undefined,
};

export interface Failure {
  kind: string;
  message: string;
  doc: number;
  docSeed: number;
}

export interface Session {
  locale: string;
  settings: Record<string, unknown>;
}

/** A failing document as written to `.fuzz-failures/`: enough to replay it. */
export interface SavedCase {
  runSeed: number;
  doc: number;
  session: Session;
  script: DocScript;
  /** What was sent: the concrete changes and requests, in order. */
  log: unknown[];
  failures: Failure[];
  /** Requests of this document over the budget (a slow case is saved even without failures). */
  slow?: Timing[];
}

export interface Summary {
  docs: number;
  edits: number;
  changeEvents: number;
  requests: number;
  tableCommands: number;
  failures: Failure[];
  slow: Timing[];
  slowest: Timing[];
  ms: number;
  /** Failing cases written, by file name. */
  written: string[];
  /** The failing cases themselves. */
  cases: SavedCase[];
}

const sessionFor = (rng: Rng): Session => ({
  locale: rng.pick(['en', 'ko']),
  settings: {
    diagnostics: { debounceMs: rng.pick([0, 0, 0, 20]) },
    inlayHints: { numbers: rng.pick(['all', 'all', 'korean-only', 'off']) },
    numberFormat: rng.pick(['auto', 'B', '억', 'both']),
    claims: { tolerance: rng.pick([0.02, 0, 0.5]), severity: rng.pick(['information', 'error']) },
  },
});

/** Runs the fuzzer; never throws for what the server does, only reports it. */
export async function runFuzz(partial: Partial<FuzzOptions> = {}): Promise<Summary> {
  const options = { ...defaultOptions, ...partial };
  const started = performance.now();
  const summary: Summary = { docs: 0, edits: 0, changeEvents: 0, requests: 0, tableCommands: 0, failures: [], slow: [], slowest: [], ms: 0, written: [], cases: [] };
  const timings: Timing[] = [];
  const cases: { doc: number; script: DocScript; session?: Session }[] = options.replay
    ? options.replay.map((c) => ({ doc: c.doc, script: c.script, session: c.session }))
    : (options.only ?? Array.from({ length: options.docs }, (_, doc) => doc)).map((doc) => ({ doc, script: undefined as unknown as DocScript }));
  let client: FuzzClient | undefined = options.keep?.client;
  let session: Session | undefined = options.keep?.session;
  let sinceStart = 0;
  for (const c of cases) {
    const seed = c.script?.seed ?? docSeed(options.seed, c.doc);
    const script = c.script ?? generateScript(seed, options);
    const wanted = c.session ?? (client && sinceStart < options.restartEvery ? session : sessionFor(new Rng(seed ^ 0x1234567)));
    if (!client || !client.alive || wanted !== session || JSON.stringify(wanted) !== JSON.stringify(session)) {
      await client?.stop();
      session = wanted!;
      client = await FuzzClient.start({ locale: session.locale, settings: session.settings, timeoutMs: options.timeoutMs });
      sinceStart = 0;
    }
    sinceStart++;
    const timed = timings.length;
    const run = new DocRun(client, c.doc, script, options, summary, timings);
    await run.execute();
    summary.docs++;
    const slow = timings.slice(timed).filter((t) => t.ms > options.budgetMs && t.size <= options.budgetMaxBytes);
    if (run.failures.length || slow.length) {
      summary.failures.push(...run.failures);
      const saved: SavedCase = { runSeed: options.seed, doc: c.doc, session: session!, script, log: run.log, failures: run.failures, ...(slow.length ? { slow } : {}) };
      if (run.failures.length) summary.cases.push(saved);
      if (options.failuresDir && !options.replay) {
        mkdirSync(options.failuresDir, { recursive: true });
        const file = path.join(options.failuresDir, `seed-${options.seed}-doc-${c.doc}${run.failures.length ? '' : '.slow'}.json`);
        writeFileSync(file, JSON.stringify(saved, null, 1));
        summary.written.push(file);
      }
      const kinds = [...new Set(run.failures.map((f) => f.kind)), ...(slow.length ? [`slow (${slow.map((t) => `${t.method.replace(/^.*\//, '')} ${t.ms.toFixed(0)} ms`).join(', ')})`] : [])];
      options.log(`doc ${c.doc} (seed ${seed}, ${script.text.length} chars): ${kinds.join(', ')}`);
    }
    if (run.failures.some((f) => f.kind === 'crash' || f.kind === 'timeout')) {
      await client.stop();
      client = undefined;
    }
    if (summary.docs % 50 === 0) options.log(`… ${summary.docs} docs, ${summary.requests} requests, ${summary.failures.length} failures, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  if (options.keep) Object.assign(options.keep, { client, session });
  else await client?.stop();
  summary.slow = timings.filter((t) => t.ms > options.budgetMs && t.size <= options.budgetMaxBytes).sort((a, b) => b.ms - a.ms);
  summary.slowest = [...timings].sort((a, b) => b.ms - a.ms).slice(0, 10);
  summary.ms = performance.now() - started;
  return summary;
}

type Answer = unknown;

/** One document: open, the script's steps, then the incremental-equals-fresh comparison. */
class DocRun {
  readonly failures: Failure[] = [];
  readonly log: unknown[] = [];
  private doc: TextDocument;
  private lines: number[];
  /** Texts of recent versions, for checking diagnostics published for them. */
  private readonly versions = new Map<number, number[]>();
  private readonly uri: string;
  private readonly rng: Rng;
  private legend: SemanticTokensLegend;
  private aborted = false;

  constructor(
    private readonly client: FuzzClient,
    private readonly index: number,
    private readonly script: DocScript,
    private readonly options: FuzzOptions,
    private readonly summary: Summary,
    private readonly timings: Timing[],
  ) {
    this.uri = `file:///fuzz/doc-${index}.md`;
    this.doc = TextDocument.create(this.uri, 'markdown', 1, script.text);
    this.lines = lineLengths(script.text);
    this.versions.set(1, this.lines);
    this.rng = new Rng(script.seed ^ 0x2545f491);
    this.legend = ((client.initializeResult?.capabilities.semanticTokensProvider as { legend?: SemanticTokensLegend } | undefined)?.legend ?? {
      tokenTypes: [],
      tokenModifiers: [],
    }) as SemanticTokensLegend;
  }

  private fail(kind: string, message: string): void {
    // A few of each kind per document are enough to see what happened.
    if (this.failures.filter((f) => f.kind === kind).length >= 3) return;
    this.failures.push({ kind, message: message.length > 2000 ? `${message.slice(0, 2000)}…` : message, doc: this.index, docSeed: this.script.seed });
  }

  async execute(): Promise<void> {
    const { client } = this;
    const logsBefore = client.errorLogs.length;
    const stderrBefore = client.stderr.length;
    client.published.delete(this.uri);
    client.onApplyEdit = (p) => this.applyEdit(p);
    this.log.push({ open: this.uri, length: this.doc.getText().length });
    await client.notify('textDocument/didOpen', { textDocument: { uri: this.uri, languageId: 'markdown', version: 1, text: this.doc.getText() } });
    for (const step of this.script.steps) {
      if (this.aborted) break;
      await this.step(step);
    }
    if (!this.aborted) await this.compareWithFresh();
    await client.notify('textDocument/didClose', { textDocument: { uri: this.uri } });
    this.checkPublishes();
    client.published.delete(this.uri);
    client.onApplyEdit = () => ({ applied: false, failureReason: 'no document' });
    for (const line of client.errorLogs.slice(logsBefore)) this.fail('server-error-log', line);
    const stderr = client.stderr.slice(stderrBefore).join('');
    if (stderr.trim()) this.fail('server-stderr', stderr.slice(-2000));
  }

  private get text(): string {
    return this.doc.getText();
  }

  private async step(step: Step): Promise<void> {
    if (step.op === 'change') return this.change(step.edits, step.full === true);
    if (step.op === 'request') return this.requestStep(step.kind, step.at, step.at2, step.wild === true, step.cancel === true);
    return this.table(step);
  }

  /** An offset for a fraction of the text, never between CR and LF (an editor cannot put a cursor there). */
  private offset(fraction: number, text = this.text): number {
    let at = Math.min(text.length, Math.max(0, Math.floor(fraction * (text.length + 1))));
    if (text[at - 1] === '\r' && text[at] === '\n') at--;
    return at;
  }

  private resolve(e: EditSpec, text: string): { start: number; end: number } {
    const anchors = (needle: string | RegExp): number[] => {
      const found: number[] = [];
      if (typeof needle === 'string') for (let i = text.indexOf(needle); i !== -1 && found.length < 1000; i = text.indexOf(needle, i + 1)) found.push(i);
      else for (const m of text.matchAll(needle)) if (found.push(m.index!) >= 1000) break;
      return found;
    };
    const candidates =
      e.target === 'tableStart' ? anchors(TABLE_START)
      : e.target === 'tableEnd' ? anchors(TABLE_END)
      : e.target === 'frontMatter' ? anchors(/^(---|\+\+\+)/gm).filter((i) => i < 4096)
      : e.target === 'eol' ? anchors(/\r\n|\r|\n/g)
      : e.target === 'end' ? [text.length]
      : [];
    let start = candidates.length ? candidates[Math.floor(e.at * candidates.length)] + e.shift : this.offset(e.at, text);
    start = Math.min(text.length, Math.max(0, start));
    if (text[start - 1] === '\r' && text[start] === '\n') start--;
    let end = Math.min(text.length, start + e.remove);
    if (text[end - 1] === '\r' && text[end] === '\n') end++;
    return { start, end };
  }

  private setText(text: string, changes: { range?: Range; text: string }[]): void {
    this.doc = TextDocument.update(this.doc, changes, this.doc.version + 1);
    if (this.doc.getText() !== text) throw new Error('fuzzer: local document diverged from the applied edits');
    this.lines = lineLengths(text);
    this.versions.set(this.doc.version, this.lines);
    this.versions.delete(this.doc.version - 12);
  }

  private async change(edits: EditSpec[], full: boolean): Promise<void> {
    let text = this.text;
    const changes: { range?: Range; text: string }[] = [];
    // Each change applies to the text after the previous one, as LSP orders them.
    let scratch = TextDocument.create(this.uri, 'markdown', 0, text);
    for (const e of edits) {
      const { start, end } = this.resolve(e, text);
      const range = { start: scratch.positionAt(start), end: scratch.positionAt(end) };
      text = text.slice(0, start) + e.insert + text.slice(end);
      changes.push({ range, text: e.insert });
      scratch = TextDocument.create(this.uri, 'markdown', 0, text);
    }
    const sent = full ? [{ text }] : changes;
    this.setText(text, sent);
    this.summary.edits += edits.length;
    this.summary.changeEvents++;
    this.log.push({ version: this.doc.version, changes: sent.map((c) => ('range' in c && c.range ? c : { full: c.text.length })) });
    await this.client.notify('textDocument/didChange', { textDocument: { uri: this.uri, version: this.doc.version }, contentChanges: sent });
  }

  /** A request, timed; undefined if it failed (the failure is recorded). */
  private async request(method: string, params: Record<string, unknown>, cancel = false): Promise<Answer | undefined> {
    this.summary.requests++;
    try {
      const answer = await this.client.request(method, params, this.text.length, this.options.timeoutMs, {
        cancelAfterMs: cancel ? this.rng.int(0, 3) : undefined,
        timings: this.timings,
        uri: this.uri,
      });
      // A cancelled request answered as cancelled: nothing to check.
      return answer && typeof answer === 'object' && 'cancelled' in answer ? undefined : answer;
    } catch (e) {
      if (!(e instanceof RequestFailure)) throw e;
      if (e.kind === 'crash') {
        this.fail('crash', `${e.message}; stderr: ${this.client.stderr.join('').slice(-1500)}`);
        this.aborted = true;
      } else if (e.kind === 'timeout') {
        this.fail('timeout', e.message);
        this.aborted = true;
      } else this.fail('request-error', e.message);
      return undefined;
    }
  }

  private position(fraction: number, wild: boolean): Position {
    if (wild) return this.rng.pick([{ line: this.lines.length + 3, character: 0 }, { line: 0, character: 100000 }, { line: this.lines.length - 1, character: 99 }]);
    return this.doc.positionAt(this.offset(fraction));
  }

  private range(a: number, b: number, wild: boolean): Range {
    const [x, y] = [this.offset(a), this.offset(b)].sort((p, q) => p - q);
    const range = { start: this.doc.positionAt(x), end: this.doc.positionAt(y) };
    return wild ? { start: range.start, end: { line: this.lines.length + 5, character: 7 } } : range;
  }

  private checkRange(what: string, range: Range | undefined): void {
    const why = badRange(this.lines, range);
    if (why) this.fail(`range.${what}`, `${why} (version ${this.doc.version}, ${this.lines.length} lines): ${JSON.stringify(range)}`);
  }

  private async requestStep(kind: RequestKind, a: number, b: number, wild: boolean, cancel: boolean): Promise<void> {
    const position = this.position(a, wild);
    const range = this.range(a, b, wild);
    this.log.push({ request: kind, version: this.doc.version, position, range, wild, cancel });
    switch (kind) {
      case 'hover':
        await this.hover(position, cancel);
        return;
      case 'definition': {
        const answer = (await this.request('textDocument/definition', { textDocument: { uri: this.uri }, position }, cancel)) as Location | Location[] | LocationLink[] | null | undefined;
        for (const loc of answer ? (Array.isArray(answer) ? answer : [answer]) : []) {
          if ('targetUri' in loc) {
            if (loc.originSelectionRange) this.checkRange('definition.origin', loc.originSelectionRange);
            if (loc.targetUri === this.uri) this.checkRange('definition', loc.targetRange);
          } else if (loc.uri === this.uri) this.checkRange('definition', loc.range);
        }
        return;
      }
      case 'completion': {
        const answer = (await this.request('textDocument/completion', { textDocument: { uri: this.uri }, position }, cancel)) as CompletionItem[] | CompletionList | null | undefined;
        const items = !answer ? [] : Array.isArray(answer) ? answer : answer.items;
        for (const item of items.slice(0, 200)) {
          const edit = item.textEdit;
          if (edit && 'range' in edit) this.checkRange('completion', edit.range);
          else if (edit) {
            this.checkRange('completion.insert', edit.insert);
            this.checkRange('completion.replace', edit.replace);
          }
          for (const extra of item.additionalTextEdits ?? []) this.checkRange('completion.additional', extra.range);
        }
        return;
      }
      case 'tokens':
        await this.tokens(undefined, cancel);
        return;
      case 'tokensRange': {
        const part = await this.tokens(range, cancel);
        if (!part || wild) return;
        const whole = await this.tokens(undefined, false);
        if (!whole) return;
        const key = (t: Token) => `${t.line}:${t.start}:${t.length}:${t.type}:${t.modifiers}`;
        const all = new Set(whole.map(key));
        const missing = part.filter((t) => !all.has(key(t)));
        if (missing.length) this.fail('tokens.range-not-in-full', `range ${JSON.stringify(range)} gave tokens not in the full answer: ${missing.slice(0, 5).map(key).join(', ')}`);
        return;
      }
      case 'inlay':
        await this.inlayHints(range, cancel);
        return;
      case 'codeAction': {
        const diagnostics = this.currentDiagnostics() ?? [];
        const answer = (await this.request('textDocument/codeAction', { textDocument: { uri: this.uri }, range, context: { diagnostics } }, cancel)) as (CodeAction | Command)[] | null | undefined;
        for (const action of answer ?? []) {
          if (!('edit' in action) || !action.edit) continue;
          for (const edit of action.edit.changes?.[this.uri] ?? []) this.checkRange('codeAction', edit.range);
          for (const change of action.edit.documentChanges ?? []) {
            if ('textDocument' in change && change.textDocument.uri === this.uri) {
              if (change.textDocument.version !== null && change.textDocument.version !== this.doc.version)
                this.fail('codeAction.version', `edit for version ${change.textDocument.version}, document at ${this.doc.version}`);
              for (const edit of change.edits) this.checkRange('codeAction', edit.range);
            }
          }
        }
        return;
      }
    }
  }

  /** The newest diagnostics published for the current version, if any came. */
  private currentDiagnostics(): Diagnostic[] | undefined {
    const list = this.client.published.get(this.uri) ?? [];
    for (let i = list.length - 1; i >= 0; i--) if (list[i].version === this.doc.version) return list[i].diagnostics;
    return undefined;
  }

  private async hover(position: Position, cancel = false, uri = this.uri): Promise<Hover | null | undefined> {
    const answer = (await this.request('textDocument/hover', { textDocument: { uri }, position }, cancel)) as Hover | null | undefined | { cancelled: true };
    if (!answer || 'cancelled' in answer) return undefined;
    if (answer.range) this.checkRange('hover', answer.range);
    const contents = answer.contents as MarkupContent | string | { value: string }[];
    const markdown = typeof contents === 'string' ? contents : Array.isArray(contents) ? contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n') : contents.value;
    for (const p of hoverProblems(markdown ?? '')) this.fail('hover.markdown', `${p} at ${JSON.stringify(position)}: ${JSON.stringify(markdown.slice(0, 400))}`);
    return answer;
  }

  private async tokens(range: Range | undefined, cancel = false, uri = this.uri): Promise<Token[] | undefined> {
    const answer = (await this.request(range ? 'textDocument/semanticTokens/range' : 'textDocument/semanticTokens/full', range ? { textDocument: { uri }, range } : { textDocument: { uri } }, cancel)) as
      | SemanticTokens
      | { cancelled: true }
      | null
      | undefined;
    if (!answer || 'cancelled' in answer) return undefined;
    const problems: string[] = [];
    const tokens = decodeTokens(answer.data, this.legend.tokenTypes.length, this.legend.tokenModifiers.length, problems);
    problems.push(...tokenProblems(this.lines, tokens));
    for (const p of problems.slice(0, 3)) this.fail('range.semanticTokens', `${p} (version ${this.doc.version})`);
    return tokens;
  }

  private async inlayHints(range: Range, cancel = false, uri = this.uri): Promise<InlayHint[] | undefined> {
    const answer = (await this.request('textDocument/inlayHint', { textDocument: { uri }, range }, cancel)) as InlayHint[] | { cancelled: true } | null | undefined;
    if (!answer || 'cancelled' in answer) return undefined;
    for (const hint of answer) {
      const why = badPosition(this.lines, hint.position);
      if (why) this.fail('range.inlayHint', `${why} (version ${this.doc.version})`);
      for (const edit of hint.textEdits ?? []) this.checkRange('inlayHint.textEdit', edit.range);
    }
    return answer;
  }

  /** Answers the table command's `workspace/applyEdit` as an editor would, and sends the change. */
  private async applyEdit(p: ApplyWorkspaceEditParams): Promise<ApplyWorkspaceEditResult> {
    this.tableEdits++;
    const edits: TextEdit[] = [];
    for (const change of (p.edit.documentChanges ?? []) as TextDocumentEdit[]) {
      if (change.textDocument.uri !== this.uri) this.fail('table.edit', `edit for another document: ${change.textDocument.uri}`);
      else if (change.textDocument.version !== this.doc.version) {
        this.fail('table.edit', `edit for version ${change.textDocument.version}, document at ${this.doc.version}`);
        return { applied: false, failureReason: 'stale' };
      } else edits.push(...(change.edits as TextEdit[]));
    }
    for (const [uri, list] of Object.entries(p.edit.changes ?? {})) {
      if (uri === this.uri) edits.push(...list);
      else this.fail('table.edit', `edit for another document: ${uri}`);
    }
    for (const e of edits) this.checkRange('table.edit', e.range);
    if (this.refuseNext || edits.some((e) => badRange(this.lines, e.range))) return { applied: false, failureReason: 'refused by the fuzzer' };
    // From the last edit to the first, so that each range still names the text it was made for.
    const sorted = [...edits].sort((a, b) => this.doc.offsetAt(b.range.start) - this.doc.offsetAt(a.range.start));
    let text = this.text;
    const changes = sorted.map((e) => {
      const start = this.doc.offsetAt(e.range.start);
      const end = this.doc.offsetAt(e.range.end);
      text = text.slice(0, start) + e.newText + text.slice(end);
      return { range: e.range, text: e.newText };
    });
    this.setText(text, changes);
    this.summary.edits += changes.length;
    this.summary.changeEvents++;
    this.log.push({ version: this.doc.version, tableEdit: changes });
    await this.client.notify('textDocument/didChange', { textDocument: { uri: this.uri, version: this.doc.version }, contentChanges: changes });
    return { applied: true };
  }

  private tableEdits = 0;
  private refuseNext = false;

  private async table(step: Extract<Step, { op: 'table' }>): Promise<void> {
    const position = this.position(step.at, false);
    const selection = step.selection && this.range(step.selection[0], step.selection[1], false);
    const args =
      step.form === 'positional'
        ? [this.uri, position, ...(selection ? [selection] : [])]
        : [{ uri: this.uri, version: step.stale ? this.doc.version - 1 : this.doc.version, position, ...(selection ? { selection } : {}), ...(step.options ? { options: step.options } : {}) }];
    this.log.push({ command: 'researchNotes.insertComparisonTable', version: this.doc.version, arguments: args, refuse: step.refuse });
    this.summary.tableCommands++;
    this.refuseNext = step.refuse === true;
    const before = this.tableEdits;
    const result = (await this.request('workspace/executeCommand', { command: 'researchNotes.insertComparisonTable', arguments: args })) as
      | { applied: boolean; message?: string }
      | null
      | undefined;
    this.refuseNext = false;
    if (result === undefined) return;
    if (!result || typeof result.applied !== 'boolean') return this.fail('table.result', `unexpected result ${JSON.stringify(result)}`);
    if (result.applied && this.tableEdits === before) this.fail('table.result', 'applied: true without a workspace/applyEdit');
    if (step.stale && step.form === 'object' && result.applied) this.fail('table.result', 'a stale version was applied');
  }

  /** Checks every publish for this note against the text of the version it names. */
  private checkPublishes(): void {
    for (const p of this.client.published.get(this.uri) ?? []) this.checkDiagnostics(p, p.version === undefined ? undefined : this.versions.get(p.version));
  }

  private checkDiagnostics(p: PublishDiagnosticsParams, lines: number[] | undefined): void {
    if (!lines) return;
    for (const d of p.diagnostics) {
      const why = badRange(lines, d.range);
      if (why) this.fail('range.diagnostic', `${why} (version ${p.version}): ${d.code} ${d.message}`);
      for (const r of d.relatedInformation ?? []) if (r.location.uri === p.uri) {
        const w = badRange(lines, r.location.range);
        if (w) this.fail('range.diagnostic.related', `${w} (version ${p.version})`);
      }
    }
  }

  /**
   * Incremental equals fresh: the final text opened as a new note must get the same
   * diagnostics, semantic tokens, inlay hints and hovers.
   */
  private async compareWithFresh(): Promise<void> {
    const { client } = this;
    const size = this.text.length;
    const wait = 10000 + size / 50;
    const version = this.doc.version;
    const mine = await client.waitForPublish(this.uri, (p) => p.version === version, wait);
    if (!client.alive) return this.fail('crash', `server exited (code ${client.exitCode}, signal ${client.exitSignal}) before diagnostics; stderr: ${client.stderr.join('').slice(-1500)}`);
    if (!mine) return this.fail('diagnostics.missing', `no diagnostics for version ${version} within ${wait} ms`);
    const whole: Range = { start: { line: 0, character: 0 }, end: { line: this.lines.length - 1, character: this.lines[this.lines.length - 1] } };
    const tokens = await this.tokens(undefined);
    const hints = await this.inlayHints(whole);
    // Hovers where tokens and diagnostics start, and a few anywhere.
    const positions: Position[] = [];
    for (const t of (tokens ?? []).slice(0, 400).filter((_, i, xs) => i % Math.max(1, Math.floor(xs.length / 6)) === 0).slice(0, 6)) positions.push({ line: t.line, character: t.start + (t.length > 1 ? 1 : 0) });
    for (const d of mine.diagnostics.slice(0, 2)) positions.push(d.range.start);
    for (let i = 0; i < 3; i++) positions.push(this.doc.positionAt(this.offset(this.rng.next())));
    const hovers: unknown[] = [];
    for (const p of positions) hovers.push(await this.hover(p));
    if (this.aborted) return;

    const fresh = this.uri.replace(/\.md$/, '-fresh.md');
    client.published.delete(fresh);
    this.log.push({ open: fresh, length: size });
    await client.notify('textDocument/didOpen', { textDocument: { uri: fresh, languageId: 'markdown', version: 1, text: this.text } });
    try {
      const theirs = await client.waitForPublish(fresh, (p) => p.version === 1, wait);
      if (!client.alive) return this.fail('crash', `server exited on opening the final text fresh; stderr: ${client.stderr.join('').slice(-1500)}`);
      if (!theirs) return this.fail('diagnostics.missing', `no diagnostics for the fresh note within ${wait} ms`);
      // What other open notes claim (a hover's last line, claim.disagreement) depends on those notes, not on this one's edits.
      const norm = (x: unknown): string =>
        JSON.stringify(x ?? null)
          .split(fresh)
          .join(this.uri)
          .replace(/\\n\\n(?:Also claimed in your notes|다른 노트에 적힌 크기): [^"]*/g, '');
      const sortedDiagnostics = (ds: Diagnostic[]) => ds.filter((d) => d.code !== 'claim.disagreement').map((d) => norm(d)).sort();
      this.same('incremental.diagnostics', sortedDiagnostics(mine.diagnostics), sortedDiagnostics(theirs.diagnostics));
      const freshTokens = await this.tokens(undefined, false, fresh);
      if (tokens && freshTokens) this.same('incremental.semanticTokens', tokens.map((t) => norm(t)), freshTokens.map((t) => norm(t)));
      const freshHints = await this.inlayHints(whole, false, fresh);
      if (hints && freshHints) this.same('incremental.inlayHints', hints.map((h) => norm(h)), freshHints.map((h) => norm(h)));
      for (let i = 0; i < positions.length && !this.aborted; i++) {
        const theirsHover = await this.hover(positions[i], false, fresh);
        if (hovers[i] !== undefined && theirsHover !== undefined) this.same('incremental.hover', [norm(hovers[i])], [norm(theirsHover)], `at ${JSON.stringify(positions[i])}`);
      }
    } finally {
      await client.notify('textDocument/didClose', { textDocument: { uri: fresh } });
      client.published.delete(fresh);
    }
  }

  private same(kind: string, incremental: string[], fresh: string[], where = ''): void {
    if (incremental.length === fresh.length && incremental.every((x, i) => x === fresh[i])) return;
    const freshSet = new Set(fresh);
    const incSet = new Set(incremental);
    const onlyIncremental = incremental.filter((x) => !freshSet.has(x));
    const onlyFresh = fresh.filter((x) => !incSet.has(x));
    this.fail(kind, `${where} version ${this.doc.version}: only incremental ${JSON.stringify(onlyIncremental.slice(0, 3))}; only fresh ${JSON.stringify(onlyFresh.slice(0, 3))}${onlyIncremental.length + onlyFresh.length === 0 ? ' (order differs)' : ''}`);
  }
}

/** The summary as text: counts, failures by kind, slow and slowest requests. */
export function formatSummary(s: Summary, options: Pick<FuzzOptions, 'budgetMs' | 'seed'>): string {
  const byKind = new Map<string, number>();
  for (const f of s.failures) byKind.set(f.kind, (byKind.get(f.kind) ?? 0) + 1);
  const docsFailing = new Set(s.failures.map((f) => f.doc)).size;
  const line = (t: Timing) => `  ${t.ms.toFixed(0).padStart(6)} ms  ${t.method}  (${(t.size / 1024).toFixed(1)} KB, ${t.uri})`;
  const out = [
    `fuzz seed ${options.seed}: ${s.docs} docs, ${s.edits} edits in ${s.changeEvents} change events, ${s.requests} requests (${s.tableCommands} table commands) in ${(s.ms / 1000).toFixed(1)} s`,
    s.failures.length ? `FAILURES: ${s.failures.length} in ${docsFailing} docs` : 'failures: none',
    ...[...byKind].sort((a, b) => b[1] - a[1]).map(([k, n]) => `  ${String(n).padStart(5)}  ${k}`),
    `slow requests (> ${options.budgetMs} ms on notes ≤ 1 MB): ${s.slow.length}`,
    ...s.slow.slice(0, 10).map(line),
    'slowest requests:',
    ...s.slowest.slice(0, 10).map(line),
  ];
  if (s.written.length) out.push(`failing cases written to ${path.dirname(s.written[0])} (${s.written.length} files)`);
  return out.join('\n');
}
