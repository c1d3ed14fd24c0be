/**
 * Korean spellings of one foreign name that writers really use side by side (#13 §4): `큐원` and
 * `큐웬` for Qwen, `제미나이` and `제미니` for Gemini, `앤트로픽` and `앤스로픽` for Anthropic. A
 * knowledge file names one spelling; the alias index (`recognize/aliasIndex.ts`) adds the others,
 * so `큐원2.5 옴니` finds Qwen2.5-Omni-7B whose file says `큐웬2.5 옴니`.
 *
 * Each group is a set of stems that stand for each other wherever they occur in a folded name.
 * Only stems that are a transliteration and nothing else: no Korean word is spelled like them.
 */
const GROUPS: readonly (readonly string[])[] = [
  ['큐원', '큐웬'],
  ['제미나이', '제미니'],
  ['앤트로픽', '앤스로픽'],
  ['그록', '그로크'],
  ['퍼플렉시티', '퍼플렉서티'],
  ['코파일럿', '코파일롯'],
];

/** The other spellings of a folded name (none when it holds no stem above); at most one stem replaced. */
export function koreanSpellings(folded: string): string[] {
  let out: string[] | undefined;
  for (const group of GROUPS) {
    for (const stem of group) {
      const at = folded.indexOf(stem);
      if (at === -1) continue;
      for (const other of group) {
        if (other !== stem) (out ??= []).push(folded.slice(0, at) + other + folded.slice(at + stem.length));
      }
    }
  }
  return out ?? [];
}

/** A space between two Hangul words of a folded name: Korean writers space compound names either way. */
const HANGUL_SPACE = /(?<=[가-힣]) (?=[가-힣])/g;

/**
 * The folded name with the spaces between its Hangul words dropped in every combination but none
 * (`앨런 인공지능 연구소` → `앨런인공지능 연구소`, `앨런 인공지능연구소`, `앨런인공지능연구소`), as
 * writers space a compound name either way (#13 §4). Up to three such spaces; none for a name without.
 */
export function koreanSpacings(folded: string): string[] {
  const at = [...folded.matchAll(HANGUL_SPACE)].map((m) => m.index);
  if (at.length === 0 || at.length > 3) return [];
  const out: string[] = [];
  for (let mask = 1; mask < 1 << at.length; mask++) {
    let s = '';
    let from = 0;
    at.forEach((i, k) => {
      s += folded.slice(from, i);
      if ((mask & (1 << k)) === 0) s += ' ';
      from = i + 1;
    });
    out.push(s + folded.slice(from));
  }
  return out;
}
