// <stamp-celebration>: the reward for a committed stamp — a red ink stamp thumps down onto the
// booth's thumbnail and name. Decorative (the scan view announces the stamp in words); with
// prefers-reduced-motion the stamp simply sits in its final place.
import { LitElement, css, html } from 'lit';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { sharedStyles } from '../../../theme.js';

export class StampCelebration extends LitElement {
  static override properties = { boothName: {}, thumbnailUrl: {} };

  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .card {
        position: relative;
        width: min(15rem, 70vw);
        margin: 0 auto;
        padding: 0.75rem 0.75rem 1rem;
        border-radius: var(--sr-radius);
        background: var(--sr-surface);
        box-shadow: var(--sr-shadow);
        text-align: center;
        animation: impact 0.7s ease-out both;
      }
      .thumb {
        display: block;
        width: 100%;
        aspect-ratio: 4 / 3;
        object-fit: cover;
        border-radius: calc(var(--sr-radius) - 6px);
        background: var(--sr-green-soft);
      }
      .name {
        margin: 0.6rem 0 0;
        font-weight: 700;
        color: var(--sr-green);
        overflow-wrap: anywhere;
      }
      .stamp {
        position: absolute;
        left: 50%;
        top: 42%;
        width: 8.5rem;
        height: 8.5rem;
        margin: -4.25rem 0 0 -4.25rem;
        border-radius: 50%;
        /* Half-transparent paper behind the ink, so the mark reads on a busy thumbnail. */
        background: rgb(255 255 255 / 72%);
        color: var(--sr-red);
        transform: rotate(-12deg);
        animation: thump 0.7s cubic-bezier(0.3, 0.7, 0.4, 1.3) both;
      }
      .stamp svg {
        width: 100%;
        height: 100%;
        filter: drop-shadow(0 1px 0 rgb(255 255 255 / 70%));
      }
      .stamp span {
        position: absolute;
        inset: 0;
        display: grid;
        place-items: center;
        font-size: 1.15rem;
        font-weight: 800;
        letter-spacing: 0.06em;
        text-transform: uppercase;
      }
      /* Ink splash: invisible at rest, so without motion nothing is left over. */
      .stamp::after {
        content: '';
        position: absolute;
        inset: 0;
        border-radius: 50%;
        border: 6px solid var(--sr-red);
        opacity: 0;
        animation: splash 0.7s ease-out both;
      }
      @keyframes thump {
        0% {
          opacity: 0;
          transform: scale(2.8) rotate(-34deg);
        }
        55% {
          opacity: 1;
          transform: scale(0.9) rotate(-12deg);
        }
        75% {
          transform: scale(1.05) rotate(-12deg);
        }
        100% {
          opacity: 1;
          transform: scale(1) rotate(-12deg);
        }
      }
      @keyframes impact {
        0%,
        50% {
          transform: none;
        }
        58% {
          transform: translateY(5px) scale(0.97);
        }
        100% {
          transform: none;
        }
      }
      @keyframes splash {
        0%,
        50% {
          opacity: 0;
          transform: scale(0.9);
        }
        58% {
          opacity: 0.5;
        }
        100% {
          opacity: 0;
          transform: scale(1.6);
        }
      }
    `,
  ];

  declare boothName: string;
  declare thumbnailUrl: string | null;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.boothName = '';
    this.thumbnailUrl = null;
  }

  override render() {
    return html`<div class="card" aria-hidden="true">
      ${
        this.thumbnailUrl
          ? html`<img class="thumb" src=${this.thumbnailUrl} alt="" />`
          : html`<div class="thumb"></div>`
      }
      <p class="name">${this.boothName}</p>
      <div class="stamp">
        <svg viewBox="0 0 100 100">
          <circle cx="50" cy="50" r="46" fill="none" stroke="currentColor" stroke-width="5" />
          <circle cx="50" cy="50" r="38" fill="none" stroke="currentColor" stroke-width="2" />
          <path
            fill="currentColor"
            d="M50 14l2.6 5.6 6.1.6-4.6 4.1 1.3 6-5.4-3.1-5.4 3.1 1.3-6-4.6-4.1 6.1-.6z"
          />
        </svg>
        <span>${msg('Stamped', { id: 'scan.celebration.mark' })}</span>
      </div>
    </div>`;
  }
}

customElements.define('stamp-celebration', StampCelebration);

declare global {
  interface HTMLElementTagNameMap {
    'stamp-celebration': StampCelebration;
  }
}
