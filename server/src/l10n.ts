/**
 * The server's user-visible strings, keyed by the client's locale (`initialize.locale`).
 * English is the fallback; every key has a Korean text.
 */
export type Locale = 'en' | 'ko';

const en = {
  model: 'model',
  family: 'model family',
  organization: 'organization',
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
};

export type MessageKey = keyof typeof en;

const ko: Record<MessageKey, string> = {
  model: '모델',
  family: '모델 계열',
  organization: '조직',
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
};

const tables: Record<Locale, Record<MessageKey, string>> = { en, ko };

/** `ko`, `ko-KR` → `ko`; anything else → `en`. */
export function toLocale(tag: string | undefined): Locale {
  return tag?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

export function messages(locale: Locale): Record<MessageKey, string> {
  return tables[locale];
}
