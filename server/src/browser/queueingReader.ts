import { AbstractMessageReader, Disposable, type DataCallback, type Message, type MessageReader } from 'vscode-languageserver';

/**
 * `BrowserMessageReader`, except that messages arriving before `listen` are kept, not dropped:
 * the worker starts listening only once the bundled knowledge is decompressed, and the client's
 * `initialize` may come first.
 */
export class QueueingMessageReader extends AbstractMessageReader implements MessageReader {
  private queue: Message[] = [];
  private callback: DataCallback | undefined;

  /** `observe` sees each message as it arrives, queued or not. */
  constructor(
    port: { addEventListener(type: 'message' | 'error', listener: (event: MessageEvent) => void): void },
    observe?: (message: Message) => void,
  ) {
    super();
    port.addEventListener('message', (event) => {
      const message = event.data as Message;
      observe?.(message);
      if (this.callback) this.callback(message);
      else this.queue.push(message);
    });
    port.addEventListener('error', (event) => this.fireError(event));
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const queued = this.queue;
    this.queue = [];
    for (const message of queued) callback(message);
    return Disposable.create(() => (this.callback = undefined));
  }
}
