/**
 * `researchNotes/hubEntry`: the knowledge entry for facts a client read from the Hugging Face Hub,
 * and the one workspace edit that adds it to the knowledge file of the note's workspace folder
 * (an existing YAML knowledge file there, else `.research-notes/entities.yaml`, created). The
 * client shows the preview and applies the edit when the user accepts; nothing is written here.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { knowledgeFileUri } from '../../features/knowledgeEdits';
import { fileName } from '../../format/markdown';
import { entryYaml, hubEntry, hubEntryEdit, hubNoticeMessage, hubOwners, parseHubModelFacts, type HubPlaces } from '../../hub';
import type { KnowledgeBase } from '../../knowledge/types';
import { fill, messages, type Locale } from '../../l10n';
import type { HubEntryParams, HubEntryResult } from '../../protocol';
import { folderOf } from '../../service/languageService';

export interface HubEntryContext {
  locale: Locale;
  folders: readonly string[];
  knowledge: KnowledgeBase;
  /** The user's knowledge files now loaded. */
  knowledgeFiles: readonly string[];
  /** Where organizations publish on the Hub (the bundled `official-sources.json`), if known. */
  places?: HubPlaces;
  /** Today, `YYYY-MM-DD`: the entry's as-of date. */
  today: string;
  document(uri: string): TextDocument | undefined;
  readFile(uri: string): Promise<string | undefined>;
}

export async function hubEntryAnswer(ctx: HubEntryContext, params: HubEntryParams): Promise<HubEntryResult> {
  const t = messages(ctx.locale);
  const facts = parseHubModelFacts(params?.facts);
  if (!facts) return { ok: false, message: t.hubBadFacts };
  const folder = folderOf(ctx.folders, params.uri);
  if (!folder) return { ok: false, message: t.hubNeedsFolder };
  const file = knowledgeFileOf(folder, ctx.knowledgeFiles);
  const entry = hubEntry(facts, { asOf: ctx.today, knowledge: ctx.knowledge, owners: hubOwners(ctx.knowledge, ctx.places), endpoint: params.endpoint });
  const open = ctx.document(file);
  const result = hubEntryEdit(file, open?.getText() ?? (await ctx.readFile(file)), entry, open?.version);
  const values = { file: fileName(file), id: 'id' in result ? result.id : '' };
  if ('problem' in result) return { ok: false, message: fill(result.problem === 'exists' ? t.hubEntryExists : t.hubFileUnreadable, values) };
  const notices = entry.notices.map((n) => hubNoticeMessage(n, ctx.locale));
  return { ok: true, id: entry.model.id, name: entry.model.name, file, preview: entryYaml(entry), notices, edit: result.edit };
}

/** The first YAML knowledge file loaded from `folder`, else the one the quick fixes write. */
function knowledgeFileOf(folder: string, loaded: readonly string[]): string {
  const base = folder.endsWith('/') ? folder : `${folder}/`;
  return loaded.find((uri) => uri.startsWith(base) && /\.ya?ml$/i.test(uri)) ?? knowledgeFileUri(folder);
}
