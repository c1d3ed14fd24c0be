// Runs the bundled mocha suite of test/e2e/vscode inside code-server's real
// extension host (the extensionTestsPath mode of @vscode/test-electron, in a
// browser workbench) and prints mocha's report; exits with the suite's result.
//
//   node --import tsx test/e2e/lib/run-vscode-tests.ts --folder WS --tests BUNDLE.js \
//     --extension-development-path DIR --artifacts DIR --label NAME
// All paths are on the code-server side. The workbench runs tests only beside a
// development extension: the repository, or an empty one to test the installed .vsix.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { codeServerUrl, launchChromium, workbenchUrl } from './browser';
import { REPORT_TAG } from '../vscode/report';

const { values: args } = parseArgs({
  options: {
    folder: { type: 'string' },
    tests: { type: 'string' },
    artifacts: { type: 'string' },
    label: { type: 'string' },
    'extension-development-path': { type: 'string' },
    'timeout-seconds': { type: 'string', default: '180' },
  },
});
const folder = required('folder');
const tests = required('tests');
const developmentPath = required('extension-development-path');
const artifacts = required('artifacts');
const label = required('label');
const timeoutMs = Number(args['timeout-seconds']) * 1000;

function required(name: keyof typeof args): string {
  const value = args[name];
  if (!value) throw new Error(`--${name} is required`);
  return value;
}

fs.mkdirSync(artifacts, { recursive: true });
const consoleLog = fs.createWriteStream(path.join(artifacts, `${label}-console.log`));
const t0 = Date.now();
const stamp = () => `[${((Date.now() - t0) / 1000).toFixed(1)}s]`;

const payload = { extensionDevelopmentPath: developmentPath, extensionTestsPath: tests };

/** Opens the workbench in extension-tests mode; resolves with the suite's exit code or why there is none. */
async function runSuite(): Promise<number | string> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('console', (m) => consoleLog.write(`${stamp()} ${m.type()} ${m.text()}\n`));
    page.on('pageerror', (e) => consoleLog.write(`${stamp()} pageerror ${e.message}\n`));
    // The workbench hands the tests' console and exit code to these two (as
    // @vscode/test-web expects); mocha's report lines carry REPORT_TAG.
    let exit!: (code: number) => void;
    const exited = new Promise<number>((resolve) => (exit = resolve));
    await page.exposeFunction('codeAutomationExit', (code: number) => exit(code));
    await page.exposeFunction('codeAutomationLog', (type: string, parts: unknown[]) => {
      const text = parts.map(String).join(' ');
      consoleLog.write(`${stamp()} exthost ${type} ${text}\n`);
      if (text.startsWith(REPORT_TAG)) console.log(text.slice(REPORT_TAG.length));
      else if (type === 'error' && !text.includes("provider 'github'")) {
        // (the github authentication provider times out in every offline workbench)
        console.log(`  ${stamp()} extension host error: ${text.split('\n')[0]!.slice(0, 300)}`);
      }
    });
    await page.goto(workbenchUrl(codeServerUrl(), folder, payload), { timeout: 60_000 });
    const code = await Promise.race([
      exited,
      new Promise<string>((resolve) => setTimeout(() => resolve(`timeout after ${timeoutMs / 1000}s`), timeoutMs)),
    ]);
    if (code !== 0) await page.screenshot({ path: path.join(artifacts, `${label}-end.png`) }).catch(() => {});
    return code;
  } finally {
    await browser.close();
  }
}

void runSuite().then(
  (code) => {
    consoleLog.end();
    console.log(`${code === 0 ? 'PASS' : 'FAIL'} VS Code extension host suite (${label}): exit=${code} in ${stamp()}`);
    process.exit(code === 0 ? 0 : 1);
  },
  (error: unknown) => {
    console.log(`FAIL VS Code extension host suite (${label}): ${error instanceof Error ? error.stack : error}`);
    process.exit(1);
  },
);
