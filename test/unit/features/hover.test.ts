import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeNote } from '../../../server/src/analysis';
import { hover } from '../../../server/src/features/hover';
import { entityMarkdown } from '../../../server/src/format/entity';
import { noteLink } from '../../../server/src/format/markdown';
import { createKnowledgeBase } from '../../../server/src/knowledge/knowledgeBase';
import type { ModelEntity } from '../../../server/src/knowledge/types';
import { buildAliasIndex } from '../../../server/src/recognize/aliasIndex';
import { fakeKnowledge, sampleEntities } from '../../support/fakeKnowledge';
import { frozenKnowledge } from '../../support/knowledge';

const en = { locale: 'en', numberFormat: 'auto' } as const;
const ko = { locale: 'ko', numberFormat: 'auto' } as const;

describe('hover Markdown (a frozen copy of bundled entries)', () => {
  const { kb } = frozenKnowledge();
  const md = (id: string, options: typeof en | typeof ko | { locale: 'en'; numberFormat: 'B' | '억' | 'both' } = en) =>
    entityMarkdown(kb.get(id)!, kb, options);

  it('DeepSeek-V3.1: counts in both notations, alternate, facts and sources', () => {
    assert.equal(
      md('deepseek-v3.1'),
      [
        '**DeepSeek-V3.1** · model · DeepSeek',
        '',
        '- Parameters: 671B (6710억) total · 37B (370억) active',
        '- Also reported: 685B (6850억) total — incl. 14B multi-token-prediction module (Hugging Face count)',
        '- Architecture: MoE — Same structure as DeepSeek-V3; hybrid thinking / non-thinking via the chat template',
        '- Released: 2025-08-21',
        '- License: MIT · open weights',
        '- Context: 128K (131,072 tokens)',
        '- Modality: text → text',
        '- Note: Hosted endpoints advertise 163,840 tokens of context; the card says 128K.',
        '- Note: Not the largest open-weight model at its release: Kimi K2 (1T total, 2025-07-11) is larger.',
        '',
        // At most two documents, primary first, each named by what it is; the as-of date once.
        'Sources: [model card](https://huggingface.co/deepseek-ai/DeepSeek-V3.1) · [docs](https://api-docs.deepseek.com/updates) · as of 2026-12-05',
      ].join('\n'),
    );
  });

  it('follows numberFormat B, 억 and both', () => {
    const params = (numberFormat: 'B' | '억' | 'both') => md('deepseek-v3.1', { locale: 'en', numberFormat }).split('\n')[2];
    assert.equal(params('B'), '- Parameters: 671B total · 37B active');
    assert.equal(params('억'), '- Parameters: 6710억 total · 370억 active');
    assert.equal(params('both'), '- Parameters: 671B (6710억) total · 37B (370억) active');
  });

  it('SK Telecom in Korean: type, country, website mark and its models', () => {
    assert.deepEqual(md('sk-telecom', ko).split('\n').slice(0, 4), [
      '**SK Telecom** · 조직 · 기업 · KR',
      '',
      '- 웹사이트: [sktelecom.com](https://www.sktelecom.com/) (미확인)',
      '- 모델: A.X 4.0 (72B), A.X 4.0 Light (7B)',
    ]);
  });

  it('EXAONE family: its members with sizes', () => {
    assert.deepEqual(md('lg-exaone').split('\n').slice(0, 3), [
      '**EXAONE** · model family · LG AI Research',
      '',
      // A size the name already states is not repeated.
      '- Models: EXAONE 4.0 1.2B, EXAONE 4.0 (32B)',
    ]);
  });

  it('marks an unverified country in the title line on its own line', () => {
    const meta = md('meta').split('\n');
    assert.equal(meta[0], '**Meta** · organization · company · US');
    assert.ok(meta.includes('- Unverified: country'), meta.join('\n'));
  });

  it('a closed model reads undisclosed, never a rumoured number', () => {
    assert.equal(md('openai-gpt-4').split('\n')[2], '- Parameters: undisclosed');
    assert.equal(md('openai-gpt-4', ko).split('\n')[2], '- 매개변수: 비공개');
  });

  it('escapes names and notes from knowledge files and links only http(s) sources', () => {
    // Built by hand: the loader already refuses non-http(s) sources, the hover must not rely on it.
    const evil: ModelEntity = {
      kind: 'model',
      id: 'evil',
      name: 'Evil [click](command:rm) <img src=x> *bold*',
      aliases: ['EvilLM'],
      notes: ['<script>alert(1)</script> | pipe'],
      sources: [{ url: 'https://example.org/a_(b)' }, { url: 'javascript:alert(1)' }],
    };
    const file = { uri: 'file:///ws/evil.yaml', entities: [evil], origins: new Map(), problems: [], ignore: [] };
    const local = createKnowledgeBase([file], 1);
    assert.equal(
      entityMarkdown(local.get('evil')!, local, en),
      [
        '**Evil \\[click\\](command:rm) &lt;img src=x\\> \\*bold\\*** · model',
        '',
        '- Note: &lt;script\\>alert(1)&lt;/script\\> \\| pipe',
        '',
        // A source without a kind is named by its host; a non-http(s) one is never shown.
        'Sources: [example.org](https://example.org/a_%28b%29)',
      ].join('\n'),
    );
  });

  it('answers at both ends of a mention and nowhere else', () => {
    const { index } = frozenKnowledge();
    const text = 'See KAIST today.';
    const a = analyzeNote(TextDocument.create('file:///n.md', 'markdown', 1, text), { aliases: index, claims: () => [] });
    const at = (offset: number) => hover(a, offset, kb, en)?.range;
    const range = { start: { line: 0, character: 4 }, end: { line: 0, character: 9 } };
    assert.deepEqual([at(3), at(4), at(9), at(10)], [undefined, range, range, undefined]);
  });
});

