/**
 * Quick fixes for `entity.unknown`: add the name to the workspace knowledge file
 * (`.research-notes/entities.yaml`) as a skeleton model entry, or silence it with an `ignore:`
 * entry. Each is one workspace edit that creates the file or inserts into it, keeping the
 * user's layout, comments and line endings, so the file still loads without a problem.
 */

import { isMap, isScalar, isSeq, parseDocument, stringify } from 'yaml';
import type { Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  CreateFile,
  TextDocumentEdit,
  TextEdit,
  type CodeAction,
  type Diagnostic,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { NoteAnalysis } from '../analysis';
import { messages, type Locale } from '../l10n';
import { DIAGNOSTIC_SOURCE, DiagnosticCodes } from '../protocol';
import { sizeInName } from '../recognize/unknownNames';
import type { UnknownNameData } from '../protocol';

/** The workspace knowledge file the quick fixes write, relative to the workspace folder. */
export const KNOWLEDGE_FILE = '.research-notes/entities.yaml';

/** `file:///ws` → `file:///ws/.research-notes/entities.yaml`. */
export function knowledgeFileUri(folderUri: string): string {
  return `${folderUri.replace(/\/+$/, '')}/${KNOWLEDGE_FILE}`;
}

/** `Foo-70B` → `foo-70b`, `BarLM 2.5` → `barlm-2.5`: the id convention of the bundled data. */
export function slugOf(name: string): string {
  const slug = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}.]+/gu, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[-.]+|[-.]+$/g, '');
  return slug || 'entity';
}

/**
 * An edit that adds a skeleton model entry for `name` (id, name, empty aliases and sources, the
 * parameter count the name states) to the workspace knowledge file: at the end of its `models:`
 * list, or in a new `models:` list, or in a new file when `existing` is undefined.
 * Undefined when the existing file cannot take an entry safely: a YAML syntax error, a top level
 * that is not a block mapping, or a `models:` that is not a list.
 */
export function addToKnowledgeFileEdit(name: string, folderUri: string, existing: string | undefined, fileVersion?: number): WorkspaceEdit | undefined {
  const uri = knowledgeFileUri(folderUri);
  if (existing === undefined) return createFileEdit(uri, `${HEADER}\nmodels:\n${modelEntry(name, slugOf(name), 2, 4, '\n')}`);
  const file = readFile(existing);
  if (!file) return undefined;
  const id = uniqueId(slugOf(name), file.ids);
  const edits = insertIntoList(file, 'models', {
    block: (dash, key) => modelEntry(name, id, dash, key, file.eol),
    flow: () => flowModelEntry(name, id),
  });
  return edits && editFile(uri, fileVersion, edits);
}

/**
 * An edit that adds `name` to the top-level `ignore:` list of the workspace knowledge file,
 * creating the list or the file as needed. Undefined as for `addToKnowledgeFileEdit`.
 */
export function ignoreNameEdit(name: string, folderUri: string, existing: string | undefined, fileVersion?: number): WorkspaceEdit | undefined {
  const uri = knowledgeFileUri(folderUri);
  if (existing === undefined) return createFileEdit(uri, `${HEADER}\nignore:\n  - ${blockScalar(name)}\n`);
  const file = readFile(existing);
  if (!file) return undefined;
  const edits = insertIntoList(file, 'ignore', {
    block: (dash) => `${' '.repeat(dash)}- ${blockScalar(name)}${file.eol}`,
    flow: () => JSON.stringify(name),
  });
  return edits && editFile(uri, fileVersion, edits);
}

/**
 * Two quick fixes per unknown name among `diagnostics` that still stands in the note: add it to
 * the workspace knowledge file, or ignore it there. Diagnostics of one name share their fixes.
 * `existing` is the knowledge file's current text (undefined when it does not exist) and
 * `fileVersion` its version when open in the editor.
 */
