/**
 * Writing parameter counts in the two notations researchers use: SI-like suffixes
 * (`685B`, `1.8T`, `7.3M`) and Korean myriad units (`6850억`, `1조 8000억`, `730만`).
 * Reading them back is the quantity recognizer's job (`recognize/quantities.ts`).
 */

export type Notation = 'B' | '억';

const TRILLION = 1e12;
const BILLION = 1e9;
const MILLION = 1e6;
const JO = 1e12;
const EOK = 1e8;
const MAN = 1e4;

/** `3` decimals at most, trailing zeros dropped: 46.7, 102.6, 1.04. */
function decimal(x: number, digits = 3): string {
  const s = x.toFixed(digits);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** `671000000000` → `671B`; `1.8e12` → `1.8T`; `7.3e6` → `7.3M`; below a million, digits. */
export function formatLatin(value: number): string {
  const v = Math.abs(value);
  if (v >= TRILLION) return `${decimal(value / TRILLION)}T`;
  if (v >= BILLION) return `${decimal(value / BILLION)}B`;
  if (v >= MILLION) return `${decimal(value / MILLION)}M`;
  return formatDigits(value);
}

/** `671000000000` → `6710억`; `1.2e12` → `1조 2000억`; `7.3e6` → `730만`. */
export function formatKorean(value: number): string {
  const v = Math.abs(value);
  const sign = value < 0 ? '-' : '';
  if (v >= JO) {
    const jo = Math.floor(v / JO);
    const eok = Math.round((v - jo * JO) / EOK);
    if (eok >= 10000) return `${sign}${jo + 1}조`;
    return eok === 0 ? `${sign}${jo}조` : `${sign}${jo}조 ${eok}억`;
  }
  if (v >= EOK) return `${sign}${decimal(v / EOK, 2)}억`;
  if (v >= MAN) return `${sign}${decimal(v / MAN, 2)}만`;
  return formatDigits(value);
}

export function formatCount(value: number, notation: Notation): string {
  return notation === '억' ? formatKorean(value) : formatLatin(value);
}

/** Both notations, the preferred one first: `671B (6710억)` or `6710억 (671B)`. */
export function formatBoth(value: number, first: Notation = 'B'): string {
  const other: Notation = first === 'B' ? '억' : 'B';
  return `${formatCount(value, first)} (${formatCount(value, other)})`;
}

/** `685000000000` → `685,000,000,000`. */
export function formatDigits(value: number): string {
  return Math.round(value).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `131072` → `128K`, `128000` → `128K`, `1048576` → `1M`: a multiple of 1000 or 1024 in K or M, else digits (`32,769`). */
export function formatTokens(tokens: number): string {
  // Vendors count in thousands (`128K` = 128,000 for OpenAI, `200K` for Anthropic) or in powers of two (131,072).
  for (const unit of [1000, 1024]) {
    if (tokens % unit !== 0) continue;
    const k = tokens / unit;
    return k >= unit && k % unit === 0 ? `${k / unit}M` : `${k}K`;
  }
  return formatDigits(tokens);
}
