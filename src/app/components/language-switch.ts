// <language-switch>: the visible English / 繁體中文 toggle; the choice persists across visits.
import { LitElement, css, html } from 'lit';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { currentLocale, switchLocale } from '../localization.js';
import type { Locale } from '../../shared/locale.js';
import { sharedStyles } from '../theme.js';

// Each language is named in itself, so a visitor who cannot read the current UI still finds theirs.
const CHOICES: ReadonlyArray<{ locale: Locale; label: string; short: string }> = [
  { locale: 'en', label: 'English', short: 'EN' },
  { locale: 'zh-Hant', label: '繁體中文', short: '中文' },
];

export class LanguageSwitch extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: inline-block;
      }
      [role='group'] {
        display: inline-flex;
        padding: 3px;
        border-radius: 999px;
        background: rgb(255 255 255 / 14%);
        border: 1px solid rgb(255 255 255 / 35%);
      }
      button {
        min-width: 44px;
        min-height: 36px;
        padding: 0.2em 0.8em;
        border: 0;
        border-radius: 999px;
        background: transparent;
        color: inherit;
        font: inherit;
        font-size: 0.9rem;
        font-weight: 600;
        cursor: pointer;
      }
      button[aria-pressed='true'] {
        background: var(--sr-gold);
        color: var(--sr-ink);
      }
      button:not([aria-pressed='true']):hover {
        background: rgb(255 255 255 / 18%);
      }
    `,
  ];

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override render() {
    const active = currentLocale();
    return html`<div role="group" aria-label=${msg('Language', { id: 'language.label' })}>
      ${CHOICES.map(
        (choice) =>
          html`<button
            type="button"
            lang=${choice.locale}
            aria-pressed=${choice.locale === active ? 'true' : 'false'}
            aria-label=${choice.label}
            data-locale=${choice.locale}
            @click=${this._onChoose}
          >
            ${choice.short}
          </button>`,
      )}
    </div>`;
  }

  private async _onChoose(event: Event) {
    const locale = (event.currentTarget as HTMLButtonElement).dataset['locale'] as Locale;
    if (locale !== currentLocale()) await switchLocale(locale);
  }
}

customElements.define('language-switch', LanguageSwitch);

declare global {
  interface HTMLElementTagNameMap {
    'language-switch': LanguageSwitch;
  }
}
