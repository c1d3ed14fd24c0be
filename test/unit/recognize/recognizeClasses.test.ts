import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeNote, createRecognizers, type NoteAnalysis } from '../../../server/src/analysis';
import { comparisonTable } from '../../../server/src/features/comparisonTable';
import { tierAndVersion, tierSwapped } from '../../../server/src/knowledge/wordOrder';
import { hover } from '../../../server/src/features/hover';
import { semanticTokens, decodeSemanticTokens } from '../../../server/src/features/semanticTokens';
import { bundledKnowledge } from '../../support/knowledge';
import { koreanSpacings, koreanSpellings } from '../../../server/src/knowledge/koreanSpellings';

/**
 * The classes of names people write in real notes (#13), each both ways: found where it is a
 * mention, left alone where it is not. Recognition as the server runs it (all recognizers).
 */
const { kb, index } = bundledKnowledge();
const recognizers = createRecognizers(kb, index);
const analyze = (text: string): NoteAnalysis => analyzeNote(TextDocument.create('file:///n.md', 'markdown', 1, text), recognizers);
/** `text → name` per mention, `*` for a short form, `+model` for a product naming its model, `(size)` for a size the family lacks. */
const mentions = (text: string): string[] =>
  analyze(text).mentions.map((m) => `${m.text} → ${kb.get(m.id)!.name}${m.short ? '*' : ''}${m.model ? ` +${kb.get(m.model)!.name}` : ''}${m.size ? ` (${m.size / 1e9}B)` : ''}`);
const claims = (text: string): string[] => analyze(text).claims.map((c) => `${c.text} ${c.qualifier} → ${c.refersTo ? kb.get(c.refersTo)!.name : 'nothing'}`);

