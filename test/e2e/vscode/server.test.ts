// The server's life as the user sees it: Restart Server, a stopped server, a server
// that dies (restarted by the client) and one that keeps dying (given up: "crashed").
// Runs last: it stops, kills and restarts the server the other suites use.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LanguageClient as NodeLanguageClient } from 'vscode-languageclient/node';
import { DEEPSEEK_V3_1, PARAMETERS } from '../lib/expected';
import { assertHover, eventually, extension, hoverAt, hovers, openNote, positionOf } from './support';

const RESTART = 'researchNotes.restartServer';
const TABLE = 'researchNotes.insertComparisonTable';
const NOT_RUNNING = 'The Research Notes server is not running.';
const MENTION = '딥시크(DeepSeek) V3.1';

const api = () => extension().exports;
// The desktop build: the server is a Node process.
const serverPid = () => (api().client as NodeLanguageClient).serverProcess?.pid;

/** What the Markdown language status item shows, as the user reads it. */
function statusShown() {
  const { text, detail, severity, busy, command } = api().status;
  return { text, detail, severity: vscode.LanguageStatusSeverity[severity], busy, command: command?.command };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits until a server process other than `previous` runs and has reported its knowledge. */
async function runningAgain(previous: number | undefined, expectedText: string): Promise<number> {
  await eventually(
    'a new running server and its status',
    async () => ({ running: api().client.isRunning(), fresh: serverPid() !== previous, ...statusShown() }),
    (s) => s.running && s.fresh && s.text === expectedText,
  );
  return serverPid()!;
}

async function assertHoverWorks(doc: vscode.TextDocument): Promise<void> {
  assertHover(await hoverAt(doc, MENTION, 'DeepSeek'), DEEPSEEK_V3_1, [PARAMETERS.auto]);
}

describe('server lifecycle', () => {
  let doc: vscode.TextDocument;
  /** The status while the server runs, e.g. "Research Notes: 412 entities", taken before anything is restarted. */
  let runningText: string;

  before(async () => {
    doc = await openNote('skt-500b-ko.md');
    await assertHoverWorks(doc);
    const running = await eventually('the status of the running server', async () => statusShown(), (s) => s.text.endsWith(' entities'));
    runningText = running.text;
  });

  it('shows the running server\'s entity count, with the log as its command', () => {
    assert.match(runningText, /^Research Notes: [1-9]\d* entities$/);
    assert.deepEqual(statusShown(), {
      text: runningText,
      detail: 'bundled knowledge only',
      severity: 'Information',
      busy: false,
      command: 'researchNotes.showLog',
    });
  });

  it('declares "Research Notes: Restart Server" and registers it', async () => {
    const commands = extension().packageJSON.contributes.commands as { command: string }[];
    assert.deepEqual(commands.find((c) => c.command === RESTART), { command: RESTART, title: 'Restart Server', category: 'Research Notes' });
    assert.ok((await vscode.commands.getCommands(true)).includes(RESTART), `${RESTART} is not a registered command`);
  });

  it('Restart Server ends the server process and starts a new one; hovers work and the status is back', async () => {
    const before = serverPid();
    assert.ok(before, 'no server process before the restart');
    await vscode.commands.executeCommand(RESTART);
    assert.equal(api().client.isRunning(), true);
    await runningAgain(before, runningText);
    await eventually('the previous server process to end', async () => alive(before), (a) => !a);
    await assertHoverWorks(doc);
  });

  it('a stopped server shows "stopped"; the table command says so instead of failing; Restart Server starts it', async () => {
    await api().client.stop();
    assert.deepEqual(statusShown(), {
      text: 'Research Notes: stopped',
      detail: 'The server is not running.',
      severity: 'Warning',
      busy: false,
      command: RESTART,
    });
    assert.deepEqual(await hovers(doc.uri, positionOf(doc, MENTION, 'DeepSeek')), []);

    const table = await openNote('table.md');
    const original = table.getText();
    assert.deepEqual(await vscode.commands.executeCommand(TABLE), { applied: false, message: NOT_RUNNING });
    assert.equal(table.getText(), original);

    // The Entities view shows nothing (its welcome says why), and its commands do not fail.
    const entities = api().entities;
    assert.deepEqual(await entities.getChildren(), []);
    await vscode.commands.executeCommand('researchNotes.entities.showCurrentNote');
    assert.deepEqual(await entities.getChildren(), []);
    await vscode.commands.executeCommand('researchNotes.entities.showAllNotes');
    await vscode.commands.executeCommand('researchNotes.entities.refresh');

    await openNote('skt-500b-ko.md');
    const viewRefreshed = new Promise<void>((resolve) => {
      const listener = entities.onDidChangeTreeData(() => api().client.isRunning() && (listener.dispose(), resolve()));
    });
    await vscode.commands.executeCommand(RESTART);
    await runningAgain(undefined, runningText);
    await assertHoverWorks(doc);
    await viewRefreshed;
    await eventually('the Entities view back after the restart', async () => (await entities.getChildren())?.length ?? 0, (n) => n > 0);
  });

  it('a server that dies is started again by the client', async () => {
    const before = serverPid()!;
    process.kill(before, 'SIGKILL');
    await runningAgain(before, runningText);
    await assertHoverWorks(doc);
  });

  it('a server that keeps dying shows "server crashed" (Error, with the log); Restart Server recovers', async function () {
    this.timeout(180_000);
    // The language client restarts a dead server four times in three minutes, then gives up.
    let kills = 1; // the test before
    while (statusShown().text !== 'Research Notes: server crashed') {
      assert.ok(kills < 5, `still not "crashed" after ${kills} kills: ${JSON.stringify(statusShown())}`);
      const pid = serverPid()!;
      process.kill(pid, 'SIGKILL');
      kills++;
      await eventually(
        'the server back or given up',
        async () => ({ running: api().client.isRunning(), pid: serverPid(), ...statusShown() }),
        (s) => s.text === 'Research Notes: server crashed' || (s.running && s.pid !== pid && s.text === runningText),
      );
    }
    assert.equal(kills, 5);
    assert.deepEqual(statusShown(), {
      text: 'Research Notes: server crashed',
      detail: 'The server stopped unexpectedly and was not restarted.',
      severity: 'Error',
      busy: false,
      command: 'researchNotes.showLog',
    });
    assert.equal(api().client.isRunning(), false);
    assert.deepEqual(await vscode.commands.executeCommand(TABLE), { applied: false, message: NOT_RUNNING });
    assert.deepEqual(await api().entities.getChildren(), []);

    await vscode.commands.executeCommand(RESTART);
    await runningAgain(undefined, runningText);
    await assertHoverWorks(doc);
  });
});
