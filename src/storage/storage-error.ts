// Typed storage failures and the one visible "storage health" state the UI reads; nothing is swallowed.

export type StorageErrorKind =
  /** The origin ran out of quota: the stamp was NOT saved. */
  | 'quota'
  /** IndexedDB is missing, closed or broken (private mode, disk error, browser shut it down). */
  | 'unavailable'
  /** Another tab keeps an older database version open, so this one cannot upgrade. */
  | 'blocked'
  /** A newer app version changed the database; this tab must reload. */
  | 'version';

export class StorageError extends Error {
  constructor(
    readonly kind: StorageErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StorageError';
  }
}

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

function errorName(error: unknown): string | undefined {
  if (error && typeof error === 'object' && 'name' in error) {
    const name = (error as { name: unknown }).name;
    return typeof name === 'string' ? name : undefined;
  }
  return undefined;
}

/** Maps whatever IndexedDB or idb threw onto a StorageError (an existing StorageError passes through). */
export function toStorageError(error: unknown, operation: string): StorageError {
  if (error instanceof StorageError) return error;
  const name = errorName(error);
  // Some engines report quota as a bare code 22 on a DOMException.
  const code = error instanceof DOMException ? error.code : undefined;
  if ((name && QUOTA_NAMES.has(name)) || code === 22) {
    return new StorageError('quota', `${operation}: the device is out of storage space`, {
      cause: error,
    });
  }
  if (name === 'VersionError') {
    return new StorageError('version', `${operation}: a newer app version is open; reload`, {
      cause: error,
    });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new StorageError('unavailable', `${operation}: storage unavailable (${detail})`, {
    cause: error,
  });
}

/**
 * The last storage failure, observable by the UI ('change' events). It stays set until a later write
 * succeeds, so a banner such as "storage full — your stamp was not saved" cannot flash by unseen.
 */
class StorageHealth extends EventTarget {
  #error: StorageError | null = null;

  get error(): StorageError | null {
    return this.#error;
  }

  report(error: StorageError): void {
    this.#error = error;
    this.dispatchEvent(new Event('change'));
  }

  clear(): void {
    if (!this.#error) return;
    this.#error = null;
    this.dispatchEvent(new Event('change'));
  }
}

export const storageHealth = new StorageHealth();

/**
 * Runs a storage operation; a failure is converted, reported to storageHealth and rethrown (callers
 * must still see it: a stamp that failed to save must not be celebrated).
 */
export async function guardStorage<T>(
  operation: string,
  fn: () => Promise<T>,
  { write = false }: { write?: boolean } = {},
): Promise<T> {
  try {
    const result = await fn();
    if (write) storageHealth.clear();
    return result;
  } catch (error) {
    const storageError = toStorageError(error, operation);
    storageHealth.report(storageError);
    throw storageError;
  }
}