describe('recognition classes (#13)', () => {
  describe('short forms the note defines', () => {
    it('reads a short form after the full mention, as that model', () => {
      assert.deepEqual(mentions('Meta released Llama 4 Maverick. Maverick beats GPT-4o; 4o is older.'), [
        'Meta → Meta',
        'Llama 4 Maverick → Llama 4 Maverick',
        'Maverick → Llama 4 Maverick*',
        'GPT-4o → GPT-4o',
        // `4o` is also a name of its own (gated: as written, in a paragraph about AI), so no short form.
        '4o → GPT-4o',
      ]);
      assert.deepEqual(mentions('DeepSeek-R1 and DeepSeek-V3: R1 reasons, v3 chats. Kimi K2 too; K2 is open.'), [
        'DeepSeek-R1 → DeepSeek-R1',
        'DeepSeek-V3 → DeepSeek-V3',
        'R1 → DeepSeek-R1*',
        'v3 → DeepSeek-V3*',
        'Kimi K2 → Kimi K2',
        'K2 → Kimi K2*',
      ]);
      assert.deepEqual(mentions('Claude Opus 4 shipped.\n\nOpus 4 writes poems.'), ['Claude Opus 4 → Claude Opus 4', 'Opus 4 → Claude Opus 4*']);
      // A release tag after a size is no form (the size names the model); a version that is the name is.
      assert.deepEqual(mentions('KoAlpaca-Polyglot-12.8B-v1.1b 모델 공개. 웹 UI(v1.1b)와 DeepSeek-V3, 그리고 V3.'), [
        'KoAlpaca-Polyglot-12.8B-v1.1b → KoAlpaca-Polyglot-12.8B',
        'DeepSeek-V3 → DeepSeek-V3',
        'V3 → DeepSeek-V3*',
      ]);
    });

    it('reads a tier and a version after the family written without its generation (`Sonnet 4.5` after `Claude`), in Korean too', () => {
      // In a paragraph of its own that says nothing of AI, where the name alone would not count.
      assert.deepEqual(mentions('Claude is our model.\n\nSonnet 4.5 writes better poems; Opus 4.1 is slower. Shakespeare wrote Sonnet 18.'), [
        'Claude → Claude',
        'Sonnet 4.5 → Claude Sonnet 4.5*',
        'Opus 4.1 → Claude Opus 4.1*',
      ]);
      // Without the family: a tier and version alone only in a paragraph about AI, capitalized (`Sonnet 4` is Shakespeare's too).
      assert.deepEqual(mentions('Sonnet 4.5 beats GPT-5.'), ['Sonnet 4.5 → Claude Sonnet 4.5', 'GPT-5 → GPT-5']);
      assert.deepEqual(mentions('소넷 4.5 모델과 오퍼스 4.6 모델.'), ['소넷 4.5 → Claude Sonnet 4.5', '오퍼스 4.6 → Claude Opus 4.6']);
      assert.deepEqual(mentions('Shakespeare wrote Sonnet 4 long before Brahms wrote his Opus 4 for the piano, and both are still read.'), []);
      assert.deepEqual(mentions('The model compares sonnet 4.5 with GPT-5.'), ['GPT-5 → GPT-5']);
      assert.deepEqual(mentions('클로드 모델을 쓴다. 소네트 4.5가 좋다. 라마 4 매버릭 다음에 매버릭도 봤다.'), [
        '클로드 → Claude',
        '소네트 4.5 → Claude Sonnet 4.5',
        '라마 4 매버릭 → Llama 4 Maverick',
        '매버릭 → Llama 4 Maverick*',
      ]);
      // A variant word is no form in Korean either: `프로` after 제미나이 2.5 프로, `나노` after 카나나 나노.
      assert.deepEqual(mentions('제미나이 2.5 프로를 쓴다. 프로그램과 프로 요금제. 카나나 나노 다음 나노 단위.'), ['제미나이 2.5 프로 → Gemini 2.5 Pro', '카나나 나노 → Kanana Nano 2.1B']);
    });

    it('leaves a short form alone before any full mention, in another model, or shared by two', () => {
      assert.deepEqual(mentions('Scout the area first.'), []);
      assert.deepEqual(mentions('Scout the area, then read about Llama 4 Scout.'), ['Llama 4 Scout → Llama 4 Scout']);
      assert.deepEqual(mentions('GPT-4o is fast; 4o-mini is cheaper.'), ['GPT-4o → GPT-4o', '4o-mini → GPT-4o mini']);
      // Glued to another identifier by `_`, `-`, `.` or `/`: a branch or repository, not the model.
      assert.deepEqual(mentions('DeepSeek-V3 is out; see the kullm_v3 branch and foo-V3, and V3 itself.'), ['DeepSeek-V3 → DeepSeek-V3', 'V3 → DeepSeek-V3*']);
      // `Sonnet` would name both: it names neither.
      assert.deepEqual(mentions('Claude 3.5 Sonnet and Claude 3.7 Sonnet; Sonnet is good.'), ['Claude 3.5 Sonnet → Claude 3.5 Sonnet', 'Claude 3.7 Sonnet → Claude 3.7 Sonnet']);
    });

    it('reads the rest of a family’s name after its maker’s (`Trinity` after `Arcee Trinity`), as that family', () => {
      assert.deepEqual(mentions('Arcee Trinity: open MoE models.\n\nTrinity is a family of open-weight MoEs; Trinity-Mini is its small model.'), [
        'Arcee Trinity → Arcee Trinity',
        'Trinity → Arcee Trinity*',
        'Trinity-Mini → Trinity Mini',
      ]);
      assert.deepEqual(mentions('Amazon Nova models shipped in 2024; Nova runs on Bedrock. Nova 2 came later: Amazon Nova 2 models, and Nova 2 Lite.'), [
        'Amazon Nova → Amazon Nova',
        'Nova → Amazon Nova*',
        // Before its family's mention, `Nova 2` is no form yet.
        'Amazon Nova 2 → Amazon Nova 2',
        'Nova 2 Lite → Amazon Nova 2 Lite',
      ]);
      // Only after the family's mention; a name with other senses only in a paragraph about AI, as the name itself.
      assert.deepEqual(mentions('The Trinity College choir sang.\n\nArcee Trinity models are open.\n\nThe Trinity College choir sang again.'), ['Arcee Trinity → Arcee Trinity']);
      // No form that is a word of the field, a variant word, lowercase, a version tag or capitals alone, nor another entity's name.
      assert.deepEqual(mentions('Cerebras-GPT models and GPT models. KLUE-RoBERTa and RoBERTa. Mistral Large models; Large ones too.'), [
        'Cerebras-GPT → Cerebras-GPT',
        'KLUE-RoBERTa → KLUE-RoBERTa',
        'RoBERTa → RoBERTa',
        'Mistral Large → Mistral Large',
      ]);
    });

    it('reads the rest of the name of a model that goes on from a model the note named, as after a family', () => {
      // PaLM 2 is a model, and its maker's PaLM 2 Bison, Gecko and Unicorn go on from its name.
      assert.deepEqual(mentions('| Google | PaLM 2 | 340B (Unicorn, Bison, Otter, Gecko) |'), [
        'Google → Google DeepMind',
        'PaLM 2 → PaLM 2',
        'Unicorn → PaLM 2 Unicorn*',
        'Bison → PaLM 2 Bison*',
        'Gecko → PaLM 2 Gecko*',
      ]);
      assert.deepEqual(mentions('Bison first, then PaLM 2 and Bison.'), ['PaLM 2 → PaLM 2', 'Bison → PaLM 2 Bison*']);
      // A variant word only in the model's table row, never in prose: `Turbo` after GPT-4.
      assert.deepEqual(mentions('GPT-4 shipped; Turbo came later.'), ['GPT-4 → GPT-4']);
      // Nor a mode or modality a product's menu names too: `Fast` after Grok 4 Fast, `Audio` after GPT-4o Audio.
      assert.deepEqual(mentions('Grok 4 Fast and GPT-4o Audio shipped.\n\n- Auto, Fast, Thinking 모드 선택 가능\n- Audio Overviews, Dev Mode'), [
        'Grok 4 Fast → Grok 4 Fast',
        'GPT-4o Audio → GPT-4o Audio (preview)',
      ]);
      // Nor a task or a packing: `OCR` after DeepSeek-OCR, a quantisation tag after a model file's name.
      assert.deepEqual(mentions('DeepSeek-OCR reads scans. It reaches 97% OCR accuracy on the benchmark model suite.'), ['DeepSeek-OCR → DeepSeek-OCR']);
    });
  });

  describe('variant words in a family’s table row', () => {
    it('reads a member’s variant word as that member in a later cell of its family’s row', () => {
      const table = '| Family | Sizes |\n| --- | --- |\n| Phi-3 | Mini (3.8B), Small (7B) |\n| Gemini 1.0 | Pro, Ultra |\n| Gemini 1.5 | Pro |\n';
      assert.deepEqual(mentions(table), [
        'Phi-3 → Microsoft Phi',
        'Mini → Phi-3-mini*',
        'Small → Phi-3-small*',
        'Gemini 1.0 → Gemini',
        'Pro → Gemini 1.0 Pro*',
        'Ultra → Gemini 1.0 Ultra*',
        'Gemini 1.5 → Gemini',
        'Pro → Gemini 1.5 Pro*',
      ]);
      assert.deepEqual(claims(table), ['3.8B exact → Phi-3-mini', '7B exact → Phi-3-small']);
      // The generation glued to the family's name (`Llama4`, `Phi3`), as model tables write it.
      assert.deepEqual(mentions('| Model | Sizes |\n| --- | --- |\n| [Llama4](https://www.llama.com) | Scout (17B x 16E) |\n| Phi3 | Mini |\n'), [
        'Llama4 → Llama',
        'Scout → Llama 4 Scout*',
        'Phi3 → Microsoft Phi',
        'Mini → Phi-3-mini*',
      ]);
    });

    it('leaves the word alone in prose, before its family, in another row, or after a family without its generation', () => {
      assert.deepEqual(mentions('Phi-3 is small and Gemini 1.5 is a pro at it.'), ['Phi-3 → Microsoft Phi', 'Gemini 1.5 → Gemini']);
      assert.deepEqual(mentions('| Small | Phi-3 |\n| --- | --- |\n| Pro | Gemini 1.5 |\n'), ['Phi-3 → Microsoft Phi', 'Gemini 1.5 → Gemini']);
      assert.deepEqual(mentions('| Phi-3 | open |\n| --- | --- |\n| other | Small |\n'), ['Phi-3 → Microsoft Phi']);
      assert.deepEqual(mentions('| Gemini models | Pro, Ultra |\n| --- | --- |\n'), ['Gemini → Gemini']);
      // In the family's own cell the word is the member's name read whole, not a row form, or not a name.
      assert.deepEqual(mentions('| Phi-3 small | 7B |\n| --- | --- |\n'), ['Phi-3 small → Phi-3-small']);
      assert.deepEqual(mentions('| Phi-3 is small | 7B |\n| --- | --- |\n'), ['Phi-3 → Microsoft Phi']);
    });
  });

  describe('names with versions, sizes and variants', () => {
    it('reads each version after a slash as the name with its last part replaced, at its exact range', () => {
      const spans = (text: string): string[] => analyze(text).mentions.map((m) => `[${m.start}, ${m.end}) ${m.text} → ${kb.get(m.id)!.name}`);
      assert.deepEqual(spans('Models like Deepseek V3/R1 use MoE; GPT-4/4o and Llama 3.1/3.2/3.3 do not.'), [
        '[12, 23) Deepseek V3 → DeepSeek-V3',
        '[24, 26) R1 → DeepSeek-R1',
        '[36, 41) GPT-4 → GPT-4',
        '[42, 44) 4o → GPT-4o',
        '[49, 58) Llama 3.1 → Llama',
        '[59, 62) 3.2 → Llama',
        '[63, 66) 3.3 → Llama 3.3 70B',
      ]);
      assert.deepEqual(spans('딥시크 V3/R1은 공개 모델이고, Qwen2/2.5/3도 그렇다.'), [
        '[0, 6) 딥시크 V3 → DeepSeek-V3',
        '[7, 9) R1 → DeepSeek-R1',
        '[20, 25) Qwen2 → Qwen2',
        '[26, 29) 2.5 → Qwen2.5',
        '[30, 31) 3 → Qwen3',
      ]);
      // A slash with a space on each side, as table cells write it; not a space on one side only.
      // (`4o` after a slash with a space on one side only is no sibling, but a name of its own.)
      assert.deepEqual(spans('| Claude 3.7 / 3.5 | GPT-4 /4o |'), ['[2, 12) Claude 3.7 → Claude 3.7 Sonnet', '[15, 18) 3.5 → Claude', '[21, 26) GPT-4 → GPT-4', '[28, 30) 4o → GPT-4o']);
      // Dotted versions that stand alone as a list's items after a comma; not a number a word follows.
      assert.deepEqual(spans('| Llama 3, 3.1, 3.3 | Meta |\n\nQwen2, 2.5 points higher; GPT-4, 3.5 times.'), [
        '[2, 9) Llama 3 → Llama',
        '[11, 14) 3.1 → Llama',
        '[16, 19) 3.3 → Llama 3.3 70B',
        '[22, 26) Meta → Meta',
        '[30, 35) Qwen2 → Qwen2',
        '[56, 61) GPT-4 → GPT-4',
      ]);
    });

    it('reads no version after a slash that is a size, a year, a word or a name the knowledge base lacks', () => {
      assert.deepEqual(mentions('GPT-4/2023, Qwen2/Rust and DeepSeek V3/V9 and Llama 2 7B/13B.'), ['GPT-4 → GPT-4', 'Qwen2 → Qwen2', 'DeepSeek V3 → DeepSeek-V3', 'Llama 2 7B → Llama 2 7B']);
      assert.deepEqual(claims('Llama 2 7B/13B.'), ['13B exact → Llama 2 13B']);
    });

    it('reads the size a model’s name ends in, written after a name without it, as part of the mention', () => {
      assert.deepEqual(mentions('Qwen2.5-Omni 7B and 큐웬2.5 옴니-7B are one model.'), ['Qwen2.5-Omni 7B → Qwen2.5-Omni-7B', '큐웬2.5 옴니-7B → Qwen2.5-Omni-7B']);
      // Not another size, not a size the name already has, not a model whose name has no size.
      assert.deepEqual(mentions('Mistral NeMo 7B, Mistral NeMo 12B, Llama 3.1 8B 8B, DeepSeek-V3 671B.'), [
        'Mistral NeMo → Mistral NeMo',
        'Mistral NeMo 12B → Mistral NeMo',
        'Llama 3.1 8B → Llama 3.1 8B',
        'DeepSeek-V3 → DeepSeek-V3',
      ]);
      // The family's other member when the knowledge base has it (Qwen2.5-Omni-3B, added on 2026-12-07).
      assert.deepEqual(mentions('Qwen2.5-Omni 3B is out.'), ['Qwen2.5-Omni 3B → Qwen2.5-Omni-3B']);
    });

    it('reads an Ollama tag’s size as the member of that size', () => {
      assert.deepEqual(mentions('Pull llama3:70b, llama3.1:8b and qwen2.5:7b; Qwen3:8B too.'), [
        'llama3:70b → Llama 3 70B',
        'llama3.1:8b → Llama 3.1 8B',
        'qwen2.5:7b → Qwen2.5-7B',
        'Qwen3:8B → Qwen3-8B',
      ]);
      // A colon and a space end the name: the count after it is a claim, not part of the mention.
      assert.deepEqual(mentions('Llama 3.1: 70B parameters.'), ['Llama 3.1 → Llama']);
    });

    it('reads a size an alias states, or an active count the name states, written after a name without it', () => {
      assert.deepEqual(mentions('엑사원 3.5 32B와 카나나 1.5 8B, 큐원3-235B-A22B.'), ['엑사원 3.5 32B → EXAONE 3.5', '카나나 1.5 8B → Kanana 1.5', '큐원3-235B-A22B → Qwen3-235B-A22B']);
      assert.deepEqual(claims('엑사원 3.5 32B와 카나나 1.5 8B, 큐원3-235B-A22B.'), []);
      // Another size or active count is a count of its own, not part of the name.
      assert.deepEqual(mentions('엑사원 3.5 13B, 큐원3-235B-A3B.'), ['엑사원 3.5 → EXAONE 3.5', '큐원3-235B → Qwen3-235B-A22B']);
    });

    it('reads a size in brackets right after a family as its member of that size, the one the others are variants of', () => {
      assert.deepEqual(claims('| Metric | Qwen3 (235B MoE) |\n| --- | --- |\n\nWe compare Qwen3 (235B) with Llama 3.1 (405B).'), [
        '235B exact → Qwen3-235B-A22B',
        '235B exact → Qwen3-235B-A22B',
        '405B exact → Llama 3.1 405B',
      ]);
    });

    it('reads a word of a model’s name written after its size (`Qwen2.5 14B Coder`), never a variant or a model the knowledge base lacks', () => {
      assert.deepEqual(mentions('Qwen2.5 14B Coder, Qwen2.5 7B Math, Llama 3.1 8B Instruct and Qwen2.5 72B Coder.'), [
        'Qwen2.5 14B Coder → Qwen2.5-Coder-14B',
        'Qwen2.5 7B Math → Qwen2.5-Math-7B',
        'Llama 3.1 8B Instruct → Llama 3.1 8B',
        'Qwen2.5 72B → Qwen2.5-72B',
      ]);
    });

    it('reads a company’s name and a size as its one model of that size or expert shape (`Mistral 8x22B`), else the company', () => {
      assert.deepEqual(mentions('Models: Mistral 8x22B, DeepSeek 14B, 미스트랄 8x7B와 딥시크 14B; Google 7B and DeepSeek 671B.'), [
        'Mistral 8x22B → Mixtral 8x22B',
        'DeepSeek 14B → DeepSeek-R1-Distill-Qwen-14B',
        '미스트랄 8x7B → Mixtral 8x7B',
        '딥시크 14B → DeepSeek-R1-Distill-Qwen-14B',
        // Several models of the size (Gemma 7B, CodeGemma 7B …; DeepSeek-V3, R1 …): the company alone, the count about nothing.
        'Google → Google DeepMind',
        'DeepSeek → DeepSeek',
      ]);
      assert.deepEqual(claims('Mistral 8x22B has 141B total parameters. The Google 7B model.'), ['141B exact → Mixtral 8x22B', '7B exact → nothing']);
    });

    it('reads a model’s name with a size it lacks as the one model named after it of that size (`DeepSeek-R1 14B`, a distill)', () => {
      assert.deepEqual(mentions('We ran DeepSeek-R1 14B, deepseek-r1:14b and DeepSeek R1 32B; GPT-4 175B.'), [
        'DeepSeek-R1 14B → DeepSeek-R1-Distill-Qwen-14B',
        'deepseek-r1:14b → DeepSeek-R1-Distill-Qwen-14B',
        'DeepSeek R1 32B → DeepSeek-R1-Distill-Qwen-32B',
        'GPT-4 → GPT-4',
      ]);
      // Its counts too; its own size and a size no model named after it has stay its own (a wrong count is reported).
      assert.deepEqual(claims('DeepSeek-R1 comes in 1.5B and 14B distilled sizes. DeepSeek-R1 has 671B parameters. DeepSeek-R1 has 500B parameters.'), [
        '1.5B exact → DeepSeek-R1-Distill-Qwen-1.5B',
        '14B exact → DeepSeek-R1-Distill-Qwen-14B',
        '671B exact → DeepSeek-R1',
        '500B exact → DeepSeek-R1',
      ]);
    });

    it('reads a `<size> model` compared with another model as the note’s topic’s, not the other’s', () => {
      assert.deepEqual(claims('## Llama 3.1\n\nThe smaller 70B model was competitive with GPT-3.5. The 175B model GPT-3 is old. The 7B model beats Mistral 7B.'), [
        '70B exact → Llama 3.1 70B',
        // An apposition is a claim about the model (a wrong one is reported); a count the compared model agrees with is its.
        '175B exact → GPT-3',
        '7B exact → Mistral 7B',
      ]);
      // Through emphasis, for an MoE, for a total and an active count, and beside a family the count is not of
      // (an active count is no dense model's: not Qwen2.5-3B; Qwen3-30B-A3B counts 3.3B active, so 3B is about nothing).
      assert.deepEqual(claims('## Qwen3\n\nThe **dense 4 B** model beats Qwen 2.5-72B-Instruct. The 235B total / 22B active flagship rivals DeepSeek-R1.'), [
        '4 B exact → Qwen3-4B',
        '235B exact → Qwen3-235B-A22B',
        '22B exact → Qwen3-235B-A22B',
      ]);
      assert.deepEqual(claims('## Qwen3\n\nI ran the 30B MoE (3B active) locally; it beats Qwen 2.5.'), ['30B exact → Qwen3-30B-A3B', '3B exact → nothing']);
    });

    it('shows a model named by its maker or its teacher and a size as that model in tokens, hovers and the table', () => {
      const text = 'Mistral 8x22B and DeepSeek-R1 14B models.';
      const a = analyze(text);
      assert.deepEqual(
        decodeSemanticTokens(semanticTokens(a).data).map((t) => `${text.slice(t.start, t.start + t.length)} ${t.type}`),
        ['Mistral 8x22B model', 'DeepSeek-R1 14B model'],
      );
      assert.deepEqual(
        a.mentions.map((m) => (hover(a, m.start, kb, { locale: 'en', numberFormat: 'auto' })!.contents as { value: string }).value.split('\n')[0]),
        ['**Mixtral 8x22B** · model · Mistral AI', '**DeepSeek-R1-Distill-Qwen-14B** · model · DeepSeek'],
      );
      const table = comparisonTable(a, kb, { columns: ['model', 'parameters'], sort: 'mention', language: 'en', numberFormat: 'auto' });
      assert.deepEqual(table.ok && table.markdown.split('\n').slice(1, 5), [
        '| Model                               | Parameters |',
        '| ----------------------------------- | ---------: |',
        '| Mixtral 8x22B[^rn-1]                |       141B |',
        '| DeepSeek-R1-Distill-Qwen-14B[^rn-2] |        14B |',
      ]);
    });

    it('reads a count as the only model of its sentence it agrees with among 32 different names at most', () => {
      // Models that read as one mention each and that a 70B count does not agree with (nor a model named after them).
      const others = kb
        .all()
        .filter((e) => e.kind === 'model' && /^[A-Za-z][A-Za-z0-9.-]*(?: [A-Za-z0-9.-]+)?$/.test(e.name))
        .map((e) => e.name)
        .filter((n) => mentions(`Models: ${n}.`).join() === `${n} → ${n}` && claims(`Among ${n} and GPT-4, one has 70B parameters.`).join() === '70B exact → nothing')
        .slice(0, 32);
      assert.equal(others.length, 32);
      const sentence = (names: string[]): string => `Among ${names.join(', ')} and Llama 2 70B, one has 70B parameters.`;
      assert.deepEqual(claims(sentence(others.slice(0, 31))), ['70B exact → Llama 2 70B']);
      assert.deepEqual(claims(sentence(others)), ['70B exact → nothing']);
    });

    it('keeps a variant suffix with its base model', () => {
      assert.deepEqual(mentions('Llama-3.1-405B-Instruct, gemma-3-27b-it and Qwen3-30B-A3B-GGUF.'), [
        'Llama-3.1-405B-Instruct → Llama 3.1 405B',
        'gemma-3-27b-it → Gemma 3 27B',
        'Qwen3-30B-A3B-GGUF → Qwen3-30B-A3B',
      ]);
      // Quantisation tags as llama.cpp names its files, whole: no `Q8` left over to read as a short form.
      assert.deepEqual(mentions('| model |\n| --- |\n| Qwen3-Coder-30B-A3B-Instruct-Q8_0-GGUF |\n| gemma-3-27b-it-IQ4_XS |\n| Llama-3.1-8B-Instruct-Q5_K_M |\n| Q8 is smaller |'), [
        'Qwen3-Coder-30B-A3B-Instruct-Q8_0-GGUF → Qwen3-Coder-30B-A3B',
        'gemma-3-27b-it-IQ4_XS → Gemma 3 27B',
        'Llama-3.1-8B-Instruct-Q5_K_M → Llama 3.1 8B',
      ]);
      // A dated release suffix too (not a version number after it).
      assert.deepEqual(mentions('Qwen3-2507 and Qwen3-30B-A3B-2507.5 differ.'), ['Qwen3-2507 → Qwen3', 'Qwen3-30B-A3B → Qwen3-30B-A3B']);
    });

    it('reads a series of several models as the family, its sizes as its members (`카나나-2`)', () => {
      assert.deepEqual(mentions('카카오는 카나나-2를 공개했다. Kanana-2 30B와 Kanana-2 3B 모델.'), [
        '카카오 → Kakao',
        '카나나-2 → Kanana',
        'Kanana-2 30B → Kanana-2 30B-A3B',
        'Kanana-2 3B → Kanana-2 3B',
      ]);
    });

    it('shows the family with the size stated when no member has it, never a wrong sibling', () => {
      assert.deepEqual(mentions('We tried Qwen3 13B and Llama 2 7B.'), ['Qwen3 13B → Qwen3 (13B)', 'Llama 2 7B → Llama 2 7B']);
      // A member word after another generation's name: `Phi-3` and `MoE` is not Phi-3.5-MoE.
      assert.deepEqual(mentions('Phi-3-MoE and Phi-3.5-MoE differ.'), ['Phi-3 → Microsoft Phi', 'Phi-3.5-MoE → Phi-3.5-MoE']);
      assert.deepEqual(mentions('Phi-3-vision and Phi-3.5-vision differ.'), ['Phi-3-vision → Phi-3-vision', 'Phi-3.5-vision → Phi-3.5-vision']);
      // A generation with no member of the size: its point release's, when just one has it.
      assert.deepEqual(mentions('Llama 3 405B, Llama-3 1B and Llama 3 70B.'), ['Llama 3 405B → Llama 3.1 405B', 'Llama-3 1B → Llama 3.2 1B', 'Llama 3 70B → Llama 3 70B']);
      // A dotted version the knowledge base lacks: the family with the version stated, and no count about it.
      assert.deepEqual(mentions('K-EXAONE 3.0 (900B) follows K-EXAONE (236B); GPT-4 3 times.'), ['K-EXAONE 3.0 → EXAONE', 'K-EXAONE → K-EXAONE', 'GPT-4 → GPT-4']);
      assert.deepEqual(claims('K-EXAONE 3.0 (900B) follows K-EXAONE (236B).'), ['900B exact → nothing', '236B exact → K-EXAONE']);
      // The hover of a note's first mention, line by line.
      const hoverLines = (text: string): string[] => {
        const a = analyze(text);
        return (hover(a, a.mentions[0].start, kb, { locale: 'en', numberFormat: 'auto' })!.contents as { value: string }).value.split('\n');
      };
      assert.equal(hoverLines('K-EXAONE 3.0 is out.')[0], '*K-EXAONE 3.0*: version 3.0 is not in the knowledge base; EXAONE is shown.');
      assert.deepEqual(hoverLines('We tried Qwen3 13B.').slice(0, 3), ['*Qwen3 13B*: no 13B model of this family is in the knowledge base; the family is shown.', '', '**Qwen3** · model family · Alibaba Qwen team']);
    });
  });

  describe('Korean spellings', () => {
    it('reads a name glued to its version or spaced, with particles', () => {
      assert.deepEqual(mentions('큐웬3와 라마 3.1 70B, 엑사원 4.0을 비교했다. LG AI연구원의 엑사원.'), [
        '큐웬3 → Qwen3',
        '라마 3.1 70B → Llama 3.1 70B',
        '엑사원 4.0 → EXAONE 4.0',
        'LG AI연구원 → LG AI Research',
        '엑사원 → EXAONE',
      ]);
      // `용` (for): `에이닷용 슈퍼컴퓨터`.
      assert.deepEqual(mentions('SK텔레콤 AI 서비스 에이닷용 슈퍼컴퓨터'), ['SK텔레콤 → SK Telecom', '에이닷 → 에이닷']);
      // The copula after a vowel, and other endings: `챗지피티일 거예요`, `엑사원예요`, `딥시크지만`.
      assert.deepEqual(mentions('AI 서비스라면 역시 챗지피티일 거예요. 국내 모델은 엑사원예요. 딥시크지만 큐웬3만큼.'), [
        '챗지피티 → ChatGPT',
        '엑사원 → EXAONE',
        '딥시크 → DeepSeek',
        '큐웬3 → Qwen3',
      ]);
    });

    it('reads the other spelling writers use for a transliterated name (knowledge/koreanSpellings.ts)', () => {
      assert.deepEqual(mentions('큐원2.5 옴니와 큐웬2.5 옴니, 제미니와 앤스로픽, 그로크 3.'), [
        '큐원2.5 옴니 → Qwen2.5-Omni',
        '큐웬2.5 옴니 → Qwen2.5-Omni',
        '제미니 → Gemini',
        '앤스로픽 → Anthropic',
        '그로크 3 → Grok 3',
      ]);
      assert.deepEqual(koreanSpellings('큐원3 옴니'), ['큐웬3 옴니']);
      assert.deepEqual(koreanSpellings('라마 3'), []);
    });

    it('reads a Korean compound name spaced or glued between its Hangul words (knowledge/koreanSpellings.ts)', () => {
      // The data says `앨런 인공지능 연구소`; writers glue any of its words.
      assert.deepEqual(mentions('앨런 인공지능연구소와 앨런인공지능연구소가 모델을 공개했다. 앨런 인공 지능 연구소.'), [
        '앨런 인공지능연구소 → Allen Institute for AI',
        '앨런인공지능연구소 → Allen Institute for AI',
      ]);
      assert.deepEqual(koreanSpacings('앨런 인공지능 연구소'), ['앨런인공지능 연구소', '앨런 인공지능연구소', '앨런인공지능연구소']);
      // Only between Hangul words: `메타 ai` has none to drop.
      assert.deepEqual(koreanSpacings('메타 ai'), []);
    });

    it('reads `그룹` after a company’s Korean name as part of its name, glued or spaced, and not in another word', () => {
      assert.deepEqual(mentions('알리바바그룹이 공개했다. 알리바바 그룹의 모델, 알리바바 그룹웨어.'), [
        '알리바바그룹 → Alibaba Qwen team',
        '알리바바 그룹 → Alibaba Qwen team',
        '알리바바 → Alibaba Qwen team',
      ]);
    });

    it('reads a model’s name right before a dataset’s word as the dataset’s name, not a mention', () => {
      assert.deepEqual(mentions('[구름(KULLM) 데이터셋 v2](https://x.y) 공개. KULLM 모델과 the Llama 2 dataset, Llama 2 itself.'), ['KULLM → KULLM', 'Llama 2 → Llama']);
      // An API snapshot id in brackets is the model's own name: one mention.
      assert.deepEqual(mentions('평가 모델은 GPT-4-Turbo(gpt-4-0125-preview)를 사용했다.'), ['GPT-4-Turbo(gpt-4-0125-preview) → GPT-4 Turbo']);
    });

    it('never reads a name inside another Korean word', () => {
      assert.deepEqual(mentions('서울대공원에 갔다. 카카오톡으로 보냈다.'), []);
      assert.deepEqual(mentions('서울대의 연구와 카카오는'), ['서울대 → Seoul National University', '카카오 → Kakao']);
    });

    it('reads a Korean generation name (`라마 3`), glued or spaced, but never inside `드라마` or `파노라마`', () => {
      assert.deepEqual(mentions('AI 모델: 라마 3와 라마3, 메타의 라마 2, 라마 4는 공개 모델이다.'), [
        '라마 3 → Llama',
        '라마3 → Llama',
        '메타 → Meta',
        '라마 2 → Llama',
        '라마 4 → Llama',
      ]);
      assert.deepEqual(mentions('AI 모델 이야기: 드라마 3회, 드라마 2편과 파노라마 3장, 드라마 3.1편.'), []);
      // A name may still start mid-word elsewhere: scraped text glues words.
      assert.deepEqual(mentions('매거진의 이전글뤼튼, LG AI연구원'), ['뤼튼 → Wrtn', 'LG AI연구원 → LG AI Research']);
    });
  });

  describe('an organization and its model', () => {
    it('gives the organization and the model as two mentions where a space parts them', () => {
      assert.deepEqual(mentions('Meta Llama 2, Google Gemini 2.5 Pro, OpenAI GPT-4o.'), [
        'Meta → Meta',
        'Llama 2 → Llama',
        'Google → Google DeepMind',
        'Gemini 2.5 Pro → Gemini 2.5 Pro',
        'OpenAI → OpenAI',
        'GPT-4o → GPT-4o',
      ]);
    });

    it('keeps a model id that starts with its maker as one mention', () => {
      assert.deepEqual(mentions('Download Meta-Llama-3.1-8B.'), ['Meta-Llama-3.1-8B → Llama 3.1 8B']);
      // And a model whose own name starts with its maker's, written with a space; not a family so named.
      assert.deepEqual(mentions('DeepSeek V3.2-Speciale and Microsoft Phi-4.'), ['DeepSeek V3.2-Speciale → DeepSeek-V3.2-Speciale', 'Microsoft → Microsoft', 'Phi-4 → Phi-4']);
      // The maker's word is part of the name however the rest is written (an alias of the family: `R1 distills`).
      assert.deepEqual(mentions('We ran the DeepSeek R1 distills on a laptop.'), ['DeepSeek R1 distills → DeepSeek-R1-Distill']);
    });
  });

  describe('names glued to a word by a hyphen', () => {
    it('reads a name after a word that names nothing as another model’s name, not a mention', () => {
      assert.deepEqual(mentions('Ko-Llama, Japanese-Llama and Chinese-LLaMA-Alpaca are fine-tunes; Mini-Gemini is a VLM.'), []);
      // Typeset text's hyphens too: the non-breaking hyphen (U+2011) and the hyphen (U+2010).
      assert.deepEqual(mentions('Kimi K2 trains with QK\u2011Clip; Ko\u2010Llama is a fine-tune.'), ['Kimi K2 → Kimi K2']);
    });

    it('keeps a name after a name, or after an English prefix, and in the middle of a whole name', () => {
      assert.deepEqual(mentions('Meta-Llama, non-GPT-4 and pre-Llama models; DeepSeek-R1-Distill-Llama-8B; Code-Llama.'), [
        'Meta-Llama → Meta',
        'GPT-4 → GPT-4',
        'Llama → Llama',
        'DeepSeek-R1-Distill-Llama-8B → DeepSeek-R1-Distill-Llama-8B',
        'Code-Llama → Code Llama',
      ]);
    });
  });

  describe('names that are also ordinary words', () => {
    it('reads an acronym of a name with other senses only in capitals, even in a paragraph about AI', () => {
      assert.deepEqual(mentions('OpenAI CEO Sam Altman said the model ships soon; Bart from sales agreed.'), ['OpenAI → OpenAI']);
      assert.deepEqual(mentions('SAM segments the image and BART summarises the caption of the model.'), [
        'SAM → Segment Anything',
        'BART → BART',
      ]);
    });

    it('reads a coined name (a capital inside it) in lowercase too, but not as part of an identifier', () => {
      assert.deepEqual(mentions('deepseek 발표 전까지는 chatgpt와 openai가 앞섰다.'), ['deepseek → DeepSeek', 'chatgpt → ChatGPT', 'openai → OpenAI']);
      assert.deepEqual(mentions('Install @huggingface/hub or huggingface_hub, by github/azu; a deepseek-like model.'), []);
      assert.deepEqual(mentions('The model tools: github\\_reporter, @reporters/github, the .github folder.'), []);
      // A name with other senses as a person in a credit, even in a paragraph about models.
      assert.deepEqual(mentions('The model test was fixed (Devin Nakamura); ERR_INVALID_CURSOR_POS; TII Falcon License.'), ['TII → Technology Innovation Institute', 'Falcon → Falcon']);
      // Not a name whose lowercase is a word, nor a name capitalized only at its start.
      assert.deepEqual(mentions('The palm oil and the meta tags of a cohere model.'), []);
    });

    it('reads a letter and a number (`o1`, `o3`) only as written and in a paragraph about AI, as its short form too', () => {
      assert.deepEqual(mentions('OpenAI released o1 and o3; the o1 model reasons.'), ['OpenAI → OpenAI', 'o1 → OpenAI o1', 'o3 → OpenAI o3', 'o1 → OpenAI o1']);
      assert.deepEqual(mentions('Ozone is O3, and gcc uses -O3; o3 too.'), []);
      // After `OpenAI o3` defines the short form `o3`, ozone's O3 is still no mention.
      assert.deepEqual(mentions('The OpenAI o3 model reasons. Ozone is O3 in the model of the air.'), ['OpenAI o3 → OpenAI o3']);
    });

    it('reads a name written with a lowercase letter before a capital only as written', () => {
      assert.deepEqual(mentions('xAI released Grok-1; XAI (explainable AI) methods such as SHAP help.'), ['xAI → X.AI Corp.', 'Grok-1 → Grok-1']);
      assert.deepEqual(mentions('We fine-tuned mT5-XL, then MT5 and mt5.'), ['mT5-XL → mT5-XL']);
    });

    it('needs a paragraph about AI for a one-word name with other senses, and never reads a Korean verb as a name', () => {
      assert.deepEqual(mentions('Albert and Electra met Dolly at the Zephyr café.'), []);
      assert.deepEqual(mentions('We fine-tuned ALBERT, ELECTRA and Zephyr 7B beta on the same data.'), [
        'ALBERT → ALBERT',
        'ELECTRA → ELECTRA',
        'Zephyr 7B beta → Zephyr 7B Beta',
      ]);
      assert.deepEqual(mentions('모델을 로컬에서 돌리는 방법과, 이와 달리 3가지 설정을 GPT-4로 정리했다.'), ['GPT-4 → GPT-4']);
    });
  });

  describe('products', () => {
    it('reads a family named in a list with a product as its chat app, and beside models as the family', () => {
      assert.deepEqual(mentions('When you use ChatGPT, Claude, or Gemini, your words travel.'), ['ChatGPT → ChatGPT', 'Claude → Claude app', 'Gemini → Gemini app']);
      // Through another app-family of the list, and after a Korean particle of listing.
      assert.deepEqual(mentions('챗지피티, 제미나이, 클로드, 딥시크… 챗GPT와 클로드를 비교했다.'), [
        '챗지피티 → ChatGPT',
        '제미나이 → Gemini app',
        '클로드 → Claude app',
        '딥시크 → DeepSeek',
        '챗GPT → ChatGPT',
        '클로드 → Claude app',
      ]);
      // `A를 비롯해 B, C` (B and C besides A) lists them too; `클로드를 비롯한 모델들` (models such as Claude) has no product.
      assert.deepEqual(mentions('chatGPT를 비롯하여 Claude, Gemini가 있다. 클로드를 비롯한 모델들.'), [
        'chatGPT → ChatGPT',
        'Claude → Claude app',
        'Gemini → Gemini app',
        '클로드 → Claude',
      ]);
      // A vertical list: a table's column or a list's items under or over a product's; not a wrapped line of prose, nor under a model's.
      assert.deepEqual(mentions('| 모델 | 특징 |\n| --- | --- |\n| **ChatGPT** | 범용 |\n| **Claude** | 논리 |\n| **Gemini** | 번역 |\n\n- GPT-4o: fast\n- Claude: careful'), [
        'ChatGPT → ChatGPT',
        'Claude → Claude app',
        'Gemini → Gemini app',
        'GPT-4o → GPT-4o',
        'Claude → Claude',
      ]);
      // Beside models, with a version (a generation, not the app), or on another line: the family.
      assert.deepEqual(mentions('We compared GPT-4o, Claude and Llama 3. ChatGPT and Gemini 2.5 differ.\nChatGPT\nClaude is a family.'), [
        'GPT-4o → GPT-4o',
        'Claude → Claude',
        'Llama 3 → Llama',
        'ChatGPT → ChatGPT',
        'Gemini 2.5 → Gemini',
        'ChatGPT → ChatGPT',
        'Claude → Claude',
      ]);
    });

    it('reads bare `4o` as GPT-4o only as written and in a paragraph about AI, and a product’s model in brackets', () => {
      assert.deepEqual(mentions('ChatGPT: 4o beats 4o mini; 4O is not it.\n\nRoom 4o is on the left.'), ['ChatGPT → ChatGPT', '4o → GPT-4o', '4o mini → GPT-4o mini']);
      assert.deepEqual(mentions('챗GPT(4o)와 ChatGPT (Plus)를 비교했다.'), ['챗GPT(4o) → ChatGPT +GPT-4o', 'ChatGPT → ChatGPT']);
    });

    it('finds products, and a product naming its model as one mention of both', () => {
      assert.deepEqual(mentions('ChatGPT-4o in ChatGPT, GitHub Copilot and Claude Code.'), [
        'ChatGPT-4o → ChatGPT +GPT-4o',
        'ChatGPT → ChatGPT',
        'GitHub Copilot → GitHub Copilot',
        'Claude Code → Claude Code',
      ]);
      // A version after a space too, never a word.
      assert.deepEqual(mentions('ChatGPT 3.5 and ChatGPT 4o mini; ChatGPT answers.'), ['ChatGPT 3.5 → ChatGPT +GPT-3.5', 'ChatGPT 4o mini → ChatGPT +GPT-4o mini', 'ChatGPT → ChatGPT']);
    });

    it('colours products as products, hovers both the product and its model, and lists products under the table', () => {
      const text = 'ChatGPT-4o and GitHub Copilot.';
      const a = analyze(text);
      assert.deepEqual(
        decodeSemanticTokens(semanticTokens(a).data).map((t) => `${text.slice(t.start, t.start + t.length)} ${t.type}`),
        ['ChatGPT-4o product', 'GitHub Copilot product'],
      );
      const h = (hover(a, 0, kb, { locale: 'en', numberFormat: 'auto' })!.contents as { value: string }).value;
      assert.ok(h.startsWith('**ChatGPT** · product · OpenAI'), h);
      assert.ok(h.includes('\n\n---\n\n**GPT-4o** · model · OpenAI'), h);
      const table = comparisonTable(a, kb, { columns: ['model'], sort: 'mention', language: 'en', numberFormat: 'auto' });
      assert.ok(table.ok);
      assert.deepEqual(table.ok && table.markdown.split('\n').slice(1, 6), [
        '| Model         |',
        '| ------------- |',
        '| GPT-4o[^rn-1] |',
        '',
        'Products are not rows, as a product serves several models over time: ChatGPT, GitHub Copilot.',
      ]);
    });
  });

  describe('parameter counts', () => {
    it('links a size next to a family or a sibling to the member of that size', () => {
      assert.deepEqual(claims('Llama 3.1 comes in 8B, 70B and 405B.'), ['8B exact → Llama 3.1 8B', '70B exact → Llama 3.1 70B', '405B exact → Llama 3.1 405B']);
      assert.deepEqual(claims('| Llama 3.1 | 8B, 70B |\n| --- | --- |\n'), ['8B exact → Llama 3.1 8B', '70B exact → Llama 3.1 70B']);
    });

    it('reads an expert shape as a shape, never as a total to check', () => {
      assert.deepEqual(claims('Mixtral 8x7B uses 8x7B experts, 46.7B in all.'), ['8x7B experts → Mixtral 8x7B', '46.7B exact → Mixtral 8x7B']);
    });
  });
});

