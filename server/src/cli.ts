import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadBundled } from './knowledge/bundledData';
import type { KnowledgeBase } from './knowledge/types';
import { toLocale } from './l10n';
import { hubCommand } from './hub/cli';
import { toConfig, type Config, type TableSort } from './service/config';
import { formatCount } from './format/numbers';
import { comparisonTable } from './features/comparisonTable';
import { chartCommand } from './chart/cli';
import { createLanguageService, type LanguageService } from './service/languageService';
import { nodeWorkspace } from './workspace/nodeWorkspace';
import type { Settings } from './protocol';
import type { Logger } from './workspace';
import { defaultKnowledgeGlobs, WorkspaceKnowledge } from './knowledge/workspace';
import { NoteIndex } from './workspace/noteIndex';

/**
 * `research-notes analyze|check|table|chart …`: what the server sees in notes, and the comparison
 * table and chart, over the same language service and the same knowledge the editor uses: the bundled data,
 * the workspace's knowledge files (`.research-notes/` in the note's folder or the nearest one
 * above it, or `--knowledge GLOB` from the current folder) and the note's front matter.
 * `lookup` and `kb verify` ask the Hugging Face Hub: the only commands that touch the network.
 */
const USAGE = [
  'usage: research-notes analyze FILE|DIR... [--json] [--hover NAME] [--lang en|ko] [--knowledge GLOB]',
  '       research-notes check FILE|DIR... [--fail-on error|warning|information|hint] [--lang en|ko] [--knowledge GLOB]',
  '       research-notes index DIR... [--json] [--knowledge GLOB]',
  '       research-notes table FILE [--lang en|ko] [--columns model,organization,...] [--sort mention|parameters|release|name] [--format auto|B|억|both] [--knowledge GLOB]',
  '       research-notes chart FILE|DIR... [--out FILE.svg] [--lang en|ko] [--format auto|B|억] [--knowledge GLOB]',
  '       research-notes lookup REPO_ID [--json] [--write FILE] [--lang en|ko] [--timeout SECONDS]',
  '       research-notes kb verify [--family NAME] [--tolerance FRACTION] [--timeout SECONDS]',
  '',
  'chart draws the models the notes mention (parameters against release date) as SVG, to standard output without --out.',
  'lookup and kb verify ask the Hugging Face Hub (HF_ENDPOINT, default https://huggingface.co;',
  'HF_TOKEN, an access token for gated models, is sent to that endpoint only and never printed).',
].join('\n');

interface Args {
  command: string;
  files: string[];
  json: boolean;
  hover?: string;
  lang?: string;
  columns?: string[];
  sort?: string;
  format?: string;
  /** `chart --out`: the SVG file to write. */
  out?: string;
  failOn: string;
  /** Knowledge-file globs relative to the current folder, instead of the `.research-notes/` found upward. */
  knowledge: string[];
}

const SEVERITY_NAMES = ['', 'error', 'warning', 'information', 'hint'];

function parseArgs(argv: string[]): Args | string {
  const [command, ...rest] = argv;
  const args: Args = { command, files: [], json: false, failOn: 'information', knowledge: [] };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--json') args.json = true;
    else if (a === '--hover') args.hover = rest[++i];
    else if (a === '--lang') args.lang = rest[++i];
    else if (a === '--columns') args.columns = (rest[++i] ?? '').split(',').map((c) => c.trim());
    else if (a === '--sort') args.sort = rest[++i];
    else if (a === '--format') args.format = rest[++i];
    else if (a === '--out') args.out = rest[++i];
    else if (a === '--fail-on') args.failOn = rest[++i];
    else if (a === '--knowledge') args.knowledge.push(rest[++i] ?? '');
    else if (a.startsWith('--')) return `unknown option ${a}`;
    else args.files.push(a);
  }
  if (!SEVERITY_NAMES.includes(args.failOn) || !args.failOn) return `--fail-on takes error, warning, information or hint, not ${args.failOn}`;
  if (!['analyze', 'table', 'check', 'index', 'chart'].includes(command)) return command ? `unknown command ${command}` : 'no command';
  if (args.files.length === 0) return 'no files';
  if (command === 'table' && args.files.length !== 1) return 'table takes one file';
  if (args.lang !== undefined && args.lang !== 'en' && args.lang !== 'ko') return `--lang takes en or ko, not ${args.lang}`;
  return args;
}

/** The folder whose knowledge files a note uses: the nearest one upward with `.research-notes/`, else the note's own. */
function workspaceFolder(file: string): string {
  const own = path.dirname(path.resolve(file));
  for (let dir = own; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.research-notes'))) return dir;
    if (path.dirname(dir) === dir) return own;
  }
}

/** The editor's knowledge for notes under one folder, and a service over it; loaded once per folder. */
interface FolderKnowledge {
  knowledge: WorkspaceKnowledge;
  service: LanguageService;
}

