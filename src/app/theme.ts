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
