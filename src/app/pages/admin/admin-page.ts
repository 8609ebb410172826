// <admin-page>: the organizer screen at /admin — for now sign-in/out; its tools arrive in later issues.
import { LitElement, html } from 'lit';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { sharedStyles } from '../../theme.js';
import { pageHeadingStyles } from '../page-heading.styles.js';
import '../../components/sign-in-panel.js';

export class AdminPage extends LitElement {
  static override styles = [sharedStyles, pageHeadingStyles];

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override render() {
    return html`
      <h1>${msg('Organizer', { id: 'admin.title' })}</h1>
      <p>${msg('Sign in to set up campaigns, booths and prizes.', { id: 'admin.lead' })}</p>
      <sign-in-panel required-role="organizer"></sign-in-panel>
    `;
  }
}

customElements.define('admin-page', AdminPage);

declare global {
  interface HTMLElementTagNameMap {
    'admin-page': AdminPage;
  }
}
