import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeNote, createRecognizers, type NoteAnalysis } from '../../../server/src/analysis';
import { updateAnalysis } from '../../../server/src/analysis/incremental';
import { hover } from '../../../server/src/features/hover';
import { decodeSemanticTokens, semanticTokens } from '../../../server/src/features/semanticTokens';
import { hostLabels, namesHost, siteName } from '../../../server/src/recognize/linkLabels';
import { bundledKnowledge } from '../../support/knowledge';
import { SEED } from '../../support/randomNotes';

/**
 * A link whose whole text is a site's label is not a mention (#13 §6, `recognize/linkLabels.ts`);
 * a model's name, or a name linked elsewhere, stays one.
 */
const { kb, index } = bundledKnowledge();
const recognizers = createRecognizers(kb, index);
const analyze = (text: string): NoteAnalysis => analyzeNote(TextDocument.create('file:///l.md', 'markdown', 1, text), recognizers);
const mentions = (text: string): string[] => analyze(text).mentions.map((m) => `${m.text} → ${kb.get(m.id)!.name}`);

describe('links labelled with their site (#13 §6)', () => {
  it('reads a site’s name from a link’s text and host', () => {
    assert.equal(siteName('🤗 Hugging Face'), 'huggingface');
    assert.equal(siteName('GitHub repo'), 'github');
    assert.equal(siteName('Hugging Face 모델 카드'), 'huggingface');
    assert.equal(siteName('Paper on arXiv'), 'arxiv');
    assert.equal(siteName('Paper'), 'paper');
    const names = (name: string, url: string): boolean => namesHost(name, hostLabels(url)!);
    assert.ok(names('github', 'https://github.com/x'));
    assert.ok(names('metaai', 'https://ai.meta.com/blog/x'));
    assert.ok(names('mistralai', 'https://mistral.ai/news'));
    assert.ok(names('googledeepmind', 'https://deepmind.google/models'));
    assert.ok(names('xai', 'https://x.ai'));
    // A subdomain that is a name of its own is not the site's name; nor is another host.
    assert.ok(!names('llama', 'https://llama.meta.com'));
    assert.ok(!names('metallama', 'https://llama.meta.com'));
    assert.ok(!names('mistral', 'https://huggingface.co/mistralai'));
    assert.equal(hostLabels('models/llama2/LICENSE'), undefined);
  });

  it('reads an organization’s name linked to its own site as a label, and a product’s as the product', () => {
    assert.deepEqual(
      mentions(
        'Weights on [🤗 Hugging Face](https://huggingface.co/deepseek-ai/DeepSeek-V3), code on [GitHub repo](https://github.com/a/b), ' +
          'see [GitHub](https://github.com/x/y), [Meta AI](https://ai.meta.com/blog), [Mistral AI](https://mistral.ai/news), ' +
          '[Google DeepMind](https://deepmind.google/x), [DeepSeek](https://www.deepseek.com).',
      ),
      [],
    );
    // A product's site is the product: a list of tools links each to its own (`[Cursor](https://cursor.com/)`).
    assert.deepEqual(mentions('Tools: [ChatGPT](https://chatgpt.com), [Cursor](https://cursor.com/), [GitHub Copilot](https://github.com/features/copilot).'), [
      'ChatGPT → ChatGPT',
      'Cursor → Cursor',
      'GitHub Copilot → GitHub Copilot',
    ]);
    // A name the knowledge base gives the site (`허깅페이스`), or an organization's `website`.
    assert.deepEqual(mentions('모델은 [허깅페이스](https://huggingface.co/LGAI-EXAONE)와 [깃허브](https://github.com/LG-AI-EXAONE)에 있다.'), []);
    assert.deepEqual(mentions('From [LG AI Research](https://www.lgresearch.ai/news/1).'), []);
    // The whole text in parentheses, as a table's link column writes it.
    assert.deepEqual(mentions('| gemma-2-2b-it [(HuggingFace)](https://huggingface.co/unsloth/gemma-2-2b-it) [(GitHub)](https://github.com/a/b) |'), ['gemma-2-2b-it → Gemma 2 2B']);
    // Not a parenthesis after other words of the text.
    assert.deepEqual(mentions('[Weights (HuggingFace)](https://huggingface.co/x)'), ['HuggingFace → Hugging Face']);
    // An announcement or news page of the organization's own site is a label too, in Korean alike.
    assert.deepEqual(mentions('([MSIT 발표](https://www.msit.go.kr/eng/bbs/view.do?x=1) 참조) and [OpenAI announcement](https://openai.com/index/x), [Mistral AI news](https://mistral.ai/news/x).'), []);
    // Generic labels name no entity at all.
    assert.deepEqual(mentions('[Paper](https://arxiv.org/abs/2412.19437) · [모델 카드](https://huggingface.co/x) · [arXiv](https://arxiv.org/abs/1)'), []);
  });

  it('keeps a model’s name, a name linked elsewhere, and names outside links as mentions', () => {
    assert.deepEqual(mentions('[DeepSeek-V3.1](https://huggingface.co/deepseek-ai/DeepSeek-V3.1) and [Llama](https://www.llama.com).'), [
      'DeepSeek-V3.1 → DeepSeek-V3.1',
      'Llama → Llama',
    ]);
    assert.deepEqual(mentions('[Mistral](https://huggingface.co/mistralai) models on Hugging Face; [GitHub](https://example.com/x).'), [
      'Mistral → Mistral AI',
      'Hugging Face → Hugging Face',
      'GitHub → GitHub',
    ]);
    // A link text with more than the site's name; a product naming its model; a relative link.
    assert.deepEqual(mentions('[Hugging Face and GitHub](https://github.com/x), [ChatGPT-4o](https://chatgpt.com), [GitHub](docs/github.md).'), [
      'Hugging Face → Hugging Face',
      'GitHub → GitHub',
      'ChatGPT-4o → ChatGPT',
      'GitHub → GitHub',
    ]);
  });

  it('reads a link that names who did something as a mention: after `by`, or before the subject particle 가/이', () => {
    assert.deepEqual(
      mentions('Falcon3, developed by\n[Technology Innovation Institute (TII)](https://www.tii.ae/ai) in Abu Dhabi; by [DeepSeek][ds].\n\n[ds]: https://www.deepseek.com\n'),
      ['Falcon3 → Falcon 3', 'Technology Innovation Institute (TII) → Technology Innovation Institute', 'DeepSeek → DeepSeek'],
    );
    assert.deepEqual(mentions('[업스테이지](https://www.upstage.ai/news)가 공개한 모델, [허깅페이스](https://huggingface.co/x)이 올린 글.'), [
      '업스테이지 → Upstage',
      '허깅페이스 → Hugging Face',
    ]);
    // A place stays a label: `on`, `from`, another particle, `by` inside a word.
    assert.deepEqual(
      mentions('Hosted on [Hugging Face](https://huggingface.co/x), from [LG AI Research](https://www.lgresearch.ai/n), [허깅페이스](https://huggingface.co/y)에서, nearby [GitHub](https://github.com/z), [허깅페이스](https://huggingface.co/y)이번.'),
      [],
    );
  });

  it('reads a reference link’s definition: a site’s name linked to its site is a label, in full, collapsed and shortcut form', () => {
    const text =
      'Weights on [🤗 Hugging Face][hf], code on [GitHub][], docs on [GitHub repo][gh] and [깃허브], see [DeepSeek].\n\n' +
      '[hf]: https://huggingface.co/deepseek-ai\n[github]: <https://github.com/deepseek-ai>\n[GH]:\n  https://github.com/x\n' +
      '[깃허브]: https://github.com/y "Title"\n[deepseek]: https://www.deepseek.com\n';
    assert.deepEqual(mentions(text), []);
    // Inside a list and a block quote too, where the remark path reads the note.
    assert.deepEqual(mentions('- On [Hugging Face][hf].\n\n> And [GitHub].\n\n[hf]: https://huggingface.co/m\n[GitHub]: https://github.com/m\n'), []);
  });

  it('keeps a model’s name, a name whose definition points elsewhere, and an undefined reference as mentions', () => {
    const text =
      'See [DeepSeek-V3][v3], [Mistral][m], [GitHub][x], [Hugging Face] and [GitHub][none].\n\n' +
      '[v3]: https://huggingface.co/deepseek-ai/DeepSeek-V3\n[m]: https://huggingface.co/mistralai\n[x]: https://example.com/github\n';
    assert.deepEqual(
      analyze(text).mentions.map((m) => [m.start, m.end, m.text, m.id]),
      [
        [5, 16, 'DeepSeek-V3', 'deepseek-v3'],
        [24, 31, 'Mistral', 'mistral-ai'],
        [38, 44, 'GitHub', 'github'],
        [51, 63, 'Hugging Face', 'hugging-face'],
        [70, 76, 'GitHub', 'github'],
      ],
    );
  });

  it('reads every reference again when its definition’s destination changes, as a fresh analysis does', () => {
    const text = 'Code on [GitHub][gh] for Llama 3.1.\n\nMore on [GitHub][gh].\n\n[gh]: https://github.com/x\n';
    let doc = TextDocument.create('file:///l.md', 'markdown', 1, text);
    let a = analyzeNote(doc, recognizers);
    const seen: string[][] = [];
    for (const [from, to] of [['github.com', 'example.com'], ['example.com', 'github.com']]) {
      const t = doc.getText();
      const at = t.lastIndexOf(from);
      const change = { range: { start: doc.positionAt(at), end: doc.positionAt(at + from.length) }, text: to };
      doc = TextDocument.update(TextDocument.create(doc.uri, 'markdown', doc.version, t), [change], doc.version + 1);
      a = updateAnalysis(a, doc, [change], recognizers);
      assert.deepEqual(a.mentions, analyzeNote(doc, recognizers).mentions, to);
      seen.push(a.mentions.map((m) => `${m.start} ${m.text}`));
    }
    assert.deepEqual(seen, [['9 GitHub', '25 Llama 3.1', '46 GitHub'], ['25 Llama 3.1']]);
  });

  it('gives a site label no hover and no token, as the CLI lists no mention there', () => {
    const text = 'Code on [GitHub](https://github.com/x/y); DeepSeek-V3.1 on [Hugging Face](https://huggingface.co/m).';
    const a = analyze(text);
    assert.deepEqual(
      decodeSemanticTokens(semanticTokens(a).data).map((t) => `${text.slice(t.start, t.start + t.length)} ${t.type}`),
      ['DeepSeek-V3.1 model'],
    );
    assert.equal(hover(a, text.indexOf('GitHub') + 1, kb, { locale: 'en', numberFormat: 'auto' }), null);
    assert.ok(hover(a, text.indexOf('DeepSeek') + 1, kb, { locale: 'en', numberFormat: 'auto' }));
  });

  it('reads a link again when only its target changes, in a block of several paragraphs too', () => {
    for (const text of ['See [GitHub](https://github.com/x) for Llama 3.1.\n', '- See [GitHub](https://github.com/x) for Llama 3.1.\n\n- A second item.\n\n- A third.\n']) {
      let doc = TextDocument.create('file:///l.md', 'markdown', 1, text);
      let a = analyzeNote(doc, recognizers);
      for (const [from, to] of [['github.com', 'example.com'], ['example.com', 'github.com']]) {
        const t = doc.getText();
        const at = t.indexOf(from);
        const change = { range: { start: doc.positionAt(at), end: doc.positionAt(at + from.length) }, text: to };
        doc = TextDocument.update(TextDocument.create(doc.uri, 'markdown', doc.version, t), [change], doc.version + 1);
        a = updateAnalysis(a, doc, [change], recognizers);
        assert.deepEqual(a.mentions, analyzeNote(doc, recognizers).mentions, JSON.stringify({ text, to }));
      }
      assert.deepEqual(a.mentions.map((m) => m.text), ['Llama 3.1']);
    }
  });

  it(`updates site labels incrementally exactly as a fresh analysis, as links’ texts, targets and definitions change (seed ${SEED})`, () => {
    const piece = fc.constantFrom(
      '[GitHub](https://github.com/x)', '[Hugging Face](https://huggingface.co/m)', '[허깅페이스](https://huggingface.co/m)', '[Mistral](https://mistral.ai)',
      'github.com', 'example.com', 'huggingface.co', '[', ']', '](https://github.com/y)', 'GitHub', 'Hugging Face', 'repo', ' 🤗 ', 'Llama 3.1', ' and ', '. ', '\n\n',
      '[GitHub][gh]', '[GitHub][]', '[GitHub]', '][gh]', '\n[gh]: https://github.com/z\n', '\n\n[github]: https://example.com/q\n', '\n```\n',
    );
    const text = fc.array(piece, { minLength: 2, maxLength: 12 }).map((xs) => xs.join(' '));
    const move = fc.record({ at: fc.nat({ max: 997 }), remove: fc.integer({ min: 0, max: 10 }), insert: piece });
    fc.assert(
      fc.property(text, fc.array(move, { minLength: 1, maxLength: 8 }), (t0, edits) => {
        let doc = TextDocument.create('file:///l.md', 'markdown', 1, t0);
        let a = analyzeNote(doc, recognizers);
        for (const e of edits) {
          const t = doc.getText();
          const start = t.length === 0 ? 0 : e.at % (t.length + 1);
          const change = { range: { start: doc.positionAt(start), end: doc.positionAt(Math.min(t.length, start + e.remove)) }, text: e.insert };
          doc = TextDocument.update(TextDocument.create(doc.uri, 'markdown', doc.version, t), [change], doc.version + 1);
          a = updateAnalysis(a, doc, [change], recognizers);
          const fresh = analyzeNote(doc, recognizers);
          assert.deepEqual([a.mentions, a.claims], [fresh.mentions, fresh.claims], JSON.stringify({ t0, edits }));
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
