/**
 * Benchmark inputs: research notes of a given size from a fixed seed, built from the example
 * note's sentences and English research prose, with headings, lists, tables, code blocks,
 * links, emphasis, footnotes and front matter in the proportions of real notes.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/** mulberry32: a small, fast, seedable PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const examplePath = path.resolve(__dirname, '..', '..', 'shared', 'examples', 'skt-500b-ko.md');

/** Sentences of the example note (prose lines split at sentence ends). */
function koreanSentences(): string[] {
  const text = readFileSync(examplePath, 'utf8');
  return text
    .split('\n')
    .filter((l) => l.length > 40 && !l.startsWith('#') && !l.startsWith('|'))
    .flatMap((l) => l.split(/(?<=다\.|\.) /))
    .filter((s) => s.length > 10);
}

const models = ['DeepSeek-V3.1', 'DeepSeek V3', 'Llama 3.1 405B', 'Qwen3-235B-A22B', 'GPT-4', 'EXAONE 3.5', 'HyperCLOVA X', 'A.X 4.0', 'Mixtral 8x7B', 'Gemma 3'];
const orgs = ['DeepSeek', 'Meta', 'Alibaba', 'OpenAI', 'LG AI Research', 'NAVER', 'SKT', 'Mistral AI', 'Google DeepMind', 'KAIST'];
const sizes = ['671B', '685B', '405B', '235B', '70B', '8B', '32B', '46.7B', '1.8T', '500B'];

const english = [
  (r: Pick) => `${r(models)} has ${r(sizes)} parameters in total, of which ${r(['37B', '22B', '12.9B'])} are active per token.`,
  (r: Pick) => `${r(orgs)} released ${r(models)} under an open license, trained on ${r(['14.8T', '15T', '36T'])} tokens.`,
  (r: Pick) => `Compared with ${r(models)}, the ${r(sizes)} model is roughly ${r(['2', '3', '5'])} times larger but only marginally better on MMLU.`,
  (r: Pick) => `The context window grew to 128K tokens, and inference costs fell by about ${r(['40', '60', '75'])} percent.`,
  (r: Pick) => `Evaluations on reasoning benchmarks suggest that scale alone does not explain the gap between ${r(models)} and ${r(models)}.`,
  (r: Pick) => `We note that the reported figure of ${r(sizes)} includes the embedding layers and the multi-token prediction module.`,
  (r: Pick) => `Distillation from a ${r(sizes)} teacher into an ${r(['8B', '7B', '3B'])} student kept most of the quality at a fraction of the cost.`,
];

type Pick = <T>(items: readonly T[]) => T;

/** A note of about `size` characters from `seed`. */
export function benchNote(size: number, seed = 7): string {
  const rand = prng(seed);
  const pick: Pick = (items) => items[Math.floor(rand() * items.length)];
  const ko = koreanSentences();
  const sentence = (): string => (rand() < 0.55 ? pick(ko) : pick(english)(pick));
  const decorate = (s: string): string => {
    const x = rand();
    if (x < 0.08) return s.replace(/^(\S+)/, '**$1**');
    if (x < 0.13) return `${s} [source](https://example.com/${Math.floor(rand() * 1000)})`;
    if (x < 0.16) return `${s} See \`config.json\`.`;
    if (x < 0.19) return `${s}[^${1 + Math.floor(rand() * 9)}]`;
    if (x < 0.21) return `${s} https://arxiv.org/abs/2412.${10000 + Math.floor(rand() * 89999)}`;
    return s;
  };
  const paragraph = (): string => Array.from({ length: 2 + Math.floor(rand() * 4) }, () => decorate(sentence())).join(' ');

  const parts: string[] = ['---\ntitle: 국내외 대형 모델 동향\ntags: [llm, korea]\ndate: 2025-09-01\n---\n'];
  let length = parts[0].length;
  let section = 0;
  const push = (block: string): void => {
    parts.push(block);
    length += block.length + 2;
  };
  while (length < size) {
    const x = rand();
    if (x < 0.1) push(`## ${++section}. ${pick(['규모와 효율', 'Scaling and efficiency', '오픈소스 모델', 'Benchmarks', '국내 컨소시엄'])}`);
    else if (x < 0.62) push(paragraph());
    else if (x < 0.77) {
      // Items, some nested, some going on over a second line.
      const item = (indent: string): string => {
        const y = rand();
        if (y < 0.2) return `${indent}- ${decorate(sentence())}\n${indent}  ${sentence()}`;
        if (y < 0.35) return `${indent}- ${decorate(sentence())}\n${indent}  - ${decorate(sentence())}`;
        return `${indent}- ${decorate(sentence())}`;
      };
      push(Array.from({ length: 2 + Math.floor(rand() * 4) }, () => item('')).join('\n'));
    } else if (x < 0.85) {
      const rows = Array.from({ length: 2 + Math.floor(rand() * 4) }, () => `| **${pick(models)}** | ${pick(orgs)} | ${pick(sizes)} | ${pick(['2024-12', '2025-03', '2025-08'])} |`);
      push(['| Model | Organization | Parameters | Release |', '| --- | --- | ---: | --- |', ...rows].join('\n'));
    } else if (x < 0.92) {
      push(['```python', 'from transformers import AutoModelForCausalLM', '', `model = AutoModelForCausalLM.from_pretrained("${pick(models)}")`, 'print(model.num_parameters())', '```'].join('\n'));
    } else if (x < 0.96) push(`> ${sentence()}`);
    else push(`[^${1 + Math.floor(rand() * 9)}]: ${pick(english)(pick)}`);
  }
  return parts.join('\n\n') + '\n';
}

