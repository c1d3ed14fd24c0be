import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { linkClaims, sentenceAt } from '../../../server/src/recognize/claims';
import { findQuantities } from '../../../server/src/recognize/quantities';
import type { Mention, MentionKind } from '../../../server/src/recognize/types';

const EXAMPLES = path.resolve(__dirname, '../../../../shared/examples');

/** A stand-in for the entity recognizer: surface text → entity, found by searching the note. */
type Entry = [text: string, kind: MentionKind, id: string];

const ENTRIES: Entry[] = [
  ['딥시크(DeepSeek) V3.1', 'model', 'deepseek-v3.1'],
  ['DeepSeek-V3.1', 'model', 'deepseek-v3.1'],
  ['Llama 3.1 405B', 'model', 'llama-3.1-405b'],
  ['Llama 3.1', 'model', 'llama-3.1'],
  ['Qwen3-235B-A22B', 'model', 'qwen3-235b-a22b'],
  ['Llama', 'model', 'llama'],
  ['엑사원', 'model', 'exaone'],
  ['SK텔레콤', 'organization', 'sk-telecom'],
  ['SKT', 'organization', 'sk-telecom'],
  ['NC AI', 'organization', 'nc-ai'],
  ['LG AI연구원', 'organization', 'lg-ai-research'],
  ['Meta', 'organization', 'meta'],
];
const FAMILIES = new Set(['llama', 'exaone']);
const isModel = (id: string) => !FAMILIES.has(id) && ENTRIES.some(([, kind, e]) => e === id && kind === 'model');
const NAMES: Record<string, string> = { 'deepseek-v3.1': 'DeepSeek-V3.1' };

/** Every non-overlapping occurrence of the table's texts, longest first. */
function mentionsIn(text: string): Mention[] {
  const taken: Mention[] = [];
  for (const [surface, kind, id] of [...ENTRIES].sort((a, b) => b[0].length - a[0].length)) {
    for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + 1)) {
      const end = at + surface.length;
      if (taken.some((m) => m.start < end && at < m.end)) continue;
      taken.push({ start: at, end, text: surface, kind, id });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

function claimsIn(text: string) {
  return linkClaims(text, findQuantities(text), mentionsIn(text), { isModel });
}

describe('recognize/claims', () => {
  describe('links a claim to the model the text is about', () => {
    const rows: [sentence: string, claim: string, refersTo: string | null][] = [
      ['오픈소스 모델 중 최대인 딥시크(DeepSeek) V3.1의 6850억에는 미치지 못한다.', '6850억', 'deepseek-v3.1'],
      ['Llama 3.1 (405B) is open.', '405B', 'llama-3.1'],
      ['DeepSeek-V3.1: 671B 이상', '671B', 'deepseek-v3.1'],
      ['DeepSeek-V3.1 has 671B parameters.', '671B', 'deepseek-v3.1'],
      ['DeepSeek-V3.1 has about 671B parameters.', '671B', 'deepseek-v3.1'],
      ['DeepSeek-V3.1 is 3.5 times larger at 671B parameters.', '671B', 'deepseek-v3.1'],
      ['DeepSeek-V3.1 was described\nas a 671B model.', '671B', 'deepseek-v3.1'],
      ['DeepSeek-V3.1 has 671B parameters and DeepSeek-V3.1 is open.', '671B', 'deepseek-v3.1'],
      ['DeepSeek-V3.1 is larger than Llama 3.1 at 671B parameters.', '671B', null],
      ['Llama models reach 405B parameters.', '405B', null],
      ['DeepSeek-V3.1 beats models under 100B.', '100B', null],
      ['DeepSeek-V3.1 is not a dense 671B model.', '671B', null],
      ['DeepSeek-V3.1 was compared with 7B–70B models.', '70B', null],
      ['DeepSeek-V3.1 is open. The other has 70B parameters.', '70B', null],
      ['딥시크(DeepSeek) V3.1은 공개되었다. 새 모델은 6850억 매개변수다.', '6850억', null],
      ['DeepSeek-V3.1 is open!\nThe other has 70B parameters.', '70B', null],
      ['DeepSeek-V3.1 is open\n\nThe other has 70B parameters.', '70B', null],
      ['\u0000 DeepSeek-V3.1 is open\n\u0000 the other has 70B parameters', '70B', null],
      ['\u0000 DeepSeek-V3.1 \u0000 671B \u0000', '671B', 'deepseek-v3.1'],
      ['SKT, 5000억 매개변수 모델로 DeepSeek-V3.1에 맞선다.', '5000억', null],
      ['Meta 405B parameters, like Llama 3.1.', '405B', null],
    ];
    for (const [sentence, claim, refersTo] of rows) {
      it(`${JSON.stringify(sentence)}: ${claim} → ${refersTo}`, () => {
        const start = sentence.indexOf(claim);
        const found = claimsIn(sentence).filter((c) => c.start === start);
        assert.equal(found.length, 1, `a claim at ${claim}`);
        assert.equal(found[0].text, claim);
        assert.equal(found[0].refersTo, refersTo);
      });
    }
  });

  it('keeps the qualifier of an adjacent bound', () => {
    const [claim] = claimsIn('DeepSeek-V3.1: 671B 이상');
    assert.equal(claim.qualifier, 'bound');
  });

  describe('drops sizes that are part of a model name', () => {
    for (const s of ['Llama 3.1 405B is the largest.', 'Meta released Llama 3.1 405B.']) {
      it(s, () => {
        assert.ok(findQuantities(s).length > 0, 'the quantity recognizer alone finds the size');
        assert.deepEqual(claimsIn(s), []);
        // Not because nothing is linked: a count stated after the name in the same paragraph is the one claim.
        const text = `${s} Llama 3.1 405B has 410B parameters.`;
        assert.deepEqual(claimsIn(text).map((c) => [c.start, c.text, c.refersTo]), [[text.indexOf('410B'), '410B', 'llama-3.1-405b']]);
      });
    }
    it('keeps the claims beside the name', () => {
      const s = 'Llama 3.1 405B has 405B parameters.';
      assert.deepEqual(
        claimsIn(s).map((c) => [c.start, c.refersTo]),
        [[s.lastIndexOf('405B'), 'llama-3.1-405b']],
      );
    });
  });

  it('does not end a sentence at a decimal point', () => {
    const s = 'Llama 3.1 has 405B parameters. Next.';
    assert.deepEqual(sentenceAt(s, s.indexOf('405B')), [0, s.indexOf('. Next') + 1]);
  });

  it('links the claims of skt-500b-ko.md as expected', () => {
    const text = fs.readFileSync(path.join(EXAMPLES, 'skt-500b-ko.md'), 'utf8');
    const expected = parse(fs.readFileSync(path.join(EXAMPLES, 'skt-500b-ko.expected.yaml'), 'utf8')) as {
      parameterClaims: { line: number; text: string; value: number; refersTo: string | null }[];
    };
    const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
    const found = claimsIn(text).map((c) => ({
      line: lineOf(c.start),
      text: c.text,
      value: c.value,
      refersTo: c.refersTo === null ? null : NAMES[c.refersTo] ?? c.refersTo,
    }));
    assert.deepEqual(found, expected.parameterClaims);
  });
});
