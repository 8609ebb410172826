// The scanner's fallback panel, shown when the camera cannot be used: why (blocked, missing,
// unsupported, or an in-app browser that cannot scan), how to fix it on this phone, and a photo of
// the poster as the way to still collect the stamp. Render functions only; <scan-view> owns the
// state.
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

/**
 * Copies that link; false when the clipboard is refused (some in-app browsers): the link is on
 * screen to long-press instead.
 */
export function copyOpenInBrowserLink(): Promise<boolean> {
  return navigator.clipboard.writeText(openInBrowserLink()).then(
    () => true,
    () => false,
  );
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
