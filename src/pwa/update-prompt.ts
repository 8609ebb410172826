// <update-prompt>: the non-blocking "new version ready" bar; the page reloads only if the visitor agrees.
import { LitElement, css, html } from 'lit';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { sharedStyles } from '../app/theme.js';

/** Fired (bubbling, composed) when the visitor accepts the update. */
export const UPDATE_ACCEPTED_EVENT = 'update-accepted';

export class UpdatePrompt extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        position: fixed;
        left: 50%;
        bottom: max(1rem, env(safe-area-inset-bottom));
        z-index: 100;
        width: min(30rem, calc(100% - 2rem));
        transform: translateX(-50%);
        animation: rise 0.25s ease-out;
      }
      div {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem 1rem;
        padding: 0.75rem 0.75rem 0.75rem 1.1rem;
        border-radius: var(--sr-radius);
        background: var(--sr-green);
        color: #fff;
        box-shadow: 0 8px 24px rgb(0 0 0 / 25%);
        --sr-focus: #fcd34d;
      }
      p {
        margin: 0;
        font-weight: 600;
      }
      .buttons {
        display: flex;
        gap: 0.5rem;
        padding: 0;
        box-shadow: none;
      }
      .later {
        background: transparent;
        border-color: rgb(255 255 255 / 60%);
      }
      .later:hover {
        background: rgb(255 255 255 / 12%);
      }
      @keyframes rise {
        from {
          transform: translate(-50%, 1rem);
          opacity: 0;
        }
      }
    `,
  ];

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override render() {
    return html`<div role="status">
      <p>${msg('A new version is ready.', { id: 'update.ready' })}</p>
      <div class="buttons">
        <button class="button later" type="button" @click=${this._onLater}>
          ${msg('Later', { id: 'update.later' })}
        </button>
        <button class="button" type="button" @click=${this._onReload}>
          ${msg('Reload', { id: 'update.reload' })}
        </button>
      </div>
    </div>`;
  }

  private _onReload() {
    this.dispatchEvent(new Event(UPDATE_ACCEPTED_EVENT, { bubbles: true, composed: true }));
  }

  private _onLater() {
    this.remove();
  }
}

customElements.define('update-prompt', UpdatePrompt);

declare global {
  interface HTMLElementTagNameMap {
    'update-prompt': UpdatePrompt;
  }
}
