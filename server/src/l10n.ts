/**
 * The server's user-visible strings, keyed by the client's locale (`initialize.locale`).
 * English is the fallback; every key has a Korean text.
 */
export type Locale = 'en' | 'ko';

const en = {
  model: 'model',
  family: 'model family',
  organization: 'organization',
  product: 'product',
  launched: 'Launched',
  servedModels: 'Models served',
  since: 'since {date}',
  secondaryMark: 'secondary source',
  secondaryOnly: 'Secondary sources only',
  sizeUnknown: '*{name}*: no {size} model of this family is in the knowledge base; the family is shown.',
  parameters: 'Parameters',
  total: 'total',
  active: 'active',
  undisclosed: 'undisclosed',
  alsoReported: 'Also reported',
  architecture: 'Architecture',
  dense: 'dense',
  moe: 'MoE',
  released: 'Released',
  license: 'License',
  openWeights: 'open weights',
  closedWeights: 'weights not released',
  context: 'Context',
  tokens: 'tokens',
  modality: 'Modality',
  members: 'Models',
  models: 'Models',
  type: 'Type',
  country: 'Country',
  website: 'Website',
  parent: 'Part of',
  unverified: 'Unverified',
  unverifiedMark: 'unverified',
  note: 'Note',
  sources: 'Sources',
  asOf: 'as of',
  company: 'company',
  university: 'university',
  lab: 'lab',
  startup: 'startup',
  government: 'government',
  nonprofit: 'nonprofit',
  consortium: 'consortium',
  staleTable: 'The note changed while the table was being made; run Insert Comparison Table again.',
  tableNeedsNote: 'Insert Comparison Table needs an open Markdown note and a cursor position.',
  tableEditLabel: 'Insert Comparison Table',
  editRefused: 'The editor refused the edit.',
  // Claim checks (diagnostics, quick fixes, claim hover). `{name}` placeholders are filled by `fill`.
  claimMismatch: '{model} has {expected} {which} parameters (knowledge base{also}), not {claim}.',
  claimAlsoReported: '; also reported: {values}',
  claimReplace: 'Replace with {value} (knowledge base)',
  claimApprox: 'Approximate',
  claimBound: 'Bound — not checked',
  claimRange: 'Range — not checked',
  claimNegated: 'Negated — not checked',
  claimExperts: 'Expert shape (experts × size of each), not a total — not checked',
  claimActive: 'Active parameters',
  claimAgrees: '✓ Agrees with the knowledge base',
  claimAgreesAlternate: '✓ Agrees with the knowledge base (alternate: {note})',
  claimDiffers: '✗ Differs from the knowledge base ({expected})',
  // Unknown names (diagnostic, quick fixes).
  entityUnknown: "Unknown model '{name}': not in the knowledge base.",
  entityAddToKnowledge: "Add '{name}' to the knowledge file",
  entityIgnore: "Ignore '{name}' in this workspace",
};

export type MessageKey = keyof typeof en;

const ko: Record<MessageKey, string> = {
  model: '모델',
  family: '모델 계열',
  organization: '조직',
  product: '제품',
  launched: '출시',
  servedModels: '제공 모델',
  since: '{date}부터',
  secondaryMark: '2차 출처',
  secondaryOnly: '2차 출처만',
  sizeUnknown: '*{name}*: 이 계열의 {size} 모델은 지식 베이스에 없습니다. 계열 정보를 보여 줍니다.',
  parameters: '매개변수',
  total: '전체',
  active: '활성',
  undisclosed: '비공개',
  alsoReported: '다른 집계',
  architecture: '아키텍처',
  dense: '덴스',
  moe: 'MoE',
  released: '출시',
  license: '라이선스',
  openWeights: '가중치 공개',
  closedWeights: '가중치 비공개',
  context: '컨텍스트',
  tokens: '토큰',
  modality: '모달리티',
  members: '모델',
  models: '모델',
  type: '유형',
  country: '국가',
  website: '웹사이트',
  parent: '소속',
  unverified: '미확인',
  unverifiedMark: '미확인',
  note: '참고',
  sources: '출처',
  asOf: '기준일',
  company: '기업',
  university: '대학',
  lab: '연구소',
  startup: '스타트업',
  government: '정부 기관',
  nonprofit: '비영리 단체',
  consortium: '컨소시엄',
  staleTable: '표를 만드는 동안 노트가 바뀌었습니다. 비교 표 삽입을 다시 실행하세요.',
  tableNeedsNote: '비교 표 삽입에는 열린 Markdown 노트와 커서 위치가 필요합니다.',
  tableEditLabel: '비교 표 삽입',
  editRefused: '편집기가 편집을 거부했습니다.',
  claimMismatch: '{model}의 {which} 매개변수는 {expected}입니다(지식 베이스{also}). 노트의 값: {claim}.',
  claimAlsoReported: ', 다른 집계: {values}',
  claimReplace: '지식 베이스 값 {value}(으)로 바꾸기',
  claimApprox: '근사값',
  claimBound: '상한/하한 — 검사하지 않음',
  claimRange: '범위 — 검사하지 않음',
  claimNegated: '부정 — 검사하지 않음',
  claimExperts: '전문가 구성(전문가 수 × 전문가당 크기), 전체 매개변수 아님 — 검사하지 않음',
  claimActive: '활성 매개변수',
  claimAgrees: '✓ 지식 베이스와 일치',
  claimAgreesAlternate: '✓ 지식 베이스와 일치 (다른 집계: {note})',
  claimDiffers: '✗ 지식 베이스와 다름 ({expected})',
  entityUnknown: "알 수 없는 모델 '{name}': 지식 베이스에 없습니다.",
  entityAddToKnowledge: "'{name}'을(를) 지식 파일에 추가",
  entityIgnore: "이 작업 영역에서 '{name}' 무시",
};

const tables: Record<Locale, Record<MessageKey, string>> = { en, ko };

/** `ko`, `ko-KR` → `ko`; anything else → `en`. */
export function toLocale(tag: string | undefined): Locale {
  return tag?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

export function messages(locale: Locale): Record<MessageKey, string> {
  return tables[locale];
}

/** `{name}` placeholders of a message filled from `values`. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
