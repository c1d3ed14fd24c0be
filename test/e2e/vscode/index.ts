// The extension-host suite: the workbench loads this bundle (extensionTestsPath)
// into code-server's real extension host and calls run(); a rejection is a failed
// run, its exit code reaches test/e2e/lib/run-vscode-tests.ts.
import { format } from 'node:util';
import Mocha from 'mocha';
import { REPORT_TAG } from './report';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000, slow: 5_000 });
  Mocha.reporters.Base.consoleLog = (...data: unknown[]) => console.log(REPORT_TAG + format(...data));
  // The suites are bundled, not files mocha could require: define the bdd
  // globals first, then evaluate them (esbuild keeps dynamic imports lazy).
  mocha.suite.emit('pre-require', globalThis, 'test/e2e/vscode', mocha);
  await import('./activation.test');
  await import('./hover.test');
  await import('./settings.test');
  await import('./contributions.test');
  await import('./table.test');
  await import('./entities.test');
  await import('./references.test');
  await import('./knowledgeEdit.test');
  await import('./chart.test');
  await import('./server.test'); // last: it stops, kills and restarts the server
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} extension host test(s) failed`);
}
