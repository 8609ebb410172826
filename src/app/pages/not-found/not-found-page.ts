// <not-found-page>: the friendly answer for any path the app has no screen for.
import { LitElement, css, html } from 'lit';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { sharedStyles } from '../../theme.js';

export class NotFoundPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        text-align: center;
        padding: 2.5rem 1rem;
      }
      .badge {
        display: inline-grid;
        place-items: center;
        width: 5.5rem;
        height: 5.5rem;
        margin-bottom: 1rem;
        border-radius: 50%;
        border: 4px dashed var(--sr-red);
        color: var(--sr-red);
        font-size: 1.6rem;
        font-weight: 800;
        transform: rotate(-8deg);
      }
      h1 {
        margin: 0 0 0.5rem;
        color: var(--sr-green);
        font-size: 1.5rem;
      }
      p {
        margin: 0 auto 1.5rem;
        max-width: 28rem;
        color: var(--sr-muted);
      }
    `,
  ];

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override render() {
    return html`
      <div class="badge" aria-hidden="true">404</div>
      <h1>${msg('We could not find that page', { id: 'not-found.title' })}</h1>
      <p>
        ${msg(
          'The link may be mistyped, or the page has moved. Check the rally link you were given.',
          {
            id: 'not-found.body',
          },
        )}
      </p>
      <a class="button" href="/">${msg('Go to the start page', { id: 'not-found.home' })}</a>
    `;
  }
}

customElements.define('not-found-page', NotFoundPage);

declare global {
  interface HTMLElementTagNameMap {
    'not-found-page': NotFoundPage;
  }
}
