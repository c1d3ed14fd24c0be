// Smoke test through the real workbench: a user's mouse over a name in the
// example note brings up our hover. Runs against the code-server test/e2e/run.sh
// started, with the extension installed from the .vsix.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { codeServerUrl, launchChromium, until, workbenchUrl, type Browser, type Page } from '../lib/browser';
import { DEEPSEEK_V3_1, PARAMETERS } from '../lib/expected';

const artifacts = path.join(process.env.RN_E2E_ARTIFACTS ?? '.e2e-artifacts', 'ui');

function workspace(): string {
  const folder = process.env.RN_E2E_UI_WORKSPACE;
  if (!folder) throw new Error('RN_E2E_UI_WORKSPACE is unset: run the e2e tests through test/e2e/run.sh');
  return folder;
}

/** Opens `name` from the Explorer (Quick Open when the Explorer is slow) and returns once its text shows. */
async function openFile(page: Page, name: string, someText: string): Promise<void> {
  const line = page.locator('.monaco-editor .view-line', { hasText: someText }).first();
  await until(async () => {
    if (await line.isVisible()) return true;
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
    if (await row.isVisible()) {
      await row.dblclick();
    } else {
      await page.keyboard.press('Control+P');
      await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 10_000 });
      await page.keyboard.type(name);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 10_000 });
      await page.keyboard.press('Enter');
    }
    return line.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => undefined);
  }, 60_000, () => `${name} did not open in an editor`, 500);
}

/** The screen point in the middle of the first rendered occurrence of `word` in the editor. */
async function pointOver(page: Page, word: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((w) => {
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
  assert.ok(point, `"${word}" is not rendered in the editor`);
  return point;
}

/**
 * Rests the mouse on `word` until a hover containing `expected` appears (the
 * server may still be starting), and returns the texts of the visible hover parts.
 */
async function hoverWidget(page: Page, word: string, expected: string): Promise<string[]> {
  let seen: string[] = [];
  return until(async () => {
    const { x, y } = await pointOver(page, word);
    await page.mouse.move(x, y + 300); // away first, so the hover is asked for again
    await page.mouse.move(x, y, { steps: 3 });
    const shown = await page
      .waitForFunction(
        (want) => [...document.querySelectorAll<HTMLElement>('.monaco-hover')].some((h) => h.innerText.includes(want)),
        expected,
        { timeout: 4_000 },
      )
      .then(() => true, () => false);
    seen = await page.locator('.monaco-hover:visible .hover-contents').allInnerTexts();
    if (!shown) return undefined;
    // Let the widget's fade-in finish, or a screenshot catches it half transparent.
    await page.waitForFunction(
      () => !document.getAnimations().some((a) => (a.effect as KeyframeEffect | null)?.target?.closest('.monaco-hover')),
      null,
      { timeout: 5_000 },
    );
    return seen;
  }, 90_000, () => `no hover with ${JSON.stringify(expected)} over "${word}"; last hover seen:\n${seen.join('\n---\n')}`);
}

/**
 * Opens the command palette, types `filter` and returns the commands it lists
 * once `shown` is among them (a command that is always there, so the list is
 * known to be filtered when we read it).
 */
async function paletteEntries(page: Page, filter: string, shown: string): Promise<string[]> {
  await page.keyboard.press('Control+Shift+P');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 10_000 });
  await page.keyboard.type(filter);
  const rows = page.locator('.quick-input-list .monaco-list-row');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: shown }).first().waitFor({ timeout: 10_000 });
  return rows.allInnerTexts();
}

describe('VS Code workbench UI (code-server, Chromium)', function () {
  this.timeout(240_000);
  let browser: Browser;
  let page: Page;

  before(async () => {
    fs.mkdirSync(artifacts, { recursive: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const log = fs.createWriteStream(path.join(artifacts, 'browser-console.log'));
    page.on('console', (m) => log.write(`${m.type()} ${m.text()}\n`));
    await page.goto(workbenchUrl(codeServerUrl(), workspace()), { timeout: 60_000 });
    await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      await page?.screenshot({ path: path.join(artifacts, `failed-${this.currentTest.title.replace(/\W+/g, '-')}.png`) });
    }
  });

  after(async () => {
    await browser?.close();
  });

  it('shows our hover when the mouse rests on DeepSeek in the example note', async () => {
    await openFile(page, 'skt-500b-ko.md', 'DeepSeek');
    // The widget renders the Markdown: **bold** loses its stars, "- " becomes a bullet.
    const parts = await hoverWidget(page, 'DeepSeek', PARAMETERS.auto.slice('- '.length));
    await page.screenshot({ path: path.join(artifacts, 'hover.png') });
    const title = DEEPSEEK_V3_1.replaceAll('**', '');
    assert.ok(
      parts.some((text) => text.split('\n')[0] === title),
      `no hover part starts with the line "${title}"; the hover showed:\n${parts.join('\n---\n')}`,
    );
    assert.equal(
      await page.locator('.monaco-hover:visible .hover-contents strong', { hasText: 'DeepSeek-V3.1' }).first().isVisible(),
      true,
      'the name is not rendered in bold',
    );
  });

  it('runs Insert Comparison Table from the command palette, offered only for Markdown', async () => {
    const insert = 'Research Notes: Insert Comparison Table';
    const showLog = 'Research Notes: Show Log'; // offered everywhere
    await openFile(page, 'plain.txt', 'plain');
    const inPlainText = await paletteEntries(page, 'Research Notes: ', showLog);
    assert.ok(!inPlainText.some((row) => row.includes(insert)), `offered for plain text:\n${inPlainText.join('\n')}`);
    await page.keyboard.press('Escape');

    await openFile(page, 'table.md', 'Two');
    await page.keyboard.press('Control+End');
    await paletteEntries(page, 'Research Notes: ', insert);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: insert }).first().click();
    await page
      .locator('.monaco-editor .view-line', { hasText: '405B[^rn-2]' })
      .first()
      .waitFor({ state: 'visible', timeout: 30_000 });
    await page.screenshot({ path: path.join(artifacts, 'table.png') });
  });
});
