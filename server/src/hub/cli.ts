/**
 * The command line's Hub commands: `research-notes lookup REPO_ID` prints (or writes into a
 * knowledge file) the entry the Hub's facts make, and `research-notes kb verify` compares the
 * bundled open-weight models' sizes with the Hub's counts. The only commands that touch the
 * network; `HF_ENDPOINT` and `HF_TOKEN` are honoured, the token never printed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { formatCount } from '../format/numbers';
import { bundledDataDir, loadBundled } from '../knowledge/bundledData';
import type { KnowledgeBase, ModelEntity } from '../knowledge/types';
import type { Locale } from '../l10n';
import type { Logger } from '../workspace';
import {
  DEFAULT_ENDPOINT,
  DEFAULT_TIMEOUT_MS,
  entryJson,
  entryYaml,
  fetchModelFacts,
  hubEntryEdit,
  hubFailureMessage,
  hubNoticeMessage,
  hubOwners,
  hubPath,
  isRepoId,
  lookUpModel,
  type HubEntry,
  type HubOptions,
  type HubPlaces,
} from './index';
import { readHubPlaces } from './places';
import { ensureFacts } from '../knowledge/facts';

interface HubArgs {
  command: 'lookup' | 'verify';
  repo?: string;
  json: boolean;
  write?: string;
  family?: string;
  tolerance: number;
  timeoutMs: number;
  locale: Locale;
}

function parseHubArgs(argv: string[]): HubArgs | string {
  const [command, ...rest] = argv[0] === 'kb' ? [argv[1] === 'verify' ? 'verify' : `kb ${argv[1] ?? ''}`.trim(), ...argv.slice(2)] : argv;
  if (command !== 'lookup' && command !== 'verify') return `unknown command ${command}`;
  const args: HubArgs = { command, json: false, tolerance: 0.02, timeoutMs: DEFAULT_TIMEOUT_MS, locale: 'en' };
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--json' && command === 'lookup') args.json = true;
    else if (a === '--write' && command === 'lookup') args.write = rest[++i];
    else if (a === '--family' && command === 'verify') args.family = rest[++i];
    else if (a === '--tolerance' && command === 'verify') args.tolerance = Number(rest[++i]);
    else if (a === '--timeout') args.timeoutMs = Number(rest[++i]) * 1000;
    else if (a === '--lang') {
      const lang = rest[++i];
      if (lang !== 'en' && lang !== 'ko') return `--lang takes en or ko, not ${lang}`;
      args.locale = lang;
    } else if (a.startsWith('--')) return `unknown option ${a}`;
    else positional.push(a);
  }
  if (!(args.timeoutMs > 0)) return '--timeout takes a number of seconds';
  if (!(args.tolerance >= 0 && args.tolerance < 1)) return '--tolerance takes a fraction such as 0.02';
  if (args.write === '' || (rest.includes('--write') && args.write === undefined)) return '--write takes a file';
  if (command === 'verify') return positional.length === 0 ? args : `unexpected argument ${positional[0]}`;
  if (positional.length !== 1) return 'lookup takes one repo id';
  if (!isRepoId(positional[0])) return `${positional[0]} is not a Hugging Face model id, expected owner/name`;
  args.repo = positional[0];
  return args;
}

/** `lookup` and `kb verify`: the Hub's answer, from `HF_ENDPOINT` with `HF_TOKEN`. */
export async function hubCommand(argv: string[], env: NodeJS.ProcessEnv, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const args = parseHubArgs(argv);
  if (typeof args === 'string') {
    err(`research-notes: ${args} (see research-notes --help)`);
    return 2;
  }
  const options: HubOptions = { endpoint: env.HF_ENDPOINT?.trim() || DEFAULT_ENDPOINT, accessToken: env.HF_TOKEN?.trim() || undefined, timeoutMs: args.timeoutMs };
  const logger: Logger = { info() {}, warn: err, error: err };
  const kb = loadBundled(logger);
  if (args.command === 'verify') return verifyCommand(kb, args, options, out, err);
  return lookupCommand(kb, args, options, out, err);
}

async function lookupCommand(kb: KnowledgeBase, args: HubArgs, options: HubOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const context = { endpoint: options.endpoint!, timeoutMs: args.timeoutMs };
  const today = new Date().toISOString().slice(0, 10);
  const result = await lookUpModel(args.repo!, { ...options, asOf: today, knowledge: kb, owners: hubOwners(kb, readHubPlaces(bundledDataDir())) });
  if (!result.ok) {
    err(`research-notes: ${hubFailureMessage(result.failure, args.locale, context)}`);
    return 1;
  }
  const entry = result.value;
  for (const notice of entry.notices) err(`research-notes: ${hubNoticeMessage(notice, args.locale)}`);
  out(args.json ? entryJson(entry) : entryYaml(entry).trimEnd());
  return args.write === undefined ? 0 : writeEntry(args.write, entry, err);
}

