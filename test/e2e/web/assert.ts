/**
 * The few `node:assert/strict` calls the web suite makes, for the web-worker extension host, which
 * has no Node builtins: the bundle maps `node:assert/strict` here (test/e2e/run.sh).
 */
export class AssertionError extends Error {
  override name = 'AssertionError';
}

export function fail(message: string): never {
  throw new AssertionError(message);
}

export function ok(value: unknown, message = `Expected a truthy value, got ${String(value)}`): asserts value {
  if (!value) fail(message);
}

export function equal<T>(actual: T, expected: T, message?: string): void {
  if (!Object.is(actual, expected)) fail(message ?? `Expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

/** Deep equality of JSON-like values. */
export function deepEqual<T>(actual: T, expected: T, message?: string): void {
  const [a, e] = [JSON.stringify(actual), JSON.stringify(expected)];
  if (a !== e) fail(message ?? `Expected ${e}, got ${a}`);
}

export function match(actual: string, re: RegExp, message?: string): void {
  if (!re.test(actual)) fail(message ?? `Expected ${JSON.stringify(actual)} to match ${re}`);
}

/** Settles when `promise` rejects; fails when it resolves. */
export async function rejects(promise: Promise<unknown>, message = 'Expected a rejection'): Promise<void> {
  try {
    await promise;
  } catch {
    return;
  }
  fail(message);
}
