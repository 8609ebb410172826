// What the scan view says in each phase: the live feedback line, the result panel after a commit,
// the engine error, and (from fallback-panel.ts) the fallback panel. Render functions only;
// <scan-view> owns the state and passes in what to show and the handlers.
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { renderFallback, type FallbackHandlers, type FallbackView } from './fallback-panel.js';
import type { ScanFeedback } from './scan-feedback.js';
import type { Phase } from './scan-state.js';
import './stamp-celebration.js';

export type ScanResult =
  | { kind: 'stamped' | 'already'; boothName: string; thumbnailUrl: string | null }
  | { kind: 'failed'; boothName: string; message: string };

export function feedbackText(feedback: ScanFeedback | null, boothName: string): string {
  switch (feedback?.state) {
    case undefined:
      return msg('Starting the camera…', { id: 'scan.feedback.starting' });
    case 'searching':
      return msg('Point the camera at a booth poster', { id: 'scan.feedback.searching' });
    case 'too-dark':
      return msg('Too dark — find more light or step out of your shadow', {
        id: 'scan.feedback.too-dark',
      });
    case 'too-far':
      return msg('Move closer so the poster fills the frame', { id: 'scan.feedback.too-far' });
    case 'too-close':
      return msg('Step back so the whole poster fits in the frame', {
        id: 'scan.feedback.too-close',
      });
    case 'holding':
      return msg(str`Hold steady… ${boothName}`, { id: 'scan.feedback.holding' });
    case 'confirmed':
      return msg(str`Saving the stamp of ${boothName}…`, { id: 'scan.feedback.confirmed' });
  }
}

/** The aiming frame and the feedback line over the camera picture. */
export function renderLive(feedback: ScanFeedback | null, saving: boolean, boothName: string) {
  const holding = feedback?.state === 'holding' ? feedback : null;
  return html`<div class="guide" data-feedback=${feedback?.state ?? 'starting'}></div>
    <p class="feedback" role="status" aria-live="polite">
      ${
        saving
          ? msg('Saving your stamp…', { id: 'scan.feedback.saving' })
          : feedbackText(feedback, boothName)
      }
      ${
        holding
          ? html`<span class="dots" aria-hidden="true"
              >${Array.from(
                { length: holding.required },
                (_, i) => html`<span class=${i < holding.agreeing ? 'on' : ''}></span>`,
              )}</span
            >`
          : nothing
      }
    </p>`;
}

export function renderEngineError(handlers: { onRetry: () => void; onClose: () => void }) {
  return html`<section class="panel failed" aria-labelledby="error-heading">
    <h2 id="error-heading" tabindex="-1">
      ${msg('Scanning is not available right now', { id: 'scan.error.title' })}
    </h2>
    <p>
      ${msg('The recognition engine could not start. Please try again.', {
        id: 'scan.error.body',
      })}
    </p>
    <div class="actions">
      <button class="button" type="button" @click=${handlers.onRetry}>
        ${msg('Try again', { id: 'scan.result.retry' })}
      </button>
      <button class="button secondary" type="button" @click=${handlers.onClose}>
        ${msg('Back to my card', { id: 'scan.back' })}
      </button>
    </div>
  </section>`;
}

export interface ResultHandlers {
  onContinue: () => void;
  onClose: () => void;
}

export function renderResult(result: ScanResult, handlers: ResultHandlers) {
  const heading =
    result.kind === 'stamped'
      ? msg('Stamp collected!', { id: 'scan.result.stamped' })
      : result.kind === 'already'
        ? msg('Already stamped', { id: 'scan.result.already' })
        : msg('The stamp could not be saved', { id: 'scan.result.failed' });
  const body =
    result.kind === 'failed'
      ? result.message
      : result.kind === 'stamped'
        ? msg(str`${result.boothName} is on your card.`, { id: 'scan.result.stamped-body' })
        : msg(str`You already have the stamp of ${result.boothName}.`, {
            id: 'scan.result.already-body',
          });
  return html`<section class="panel result ${result.kind}" aria-labelledby="result-heading">
    ${
      result.kind === 'stamped'
        ? html`<stamp-celebration
            .boothName=${result.boothName}
            .thumbnailUrl=${result.thumbnailUrl}
          ></stamp-celebration>`
        : nothing
    }
    <h2 id="result-heading" tabindex="-1">${heading}</h2>
    <p>${body}</p>
    <div class="actions">
      <button class="button" type="button" data-action="continue" @click=${handlers.onContinue}>
        ${
          result.kind === 'failed'
            ? msg('Try again', { id: 'scan.result.retry' })
            : msg('Scan another booth', { id: 'scan.result.continue' })
        }
      </button>
      <button class="button secondary" type="button" data-action="close" @click=${handlers.onClose}>
        ${msg('Back to my card', { id: 'scan.back' })}
      </button>
    </div>
  </section>`;
}

export interface PhaseView {
  phase: Phase;
  /** The live feedback, while the camera delivers frames (null otherwise). */
  feedback: ScanFeedback | null;
  result: ScanResult | null;
  fallback: FallbackView | null;
  boothName: (id: string) => string;
}

export type PhaseHandlers = ResultHandlers & FallbackHandlers & { onRetryEngine: () => void };

/** The panel of the scanner's current phase. */
export function renderPhase(view: PhaseView, handlers: PhaseHandlers) {
  switch (view.phase) {
    case 'scanning':
    case 'committing': {
      const feedback = view.feedback;
      const boothId = feedback && 'boothId' in feedback ? feedback.boothId : '';
      return renderLive(feedback, view.phase === 'committing', view.boothName(boothId));
    }
    case 'result':
      return renderResult(view.result!, handlers);
    case 'fallback':
      return renderFallback(view.fallback!, handlers);
    case 'error':
      return renderEngineError({ onRetry: handlers.onRetryEngine, onClose: handlers.onClose });
  }
}
