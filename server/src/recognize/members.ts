/**
 * Which member of a family a size names: `Llama 3.1` with `8B` is Llama 3.1 8B, `Olmo 3 7B and
 * 32B` is Olmo 3 32B. Used where a name is written with a size (`aliasIndex.ts`) and where a count
 * stands next to a name (`claims.ts`).
 */
import { nominalSize, sameSize } from '../knowledge/nominal';
import { foldName } from '../knowledge/normalize';
import type { KnowledgeBase, ModelEntity } from '../knowledge/types';

/**
 * The members of `familyId` whose total (or active) count is `value` within 1%, or whose name states
 * that size (`Llama 3.2 3B` for 3B, though it counts 3.21B; see `knowledge/nominal.ts`), narrowed to those
 * named like the first of `names` that names any (`Llama 2` picks Llama 2 7B over LLaMA 7B), and
 * then to the one named by it and the size alone among generations (`LLaMA` picks LLaMA 13B over
 * Llama 2 13B). A generation the first name states (`Llama3`) narrows to that generation's
 * members, even to none; otherwise a name never narrows the list to nothing. With `preferBase`
 * (a table row's size), the model the others are variants of (`baseOf`).
 */
export function membersOfSize(kb: KnowledgeBase, familyId: string, value: number, active: boolean, names: readonly string[], preferBase = false): ModelEntity[] {
  const near = (v: number | undefined): boolean => sameSize(v, value);
  let members = kb.membersOf(familyId).filter((m) => {
    const named = nominalSize(m.name);
    return active ? near(m.parameters?.active) || near(named.active) : near(m.parameters?.total) || near(named.total);
  });
  // A generation written with the name keeps to that generation, in any script (`Llama3` with
  // 400B is no member: Llama 4 Maverick is another generation; `라마 3.1` with 8B is Llama 3.1 8B;
  // `Llama 1` with 65B is LLaMA 65B, a first generation named without a number).
  const written = names.length > 0 ? generationOf(names[0]) : undefined;
  if (written !== undefined) members = ofWrittenGeneration(members, written);
  for (const name of names) {
    if (members.length <= 1) break;
    const p = foldName(name);
    const named = members.filter((m) => {
      const n = foldName(m.name);
      return n === p || n.startsWith(`${p} `);
    });
    if (named.length > 0) members = named;
    // The name and then only a size: `LLaMA` + 13B is LLaMA 13B, not Llama 2 13B. Only among
    // names that differ by a generation before the size (not `Qwen3 4B` among `Qwen3-4B-Instruct-2507`).
    const rest = named.map((m) => foldName(m.name).slice(p.length));
    const sizeOnly = named.filter((_, k) => /^ [\d.]+[bm]$/.test(rest[k]));
    if (named.length > 1 && sizeOnly.length === 1 && rest.every((r) => /^ (?:\S+ )*[\d.]+[bm]$/.test(r))) members = sizeOnly;
  }
  const base = preferBase && members.length > 1 ? baseOf(members, names) : undefined;
  return base ? [base] : members;
}

/**
 * The member the others are variants of, by name (`Yi-6B` of Yi-6B-200K, `Qwen3-4B` of
 * Qwen3-4B-Instruct-2507): what a size names beside a family's name alone, as a table row's is.
 * Undefined when no member is, or when a name has a word only the variants have (`Qwen3-2507`).
 */
function baseOf(members: readonly ModelEntity[], names: readonly string[]): ModelEntity | undefined {
  const folded = members.map((m) => foldName(m.name));
  const k = folded.findIndex((b) => folded.every((n) => n === b || n.startsWith(`${b} `)));
  if (k === -1) return undefined;
  const own = new Set(folded[k].split(' '));
  const variantWords = new Set(folded.flatMap((n) => n.split(' ')).filter((w) => !own.has(w)));
  return names.some((name) => foldName(name).split(' ').some((w) => variantWords.has(w))) ? undefined : members[k];
}

