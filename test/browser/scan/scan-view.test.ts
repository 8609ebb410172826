// <scan-view> with the real recognition worker and model in Chromium: demo-poster frames played
// through a canvas "camera" go the same way as camera frames (video → canvas → worker), and the view
// confirms, commits and celebrates only as the frame agreement and the commit outcome allow.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import '../../../src/app/pages/visitor/scan/scan-view.js';
import type { ScanView } from '../../../src/app/pages/visitor/scan/scan-view.js';
import type { StampCelebration } from '../../../src/app/pages/visitor/scan/stamp-celebration.js';
import type {
  CommitOutcome,
  ScanDetection,
} from '../../../src/app/pages/visitor/scan/scan-contract.js';
import { REQUIRED_FRAMES } from '../../../src/app/pages/visitor/scan/scan-feedback.js';
import {
  DEMO_BOOTHS,
  FakeCamera,
  darkFrame,
  demoSet,
  recordStates,
  stubGetUserMedia,
  waitForState,
} from './scan-harness.js';
import type { DemoSet } from './scan-harness.js';

let demo: DemoSet;
let camera: FakeCamera;
const views: ScanView[] = [];

beforeAll(async () => {
  demo = await demoSet();
}, 120_000);

afterEach(() => {
  for (const v of views.splice(0)) v.remove();
  camera?.dispose();
  vi.restoreAllMocks();
  delete (navigator as { vibrate?: unknown }).vibrate;
});

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function openView(options: {
  commit?: (d: ScanDetection) => Promise<CommitOutcome>;
  collected?: string[];
}): ScanView {
  const view = document.createElement('scan-view');
  view.booths = DEMO_BOOTHS;
  view.patternSetId = 'demo-set';
  view.artifact = demo.artifact;
  view.collected = new Set(options.collected ?? []);
  view.commitStamp =
    options.commit ?? (() => Promise.reject(new Error('commit must not be called')));
  document.body.append(view);
  views.push(view);
  return view;
}

function liveCamera(frame: keyof DemoSet['frames'] | 'dark') {
  camera = new FakeCamera();
  camera.show(frame === 'dark' ? darkFrame() : demo.frames[frame]!);
  return stubGetUserMedia(async () => camera.open());
}

const shadow = (view: ScanView) => view.shadowRoot!;

