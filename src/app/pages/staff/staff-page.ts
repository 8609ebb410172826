// <staff-page>: the staff screen at /staff — for now sign-in/out; its tools arrive in later issues.
import { LitElement, html } from 'lit';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { sharedStyles } from '../../theme.js';
import { pageHeadingStyles } from '../page-heading.styles.js';
import '../../components/sign-in-panel.js';

export class StaffPage extends LitElement {
  static override styles = [sharedStyles, pageHeadingStyles];

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override render() {
    return html`
      <h1>${msg('Staff', { id: 'staff.title' })}</h1>
      <p>${msg('Sign in to check stamp cards and hand out prizes.', { id: 'staff.lead' })}</p>
      <sign-in-panel required-role="staff"></sign-in-panel>
    `;
  }
}

customElements.define('staff-page', StaffPage);

declare global {
  interface HTMLElementTagNameMap {
    'staff-page': StaffPage;
  }
}
