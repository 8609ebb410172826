// Styles of <scan-view>: the full-screen camera, the aiming frame and feedback line, and the result
// and fallback panels laid over it.
import { css } from 'lit';

export const scanStyles = css`
  :host {
    position: fixed;
    inset: 0;
    z-index: 50;
    display: block;
    background: #0c0a09;
    color: #fff;
  }
  .viewport {
    position: absolute;
    inset: 0;
    overflow: hidden;
  }
  video {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .close {
    position: absolute;
    top: max(0.75rem, env(safe-area-inset-top));
    right: 0.75rem;
    z-index: 3;
    width: 48px;
    height: 48px;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: rgb(12 10 9 / 65%);
    color: #fff;
    font-size: 1.6rem;
    line-height: 1;
    cursor: pointer;
  }
  .guide {
    position: absolute;
    top: 50%;
    left: 50%;
    width: min(78vw, 62vh);
    aspect-ratio: 3 / 4;
    transform: translate(-50%, -55%);
    border: 3px solid rgb(255 255 255 / 80%);
    border-radius: 18px;
    box-shadow: 0 0 0 100vmax rgb(12 10 9 / 35%);
    transition:
      border-color 0.2s ease,
      transform 0.2s ease;
  }
  .guide[data-feedback='holding'] {
    border-color: var(--sr-gold);
    transform: translate(-50%, -55%) scale(1.02);
  }
  .guide[data-feedback='confirmed'] {
    border-color: #4ade80;
  }
  .feedback {
    position: absolute;
    left: 50%;
    bottom: max(1.5rem, env(safe-area-inset-bottom));
    z-index: 2;
    max-width: calc(100% - 2rem);
    margin: 0;
    padding: 0.7rem 1.1rem;
    transform: translateX(-50%);
    border-radius: 999px;
    background: rgb(12 10 9 / 78%);
    font-weight: 600;
    text-align: center;
  }
  .dots {
    display: inline-flex;
    gap: 0.3rem;
    margin-left: 0.5rem;
    vertical-align: middle;
  }
  .dots span {
    width: 0.55rem;
    height: 0.55rem;
    border-radius: 50%;
    background: rgb(255 255 255 / 35%);
  }
  .dots span.on {
    background: var(--sr-gold);
  }
  .panel {
    position: absolute;
    inset: auto 0 0;
    z-index: 2;
    max-height: 100%;
    overflow-y: auto;
    padding: 1.5rem 1.25rem max(1.5rem, env(safe-area-inset-bottom));
    border-radius: 22px 22px 0 0;
    background: var(--sr-bg);
    color: var(--sr-ink);
    text-align: center;
  }
  .panel.fallback {
    inset: 0;
    border-radius: 0;
    padding-top: 4.5rem;
    text-align: left;
  }
  .panel h2 {
    margin: 0.75rem 0 0.4rem;
    color: var(--sr-green);
    font-size: 1.4rem;
  }
  .panel.failed h2,
  .panel.fallback h2 {
    color: var(--sr-red-dark);
  }
  .panel h2:focus {
    outline: none;
  }
  .panel p {
    margin: 0.4rem 0;
    line-height: 1.5;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: 0.6rem;
    margin-top: 1rem;
  }
  .fallback .actions {
    justify-content: flex-start;
  }
  .photo-button:focus-within {
    outline: 3px solid var(--sr-focus);
    outline-offset: 2px;
  }
  .photo-button[data-busy] {
    opacity: 0.6;
    cursor: progress;
  }
  .in-app {
    padding: 0.75rem 1rem;
    border-radius: var(--sr-radius);
    background: var(--sr-gold-soft);
    color: var(--sr-ink);
  }
  .link-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.6rem;
  }
  .link-row a {
    overflow-wrap: anywhere;
  }
  .photo-status.warn {
    color: var(--sr-red-dark);
    font-weight: 600;
  }
  .spinner {
    display: inline-block;
    width: 1em;
    height: 1em;
    margin-right: 0.4em;
    vertical-align: -0.15em;
    border: 2px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
`;
