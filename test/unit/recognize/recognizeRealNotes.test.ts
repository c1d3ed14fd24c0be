import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeNote, createRecognizers, type NoteAnalysis, type Recognizers } from '../../../server/src/analysis';
import { updateAnalysis } from '../../../server/src/analysis/incremental';
import { inAddress } from '../../../server/src/recognize/addresses';
import { buildAliasIndex } from '../../../server/src/recognize/aliasIndex';
import { isGenericWord } from '../../../server/src/recognize/genericWords';
import { memberFormsOf, shortFormsOf } from '../../../server/src/recognize/shortForms';
import { fakeKnowledge } from '../../support/fakeKnowledge';
import { bundledKnowledge } from '../../support/knowledge';
import { applyEdit, SEED, type Edit } from '../../support/randomNotes';

/**
 * Classes of errors seen on the real-note corpus (#13), each both ways, as the server recognizes
 * (all recognizers, bundled knowledge): names inside addresses and file names, words of the field
 * taken for short forms, short forms a family's generation defines (`Scout-17B-16E` in a
 * `Llama 4` row), and tables written without outer pipes.
 */
const { kb, index } = bundledKnowledge();
const recognizers = createRecognizers(kb, index);
const analyze = (text: string, r: Recognizers = recognizers): NoteAnalysis => analyzeNote(TextDocument.create('file:///n.md', 'markdown', 1, text), r);
/** `[start, end) text → id`, `*` for a short form. */
const mentions = (text: string, r: Recognizers = recognizers): string[] =>
  analyze(text, r).mentions.map((m) => `[${m.start}, ${m.end}) ${m.text} → ${m.id}${m.short ? '*' : ''}`);
const claims = (text: string): string[] => analyze(text).claims.map((c) => `[${c.start}, ${c.end}) ${c.text} ${c.value} → ${c.refersTo}`);

