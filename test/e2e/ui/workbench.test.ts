// Smoke test through the real workbench: a user's mouse over a name in the
// example note brings up our hover. Runs against the code-server test/e2e/run.sh
// started, with the extension installed from the .vsix.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { codeServerUrl, launchChromium, until, workbenchUrl, type Browser, type Page } from '../lib/browser';
import { DEEPSEEK_V3_1, PARAMETERS } from '../lib/expected';
import { hoverWidget, lookUpFableOnLocalHub, openFile, paletteEntries, writeHubNote } from '../lib/workbench';
import { startFakeHub, type FakeHub } from '../../support/fakeHub';

const artifacts = path.join(process.env.RN_E2E_ARTIFACTS ?? '.e2e-artifacts', 'ui');

function workspace(): string {
  const folder = process.env.RN_E2E_UI_WORKSPACE;
  if (!folder) throw new Error('RN_E2E_UI_WORKSPACE is unset: run the e2e tests through test/e2e/run.sh');
  return folder;
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

  it('shows the note’s models in the chart webview: one point per model, a hover over a mark with its facts, a click opening the note', async () => {
    const show = 'Research Notes: Show Models Chart';
    await openFile(page, 'table.md', 'Two');
    await paletteEntries(page, 'Research Notes: Show Models', show);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: show }).first().click();
    // The command asks which notes to chart: this one.
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'This note: table.md' }).first().click();
    // VS Code nests a webview's page in an inner frame of an outer one.
    const view = page.frameLocator('iframe.webview').frameLocator('#active-frame');
    try {
      await view.locator('svg [data-point][role="button"]').first().waitFor({ state: 'attached', timeout: 60_000 });
      const marks = await view.locator('svg [data-point]').evaluateAll((elements) =>
        elements.map((e) => `${e.getAttribute('data-point')} ${e.getAttribute('aria-label')}`),
      );
      // DeepSeek-V3.1's active count is a second mark of its point.
      assert.deepEqual([...new Set(marks)].sort(), ['0 Llama 3.1 405B', '1 DeepSeek-V3.1']);
      assert.equal(marks.length, 3, marks.join(', '));

      const tip = view.locator('#tip');
      assert.equal(await tip.isVisible(), false, 'the tooltip shows before any hover');
      await view.locator('svg [data-point="1"]').first().hover({ timeout: 10_000 });
      await tip.waitFor({ state: 'visible', timeout: 10_000 });
      assert.equal(await tip.locator('strong').innerText(), 'DeepSeek-V3.1');
      assert.deepEqual(await tip.locator('ul').first().locator('li').allInnerTexts(), [
        'Organization: DeepSeek',
        'Parameters: 671B · 37B active',
        'Release: 2025-08-21',
        'Open weights: yes',
        'Architecture: MoE',
        'Context: 128K',
        'License: MIT',
      ]);
      assert.equal(await tip.locator('div').first().innerText(), 'Mentioned in');
      const notes = await tip.locator('ul').locator('li', { hasText: 'table.md' }).allInnerTexts();
      assert.ok(notes.includes('table.md (1 mention)'), notes.join(', '));
      await page.screenshot({ path: path.join(artifacts, 'chart-hover.png') });
      await page.mouse.move(5, 790); // off the mark: the tooltip goes
      await tip.waitFor({ state: 'hidden', timeout: 10_000 });

      // A click on Llama 3.1 405B opens the note its tooltip names, which takes the focus from the chart.
      const llama = view.locator('svg [data-point="0"]').first();
      await llama.hover({ timeout: 10_000 });
      await tip.waitFor({ state: 'visible', timeout: 10_000 });
      assert.equal(await tip.locator('strong').innerText(), 'Llama 3.1 405B');
      const target = (await tip.locator('em').innerText()).match(/^Click to open (.+)$/)?.[1];
      assert.ok(target, 'the tooltip does not say which note a click opens');
      const activeTab = page.locator('.editor-group-container.active .tab.active');
      assert.match(await activeTab.innerText(), /^Models Chart: table\.md/);
      await llama.click();
      const activeName = async () => (await activeTab.innerText()).replace(/\s+/g, ''); // "table\n.md"
      await until(async () => ((await activeName()) === path.basename(target) ? true : undefined), 10_000, async () => `the active tab is "${await activeName()}", not ${target}`);
    } finally {
      // Close the chart, so the keyboard reaches the workbench again in the next tests.
      const tab = page.locator('.tabs-container .tab', { hasText: 'Models Chart: table.md' }).first();
      await tab.locator('.tab-actions .action-label').first().click();
      await page.locator('iframe.webview').first().waitFor({ state: 'hidden', timeout: 10_000 });
    }
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
  describe('Look Up on Hugging Face (a local Hub)', () => {
    let hub: FakeHub;

    before(async () => {
      hub = await startFakeHub();
      writeHubNote(workspace(), hub.endpoint);
    });

    after(async () => {
      await hub?.close();
    });

    it('searches the Hub for the name at the cursor, previews the entry, and adds it to the knowledge file on "Add"', async () => {
      await lookUpFableOnLocalHub(page, workspace(), artifacts);
    });
  });
});
