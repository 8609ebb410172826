// What the scan view says: the live feedback line, the result panel after a commit, and the fallback
// panel (camera help, in-app browser hint, photo input). Render functions only; <scan-view> owns
// the state and passes in what to show and the handlers.
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { CameraProblem } from './camera.js';
import {
  cameraHelpFor,
  detectInAppBrowser,
  externalBrowserLink,
  IN_APP_BROWSERS,
} from './in-app-browser.js';
import type { PhotoState } from './photo-fallback.js';
import type { ScanFeedback } from './scan-feedback.js';
import './stamp-celebration.js';

export type ScanResult =
  | { kind: 'stamped' | 'already'; boothName: string; thumbnailUrl: string | null }
  | { kind: 'failed'; boothName: string; message: string };

export function feedbackText(feedback: ScanFeedback | null, boothName: string): string {
  switch (feedback?.state) {
    case undefined:
      return msg('Starting the camera…', { id: 'scan.feedback.starting' });
    case 'searching':
      return msg('Point the camera at a booth poster', { id: 'scan.feedback.searching' });
    case 'too-dark':
      return msg('Too dark — find more light or step out of your shadow', {
        id: 'scan.feedback.too-dark',
      });
    case 'too-far':
      return msg('Move closer so the poster fills the frame', { id: 'scan.feedback.too-far' });
    case 'holding':
      return msg(str`Hold steady… ${boothName}`, { id: 'scan.feedback.holding' });
    case 'confirmed':
      return msg(str`Saving the stamp of ${boothName}…`, { id: 'scan.feedback.confirmed' });
  }
}

/** The aiming frame and the feedback line over the camera picture. */
export function renderLive(feedback: ScanFeedback | null, saving: boolean, boothName: string) {
  const holding = feedback?.state === 'holding' ? feedback : null;
  return html`<div class="guide" data-feedback=${feedback?.state ?? 'starting'}></div>
    <p class="feedback" role="status" aria-live="polite">
      ${
        saving
          ? msg('Saving your stamp…', { id: 'scan.feedback.saving' })
          : feedbackText(feedback, boothName)
      }
      ${
        holding
          ? html`<span class="dots" aria-hidden="true"
              >${Array.from(
                { length: holding.required },
                (_, i) => html`<span class=${i < holding.agreeing ? 'on' : ''}></span>`,
              )}</span
            >`
          : nothing
      }
    </p>`;
}

export function renderEngineError(handlers: { onRetry: () => void; onClose: () => void }) {
  return html`<section class="panel failed" aria-labelledby="error-heading">
    <h2 id="error-heading" tabindex="-1">
      ${msg('Scanning is not available right now', { id: 'scan.error.title' })}
    </h2>
    <p>
      ${msg('The recognition engine could not start. Please try again.', {
        id: 'scan.error.body',
      })}
    </p>
    <div class="actions">
      <button class="button" type="button" @click=${handlers.onRetry}>
        ${msg('Try again', { id: 'scan.result.retry' })}
      </button>
      <button class="button secondary" type="button" @click=${handlers.onClose}>
        ${msg('Back to my card', { id: 'scan.back' })}
      </button>
    </div>
  </section>`;
}

export interface ResultHandlers {
  onContinue: () => void;
  onClose: () => void;
}

export function renderResult(result: ScanResult, handlers: ResultHandlers) {
  const heading =
    result.kind === 'stamped'
      ? msg('Stamp collected!', { id: 'scan.result.stamped' })
      : result.kind === 'already'
        ? msg('Already stamped', { id: 'scan.result.already' })
        : msg('The stamp could not be saved', { id: 'scan.result.failed' });
  const body =
    result.kind === 'failed'
      ? result.message
      : result.kind === 'stamped'
        ? msg(str`${result.boothName} is on your card.`, { id: 'scan.result.stamped-body' })
        : msg(str`You already have the stamp of ${result.boothName}.`, {
            id: 'scan.result.already-body',
          });
  return html`<section class="panel result ${result.kind}" aria-labelledby="result-heading">
    ${
      result.kind === 'stamped'
        ? html`<stamp-celebration
            .boothName=${result.boothName}
            .thumbnailUrl=${result.thumbnailUrl}
          ></stamp-celebration>`
        : nothing
    }
    <h2 id="result-heading" tabindex="-1">${heading}</h2>
    <p>${body}</p>
    <div class="actions">
      <button class="button" type="button" data-action="continue" @click=${handlers.onContinue}>
        ${
          result.kind === 'failed'
            ? msg('Try again', { id: 'scan.result.retry' })
            : msg('Scan another booth', { id: 'scan.result.continue' })
        }
      </button>
      <button class="button secondary" type="button" data-action="close" @click=${handlers.onClose}>
        ${msg('Back to my card', { id: 'scan.back' })}
      </button>
    </div>
  </section>`;
}

function problemTitle(problem: CameraProblem): string {
  switch (problem) {
    case 'denied':
      return msg('Camera access is blocked', { id: 'scan.camera.denied' });
    case 'no-camera':
      return msg('No camera found', { id: 'scan.camera.none' });
    case 'busy':
      return msg('The camera is in use', { id: 'scan.camera.busy' });
    case 'unsupported':
      return msg('This browser cannot open the camera here', { id: 'scan.camera.unsupported' });
  }
}

