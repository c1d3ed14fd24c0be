/**
 * Counts written in English words before a scale (#13 §7): `two-trillion-parameter`, `seven
 * billion parameters`, `one hundred and seventy-five billion parameters`. Read by `quantities.ts`
 * as a number before its unit, and only with a parameter word after it: `two billion people` is
 * not a count of parameters.
 */

const UNITS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

const UNIT = Object.keys(UNITS).join('|');
const TEN = Object.keys(TENS).join('|');
/** `seventy`, `twenty-one`, `nine`. */
const BELOW_HUNDRED = String.raw`(?:(?:${TEN})(?:[- ](?:${UNIT}))?|${UNIT})`;
/** `one hundred and seventy-five`, `a hundred`, `seventy`, then a scale word after a space or hyphen. */
export const NUMBER_WORDS = new RegExp(
  String.raw`(?<![A-Za-z])((?:(?:${UNIT}|a)[- ]hundred(?:[- ](?:and[- ])?${BELOW_HUNDRED})?|${BELOW_HUNDRED}))(?=[- ](?:million|billion|trillion)(?![A-Za-z]))`,
  'gi',
);

/** The number `words` (a match of `NUMBER_WORDS`) names, as digits. */
export function numberWordsValue(words: string): string {
  let value = 0;
  let part = 0;
  for (const word of words.toLowerCase().split(/[- ]+/)) {
    if (word === 'and') continue;
    if (word === 'hundred') part = (part || 1) * 100;
    else if (word === 'a') part = 1;
    else part += UNITS[word] ?? TENS[word] ?? 0;
  }
  value += part;
  return String(value);
}

/**
 * Whether `mask[start, end)` may hold a count in words: a scale word starts there or just after.
 * Reads the window only, not on to the note's end: an edit's window is a few paragraphs.
 */
export function mayHaveNumberWords(mask: string, start: number, end: number): boolean {
  return mask.slice(start, Math.min(mask.length, end + 16)).includes('illion');
}