describe('<scan-view> live scanning', () => {
  it('confirms a poster only after consecutive agreeing frames, and celebrates only after the commit', async () => {
    const getUserMedia = liveCamera('santa tilted');
    const commit = deferred<CommitOutcome>();
    const commits: ScanDetection[] = [];
    const vibrate = vi.fn(() => true);
    Object.defineProperty(navigator, 'vibrate', { value: vibrate, configurable: true });
    const view = openView({
      commit: (d) => {
        commits.push(d);
        return commit.promise;
      },
    });
    const states = recordStates(view);

    await waitForState(view, ['confirmed']);
    expect(getUserMedia).toHaveBeenCalledWith(
      expect.objectContaining({
        video: expect.objectContaining({ facingMode: { ideal: 'environment' } }),
      }),
    );
    expect(states.slice(0, 1)).toEqual(['starting']);
    expect(states).toContain('holding');
    expect(states.indexOf('holding')).toBeLessThan(states.indexOf('confirmed'));
    expect(commits).toHaveLength(1);
    expect(commits[0]!.boothId).toBe('santa-workshop');
    expect(commits[0]!.evidence).toMatchObject({ source: 'camera', frames: REQUIRED_FRAMES });
    expect(commits[0]!.score).toBeGreaterThan(0);
    // Not stored yet: no celebration, no haptic.
    await new Promise((r) => setTimeout(r, 300));
    expect(shadow(view).querySelector('stamp-celebration')).toBeNull();
    expect(vibrate).not.toHaveBeenCalled();

    commit.resolve({ kind: 'stamped' });
    await waitForState(view, ['stamped']);
    await view.updateComplete;
    const celebration = shadow(view).querySelector<StampCelebration>('stamp-celebration')!;
    expect(celebration).not.toBeNull();
    expect(celebration.boothName).toBe('Santa Workshop');
    expect(vibrate).toHaveBeenCalledOnce();
    expect(commits).toHaveLength(1);

    const stats = view.scanStats;
    expect(stats.frames).toBeGreaterThanOrEqual(REQUIRED_FRAMES);
    // This Chromium has no WebGPU adapter: the worker's 'auto' choice stays on WASM.
    expect(stats.backend).toBe('wasm');
    console.info(
      `[scan-view] ${stats.frames} frames, ${stats.framesPerSecond.toFixed(1)} frames/s seen by the view, ` +
        `${stats.meanMatchMs.toFixed(1)} ms/frame in the worker`,
    );

    // Scanning on: the same booth again is "already stamped" without a second commit.
    shadow(view).querySelector<HTMLButtonElement>('[data-action="continue"]')!.click();
    await waitForState(view, ['already']);
    expect(commits).toHaveLength(1);
    expect(shadow(view).querySelector('stamp-celebration')).toBeNull();
  }, 120_000);

  it('says "already stamped" for a collected booth without committing', async () => {
    liveCamera('cocoa frontal');
    const view = openView({ collected: ['hot-cocoa-cafe'] });
    await waitForState(view, ['already']);
    expect(shadow(view).querySelector('#result-heading')!.textContent).toContain('Already stamped');
    expect(shadow(view).querySelector('stamp-celebration')).toBeNull();
  }, 120_000);

  it('shows the card\'s "already" and "failed" outcomes without a celebration, then scans again', async () => {
    liveCamera('cocoa frontal');
    const outcomes: CommitOutcome[] = [
      { kind: 'failed', message: 'Storage is full' },
      { kind: 'already' },
    ];
    const view = openView({ commit: async () => outcomes.shift()! });
    await waitForState(view, ['failed']);
    expect(shadow(view).textContent).toContain('Storage is full');
    expect(shadow(view).querySelector('stamp-celebration')).toBeNull();

    shadow(view).querySelector<HTMLButtonElement>('[data-action="continue"]')!.click();
    await waitForState(view, ['searching', 'holding', 'confirmed', 'already']);
    await waitForState(view, ['already']);
    expect(outcomes).toHaveLength(0);
    expect(shadow(view).querySelector('stamp-celebration')).toBeNull();
  }, 120_000);

  it('keeps searching on frames without a booth: no hold, no commit', async () => {
    liveCamera('train (not in set)');
    const view = openView({});
    const states = recordStates(view);
    await vi.waitFor(
      () => {
        if (view.scanStats.frames < 12) throw new Error(`${view.scanStats.frames} frames`);
      },
      { timeout: 90_000, interval: 50 },
    );
    expect(states.filter((s) => !['starting', 'searching', 'too-far'].includes(s))).toEqual([]);
    const stats = view.scanStats;
    console.info(
      `[scan-view] steady state: ${stats.frames} frames, ${stats.framesPerSecond.toFixed(1)} frames/s ` +
        `seen by the view, ${stats.meanMatchMs.toFixed(1)} ms/frame in the worker`,
    );
    expect(view.dataset['state']).not.toBe('confirmed');
  }, 120_000);

  it('tells the visitor when the picture is too dark', async () => {
    liveCamera('dark');
    const view = openView({});
    await waitForState(view, ['too-dark']);
    expect(shadow(view).querySelector('.feedback')!.textContent).toContain('Too dark');
  }, 120_000);
});

describe('<scan-view> camera lifecycle', () => {
  it('stops the camera on close (button and Escape) and fires scan-close', async () => {
    liveCamera('train (not in set)');
    const view = openView({});
    await waitForState(view, ['searching', 'too-far']);
    const stream = view.cameraStream!;
    const closed = vi.fn();
    view.addEventListener('scan-close', closed);
    document.body.addEventListener('scan-close', closed);
    shadow(view).querySelector<HTMLButtonElement>('.close')!.click();
    expect(closed).toHaveBeenCalledTimes(2); // bubbles up to the page
    expect(stream.getTracks().every((t) => t.readyState === 'ended')).toBe(true);
    expect(view.cameraStream).toBeNull();

    const again = openView({});
    await waitForState(again, ['searching', 'too-far']);
    const second = again.cameraStream!;
    const escaped = vi.fn();
    again.addEventListener('scan-close', escaped);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(escaped).toHaveBeenCalledOnce();
    expect(second.getTracks().every((t) => t.readyState === 'ended')).toBe(true);
  }, 120_000);

  it('stops the camera while the page is hidden and restarts it when visible', async () => {
    const getUserMedia = liveCamera('train (not in set)');
    const view = openView({});
    await waitForState(view, ['searching', 'too-far']);
    const first = view.cameraStream!;
    let visibility: DocumentVisibilityState = 'hidden';
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => visibility,
    });
    try {
      document.dispatchEvent(new Event('visibilitychange'));
      expect(first.getTracks().every((t) => t.readyState === 'ended')).toBe(true);
      await waitForState(view, ['paused']);
      expect(view.dataset['camera']).toBe('off');

      visibility = 'visible';
      document.dispatchEvent(new Event('visibilitychange'));
      await waitForState(view, ['searching', 'too-far']);
      expect(getUserMedia).toHaveBeenCalledTimes(2);
      expect(view.cameraStream).not.toBe(first);
      expect(view.cameraStream!.getVideoTracks()[0]!.readyState).toBe('live');
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
    }
    const last = view.cameraStream!;
    view.remove();
    expect(last.getTracks().every((t) => t.readyState === 'ended')).toBe(true);
  }, 120_000);
});
