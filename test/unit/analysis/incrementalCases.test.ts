import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeNote, createRecognizers, type NoteAnalysis, type Recognizers } from '../../../server/src/analysis';
import { updateAnalysis } from '../../../server/src/analysis/incremental';
import { MENTION_MARGIN } from '../../../server/src/analysis/longParagraphs';
import type { Entity } from '../../../server/src/knowledge/types';
import { buildAliasIndex, foldChar } from '../../../server/src/recognize/aliasIndex';
import { analysisFacts } from '../../support/analysis';
import { fakeKnowledge, sampleEntities } from '../../support/fakeKnowledge';

/**
 * Named cases of incremental analysis (`analysis/incremental.ts`, `longParagraphs.ts`): each an
 * exact note and one exact edit, after which the update must equal a fresh analysis of the new
 * text. Each holds one rule of the update that the random edits of the property tests seldom
 * reach (`npm run mutants` shows which). The knowledge is hand-built, so that the cases do not
 * move when the bundled data does.
 */

const recognizersOf = (entities: readonly Entity[]): Recognizers => {
  const kb = fakeKnowledge(entities);
  return createRecognizers(kb, buildAliasIndex(kb));
};
let sampled: Recognizers | undefined;
/** Llama 3.1 405B (405B), Qwen3-235B-A22B, Mixtral 8x7B, GPT-4, DeepSeek-V3.1 and their makers. */
const sample = (): Recognizers => (sampled ??= recognizersOf(sampleEntities));

/**
 * Replaces `[start, end)` of `text` with `insert` as one change event and holds the update to a
 * fresh analysis of the new text: the same mask, and the same mentions, claims and quantities to
 * the last field. `window` is the window of long lines (`markdown/blocks.ts`), also what makes a
 * paragraph long (`longParagraphs.ts`).
 */
function edit(r: Recognizers, text: string, start: number, end: number, insert: string, window?: number): { before: NoteAnalysis; updated: NoteAnalysis; fresh: NoteAnalysis } {
  const doc = TextDocument.create('file:///note.md', 'markdown', 1, text);
  const before = analyzeNote(doc, r, window);
  const change = { range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text: insert };
  const next = TextDocument.update(TextDocument.create(doc.uri, 'markdown', 1, text), [change], 2);
  const updated = updateAnalysis(before, next, [change], r);
  const fresh = analyzeNote(next, r, window);
  const context = JSON.stringify({ text, start, end, insert, window });
  if (updated.mask !== fresh.mask) assert.deepEqual(analysisFacts(updated), analysisFacts(fresh), context);
  try {
    assert.deepEqual([updated.mentions, updated.claims, updated.quantities], [fresh.mentions, fresh.claims, fresh.quantities], context);
  } catch (error) {
    // The readable facts say what differs; the raw lists may differ in a field they leave out.
    assert.deepEqual(analysisFacts(updated), analysisFacts(fresh), context);
    throw error;
  }
  return { before, updated, fresh };
}

/** `edit` replacing the first `from` in `text` with `to`. */
function replace(r: Recognizers, text: string, from: string, to: string, window?: number) {
  const at = text.indexOf(from);
  assert.ok(at !== -1, from);
  return edit(r, text, at, at + from.length, to, window);
}

const links = (a: NoteAnalysis): string[] => a.claims.map((c) => `${c.text} ${c.qualifier} → ${c.refersTo}`);

/** A long clause of no sentence end, no name and no word of the field. */
const CLAUSE = 'which the notes below compare with the others on many tasks, one by one, with the scores each of them has on reading, writing and coding';

