import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { DEEPSEEK_V3_1, LG_AI_RESEARCH, PARAMETERS, SK_TELECOM } from '../lib/expected';
import { assertHover, hoverAt, hovers, openNote, positionOf } from './support';

describe('hover', () => {
  describe('on the example note (skt-500b-ko.md)', () => {
    let doc: vscode.TextDocument;
    before(async () => {
      doc = await openNote('skt-500b-ko.md');
    });

    it('shows DeepSeek-V3.1 anywhere on 딥시크(DeepSeek) V3.1, with both notations', async () => {
      for (const at of ['딥시크', 'DeepSeek', 'V3.1']) {
        assertHover(await hoverAt(doc, '딥시크(DeepSeek) V3.1', at), DEEPSEEK_V3_1, [PARAMETERS.auto]);
      }
    });

    it('shows SK Telecom on SKT', async () => {
      assertHover(await hoverAt(doc, 'SKT'), SK_TELECOM);
    });

    it('shows LG AI Research on LG AI연구원', async () => {
      assertHover(await hoverAt(doc, 'LG AI연구원', '연구원'), LG_AI_RESEARCH);
    });
  });

  describe('on names in code (code.md)', () => {
    it('gives nothing inside a fenced code block or inline code', async () => {
      const doc = await openNote('code.md');
      assertHover(await hoverAt(doc, 'DeepSeek V3.1 in prose', 'DeepSeek'), DEEPSEEK_V3_1);
      for (const text of ['DeepSeek V3.1 in a fenced code block', '`DeepSeek V3.1`']) {
        assert.deepEqual(await hovers(doc.uri, positionOf(doc, text, 'DeepSeek')), [], `hover inside ${text}`);
      }
    });
  });

  it('gives nothing in a file that is not Markdown (plain.txt)', async () => {
    const doc = await openNote('plain.txt');
    assert.equal(doc.languageId, 'plaintext');
    assert.deepEqual(await hovers(doc.uri, positionOf(doc, 'DeepSeek')), []);
  });
});