export function unknownNameActions(
  analysis: NoteAnalysis,
  diagnostics: readonly Diagnostic[],
  folderUri: string,
  existing: string | undefined,
  locale: Locale,
  fileVersion?: number,
): CodeAction[] {
  const t = messages(locale);
  const byName = new Map<string, Diagnostic[]>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.code !== DiagnosticCodes.entityUnknown || diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    const written = analysis.text.slice(analysis.offsetAt(diagnostic.range.start), analysis.offsetAt(diagnostic.range.end));
    // A client may drop `data`; the text at the range is the name then. When both exist they must agree.
    const data = diagnostic.data as Partial<UnknownNameData> | undefined;
    if (!written.trim() || (typeof data?.name === 'string' && data.name !== written)) continue;
    const list = byName.get(written);
    if (list) list.push(diagnostic);
    else byName.set(written, [diagnostic]);
  }
  const actions: CodeAction[] = [];
  for (const [name, named] of byName) {
    const add = addToKnowledgeFileEdit(name, folderUri, existing, fileVersion);
    if (add) actions.push({ title: t.entityAddToKnowledge.replace('{name}', name), kind: CodeActionKind.QuickFix, diagnostics: named, edit: add });
    const ignore = ignoreNameEdit(name, folderUri, existing, fileVersion);
    if (ignore) actions.push({ title: t.entityIgnore.replace('{name}', name), kind: CodeActionKind.QuickFix, diagnostics: named, edit: ignore });
  }
  return actions;
}

/** An entry to add to a top-level list of a knowledge file, written as YAML by its maker. */
export interface KnowledgeItem {
  /** The top-level list it belongs in (`models`, `organizations`). */
  list: string;
  id: string;
  /** When the file has this id already, the item is left out (else the whole edit is refused). */
  optional?: boolean;
  /** The item as a block sequence item: its `-` at column `dash`, its keys at `key`, every line ending in `eol`. */
  block(dash: number, key: number, eol: string): string;
  /** The item as a flow mapping, for a list written `[...]`. */
  flow(): string;
}

/** The edit, or why the file cannot take the entries: not a YAML block mapping, or it has the id already. */
export type AddEntriesResult = { edit: WorkspaceEdit } | { problem: 'unreadable' } | { problem: 'exists'; id: string };

/**
 * One edit that adds `items` to their lists in the knowledge file `uri` (`existing` is its text,
 * undefined when it does not exist: then the edit creates it), keeping the file's layout as the
 * quick fixes do. An item whose id the file has already refuses the edit, unless it is optional.
 */
export function addEntriesEdit(uri: string, existing: string | undefined, items: readonly KnowledgeItem[], fileVersion?: number): AddEntriesResult {
  if (existing === undefined) return { edit: createFileEdit(uri, `${HEADER}\n${knowledgeDocument(items)}`) };
  const file = readFile(existing);
  if (!file) return { problem: 'unreadable' };
  const present = items.find((item) => !item.optional && file.ids.has(item.id));
  if (present) return { problem: 'exists', id: present.id };
  const edits: TextEdit[] = [];
  // Lists the file has first: at the end of a file, an item appended to the last list must come before a new list.
  const has = (list: string) => file.root?.items.some((p) => isScalar(p.key) && p.key.value === list) ?? false;
  const lists = [...byList(items.filter((item) => !file.ids.has(item.id)))].sort(([a], [b]) => Number(has(b)) - Number(has(a)));
  for (const [list, listed] of lists) {
    const added = insertIntoList(file, list, {
      block: (dash, key) => listed.map((item) => item.block(dash, key, file.eol)).join(''),
      flow: () => listed.map((item) => item.flow()).join(', '),
    });
    if (!added) return { problem: 'unreadable' };
    edits.push(...added);
  }
  return { edit: editFile(uri, fileVersion, joinInserts(edits, file)) };
}

/** `items` as the lists of a knowledge file (`organizations:`, then `models:`, in the items' order), a blank line between lists. */
export function knowledgeDocument(items: readonly KnowledgeItem[]): string {
  return [...byList(items)].map(([list, listed]) => `${list}:\n${listed.map((item) => item.block(2, 4, '\n')).join('')}`).join('\n');
}

/** The ids of a knowledge file's entries; undefined when the file cannot take an entry. */
export function knowledgeFileIds(text: string): ReadonlySet<string> | undefined {
  return readFile(text)?.ids;
}

function byList(items: readonly KnowledgeItem[]): Map<string, KnowledgeItem[]> {
  const lists = new Map<string, KnowledgeItem[]>();
  for (const item of items) lists.set(item.list, [...(lists.get(item.list) ?? []), item]);
  return lists;
}

/**
 * The edits in file order, inserts at one offset joined into one (in the order given): two lists
 * appended at the end of a file must not depend on how a client orders equal inserts, nor leave
 * two blank lines where the first one's text already ends its line.
 */