/** Adds the entry to `file` (created if absent) as the editor would, or says why nothing was written. */
function writeEntry(file: string, entry: HubEntry, err: (s: string) => void): number {
  let existing: string | undefined;
  try {
    existing = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
      err(`research-notes: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}; nothing was written`);
      return 1;
    }
  }
  const uri = pathToFileURL(path.resolve(file)).href;
  const result = hubEntryEdit(uri, existing, entry);
  if ('problem' in result) {
    err(
      result.problem === 'exists'
        ? `research-notes: ${file} already has an entry '${result.id}'; nothing was written`
        : `research-notes: cannot add to ${file}: expected a YAML knowledge file whose top level is a mapping; nothing was written`,
    );
    return 1;
  }
  const edits = (result.edit.documentChanges ?? []).flatMap((change) => ('edits' in change ? change.edits : []));
  const text = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 0, existing ?? ''), edits as TextEdit[]);
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileSync(file, text);
  err(`research-notes: added ${entry.model.id} to ${file}`);
  return 0;
}

/** A bundled open-weight model with a size, and the Hub repository it cites. */
interface Checked {
  model: ModelEntity;
  repo: string;
}

/** The bundled open-weight models with a size and a `huggingface.co/<owner>/<repo>` source (of one family, if asked). */
function verifiable(kb: KnowledgeBase, family: string | undefined): Checked[] | string {
  ensureFacts();
  let models: readonly ModelEntity[] = kb.all().filter((e): e is ModelEntity => e.kind === 'model');
  if (family !== undefined) {
    const wanted = family.toLowerCase();
    const found = kb.all().find((e) => e.kind === 'family' && (e.id === wanted || e.name.toLowerCase() === wanted));
    if (!found) return `no family ${family} in the knowledge base`;
    models = kb.membersOf(found.id);
  }
  return models.flatMap((model) => {
    const repo = model.sources.map((s) => hubPath(s.url)).find((p) => p?.length === 2);
    return model.openWeights && model.parameters?.total !== undefined && repo ? [{ model, repo: repo.join('/') }] : [];
  });
}

/** `kb verify`: each model's `parameters.total` (or an alternate) against the Hub's safetensors total. */
async function verifyCommand(kb: KnowledgeBase, args: HubArgs, options: HubOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const checked = verifiable(kb, args.family);
  if (typeof checked === 'string') {
    err(`research-notes: ${checked} (see research-notes --help)`);
    return 2;
  }
  const tally = { agree: 0, differ: 0, uncounted: 0, failed: 0 };
  for (const { model, repo } of checked) {
    const facts = await fetchModelFacts(repo, { ...options, config: false });
    if (!facts.ok) {
      tally.failed++;
      err(`research-notes: ${model.id}: ${hubFailureMessage(facts.failure, args.locale, { endpoint: options.endpoint!, timeoutMs: args.timeoutMs })}`);
      if (facts.failure.kind === 'rateLimited' || facts.failure.kind === 'offline') break;
      continue;
    }
    const hub = facts.value.safetensors;
    const packed = hub && Object.keys(hub.dtypes).some((d) => ['I32', 'U32', 'U8', 'I4', 'U4'].includes(d));
    if (!hub || packed) {
      tally.uncounted++;
      out(`${model.id}: ${hub ? 'packed quantized weights' : 'no safetensors'} at https://huggingface.co/${repo}, not compared`);
      continue;
    }
    const counts = [model.parameters!.total!, ...(model.parameters!.alternates ?? []).flatMap((a) => (a.total === undefined ? [] : [a.total]))];
    if (counts.some((c) => Math.abs(hub.total - c) <= args.tolerance * c)) {
      tally.agree++;
      continue;
    }
    tally.differ++;
    out(`${model.id}: knowledge base ${formatCount(counts[0], 'B')} (${counts[0]}), Hub ${formatCount(hub.total, 'B')} (${hub.total}) at https://huggingface.co/${repo}`);
  }
  out(`${checked.length} ${checked.length === 1 ? 'model' : 'models'} with a Hugging Face source: ${tally.agree} agree, ${tally.differ} differ, ${tally.uncounted} not compared, ${tally.failed} failed`);
  return tally.differ > 0 || tally.failed > 0 ? 1 : 0;
}

