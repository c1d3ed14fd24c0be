// Smoke test through the real workbench: a user's mouse over a name in the
// example note brings up our hover. Runs against the code-server test/e2e/run.sh
// started, with the extension installed from the .vsix.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { codeServerUrl, launchChromium, pointOver as pointIn, until, workbenchUrl, type Browser, type Page } from '../lib/browser';
import { DEEPSEEK_V3_1, PARAMETERS } from '../lib/expected';
import { startFakeHub, type FakeHub } from '../../support/fakeHub';

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
      // File search may not list a file written a moment ago yet: close Quick Open and try again.
      const listed = await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 10_000 }).then(() => true, () => false);
      await page.keyboard.press(listed ? 'Enter' : 'Escape');
      if (!listed) return undefined;
    }
    return line.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => undefined);
  }, 60_000, () => `${name} did not open in an editor`, 500);
}

/** The screen point in the middle of the first rendered occurrence of `word` in the editor. */
async function pointOver(page: Page, word: string): Promise<{ x: number; y: number }> {
  const point = await pointIn(page, word);
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
    const knowledgeFile = () => path.join(workspace(), '.research-notes', 'entities.yaml');

    before(async () => {
      hub = await startFakeHub();
      fs.mkdirSync(path.join(workspace(), '.vscode'), { recursive: true });
      fs.writeFileSync(path.join(workspace(), '.vscode', 'settings.json'), JSON.stringify({ 'researchNotes.hub.endpoint': hub.endpoint }));
      fs.writeFileSync(path.join(workspace(), 'hub.md'), '# New models\n\nFable-7B-Instruct came out this week.\n');
    });

    after(async () => {
      await hub?.close();
    });

    it('searches the Hub for the name at the cursor, previews the entry, and adds it to the knowledge file on "Add"', async () => {
      const lookUp = 'Research Notes: Look Up on Hugging Face…';
      await openFile(page, 'hub.md', 'came out');
      const { x, y } = await pointOver(page, 'Fable');
      await page.mouse.click(x, y);
      // The search for the word at the cursor lists the Hub's models with their downloads. Until
      // the workbench has read the new settings.json, the command asks the real Hub and says it
      // cannot reach it: close the Quick Pick and run the command again.
      await until(
        async () => {
          await paletteEntries(page, 'Research Notes: Look', lookUp);
          await page.locator('.quick-input-list .monaco-list-row', { hasText: lookUp }).first().click();
          const listed = await page
            .locator('.quick-input-list .monaco-list-row', { hasText: 'fable-lab/Fable-7B-Instruct-GPTQ' })
            .first()
            .waitFor({ timeout: 10_000 })
            .then(() => true, () => false);
          if (!listed) await page.keyboard.press('Escape');
          return listed || undefined;
        },
        60_000,
        () => 'the Quick Pick never listed the local Hub\'s search results',
      );
      await page.locator('.quick-input-widget input').fill('fable-lab/Fable-7B-Instruct');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'repository id' }).first().waitFor({ timeout: 10_000 });
      await page.keyboard.press('Enter');
      // The preview: the entry as the file will read, before anything is written.
      const dialog = page.locator('.monaco-dialog-box');
      await dialog.waitFor({ state: 'visible', timeout: 30_000 });
      const preview = await dialog.innerText();
      assert.match(preview, /Add Fable-7B-Instruct to \.research-notes\/entities\.yaml\?/);
      assert.match(preview, /total: 7241732096/);
      assert.equal(fs.existsSync(knowledgeFile()), false, 'written before the user accepted');
      await page.screenshot({ path: path.join(artifacts, 'hub-preview.png') });
      await dialog.locator('.monaco-button', { hasText: /^Add$/ }).first().click();
      // The edit creates the file, then the command saves the entry into it: wait for the saved text.
      const saved = () => (fs.existsSync(knowledgeFile()) ? fs.readFileSync(knowledgeFile(), 'utf8') : '');
      const written = await until(async () => (saved().includes('- id: fable-7b-instruct') ? saved() : undefined), 30_000, () => `the knowledge file was not written: ${JSON.stringify(saved())}`);
      assert.match(written, /\n {2}- id: fable-7b-instruct\n {4}name: Fable-7B-Instruct\n/);
      assert.match(written, /url: "https:\/\/huggingface\.co\/fable-lab\/Fable-7B-Instruct", kind: model card, readVia: "http:\/\/127\.0\.0\.1:\d+\/fable-lab\/Fable-7B-Instruct"/);
      // The server reloads the saved file: the note's hover shows the new count. (Seen here: after
      // the mouse had rested on "Fable", where the click put the cursor, before the entry existed,
      // the workbench did not ask the server for that hover again within 20 s; the test rests the
      // mouse on another part of the name, which it asks for again.)
      await openFile(page, 'hub.md', 'came out');
      const parts = await hoverWidget(page, 'Instruct', 'Parameters: 7.242B (72.42억) total');
      assert.ok(parts.some((p) => p.includes('fable-lab')), parts.join('\n---\n'));
      await page.screenshot({ path: path.join(artifacts, 'hub-hover.png') });
    });
  });
});