describe('names with other senses (#13 §6)', () => {
  it('leaves them alone in a paragraph not about AI', () => {
    assert.deepEqual(mentions('Claude Monet painted water lilies.'), []);
    assert.deepEqual(mentions('We baked an Apple pie.\n\nThe Falcon flew over the Amazon rainforest.'), []);
    assert.deepEqual(mentions('LG 냉장고를 샀다. NC 다이노스가 이겼다.'), []);
    assert.deepEqual(mentions('메타 분석 결과를 정리했다.'), []);
    // A name of several words of such an entity, too.
    assert.deepEqual(mentions('She was a high-flyer at the bank. High-Flyer Capital is a name.'), []);
    // Words joined by `&` are such a name too: a network's weights & biases, in any paragraph.
    assert.deepEqual(mentions('The model learns its weights & biases by gradient descent.'), []);
    assert.deepEqual(mentions('The Alpaca and the Koala at the zoo. 동물원의 알파카.'), []);
    assert.deepEqual(mentions('I grok the idea. 아마존 열대우림은 넓다.'), []);
    // Found by running the CLI over the READMEs of this project's npm dependencies: a module format, a word, a TypeScript link.
    assert.deepEqual(mentions('### AMD\n\nLoad it with AMD. Async Opt-In streams. [Playground](https://www.typescriptlang.org/play).'), []);
    // And over Node.js's docs: people's names, programming words.
    assert.deepEqual(mentions('Thanks to Bert Belder, Nia and Hubert. The call may return zero. Codegen got faster.'), []);
  });

  it('reads a maker’s model line and the maker in Korean where the paragraph is about AI', () => {
    assert.deepEqual(mentions('AI 모델: xAI의 그록과 Grok 3. 아마존의 모델.'), ['xAI → X.AI Corp.', '그록 → Grok', 'Grok 3 → Grok 3', '아마존 → Amazon']);
    assert.deepEqual(mentions('AMD GPUs run Meta OPT models.'), ['AMD → AMD', 'Meta → Meta', 'OPT → OPT']);
  });

  it('reads them beside their maker’s name, which puts the paragraph in the field', () => {
    assert.deepEqual(mentions('Anthropic의 클로드'), ['Anthropic → Anthropic', '클로드 → Claude']);
    assert.deepEqual(mentions('2. Google – 제미나이(Gemini)'), ['Google → Google DeepMind', '제미나이(Gemini) → Gemini']);
    // Another company's name does not.
    assert.deepEqual(mentions('Apple과 클로드 모네.'), []);
  });

  it('reads them in a paragraph about AI: a word of the field, or another name', () => {
    assert.deepEqual(mentions('Claude writes code better than GPT-4o.'), ['Claude → Claude', 'GPT-4o → GPT-4o']);
    assert.deepEqual(mentions('Apple trains its own models.'), ['Apple → Apple']);
    assert.deepEqual(mentions('LG는 엑사원을 공개했다.'), ['LG → LG Corp.', '엑사원 → EXAONE']);
    assert.deepEqual(mentions('메타는 새 언어 모델을 냈다.'), ['메타 → Meta']);
    assert.deepEqual(mentions('미세 조정된 Mistral 버전이 많다.'), ['Mistral → Mistral AI']);
    assert.deepEqual(mentions('Falcon was trained on RefinedWeb tokens.'), ['Falcon → Falcon']);
    assert.deepEqual(mentions('DeepSeek, an AI lab, is backed by High-Flyer.'), ['DeepSeek → DeepSeek', 'High-Flyer → High-Flyer']);
    assert.deepEqual(mentions('We log every LLM fine-tuning run to Weights & Biases.'), ['Weights & Biases → Weights & Biases']);
    assert.deepEqual(mentions('Alpaca and Koala fine-tune LLaMA; the Alpaca dataset has 52K instructions.'), ['Alpaca → Alpaca', 'Koala → Koala', 'LLaMA → Llama']);
  });

  it('reads them in a paragraph that links to the Hugging Face Hub, which puts it in the field', () => {
    assert.deepEqual(mentions('Check out [Falcon](https://huggingface.co/tiiuae/falcon-7b) and [Trinity-Mini](https://hf.co/arcee-ai/Trinity-Mini).'), [
      'Falcon → Falcon',
      'Trinity-Mini → Trinity Mini',
    ]);
    assert.deepEqual(mentions('Weights: https://huggingface.co/tiiuae/falcon-7b\nFalcon runs on one GPU.'), ['Falcon → Falcon']);
    // A link elsewhere does not, nor one to the Hub in another paragraph.
    assert.deepEqual(mentions('Check out [Falcon](https://example.com/birds/falcon) and [Trinity-Mini](https://example.com/x).'), []);
    assert.deepEqual(mentions('The Falcon flew over the hills at dawn and came back to the glove.\n\nSee [the weights](https://huggingface.co/tiiuae/falcon-7b).'), []);
  });
});

