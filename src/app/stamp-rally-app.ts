// <stamp-rally-app>: the shell — header with the language switch, the routed screen, History API wiring.
import { LitElement, css, html } from 'lit';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { NAVIGATE_EVENT, matchRoute, navigate, routableAnchor } from './router.js';
import type { Route } from './router.js';
import { sharedStyles } from './theme.js';
import './components/language-switch.js';
import './pages/landing/landing-page.js';
import './pages/visitor/visitor-page.js';
import './pages/staff/staff-page.js';
import './pages/admin/admin-page.js';
import './pages/not-found/not-found-page.js';

export class StampRallyApp extends LitElement {
  static override properties = { _route: { state: true } };

  static override styles = [
    sharedStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 100vh;
        min-height: 100dvh;
      }
      header {
        position: sticky;
        top: 0;
        z-index: 10;
        --sr-focus: #fcd34d;
        color: #fff;
        background: var(--sr-green);
        border-bottom: 4px solid var(--sr-red);
        box-shadow: 0 2px 8px rgb(0 0 0 / 15%);
      }
      .bar {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 0.75rem;
        max-width: 1100px;
        margin: 0 auto;
        padding: 0.5rem 1rem;
      }
      .brand {
        display: inline-flex;
        align-items: center;
        gap: 0.5rem;
        color: inherit;
        text-decoration: none;
        font-weight: 700;
        font-size: 1.05rem;
        letter-spacing: 0.01em;
      }
      .brand svg {
        flex: none;
      }
      main {
        flex: 1;
        width: 100%;
        max-width: 1100px;
        margin: 0 auto;
        padding: 1rem 1rem 2.5rem;
      }
      main:focus {
        outline: none;
      }
      footer {
        padding: 1rem;
        text-align: center;
        font-size: 0.85rem;
        color: var(--sr-muted);
        border-top: 1px solid var(--sr-line);
      }
      @media (min-width: 720px) {
        main {
          padding: 1.75rem 1.5rem 3rem;
        }
      }
    `,
  ];

  declare private _route: Route;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this._route = matchRoute(location.pathname);
  }

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('popstate', this._onLocationChange);
    window.addEventListener(NAVIGATE_EVENT, this._onLocationChange);
    this.addEventListener('click', this._onClick);
  }

  override disconnectedCallback() {
    window.removeEventListener('popstate', this._onLocationChange);
    window.removeEventListener(NAVIGATE_EVENT, this._onLocationChange);
    this.removeEventListener('click', this._onClick);
    super.disconnectedCallback();
  }

  override render() {
    return html`
      <header>
        <div class="bar">
          <a class="brand" href="/">
            <svg width="28" height="28" viewBox="0 0 24 24" aria-hidden="true">
              <path
                fill="#e0a526"
                d="M12 1.8l2.9 6.3 6.9.7-5.2 4.6 1.5 6.8L12 16.7l-6.1 3.5 1.5-6.8L2.2 8.8l6.9-.7z"
              />
            </svg>
            <span>${msg('Stamp Rally', { id: 'app.name' })}</span>
          </a>
          <language-switch></language-switch>
        </div>
      </header>
      <main id="main" tabindex="-1">${this._renderRoute()}</main>
      <footer>${msg('Works offline once opened.', { id: 'app.footer' })}</footer>
    `;
  }

  override updated() {
    document.title = this._title();
  }

  private _renderRoute() {
    const route = this._route;
    switch (route.name) {
      case 'landing':
        return html`<landing-page></landing-page>`;
      case 'visitor':
        return html`<visitor-page .slug=${route.slug}></visitor-page>`;
      case 'staff':
        return html`<staff-page></staff-page>`;
      case 'admin':
        return html`<admin-page></admin-page>`;
      case 'not-found':
        return html`<not-found-page></not-found-page>`;
    }
  }

  private _title(): string {
    const app = msg('Stamp Rally', { id: 'app.name' });
    switch (this._route.name) {
      case 'staff':
        return `${msg('Staff', { id: 'title.staff' })} · ${app}`;
      case 'admin':
        return `${msg('Organizer', { id: 'title.admin' })} · ${app}`;
      case 'not-found':
        return `${msg('Page not found', { id: 'title.not-found' })} · ${app}`;
      default:
        return app;
    }
  }

  private _onLocationChange = () => {
    const next = matchRoute(location.pathname);
    if (JSON.stringify(next) === JSON.stringify(this._route)) return;
    this._route = next;
    // Move focus to the new screen so keyboard and screen-reader users start from its top.
    void this.updateComplete.then(() => {
      this.renderRoot.querySelector<HTMLElement>('main')?.focus({ preventScroll: true });
      window.scrollTo(0, 0);
    });
  };

  private _onClick = (event: MouseEvent) => {
    const anchor = routableAnchor(event);
    if (!anchor) return;
    event.preventDefault();
    const url = new URL(anchor.href);
    navigate(url.pathname + url.search);
  };
}

customElements.define('stamp-rally-app', StampRallyApp);

declare global {
  interface HTMLElementTagNameMap {
    'stamp-rally-app': StampRallyApp;
  }
}