/**
 * A clipped web page or README of about `size` characters: every line dense with links, emphasis,
 * inline code and bits of inline HTML, tables of 50 rows and more, and a few lines of 10 KB (#19).
 */
export function noisyNote(size: number, seed = 11): string {
  const { rand, pick, sentence, dress } = writer(seed);
  const noisy = (s: string): string =>
    dress(s, (w, x) => {
      if (x > 0.35) return w;
      if (x < 0.08) return `[${w}](https://example.com/p/${Math.floor(rand() * 1e6)}?ref=clip)`;
      if (x < 0.16) return `**${w}**`;
      if (x < 0.22) return `\`${w}\``;
      if (x < 0.28) return `<span class="hl">${w}</span>`;
      return `_${w}_`;
    });
  const parts: string[] = [];
  let length = 0;
  const push = (block: string): void => {
    parts.push(block);
    length += block.length + 2;
  };
  while (length < size) {
    const x = rand();
    if (x < 0.55) push(Array.from({ length: 2 + Math.floor(rand() * 3) }, () => noisy(sentence())).join(' <br> '));
    else if (x < 0.7) push(Array.from({ length: 3 + Math.floor(rand() * 5) }, () => `* ${noisy(sentence())}`).join('\n'));
    else if (x < 0.8) {
      const rows = Array.from({ length: 50 + Math.floor(rand() * 30) }, () => `| [${pick(models)}](https://hf.co/x) | ${pick(orgs)} | \`${pick(sizes)}\` | ${noisy(pick(english)(pick)).slice(0, 60)} |`);
      push(['| Model | Org | Size | Notes |', '| --- | --- | ---: | --- |', ...rows].join('\n'));
    } else if (x < 0.83) push(Array.from({ length: 60 }, () => noisy(sentence())).join(' ').slice(0, 10_000));
    else if (x < 0.9) push(`<div class="note">${noisy(sentence())}</div>`);
    else push(`### ${noisy(pick(['규모와 효율', 'Scaling and efficiency', 'Benchmarks']))}`);
  }
  return parts.join('\n\n') + '\n';
}

/**
 * A seeded writer of the bench's sentences, Korean or English: `dress` passes each word after the
 * first, with a random number, to `word` (links, emphasis, code), as clipped pages and outlines
 * carry them.
 */
function writer(seed: number) {
  const rand = prng(seed);
  const pick: Pick = (items) => items[Math.floor(rand() * items.length)];
  const ko = koreanSentences();
  const sentence = (): string => (rand() < 0.5 ? pick(ko) : pick(english)(pick));
  const dress = (s: string, word: (w: string, x: number) => string): string =>
    s
      .split(' ')
      .map((w, i) => {
        const x = rand();
        return i === 0 ? w : word(w, x);
      })
      .join(' ');
  return { rand, pick, sentence, dress };
}

/**
 * An outline as Obsidian and Logseq keep one (#17, #19): bullets nested by tabs or by four spaces,
 * no blank lines inside a section, a few links, bold words and code spans, Korean and English.
 */
export function outlineNote(size: number, seed = 13): string {
  const { rand, pick, sentence, dress } = writer(seed);
  const dressed = (s: string): string => dress(s, (w, x) => (x > 0.15 ? w : x < 0.05 ? `[[${w}]]` : x < 0.1 ? `**${w}**` : `\`${w}\``));
  const lines: string[] = [];
  let length = 0;
  let section = 0;
  while (length < size) {
    const indentUnit = section % 2 === 0 ? '\t' : '    ';
    const heading = `## ${pick(['규모와 효율', 'Scaling and efficiency', 'Benchmarks', '읽은 논문'])} ${++section}`;
    lines.push('', heading, '');
    length += heading.length + 3;
    let depth = 0;
    for (let k = 0; k < 40 + Math.floor(rand() * 40) && length < size; k++) {
      depth = Math.max(0, Math.min(3, depth + Math.floor(rand() * 3) - 1));
      const line = `${indentUnit.repeat(depth)}- ${dressed(sentence())}`;
      lines.push(line);
      length += line.length + 1;
    }
  }
  return lines.join('\n').trimStart() + '\n';
}

