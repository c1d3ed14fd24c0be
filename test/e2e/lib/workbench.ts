// What the workbench suites (desktop UI and web) do through the DOM with the mouse and keyboard.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pointOver as pointIn, until, type Page } from './browser';

/** Opens `name` from the Explorer (Quick Open when the Explorer is slow) and returns once its text shows. */
export async function openFile(page: Page, name: string, someText: string): Promise<void> {
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
export async function pointOver(page: Page, word: string): Promise<{ x: number; y: number }> {
  const point = await pointIn(page, word);
  assert.ok(point, `"${word}" is not rendered in the editor`);
  return point;
}

/**
 * Rests the mouse on `word` until a hover containing `expected` appears (the
 * server may still be starting), and returns the texts of the visible hover parts.
 */
export async function hoverWidget(page: Page, word: string, expected: string): Promise<string[]> {
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
export async function paletteEntries(page: Page, filter: string, shown: string): Promise<string[]> {
  await page.keyboard.press('Control+Shift+P');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 10_000 });
  await page.keyboard.type(filter);
  const rows = page.locator('.quick-input-list .monaco-list-row');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: shown }).first().waitFor({ timeout: 10_000 });
  return rows.allInnerTexts();
}

/** The note and the workspace setting {@link lookUpFableOnLocalHub} works on. */
export function writeHubNote(workspace: string, endpoint: string): void {
  fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'researchNotes.hub.endpoint': endpoint }));
  fs.writeFileSync(path.join(workspace, 'hub.md'), '# New models\n\nFable-7B-Instruct came out this week.\n');
}

/**
 * "Look Up on Hugging Face…" against a local Hub (`researchNotes.hub.endpoint` in the workspace's
 * settings) on `hub.md` ("Fable-7B-Instruct came out this week."): the search lists the Hub's
 * models, the preview shows the entry before anything is written, "Add" writes it into
 * `.research-notes/entities.yaml` (made, or added to) with its citation, and the note's hover
 * shows the new count.
 */
export async function lookUpFableOnLocalHub(page: Page, workspace: string, artifacts: string): Promise<void> {
  const knowledgeFile = path.join(workspace, '.research-notes', 'entities.yaml');
  const saved = () => (fs.existsSync(knowledgeFile) ? fs.readFileSync(knowledgeFile, 'utf8') : '');
  const before = saved();
  const lookUp = 'Research Notes: Look Up on Hugging Face…';
  await openFile(page, 'hub.md', 'came out');
  const { x, y } = await pointOver(page, 'Fable');
  // The search for the word at the cursor lists the Hub's models with their downloads. Until
  // the workbench has read the new settings.json, the command asks the real Hub and says it
  // cannot reach it: close the Quick Pick and run the command again. (The palette offers the
  // command only with the note's editor focused, which a click just after opening may not do yet.)
  await until(
    async () => {
      await page.mouse.click(x, y);
      const offered = await paletteEntries(page, 'Research Notes: Look', lookUp).then(() => true, () => false);
      if (!offered) return void (await page.keyboard.press('Escape'));
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
  assert.equal(saved(), before, 'written before the user accepted');
  await page.screenshot({ path: path.join(artifacts, 'hub-preview.png') });
  await dialog.locator('.monaco-button', { hasText: /^Add$/ }).first().click();
  // The edit creates the file, then the command saves the entry into it: wait for the saved text.
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
}
