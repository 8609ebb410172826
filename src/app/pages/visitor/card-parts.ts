// Pieces of the stamp card page that need no state of their own: the campaign header with its
// progress, the "could not load" states, the offline and storage notices and the prizes.
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { styleMap } from 'lit/directives/style-map.js';
import { campaignStatus } from '../../../shared/campaign.schema.js';
import type { CampaignStatus, PublicCampaign } from '../../../shared/campaign.schema.js';
import type { StorageError } from '../../../storage/storage-error.js';
import { currentLocale } from '../../localization.js';
import { formatDateRange, localized } from '../../format.js';
import { stampCountText } from './prize-tiers.js';
import type { SessionLoad } from './visitor-session.js';

export function statusText(status: CampaignStatus): string {
  switch (status) {
    case 'upcoming':
      return msg('Starts soon', { id: 'status.upcoming' });
    case 'running':
      return msg('Happening now', { id: 'status.running' });
    case 'ended':
      return msg('This rally has ended', { id: 'status.ended' });
  }
}

/** The campaign's name, dates and the card's progress; `status` is the sync/offline line. */
export function renderCardHead(
  campaign: PublicCampaign,
  collected: number,
  status: TemplateResult,
) {
  const locale = currentLocale();
  // Judged here rather than taken from the reply: offline, the reply may be a cached copy from days ago.
  const state = campaignStatus(campaign.startsAt, campaign.endsAt, new Date());
  const total = campaign.booths.length;
  const complete = total > 0 && collected >= total;
  return html`<section class="head ribbon-card" data-testid="card-head">
    <svg class="ornament" viewBox="0 0 24 24" aria-hidden="true">
      <path
        fill="currentColor"
        d="M12 1.8l2.9 6.3 6.9.7-5.2 4.6 1.5 6.8L12 16.7l-6.1 3.5 1.5-6.8L2.2 8.8l6.9-.7z"
      />
    </svg>
    <p class="status ${state}">${statusText(state)}</p>
    <h1>${localized(campaign.name, locale)}</h1>
    <p class="dates">
      <time datetime=${campaign.startsAt}
        >${formatDateRange(campaign.startsAt, campaign.endsAt, campaign.timezone, locale)}</time
      >
      <span class="tz">(${campaign.timezone})</span>
    </p>
    <div class="progress">
      <div class="progress-text">
        <strong data-testid="card-progress" data-collected=${collected} data-total=${total}
          >${
            collected === 0
              ? msg(str`0 of ${total} stamps`, { id: 'visitor.progress' })
              : msg(str`${collected} of ${total} stamps`, { id: 'card.progress' })
          }</strong
        >
        <span
          >${msg(str`Collect ${stampCountText(campaign.rules.stampsRequired)} to claim a prize.`, {
            id: 'visitor.goal',
          })}</span
        >
      </div>
      <div
        class="bar"
        role="progressbar"
        aria-label=${msg('Stamps collected', { id: 'visitor.progress-label' })}
        aria-valuemin="0"
        aria-valuemax=${total}
        aria-valuenow=${collected}
      >
        <span style=${styleMap({ width: `${total ? (collected / total) * 100 : 0}%` })}></span>
      </div>
    </div>
    ${
      complete
        ? html`<p class="complete" data-testid="card-complete">
            ${msg('Card complete! Show it at the prize desk.', { id: 'card.complete' })}
          </p>`
        : nothing
    }
    ${status}
  </section>`;
}

