// How a failed sync attempt shows to the visitor (offline vs error) and how soon it may be retried.
import { StorageError } from '../storage/storage-error.js';
import { SyncHttpError, SyncNetworkError } from './visitor-api.js';

export interface SyncFailure {
  status: 'offline' | 'error';
  code: string;
  message: string;
  /** The server's Retry-After: no request before it has passed, whatever triggers one. */
  retryAfterMs: number | null;
}

export function describeFailure(error: unknown): SyncFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof SyncNetworkError) {
    return { status: 'offline', code: 'offline', message, retryAfterMs: null };
  }
  if (error instanceof SyncHttpError) {
    return { status: 'error', code: error.code, message, retryAfterMs: error.retryAfterMs };
  }
  if (error instanceof StorageError) {
    return { status: 'error', code: `storage_${error.kind}`, message, retryAfterMs: null };
  }
  return { status: 'error', code: 'unknown', message, retryAfterMs: null };
}
