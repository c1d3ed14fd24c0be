import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeNote, createRecognizers, type NoteAnalysis } from '../../../server/src/analysis';
import { updateAnalysis } from '../../../server/src/analysis/incremental';
import { decodeSemanticTokens, semanticTokens } from '../../../server/src/features/semanticTokens';
import { bundledKnowledge } from '../../support/knowledge';
import { SEED } from '../../support/randomNotes';

/**
 * Bare short company names (`LG`, `NC`, `KT`, `SK`) are organizations only in a paragraph about AI
 * (#13 §4): their entities are `ambiguous` in the knowledge base. `SK` is the SK group; SK Telecom
 * (`SKT`, `SK텔레콤`) and SK hynix (`SK 하이닉스`) are companies of their own.
 */
const { kb, index } = bundledKnowledge();
const recognizers = createRecognizers(kb, index);
const analyze = (text: string): NoteAnalysis => analyzeNote(TextDocument.create('file:///k.md', 'markdown', 1, text), recognizers);
const mentions = (text: string): string[] => analyze(text).mentions.map((m) => `${m.text} → ${kb.get(m.id)!.name}`);

describe('bare short company names (#13 §4)', () => {
  it('reads them as organizations in a paragraph about AI: a word of the field, or a model’s name', () => {
    assert.deepEqual(mentions('KT와 LG, NC는 새 언어 모델을 공개했다.'), ['KT → KT', 'LG → LG Corp.', 'NC → NCSOFT']);
    assert.deepEqual(mentions('KT는 믿:음 2.0을 공개했다.'), ['KT → KT', '믿:음 2.0 → Mi:dm']);
    assert.deepEqual(mentions('KT released an open-weights model.'), ['KT → KT']);
  });

  it('leaves them alone elsewhere: shops, plans, fridges, ball clubs, share prices', () => {
    assert.deepEqual(mentions('KT 요금제가 올랐다. KT 위즈가 이겼다.'), []);
    assert.deepEqual(mentions('LG 냉장고를 샀다. NC 다이노스가 이겼다.'), []);
    assert.deepEqual(mentions('Korea Telecom raised its prices.'), []);
    // `SK 하이닉스` is SK hynix, a company of its own; bare `SK` is the SK group only in AI prose.
    assert.deepEqual(mentions('SK 하이닉스 주가가 올랐다. SK 와이번스가 이겼다.'), ['SK 하이닉스 → SK hynix']);
    assert.deepEqual(mentions('SK는 새 AI 모델을 공개했다. SKT는 A.X K1을 냈다.'), ['SK → SK Group', 'SKT → SK Telecom', 'A.X K1 → A.X K1']);
  });

  it('colours them only where they are mentions', () => {
    // (A paragraph of one short line would be read with the next, as a heading is.)
    const text = 'KT 요금제가 다음 달부터 오른다고 회사가 밝혔고, 고객들의 불만이 크다는 지적이 여러 지역에서 계속 이어지고 있다.\n\nKT는 AI 모델을 냈다.';
    const tokens = decodeSemanticTokens(semanticTokens(analyze(text)).data);
    assert.deepEqual(tokens.map((t) => [t.line, t.start, t.length, t.type]), [[2, 0, 2, 'organization']]);
  });

  it(`updates them incrementally exactly as a fresh analysis, as the paragraph becomes about AI and back (seed ${SEED})`, () => {
    const piece = fc.constantFrom('KT', 'KT는', 'LG', 'NC', 'SK', ' 요금제', ' 냉장고', ' 모델', ' AI', 'EXAONE', '\n\n', '\n\n## ', '. ', ' ');
    const text = fc.array(piece, { minLength: 3, maxLength: 16 }).map((xs) => xs.join(''));
    const move = fc.record({ at: fc.nat({ max: 997 }), remove: fc.integer({ min: 0, max: 6 }), insert: piece });
    fc.assert(
      fc.property(text, fc.array(move, { minLength: 1, maxLength: 8 }), (t0, edits) => {
        let doc = TextDocument.create('file:///k.md', 'markdown', 1, t0);
        let a = analyzeNote(doc, recognizers);
        for (const e of edits) {
          const t = doc.getText();
          const start = e.at % (t.length + 1);
          const change = { range: { start: doc.positionAt(start), end: doc.positionAt(Math.min(t.length, start + e.remove)) }, text: e.insert };
          doc = TextDocument.update(TextDocument.create(doc.uri, 'markdown', doc.version, t), [change], doc.version + 1);
          a = updateAnalysis(a, doc, [change], recognizers);
          assert.deepEqual(a.mentions, analyzeNote(doc, recognizers).mentions, JSON.stringify({ t0, edits }));
        }
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});
