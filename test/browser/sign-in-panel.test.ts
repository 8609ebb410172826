// <sign-in-panel> against a stubbed fetch: bad credentials, the wrong role, and sign-in/out.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../src/app/components/sign-in-panel.js';
import type { SignInPanel } from '../../src/app/components/sign-in-panel.js';
import { SESSION_STORAGE_KEY } from '../../src/app/auth-session.js';
import { jsonResponse } from './campaign-fixture.js';

const expiresAt = () => new Date(Date.now() + 60 * 60 * 1000).toISOString();

function mount(requiredRole: 'staff' | 'organizer'): SignInPanel {
  const panel = document.createElement('sign-in-panel');
  panel.requiredRole = requiredRole;
  document.body.append(panel);
  return panel;
}

async function submit(panel: SignInPanel, username: string, password: string) {
  await panel.updateComplete;
  const root = panel.shadowRoot!;
  root.querySelector<HTMLInputElement>('input[name=username]')!.value = username;
  root.querySelector<HTMLInputElement>('input[name=password]')!.value = password;
  root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
}

const text = (panel: SignInPanel) => panel.shadowRoot!.textContent!.replace(/\s+/g, ' ');

beforeEach(() => sessionStorage.clear());
afterEach(() => {
  document.body.replaceChildren();
  vi.unstubAllGlobals();
});

describe('<sign-in-panel>', () => {
  it('shows why a sign-in was refused', async () => {
    vi.stubGlobal('fetch', async () =>
      jsonResponse(
        { error: { code: 'unauthorized', message: 'Invalid username or password' } },
        401,
      ),
    );
    const panel = mount('staff');
    await submit(panel, 'alice', 'nope');
    await vi.waitFor(() => expect(text(panel)).toContain('Wrong username or password.'));
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('refuses a staff account on the organizer screen and revokes its token', async () => {
    const fetch = vi.fn(async (url: string, _init?: RequestInit) =>
      url.endsWith('/sign-in')
        ? jsonResponse({ token: 'tok', role: 'staff', username: 'alice', expiresAt: expiresAt() })
        : new Response(null, { status: 204 }),
    );
    vi.stubGlobal('fetch', fetch);
    const panel = mount('organizer');
    await submit(panel, 'alice', 'secret-pw');
    await vi.waitFor(() => expect(text(panel)).toContain('This is a staff account.'));
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    const signOut = fetch.mock.calls.find(([url]) => url === '/api/v1/auth/sign-out');
    expect(new Headers(signOut![1]!.headers).get('authorization')).toBe('Bearer tok');
  });

  it('signs in, keeps the session for the tab, and signs out', async () => {
    const fetch = vi.fn(async (url: string, _init?: RequestInit) =>
      url.endsWith('/sign-in')
        ? jsonResponse({ token: 'tok', role: 'staff', username: 'alice', expiresAt: expiresAt() })
        : new Response(null, { status: 204 }),
    );
    vi.stubGlobal('fetch', fetch);
    const panel = mount('staff');
    await submit(panel, 'alice', 'secret-pw');
    await vi.waitFor(() => expect(text(panel)).toContain('Signed in as alice (staff)'));
    expect(JSON.parse(sessionStorage.getItem(SESSION_STORAGE_KEY)!)).toMatchObject({
      token: 'tok',
    });
    expect(JSON.parse(fetch.mock.calls[0]![1]!.body as string)).toEqual({
      username: 'alice',
      password: 'secret-pw',
    });

    // A new screen in the same tab picks the session up.
    const again = mount('staff');
    await again.updateComplete;
    expect(text(again)).toContain('Signed in as alice (staff)');

    panel.shadowRoot!.querySelector<HTMLButtonElement>('button')!.click();
    await vi.waitFor(() => expect(panel.shadowRoot!.querySelector('form')).not.toBeNull());
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    expect(fetch).toHaveBeenLastCalledWith(
      '/api/v1/auth/sign-out',
      expect.objectContaining({ method: 'POST' }),
    );
  });
});