export function renderProblem(load: SessionLoad, busy: boolean, onRetry: () => void) {
  let title: string;
  let body: string;
  let canRetry = true;
  switch (load) {
    case 'not-found':
      title = msg('This rally does not exist', { id: 'visitor.not-found.title' });
      body = msg('Check the link or QR code you used. The rally may also have been removed.', {
        id: 'visitor.not-found.body',
      });
      canRetry = false;
      break;
    case 'offline':
      title = msg('You are offline', { id: 'visitor.offline.title' });
      body = msg(
        'Connect to the internet once to download this stamp card; after that it also works offline.',
        { id: 'visitor.offline.body' },
      );
      break;
    default:
      title = msg('The stamp card could not be loaded', { id: 'visitor.error.title' });
      body = msg('Something went wrong on our side. Please try again in a moment.', {
        id: 'visitor.error.body',
      });
  }
  return html`<section class="problem" role="alert">
    <h1>${title}</h1>
    <p>${body}</p>
    <div class="actions">
      ${
        canRetry
          ? html`<button class="button" type="button" ?disabled=${busy} @click=${onRetry}>
              ${msg('Try again', { id: 'visitor.retry' })}
            </button>`
          : nothing
      }
      <a class="button secondary" href="/">${msg('Start page', { id: 'visitor.home' })}</a>
    </div>
  </section>`;
}

/** What to tell the visitor about a storage failure, or null when storage is healthy. */
function storageAlertText(error: StorageError | null): string | null {
  if (!error) return null;
  switch (error.kind) {
    case 'quota':
      return msg(
        'Your phone is out of storage space: new stamps cannot be saved until you free some space.',
        { id: 'card.storage.quota' },
      );
    case 'blocked':
    case 'version':
      return msg('A newer version of this app is open in another tab. Reload this page.', {
        id: 'card.storage.reload',
      });
    case 'unavailable':
      return msg(
        'This browser is not letting the app save stamps (a private window?). Open the link in a normal browser window.',
        { id: 'card.storage.unavailable' },
      );
  }
}

/** The offline banner and the storage alert above the card, each only when it applies. */
export function renderCardNotices(online: boolean, storageError: StorageError | null) {
  const storageAlert = storageAlertText(storageError);
  return html`${
    online
      ? nothing
      : html`<p class="offline-banner" role="status" data-testid="offline-banner">
          ${msg('You are offline — showing the saved card.', { id: 'visitor.offline-banner' })}
        </p>`
  }
  ${
    storageAlert
      ? html`<p class="storage-alert" role="alert" data-testid="storage-alert">${storageAlert}</p>`
      : nothing
  }`;
}

/** The campaign's prize tiers with how far this card is, when the campaign has prizes. */
export function renderPrizes(campaign: PublicCampaign, collected: number) {
  if (campaign.rules.prizeTiers.length === 0) return nothing;
  return html`<section aria-labelledby="prizes-heading">
    <h2 id="prizes-heading">${msg('Prizes', { id: 'visitor.prizes' })}</h2>
    <prize-tiers .tiers=${campaign.rules.prizeTiers} .collected=${collected}></prize-tiers>
  </section>`;
}

/** The big "Scan a booth" button, and why it is disabled when it is. */
export function renderScanButton(ready: boolean, unavailable: boolean, onClick: () => void) {
  return html`<button
      class="button scan-button"
      type="button"
      data-testid="scan-button"
      ?disabled=${!ready}
      aria-describedby=${ready ? nothing : 'scan-note'}
      @click=${onClick}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true">
        <path
          fill="none"
          stroke="currentColor"
          stroke-width="2"
          d="M4 8V5a1 1 0 0 1 1-1h3M16 4h3a1 1 0 0 1 1 1v3M20 16v3a1 1 0 0 1-1 1h-3M8 20H5a1 1 0 0 1-1-1v-3M8 12h8"
        />
      </svg>
      ${msg('Scan a booth', { id: 'card.scan' })}
    </button>
    ${
      ready
        ? nothing
        : html`<p id="scan-note" class="scan-note">
            ${
              unavailable
                ? msg('The scanner could not be loaded. Reload the page to try again.', {
                    id: 'card.scan.unavailable',
                  })
                : msg('Scanning opens once the booth posters are downloaded.', {
                    id: 'card.scan.waiting',
                  })
            }
          </p>`
    }`;
}
