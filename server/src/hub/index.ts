/**
 * Looking up a model on the Hugging Face Hub (#15): only on an explicit command, never on the
 * keystroke, hover or indexing path. `lookUpModel` fetches a model's facts and turns them into a
 * knowledge entry; `hubEntryEdit` adds that entry to the user's knowledge file as one edit.
 */
import { fetchModelFacts, type HubOptions } from './client';
import { hubEntry, type HubEntry, type HubEntryOptions } from './entry';
import type { HubResult } from './types';

export { DEFAULT_ENDPOINT, DEFAULT_TIMEOUT_MS, fetchModelFacts, searchModels } from './client';
export type { HubOptions } from './client';
export { configFacts } from './config';
export type { ConfigFacts } from './config';
export { HUB_SITE, hubEntry, modelNames } from './entry';
export type { HubEntry, HubEntryOptions } from './entry';
export { classifyHubError, classifyStatus, hubFailureMessage, hubNoticeMessage } from './errors';
export type { MessageContext } from './errors';
export { hubOwners, hubPath } from './owners';
export type { HubPlaces } from './owners';
export { parseHubModelFacts } from './facts';
export { isRepoId } from './text';
export type { HubCandidate, HubFailure, HubFailureKind, HubModelFacts, HubNotice, HubResult } from './types';
export { entryItems, entryJson, entryYaml, hubEntryEdit } from './yaml';
export type { AddEntriesResult } from './yaml';

/** The knowledge entry for `repoId` from the Hub's facts (network: model info and `config.json`). */
export async function lookUpModel(repoId: string, options: HubOptions & HubEntryOptions): Promise<HubResult<HubEntry>> {
  const facts = await fetchModelFacts(repoId, options);
  return facts.ok ? { ok: true, value: hubEntry(facts.value, options) } : facts;
}
