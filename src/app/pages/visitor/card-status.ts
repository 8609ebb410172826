// <card-status>: where the visitor's stamps and offline copy stand — "saved on this phone, will sync"
// vs "synced 10:42", and the "ready offline" download with its progress bar.
import { LitElement, css, html, nothing } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { styleMap } from 'lit/directives/style-map.js';
import type { SyncState } from '../../../sync/sync-client.js';
import { currentLocale } from '../../localization.js';
import { formatMoment } from '../../format.js';
import { sharedStyles } from '../../theme.js';
import type { ReadinessState } from './offline-readiness.js';

/** Fired (bubbles, composed) when the visitor asks to retry the offline download. */
export const READINESS_RETRY_EVENT = 'readiness-retry';

export function syncText(sync: SyncState, online: boolean): string {
  if (sync.pending > 0) {
    if (!online) {
      return sync.pending === 1
        ? msg('1 stamp saved on this phone; it syncs when you are back online', {
            id: 'card.sync.pending-offline-one',
          })
        : msg(str`${sync.pending} stamps saved on this phone; they sync when you are back online`, {
            id: 'card.sync.pending-offline-many',
          });
    }
    return sync.pending === 1
      ? msg('1 stamp saved on this phone, will sync', { id: 'card.sync.pending-one' })
      : msg(str`${sync.pending} stamps saved on this phone, will sync`, {
          id: 'card.sync.pending-many',
        });
  }
  if (sync.lastSyncAt) {
    const at = formatMoment(sync.lastSyncAt, currentLocale());
    return msg(str`Synced ${at}`, { id: 'card.sync.synced' });
  }
  return msg('Not synced yet', { id: 'card.sync.never' });
}

export class CardStatus extends LitElement {
  static override properties = {
    sync: { attribute: false },
    readiness: { attribute: false },
    online: { type: Boolean },
  };

  static override styles = [
    sharedStyles,
    css`
      :host {
        display: grid;
        gap: 0.5rem;
        font-size: 0.9rem;
      }
      p {
        display: grid;
        grid-template-columns: 0.6rem 1fr auto;
        align-items: center;
        gap: 0.3rem 0.5rem;
        margin: 0;
      }
      .dot {
        width: 0.6rem;
        height: 0.6rem;
        border-radius: 50%;
        background: var(--sr-gold-dark);
      }
      [data-state='synced'] .dot,
      [data-state='ready'] .dot {
        background: var(--sr-green);
      }
      [data-state='failed'] .dot {
        background: var(--sr-red);
      }
      .track {
        grid-column: 2 / -1;
        height: 0.45rem;
        border-radius: 999px;
        background: var(--sr-green-soft);
        overflow: hidden;
      }
      .track span {
        display: block;
        height: 100%;
        background: var(--sr-green);
        transition: width 0.2s linear;
      }
      .link-button {
        padding: 0;
        border: 0;
        background: none;
        font: inherit;
        font-weight: 600;
        color: var(--sr-red-dark);
        text-decoration: underline;
        cursor: pointer;
        min-height: 24px;
      }
    `,
  ];

  declare sync: SyncState | null;
  declare readiness: ReadinessState;
  declare online: boolean;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.sync = null;
    this.readiness = { kind: 'idle' };
    this.online = true;
  }

  override render() {
    const sync = this.sync;
    return html`${
      sync
        ? html`<p
            data-testid="sync-status"
            data-state=${sync.pending > 0 ? 'pending' : sync.lastSyncAt ? 'synced' : 'never'}
            data-last-sync=${sync.lastSyncAt ?? ''}
            data-pending=${sync.pending}
          >
            <span class="dot" aria-hidden="true"></span><span>${syncText(sync, this.online)}</span>
          </p>`
        : nothing
    }
    ${this._renderReadiness()}`;
  }

  private _renderReadiness() {
    const state = this.readiness;
    switch (state.kind) {
      case 'idle':
        return nothing;
      case 'downloading': {
        const percent = Math.round(state.fraction * 100);
        return html`<p data-testid="offline-readiness" data-state="downloading">
          <span class="dot" aria-hidden="true"></span>
          <span
            >${msg(str`Getting ready for offline use… ${percent}%`, {
              id: 'card.offline.downloading',
            })}</span
          >
          <span
            class="track"
            role="progressbar"
            aria-label=${msg('Offline download', { id: 'card.offline.progress-label' })}
            aria-valuemin="0"
            aria-valuemax="100"
            aria-valuenow=${percent}
            ><span style=${styleMap({ width: `${percent}%` })}></span
          ></span>
        </p>`;
      }
      case 'ready':
        return html`<p data-testid="offline-readiness" data-state="ready">
          <span class="dot" aria-hidden="true"></span>
          <span
            >${msg('Ready offline — the card and scanning work without internet', {
              id: 'card.offline.ready',
            })}</span
          >
        </p>`;
      case 'failed':
        return html`<p data-testid="offline-readiness" data-state="failed" role="status">
          <span class="dot" aria-hidden="true"></span>
          <span
            >${
              state.offline
                ? msg('Not ready offline yet: connect to the internet to finish the download.', {
                    id: 'card.offline.paused',
                  })
                : msg('Not ready offline yet: the download failed.', { id: 'card.offline.failed' })
            }</span
          >
          <button class="link-button" type="button" @click=${this._onRetry}>
            ${msg('Try again', { id: 'visitor.retry' })}
          </button>
        </p>`;
    }
  }

  private _onRetry() {
    this.dispatchEvent(new Event(READINESS_RETRY_EVENT, { bubbles: true, composed: true }));
  }
}

customElements.define('card-status', CardStatus);

declare global {
  interface HTMLElementTagNameMap {
    'card-status': CardStatus;
  }
}
