// <booth-grid>: the stamp card — one cell per booth with its poster thumbnail, name, hint and stamp
// state (collected when, and whether that stamp has reached the server yet).
import { LitElement, css, html, nothing } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type { PublicBooth } from '../../../shared/campaign.schema.js';
import type { StampRecord } from '../../../storage/stamp-db.js';
import { currentLocale } from '../../localization.js';
import { formatMoment, localized } from '../../format.js';
import { sharedStyles } from '../../theme.js';

export class BoothGrid extends LitElement {
  static override properties = { booths: { attribute: false }, stamps: { attribute: false } };

  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      ol {
        display: grid;
        grid-template-columns: repeat(2, minmax(0, 1fr));
        gap: 0.75rem;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      li {
        display: flex;
        flex-direction: column;
        overflow: hidden;
        border-radius: var(--sr-radius);
        background: var(--sr-surface);
        box-shadow: var(--sr-shadow);
        border: 1px solid var(--sr-line);
      }
      .thumb {
        position: relative;
        aspect-ratio: 1 / 1;
        background: repeating-linear-gradient(
          45deg,
          var(--sr-green-soft) 0 10px,
          #eef6f0 10px 20px
        );
      }
      .thumb img {
        position: absolute;
        inset: 0;
        width: 100%;
        height: 100%;
        object-fit: cover;
        object-position: center 30%;
        border-bottom: 1px solid var(--sr-line);
      }
      .number {
        position: absolute;
        top: 0.4rem;
        left: 0.4rem;
        min-width: 1.75rem;
        height: 1.75rem;
        padding: 0 0.4rem;
        display: grid;
        place-items: center;
        border-radius: 999px;
        background: var(--sr-green);
        color: #fff;
        font-size: 0.85rem;
        font-weight: 700;
      }
      .floor {
        position: absolute;
        top: 0.4rem;
        right: 0.4rem;
        padding: 0.1rem 0.45rem;
        border-radius: 999px;
        background: rgb(255 255 255 / 92%);
        color: var(--sr-ink);
        font-size: 0.78rem;
        font-weight: 700;
      }
      .slot {
        position: absolute;
        right: 0.4rem;
        bottom: -1.1rem;
        width: 2.6rem;
        height: 2.6rem;
        border-radius: 50%;
        border: 3px dashed var(--sr-red);
        background: rgb(255 255 255 / 92%);
      }
      .body {
        display: flex;
        flex: 1;
        flex-direction: column;
        gap: 0.25rem;
        padding: 0.6rem 0.75rem 0.75rem;
      }
      h3 {
        margin: 0;
        padding-right: 2.4rem;
        font-size: 0.98rem;
        line-height: 1.3;
        color: var(--sr-ink);
      }
      .hint {
        margin: 0;
        font-size: 0.85rem;
        line-height: 1.4;
        color: var(--sr-muted);
        display: -webkit-box;
        -webkit-line-clamp: 3;
        -webkit-box-orient: vertical;
        overflow: hidden;
      }
      .state {
        margin: auto 0 0;
        padding-top: 0.35rem;
        font-size: 0.8rem;
        font-weight: 600;
        color: var(--sr-muted);
      }
      li.collected {
        border-color: var(--sr-red);
      }
      li.collected .state {
        color: var(--sr-red-dark);
      }
      li.collected .slot {
        display: grid;
        place-items: center;
        border: 3px solid var(--sr-red);
        background: #fff;
        color: var(--sr-red);
        transform: rotate(-12deg);
        animation: stamp-in 0.35s ease-out;
      }
      .slot svg {
        width: 1.5rem;
        height: 1.5rem;
      }
      .sync {
        display: block;
        font-weight: 500;
        color: var(--sr-muted);
      }
      @keyframes stamp-in {
        from {
          transform: rotate(-12deg) scale(1.8);
          opacity: 0;
        }
      }
      @media (min-width: 600px) {
        ol {
          grid-template-columns: repeat(auto-fill, minmax(200px, 1fr));
          gap: 1rem;
        }
      }
    `,
  ];

  declare booths: readonly PublicBooth[];
  /** The stamp that counts for each collected booth, by booth id. */
  declare stamps: ReadonlyMap<string, StampRecord>;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.booths = [];
    this.stamps = new Map();
  }

  override render() {
    const locale = currentLocale();
    const booths = [...this.booths].sort((a, b) => a.position - b.position);
    return html`<ol>
      ${booths.map((booth, index) => {
        const name = localized(booth.name, locale);
        const stamp = this.stamps.get(booth.id);
        return html`<li
          class=${stamp ? 'collected' : ''}
          data-booth-id=${booth.id}
          data-collected=${stamp ? (stamp.status === 'synced' ? 'synced' : 'pending') : 'no'}
        >
          <div class="thumb">
            ${
              booth.thumbnailUrl
                ? html`<img src=${booth.thumbnailUrl} alt="" loading="lazy" decoding="async" />`
                : nothing
            }
            <span class="number" aria-hidden="true">${index + 1}</span>
            ${
              booth.floorPosition?.floor
                ? html`<span class="floor">${booth.floorPosition.floor}</span>`
                : nothing
            }
            <span class="slot" aria-hidden="true">${stamp ? stampMark : nothing}</span>
          </div>
          <div class="body">
            <h3>${name}</h3>
            ${booth.hint ? html`<p class="hint">${localized(booth.hint, locale)}</p>` : nothing}
            <p class="state">
              ${stamp ? this._renderCollected(stamp) : msg('Not yet collected', { id: 'booth.not-collected' })}
            </p>
          </div>
        </li>`;
      })}
    </ol>`;
  }

  private _renderCollected(stamp: StampRecord) {
    const at = formatMoment(stamp.capturedAt, currentLocale());
    return html`${msg(str`Collected ${at}`, { id: 'booth.collected' })}
      <span class="sync"
        >${
          stamp.status === 'synced'
            ? msg('Synced', { id: 'booth.synced' })
            : msg('Saved on this phone', { id: 'booth.pending' })
        }</span
      >`;
  }
}

const stampMark = html`<svg viewBox="0 0 24 24">
  <path
    fill="none"
    stroke="currentColor"
    stroke-width="3"
    stroke-linecap="round"
    stroke-linejoin="round"
    d="M5 12.5l4.5 4.5L19 7.5"
  />
</svg>`;

customElements.define('booth-grid', BoothGrid);

declare global {
  interface HTMLElementTagNameMap {
    'booth-grid': BoothGrid;
  }
}
