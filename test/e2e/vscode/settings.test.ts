import * as vscode from 'vscode';
import { DEEPSEEK_V3_1, PARAMETERS } from '../lib/expected';
import { assertHover, eventually, hoverAt, hovers, openNote, positionOf } from './support';

describe('settings', () => {
  const config = () => vscode.workspace.getConfiguration('researchNotes');

  after(async () => {
    await config().update('numberFormat', undefined, vscode.ConfigurationTarget.Global);
  });

  it('researchNotes.numberFormat changes how the hover writes parameter counts', async () => {
    const doc = await openNote('skt-500b-ko.md');
    const mention = '딥시크(DeepSeek) V3.1';
    let previous = await hoverAt(doc, mention, 'DeepSeek');
    // Each differs from the one before, so a changed hover shows the setting arrived.
    for (const format of ['B', '억', 'both'] as const) {
      await config().update('numberFormat', format, vscode.ConfigurationTarget.Global);
      const [hover] = await eventually(
        `hover after numberFormat=${format}`,
        () => hovers(doc.uri, positionOf(doc, mention, 'DeepSeek')),
        (parts) => parts.length === 1 && parts[0] !== previous,
      );
      assertHover(hover!, DEEPSEEK_V3_1, [PARAMETERS[format]]);
      previous = hover!;
    }
  });
});