describe('recognition on real notes (#13)', () => {
  describe('names inside addresses and file names', () => {
    it('finds no name in a bare web address with a path, or one in angle brackets', () => {
      assert.deepEqual(mentions('- 저장소 : github.com/meta-llama/llama-models'), []);
      assert.deepEqual(mentions('Meta의 모델 코드: <github.com/meta-llama/llama-models>'), ['[0, 4) Meta → meta']);
      assert.deepEqual(mentions('The Llama model library: ollama.com/library/llama3.'), ['[4, 9) Llama → meta-llama']);
      assert.deepEqual(mentions('Weights at https://huggingface.co/meta-llama and hf.co/deepseek-ai.'), []);
    });

    it('finds no name in a file name, in prose or as a link’s text', () => {
      assert.deepEqual(mentions('The [standalone-olmo3-plus-kvcache.ipynb](x.ipynb) notebook runs OLMo.'), ['[65, 69) OLMo → ai2-olmo']);
      assert.deepEqual(mentions('Run qwen3_demo.py, then open models/llama4/MODEL_CARD.md for the model.'), []);
    });

    it('keeps a repository id in an address, a name with a dotted domain, and names around addresses', () => {
      assert.deepEqual(mentions('See huggingface.co/Qwen/Qwen3-8B for the weights.'), ['[19, 32) Qwen/Qwen3-8B → qwen3-8b']);
      assert.deepEqual(mentions('See huggingface.co/meta-llama/Llama-3.1-8B for the model.'), ['[19, 42) meta-llama/Llama-3.1-8B → meta-llama-3.1-8b']);
      assert.deepEqual(mentions('DeciLM is a model from Deci.AI, like Mistral.AI and its models.'), [
        '[0, 6) DeciLM → decilm',
        '[23, 30) Deci.AI → deci',
        '[37, 44) Mistral → mistral-ai',
      ]);
      // A slash alone is no address: `Qwen3-8B/Qwen3-14B` names two models.
      assert.deepEqual(mentions('Compare Qwen3-8B/Qwen3-14B on github.com/QwenLM/Qwen3.'), [
        '[8, 16) Qwen3-8B → qwen3-8b',
        '[17, 26) Qwen3-14B → qwen3-14b',
        '[41, 53) QwenLM/Qwen3 → qwen3',
      ]);
    });

    it('reads an address around a name only', () => {
      const at = (text: string, name: string): boolean => inAddress(text, text.indexOf(name), text.indexOf(name) + name.length);
      assert.equal(at('x github.com/meta-llama/y z', 'meta'), true);
      assert.equal(at('x <https://x.ai/grok> z', 'grok'), true);
      assert.equal(at('the notebook olmo3-demo.ipynb.', 'olmo3'), true);
      // An address with a scheme and no path, as a link's text writes it (`[https://chat.koalpaca.com](…)`).
      assert.equal(at('링크: \u0000https://chat.koalpaca.com\u0000', 'chat.koalpaca.com'), true);
      assert.equal(at('see https://deepseek.com.', 'deepseek'), true);
      assert.equal(at('x meta-llama/y z', 'meta'), false);
      assert.equal(at('from Mistral.AI.', 'Mistral'), false);
      assert.equal(at('Qwen2.5/Qwen3 models', 'Qwen3'), false);
      assert.equal(at('e.g. Llama 3.', 'Llama'), false);
    });
  });

  describe('words of the field are never short forms or aliases', () => {
    it('reads `LLM` after `VARCO LLM` as the word, and `VARCO` (an alias) as the model', () => {
      assert.deepEqual(mentions('NC는 VARCO LLM을 냈다. SK텔레콤은 멀티 LLM 전략을 편다. VARCO는 한국어 모델이다.'), [
        '[0, 2) NC → ncsoft',
        '[4, 13) VARCO LLM → ncai-varco',
        '[19, 24) SK텔레콤 → sk-telecom',
        '[41, 46) VARCO → ncai-varco',
      ]);
      assert.deepEqual(shortFormsOf('VARCO LLM'), []);
      assert.deepEqual(shortFormsOf('HyperCLOVA X SEED Think'), ['X SEED Think', 'SEED Think']);
      assert.deepEqual(shortFormsOf('Foo AI 모델'), []);
    });

    it('matches no alias that is only a word of the field, and still the others', () => {
      const fake = fakeKnowledge([{ kind: 'model', id: 'm', name: 'Mori LLM', aliases: ['LLM', 'AI', '모델', 'Mori'], sources: [] }]);
      const r = createRecognizers(fake, buildAliasIndex(fake));
      assert.deepEqual(mentions('An LLM is an AI 모델; Mori LLM is one.', r), ['[20, 28) Mori LLM → m']);
      assert.deepEqual(mentions('Mori is one.', r), ['[0, 4) Mori → m']);
      assert.deepEqual(['LLM', 'llms', '언어 모델', 'Mori', 'GPT'].map(isGenericWord), [true, true, true, false, false]);
    });
  });

  describe('short forms a family’s generation defines', () => {
    it('reads `Scout-17B-16E` in a `Llama 4` row as Llama 4 Scout, size suffixes and all', () => {
      assert.deepEqual(mentions('| Llama 4 | 4/5/2025 | Scout-17B-16E, Maverick-17B-128E-Instruct |'), [
        '[2, 9) Llama 4 → meta-llama',
        '[23, 36) Scout-17B-16E → meta-llama-4-scout*',
        '[38, 64) Maverick-17B-128E-Instruct → meta-llama-4-maverick*',
      ]);
      assert.deepEqual(mentions('Meta shipped Llama 4. Scout fits one GPU; Maverick does not.'), [
        '[0, 4) Meta → meta',
        '[13, 20) Llama 4 → meta-llama',
        '[22, 27) Scout → meta-llama-4-scout*',
        '[42, 50) Maverick → meta-llama-4-maverick*',
      ]);
      assert.deepEqual(memberFormsOf(kb, 'meta-llama', 'Llama 4'), [
        ['Maverick', 'meta-llama-4-maverick'],
        ['Maverick 17B 128E Instruct', 'meta-llama-4-maverick'],
        ['Scout', 'meta-llama-4-scout'],
        ['Scout 17B 16E Instruct', 'meta-llama-4-scout'],
        ['Behemoth', 'meta-llama-4-behemoth'],
      ]);
    });

    it('defines none before the family, for a family without its generation, or for a word left with suffixes of another kind', () => {
      assert.deepEqual(mentions('Scout-17B-16E came before Llama 4.'), ['[26, 33) Llama 4 → meta-llama']);
      assert.deepEqual(mentions('Llama models are everywhere. Scout the area first.'), ['[0, 5) Llama → meta-llama']);
      assert.deepEqual(mentions('Llama 4 is out. Scout-like drones and Scout-17B-foo are not models.'), ['[0, 7) Llama 4 → meta-llama']);
      assert.deepEqual(memberFormsOf(kb, 'meta-llama', 'Llama'), []);
    });

    it('takes no size, expert count or generic word for a form', () => {
      // `235B-A22B` after `Qwen3` is a size, a claim, not a short form; `Open` after `SOLAR` is a word.
      assert.deepEqual(
        mentions('Qwen3 comes in 235B-A22B and 30B-A3B.').filter((m) => m.endsWith('*')),
        [],
      );
      assert.deepEqual(shortFormsOf('Qwen3-235B-A22B'), []);
      assert.deepEqual(shortFormsOf('Llama-4-Scout-17B-16E'), ['4 Scout 17B 16E', 'Scout 17B 16E']);
      assert.deepEqual(shortFormsOf('Solar Open 100B'), []);
    });

    it('updates addresses, family short forms, sizes before names and title sites incrementally exactly as a full analysis', () => {
      const piece = fc.constantFrom(
        'Llama 4', 'Llama', 'Llama 4 Scout', 'Scout', 'Scout-17B-16E', 'Maverick-17B-128E', '-Instruct', 'Maverick', '| ', ' |', '\n', '\n\n',
        'github.com/', 'meta-llama/', 'llama-models', 'olmo3', '.ipynb', 'VARCO LLM', 'LLM', ' model ', '. ', ' ', '13B ', '70B', 'LLaMA', 'Llama 3.1', ' · ', 'Hugging Face', 'GitHub',
      );
      const text = fc.array(piece, { minLength: 3, maxLength: 20 }).map((xs) => xs.join(''));
      const move = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.integer({ min: 0, max: 14 }), insert: piece });
      fc.assert(
        fc.property(text, fc.array(move, { minLength: 2, maxLength: 10 }), (t, edits) => checkIncremental(t, edits)),
        { seed: SEED, numRuns: 150 },
      );
    });
  });

  describe('a site’s name after a page title', () => {
    it('reads `Title · Hugging Face` at the end of a line as the site, not a mention', () => {
      assert.deepEqual(mentions('LGAI-EXAONE/EXAONE-3.5-2.4B-Instruct · Hugging Face\n\nThe model card · GitHub  \n'), [
        '[0, 36) LGAI-EXAONE/EXAONE-3.5-2.4B-Instruct → lg-exaone-3.5-2.4b',
      ]);
    });

    it('keeps the name inside a line, alone on it, or of an organization that is not its site’s host', () => {
      assert.deepEqual(mentions('A model · Hugging Face hosts it.\n\n· Hugging Face\n\nEXAONE 3.5 · LG AI Research\n'), [
        '[10, 22) Hugging Face → hugging-face',
        '[36, 48) Hugging Face → hugging-face',
        '[50, 60) EXAONE 3.5 → lg-exaone-3.5',
        '[63, 77) LG AI Research → lg-ai-research',
      ]);
    });
  });

  describe('a size written before a family’s name', () => {
    it('reads `13B LLaMA` as the member of that size, the size part of the name', () => {
      assert.deepEqual(mentions('The small 13B LLaMA model beat GPT-3; a 70B Llama 3.1 too.'), [
        '[10, 19) 13B LLaMA → meta-llama-1-13b',
        '[31, 36) GPT-3 → openai-gpt-3',
        '[40, 53) 70B Llama 3.1 → meta-llama-3.1-70b',
      ]);
      assert.deepEqual(claims('The small 13B LLaMA model beat GPT-3.'), []);
      // The bare family name with a size picks the member named by it and the size alone.
      assert.deepEqual(mentions('Llama 13B and Llama 2 13B.'), ['[0, 9) Llama 13B → meta-llama-1-13b', '[14, 25) Llama 2 13B → meta-llama-2-13b']);
    });

    it('leaves the family alone when the size is part of another word or no member has it', () => {
      assert.deepEqual(mentions('It has 1.70B Llama 3.1 tokens, v70B Llama 3.1 and 2113B Llama 3.1.'), [
        '[13, 22) Llama 3.1 → meta-llama',
        '[36, 45) Llama 3.1 → meta-llama',
        '[56, 65) Llama 3.1 → meta-llama',
      ]);
      assert.deepEqual(mentions('Qwen3-8B Llama 3.1'), ['[0, 8) Qwen3-8B → qwen3-8b', '[9, 18) Llama 3.1 → meta-llama']);
      // A size that ends the name before is that name's.
      assert.deepEqual(mentions('Llama 3.1 70B Llama 3.1'), ['[0, 13) Llama 3.1 70B → meta-llama-3.1-70b', '[14, 23) Llama 3.1 → meta-llama']);
      // Qwen3 4B among Qwen3-4B-Instruct-2507 and Qwen3-4B-Thinking-2507: variants, not generations.
      assert.deepEqual(claims('Qwen3 models come in 4B.').map((c) => c.split(' → ')[1]), ['null']);
      // The active count glued to a total (`80B-A3B`) is about the total's model, when it agrees.
      assert.deepEqual(claims('Qwen3 comes in 8B and 80B-A3B.').map((c) => c.split(' → ')[1]), ['qwen3-8b', 'qwen3-next-80b-a3b', 'qwen3-next-80b-a3b']);
      assert.deepEqual(claims('ERNIE 4.5 comes in 0.3B and 300B-A3B.').map((c) => c.split(' → ')[1]), ['ernie-4.5-0.3b', 'ernie-4.5-300b-a47b', 'null']);
    });
  });

  describe('tables without outer pipes', () => {
    it('reads a size column’s cells as claims about their rows’ models', () => {
      assert.deepEqual(claims('Model | Params\n--- | ---\nLlama 3.1 | 405B\nGemma 3 | 27B\n'), [
        '[37, 41) 405B 405000000000 → meta-llama-3.1-405b',
        '[52, 55) 27B 27000000000 → google-gemma-3-27b',
      ]);
    });

    it('knows a column of models by its header in either language (`LLM 이름`, `Model name`, `모델명`)', () => {
      for (const head of ['LLM 이름', 'Model name', '모델명', '언어 모델']) {
        assert.deepEqual(claims(`| # | ${head} | 파라미터 개수 |\n|---|---|---|\n| 4 | polyglot-ko-1.3b | 1.43 B |\n`).map((c) => c.split(' → ')[1]), ['eleutherai-polyglot-ko-1.3b'], head);
      }
    });

    it('reads a size in a row naming a company by its model line as the model so named (| Mistral | 7B |)', () => {
      assert.deepEqual(claims('| Model | Size |\n| --- | --- |\n| Mistral AI | 7B |\n| Mistral | 7B |\n| Mistral | 12B |\n').map((c) => c.split(' → ')[1]), ['null', 'mistral-7b', 'null']);
      assert.deepEqual(claims('Mistral AI models: Mistral has 7B parameters.').map((c) => c.split(' → ')[1]), ['null']);
    });

    it('reads a size in a family’s row as the model its variants are of, unless the row names a variant', () => {
      assert.deepEqual(claims('| Model | Size |\n| --- | --- |\n| Yi | 6B, 34B |\n| Qwen3 | 4B |\n| Qwen3-2507 | 4B |\n').map((c) => c.split(' → ')[1]), ['yi-6b', 'yi-34b', 'qwen3-4b', 'null']);
    });

    it('reads no claim where the column is not a size', () => {
      assert.deepEqual(claims('Model | Tokens\n--- | ---\nLlama 3.1 | 405B\n'), []);
    });
  });
});

/** Applies `edits` one at a time, comparing the incremental analysis with a fresh one after each. */
function checkIncremental(text: string, edits: Edit[]): void {
  let doc = TextDocument.create('file:///n.md', 'markdown', 1, text);
  let analysis = analyzeNote(doc, recognizers);
  for (const e of edits) {
    const applied = applyEdit(doc.getText(), e);
    const change = { range: { start: doc.positionAt(applied.start), end: doc.positionAt(applied.end) }, text: e.insert };
    doc = TextDocument.update(TextDocument.create(doc.uri, 'markdown', doc.version, doc.getText()), [change], doc.version + 1);
    analysis = updateAnalysis(analysis, doc, [change], recognizers);
    const fresh = analyzeNote(doc, recognizers);
    const context = JSON.stringify({ text, edits });
    assert.deepEqual(analysis.mentions, fresh.mentions, context);
    assert.deepEqual(analysis.claims, fresh.claims, context);
  }
}
