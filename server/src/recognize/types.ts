/** What recognition finds in a note. Offsets are UTF-16 offsets into the note's text. */

export type MentionKind = 'model' | 'organization' | 'product';

/** One mention of a knowledge-base entity in prose. */
export interface Mention {
  start: number;
  end: number;
  /** The surface text, exactly as in the note. */
  text: string;
  /** `model` for models and families, `organization` for organizations, `product` for products. */
  kind: MentionKind;
  /** Entity id in the knowledge base. */
  id: string;
  /** A short form the note defined by an earlier full mention (`Maverick` after `Llama 4 Maverick`). */
  short?: boolean;
  /** A size written after a family's name that no member has (`Qwen3 14B`): the family is shown, the size stated. */
  size?: number;
  /**
   * A version written after a model's name that the knowledge base lacks (`K-EXAONE 2.0`): the
   * model's family is shown (the model itself when it has none), the version stated, and no
   * count is read as about it (it would be about another model).
   */
  version?: string;
  /** The model a product mention names too (`ChatGPT-4o`: ChatGPT serving GPT-4o). */
  model?: string;
  /**
   * A version after a slash, read with the name before it (`4o` of `GPT-4/4o`,
   * `recognize/slashSiblings.ts`): this mention stands or falls with the one that ends just before its slash.
   */
  sibling?: true;
}

/** How a size is stated. Only `exact` and `approx` claims are checked. */
/** `experts`: an expert shape such as `8x7B` (eight experts of 7B), never a plain total. */
export type Qualifier = 'exact' | 'approx' | 'bound' | 'range' | 'negated' | 'experts';

/** A parameter count stated in prose. */
export interface Claim {
  start: number;
  end: number;
  text: string;
  /** Integer count of parameters. */
  value: number;
  /** True for `37B active`, `활성 37B`, `A37B`. */
  active: boolean;
  qualifier: Qualifier;
  /** Which notation the note used: `B` for 685B / 405 billion / 1.8T, `억` for 6850억 / 1조. */
  notation: 'B' | '억';
  /** Id of the model the claim is about, when the text makes it clear. */
  refersTo: string | null;
  /** The sentence names no model: `refersTo` is read from the note's topic (`recognize/topics.ts`). */
  topical?: true;
}
