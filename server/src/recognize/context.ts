/**
 * Whether a paragraph is about AI, for names that also mean other things (`Claude` Monet, the
 * `Gemini` constellation, `Falcon` the bird, `LG` fridges): a word of the field, or the name of a
 * model or product (or such a name beside its maker's: `Anthropic의 클로드`), in the same paragraph. A paragraph of one short line (a heading, a label:
 * `### Mistral`) is about what follows it, so its context runs on through the next paragraph.
 * Read only when such a name is found, so ordinary prose costs nothing.
 */
import { blankLine, paragraphEnd, paragraphStart } from '../markdown/paragraphs';

/**
 * Words that put a paragraph in the field, in English and Korean, read in the mask: masked syntax
 * (`\0`) stands for a space wherever a word is split by one (`machine[ \0]learning`, `오픈[\s\0]?소스`).
 */
const AI_WORDS =
  /\b(?:AI|A\.I\.|LLMs?|GPTs?|chatbots?|models?|parameters?|params|tokens?|benchmarks?|inference|fine-?tun\w*|pre-?train\w*|open[- \0]weights?|neural|transformers?|machine[ \0]learning|deep[ \0]learning|multimodal|reasoning)\b|인공지능|에이아이|모델|매개변수|파라미터|챗봇|생성형|추론|벤치마크|오픈[\s\0]?소스|언어[\s\0]?모델|머신[\s\0]?러닝|딥[\s\0]?러닝|멀티모달|미세[\s\0]?조정|파인[\s\0]?튜닝|사전[\s\0]?학습/i;

/**
 * `aboutAI` for one scan, which asks in order of position: the last paragraph asked about and its
 * answer are kept, as a scan asks many times in one paragraph and finding a paragraph's ends walks
 * it (a 256 KB table is one paragraph). `hasName(start, end)` says whether the paragraph names
 * something of the field. `text`, the note `mask` is of (the same length), shows what the mask
 * hides: a link to the Hugging Face Hub (`[Trinity-Mini](https://huggingface.co/arcee-ai/…)`)
 * puts its paragraph in the field, as a word of the field does.
 */
export function contextOf(mask: string, hasName: (start: number, end: number) => boolean, text?: string): (pos: number) => boolean {
  let last: { start: number; end: number; about: boolean } | undefined;
  return (pos) => {
    if (last && pos >= last.start && pos < last.end) return last.about;
    const own: [number, number] = [paragraphStart(mask, pos), paragraphEnd(mask, pos)];
    const [start, end] = contextAround(mask, own[0], own[1]);
    const about = hasAIWords(mask, start, end) || (text !== undefined && hasHubLink(text, start, end)) || hasName(start, end);
    last = { start: own[0], end: own[1], about };
    return last.about;
  };
}

/** The Hugging Face Hub's hosts, as an address in the text writes them. */
const HUB_ADDRESS = /\b(?:huggingface\.co|hf\.co)\//i;

/** Whether `text[start, end)` holds an address on the Hugging Face Hub (a link's target, or a bare address). */
export function hasHubLink(text: string, start: number, end: number): boolean {
  return HUB_ADDRESS.test(text.slice(start, end));
}

/**
 * Whether `mask[start, end)` holds a word of the field (`AI_WORDS`); masked syntax reads as a space.
 * The slice is a view of the mask, not a copy (a copy with the syntax replaced by spaces was 15 MB
 * of garbage for the bench's noisy 1 MB note).
 */
export function hasAIWords(mask: string, start: number, end: number): boolean {
  return AI_WORDS.test(mask.slice(start, end));
}

/** Longest title line, in characters other than spaces and masked syntax. */
const TITLE_CHARS = 40;

/** Whether `mask[start, end)` is one short line: a heading or a label, read with what follows. */
function titleLine(mask: string, start: number, end: number): boolean {
  const lineEnd = mask.indexOf('\n', start);
  if (lineEnd !== -1 && lineEnd < end) return false;
  let chars = 0;
  for (let i = start; i < end; i++) {
    const c = mask.charCodeAt(i);
    if (c !== 0 && c !== 0x20 && c !== 0x09 && c !== 0x0d && ++chars > TITLE_CHARS) return false;
  }
  return chars > 0;
}

/** The start of the first non-blank line at or after `from`, or -1. */
function nextTextLine(mask: string, from: number): number {
  for (let at = from; at < mask.length; ) {
    const lineEnd = mask.indexOf('\n', at);
    const stop = lineEnd === -1 ? mask.length : lineEnd;
    if (!blankLine(mask, at, stop)) return at;
    at = stop + 1;
  }
  return -1;
}

/** What decides whether names in the paragraph `[start, end)` are about AI: the paragraph, and the next one when it is a title line. */
function contextAround(mask: string, start: number, end: number): [number, number] {
  if (end >= mask.length || !titleLine(mask, start, end)) return [start, end];
  const next = nextTextLine(mask, end + 1);
  return [start, next === -1 ? end : paragraphEnd(mask, next)];
}

/** The first offset whose names may depend on text at `pos`: its paragraph's start, or a title line's before it. */
export function contextStart(mask: string, pos: number): number {
  const start = paragraphStart(mask, pos);
  // The last non-blank line before this paragraph.
  let at = start - 1;
  while (at > 0) {
    const lineStart = mask.lastIndexOf('\n', at - 1) + 1;
    if (!blankLine(mask, lineStart, at)) break;
    at = lineStart - 1;
  }
  if (at <= 0) return start;
  const before = paragraphStart(mask, at);
  return titleLine(mask, before, paragraphEnd(mask, before)) ? before : start;
}
