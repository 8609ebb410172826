// <visitor-page>: a campaign's stamp card at /r/:slug — loads the public campaign and shows each state.
import { LitElement, html, nothing } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type { PropertyValues } from 'lit';
import { campaignStatus } from '../../../shared/campaign.schema.js';
import type { CampaignStatus, PublicCampaign } from '../../../shared/campaign.schema.js';
import { ApiError, NetworkError, fetchCampaign } from '../../api.js';
import { currentLocale } from '../../localization.js';
import { formatDateRange, localized } from '../../format.js';
import { ribbonCardStyles, sharedStyles } from '../../theme.js';
import { visitorStyles } from './visitor-page.styles.js';
import { stampCountText } from './prize-tiers.js';
import './prize-tiers.js';
import './booth-grid.js';

export type VisitorLoadState =
  | { kind: 'loading' }
  | { kind: 'loaded'; campaign: PublicCampaign }
  | { kind: 'not-found' }
  | { kind: 'offline' }
  | { kind: 'error' };

export class VisitorPage extends LitElement {
  static override properties = {
    slug: {},
    _state: { state: true },
    _online: { state: true },
  };

  static override styles = [sharedStyles, ribbonCardStyles, visitorStyles];

  declare slug: string;
  declare private _state: VisitorLoadState;
  declare private _online: boolean;
  private _abort: AbortController | null = null;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.slug = '';
    this._state = { kind: 'loading' };
    this._online = navigator.onLine;
  }

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('online', this._onConnectivity);
    window.addEventListener('offline', this._onConnectivity);
  }

  override disconnectedCallback() {
    window.removeEventListener('online', this._onConnectivity);
    window.removeEventListener('offline', this._onConnectivity);
    this._abort?.abort();
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('slug') && this.slug) void this._load();
  }

  override render() {
    const state = this._state;
    switch (state.kind) {
      case 'loading':
        return html`<div class="notice" role="status">
          <span class="spinner" aria-hidden="true"></span>
          ${msg('Loading your stamp card…', { id: 'visitor.loading' })}
        </div>`;
      case 'not-found':
        return this._renderProblem(
          msg('This rally does not exist', { id: 'visitor.not-found.title' }),
          msg('Check the link or QR code you used. The rally may also have been removed.', {
            id: 'visitor.not-found.body',
          }),
          false,
        );
      case 'offline':
        return this._renderProblem(
          msg('You are offline', { id: 'visitor.offline.title' }),
          msg(
            'Connect to the internet once to download this stamp card; after that it also works offline.',
            {
              id: 'visitor.offline.body',
            },
          ),
          true,
        );
      case 'error':
        return this._renderProblem(
          msg('The stamp card could not be loaded', { id: 'visitor.error.title' }),
          msg('Something went wrong on our side. Please try again in a moment.', {
            id: 'visitor.error.body',
          }),
          true,
        );
      case 'loaded':
        return this._renderCampaign(state.campaign);
    }
  }

  override updated() {
    if (this._state.kind === 'loaded') {
      document.title = localized(this._state.campaign.name, currentLocale());
    }
  }

  private _renderProblem(title: string, body: string, canRetry: boolean) {
    return html`<section class="problem" role="alert">
      <h1>${title}</h1>
      <p>${body}</p>
      <div class="actions">
        ${
          canRetry
            ? html`<button class="button" type="button" @click=${this._onRetry}>
                ${msg('Try again', { id: 'visitor.retry' })}
              </button>`
            : nothing
        }
        <a class="button secondary" href="/">${msg('Start page', { id: 'visitor.home' })}</a>
      </div>
    </section>`;
  }

  private _renderCampaign(campaign: PublicCampaign) {
    const locale = currentLocale();
    // Judged here rather than taken from the reply: offline, the reply may be a cached copy from days ago.
    const status = campaignStatus(campaign.startsAt, campaign.endsAt, new Date());
    const required = campaign.rules.stampsRequired;
    return html`
      ${
        this._online
          ? nothing
          : html`<p class="offline-banner" role="status">
              ${msg('You are offline — showing the saved card.', { id: 'visitor.offline-banner' })}
            </p>`
      }
      <section class="head ribbon-card">
        <svg class="ornament" viewBox="0 0 24 24" aria-hidden="true">
          <path
            fill="currentColor"
            d="M12 1.8l2.9 6.3 6.9.7-5.2 4.6 1.5 6.8L12 16.7l-6.1 3.5 1.5-6.8L2.2 8.8l6.9-.7z"
          />
        </svg>
        <p class="status ${status}">${statusText(status)}</p>
        <h1>${localized(campaign.name, locale)}</h1>
        <p class="dates">
          <time datetime=${campaign.startsAt}
            >${formatDateRange(campaign.startsAt, campaign.endsAt, campaign.timezone, locale)}</time
          >
          <span class="tz">(${campaign.timezone})</span>
        </p>
        <div class="progress">
          <div class="progress-text">
            <strong>${msg(str`0 of ${required} stamps`, { id: 'visitor.progress' })}</strong>
            <span
              >${msg(str`Collect ${stampCountText(required)} to claim a prize.`, { id: 'visitor.goal' })}</span
            >
          </div>
          <div
            class="bar"
            role="progressbar"
            aria-label=${msg('Stamps collected', { id: 'visitor.progress-label' })}
            aria-valuemin="0"
            aria-valuemax=${required}
            aria-valuenow="0"
          >
            <span></span>
          </div>
        </div>
      </section>
      ${
        campaign.rules.prizeTiers.length > 0
          ? html`<section aria-labelledby="prizes-heading">
              <h2 id="prizes-heading">${msg('Prizes', { id: 'visitor.prizes' })}</h2>
              <prize-tiers .tiers=${campaign.rules.prizeTiers}></prize-tiers>
            </section>`
          : nothing
      }
      <section aria-labelledby="booths-heading">
        <h2 id="booths-heading">
          ${msg('Your stamp card', { id: 'visitor.card' })}
          <span class="count"
            >${msg(str`${campaign.booths.length} booths`, { id: 'visitor.booth-count' })}</span
          >
        </h2>
        <booth-grid .booths=${campaign.booths}></booth-grid>
      </section>
    `;
  }

  private async _load() {
    this._abort?.abort();
    const abort = new AbortController();
    this._abort = abort;
    this._state = { kind: 'loading' };
    try {
      const campaign = await fetchCampaign(this.slug, abort.signal);
      if (!abort.signal.aborted) this._state = { kind: 'loaded', campaign };
    } catch (error) {
      if (abort.signal.aborted) return;
      this._state = loadFailure(error);
    }
  }

  private _onRetry() {
    void this._load();
  }

  private _onConnectivity = () => {
    this._online = navigator.onLine;
  };
}

function loadFailure(error: unknown): VisitorLoadState {
  if (error instanceof ApiError && error.status === 404) return { kind: 'not-found' };
  if (error instanceof NetworkError)
    return navigator.onLine ? { kind: 'error' } : { kind: 'offline' };
  return { kind: 'error' };
}

function statusText(status: CampaignStatus): string {
  switch (status) {
    case 'upcoming':
      return msg('Starts soon', { id: 'status.upcoming' });
    case 'running':
      return msg('Happening now', { id: 'status.running' });
    case 'ended':
      return msg('This rally has ended', { id: 'status.ended' });
  }
}

customElements.define('visitor-page', VisitorPage);

declare global {
  interface HTMLElementTagNameMap {
    'visitor-page': VisitorPage;
  }
}