describe('incremental analysis, named cases', () => {
  describe('structure', () => {
    it('lists each block boundary once after an update, as a fresh scan does', () => {
      // The structure is carried from update to update: a boundary listed twice would stay, and
      // each edit elsewhere would add one more.
      const text = 'One paragraph here.\n\nTwo, with Llama 3.1 405B.\n\nThree at the end.\n\nFour.\n';
      const { updated, fresh } = replace(sample(), text, 'Llama', 'The Llama');
      const boundaries = updated.structure!.boundaries;
      assert.ok(updated.changed, 'an update, not a fresh analysis');
      assert.ok(boundaries.every((b, i) => i === 0 || b > boundaries[i - 1]), `ascending, each once: ${boundaries}`);
      assert.deepEqual(boundaries, fresh.structure!.boundaries);
    });
  });

  describe('mentions', () => {
    it('starts the mention rescan at the start of an old mention when its reach back falls inside one', () => {
      // The rescan reaches back reach + 70 characters other than spaces (`countedReach`) from the
      // edit: into `Super`, after its first letter. It must start at `Super`, or it finds `Nova 2`
      // inside `Super Nova 2`.
      const r = recognizersOf([
        { kind: 'model', id: 'nova-2', name: 'Nova 2', aliases: [], sources: [] },
        { kind: 'model', id: 'super-nova-2', name: 'Super Nova 2', aliases: [], sources: [] },
      ]);
      const text = `The first note compares Super Nova 2 with others,${' and so on'.repeat(9)}.\n\nShort one.\n`;
      const at = text.indexOf('Short');
      const counted = (from: string) => [...text.slice(text.indexOf(from), at)].filter((c) => foldChar(c) !== ' ' && foldChar(c) !== '').length;
      const back = r.reach! + 71;
      assert.ok(counted('Super') - 1 > back && back > counted('Nova'), `${counted('Super')} > ${back} > ${counted('Nova')}`);
      const { updated } = edit(r, text, at, at, 'A ');
      assert.deepEqual(updated.mentions.map((m) => m.text), ['Super Nova 2']);
    });

    it('reads a whole long paragraph again when an edit joins it to the one before (a line break removed)', () => {
      // The joined paragraph is about AI by words the edit left alone, but the second half was not
      // before: `Claude` far from the join becomes a mention.
      const r = recognizersOf([
        ...sampleEntities,
        { kind: 'family', id: 'claude', name: 'Claude', aliases: [], sources: [], ambiguous: true, organization: 'anthropic' },
        { kind: 'organization', id: 'anthropic', name: 'Anthropic', aliases: [], sources: [] },
      ]);
      const sky = 'The wind and the bird over the sea. '.repeat(12);
      const text = `A note on the AI model. ${sky}\n\n${sky}Claude Monet painted the sky.\n`;
      const { before, updated } = replace(r, text, '\n\n', ' ', 64);
      assert.deepEqual(before.mentions, []);
      assert.deepEqual(updated.mentions.map((m) => m.text), ['Claude']);
    });

    it('reads mentions only around an edit in a long paragraph about AI by a word far before it', () => {
      // The one word of the field stands more than 4096 characters before the edit (`NEAR`), in a
      // paragraph longer than the window of long lines (8192) but shorter than eight of them.
      const text = `An AI note. ${'The wind and the bird over the sea. '.repeat(300)}The end.`;
      const at = text.length - 2000;
      const { updated } = edit(sample(), text, at, at, 'x');
      assert.ok(updated.changed, 'an update, not a fresh analysis');
      const { start, end } = updated.changed;
      assert.ok(start >= at - 1000 && end <= at + 1000, `changed ${start}–${end} around ${at}`);
    });
  });

  describe('short forms', () => {
    it('keeps a first mention before the edit in the window where it was, not moved by the edit', () => {
      const r = recognizersOf([{ kind: 'model', id: 'llama-4-maverick', name: 'Llama 4 Maverick', aliases: [], sources: [] }]);
      const text = 'Intro.\n\nLlama 4 Maverick, or Maverick for short, is open.\n\nEnd.\n';
      const { updated } = replace(r, text, ' is open', ', and many words more than the name before it is open');
      assert.deepEqual(updated.mentions.map((m) => m.text), ['Llama 4 Maverick', 'Maverick']);
    });

    it('derives the short forms again when a full mention is written otherwise (same model, other text)', () => {
      // `Acme Lyra`, an alias, defines the short form `Lyra`; `Acme Orion` does not.
      const r = recognizersOf([{ kind: 'model', id: 'acme-orion', name: 'Acme Orion', aliases: ['Acme Lyra'], sources: [] }]);
      const text = 'Intro.\n\nAcme Orion is out, and Lyra too.\n\nEnd.\n';
      const { before, updated } = replace(r, text, 'Orion', 'Lyra');
      assert.deepEqual(before.mentions.map((m) => m.text), ['Acme Orion']);
      assert.deepEqual(updated.mentions.map((m) => m.text), ['Acme Lyra', 'Lyra']);
    });

    it('finds a row form that runs past the end of the rescan in a long table', () => {
      // The table's body is longer than the window, so mentions are found again up to
      // `MENTION_MARGIN` characters past the edit (in the row above): that point falls inside
      // `Mini`, Phi-3-mini by its row's family cell.
      const r = recognizersOf([
        { kind: 'family', id: 'phi-3', name: 'Phi-3', aliases: [], sources: [] },
        { kind: 'model', id: 'phi-3-mini', name: 'Phi-3-mini', family: 'phi-3', aliases: [], sources: [] },
        { kind: 'model', id: 'phi-3-small', name: 'Phi-3-small', family: 'phi-3', aliases: [], sources: [] },
      ]);
      const rows = (fill: string): string =>
        `Phi-3 is a model family.\n\n| Family | Notes |\n| --- | --- |\n| Phi-3 | wxrd ${fill} |\n| Phi-3 | ${'one model of the family, '.repeat(16)}Mini |\n`;
      const at = rows('').indexOf('wxrd') + 1;
      const text = rows('a'.repeat(at + MENTION_MARGIN - rows('').lastIndexOf('Mini')));
      assert.equal(text.lastIndexOf('Mini') - (at + 1), MENTION_MARGIN - 1, 'Mini starts one character before the rescan’s end');
      const { updated } = edit(r, text, at, at + 1, 'o', 64);
      assert.ok(updated.mentions.some((m) => m.text === 'Mini' && m.start > at + 400 && m.id === 'phi-3-mini'));
    });

    it('finds a row form again as far after an edit of its family as a row form reads back to its family', () => {
      // A row form names its row's family's member when the family is within 512 characters before
      // it (`ROW_REACH`, `recognize/shortForms.ts`), further than the 320 characters a link reads.
      const r = recognizersOf([
        { kind: 'family', id: 'phi-3', name: 'Phi-3', aliases: [], sources: [] },
        { kind: 'model', id: 'phi-3-mini', name: 'Phi-3-mini', family: 'phi-3', aliases: [], sources: [] },
      ]);
      const filler = 'one model of the family, '.repeat(17);
      const text = `Phi-3 is a model family.\n\n| Family | Notes |\n| --- | --- |\n| Phi-X | ${filler}Mini |\n| Phi-3 | Mini |\n`;
      const at = text.indexOf('Phi-X') + 4;
      assert.ok(text.indexOf('Mini |', at) - at > 400);
      const { updated } = edit(r, text, at, at + 1, '3', 64);
      assert.deepEqual(updated.mentions.filter((m) => m.text === 'Mini').map((m) => m.id), ['phi-3-mini', 'phi-3-mini']);
    });

    it('drops the old short form that a form found past the rescan’s end now covers', () => {
      // `Acme Nova Nova` defines the forms `Nova Nova` and `Nova`. In a run of `Nova`s the forms
      // pair up from the run's start: deleting one `Nova` near it pairs the rest the other way, to
      // the run's end, far past where the mentions of this long paragraph are read again: the scan
      // of forms goes on until the old pairs and the new meet, and the old lone `Nova` at the end
      // goes. (The run is spaced unevenly, so that the mask's changed span stays at the edit.)
      const r = recognizersOf([{ kind: 'model', id: 'acme-nova-nova', name: 'Acme Nova Nova', aliases: [], sources: [] }]);
      const run = Array.from({ length: 199 }, (_, i) => `Nova${(i * i) % 7 < 3 ? '  ' : ' '}`).join('');
      const text = `Acme Nova Nova is a model. ${run}end of it all.`;
      assert.ok(run.length > MENTION_MARGIN + 200);
      const { before, updated } = edit(r, text, 39, 44, '', 64);
      assert.deepEqual([before.mentions.at(-1)!.text, updated.mentions.at(-1)!.text], ['Nova', 'Nova  Nova']);
    });
  });

  describe('claims', () => {
    it('reads a count again as the end of a range that began in the paragraph before, with two characters between', () => {
      // `8B to` ends the first paragraph; the edit is far enough into the second that its
      // mentions are not read again from the first.
      const text = `Llama 3.1 405B is one of the open models, and it comes in 8B to\n\n70B sizes as well; ${CLAUSE}, and more of that kind.\n`;
      const { updated } = replace(sample(), text, 'more of that', 'x more of that');
      assert.deepEqual(links(updated), ['8B range → null', '70B range → null']);
    });

    it('keeps the reading of the neighbour before a widened window: a chain of ranges across three paragraphs', () => {
      // The edit is in the third paragraph; `8B to` / `70B` widen the window back to the second,
      // whose first count `13B` ends a range begun in the first (`7B –`).
      const text = `Llama 3.1 405B comes in many sizes, the small one 7B –\n\n13B for the rest of the family, the models that came after it, and then 8B to\n\n70B for the large ones, ${CLAUSE}, and more of that kind.\n`;
      const { updated } = replace(sample(), text, 'more of that', 'x more of that');
      assert.deepEqual(links(updated), ['7B range → null', '13B range → null', '8B range → null', '70B range → null']);
    });

    it('keeps the reading of the neighbour after a widened window: a chain of ranges across three paragraphs', () => {
      // The edit is in the first paragraph; `8B to` / `70B` widen the window on to the second,
      // whose last count `7B –` begins a range that ends in the third (`13B`).
      const text = `Llama 3.1 405B comes in many sizes, ${CLAUSE}, the small one 8B to\n\n70B for the large ones, and then 7B –\n\n13B for the rest, which is more than enough.\n`;
      const { updated } = replace(sample(), text, 'many sizes', 'many sizes x');
      assert.deepEqual(links(updated), ['8B range → null', '70B range → null', '7B range → null', '13B range → null']);
    });

    it('reads a table body longer than the window with the header above it: a paragraph of several lines has no sentence window', () => {
      // A transposed table (no column of models; a row's first cell names the measure): each cell
      // is about the model its column's header names. The header ends in a name without a size,
      // so that no count in it widens the window back to it.
      const text =
        'Sizes of open models.\n\n| Spec | Mixtral 8x7B | Qwen3-235B-A22B | Llama 3.1 405B | GPT-4 |\n| --- | --- | --- | --- | --- |\n' +
        '| Params | 46.7B | 235B | 405B | 1.8T |\n| Active | 13B | 22B | 405B | 280B |\n\nEnd.\n';
      const { updated } = replace(sample(), text, '235B |', '236B |', 64);
      assert.deepEqual(links(updated).slice(0, 4), ['46.7B exact → mixtral-8x7b', '236B exact → qwen3-235b-a22b', '405B exact → llama-3.1-405b', '1.8T exact → gpt-4']);
    });

    it('reads the counts of the sentence before the one the rescan starts in again: they read the whole paragraph for words about models', () => {
      // A Korean count needs its paragraph to speak of models (`recognize/quantities.ts`). The
      // paragraph is long and about AI, so mentions are read again from 320 characters before the
      // edit, in the long sentence after the count's; the edit brings the paragraph's first `model`.
      const text = `The AI news. SKT는 5000억 규모를 발표했다. ${'The wind and the bird over the sea and '.repeat(12)}the end. More of the sky.`;
      const { before, updated } = replace(sample(), text, 'the end', 'a model and the end', 64);
      assert.deepEqual(links(before), []);
      assert.deepEqual(links(updated), ['5000억 exact → null']);
    });

    it('reads a Korean count far from an edit again when the edit brings or takes the only word about models of its long paragraph', () => {
      // `5000억` counts only in a paragraph that speaks of models (`recognize/quantities.ts`); the
      // edit is many sentences before it, in a one-line paragraph longer than the window.
      const text = `The AI news. ${'The wind and the bird over the sea. '.repeat(40)}SKT는 5000억 규모를 발표했다. The end.`;
      const { updated } = edit(sample(), text, 0, 0, 'A model. ', 64);
      assert.deepEqual(links(updated), ['5000억 exact → null']);
      const back = edit(sample(), `A model. ${text}`, 0, 9, '', 64);
      assert.deepEqual(links(back.updated), []);
    });

    it('links a count again in the sentence after a long edited sentence of a long paragraph, which it reads its model from', () => {
      // The edited sentence runs on more than 320 characters past the edit; `It has 405B
      // parameters.` takes its model from it (and no longer agrees with Mixtral 8x7B).
      const text = `Notes on a model. Llama 3.1 405B is out, ${'and the wind and the sky over the sea '.repeat(11)}as they say. It has 405B parameters. More words of the sky.`;
      const { before, updated } = replace(sample(), text, 'Llama 3.1 405B', 'Mixtral 8x7B', 64);
      assert.deepEqual(links(before), ['405B exact → llama-3.1-405b']);
      assert.deepEqual(links(updated), ['405B exact → null']);
    });
  });
});
