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
