// Styles of <sign-in-panel>: the card, form fields and error text.
import { css } from 'lit';

export const signInStyles = css`
  :host {
    display: block;
  }
  .panel {
    display: grid;
    gap: 1rem;
    max-width: 26rem;
    padding: 1.25rem;
    border-radius: var(--sr-radius);
    background: var(--sr-surface);
    box-shadow: var(--sr-shadow);
    border-top: 6px solid var(--sr-green);
  }
  .panel.refused {
    border-top-color: var(--sr-red);
  }
  label {
    display: grid;
    gap: 0.3rem;
    font-weight: 600;
    font-size: 0.95rem;
  }
  input {
    min-height: 44px;
    padding: 0.5rem 0.75rem;
    border: 2px solid #cfc6b6;
    border-radius: 10px;
    background: #fff;
    color: var(--sr-ink);
    font: inherit;
    font-weight: 400;
  }
  input:focus-visible {
    border-color: var(--sr-focus);
    outline-offset: 1px;
  }
  .who {
    margin: 0;
    font-weight: 600;
    color: var(--sr-green);
  }
  .error {
    margin: 0;
    padding: 0.6rem 0.8rem;
    border-radius: 10px;
    background: var(--sr-red-soft);
    color: var(--sr-red-dark);
    font-size: 0.95rem;
  }
  .button {
    justify-self: start;
  }
`;
