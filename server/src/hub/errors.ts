/**
 * Why a Hugging Face Hub lookup failed, in a few kinds a user can act on, and the message for each
 * in the server's message table (en, ko). A failure never carries the access token: only the
 * repo id, the HTTP status and a short, cleaned detail.
 */
import { HubApiError, InvalidApiResponseFormatError } from '@huggingface/hub';
import { fill, messages, type Locale } from '../l10n';
import { cleanText } from './text';
import type { HubFailure, HubNotice } from './types';

/** What the Hub's last refused answer said beside its status (`X-Error-Code`). */
export interface RefusalContext {
  /** `RepoNotFound`, `GatedRepo`, `EntryNotFound`, ... */
  errorCode?: string;
  /** The request carried an access token. */
  withToken: boolean;
  /** The lookup's deadline passed. */
  timedOut: boolean;
  /** The caller cancelled the lookup. */
  cancelled: boolean;
}

/** Thrown by the lookup when the Hub's JSON lacks what it must state (its message is the detail). */
export class MalformedAnswer extends Error {}

/** Classifies what a call into `@huggingface/hub` threw. */
export function classifyHubError(error: unknown, repo: string, context: RefusalContext): HubFailure {
  if (context.cancelled) return { kind: 'cancelled', repo };
  if (context.timedOut) return { kind: 'timeout', repo };
  if (error instanceof HubApiError) return classifyStatus(error.statusCode, repo, context);
  // A JSON parse error quotes the body: say only what it was not.
  if (error instanceof SyntaxError) return { kind: 'malformed', repo, detail: 'not JSON' };
  if (error instanceof InvalidApiResponseFormatError || error instanceof MalformedAnswer) return { kind: 'malformed', repo, detail: detailOf(error) };
  if (isNetworkError(error)) return { kind: 'offline', repo, detail: networkReason(error) };
  return { kind: 'malformed', repo, detail: detailOf(error) };
}

/** A refused answer by its status and `X-Error-Code` (the Hub answers 401 for a repo it hides). */
export function classifyStatus(status: number, repo: string, context: Pick<RefusalContext, 'errorCode' | 'withToken'>): HubFailure {
  const code = context.errorCode;
  if (code === 'RepoNotFound' || status === 404) return { kind: 'notFound', repo, status };
  if (code === 'GatedRepo') return { kind: 'gated', repo, status };
  if (status === 401) return { kind: context.withToken ? 'unauthorized' : 'needsToken', repo, status };
  if (status === 403) return { kind: context.withToken ? 'unauthorized' : 'needsToken', repo, status };
  if (status === 429) return { kind: 'rateLimited', repo, status };
  return { kind: 'serverError', repo, status };
}

/** Where the lookup went and how long it waited, for the messages that name them. */
export interface MessageContext {
  endpoint: string;
  timeoutMs: number;
}

/** The failure as one sentence in `locale`. */
export function hubFailureMessage(failure: HubFailure, locale: Locale, context: MessageContext): string {
  const t = messages(locale);
  const values = {
    repo: failure.repo,
    endpoint: context.endpoint,
    url: `${context.endpoint.replace(/\/+$/, '')}/${failure.repo}`,
    seconds: String(Math.round(context.timeoutMs / 100) / 10),
    status: String(failure.status ?? ''),
    reason: failure.detail ?? '?',
    detail: failure.detail ?? '?',
  };
  const template = {
    invalidRepoId: t.hubInvalidRepoId,
    invalidToken: t.hubInvalidToken,
    offline: t.hubOffline,
    timeout: t.hubTimeout,
    cancelled: t.hubCancelled,
    notFound: t.hubNotFound,
    gated: t.hubGated,
    needsToken: t.hubNeedsToken,
    unauthorized: t.hubUnauthorized,
    rateLimited: t.hubRateLimited,
    serverError: t.hubServerError,
    malformed: t.hubMalformed,
  }[failure.kind];
  return fill(template, values);
}

/** `fetch` rejects with a `TypeError` whose `cause` says what the socket met. */
function isNetworkError(error: unknown): boolean {
  return error instanceof TypeError && (error.message === 'fetch failed' || error.message === 'terminated' || (error as { cause?: unknown }).cause !== undefined);
}

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  return cleanText(code ?? (typeof cause?.message === 'string' ? cause.message : (error as Error).message), 80) ?? 'network error';
}

function detailOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return cleanText(text, 120, { truncate: true }) ?? 'no detail';
}

/** A notice about an entry as one sentence in `locale`. */
export function hubNoticeMessage(notice: HubNotice, locale: Locale): string {
  const t = messages(locale);
  switch (notice.kind) {
    case 'noSafetensors':
      return fill(t.hubNoSafetensors, { repo: notice.repo });
    case 'configGated':
      return fill(t.hubConfigGated, { repo: notice.repo });
    case 'noConfig':
      return fill(t.hubNoConfig, { repo: notice.repo });
    case 'packedWeights':
      return fill(t.hubPackedWeights, { repo: notice.repo, count: notice.count.toLocaleString('en-US') });
    case 'overrides':
      return fill(t.hubOverrides, { id: notice.id, name: notice.name, fields: notice.fields.join(', ') || t.hubNothingToAdd });
  }
}
