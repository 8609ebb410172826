// The signed-in staff or organizer session, kept in sessionStorage so it ends with the tab.
import { signInResponseSchema } from '../shared/auth.schema.js';
import type { SignInResponse } from '../shared/auth.schema.js';

export const SESSION_STORAGE_KEY = 'stamp-rally.session';

export type AuthSession = SignInResponse;

/** The stored session, or null when there is none, it is unreadable or it has expired. */
export function loadSession(now: Date = new Date()): AuthSession | null {
  try {
    const raw = sessionStorage.getItem(SESSION_STORAGE_KEY);
    if (!raw) return null;
    const session = signInResponseSchema.parse(JSON.parse(raw));
    if (Date.parse(session.expiresAt) <= now.getTime()) {
      clearSession();
      return null;
    }
    return session;
  } catch {
    clearSession();
    return null;
  }
}

export function saveSession(session: AuthSession): void {
  sessionStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
}

export function clearSession(): void {
  try {
    sessionStorage.removeItem(SESSION_STORAGE_KEY);
  } catch {
    // Nothing stored to clear.
  }
}
