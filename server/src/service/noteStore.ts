/**
 * What the language service keeps of each open note, in one record per note: the analysis of
 * the last version it analysed, the edits since, the diagnostics computed for it, and a large
 * note's analysis under way. Forgetting a note drops all of it at once.
 */
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { NoteAnalysis } from '../analysis';
import type { ClaimCheckOptions } from '../check/claims';
import type { NoteDiagnostics } from '../features/noteDiagnostics';
import type { KnowledgeBase } from '../knowledge/types';

export interface NoteRecord {
  /** The analysis of one version of the note, made with `kb`. */
  analyzed?: { version: number; kb: KnowledgeBase; analysis: NoteAnalysis };
  /** Content changes since `analyzed.version`, in order (from the server's document store). */
  pending: TextDocumentContentChangeEvent[];
  /** The last diagnostics, updated around each edit rather than recomputed. */
  diagnostics?: { kb: KnowledgeBase; options: ClaimCheckOptions; result: NoteDiagnostics };
  /** A large note's analysis under way, off the request path. */
  preparing?: { version: number; done: Promise<void> };
}

export class NoteStore {
  private readonly notes = new Map<string, NoteRecord>();

  /** The record of `uri`, made empty on first use. */
  get(uri: string): NoteRecord {
    let record = this.notes.get(uri);
    if (!record) this.notes.set(uri, (record = { pending: [] }));
    return record;
  }

  /** The record of `uri` if the service has seen the note. */
  peek(uri: string): NoteRecord | undefined {
    return this.notes.get(uri);
  }

  /** Records `analysis` as the note's current one; the edits it covers are no longer pending. */
  analyzed(uri: string, version: number, kb: KnowledgeBase, analysis: NoteAnalysis): NoteRecord['analyzed'] {
    const record = this.get(uri);
    record.analyzed = { version, kb, analysis };
    record.pending = [];
    return record.analyzed;
  }

  forget(uri: string): void {
    this.notes.delete(uri);
  }
}
