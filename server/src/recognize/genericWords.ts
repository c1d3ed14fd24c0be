/**
 * Words of the field that name no one model by themselves (#13): `LLM`, `AI`, `model`, `chat`,
 * `모델`, `챗봇`. A name that is only such a word (`LLM` of `VARCO LLM`, an alias `AI`) would turn
 * every sentence about models into a mention, so it is never a short form or an alias.
 */
import { foldName } from '../knowledge/normalize';

const WORDS = new Set(
  [
    'ai', 'a.i.', 'llm', 'llms', 'lm', 'lms', 'slm', 'sllm', 'mllm', 'vlm', 'model', 'models', 'chat', 'chatbot', 'bot',
    'assistant', 'agent', 'agents', 'app', 'api', 'foundation', 'language', 'transformer',
    '모델', '언어모델', '언어 모델', '챗봇', '인공지능', '에이아이', '에이전트', '어시스턴트', '앱', '초거대', '생성형',
  ].map(foldName),
);

/** Whether `name` (any case or spacing) is only a word of the field. */
export function isGenericWord(name: string): boolean {
  return WORDS.has(foldName(name));
}

/** `isGenericWord` of a name folded already (`foldName`). */
export const isGenericFolded = (folded: string): boolean => WORDS.has(folded);