describe('names in headings, glosses and repository ids (#13)', () => {
  it('reads a heading or a one-line label with the paragraph after it', () => {
    assert.deepEqual(mentions('### Mistral\n\nIt focuses on efficient open models.\n\n### Falcon\n\nAn open model from TII.'), [
      'Mistral → Mistral AI',
      'Falcon → Falcon',
      'TII → Technology Innovation Institute',
    ]);
    // The paragraph after says nothing about AI; nor does a long line before a paragraph that does.
    assert.deepEqual(mentions('## Claude\n\nClaude Monet painted water lilies.'), []);
    assert.deepEqual(mentions('Claude Monet painted water lilies at Giverny for the last thirty years of his life.\n\nA model of restraint.'), []);
  });

  it('keeps a gloss in parentheses with the name it glosses', () => {
    assert.deepEqual(mentions('LG AI연구원은 ‘엑사원(EXAONE)’을 공개했다. 네이버 ‘큐:(Cue:)’와 비교했다.'), [
      'LG AI연구원 → LG AI Research',
      '엑사원(EXAONE) → EXAONE',
      '네이버 → Naver',
      '큐:(Cue:) → Naver Cue:',
    ]);
    // After a space too, and the name goes on after it as after a glued one.
    assert.deepEqual(mentions('딥시크 (DeepSeek) V3.1 모델과 FreeWilly2 (Stable Beluga 2), Allen Institute for AI (AI2).'), [
      '딥시크 (DeepSeek) V3.1 → DeepSeek-V3.1',
      'FreeWilly2 (Stable Beluga 2) → Stable Beluga 2',
      'Allen Institute for AI (AI2) → Allen Institute for AI',
    ]);
    // A name glossed at its line's end goes on no further, glued or spaced (found on a real note).
    assert.deepEqual(mentions('Tencent (Hunyuan)\nhunyuan.tencent.com models\n\nTencent(Hunyuan)\nhunyuan models'), ['Tencent (Hunyuan) → Tencent', 'Tencent(Hunyuan) → Tencent']);
    // A bracket naming another entity is no gloss: its maker, another model.
    assert.deepEqual(mentions('Llama 2 (Meta) beats GPT-4 (OpenAI) on nothing.'), ['Llama 2 → Llama', 'Meta → Meta', 'GPT-4 → GPT-4', 'OpenAI → OpenAI']);
  });

  it('reads a family then the rest of a member’s name as the member', () => {
    assert.deepEqual(mentions('SK텔레콤은 에이닷 엑스 K1을 공개했다. A.X K1 is large.'), ['SK텔레콤 → SK Telecom', '에이닷 엑스 K1 → A.X K1', 'A.X K1 → A.X K1']);
    // A word that finishes no member's name stays outside the mention.
    assert.deepEqual(mentions('A.X Korean models'), ['A.X → A.X']);
  });

  it('reads a link whose text is its own site’s name as a link label, not a mention', () => {
    assert.deepEqual(mentions('See [GitHub](https://github.com/x/y), [Hugging Face](https://huggingface.co/m) and [Artificial Analysis](https://artificialanalysis.ai/?a=b).'), []);
    // A name linked elsewhere is a mention; so is the site's name outside a link.
    assert.deepEqual(mentions('[Mistral](https://huggingface.co/mistralai) models on Hugging Face.'), ['Mistral → Mistral AI', 'Hugging Face → Hugging Face']);
  });

  it('reads a repository id, owner/model, as one mention of the model', () => {
    // (The site's name after a page title is no mention: recognizeRealNotes.test.ts.)
    assert.deepEqual(mentions('LGAI-EXAONE/EXAONE-3.5-2.4B-Instruct · Hugging Face'), ['LGAI-EXAONE/EXAONE-3.5-2.4B-Instruct → EXAONE 3.5 2.4B']);
    assert.deepEqual(mentions('LGAI-EXAONE/EXAONE-3.5-2.4B-Instruct on Hugging Face'), ['LGAI-EXAONE/EXAONE-3.5-2.4B-Instruct → EXAONE 3.5 2.4B', 'Hugging Face → Hugging Face']);
    // An owner before something that is no model's name stays the organization.
    assert.deepEqual(mentions('See LGAI-EXAONE/docs for the code.'), ['LGAI-EXAONE → LG AI Research']);
  });
});

