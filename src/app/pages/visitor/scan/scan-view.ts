// <scan-view>: the full-screen scanner. Keeps the camera on only while the view is open and the page
// visible, shows live feedback, and hands a booth confirmed across frames (or found in a fallback
// photo) to commitStamp — the celebration shows only once the card says the stamp is stored.
// The camera, worker and frame loop live in LiveScanner; the panels' markup in scan-panels.ts and
// fallback-panel.ts.
import { LitElement, html } from 'lit';
import type { PropertyValues } from 'lit';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import type { PublicBooth } from '../../../../shared/campaign.schema.js';
import { ConnectedListeners } from '../../../connected-listeners.js';
import { currentLocale } from '../../../localization.js';
import { localized } from '../../../format.js';
import { sharedStyles } from '../../../theme.js';
import type { CameraProblem } from './camera.js';
import { LiveScanner } from './live-scanner.js';
import type { ScanStats } from './live-scanner.js';
import { checkPhoto, type PhotoState } from './photo-fallback.js';
import { SCAN_CLOSE_EVENT } from './scan-contract.js';
import type { CommitStamp, ScanDetection } from './scan-contract.js';
import type { ScanFeedback } from './scan-feedback.js';
import { copyOpenInBrowserLink } from './fallback-panel.js';
import { renderPhase, type PhaseHandlers, type ScanResult } from './scan-panels.js';
import { scanStyles } from './scan-view.styles.js';
import { scanStateName } from './scan-state.js';
import type { Phase } from './scan-state.js';
import { settleDetection } from './stamp-commit.js';

export class ScanView extends LitElement {
  static override properties = {
    booths: { attribute: false },
    patternSetId: { attribute: false },
    artifact: { attribute: false },
    collected: { attribute: false },
    commitStamp: { attribute: false },
    _phase: { state: true },
    _feedback: { state: true },
    _result: { state: true },
    _problem: { state: true },
    _photo: { state: true },
    _copied: { state: true },
  };

  static override styles = [sharedStyles, scanStyles];

  declare booths: PublicBooth[];
  declare patternSetId: string;
  declare artifact: Uint8Array | null;
  declare collected: ReadonlySet<string>;
  declare commitStamp: CommitStamp | null;
  declare private _phase: Phase;
  declare private _feedback: ScanFeedback | null;
  declare private _result: ScanResult | null;
  declare private _problem: CameraProblem | null;
  declare private _photo: PhotoState;
  declare private _copied: boolean;

