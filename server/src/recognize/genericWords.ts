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

/**
 * Words that name a variant, a task or a packing, not a model: `Pro` after `Gemini 2.5 Pro` is no
 * short form, nor `OCR` after `DeepSeek-OCR` (`97% OCR accuracy`); nor is `Pro 2.5` a name of
 * Gemini 2.5 Pro, as `Sonnet 4.5` is of Claude Sonnet 4.5 (`recognize/aliasIndex.ts`).
 */
const VARIANT_WORDS = new Set(
  ('instruct base chat pro mini flash turbo ultra light lite large small medium nano max plus think thinking reasoning vision vl coder code preview it hf fp8 latest omni deep next air open exp experimental guard embed embedding distill online edge fast instant dev audio speech voice realtime search image video tts micro tiny high low' +
    ' ocr asr stt math agent rerank reranker gguf awq gptq fp16 bf16 int4 int8 mlx onnx' +
    // The same words as Korean writes them (`프로` of `제미나이 2.5 프로`).
    ' 미니 프로 플래시 라이트 나노 라지 스몰 미디엄 맥스 플러스 울트라 터보 베이스 챗 인스트럭트 코더 코드 비전 오디오 이미지 비디오 프리뷰 마이크로 타이니 씽킹 씽크 인스턴트 패스트 임베딩 임베디드 리랭커 오픈 옴니 디스틸 리서치 검색 번역 시리즈 매스').split(' '),
);

/** Whether a word in lowercase (`pro`, `프로`) names a variant, a task or a packing (`VARIANT_WORDS`). */
export const isVariantWord = (word: string): boolean => VARIANT_WORDS.has(word);
