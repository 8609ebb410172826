// The card keeps one recognizer loaded for its current pattern set while visible, and lets it go
// when the set changes, the page is hidden, or the card stops.
import { afterEach, describe, expect, it } from 'vitest';
import { WarmRecognizer } from '../../../src/app/pages/visitor/warm-recognizer.js';

function fakeAcquire() {
  const held = new Map<Uint8Array, number>();
  const log: string[] = [];
  const acquire = async (id: string, bytes: Uint8Array) => {
    log.push(`acquire ${id}`);
    held.set(bytes, (held.get(bytes) ?? 0) + 1);
    return {
      release() {
        log.push(`release ${id}`);
        held.set(bytes, held.get(bytes)! - 1);
      },
    };
  };
  const holding = () => [...held.values()].reduce((a, b) => a + b, 0);
  return { acquire, log, holding };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

afterEach(() => {
  delete (document as { visibilityState?: unknown }).visibilityState;
});

describe('WarmRecognizer', () => {
  it('holds one recognizer per set and swaps it when the set changes', async () => {
    const fake = fakeAcquire();
    const warm = new WarmRecognizer(fake.acquire);
    const first = { patternSetId: 'a', bytes: new Uint8Array([1]) };
    warm.keep(first);
    warm.keep(first);
    await settle();
    expect(fake.log).toEqual(['acquire a']);
    warm.keep({ patternSetId: 'b', bytes: new Uint8Array([2]) });
    await settle();
    // The old set's hold is released once its acquisition settles, whatever the order.
    expect([...fake.log].sort()).toEqual(['acquire a', 'acquire b', 'release a']);
    expect(fake.holding()).toBe(1);
    warm.keep(null);
    await settle();
    expect(fake.holding()).toBe(0);
  });

  it('lets go while the page is hidden and takes it back when visible', async () => {
    const fake = fakeAcquire();
    const warm = new WarmRecognizer(fake.acquire);
    warm.keep({ patternSetId: 'a', bytes: new Uint8Array([1]) });
    await settle();
    setVisibility('hidden');
    await settle();
    expect(fake.holding()).toBe(0);
    setVisibility('visible');
    await settle();
    expect(fake.holding()).toBe(1);
    warm.keep(null);
    // After keep(null) the page's visibility no longer matters.
    setVisibility('hidden');
    setVisibility('visible');
    await settle();
    expect(fake.holding()).toBe(0);
    expect(fake.log).toEqual(['acquire a', 'release a', 'acquire a', 'release a']);
  });

  it('survives a failed load and tries again for the next set', async () => {
    let calls = 0;
    const warm = new WarmRecognizer(async () => {
      calls++;
      throw new Error('model unavailable');
    });
    warm.keep({ patternSetId: 'a', bytes: new Uint8Array([1]) });
    await settle();
    warm.keep({ patternSetId: 'b', bytes: new Uint8Array([2]) });
    await settle();
    expect(calls).toBe(2);
  });
});