async function folderKnowledge(folder: string, globs: readonly string[], bundled: KnowledgeBase, config: Config, logger: Logger): Promise<FolderKnowledge> {
  const folders = [pathToFileURL(folder).href];
  const workspace = nodeWorkspace({ folders: () => folders, globs: () => globs, openText: () => undefined });
  const knowledge = new WorkspaceKnowledge(bundled, workspace, logger, () => globs);
  for (const reason of await knowledge.reload()) logger.warn(`research-notes: ${reason}`);
  const service = createLanguageService({ workspace, knowledge, config: () => config, logger });
  return { knowledge, service };
}

export async function main(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  if (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help' || argv.includes('--help') || argv.includes('-h')) {
    out(USAGE);
    return 0;
  }
  if (argv[0] === '--version' || argv[0] === '-v') {
    out(version());
    return 0;
  }
  if (argv[0] === 'lookup' || argv[0] === 'kb') return hubCommand(argv, process.env, out, err);
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    // One line: what is wrong, and where the usage is.
    err(`research-notes: ${args} (see research-notes --help)`);
    return 2;
  }
  const logger: Logger = { info() {}, warn: err, error: err };
  const bundled = loadBundled(logger);
  const config: Config = toConfig(
    { numberFormat: args.format as Settings['numberFormat'], table: { columns: args.columns, sort: args.sort as TableSort, language: args.lang as 'en' | 'ko' } },
    toLocale(args.lang),
  );
  const globs = args.knowledge.length > 0 ? args.knowledge : defaultKnowledgeGlobs;
  const byFolder = new Map<string, Promise<FolderKnowledge>>();
  const knowledgeOf = (file: string): Promise<FolderKnowledge> => {
    const folder = args.knowledge.length > 0 ? process.cwd() : workspaceFolder(file);
    let found = byFolder.get(folder);
    if (!found) byFolder.set(folder, (found = folderKnowledge(folder, globs, bundled, config, logger)));
    return found;
  };

  const files = await notesOf(args.files);
  if (args.command === 'index') return indexCommand(files, knowledgeOf, args.json, out, err);
  if (args.command === 'chart') {
    const chartOptions = { language: config.table.language, numberFormat: config.numberFormat, out: args.out, locale: config.locale };
    return chartCommand(files, (file) => analysedNote(file, knowledgeOf, err), chartOptions, out, err);
  }

  let status = 0;
  const results = [];
  const reported = new Set<WorkspaceKnowledge>();
  for (const file of files) {
    const text = readNote(file, err);
    if (text === undefined) {
      status = 2;
      continue;
    }
    const doc = TextDocument.create(pathToFileURL(path.resolve(file)).href, 'markdown', 1, text);
    const { knowledge, service } = await knowledgeOf(file);
    const kb = knowledge.forNote(doc.uri, text);
    if (args.command === 'table') {
      const table = comparisonTable(service.analyze(doc), kb, { ...config.table, numberFormat: config.numberFormat, locale: config.locale });
      if (table.ok) out(table.markdown);
      else {
        err(`research-notes: ${file}: ${table.message}`);
        status = 1;
      }
      continue;
    }
    if (args.command === 'check') {
      const threshold = SEVERITY_NAMES.indexOf(args.failOn);
      // The note's front matter, then (once per folder) its knowledge files: errors, as in the editor.
      const problems = [...kb.problems.filter((p) => p.uri === doc.uri), ...(reported.has(knowledge) ? [] : [...knowledge.problems().values()].flat())];
      reported.add(knowledge);
      for (const p of problems) {
        const where = p.uri === doc.uri ? file : path.relative(process.cwd(), fileURLToPath(p.uri));
        out(`${where}:${p.range.start.line + 1}:${p.range.start.character + 1} error ${p.code} ${p.message}`);
        status ||= 1;
      }
      for (const d of service.diagnostics(doc)) {
        const severity = d.severity ?? 1;
        out(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY_NAMES[severity]} ${d.code} ${d.message}`);
        if (severity <= threshold && status === 0) status = 1;
      }
      continue;
    }
    const analysis = service.analyze(doc);
    const mentions = analysis.mentions.map((m) => ({
      range: analysis.range(m),
      text: m.text,
      kind: m.kind,
      id: m.id,
      name: kb.get(m.id)?.name ?? m.id,
      // A product named with its model (`ChatGPT-4o`, `챗GPT 5.1`) is a mention of both.
      ...(m.model ? { model: m.model, modelName: kb.get(m.model)?.name ?? m.model } : {}),
    }));
    const claims = analysis.claims.map((c) => ({
      range: analysis.range(c),
      text: c.text,
      value: c.value,
      active: c.active,
      qualifier: c.qualifier,
      refersTo: c.refersTo,
    }));
    results.push({ file, mentions, claims });
    if (args.json) continue;

    out(`${file}: ${mentions.length} mentions`);
    for (const m of mentions) {
      const where = `${m.range.start.line + 1}:${m.range.start.character + 1}`.padEnd(8);
      out(`  ${where}${m.kind.padEnd(13)}${m.text} → ${m.name}${m.modelName ? ` + ${m.modelName}` : ''}`);
    }
    out(`${file}: ${claims.length} parameter counts`);
    for (const c of analysis.claims) {
      const start = analysis.range(c).start;
      const where = `${start.line + 1}:${start.character + 1}`.padEnd(8);
      const about = c.refersTo ? ` → ${kb.get(c.refersTo)?.name ?? c.refersTo}` : '';
      const qualifier = c.qualifier === 'exact' ? '' : ` (${c.qualifier})`;
      const other = formatCount(c.value, c.notation === '억' ? 'B' : '억');
      out(`  ${where}${(c.active ? 'active' : 'total').padEnd(13)}${c.text} = ${other}${qualifier}${about}`);
    }
    if (args.hover) {
      const wanted = args.hover.toLowerCase();
      const target = analysis.mentions.find((m) => m.id === wanted || kb.get(m.id)?.name.toLowerCase() === wanted);
      if (target) {
        const h = service.hover(doc, analysis.range(target).start);
        const value = h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
        out(`\nHover of ${target.text} (${target.id}) at ${analysis.range(target).start.line + 1}:${analysis.range(target).start.character + 1}:\n`);
        out(value.replace(/^/gm, '  '));
      } else out(`\nNo mention of ${args.hover} in ${file}.`);
    }
  }
  if (args.json) out(JSON.stringify({ files: results }, null, 2));
  return status;
}

/** A note's analysis and knowledge, or undefined after saying on `err` why it cannot be read. */
async function analysedNote(file: string, knowledgeOf: (file: string) => Promise<FolderKnowledge>, err: (s: string) => void) {
  const text = readNote(file, err);
  if (text === undefined) return undefined;
  const doc = TextDocument.create(pathToFileURL(path.resolve(file)).href, 'markdown', 1, text);
  const { knowledge, service } = await knowledgeOf(file);
  return { analysis: service.analyze(doc), kb: knowledge.forNote(doc.uri, text) };
}

/** A note's text, or undefined after saying on `err` why it cannot be read (the other files go on). */
function readNote(file: string, err: (s: string) => void): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    err(`research-notes: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    return undefined;
  }
}

/** The FILE arguments with each folder replaced by the notes under it, as the workspace index finds them. */
async function notesOf(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    if (!statSync(p, { throwIfNoEntry: false })?.isDirectory()) {
      files.push(p);
      continue;
    }
    const folder = pathToFileURL(path.resolve(p)).href;
    const listed = await nodeWorkspace({ folders: () => [folder], globs: () => [], openText: () => undefined }).listNotes!();
    files.push(...listed.uris.map((u) => path.relative(process.cwd(), fileURLToPath(u))));
  }
  return files;
}

