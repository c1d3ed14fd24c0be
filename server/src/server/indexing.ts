/**
 * Keeps the workspace index current: a run over every note under the workspace folders (after
 * the knowledge or the exclusions changed), one note at a time after an edit, a save or a close,
 * and a wait that requests on the index cancel. What the index holds is `workspace/noteIndex.ts`;
 * this is when and how it is filled.
 */
import { CancellationToken, type WorkDoneProgressServerReporter } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fill, messages, type Locale } from '../l10n';
import type { Logger, Workspace } from '../workspace';
import { NoteIndex, type IndexedNote } from '../workspace/noteIndex';
import { untilCancelled } from './cancellation';

/** How long a run goes on before it reports progress again; it lets requests through after every note. */
const PROGRESS_SLICE_MS = 16;
/**
 * Notes read from disk ahead of the one being indexed, so the disk is not waited for note by note.
 * Few: a text read eight notes ahead outlived the server's young generation (`nodeFlags.ts`), and
 * a run over 1,000 notes promoted every one of them (the server ended at 167-170 MB instead of 132).
 */
export const READ_AHEAD = 4;

export interface IndexingDeps {
  readonly workspace: Workspace;
  readonly logger: Logger;
  /** The open note at `uri` (indexed from its live text), if it is a note. */
  openNote(uri: string): TextDocument | undefined;
  /** Whether `uri` is open in the editor at all (an open file is never dropped as gone from disk). */
  isOpen(uri: string): boolean;
  /** Whether the index skips `uri` (`researchNotes.exclude`, `files.exclude`). */
  excluded(uri: string): boolean;
  /** A note's index entry, from an open document or a closed note's text. */
  entry(note: TextDocument | { uri: string; text: string }): IndexedNote;
  locale(): Locale;
  /** Progress in the client's UI, where it shows it. */
  progress(): Promise<WorkDoneProgressServerReporter | undefined>;
  /** The counts some note claims changed: open notes compare theirs again. */
  claimsChanged(): void;
  failed(what: string, error: unknown): void;
}

export class WorkspaceIndexing {
  /** What every note under the workspace folders mentions: open notes from their live text. */
  readonly index = new NoteIndex();
  /** The current run (a new one supersedes it) and the single notes queued after it; settles when all are done. */
  private work: Promise<void> = Promise.resolve();
  private run = 0;
  /** True once a run finished. */
  private finished = false;

  constructor(private readonly deps: IndexingDeps) {}

  /** Whether a whole run has finished (answers given before then say they are incomplete). */
  get complete(): boolean {
    return this.finished;
  }

  /** Indexes every note again; a run under way stops at its next note. */
  start(): void {
    this.work = this.indexAll().catch((e: unknown) => this.deps.failed('indexing', e));
  }

  /** Indexes one note again after the work under way: index requests then see it. */
  reindex(uri: string): void {
    this.work = this.work.then(async () => {
      if (await this.indexNote(uri)) this.deps.claimsChanged();
    });
  }

  /** Puts an open note's current entry in the index now; true when the counts it claims changed. */
  set(doc: TextDocument): boolean {
    return this.index.set(this.deps.entry(doc));
  }

  /** Waits for the work under way; false when `token` was cancelled first (the request gets the empty answer). */
  async ready(token: CancellationToken = CancellationToken.None): Promise<boolean> {
    await untilCancelled(this.work, token);
    return !token.isCancellationRequested;
  }

  /** One run over every listed note, in the listing's order, with progress where the client shows it. */
  private async indexAll(): Promise<void> {
    const run = ++this.run;
    const listed = await this.deps.workspace.listNotes?.();
    if (run !== this.run) return;
    if (!listed) {
      this.finished = true;
      return;
    }
    for (const reason of listed.skipped) this.deps.logger.warn(`Research Notes: not indexed: ${reason}`);
    const progress = await this.deps.progress();
    const report = this.reporter(progress, listed.uris.length);
    const readAhead = this.readAhead(listed.uris);
    let claimsChanged = false;
    for (const [i, uri] of listed.uris.entries()) {
      if (run !== this.run || progress?.token.isCancellationRequested) break;
      claimsChanged = (await this.indexNote(uri, readAhead())) || claimsChanged;
      // Requests on open notes are answered between notes (each a few milliseconds).
      await new Promise((resolve) => setImmediate(resolve));
      report(i + 1);
    }
    const listedSet = new Set(listed.uris);
    for (const uri of this.index.uris()) if (!listedSet.has(uri) && !this.deps.isOpen(uri)) this.index.delete(uri);
    progress?.done();
    if (run === this.run) this.finished = true;
    if (claimsChanged) this.deps.claimsChanged();
    this.deps.logger.info(`Research Notes indexed ${this.index.size} notes`);
  }

  /** Reports `done` of `total` about once a frame. */
  private reporter(progress: WorkDoneProgressServerReporter | undefined, total: number): (done: number) => void {
    const t = messages(this.deps.locale());
    progress?.begin(t.indexing, 0, fill(t.indexed, { done: '0', total: String(total) }), true);
    let slice = performance.now();
    return (done) => {
      if (performance.now() - slice <= PROGRESS_SLICE_MS) return;
      progress?.report(Math.round((100 * done) / total), fill(t.indexed, { done: String(done), total: String(total) }));
      slice = performance.now();
    };
  }

  /**
   * Reads of `uris` begun a few notes ahead: each call begins reads up to {@link READ_AHEAD} ahead
   * and returns the next note's. (An array, not a map by index: with a map the server ended a
   * 1,000-note run holding about 20 MB more, measured by `bench/indexServer.ts`.)
   */
  private readAhead(uris: readonly string[]): () => Promise<string | undefined> {
    const reads: Promise<string | undefined>[] = [];
    let begun = 0;
    return () => {
      for (; begun < uris.length && reads.length < READ_AHEAD; begun++) {
        const read = this.deps.workspace.readFile(uris[begun]);
        // A read left behind when the run stops fails silently; the others fail in `indexNote`.
        read.catch(() => undefined);
        reads.push(read);
      }
      return reads.shift()!;
    };
  }

  /**
   * Indexes one note: an open one from its live text, a closed one from disk (gone: dropped), or
   * from `reading` when its read has begun already. True when the counts it claims changed.
   */
  private async indexNote(uri: string, reading?: Promise<string | undefined>): Promise<boolean> {
    try {
      const open = this.deps.openNote(uri);
      if (open) return this.index.set(this.deps.entry(open));
      const text = this.deps.excluded(uri) ? undefined : await (reading ?? this.deps.workspace.readFile(uri));
      if (text !== undefined) return this.index.set(this.deps.entry({ uri, text }));
      const hadClaims = this.index.hasClaims(uri);
      this.index.delete(uri);
      return hadClaims;
    } catch (error) {
      this.deps.failed('indexing', error);
      return false;
    }
  }
}
