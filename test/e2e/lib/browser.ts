// Debian's Chromium driven by playwright-core against code-server's workbench.
// playwright-core lives in the e2e cache outside the repository (test/e2e/lib/env.sh),
// so it is loaded from RN_E2E_PLAYWRIGHT and typed here by the few calls we make.
export interface Box { x: number; y: number; width: number; height: number }

export interface Locator {
  first(): Locator;
  waitFor(options?: { state?: 'attached' | 'visible' | 'hidden'; timeout?: number }): Promise<void>;
  isVisible(): Promise<boolean>;
  click(): Promise<void>;
  dblclick(): Promise<void>;
  allInnerTexts(): Promise<string[]>;
  innerText(): Promise<string>;
  fill(value: string): Promise<void>;
  locator(selector: string, options?: { hasText?: string | RegExp }): Locator;
  hover(options?: { timeout?: number }): Promise<void>;
  evaluateAll<R>(fn: (elements: Element[]) => R): Promise<R>;
}

/** A frame found by its element, as Playwright's `frameLocator` chains them (VS Code nests webviews two frames deep). */
export interface FrameLocator {
  locator(selector: string, options?: { hasText?: string | RegExp }): Locator;
  frameLocator(selector: string): FrameLocator;
}

export interface Page {
  frameLocator(selector: string): FrameLocator;
  goto(url: string, options?: { timeout?: number }): Promise<unknown>;
  exposeFunction(name: string, callback: (...args: any[]) => unknown): Promise<void>;
  on(event: 'console', listener: (message: { type(): string; text(): string }) => void): void;
  on(event: 'pageerror', listener: (error: Error) => void): void;
  screenshot(options: { path: string }): Promise<unknown>;
  locator(selector: string, options?: { hasText?: string | RegExp }): Locator;
  waitForSelector(selector: string, options?: { state?: 'visible'; timeout?: number }): Promise<unknown>;
  waitForFunction<A>(fn: (arg: A) => unknown, arg: A, options: { timeout: number; polling?: number }): Promise<unknown>;
  evaluate<R, A>(fn: (arg: A) => R, arg: A): Promise<R>;
  mouse: {
    move(x: number, y: number, options?: { steps?: number }): Promise<void>;
    click(x: number, y: number): Promise<void>;
  };
  keyboard: { press(key: string): Promise<void>; type(text: string): Promise<void> };
}

export interface Browser {
  newPage(options?: { viewport?: { width: number; height: number } }): Promise<Page>;
  close(): Promise<void>;
}

interface PlaywrightCore {
  chromium: { launch(options: { executablePath: string; headless?: boolean; args?: string[] }): Promise<Browser> };
}

/** Chromium with a throw-away profile and no calls to Google services. */
export async function launchChromium(): Promise<Browser> {
  const where = process.env.RN_E2E_PLAYWRIGHT;
  if (!where) throw new Error('RN_E2E_PLAYWRIGHT is unset: run the e2e tests through test/e2e/run.sh');
  const { chromium } = require(where) as PlaywrightCore;
  return chromium.launch({
    executablePath: process.env.RN_E2E_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', // CI runs as root
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The code-server this run started (test/e2e/run.sh exports its URL). */
export function codeServerUrl(): string {
  const url = process.env.RN_E2E_CODE_SERVER;
  if (!url) throw new Error('RN_E2E_CODE_SERVER is unset: run the e2e tests through test/e2e/run.sh');
  return url;
}

/**
 * The workbench URL for a folder on the server. `payload` carries developer
 * entries (extensionDevelopmentPath, extensionTestsPath) as server-side paths;
 * code-server honours them only with `--vscode-option enable-smoke-test-driver`.
 */
export function workbenchUrl(server: string, folder: string, payload: Record<string, string> = {}): string {
  const remote = (p: string) => `vscode-remote://${new URL(server).host}${p}`;
  const entries = Object.entries(payload).map(([key, p]) => [key, remote(p)]);
  const query = new URLSearchParams({ folder });
  if (entries.length) query.set('payload', JSON.stringify(entries));
  return `${server}/?${query}`;
}

/** Resolves when `check` returns a value other than undefined; rejects with `describe()` at the deadline. */
export async function until<T>(
  check: () => Promise<T | undefined>,
  timeoutMs: number,
  describe: () => string | Promise<string>,
  intervalMs = 250,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() >= deadline) throw new Error(`timed out after ${timeoutMs / 1000}s: ${await describe()}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** The middle of the first rendered `word` in the editor. */
export async function pointOver(page: Page, word: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((w) => {
    const walker = document.createTreeWalker(document.querySelector('.monaco-editor .view-lines')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(w);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + w.length);
      const r = range.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }
    return null;
  }, word);
}
