// Keeps the recognition worker loaded with the card's pattern set while the card is on screen, so a
// scan starts matching with the camera's first frames instead of waiting for the model to load.
import type { Recognizer } from '../../../recognition/client/shared-recognizer.js';

interface WarmSet {
  patternSetId: string;
  bytes: Uint8Array;
}

type Acquire = (patternSetId: string, bytes: Uint8Array) => Promise<Pick<Recognizer, 'release'>>;

// Loaded on first use: the worker bridge stays out of the card's first paint.
const acquireShared: Acquire = (patternSetId, bytes) =>
  import('../../../recognition/client/shared-recognizer.js').then((m) =>
    m.acquireRecognizer(patternSetId, bytes),
  );

export class WarmRecognizer {
  constructor(private readonly acquire: Acquire = acquireShared) {}

  #want: WarmSet | null = null;
  #heldFor: Uint8Array | null = null;
  #held: Promise<Pick<Recognizer, 'release'> | null> | null = null;

  /** The set to keep loaded, or null for none (also stops watching the page's visibility). */
  keep(set: WarmSet | null): void {
    // A hidden tab lets the worker go (after the shared grace period): memory back to the phone.
    if (set && !this.#want) document.addEventListener('visibilitychange', this.#sync);
    if (!set) document.removeEventListener('visibilitychange', this.#sync);
    this.#want = set;
    this.#sync();
  }

  #sync = (): void => {
    const want = document.visibilityState === 'visible' ? this.#want : null;
    if ((want?.bytes ?? null) === this.#heldFor) return;
    this.#release();
    if (!want) return;
    this.#heldFor = want.bytes;
    this.#held = this.acquire(want.patternSetId, want.bytes)
      // Warming is an optimisation: the scan view loads (and reports a failure) on its own.
      .catch(() => null);
  };

  #release(): void {
    const held = this.#held;
    this.#held = null;
    this.#heldFor = null;
    void held?.then((recognizer) => recognizer?.release());
  }
}
