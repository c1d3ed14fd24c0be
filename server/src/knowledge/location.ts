import type { Location } from 'vscode-languageserver-types';
import type { EntityOrigin } from './types';

/**
 * Where a knowledge file defines an entity: the `id` key of its entry (`"id"` in a JSON file),
 * so that editors highlight the entry's first line.
 */
export function entryLocation(origin: EntityOrigin): Location {
  const keyLength = /\.json$/i.test(origin.uri) ? '"id"'.length : 'id'.length;
  return {
    uri: origin.uri,
    range: { start: { line: origin.line, character: origin.character }, end: { line: origin.line, character: origin.character + keyLength } },
  };
}