function joinInserts(edits: TextEdit[], file: FileText): TextEdit[] {
  const offset = (e: TextEdit) => file.doc.offsetAt(e.range.start);
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => offset(a.e) - offset(b.e) || a.i - b.i).map(({ e }) => e);
  const out: TextEdit[] = [];
  for (const edit of sorted) {
    const last = out[out.length - 1];
    const isInsert = (e: TextEdit) => offset(e) === file.doc.offsetAt(e.range.end);
    if (last && isInsert(last) && isInsert(edit) && offset(last) === offset(edit)) {
      const eol2 = file.eol + file.eol;
      const next = last.newText.endsWith(file.eol) && edit.newText.startsWith(eol2) ? edit.newText.slice(file.eol.length) : edit.newText;
      out[out.length - 1] = TextEdit.insert(last.range.start, last.newText + next);
    } else out.push(edit);
  }
  return out;
}

// ---- entries ------------------------------------------------------------------------------

const HEADER = '# Research Notes knowledge file: models, organizations and ignored names of this workspace.';
const TODO = '# TODO: add a source URL';

/** A model entry as a block sequence item, its `-` at column `dash` and its keys at `key`. */
function modelEntry(name: string, id: string, dash: number, key: number, eol: string): string {
  const pad = ' '.repeat(key);
  const lines = [
    `${' '.repeat(dash)}-${' '.repeat(Math.max(1, key - dash - 1))}id: ${blockScalar(id)}`,
    `${pad}name: ${blockScalar(name)}`,
    `${pad}aliases: []`,
  ];
  const counts = countsText(name);
  if (counts) lines.push(`${pad}parameters: { ${counts} }`);
  lines.push(`${pad}sources: []  ${TODO}`);
  return lines.map((l) => l + eol).join('');
}

/** The same entry as a flow mapping, for a `models: [...]` written in flow style. */
function flowModelEntry(name: string, id: string): string {
  const counts = countsText(name);
  return `{ id: ${JSON.stringify(id)}, name: ${JSON.stringify(name)}, aliases: []${counts ? `, parameters: { ${counts} }` : ''}, sources: [] }`;
}

function countsText(name: string): string | undefined {
  const { total, active } = sizeInName(name);
  const parts = [total !== undefined ? `total: ${total}` : '', active !== undefined && (total === undefined || active <= total) ? `active: ${active}` : ''];
  const text = parts.filter(Boolean).join(', ');
  return text || undefined;
}

/** A string as a YAML block scalar, quoted only when plain would read as something else. */
function blockScalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

function uniqueId(slug: string, taken: ReadonlySet<string>): string {
  if (!taken.has(slug)) return slug;
  let n = 2;
  while (taken.has(`${slug}-${n}`)) n++;
  return `${slug}-${n}`;
}

// ---- the file -----------------------------------------------------------------------------

interface FileText {
  text: string;
  eol: string;
  /** The top-level mapping; null for a file of nothing but comments. */
  root: YAMLMap | null;
  /** Ids of every entry of the file, so a new one does not collide. */
  ids: Set<string>;
  doc: TextDocument;
}

function readFile(text: string): FileText | undefined {
  const parsed = parseDocument(text, { uniqueKeys: false });
  if (parsed.errors.length > 0) return undefined;
  const contents = parsed.contents as Node | null;
  let root: YAMLMap | null = null;
  if (isMap(contents) && !contents.flow) root = contents;
  else if (contents !== null && !(isScalar(contents) && contents.value === null)) return undefined;
  const ids = new Set<string>();
  for (const pair of root?.items ?? []) {
    const value = pair.value as Node | null;
    if (!isSeq(value)) continue;
    for (const item of value.items) {
      const id = isMap(item) ? item.get('id') : undefined;
      if (typeof id === 'string') ids.add(id);
    }
  }
  return { text, eol: text.includes('\r\n') ? '\r\n' : '\n', root, ids, doc: TextDocument.create('file:///knowledge.yaml', 'yaml', 0, text) };
}

interface ItemText {
  /** A block sequence item with its `-` at column `dash` and its mapping keys at `key`, ending in a newline. */
  block(dash: number, key: number): string;
  /** A flow sequence item. */
  flow(): string;
}