describe('names glued or spaced (#13 §3, §4)', () => {
  it('reads a version glued to the name or spaced from it alike', () => {
    assert.deepEqual(mentions('Gemma3 and Gemma 3; Llama3 and Qwen 2.5.'), ['Gemma3 → Gemma', 'Gemma 3 → Gemma', 'Llama3 → Llama', 'Qwen 2.5 → Qwen2.5']);
  });
});

describe('a tier and a version in either order (#13 §3)', () => {
  it('reads the tier before the version as the model the data names with the version first, and the other way round', () => {
    assert.deepEqual(mentions('Gemini Flash 2.5, Gemini Pro 2.5, Claude Sonnet 3.5 and 제미나이 플래시 2.5; Claude 4 Sonnet and Claude 4 Opus.'), [
      'Gemini Flash 2.5 → Gemini 2.5 Flash',
      'Gemini Pro 2.5 → Gemini 2.5 Pro',
      'Claude Sonnet 3.5 → Claude 3.5 Sonnet',
      '제미나이 플래시 2.5 → Gemini 2.5 Flash',
      'Claude 4 Sonnet → Claude Sonnet 4',
      'Claude 4 Opus → Claude Opus 4',
    ]);
  });

  it('swaps only names of a family word, a version and a tier, and never onto a name another entity has', () => {
    assert.equal(tierSwapped('Gemini 2.5 Flash'), 'Gemini Flash 2.5');
    assert.equal(tierSwapped('Claude Sonnet 4.5'), 'Claude 4.5 Sonnet');
    assert.equal(tierSwapped('Gemini 2.5 Flash-Lite'), 'Gemini Flash-Lite 2.5');
    assert.equal(tierSwapped('Gemini 2.5 Flash Image'), undefined);
    for (const name of ['Gemini 2.5 Flash Image Preview', 'Llama 3.1 70B', 'Qwen3 8B', 'GPT-4o mini', 'Mistral 7B']) assert.equal(tierSwapped(name), undefined, name);
    // Tier and version alone, only after the model's own family's word, never a variant word.
    assert.equal(tierAndVersion('Claude Sonnet 4.5'), 'Sonnet 4.5');
    assert.equal(tierAndVersion('Claude 3.5 Sonnet'), 'Sonnet 3.5');
    assert.deepEqual(mentions('Models: Transformer 2, Pro 2.5, Flash 2.5, Haiku 4.5.'), ['Haiku 4.5 → Claude Haiku 4.5']);
    // `Gemini Pro` is the family's alias; `Gemini Pro 1.5` still names the 1.5 model, by the longest match.
    assert.deepEqual(mentions('Gemini Pro 1.5 and Gemini Pro.'), ['Gemini Pro 1.5 → Gemini 1.5 Pro', 'Gemini Pro → Gemini']);
  });
});

