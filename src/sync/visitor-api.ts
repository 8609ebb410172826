// The two visitor endpoints the sync layer calls (register, sync), with zod-checked replies and typed
// failures; no DOM, so a service worker can use it too.
import { apiErrorSchema } from '../shared/api-error.js';
import { SYNC_PROTOCOL_VERSION, syncResponseSchema } from '../shared/sync.schema.js';
import type { StampEvent, SyncRequest, SyncResponse } from '../shared/sync.schema.js';
import { registerVisitorResponseSchema } from '../shared/visitor.schema.js';
import type { RegisterVisitorResponse } from '../shared/visitor.schema.js';
import { parseRetryAfter } from './backoff.js';

/** The server answered with a non-2xx status. */
export class SyncHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** From Retry-After, when the server sent one. */
    readonly retryAfterMs: number | null,
  ) {
    super(message);
    this.name = 'SyncHttpError';
  }
}

/** No answer at all: offline, DNS, reset, timeout. */
export class SyncNetworkError extends Error {
  constructor(cause: unknown) {
    super('network request failed', { cause });
    this.name = 'SyncNetworkError';
  }
}

/** A 2xx answer this app version cannot read. */
export class SyncBadResponseError extends Error {
  constructor(cause: unknown) {
    super('unexpected response from the server', { cause });
    this.name = 'SyncBadResponseError';
  }
}

export interface VisitorApiOptions {
  /** Origin + path prefix, '' for same-origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Per-request timeout, so a hung request cannot hold the sync lock forever. */
  timeoutMs?: number;
}

async function call(path: string, init: RequestInit, options: VisitorApiOptions): Promise<unknown> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  let response: Response;
  try {
    response = await doFetch(`${options.baseUrl ?? ''}${path}`, {
      ...init,
      headers: { accept: 'application/json', 'content-type': 'application/json', ...init.headers },
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
  } catch (error) {
    throw new SyncNetworkError(error);
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    const parsed = apiErrorSchema.safeParse(body);
    const retryAfter = parseRetryAfter(response.headers.get('retry-after'), Date.now());
    throw parsed.success
      ? new SyncHttpError(
          response.status,
          parsed.data.error.code,
          parsed.data.error.message,
          retryAfter,
        )
      : new SyncHttpError(
          response.status,
          `http_${response.status}`,
          response.statusText,
          retryAfter,
        );
  }
  try {
    return await response.json();
  } catch (error) {
    throw new SyncNetworkError(error);
  }
}

export async function registerVisitor(
  slug: string,
  devicePublicKey: string,
  options: VisitorApiOptions = {},
): Promise<RegisterVisitorResponse> {
  const body = await call(
    `/api/v1/campaigns/${encodeURIComponent(slug)}/visitors`,
    { method: 'POST', body: JSON.stringify({ devicePublicKey }) },
    options,
  );
  const parsed = registerVisitorResponseSchema.safeParse(body);
  if (!parsed.success) throw new SyncBadResponseError(parsed.error);
  return parsed.data;
}

export async function postSync(
  slug: string,
  token: string,
  events: readonly StampEvent[],
  options: VisitorApiOptions = {},
): Promise<SyncResponse> {
  const request: SyncRequest = { v: SYNC_PROTOCOL_VERSION, events: [...events] };
  const body = await call(
    `/api/v1/campaigns/${encodeURIComponent(slug)}/sync`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: JSON.stringify(request),
    },
    options,
  );
  const parsed = syncResponseSchema.safeParse(body);
  if (!parsed.success) throw new SyncBadResponseError(parsed.error);
  return parsed.data;
}
