// Styles of <visitor-page>: campaign header, progress, actions, alerts, the scanner layer and the
// loading/problem states.
import { css } from 'lit';

export const visitorStyles = css`
  :host {
    display: block;
  }
  .head {
    padding: 1.5rem 1.1rem 1.1rem;
  }
  .ornament {
    position: absolute;
    top: 1rem;
    right: 0.9rem;
    width: 3rem;
    height: 3rem;
    color: var(--sr-gold);
    opacity: 0.85;
  }
  h1 {
    position: relative;
    margin: 0.5rem 3rem 0.35rem 0;
    font-size: clamp(1.45rem, 5.5vw, 2.2rem);
    line-height: 1.2;
    color: var(--sr-green);
  }
  .status {
    position: relative;
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    margin: 0;
    padding: 0.15em 0.7em;
    border-radius: 999px;
    font-size: 0.85rem;
    font-weight: 700;
  }
  .status::before {
    content: '';
    width: 0.55em;
    height: 0.55em;
    border-radius: 50%;
    background: currentColor;
  }
  .status.running {
    background: var(--sr-green-soft);
    color: var(--sr-green);
  }
  .status.upcoming {
    background: var(--sr-gold-soft);
    color: var(--sr-gold-dark);
  }
  .status.ended {
    background: #eeeae4;
    color: var(--sr-muted);
  }
  .dates {
    position: relative;
    margin: 0 0 1rem;
    color: var(--sr-muted);
    font-size: 0.95rem;
  }
  .tz {
    white-space: nowrap;
    font-size: 0.85em;
  }
  .progress-text {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.15rem 1rem;
    margin-bottom: 0.4rem;
    font-size: 0.92rem;
  }
  .progress-text strong {
    color: var(--sr-red-dark);
  }
  .progress-text span {
    color: var(--sr-muted);
  }
  .bar {
    height: 0.6rem;
    border-radius: 999px;
    background: var(--sr-red-soft);
    overflow: hidden;
  }
  .bar span {
    display: block;
    width: 0;
    height: 100%;
    background: linear-gradient(90deg, var(--sr-red), var(--sr-gold));
    transition: width 0.4s ease-out;
  }
  .complete {
    position: relative;
    margin: 0.9rem 0 0;
    padding: 0.6rem 0.9rem;
    border-radius: var(--sr-radius);
    background: var(--sr-green);
    color: #fff;
    font-weight: 700;
  }
  card-status {
    position: relative;
    margin-top: 0.9rem;
  }
  .card-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.6rem;
    margin: 1rem 0 0;
  }
  .scan-button {
    flex: 1 1 100%;
    min-height: 52px;
    font-size: 1.1rem;
  }
  .scan-button svg {
    width: 1.4em;
    height: 1.4em;
  }
  .scan-note {
    flex-basis: 100%;
    margin: 0;
    color: var(--sr-muted);
    font-size: 0.9rem;
  }
  .scan-layer {
    position: fixed;
    inset: 0;
    z-index: 100;
    overscroll-behavior: contain;
    background: #000;
  }
  .scan-layer scan-view {
    display: block;
    width: 100%;
    height: 100%;
  }
  .storage-alert {
    margin: 0 0 0.75rem;
    padding: 0.65rem 0.9rem;
    border-radius: var(--sr-radius);
    background: var(--sr-red-soft);
    border: 1px solid var(--sr-red);
    color: var(--sr-ink);
    font-weight: 600;
  }
  h2 {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: 1rem;
    margin: 1.75rem 0 0.75rem;
    font-size: 1.2rem;
    color: var(--sr-green);
  }
  h2 .count {
    font-size: 0.85rem;
    font-weight: 600;
    color: var(--sr-muted);
  }
  .offline-banner {
    margin: 0 0 0.75rem;
    padding: 0.55rem 0.9rem;
    border-radius: var(--sr-radius);
    background: var(--sr-gold-soft);
    border: 1px solid #f0d999;
    color: var(--sr-ink);
    font-size: 0.92rem;
  }
  .notice {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 0.75rem;
    padding: 3rem 1rem;
    color: var(--sr-muted);
  }
  .spinner {
    width: 1.5rem;
    height: 1.5rem;
    border-radius: 50%;
    border: 3px solid var(--sr-red-soft);
    border-top-color: var(--sr-red);
    animation: spin 0.9s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  .problem {
    padding: 2rem 1.25rem;
    text-align: center;
    border-radius: var(--sr-radius);
    background: var(--sr-surface);
    box-shadow: var(--sr-shadow);
  }
  .problem h1 {
    margin: 0 0 0.5rem;
    font-size: 1.4rem;
  }
  .problem p {
    margin: 0 auto 1.25rem;
    max-width: 30rem;
    color: var(--sr-muted);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: 0.75rem;
  }
  @media (min-width: 720px) {
    .head {
      padding: 1.75rem 2rem 1.5rem;
    }
    .scan-button {
      flex: 0 1 auto;
      min-width: 16rem;
    }
  }
`;
