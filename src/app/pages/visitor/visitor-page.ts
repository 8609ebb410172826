// <visitor-page>: a campaign's stamp card at /r/:slug — runs the visitor session (cached card first,
// background refresh, sync), the offline download, and opens the full-screen scanner.
import { LitElement, html, nothing } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type { PropertyValues } from 'lit';
import type { PublicBooth, PublicCampaign } from '../../../shared/campaign.schema.js';
import type { StampRecord } from '../../../storage/stamp-db.js';
import { ConnectedListeners } from '../../connected-listeners.js';
import { currentLocale } from '../../localization.js';
import { localized } from '../../format.js';
import { ribbonCardStyles, sharedStyles } from '../../theme.js';
import type { CommitStamp } from './scan/scan-contract.js';
import { SCAN_CLOSE_EVENT } from './scan/scan-contract.js';
import { WarmRecognizer } from './warm-recognizer.js';
import { visitorStyles } from './visitor-page.styles.js';
import { VisitorSession } from './visitor-session.js';
import type { VisitorSessionOptions, VisitorSessionState } from './visitor-session.js';
import { OfflineReadiness } from './offline-readiness.js';
import type { OfflineReadinessOptions, ReadinessState } from './offline-readiness.js';
import { READINESS_RETRY_EVENT } from './card-status.js';
import {
  renderCardHead,
  renderCardNotices,
  renderPrizes,
  renderProblem,
  renderScanButton,
} from './card-parts.js';
import './prize-tiers.js';
import './booth-grid.js';
import './card-status.js';
import './share-panel.js';
import './install-prompt.js';

interface OpenScan {
  booths: readonly PublicBooth[];
  patternSetId: string;
  artifact: Uint8Array;
  commitStamp: CommitStamp;
}

export class VisitorPage extends LitElement {
  static override properties = {
    slug: {},
    sessionOptions: { attribute: false },
    readinessOptions: { attribute: false },
    _state: { state: true },
    _readiness: { state: true },
    _online: { state: true },
    _scan: { state: true },
    _scanUnavailable: { state: true },
  };

  static override styles = [sharedStyles, ribbonCardStyles, visitorStyles];

