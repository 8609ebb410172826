// Calls to the product API from the page: JSON in and out, the shared error shape, zod-checked replies.
import type { z } from 'zod';
import { apiErrorSchema } from '../shared/api-error.js';
import { publicCampaignSchema } from '../shared/campaign.schema.js';
import type { PatternSetRef, PublicCampaign } from '../shared/campaign.schema.js';
import { signInResponseSchema } from '../shared/auth.schema.js';
import type { SignInRequest, SignInResponse } from '../shared/auth.schema.js';

/** The server answered with an error status (code and message from its error body when present). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The request never got an answer: offline, DNS, connection reset. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network request failed', { cause });
    this.name = 'NetworkError';
  }
}

/** The server answered 2xx but with a body this app version does not understand. */
export class BadResponseError extends Error {
  constructor(cause: unknown) {
    super('unexpected response from the server', { cause });
    this.name = 'BadResponseError';
  }
}

async function request(path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { accept: 'application/json', ...init.headers },
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError(error);
  }
  if (response.ok) return response;
  const body: unknown = await response.json().catch(() => null);
  const parsed = apiErrorSchema.safeParse(body);
  if (parsed.success) {
    throw new ApiError(response.status, parsed.data.error.code, parsed.data.error.message);
  }
  throw new ApiError(response.status, 'http_' + response.status, response.statusText);
}

async function parseJson<T extends z.ZodType>(response: Response, schema: T): Promise<z.infer<T>> {
  try {
    return schema.parse(await response.json());
  } catch (error) {
    throw new BadResponseError(error);
  }
}

export async function fetchCampaign(slug: string, signal?: AbortSignal): Promise<PublicCampaign> {
  const response = await request(`/api/v1/campaigns/${encodeURIComponent(slug)}`, { signal });
  return parseJson(response, publicCampaignSchema);
}

/** A pattern-set artifact as served, with the headers that tell which content it is. */
export interface DownloadedArtifact {
  bytes: Uint8Array;
  /** The ETag without quotes or weak prefix: the server sends the set's content hash. */
  etag: string | null;
  contentType: string | null;
}

export async function fetchPatternSetArtifact(
  ref: PatternSetRef,
  signal?: AbortSignal,
): Promise<DownloadedArtifact> {
  const response = await request(ref.artifactUrl, { signal, headers: { accept: '*/*' } });
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError(error);
  }
  const rawEtag = response.headers.get('etag');
  return {
    bytes,
    etag: rawEtag ? rawEtag.replace(/^W\//, '').replace(/^"|"$/g, '') : null,
    contentType: response.headers.get('content-type'),
  };
}

export async function signIn(credentials: SignInRequest): Promise<SignInResponse> {
  const response = await request('/api/v1/auth/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  return parseJson(response, signInResponseSchema);
}

export async function signOut(token: string): Promise<void> {
  await request('/api/v1/auth/sign-out', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
}