/** Edits that put one item at the end of the top-level list `key`, or a new list at the end of the file. */
function insertIntoList(file: FileText, key: string, item: ItemText): TextEdit[] | undefined {
  const { text, eol } = file;
  const pair = file.root?.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair<Node, Node | null> | undefined;
  if (!pair) {
    const before = text.trim() === '' ? '' : text.endsWith('\n') ? eol : eol + eol;
    return [TextEdit.insert(file.doc.positionAt(text.length), `${before}${key}:${eol}${item.block(2, 4)}`)];
  }
  const value = pair.value;
  const keyStart = (pair.key as Node).range![0];
  const keyColumn = file.doc.positionAt(keyStart).character;
  if (isSeq(value) && !value.flow && value.items.length > 0) return [appendToBlock(file, value, item)];
  if (isSeq(value) && value.flow && value.items.length > 0) {
    const [, end] = value.range!;
    const close = text.lastIndexOf(']', end - 1);
    let last = close - 1;
    while (last >= 0 && /\s/.test(text[last])) last--;
    const comma = text[last] === ',' ? ' ' : ', ';
    return [TextEdit.insert(file.doc.positionAt(last + 1), `${comma}${item.flow()}`)];
  }
  const empty = value === null || (isScalar(value) && value.value === null) || (isSeq(value) && value.items.length === 0);
  if (!empty) return undefined;
  // `key:`, `key: ~` or `key: []`: drop the empty value and start a block list after the line.
  const edits: TextEdit[] = [];
  const valueRange = value?.range;
  let lineOf = keyStart;
  if (valueRange && valueRange[1] > valueRange[0]) {
    // `models: []  # none yet` → `models: # none yet`; `models: []` → `models:`.
    let [start, end] = valueRange;
    const blank = /[ \t]/;
    while (blank.test(text[end] ?? '')) end++;
    // A comment keeps the blank that precedes the value; the end of a line keeps none.
    if (text[end] !== '#') while (start > 0 && blank.test(text[start - 1])) start--;
    edits.push(TextEdit.del({ start: file.doc.positionAt(start), end: file.doc.positionAt(end) }));
    lineOf = valueRange[0];
  }
  const { at, prefix } = afterLine(text, lineOf, eol);
  edits.push(TextEdit.insert(file.doc.positionAt(at), prefix + item.block(keyColumn + 2, keyColumn + 4)));
  return edits;
}

/** Inserts after the last item of a block list and the comments indented under it. */
function appendToBlock(file: FileText, seq: YAMLSeq, item: ItemText): TextEdit {
  const { text, eol, doc } = file;
  const dash = doc.positionAt(seq.range![0]).character;
  const first = seq.items[0] as Node;
  const firstKey = isMap(first) && !first.flow ? (first.items[0]?.key as Node | undefined) : undefined;
  const key = firstKey?.range ? doc.positionAt(firstKey.range[0]).character : dash + 2;
  const last = seq.items[seq.items.length - 1] as Node;
  const lastEnd = last.range![1];
  let { at, prefix } = text[lastEnd - 1] === '\n' ? { at: lastEnd, prefix: '' } : afterLine(text, lastEnd, eol);
  // A comment indented under the last item is part of it (`# context: 1000` left for later).
  while (!prefix && at < text.length) {
    const lineEnd = text.indexOf('\n', at);
    const line = text.slice(at, lineEnd === -1 ? text.length : lineEnd);
    const m = /^( *)#/.exec(line);
    if (!m || m[1].length <= dash) break;
    ({ at, prefix } = afterLine(text, at, eol));
  }
  return TextEdit.insert(doc.positionAt(at), prefix + item.block(dash, key));
}

/** The offset just after the line holding `offset`, and the newline to write first when that line is the file's last without one. */
function afterLine(text: string, offset: number, eol: string): { at: number; prefix: string } {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? { at: text.length, prefix: eol } : { at: newline + 1, prefix: '' };
}

function createFileEdit(uri: string, content: string): WorkspaceEdit {
  return {
    documentChanges: [
      // Never overwrite: a file the server did not know of keeps its content.
      CreateFile.create(uri, { ignoreIfExists: true }),
      TextDocumentEdit.create({ uri, version: null }, [TextEdit.insert({ line: 0, character: 0 }, content)]),
    ],
  };
}

function editFile(uri: string, version: number | undefined, edits: TextEdit[]): WorkspaceEdit {
  return { documentChanges: [TextDocumentEdit.create({ uri, version: version ?? null }, edits)] };
}
