/**
 * The one folding rule for names: what the knowledge base uses to detect duplicate aliases and
 * what the recognizer uses to match prose. NFKC folds full-width forms, case is folded, and any
 * run of hyphens, underscores and white space counts as one space (`DeepSeek-V3.1` = `deepseek v3.1`).
 */
export function normalizeName(s: string): string {
  // Printable ASCII is its own NFKC form: most names skip the Unicode tables.
  return (ASCII.test(s) ? s : s.normalize('NFKC')).toLowerCase().replace(/[-_\s]+/g, ' ').trim();
}

const ASCII = /^[\x20-\x7e]*$/;
