// <install-prompt>: "Add to home screen" — the browser's install prompt where it offers one
// (beforeinstallprompt), a short Share → Add to Home Screen hint on iOS Safari, nothing when the app
// already runs installed.
import { LitElement, css, html, nothing } from 'lit';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { sharedStyles } from '../../theme.js';

/** Chromium's install prompt event (not in the DOM typings). */
export interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/**
 * The browser fires beforeinstallprompt once, early, perhaps before any card is on screen: catch it
 * as soon as this module loads and keep it for whichever <install-prompt> shows up.
 */
const installability = new EventTarget();
let deferred: BeforeInstallPromptEvent | null = null;
let installed = false;
if (typeof window !== 'undefined') {
  window.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault();
    deferred = event as BeforeInstallPromptEvent;
    installability.dispatchEvent(new Event('change'));
  });
  window.addEventListener('appinstalled', () => {
    deferred = null;
    installed = true;
    installability.dispatchEvent(new Event('change'));
  });
}

export function isStandalone(): boolean {
  const standaloneSafari = (navigator as Navigator & { standalone?: boolean }).standalone === true;
  return standaloneSafari || matchMedia('(display-mode: standalone)').matches;
}

/** iOS Safari: no install prompt, but Share → Add to Home Screen works (other iOS browsers vary). */
export function isIosSafari(
  userAgent = navigator.userAgent,
  touchPoints = navigator.maxTouchPoints,
): boolean {
  const ios =
    /iPhone|iPad|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && touchPoints > 1);
  return (
    ios &&
    /Safari\//.test(userAgent) &&
    !/CriOS|FxiOS|EdgiOS|OPiOS|GSA\/|FBAN|FBAV|Instagram|Line\//.test(userAgent)
  );
}

export type InstallOffer = 'prompt' | 'ios-hint' | 'none';

export function installOffer(): InstallOffer {
  if (installed || isStandalone()) return 'none';
  if (deferred) return 'prompt';
  return isIosSafari() ? 'ios-hint' : 'none';
}

export class InstallPrompt extends LitElement {
  static override properties = { _offer: { state: true }, _hintOpen: { state: true } };

  static override styles = [
    sharedStyles,
    css`
      :host {
        display: contents;
      }
      .hint {
        flex-basis: 100%;
        margin: 0;
        padding: 0.75rem 1rem;
        border-radius: var(--sr-radius);
        background: var(--sr-green-soft);
        font-size: 0.92rem;
      }
    `,
  ];

  declare private _offer: InstallOffer;
  declare private _hintOpen: boolean;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this._offer = installOffer();
    this._hintOpen = false;
  }

  override connectedCallback() {
    super.connectedCallback();
    installability.addEventListener('change', this._onChange);
    this._onChange();
  }

  override disconnectedCallback() {
    installability.removeEventListener('change', this._onChange);
    super.disconnectedCallback();
  }

  override render() {
    switch (this._offer) {
      case 'none':
        return nothing;
      case 'prompt':
        return html`<button
          class="button secondary"
          type="button"
          data-testid="install-button"
          @click=${this._onInstall}
        >
          ${msg('Add to home screen', { id: 'install.button' })}
        </button>`;
      case 'ios-hint':
        return html`<button
            class="button secondary"
            type="button"
            data-testid="install-button"
            aria-expanded=${String(this._hintOpen)}
            @click=${() => (this._hintOpen = !this._hintOpen)}
          >
            ${msg('Add to home screen', { id: 'install.button' })}
          </button>
          ${
            this._hintOpen
              ? html`<p class="hint" data-testid="install-ios-hint">
                  ${msg('In Safari, tap Share, then “Add to Home Screen”.', { id: 'install.ios-hint' })}
                </p>`
              : nothing
          }`;
    }
  }

  private async _onInstall() {
    const event = deferred;
    if (!event) return;
    // A prompt event can be used once; whatever the visitor chooses, the browser may offer a new one.
    deferred = null;
    await event.prompt();
    const { outcome } = await event.userChoice;
    if (outcome === 'accepted') installed = true;
    installability.dispatchEvent(new Event('change'));
  }

  private _onChange = () => {
    this._offer = installOffer();
  };
}

customElements.define('install-prompt', InstallPrompt);

declare global {
  interface HTMLElementTagNameMap {
    'install-prompt': InstallPrompt;
  }
}
