// Mutual exclusion for syncing: Web Locks across tabs where available, an in-page queue otherwise.

/** The subset of LockManager used here (lets tests pass their own or none). */
export interface LockManagerLike {
  request<T>(name: string, callback: (lock: unknown) => Promise<T>): Promise<T>;
}

const pageQueues = new Map<string, Promise<unknown>>();

/** Queues fn behind earlier holders of `name` in this page. */
function withPageLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const previous = pageQueues.get(name) ?? Promise.resolve();
  const run = previous.then(fn, fn);
  const settled = run.catch(() => undefined);
  pageQueues.set(name, settled);
  void settled.then(() => {
    if (pageQueues.get(name) === settled) pageQueues.delete(name);
  });
  return run;
}

/** The browser's LockManager, or null (older Safari, some in-app browsers). */
export function defaultLockManager(): LockManagerLike | null {
  const locks = (globalThis.navigator as { locks?: LockManager } | undefined)?.locks;
  return locks ? (locks as LockManagerLike) : null;
}

/**
 * Runs fn while holding the lock. Without Web Locks, tabs may sync at the same time; that costs a
 * repeated request but never a lost or doubled stamp, because the server dedupes by stamp id and by
 * booth and every local write is a single IndexedDB transaction.
 */
export function withSyncLock<T>(
  name: string,
  fn: () => Promise<T>,
  locks: LockManagerLike | null,
): Promise<T> {
  if (locks) return locks.request(name, () => fn());
  return withPageLock(name, fn);
}
