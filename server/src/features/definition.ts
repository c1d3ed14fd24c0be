/**
 * Go to definition: from an entity mention in a note to the entry that defines it, the user
 * knowledge file that overrides it or else the bundled data file.
 */

import type { Location } from 'vscode-languageserver-types';
import type { NoteAnalysis } from '../analysis';
import type { KnowledgeBase } from '../knowledge/types';
import { entryLocation } from '../knowledge/location';
import { findAt } from '../recognize/spans';

/**
 * The location of the `id` key of the winning entry of the entity mentioned at `offset`, or
 * null when there is no mention there or the entity has no known origin. The range spans the
 * key (`id`, or `"id"` in a JSON file) so that editors highlight the entry's first line.
 */
export function definition(analysis: NoteAnalysis, offset: number, kb: KnowledgeBase): Location | null {
  const mention = findAt(analysis.mentions, offset);
  if (!mention) return null;
  const origin = kb.origin(mention.id);
  return origin ? entryLocation(origin) : null;
}
