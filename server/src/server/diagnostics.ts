/**
 * Publishes diagnostics: a note's after a pause in typing (the debounce), a knowledge file's
 * problems whenever the knowledge changes, and an empty list for a file that no longer has any.
 */
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import type { KnowledgeProblem } from '../knowledge/types';
import { DIAGNOSTIC_SOURCE } from '../protocol';

export function knowledgeDiagnostic(p: KnowledgeProblem): Diagnostic {
  return { range: p.range, severity: DiagnosticSeverity.Error, code: p.code, source: DIAGNOSTIC_SOURCE, message: p.message };
}

export class DiagnosticsPublisher {
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private publishedKnowledge = new Set<string>();

  constructor(private readonly connection: Connection) {}

  /** `fn` after `delay` ms, replacing anything pending for `uri`; at once for a delay of 0. */
  debounce(uri: string, delay: number, fn: () => void): void {
    this.cancel(uri);
    if (delay <= 0) return fn();
    this.pending.set(uri, setTimeout(() => (this.pending.delete(uri), fn()), delay));
  }

  cancel(uri: string): void {
    clearTimeout(this.pending.get(uri));
    this.pending.delete(uri);
  }

  note(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void {
    void this.connection.sendDiagnostics({ uri, version, diagnostics });
  }

  /** Every knowledge file's problems now, clearing files that had some before. */
  knowledge(now: ReadonlyMap<string, readonly KnowledgeProblem[]>): void {
    for (const [uri, problems] of now) void this.connection.sendDiagnostics({ uri, diagnostics: problems.map(knowledgeDiagnostic) });
    for (const uri of this.publishedKnowledge) if (!now.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.publishedKnowledge = new Set(now.keys());
  }
}
