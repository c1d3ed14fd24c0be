import { analyzeText as analyze } from '../test/support/analysis';
const t = '### Falcon (Technology Innovation Institute)\n\n- Sizes: 1B, 7B, 40B, 180B parameters\n\n### BLOOM (BigScience)\n\n- Released: July 2022\n- Sizes: 560M to 176B parameters\n- Context: 2K tokens\n';
const a = analyze(t);
console.log(a.mentions.map((m: any) => `${t.slice(m.start, m.end)}=${m.id}`));
console.log(a.claims.map((c: any) => `${c.text} ${c.qualifier} topical=${c.topical} → ${c.refersTo}`));
for (const t2 of ['BLOOM comes in sizes from 560M to 176B parameters, as an AI model.', 'BLOOM-176B has 176B parameters.', 'The BLOOM family: 176B parameters for the largest LLM.']) {
  const a2 = analyze(t2);
  console.log(t2, a2.mentions.map((m: any) => `${t2.slice(m.start, m.end)}=${m.id}`), a2.claims.map((c: any) => `${c.text} ${c.qualifier} ${c.topical} → ${c.refersTo}`));
}
