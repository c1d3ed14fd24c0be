/** What every workspace implementation lists at most, and leaves out (node and client-proxied alike). */

/** Folders never walked for notes or knowledge files. */
export const SKIP_DIRS: readonly string[] = ['node_modules', '.git', 'dist', 'out'];
/** Knowledge files listed at most, over all folders. */
export const MAX_FILES = 500;
/** Notes the index reads at most, and the size past which a `.md` file is not a note. */
export const MAX_NOTES = 5000;
export const MAX_NOTE_BYTES = 5 * 1024 * 1024;

/** Why a listed note is skipped (too large, past the limit), or undefined when it is read. */
export function skipNote(name: string, size: number, listed: number): string | undefined {
  if (size > MAX_NOTE_BYTES) return `${name}: larger than 5 MB`;
  if (listed >= MAX_NOTES) return `${name}: past the first ${MAX_NOTES} notes`;
  return undefined;
}
