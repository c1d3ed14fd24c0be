/**
 * Whether a paragraph is about AI, for names that also mean other things (`Claude` Monet, the
 * `Gemini` constellation, `Falcon` the bird, `LG` fridges): a word of the field, or the name of a
 * model or product, in the same paragraph. Read only when such a name is found, so ordinary
 * prose costs nothing.
 */
import { paragraphAt } from '../markdown/paragraphs';

/** Words that put a paragraph in the field, in English and Korean. */
const AI_WORDS =
  /\b(?:AI|A\.I\.|LLMs?|GPTs?|chatbots?|models?|parameters?|params|tokens?|benchmarks?|inference|fine-?tun\w*|pre-?train\w*|open[- ]weights?|neural|transformers?|machine learning|deep learning|multimodal|reasoning)\b|인공지능|에이아이|모델|매개변수|파라미터|챗봇|생성형|추론|벤치마크|오픈\s?소스|언어\s?모델|머신\s?러닝|딥\s?러닝|멀티모달/i;

/**
 * A memo of `aboutAI` by paragraph start, for one scan: `hasName(start, end)` says whether the
 * paragraph holds a name that needs no context.
 */
export function contextOf(mask: string, hasName: (start: number, end: number) => boolean): (pos: number) => boolean {
  const memo = new Map<number, boolean>();
  return (pos) => {
    const [start, end] = paragraphAt(mask, pos);
    let about = memo.get(start);
    if (about === undefined) {
      about = AI_WORDS.test(mask.slice(start, end).replace(/\u0000/g, ' ')) || hasName(start, end);
      memo.set(start, about);
    }
    return about;
  };
}
