// Styles every component shares: buttons, focus rings, visually hidden text, reduced motion.
import { css } from 'lit';

export const sharedStyles = css`
  :host {
    box-sizing: border-box;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--sr-focus);
    outline-offset: 2px;
  }
  a {
    color: var(--sr-red-dark);
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-height: 44px;
    padding: 0.55em 1.1em;
    border: 2px solid transparent;
    border-radius: 999px;
    font: inherit;
    font-weight: 600;
    text-decoration: none;
    cursor: pointer;
    background: var(--sr-red);
    color: #fff;
    transition:
      background-color 0.15s ease,
      transform 0.15s ease;
  }
  .button:hover {
    background: var(--sr-red-dark);
  }
  .button:active {
    transform: translateY(1px);
  }
  .button[disabled] {
    opacity: 0.6;
    cursor: progress;
  }
  .button.secondary {
    background: var(--sr-surface);
    color: var(--sr-green);
    border-color: var(--sr-green);
  }
  .button.secondary:hover {
    background: var(--sr-green-soft);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }
`;

/** A raised card with the candy-cane ribbon along its top edge (landing hero, stamp-card header). */
export const ribbonCardStyles = css`
  .ribbon-card {
    position: relative;
    overflow: hidden;
    border-radius: var(--sr-radius);
    background: var(--sr-surface);
    box-shadow: var(--sr-shadow);
  }
  .ribbon-card::before {
    content: '';
    position: absolute;
    inset: 0 0 auto 0;
    height: 8px;
    background: repeating-linear-gradient(
      -45deg,
      var(--sr-red) 0 10px,
      #fff 10px 16px,
      var(--sr-green-mid) 16px 26px,
      #fff 26px 32px
    );
  }
`;
