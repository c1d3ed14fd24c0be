import type { Message } from 'vscode-languageserver';

/** One moment of the worker's start, in `Date.now()` time (the client's clock too). */
export interface StartupMark {
  name: string;
  at: number;
}

/** The `telemetry/event` that carries one mark to the client (`client/src/browserHost.ts` reads it). */
export interface StartupMarkEvent {
  researchNotesStartup: StartupMark;
}

export const isStartupMarkEvent = (data: unknown): data is StartupMarkEvent =>
  typeof (data as Partial<StartupMarkEvent> | undefined)?.researchNotesStartup?.name === 'string';

interface Observed {
  id?: number | string | null;
  method?: string;
  result?: unknown;
}

/**
 * Where the worker's first second goes (#21): marks taken by the worker and seen on its messages
 * (the `initialize` request, the first hover asked and the first hover answered with content),
 * sent to the client as `telemetry/event`s once it is initialized (nothing may be sent before).
 */
export class StartupTrace {
  private readonly marks: StartupMark[] = [];
  private send: ((event: StartupMarkEvent) => void) | undefined;
  private readonly once = new Set<string>();
  private hoverIds = new Set<number | string>();
  private hoverAnswered = false;

  constructor(private readonly now: () => number = Date.now) {}

  /** Records `name` now (or `at`); a name given again is recorded once, the first time. */
  mark(name: string, at = this.now()): void {
    if (this.once.has(name)) return;
    this.once.add(name);
    const mark = { name, at };
    this.marks.push(mark);
    this.send?.({ researchNotesStartup: mark });
  }

  /** Every mark so far, in the order taken. */
  all(): readonly StartupMark[] {
    return this.marks;
  }

  /** A message from the client: `initialize`, then `initialized` (from which marks are sent), hovers. */
  incoming(message: Message, send: (event: StartupMarkEvent) => void): void {
    const m = message as Observed;
    if (m.method === 'initialize') this.mark('initialize received');
    else if (m.method === 'textDocument/hover' && !this.hoverAnswered && m.id != null) {
      this.mark('first hover asked');
      this.hoverIds.add(m.id);
    } else if (m.method === 'initialized' && !this.send) {
      this.send = send;
      for (const mark of this.marks) send({ researchNotesStartup: mark });
    }
  }

  /** A message to the client: the answer to a hover, the first one with content marks the end. */
  outgoing(message: Message): void {
    const m = message as Observed;
    if (m.id == null || m.method !== undefined || !this.hoverIds.delete(m.id)) return;
    if (m.result == null) return;
    this.hoverAnswered = true;
    this.hoverIds.clear();
    this.mark('first hover answered');
  }
}
