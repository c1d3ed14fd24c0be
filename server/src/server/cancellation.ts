import type { CancellationToken } from 'vscode-languageserver';

/** Settles when `work` does or when `token` is cancelled, whichever comes first. */
export function untilCancelled(work: Promise<void>, token: CancellationToken): Promise<void> {
  if (token.isCancellationRequested) return Promise.resolve();
  let listener: { dispose(): void } | undefined;
  const cancelled = new Promise<void>((resolve) => (listener = token.onCancellationRequested(() => resolve())));
  return Promise.race([work, cancelled]).finally(() => listener?.dispose());
}
