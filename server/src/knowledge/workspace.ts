import { globToRegExp, matchesInFolders } from '../workspace/glob';
import { createKnowledgeBase } from './knowledgeBase';
import { parseKnowledgeFile } from './parse';
import type { KnowledgeBase, KnowledgeFile, KnowledgeProblem } from './types';
import type { Logger, Workspace } from '../workspace';

/** Default `researchNotes.knowledgeFiles`. */
export const defaultKnowledgeGlobs = ['.research-notes/*.{yaml,yml,json}'];

/**
 * The knowledge the features see: bundled data, then the workspace's knowledge files, then a
 * note's front-matter `entities:` (each later one overriding earlier entries field by field).
 * A broken file or entry is skipped with a problem at its line; the rest keeps working.
 */
export class WorkspaceKnowledge {
  private readonly userFiles = new Map<string, KnowledgeFile>();
  /** The text each user file was parsed from, to skip updates that change nothing. */
  private readonly texts = new Map<string, string>();
  private base: KnowledgeBase;
  private nextVersion = 2;
  /** Front-matter knowledge bases, by base version and front-matter text. */
  private readonly perNote = new Map<string, KnowledgeBase>();

  /** The knowledge-file globs as regular expressions, compiled once per setting value. */
  private compiled = { source: [] as readonly string[], patterns: [] as RegExp[] };

  constructor(
    private readonly bundled: KnowledgeBase,
    private readonly workspace: Workspace,
    private readonly logger: Logger,
    /** The `researchNotes.knowledgeFiles` globs now. */
    private readonly globs: () => readonly string[] = () => defaultKnowledgeGlobs,
  ) {
    this.base = bundled;
  }

  /** True for a loaded knowledge file, or a file the knowledge-file globs select in a workspace folder. */
  isKnowledgeFile(uri: string): boolean {
    if (this.userFiles.has(uri)) return true;
    const globs = this.globs();
    if (this.compiled.source !== globs) this.compiled = { source: globs, patterns: globs.map(globToRegExp) };
    return matchesInFolders(uri, this.workspace.folders, this.compiled.patterns);
  }

  /** The merged bundled and workspace knowledge. */
  current(): KnowledgeBase {
    return this.base;
  }

  /** Knowledge files currently loaded, in precedence order. */
  files(): string[] {
    return [...this.userFiles.keys()];
  }

  /** Finds and parses every knowledge file of the workspace again; returns why patterns were refused. */
  async reload(): Promise<string[]> {
    const { uris, refused } = await this.workspace.listKnowledgeFiles();
    for (const reason of refused) this.logger.warn(`Knowledge files: ${reason}`);
    this.userFiles.clear();
    this.texts.clear();
    for (const uri of uris) await this.read(uri);
    this.rebuild();
    return refused;
  }

  /**
   * A knowledge file was created, changed (on disk or in an editor) or deleted. Resolves to
   * false when its text is what was loaded already (opening a file in an editor, a save).
   */
  async update(uri: string, text?: string): Promise<boolean> {
    const next = text ?? (await this.workspace.readFile(uri));
    if (next === this.texts.get(uri)) return false;
    if (next === undefined) this.forgetFile(uri);
    else this.parse(uri, next);
    this.rebuild();
    return true;
  }

  /** True when `uri` is one of the loaded knowledge files. */
  has(uri: string): boolean {
    return this.userFiles.has(uri);
  }

  /** Problems per knowledge file (an empty list for a clean file, so old diagnostics clear). */
  problems(): Map<string, KnowledgeProblem[]> {
    const byUri = new Map<string, KnowledgeProblem[]>([...this.userFiles.keys()].map((u) => [u, []]));
    for (const p of this.base.problems) {
      if (byUri.has(p.uri)) byUri.get(p.uri)!.push(p);
    }
    return byUri;
  }

  /**
   * The knowledge for one note: the workspace's, plus the note's front-matter `entities:`.
   * Notes without them share the workspace's knowledge base (and its alias index).
   */
  forNote(uri: string, text: string): KnowledgeBase {
    const block = frontMatterEntities(text);
    if (!block) return this.base;
    const key = `${this.base.version}\u0000${block.text}`;
    let kb = this.perNote.get(key);
    if (!kb) {
      const file = shift(parseKnowledgeFile(uri, block.text, { bundled: false, format: 'yaml' }), block.line, block.indent);
      kb = createKnowledgeBase([file], this.nextVersion++, this.base);
      if (this.perNote.size > 32) this.perNote.clear();
      this.perNote.set(key, kb);
    }
    return kb;
  }

  private async read(uri: string): Promise<void> {
    const text = await this.workspace.readFile(uri);
    if (text === undefined) this.forgetFile(uri);
    else this.parse(uri, text);
  }

  private forgetFile(uri: string): void {
    this.userFiles.delete(uri);
    this.texts.delete(uri);
  }

  private parse(uri: string, text: string): void {
    const file = parseKnowledgeFile(uri, text, { bundled: false });
    this.userFiles.set(uri, file);
    this.texts.set(uri, text);
    this.logger.info(`Loaded knowledge file ${uri}: ${file.entities.length} entities, ${file.problems.length} problems`);
  }

  private rebuild(): void {
    this.base = createKnowledgeBase([...this.userFiles.values()], this.nextVersion++, this.bundled);
    this.perNote.clear();
  }
}

/** The `entities:` block of a note's YAML front matter, de-indented, with where it starts. */
export function frontMatterEntities(text: string): { text: string; line: number; indent: number } | undefined {
  if (!text.startsWith('---')) return undefined;
  // Only the front matter is split into lines: this runs on every version of a note.
  const closing = /^(---|\.\.\.)[ \t]*\r?$/m;
  const firstBreak = text.indexOf('\n');
  if (firstBreak === -1 || text.slice(0, firstBreak).trimEnd() !== '---') return undefined;
  const rest = text.slice(firstBreak + 1, firstBreak + 1 + 64 * 1024);
  const found = closing.exec(rest);
  if (!found) return undefined;
  const lines = text.slice(0, firstBreak + 1 + found.index).split('\n');
  const close = lines.length - 1;
  const start = lines.findIndex((l, i) => i > 0 && i < close && /^entities:\s*(#.*)?$/.test(l.trimEnd()));
  if (start === -1) return undefined;
  let end = start + 1;
  while (end < close && (lines[end].trim() === '' || /^\s/.test(lines[end]))) end++;
  const body = lines.slice(start + 1, end);
  const indent = Math.min(...body.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
  if (!Number.isFinite(indent)) return undefined;
  return { text: body.map((l) => l.slice(indent)).join('\n'), line: start + 1, indent };
}

/** Moves a front-matter file's positions from its de-indented text to the note's lines. */
function shift(file: KnowledgeFile, line: number, indent: number): KnowledgeFile {
  const pos = (p: { line: number; character: number }) => ({ line: p.line + line, character: p.character + indent });
  for (const o of file.origins.values()) Object.assign(o, pos(o));
  const range = (r: KnowledgeProblem['range']) => ({ start: pos(r.start), end: pos(r.end) });
  for (const ranges of file.fieldRanges?.values() ?? []) {
    for (const [path, r] of ranges) ranges.set(path, range(r));
  }
  return { ...file, problems: file.problems.map((p) => ({ ...p, range: range(p.range) })) };
}
