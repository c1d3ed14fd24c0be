// The web suite's workbench half (Node, mocha): the user's view of the browser build that
// test/e2e/run.sh web runs in code-server's web-worker extension host. A mouse hover on the
// example note shows our hover, Running Extensions lists the extension on the web worker, and a
// Hub lookup (a local Hub) adds a model to the knowledge file from there.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { codeServerUrl, launchChromium, pointOver, until, workbenchUrl, type Browser, type Page } from '../lib/browser';
import { DEEPSEEK_V3_1 } from '../lib/expected';
import { lookUpFableOnLocalHub, openFile, writeHubNote } from '../lib/workbench';
import { startFakeHub, type FakeHub } from '../../support/fakeHub';

const artifacts = path.join(process.env.RN_E2E_ARTIFACTS ?? '.e2e-artifacts', 'web');
const MENTION = 'DeepSeek';

/** Runs a command from the palette by its title. */
async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 10_000 });
  await page.keyboard.type(title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

describe('the browser build in the workbench (web-worker extension host)', function () {
  this.timeout(240_000);
  let browser: Browser;
  let page: Page;

  let hub: FakeHub | undefined;
  const folder = process.env.RN_E2E_WEB_WORKSPACE;

  before(async () => {
    if (!folder) throw new Error('RN_E2E_WEB_WORKSPACE is unset: run through bash test/e2e/run.sh web');
    // The local Hub, and the note and setting the lookup works on, before the workbench reads them;
    // the knowledge file the API half wrote goes, so the entry is added to the fixture's entities.yaml.
    hub = await startFakeHub();
    writeHubNote(folder, hub.endpoint);
    fs.rmSync(path.join(folder, '.research-notes', 'added.yaml'), { force: true });
    fs.mkdirSync(artifacts, { recursive: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const log = fs.createWriteStream(path.join(artifacts, 'browser-console.log'));
    page.on('console', (m) => log.write(`${m.type()} ${m.text()}\n`));
    await page.goto(workbenchUrl(codeServerUrl(), folder), { timeout: 60_000 });
    await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await page?.screenshot({ path: path.join(artifacts, `failed-${this.currentTest.title.replace(/\W+/g, '-')}.png`) });
  });

  after(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('shows the hover of DeepSeek-V3.1 under the mouse on the example note', async () => {
    await openFile(page, 'skt-500b-ko.md', 'SK텔레콤');
    let seen: string[] = [];
    const hover = await until(async () => {
      const point = await pointOver(page, MENTION);
      if (!point) return undefined;
      await page.mouse.move(point.x, point.y + 300);
      await page.mouse.move(point.x, point.y, { steps: 3 });
      await page.waitForFunction((want) => [...document.querySelectorAll<HTMLElement>('.monaco-hover')].some((h) => h.innerText.includes(want)), 'DeepSeek-V3.1', { timeout: 4_000 }).catch(() => undefined);
      seen = await page.locator('.monaco-hover:visible .hover-contents').allInnerTexts();
      return seen.find((text) => text.includes('DeepSeek-V3.1 · model · DeepSeek'));
    }, 90_000, () => `no hover of DeepSeek-V3.1; last seen:\n${seen.join('\n---\n')}`);
    await page.screenshot({ path: path.join(artifacts, 'hover.png') });
    // The widget renders the Markdown: the first line without its ** marks.
    assert.ok(hover.startsWith(DEEPSEEK_V3_1.replace(/\*\*/g, '')), hover);
  });

  it('lists Research Notes on the web worker host in Running Extensions', async () => {
    await page.keyboard.press('Escape');
    await runCommand(page, 'Developer: Show Running Extensions');
    const row = page.locator('.monaco-list-row', { hasText: 'Research Notes' }).first();
    const wheel = (page as unknown as { mouse: { wheel(dx: number, dy: number): Promise<void> } }).mouse;
    const text = await until(async () => {
      if (await row.isVisible()) return (await row.innerText()).replace(/\s+/g, ' ').trim();
      await page.mouse.move(640, 400);
      await wheel.wheel(0, 300); // a virtualized list: scroll until the row is rendered
      return undefined;
    }, 30_000, () => 'no Research Notes row in Running Extensions');
    await page.screenshot({ path: path.join(artifacts, 'running-extensions.png') });
    assert.match(text.toLowerCase(), /web worker/, text);
  });

  it('looks a model up on a local Hub from the web worker, previews it, and adds it to the knowledge file on "Add"', async () => {
    await page.keyboard.press('Escape');
    await lookUpFableOnLocalHub(page, folder!, artifacts);
  });
});
