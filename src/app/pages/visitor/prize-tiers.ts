// <prize-tiers>: the campaign's prize tiers, how many stamps each needs, how many prizes are left and
// how far the visitor's card is from each.
import { LitElement, css, html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type { PrizeTier } from '../../../shared/campaign.schema.js';
import { currentLocale } from '../../localization.js';
import { localized } from '../../format.js';
import { sharedStyles } from '../../theme.js';

export function stampCountText(count: number): string {
  return count === 1
    ? msg('1 stamp', { id: 'stamps.one' })
    : msg(str`${count} stamps`, { id: 'stamps.many' });
}

export class PrizeTiers extends LitElement {
  static override properties = { tiers: { attribute: false }, collected: { type: Number } };

  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      ul {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(220px, 1fr));
        gap: 0.75rem;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      li {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        padding: 0.75rem 1rem;
        border-radius: var(--sr-radius);
        background: var(--sr-gold-soft);
        border: 1px solid #f0d999;
      }
      .medal {
        flex: none;
        display: grid;
        place-items: center;
        width: 2.5rem;
        height: 2.5rem;
        border-radius: 50%;
        background: var(--sr-gold);
        color: var(--sr-ink);
        font-weight: 800;
        box-shadow: inset 0 0 0 3px rgb(255 255 255 / 55%);
      }
      .name {
        margin: 0;
        font-weight: 700;
        line-height: 1.3;
      }
      .meta {
        margin: 0.1rem 0 0;
        font-size: 0.9rem;
        color: var(--sr-muted);
      }
      .out {
        color: var(--sr-red-dark);
        font-weight: 600;
      }
      li > div {
        flex: 1;
        min-width: 0;
      }
      li.reached {
        background: var(--sr-green-soft);
        border-color: var(--sr-green-mid);
      }
      li.reached .medal {
        background: var(--sr-green);
        color: #fff;
      }
      .goal {
        margin: 0.35rem 0 0;
        font-size: 0.88rem;
        font-weight: 600;
      }
      li.reached .goal {
        color: var(--sr-green);
      }
      .mini {
        height: 0.35rem;
        margin-top: 0.3rem;
        border-radius: 999px;
        background: rgb(255 255 255 / 70%);
        overflow: hidden;
      }
      .mini span {
        display: block;
        height: 100%;
        background: var(--sr-gold-dark);
      }
    `,
  ];

  declare tiers: readonly PrizeTier[];
  /** Stamps on the visitor's card. */
  declare collected: number;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.tiers = [];
    this.collected = 0;
  }

  override render() {
    const locale = currentLocale();
    const tiers = [...this.tiers].sort((a, b) => a.stampsRequired - b.stampsRequired);
    return html`<ul>
      ${tiers.map((tier) => {
        const missing = Math.max(tier.stampsRequired - this.collected, 0);
        const reached = missing === 0;
        const percent = Math.min(this.collected / tier.stampsRequired, 1) * 100;
        return html`<li
          class=${reached ? 'reached' : ''}
          data-tier-id=${tier.id}
          data-reached=${String(reached)}
        >
          <span class="medal" aria-hidden="true">${tier.stampsRequired}</span>
          <div>
            <p class="name">${localized(tier.name, locale)}</p>
            <p class="meta">
              ${stampCountText(tier.stampsRequired)}${this._renderStock(tier.stockRemaining)}
            </p>
            <p class="goal">
              ${
                reached
                  ? msg('Reached — show your card at the prize desk', { id: 'prizes.reached' })
                  : missing === 1
                    ? msg('1 more stamp to go', { id: 'prizes.missing-one' })
                    : msg(str`${missing} more stamps to go`, { id: 'prizes.missing-many' })
              }
            </p>
            ${
              reached
                ? nothing
                : html`<div class="mini" aria-hidden="true">
                    <span style=${styleMap({ width: `${percent}%` })}></span>
                  </div>`
            }
          </div>
        </li>`;
      })}
    </ul>`;
  }

  private _renderStock(stock: number | null) {
    if (stock === null) return nothing;
    if (stock === 0) {
      return html` · <span class="out">${msg('All claimed', { id: 'prizes.out' })}</span>`;
    }
    return html` · ${msg(str`${stock} left`, { id: 'prizes.left' })}`;
  }
}

customElements.define('prize-tiers', PrizeTiers);

declare global {
  interface HTMLElementTagNameMap {
    'prize-tiers': PrizeTiers;
  }
}