describe('a whole version written with `.0` (#13 §3)', () => {
  it('reads `3.0` where the data names `3`, in a model’s or a family’s name, in Korean too', () => {
    assert.deepEqual(mentions('Gemini 3.0 Pro, GPT-4.0, Llama 3.0 8B, 라마 3.0 and Claude 3.0 Opus; GPT-4 stays.'), [
      'Gemini 3.0 Pro → Gemini 3 Pro',
      'GPT-4.0 → GPT-4',
      'Llama 3.0 8B → Llama 3 8B',
      '라마 3.0 → Llama',
      'Claude 3.0 Opus → Claude 3 Opus',
      'GPT-4 → GPT-4',
    ]);
  });

  it('passes over `.0` only after a whole version, never within a dotted one, nor where a name goes on with it', () => {
    // `3.1.0` and `3.05` are other versions; `EXAONE 3.0` is its own model, `EXAONE 3` no shorter name of it.
    assert.deepEqual(mentions('Llama 3.1.0 and Llama 3.05; EXAONE 3.0 came first.'), ['Llama → Llama', 'Llama → Llama', 'EXAONE 3.0 → EXAONE 3.0']);
  });
});

describe('a coined name written as words (#13 §6)', () => {
  it('reads the words only as the data writes them: `Open AI` is OpenAI, `the open AI ecosystem` is a phrase', () => {
    assert.deepEqual(mentions('Open AI released GPT-4o. The open AI ecosystem grows with Llama 3; OPEN AI is shouting.'), ['Open AI → OpenAI', 'GPT-4o → GPT-4o', 'Llama 3 → Llama']);
    assert.deepEqual(mentions('Models from Eleuther AI and Deep Seek; eleuther ai in lowercase is not the name.'), ['Eleuther AI → EleutherAI']);
    // The coined name itself keeps reading in lowercase (`openai`, `deepseek`).
    assert.deepEqual(mentions('openai and deepseek models.'), ['openai → OpenAI', 'deepseek → DeepSeek']);
  });
});
