// <landing-page>: what the product is, with a way into the demo rally and the staff/organizer screens.
import { LitElement, css, html } from 'lit';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { ribbonCardStyles, sharedStyles } from '../../theme.js';

export class LandingPage extends LitElement {
  static override styles = [
    sharedStyles,
    ribbonCardStyles,
    css`
      :host {
        display: block;
      }
      .hero {
        padding: 2rem 1.25rem 1.75rem;
      }
      h1 {
        margin: 0 0 0.5rem;
        font-size: clamp(1.6rem, 6vw, 2.4rem);
        line-height: 1.2;
        color: var(--sr-green);
      }
      p {
        margin: 0 0 1.25rem;
        max-width: 40rem;
        color: var(--sr-muted);
      }
      .steps {
        display: grid;
        gap: 0.75rem;
        margin: 1.5rem 0 0;
        padding: 0;
        list-style: none;
        counter-reset: step;
      }
      .steps li {
        counter-increment: step;
        display: flex;
        align-items: center;
        gap: 0.75rem;
        padding: 0.75rem 1rem;
        border-radius: var(--sr-radius);
        background: var(--sr-surface);
        border: 1px solid var(--sr-line);
      }
      .steps li::before {
        content: counter(step);
        display: grid;
        place-items: center;
        flex: none;
        width: 2rem;
        height: 2rem;
        border-radius: 50%;
        background: var(--sr-red);
        color: #fff;
        font-weight: 700;
      }
      nav {
        margin-top: 1.5rem;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.25rem;
        font-size: 0.95rem;
      }
      @media (min-width: 720px) {
        .hero {
          padding: 2.5rem 2.5rem;
        }
        .steps {
          grid-template-columns: repeat(3, 1fr);
        }
      }
    `,
  ];

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override render() {
    return html`
      <section class="hero ribbon-card">
        <h1>${msg('Collect a stamp at every booth', { id: 'landing.title' })}</h1>
        <p>
          ${msg(
            'Point your phone at each booth poster to collect its stamp. Your card stays on your phone and works without a connection.',
            { id: 'landing.lead' },
          )}
        </p>
        <a class="button" href="/r/demo">${msg('Open the demo rally', { id: 'landing.demo' })}</a>
      </section>
      <ol class="steps">
        <li>${msg('Open the rally link or scan its QR code', { id: 'landing.step1' })}</li>
        <li>${msg('Visit booths and collect stamps', { id: 'landing.step2' })}</li>
        <li>${msg('Show your full card to claim a prize', { id: 'landing.step3' })}</li>
      </ol>
      <nav aria-label=${msg('Team sign-in', { id: 'landing.team-nav' })}>
        <a href="/staff">${msg('Staff sign-in', { id: 'landing.staff-link' })}</a>
        <a href="/admin">${msg('Organizer sign-in', { id: 'landing.admin-link' })}</a>
      </nav>
    `;
  }
}

customElements.define('landing-page', LandingPage);

declare global {
  interface HTMLElementTagNameMap {
    'landing-page': LandingPage;
  }
}