function problemHelp(problem: CameraProblem, userAgent: string): string {
  if (problem === 'no-camera') {
    return msg('You can still collect stamps: take a photo of the booth poster instead.', {
      id: 'scan.help.no-camera',
    });
  }
  if (problem === 'busy') {
    return msg('Close other apps or tabs that use the camera, then try again.', {
      id: 'scan.help.busy',
    });
  }
  if (problem === 'unsupported') {
    return msg('Open this page in Chrome or Safari to scan, or take a photo of the poster.', {
      id: 'scan.help.unsupported',
    });
  }
  switch (cameraHelpFor(userAgent)) {
    case 'ios':
      return msg(
        'On iPhone: tap "aA" in the address bar › Website Settings › Camera › Allow, then try again. If the camera is blocked for all sites: Settings › Safari › Camera.',
        { id: 'scan.help.ios' },
      );
    case 'android':
      return msg(
        'Tap the icon left of the address, open Permissions, turn on Camera, then try again.',
        { id: 'scan.help.android' },
      );
    case 'firefox':
      return msg(
        'Tap the lock icon in the address bar, remove the blocked camera permission, then try again.',
        { id: 'scan.help.firefox' },
      );
    case 'desktop':
      return msg(
        'Click the camera or site-settings icon in the address bar, allow the camera, then try again.',
        { id: 'scan.help.desktop' },
      );
  }
}

function photoStatus(photo: PhotoState) {
  switch (photo.kind) {
    case 'idle':
      return nothing;
    case 'checking':
      return html`<p class="photo-status" role="status">
        <span class="spinner" aria-hidden="true"></span>
        ${msg('Checking the photo…', { id: 'scan.photo.checking' })}
      </p>`;
    case 'no-match':
      return html`<p class="photo-status warn" role="alert">
        ${msg(
          'No booth poster found in this photo. Fill the picture with the poster, hold the phone straight and try again.',
          { id: 'scan.photo.no-match' },
        )}
      </p>`;
    case 'error':
      return html`<p class="photo-status warn" role="alert">
        ${
          photo.problem === 'not-image'
            ? msg('That file is not a photo. Please take a picture of the poster.', {
                id: 'scan.photo.not-image',
              })
            : msg('This photo could not be read. Please take a new one (JPEG or PNG).', {
                id: 'scan.photo.unreadable',
              })
        }
      </p>`;
  }
}

export interface FallbackView {
  problem: CameraProblem;
  copied: boolean;
  photo: PhotoState;
}

/** The link to this page for the visitor's own browser, without '#scan' (the card's history entry). */
export function openInBrowserLink(): string {
  const page = location.origin + location.pathname + location.search;
  return externalBrowserLink(page, detectInAppBrowser(navigator.userAgent));
}

export interface FallbackHandlers {
  onRetryCamera: () => void;
  onCopyLink: () => void;
  onPhoto: (event: Event) => void;
}

export function renderFallback(view: FallbackView, handlers: FallbackHandlers) {
  const busy = view.photo.kind === 'checking';
  const userAgent = navigator.userAgent;
  const inApp = detectInAppBrowser(userAgent);
  const link = openInBrowserLink();
  return html`<section class="panel fallback" aria-labelledby="fallback-heading">
    <h2 id="fallback-heading" tabindex="-1">
      ${
        inApp
          ? msg('Open this page in your browser to scan', { id: 'scan.in-app.title' })
          : problemTitle(view.problem)
      }
    </h2>
    ${
      inApp
        ? html`<div class="in-app" data-in-app=${inApp}>
            <p>
              ${msg(
                str`You are in ${IN_APP_BROWSERS[inApp]}'s built-in browser, which cannot scan with the camera. Open this page in your browser: use the app's ⋯ menu › "Open in browser", or copy the link.`,
                { id: 'scan.in-app.hint' },
              )}
            </p>
            <p class="link-row">
              <a href=${link} target="_blank" rel="noopener">${link}</a>
              <button class="button secondary" type="button" @click=${handlers.onCopyLink}>
                ${msg('Copy link', { id: 'scan.in-app.copy' })}
              </button>
            </p>
            <p class="copied" role="status">
              ${view.copied ? msg('Link copied', { id: 'scan.in-app.copied' }) : nothing}
            </p>
          </div>`
        : html`<p>${problemHelp(view.problem, userAgent)}</p>`
    }
    <div class="actions">
      <label class="button photo-button" ?data-busy=${busy}>
        <input
          class="visually-hidden"
          type="file"
          accept="image/*"
          capture="environment"
          ?disabled=${busy}
          @change=${handlers.onPhoto}
        />
        ${msg('Take a photo of the poster', { id: 'scan.photo.take' })}
      </label>
      ${
        view.problem === 'unsupported'
          ? nothing
          : html`<button class="button secondary" type="button" @click=${handlers.onRetryCamera}>
              ${msg('Try the camera again', { id: 'scan.camera.retry' })}
            </button>`
      }
    </div>
    ${photoStatus(view.photo)}
  </section>`;
}
