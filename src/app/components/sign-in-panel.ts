// <sign-in-panel>: staff/organizer sign-in and sign-out, admitting only the role its screen is for.
import { LitElement, html, nothing } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type { AccountRole } from '../../shared/auth.schema.js';
import { ApiError, NetworkError, signIn, signOut } from '../api.js';
import { clearSession, loadSession, saveSession } from '../auth-session.js';
import type { AuthSession } from '../auth-session.js';
import { sharedStyles } from '../theme.js';
import { signInStyles } from './sign-in-panel.styles.js';

export function roleText(role: AccountRole): string {
  return role === 'organizer'
    ? msg('organizer', { id: 'role.organizer' })
    : msg('staff', { id: 'role.staff' });
}

function wrongRoleText(actual: AccountRole): string {
  return actual === 'staff'
    ? msg('This is a staff account. The organizer page needs an organizer account.', {
        id: 'sign-in.wrong-role.staff',
      })
    : msg('This is an organizer account. The staff page needs a staff account.', {
        id: 'sign-in.wrong-role.organizer',
      });
}

function failureText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401) {
      return msg('Wrong username or password.', { id: 'sign-in.bad-credentials' });
    }
    if (error.status === 429) {
      return msg('Too many attempts. Wait a minute and try again.', { id: 'sign-in.rate-limited' });
    }
    return error.message;
  }
  if (error instanceof NetworkError) {
    return msg('Could not reach the server. Check your connection and try again.', {
      id: 'sign-in.network',
    });
  }
  return msg('Sign-in failed. Please try again.', { id: 'sign-in.failed' });
}

export class SignInPanel extends LitElement {
  static override properties = {
    requiredRole: { attribute: 'required-role' },
    _session: { state: true },
    _error: { state: true },
    _busy: { state: true },
  };

  static override styles = [sharedStyles, signInStyles];

  declare requiredRole: AccountRole;
  declare private _session: AuthSession | null;
  declare private _error: string;
  declare private _busy: boolean;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.requiredRole = 'staff';
    this._session = loadSession();
    this._error = '';
    this._busy = false;
  }

  override render() {
    const session = this._session;
    if (!session) return this._renderForm();
    const signedIn = msg(str`Signed in as ${session.username} (${roleText(session.role)})`, {
      id: 'sign-in.signed-in-as',
    });
    const allowed = session.role === this.requiredRole;
    return html`<div class="panel ${allowed ? 'ok' : 'refused'}">
      <p class="who" role="status">${signedIn}</p>
      ${allowed ? html`<slot></slot>` : html`<p class="error" role="alert">${wrongRoleText(session.role)}</p>`}
      <button
        class="button secondary"
        type="button"
        ?disabled=${this._busy}
        @click=${this._onSignOut}
      >
        ${msg('Sign out', { id: 'sign-in.sign-out' })}
      </button>
    </div>`;
  }

  private _renderForm() {
    return html`<form class="panel" @submit=${this._onSubmit} novalidate>
      <label>
        <span>${msg('Username', { id: 'sign-in.username' })}</span>
        <input
          name="username"
          autocomplete="username"
          autocapitalize="none"
          spellcheck="false"
          required
          maxlength="64"
        />
      </label>
      <label>
        <span>${msg('Password', { id: 'sign-in.password' })}</span>
        <input
          name="password"
          type="password"
          autocomplete="current-password"
          required
          maxlength="256"
        />
      </label>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      <button class="button" type="submit" ?disabled=${this._busy}>
        ${
          this._busy
            ? msg('Signing in…', { id: 'sign-in.busy' })
            : msg('Sign in', { id: 'sign-in.submit' })
        }
      </button>
    </form>`;
  }

  private async _onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const username = String(data.get('username') ?? '').trim();
    const password = String(data.get('password') ?? '');
    if (!username || !password) {
      this._error = msg('Enter your username and password.', { id: 'sign-in.missing' });
      return;
    }
    this._busy = true;
    this._error = '';
    try {
      const session = await signIn({ username, password });
      if (session.role !== this.requiredRole) {
        // Do not leave a live token behind for an account this screen refuses.
        await signOut(session.token).catch(() => undefined);
        this._error = wrongRoleText(session.role);
        return;
      }
      saveSession(session);
      this._session = session;
    } catch (error) {
      this._error = failureText(error);
    } finally {
      this._busy = false;
    }
  }

  private async _onSignOut() {
    const session = this._session;
    this._busy = true;
    // Forget the token locally whatever the server says: offline or expired, the user asked to leave.
    if (session) await signOut(session.token).catch(() => undefined);
    clearSession();
    this._session = null;
    this._error = '';
    this._busy = false;
  }
}

customElements.define('sign-in-panel', SignInPanel);

declare global {
  interface HTMLElementTagNameMap {
    'sign-in-panel': SignInPanel;
  }
}