describe('features/hover: claims in other notes', () => {
  const kb = fakeKnowledge(sampleEntities);
  const analysis = analyzeNote(TextDocument.create('file:///n.md', 'markdown', 1, 'DeepSeek-V3.1 and GPT-4.\n'), { aliases: buildAliasIndex(kb), claims: () => [] });
  const claims = ['685B', '6,850억', '671B', '700B', '7000억'].map((text, i) => ({ uri: `file:///w/note%20${i}.md`, line: i * 10, text }));
  const last = (offset: number, locale: 'en' | 'ko') => {
    const h = hover(analysis, offset, kb, { locale, numberFormat: 'auto', claimsElsewhere: (id) => (id === 'deepseek-v3.1' ? claims : []) });
    return (h!.contents as { value: string }).value.split('\n').at(-1);
  };

  it('lists at most three, with file and line, and counts the rest, in the client’s language', () => {
    // Each place is a link that opens the note at that line (VS Code reads the #L fragment).
    assert.equal(
      last(0, 'en'),
      'Also claimed in your notes: 685B ([note 0.md:1](file:///w/note%200.md#L1)) · 6,850억 ([note 1.md:11](file:///w/note%201.md#L11)) · 671B ([note 2.md:21](file:///w/note%202.md#L21)) · 2 more',
    );
    assert.equal(
      last(0, 'ko'),
      '다른 노트에 적힌 크기: 685B ([note 0.md:1](file:///w/note%200.md#L1)) · 6,850억 ([note 1.md:11](file:///w/note%201.md#L11)) · 671B ([note 2.md:21](file:///w/note%202.md#L21)) · 그 밖에 2개',
    );
  });

  it('links only to notes (file, vscode-vfs, vscode-remote), never to a command or script', () => {
    assert.equal(noteLink('vscode-vfs://github/u/r/a.md', 4, 'a.md:5'), '[a.md:5](vscode-vfs://github/u/r/a.md#L5)');
    assert.equal(noteLink('file:///w/(x).md', 0, 'x'), '[x](file:///w/%28x%29.md#L1)');
    for (const uri of ['command:rm?x', 'javascript:alert(1)', 'untitled:Untitled-1', 'https://x.y/a.md', 'not a uri']) assert.equal(noteLink(uri, 0, 'a*b'), 'a\\*b', uri);
  });

  it('adds nothing for a model no other note sizes', () => {
    assert.doesNotMatch(last(18, 'en') ?? '', /Also claimed/);
  });
});