/** `index DIR`: every entity the notes mention, with mention and note counts and the counts they claim. */
async function indexCommand(
  files: readonly string[],
  knowledgeOf: (file: string) => Promise<FolderKnowledge>,
  json: boolean,
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  const index = new NoteIndex();
  const names = new Map<string, { name: string; kind: string }>();
  let status = 0;
  for (const file of files) {
    const text = readNote(file, err);
    if (text === undefined) {
      status = 2;
      continue;
    }
    const uri = pathToFileURL(path.resolve(file)).href;
    const { knowledge, service } = await knowledgeOf(file);
    const note = service.indexEntry({ uri, text });
    index.set(note);
    const kb = knowledge.forNote(uri, text);
    for (const m of note.mentions) {
      const e = kb.get(m.id);
      if (e && !names.has(m.id)) names.set(m.id, { name: e.name, kind: e.kind === 'family' ? 'model' : e.kind });
    }
  }
  const rel = (uri: string) => path.relative(process.cwd(), fileURLToPath(uri));
  const entities = index
    .entities()
    .map(({ id, mentions, notes }) => ({
      id,
      ...(names.get(id) ?? { name: id, kind: 'model' }),
      mentions,
      notes,
      claims: index.claims(id).map((c) => ({ file: rel(c.uri), line: c.range.start.line + 1, text: c.text, value: c.value })),
    }))
    .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
  if (json) out(JSON.stringify({ notes: index.size, entities }, null, 2));
  else {
    out(`${index.size} notes, ${entities.length} entities`);
    for (const e of entities) {
      const claimed = [...new Set(e.claims.map((c) => c.text))].join(', ');
      out(`  ${e.name.padEnd(32)} ${e.kind.padEnd(13)} ${String(e.mentions).padStart(5)} mentions in ${String(e.notes).padStart(4)} notes${claimed ? `  claimed: ${claimed}` : ''}`);
    }
  }
  return status;
}

/** The version of the package this CLI ships in (`dist/cli.js` sits beside its `package.json`'s folder). */
function version(): string {
  for (const dir of [path.join(__dirname, '..'), path.join(__dirname, '..', '..')]) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'research-notes' && pkg.version) return pkg.version;
    } catch {
      // not this folder
    }
  }
  return 'unknown';
}

if (require.main === module) {
  void main(process.argv.slice(2), (s) => console.log(s), (s) => console.error(s)).then((code) => (process.exitCode = code));
}
