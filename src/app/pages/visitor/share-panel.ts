// <share-panel>: invites friends to the rally — the system share sheet where the browser has one,
// otherwise the link copied to the clipboard and shown with a QR code to scan from this screen.
import { LitElement, css, html, nothing } from 'lit';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { sharedStyles } from '../../theme.js';

type Fallback = { kind: 'closed' } | { kind: 'open'; qr: string | null; copied: boolean | null };

/** The QR code of `url` as an SVG data URL (the CSP allows img-src data:). */
export async function qrDataUrl(url: string): Promise<string> {
  // Loaded on demand: most visitors never open the fallback, so it stays out of the first download.
  const { toString } = await import('qrcode');
  const svg = await toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

export class SharePanel extends LitElement {
  static override properties = {
    url: {},
    shareTitle: { attribute: 'share-title' },
    _fallback: { state: true },
  };

  static override styles = [
    sharedStyles,
    css`
      :host {
        display: contents;
      }
      .panel {
        flex-basis: 100%;
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.5rem 1rem;
        align-items: center;
        padding: 0.9rem 1rem;
        border-radius: var(--sr-radius);
        background: var(--sr-surface);
        border: 1px solid var(--sr-line);
      }
      img {
        width: 9rem;
        height: 9rem;
        grid-row: span 3;
        image-rendering: pixelated;
      }
      p {
        margin: 0;
        font-size: 0.92rem;
      }
      .link {
        overflow-wrap: anywhere;
        font-weight: 600;
      }
      @media (max-width: 420px) {
        .panel {
          grid-template-columns: 1fr;
          justify-items: center;
          text-align: center;
        }
        img {
          grid-row: auto;
        }
      }
    `,
  ];

  declare url: string;
  declare shareTitle: string;
  declare private _fallback: Fallback;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.url = '';
    this.shareTitle = '';
    this._fallback = { kind: 'closed' };
  }

  override render() {
    const fallback = this._fallback;
    return html`<button
        class="button secondary"
        type="button"
        data-testid="share-button"
        aria-expanded=${fallback.kind === 'open' ? 'true' : 'false'}
        @click=${this._onShare}
      >
        ${msg('Invite friends', { id: 'share.button' })}
      </button>
      ${fallback.kind === 'open' ? this._renderFallback(fallback) : nothing}`;
  }

  private _renderFallback(fallback: Extract<Fallback, { kind: 'open' }>) {
    return html`<div class="panel" data-testid="share-fallback">
      ${
        fallback.qr
          ? html`<img
              src=${fallback.qr}
              data-testid="share-qr"
              alt=${msg('QR code of the rally link', { id: 'share.qr-alt' })}
            />`
          : nothing
      }
      <p role="status">
        ${
          fallback.copied === null
            ? nothing
            : fallback.copied
              ? msg('Link copied. Paste it in a chat, or let a friend scan the code.', {
                  id: 'share.copied',
                })
              : msg('Copy this link, or let a friend scan the code.', { id: 'share.copy-manually' })
        }
      </p>
      <p class="link"><a href=${this.url}>${this.url}</a></p>
    </div>`;
  }

  private async _onShare() {
    if (this._fallback.kind === 'open') {
      this._fallback = { kind: 'closed' };
      return;
    }
    const data = { title: this.shareTitle, url: this.url };
    if (typeof navigator.share === 'function' && (navigator.canShare?.(data) ?? true)) {
      try {
        await navigator.share(data);
        return;
      } catch (error) {
        // The visitor closed the share sheet: nothing more to do.
        if (error instanceof DOMException && error.name === 'AbortError') return;
      }
    }
    this._fallback = { kind: 'open', qr: null, copied: null };
    const [copied, qr] = await Promise.all([
      copyText(this.url),
      qrDataUrl(this.url).catch(() => null),
    ]);
    this._fallback = { kind: 'open', qr, copied };
  }
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (or an insecure context): the link is shown to copy by hand.
    return false;
  }
}

customElements.define('share-panel', SharePanel);

declare global {
  interface HTMLElementTagNameMap {
    'share-panel': SharePanel;
  }
}
