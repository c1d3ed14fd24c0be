/**
 * The bind table: every protocol message the server answers, and the session method that
 * answers it. Nothing else happens here.
 */
import type { CancellationToken, Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Commands, EntitiesRequest, HubEntryRequest, ModelsChartRequest, type EntitiesParams, type HubEntryParams, type HubEntryResult, type ModelsChartParams, type ModelsChartResult } from '../protocol';
import { Session, type ServerDeps } from './session';

export type { ServerDeps } from './session';

export function startServer(connection: Connection, deps: ServerDeps): Session {
  const s = new Session(connection, deps);
  /**
   * A request on a note, answered once the note is analysed for its current version; `none`
   * otherwise, and when answering throws (logged once per method): one bad note never stops the server.
   */
  const onNote =
    <P extends { textDocument: { uri: string } }, R>(method: string, answer: (doc: TextDocument, p: P, token: CancellationToken) => R | Promise<R>, none: R) =>
    async (p: P, token: CancellationToken): Promise<R> => {
      try {
        const doc = await s.ready(p.textDocument.uri, token);
        return doc ? await answer(doc, p, token) : none;
      } catch (error) {
        s.failed(method, error);
        return none;
      }
    };

  connection.onInitialize((p) => s.initialize(p));
  connection.onInitialized(() => s.initialized());
  connection.onDidChangeConfiguration((p) => s.configurationChanged(p.settings));
  connection.onDidChangeWatchedFiles((p) => s.watchedFilesChanged(p.changes.map((c) => c.uri)).catch((e: unknown) => s.failed('watchedFiles', e)));
  connection.onExecuteCommand((p) =>
    p.command === Commands.insertComparisonTable ? s.executeCommand(p.arguments) : p.command === Commands.insertComparisonChart ? s.insertComparisonChart(p.arguments) : null,
  );
  connection.onHover(onNote('hover', (doc, p, t) => s.service.hover(doc, p.position, t), null));
  connection.onDefinition(onNote('definition', (doc, p, t) => s.service.definition(doc, p.position, t), null));
  connection.onReferences(async (p, token) => {
    try {
      const inKnowledge = await s.knowledgeReferences(p.textDocument.uri, p.position, p.context.includeDeclaration, token);
      return inKnowledge ?? (await onNote('references', (doc, q: typeof p, t) => s.references(doc, q.position, q.context.includeDeclaration, t), null)(p, token));
    } catch (error) {
      s.failed('references', error);
      return null;
    }
  });
  connection.onRequest(EntitiesRequest, (p: EntitiesParams | undefined) => {
    try {
      return s.entities(p ?? {});
    } catch (error) {
      s.failed('entities', error);
      return { complete: false, kinds: [] };
    }
  });
  connection.onRequest(HubEntryRequest, (p: HubEntryParams): Promise<unknown> =>
    s.hubEntry(p).catch((e: unknown): HubEntryResult => (s.failed('hubEntry', e), { ok: false, message: String(e instanceof Error ? e.message : e) })),
  );
  connection.onRequest(ModelsChartRequest, (p: ModelsChartParams | undefined): Promise<unknown> =>
    s.modelsChart(p ?? {}).catch((e: unknown): ModelsChartResult => (s.failed('modelsChart', e), { ok: false, message: String(e instanceof Error ? e.message : e) })),
  );
  connection.onWorkspaceSymbol((p, token) => s.workspaceSymbols(p.query, token).catch((e: unknown) => (s.failed('workspaceSymbol', e), [])));
  connection.onCompletion(onNote('completion', (doc, p, t) => s.service.completions(doc, p.position, t), null));
  connection.onCodeAction(onNote('codeAction', (doc, p, t) => s.codeActions(doc, p.range, p.context.diagnostics, t), null));
  connection.languages.inlayHint.on(onNote('inlayHint', (doc, p, t) => s.service.inlayHints(doc, p.range, t), null));
  connection.languages.semanticTokens.on(onNote('semanticTokens', (doc, _p, t) => s.service.semanticTokens(doc, undefined, t), { data: [] }));
  connection.languages.semanticTokens.onRange(onNote('semanticTokens/range', (doc, p, t) => s.service.semanticTokens(doc, p.range, t), { data: [] }));
  s.documents.onDidOpen((e) => s.opened(e.document));
  s.documents.onDidChangeContent((e) => s.changed(e.document));
  s.documents.onDidClose((e) => s.closed(e.document));

  s.documents.listen(connection);
  connection.listen();
  return s;
}
