/**
 * A small test runner for the web-worker extension host (mocha's Node entry needs `fs`): tests
 * run in order, each line of the report carries REPORT_TAG for test/e2e/lib/run-vscode-tests.ts.
 */
import { REPORT_TAG } from '../vscode/report';

export interface Test {
  name: string;
  run(): Promise<void>;
}

const TEST_TIMEOUT_MS = 60_000;

/** Runs `tests` one after another; rejects naming the failures. */
export async function runTests(suite: string, tests: readonly Test[]): Promise<void> {
  const report = (line: string) => console.log(REPORT_TAG + line);
  report(suite);
  const failures: string[] = [];
  for (const test of tests) {
    const t0 = Date.now();
    try {
      await withTimeout(test.run(), TEST_TIMEOUT_MS);
      report(`  ✔ ${test.name} (${Date.now() - t0} ms)`);
    } catch (error) {
      failures.push(test.name);
      report(`  ✘ ${test.name}\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
  report(`${tests.length - failures.length} passing, ${failures.length} failing`);
  if (failures.length) throw new Error(`${failures.length} web test(s) failed: ${failures.join('; ')}`);
}

function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`Timeout of ${ms} ms exceeded`)), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