  private _closed = false;
  /** Booths stamped or found already stamped in this opening, before `.collected` catches up. */
  private readonly _stampedHere = new Set<string>();
  /** Where "continue" leads after a result: the camera, or the fallback panel when it had failed. */
  private _resultReturnsTo: 'scanning' | 'fallback' = 'scanning';
  private readonly _scanner = new LiveScanner({
    video: () => this.renderRoot.querySelector('video')!,
    isBooth: (id) => this._booth(id) !== undefined,
    onFeedback: (feedback) => this._onFeedback(feedback),
    onCameraProblem: (problem) => {
      this._problem = problem;
      this._phase = 'fallback';
      this._sync();
    },
    onEngineError: () => {
      this._phase = 'error';
      this._sync();
    },
    onChange: () => this.requestUpdate(),
  });

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.booths = [];
    this.patternSetId = '';
    this.artifact = null;
    this.collected = new Set();
    this.commitStamp = null;
    this._phase = 'scanning';
    this._feedback = null;
    this._result = null;
    this._problem = null;
    this._photo = { kind: 'idle' };
    this._copied = false;
    new ConnectedListeners(this, document, {
      visibilitychange: () => {
        this._sync();
        this.requestUpdate();
      },
      keydown: (event: KeyboardEvent) => {
        if (event.key !== 'Escape' || this._closed) return;
        event.preventDefault();
        this._close();
      },
    });
  }

  /** What the view is doing, mirrored to `data-state` for tests and styling. */
  get state(): string {
    return scanStateName({
      phase: this._phase,
      photo: this._photo,
      result: this._result,
      pageHidden: document.visibilityState === 'hidden',
      live: this._scanner.live,
      feedback: this._feedback,
    });
  }

  get scanStats(): ScanStats {
    return this._scanner.scanStats;
  }

  /** The live camera stream, while the camera is on. */
  get cameraStream(): MediaStream | null {
    return this._scanner.stream;
  }

  override connectedCallback() {
    super.connectedCallback();
    this._closed = false;
    // Reconnected after a close: willUpdate will not see the artifact change again.
    if (this.artifact && !this._scanner.loaded)
      this._scanner.load(this.patternSetId, this.artifact);
    // The first time, the <video> exists only after the first render (firstUpdated syncs then).
    if (this.hasUpdated) this._sync();
  }

  override disconnectedCallback() {
    this._closed = true;
    this._scanner.dispose();
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if ((changed.has('artifact') || changed.has('patternSetId')) && this.artifact) {
      this._scanner.load(this.patternSetId, this.artifact);
    }
  }

  protected override firstUpdated() {
    this.renderRoot.querySelector<HTMLButtonElement>('.close')?.focus();
    this._sync();
  }

  protected override updated(changed: PropertyValues) {
    this.dataset['state'] = this.state;
    this.dataset['camera'] = this._scanner.stream ? 'on' : 'off';
    if (this._problem) this.dataset['cameraProblem'] = this._problem;
    else delete this.dataset['cameraProblem'];
    if (changed.has('_phase') && (this._phase === 'result' || this._phase === 'fallback')) {
      this.renderRoot.querySelector<HTMLElement>('.panel h2')?.focus();
    }
  }

  override render() {
    return html`<div
      class="viewport"
      role="dialog"
      aria-modal="true"
      aria-label=${msg('Scan a booth poster', { id: 'scan.title' })}
    >
      <video muted playsinline aria-hidden="true" ?hidden=${this._phase === 'fallback'}></video>
      <button
        class="close"
        type="button"
        aria-label=${msg('Close the camera and go back to my card', { id: 'scan.close' })}
        @click=${this._close}
      >
        <span aria-hidden="true">×</span>
      </button>
      ${renderPhase(
        {
          phase: this._phase,
          feedback: this._scanner.live ? this._feedback : null,
          result: this._result,
          fallback: this._problem && {
            problem: this._problem,
            copied: this._copied,
            photo: this._photo,
          },
          boothName: (id) => this._boothName(id),
        },
        this._handlers,
      )}
    </div>`;
  }

  private _booth(id: string): PublicBooth | undefined {
    return this.booths.find((b) => b.id === id);
  }

  private _boothName(id: string): string {
    const booth = this._booth(id);
    return booth ? localized(booth.name, currentLocale()) : '';
  }

  /** Camera on while the view is open and visible, unless it failed; frames only while scanning. */
  private _sync() {
    const camera =
      this.isConnected &&
      !this._closed &&
      this._problem === null &&
      document.visibilityState !== 'hidden' &&
      (this._phase === 'scanning' || this._phase === 'committing' || this._phase === 'result');
    this._scanner.sync({ camera, frames: camera && this._phase === 'scanning' });
  }

  private _onFeedback(feedback: ScanFeedback) {
    this._feedback = feedback;
    if (feedback.state !== 'confirmed' || this._phase !== 'scanning') return;
    void this._confirm({
      boothId: feedback.boothId,
      score: feedback.score,
      evidence: { score: feedback.score, frames: feedback.agreeing, source: 'camera' },
    });
  }

  private async _confirm(detection: ScanDetection) {
    const booth = this._booth(detection.boothId);
    if (!booth) return;
    this._resultReturnsTo = this._problem ? 'fallback' : 'scanning';
    const result = await settleDetection(detection, {
      booth,
      alreadyCollected: this.collected.has(booth.id) || this._stampedHere.has(booth.id),
      commitStamp: this.commitStamp,
      onCommitting: () => {
        this._phase = 'committing';
        this._sync();
      },
    });
    if (!this.isConnected || this._closed) return;
    if (result.kind !== 'failed') this._stampedHere.add(booth.id);
    this._result = result;
    this._phase = 'result';
    this._sync();
  }

  /** What the panels' buttons and the photo input do. */
  private readonly _handlers: PhaseHandlers = {
    onClose: () => this._close(),
    onContinue: () => {
      this._result = null;
      this._photo = { kind: 'idle' };
      this._phase = this._resultReturnsTo;
      this._sync();
    },
    onRetryEngine: () => {
      this._phase = this._problem ? 'fallback' : 'scanning';
      if (this.artifact) this._scanner.load(this.patternSetId, this.artifact);
      this._sync();
    },
    onRetryCamera: () => {
      this._problem = null;
      this._photo = { kind: 'idle' };
      this._phase = 'scanning';
      this._sync();
    },
    onCopyLink: async () => {
      this._copied = await copyOpenInBrowserLink();
    },
    onPhoto: async (event: Event) => {
      const input = event.target as HTMLInputElement;
      const file = input.files?.[0];
      input.value = '';
      const loading = this._scanner.recognizer;
      if (!file || !loading) return;
      this._photo = { kind: 'checking' };
      const outcome = await checkPhoto(file, loading, (id) => this._booth(id) !== undefined);
      if ('engineFailed' in outcome) this._phase = 'error';
      else if ('photo' in outcome) this._photo = outcome.photo;
      else {
        this._photo = { kind: 'idle' };
        await this._confirm(outcome.detection);
      }
    },
  };

  private _close = () => {
    this._closed = true;
    this._sync();
    this.dispatchEvent(new CustomEvent(SCAN_CLOSE_EVENT, { bubbles: true, composed: true }));
  };
}

customElements.define('scan-view', ScanView);

declare global {
  interface HTMLElementTagNameMap {
    'scan-view': ScanView;
  }
}