  declare slug: string;
  /** Tests: a throw-away database, a fake sync API. */
  declare sessionOptions: Partial<VisitorSessionOptions>;
  declare readinessOptions: Partial<OfflineReadinessOptions>;
  declare private _state: VisitorSessionState | null;
  declare private _readiness: ReadinessState;
  declare private _online: boolean;
  declare private _scan: OpenScan | null;
  declare private _scanUnavailable: boolean;
  private _session: VisitorSession | null = null;
  private _offline: OfflineReadiness | null = null;
  private _offlineFor: PublicCampaign | null = null;
  private readonly _warm = new WarmRecognizer();

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.slug = '';
    this.sessionOptions = {};
    this.readinessOptions = {};
    this._state = null;
    this._readiness = { kind: 'idle' };
    this._online = navigator.onLine;
    this._scan = null;
    this._scanUnavailable = false;
    new ConnectedListeners(this, window, {
      online: this._onConnectivity,
      offline: this._onConnectivity,
      popstate: this._onPopState,
    });
    new ConnectedListeners(this, this, {
      [SCAN_CLOSE_EVENT]: this._onScanClose,
      [READINESS_RETRY_EVENT]: this._onReadinessRetry,
    });
  }

  override connectedCallback() {
    super.connectedCallback();
    // A reload while the scanner was open: start on the card, not on a stale history entry.
    if (location.hash === '#scan')
      history.replaceState(null, '', location.pathname + location.search);
    this._ensureSession();
  }

  override disconnectedCallback() {
    this._stopSession();
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('slug')) this._ensureSession();
  }

  override render() {
    const state = this._state;
    if (!state || (state.load === 'loading' && !state.campaign)) {
      return html`<div class="notice" role="status">
        <span class="spinner" aria-hidden="true"></span>
        ${msg('Loading your stamp card…', { id: 'visitor.loading' })}
      </div>`;
    }
    if (!state.campaign) return renderProblem(state.load, state.refreshing, this._onRetry);
    return this._renderCard(state, state.campaign);
  }

  override updated() {
    const campaign = this._state?.campaign;
    if (campaign) document.title = localized(campaign.name, currentLocale());
  }

  private _renderCard(state: VisitorSessionState, campaign: PublicCampaign) {
    const booths = new Set(campaign.booths.map((b) => b.id));
    const stamps = new Map<string, StampRecord>(
      state.stamps.filter((s) => booths.has(s.boothId)).map((s) => [s.boothId, s]),
    );
    return html`
      ${renderCardNotices(this._online, state.storageError)}
      ${renderCardHead(
        campaign,
        stamps.size,
        html`<card-status
          .sync=${state.sync}
          .readiness=${this._readiness}
          .online=${this._online}
        ></card-status>`,
      )}
      <div class="card-actions">
        ${renderScanButton(
          Boolean(state.bundle?.patternSet) && !this._scanUnavailable,
          this._scanUnavailable,
          this._onOpenScan,
        )}
        <share-panel
          .url=${new URL(`/r/${encodeURIComponent(campaign.slug)}`, location.origin).href}
          .shareTitle=${localized(campaign.name, currentLocale())}
        ></share-panel>
        <install-prompt></install-prompt>
      </div>
      ${renderPrizes(campaign, stamps.size)}
      <section aria-labelledby="booths-heading">
        <h2 id="booths-heading">
          ${msg('Your stamp card', { id: 'visitor.card' })}
          <span class="count"
            >${msg(str`${campaign.booths.length} booths`, { id: 'visitor.booth-count' })}</span
          >
        </h2>
        <booth-grid .booths=${campaign.booths} .stamps=${stamps}></booth-grid>
      </section>
      ${this._scan ? this._renderScanLayer(this._scan, stamps) : nothing}
    `;
  }

  private _renderScanLayer(scan: OpenScan, stamps: ReadonlyMap<string, StampRecord>) {
    return html`<div class="scan-layer" data-testid="scan-layer">
      <scan-view
        .booths=${scan.booths}
        .patternSetId=${scan.patternSetId}
        .artifact=${scan.artifact}
        .collected=${new Set(stamps.keys())}
        .commitStamp=${scan.commitStamp}
      ></scan-view>
    </div>`;
  }

  /** One session per slug while connected (connecting and the first update both ask). */
  private _ensureSession() {
    if (!this.slug || !this.isConnected || this._session?.slug === this.slug) return;
    this._stopSession();
    const session = new VisitorSession({ ...this.sessionOptions, slug: this.slug });
    const offline = new OfflineReadiness({ ...this.readinessOptions, slug: this.slug });
    this._session = session;
    this._offline = offline;
    this._state = session.state;
    this._readiness = offline.state;
    session.addEventListener('change', () => {
      if (this._session !== session) return;
      this._state = session.state;
      this._keepWarm();
      // Download for offline use the version the card now runs on (the applied pair).
      const applied = session.state.bundle?.campaign;
      if (applied && applied !== this._offlineFor) {
        this._offlineFor = applied;
        void offline.ensure(applied);
      }
    });
    offline.addEventListener('change', () => {
      if (this._offline !== offline) return;
      this._readiness = offline.state;
      this._keepWarm();
    });
    void session.start();
  }

  /**
   * Once everything is cached (so the worker's own model and wasm fetches cost no network), the
   * recognizer stays loaded while the card shows: the first camera frames are matched at once.
   */
  private _keepWarm() {
    const set = this._state?.bundle?.patternSet;
    this._warm.keep(this._readiness.kind === 'ready' && set ? set : null);
  }

  private _stopSession() {
    this._warm.keep(null);
    this._session?.stop();
    this._offline?.dispose();
    this._session = null;
    this._offline = null;
    this._offlineFor = null;
    this._scan = null;
  }

  private _onOpenScan = async () => {
    const bundle = this._state?.bundle;
    const set = bundle?.patternSet;
    const session = this._session;
    if (!session || !bundle || !set) return;
    // The model and wasm load while the scan view's code and the camera start, not after them.
    void import('../../../recognition/client/shared-recognizer.js').then((m) =>
      m.prewarmRecognizer(set.patternSetId, set.bytes),
    );
    try {
      // Loaded on first use: camera and recognition code stay out of the card's first paint.
      await import('./scan/scan-view.js');
    } catch {
      this._scanUnavailable = true;
      return;
    }
    // The page may have been closed (or its session replaced) while the scanner's code loaded.
    if (this._session !== session) return;
    // The scanner keeps the set it was opened with, so a background update never swaps it mid-scan.
    this._scan = {
      booths: bundle.campaign.booths,
      patternSetId: set.patternSetId,
      artifact: set.bytes,
      commitStamp: session.commitFor(set.patternSetId),
    };
    // A history entry, so the phone's Back button leaves the scanner instead of the rally.
    history.pushState({ scan: true }, '', '#scan');
  };

  private _closeScan() {
    if (!this._scan) return;
    this._scan = null;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('[data-testid="scan-button"]')?.focus(),
    );
  }

  private _onScanClose = () => {
    if ((history.state as { scan?: boolean } | null)?.scan) history.back();
    else this._closeScan();
  };

  private _onPopState = () => {
    if (!(history.state as { scan?: boolean } | null)?.scan) this._closeScan();
  };

  private _onRetry = () => {
    void this._session?.refresh();
  };

  private _onReadinessRetry = () => {
    void this._offline?.retry();
  };

  private _onConnectivity = () => {
    this._online = navigator.onLine;
  };
}

customElements.define('visitor-page', VisitorPage);

declare global {
  interface HTMLElementTagNameMap {
    'visitor-page': VisitorPage;
  }
}