/**
 * The generation a name states: its first number that is not a size (`Llama3` 3, `Qwen2.5-VL-7B`
 * 2.5, `EXAONE 4.0` 4, `Mixtral 8x7B` none), a trailing `.0` dropped.
 */
export function generationOf(name: string): string | undefined {
  for (const m of name.matchAll(/\d+(?:\.\d+)*/g)) {
    const next = name[m.index + m[0].length] ?? '';
    if (/[BbMmKkTtxX×억조천]/.test(next) || name[m.index - 1] === 'A') continue;
    return m[0].replace(/(?:\.0)+$/, '');
  }
  return undefined;
}

/** Whether `m` is of `generation`: a first generation is named without a number (`LLaMA 7B`). */
const ofGeneration = (m: ModelEntity, generation: string): boolean => (generationOf(m.name) ?? '1') === generation;

/**
 * `members` of the generation a name was written with; when it has none of them, its point
 * releases' (`Llama 3` with 405B is Llama 3.1 405B, with 1B Llama 3.2 1B: writers name the
 * generation, and Meta announced the 405B as a Llama 3 model), if they agree on one.
 */
function ofWrittenGeneration(members: readonly ModelEntity[], written: string): ModelEntity[] {
  const exact = members.filter((m) => ofGeneration(m, written));
  if (exact.length > 0) return exact;
  const point = members.filter((m) => generationOf(m.name)?.startsWith(`${written}.`));
  return point.length === 1 ? point : [];
}

/**
 * The member of `familyId` named by the family's name (or an alias) and then `word`: `A.X` and
 * `K1` name A.X K1, however the family was written (`에이닷 엑스 K1`), in the generation it was
 * written with (`written`). Undefined unless exactly one.
 */
export function memberNamed(kb: KnowledgeBase, familyId: string, word: string, written = ''): ModelEntity | undefined {
  const family = kb.get(familyId);
  if (family?.kind !== 'family') return undefined;
  const tail = ` ${foldName(word)}`;
  const names = new Set([family.name, ...family.aliases].map((n) => `${foldName(n)}${tail}`));
  // The generation the family was written with (`Phi-3` and `vision` is not Phi-3.5-vision).
  const generation = generationOf(written);
  const found = kb
    .membersOf(familyId)
    .filter((m) => [m.name, ...m.aliases].some((n) => names.has(foldName(n))) && (generation === undefined || ofGeneration(m, generation)));
  return found.length === 1 ? found[0] : undefined;
}

/**
 * The one model named after `model` that states the size `value` in its name, when `model` has
 * another size: `DeepSeek-R1 14B` (Ollama's `deepseek-r1:14b`) is DeepSeek-R1-Distill-Qwen-14B,
 * released with DeepSeek-R1 under its name. Undefined when none or several are (`DeepSeek-R1 8B`:
 * a Llama distill and a Qwen3 one), so the size is still checked against the model.
 */
export function namedAfterOfSize(kb: KnowledgeBase, model: ModelEntity, value: number): ModelEntity | undefined {
  if (model.organization === undefined || sameSize(model.parameters?.total, value) || sameSize(model.parameters?.active, value)) return undefined;
  const found = namedAfter(kb, model).filter((m) => sameSize(nominalSize(m.name).total, value));
  return found.length === 1 ? found[0] : undefined;
}

/** The maker's models named after `model` (`DeepSeek-R1-Distill-Qwen-14B` after DeepSeek-R1), read once per model and knowledge base. */
function namedAfter(kb: KnowledgeBase, model: ModelEntity): readonly ModelEntity[] {
  let known = namedAfterRead.get(kb);
  if (!known) namedAfterRead.set(kb, (known = new Map()));
  let found = known.get(model.id);
  if (!found) {
    const prefix = `${foldName(model.name)} `;
    found = kb.modelsOf(model.organization!).filter((m) => m !== model && foldName(m.name).startsWith(prefix));
    known.set(model.id, found);
  }
  return found;
}
const namedAfterRead = new WeakMap<KnowledgeBase, Map<string, readonly ModelEntity[]>>();
