// <scan-view> when the camera cannot be used: the fallback panel explains why, offers a photo that
// the same engine (real worker, real model) recognises, and in an in-app browser points to the
// visitor's own browser.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import '../../../src/app/pages/visitor/scan/scan-view.js';
import type { ScanView } from '../../../src/app/pages/visitor/scan/scan-view.js';
import type {
  CommitOutcome,
  ScanDetection,
} from '../../../src/app/pages/visitor/scan/scan-contract.js';
import { DEMO_BOOTHS, demoSet, stubGetUserMedia, waitForState } from './scan-harness.js';
import type { DemoSet } from './scan-harness.js';

const LINE_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Safari Line/13.16.0';

const poster = (name: string) =>
  new URL(`../../../src/server/seed/demo-patterns/${name}.jpg`, import.meta.url).href;

let demo: DemoSet;
const views: ScanView[] = [];

beforeAll(async () => {
  demo = await demoSet();
}, 120_000);

afterEach(() => {
  for (const v of views.splice(0)) v.remove();
  vi.restoreAllMocks();
  delete (navigator as { userAgent?: unknown }).userAgent;
});

function denyCamera(name = 'NotAllowedError') {
  return stubGetUserMedia(() => Promise.reject(new DOMException('blocked', name)));
}

function openView(commit?: (d: ScanDetection) => Promise<CommitOutcome>): ScanView {
  const view = document.createElement('scan-view');
  view.booths = DEMO_BOOTHS;
  view.patternSetId = 'demo-set';
  view.artifact = demo.artifact;
  view.commitStamp = commit ?? (() => Promise.reject(new Error('commit must not be called')));
  document.body.append(view);
  views.push(view);
  return view;
}

const shadow = (view: ScanView) => view.shadowRoot!;

async function choosePhoto(view: ScanView, file: File) {
  const input = shadow(view).querySelector<HTMLInputElement>('input[type="file"]')!;
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

async function posterFile(name: string): Promise<File> {
  const blob = await (await fetch(poster(name))).blob();
  return new File([blob], `${name}.jpg`, { type: 'image/jpeg' });
}

describe('<scan-view> camera fallbacks', () => {
  it('explains a denied camera and offers a photo input for the rear camera', async () => {
    denyCamera();
    const view = openView();
    await waitForState(view, ['fallback']);
    expect(view.dataset['cameraProblem']).toBe('denied');
    expect(view.dataset['camera']).toBe('off');
    const root = shadow(view);
    expect(root.querySelector('#fallback-heading')!.textContent).toContain(
      'Camera access is blocked',
    );
    const input = root.querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(input.accept).toBe('image/*');
    expect(input.getAttribute('capture')).toBe('environment');
    expect(input.closest('label')!.textContent).toContain('Take a photo');
    await view.updateComplete;
    expect(root.activeElement?.id).toBe('fallback-heading');
  });

  it('tells "no camera" and a missing getUserMedia apart', async () => {
    denyCamera('NotFoundError');
    const view = openView();
    await waitForState(view, ['fallback']);
    expect(view.dataset['cameraProblem']).toBe('no-camera');
    view.remove();

    vi.restoreAllMocks();
    vi.spyOn(navigator, 'mediaDevices', 'get').mockReturnValue(undefined as never);
    const other = openView();
    await waitForState(other, ['fallback']);
    expect(other.dataset['cameraProblem']).toBe('unsupported');
  });

  it('recognises a demo poster photo with the same engine and commits it as a photo stamp', async () => {
    denyCamera();
    const commits: ScanDetection[] = [];
    const view = openView(async (d) => {
      commits.push(d);
      return { kind: 'stamped' };
    });
    await waitForState(view, ['fallback']);
    await choosePhoto(view, await posterFile('hot-cocoa-cafe'));
    await waitForState(view, ['stamped']);
    expect(commits).toEqual([
      expect.objectContaining({
        boothId: 'hot-cocoa-cafe',
        evidence: expect.objectContaining({ source: 'photo', frames: 1 }),
      }),
    ]);
    expect(shadow(view).querySelector('stamp-celebration')).not.toBeNull();
    // Back to the fallback panel, not to a camera that does not work.
    shadow(view).querySelector<HTMLButtonElement>('[data-action="continue"]')!.click();
    await waitForState(view, ['fallback']);
  }, 120_000);

  it('says so when a photo shows no booth, and when the file is not a readable image', async () => {
    denyCamera();
    const view = openView();
    await waitForState(view, ['fallback']);
    await choosePhoto(view, await posterFile('toy-train-station'));
    await waitForState(view, ['photo-no-match']);
    expect(shadow(view).textContent).toContain('No booth poster found');

    await choosePhoto(view, new File(['not a jpeg at all'], 'broken.jpg', { type: 'image/jpeg' }));
    await waitForState(view, ['photo-error']);
    expect(shadow(view).textContent).toContain('could not be read');

    await choosePhoto(view, new File(['hello'], 'notes.txt', { type: 'text/plain' }));
    await vi.waitFor(() => expect(shadow(view).textContent).toContain('not a photo'));
  }, 120_000);

  it("in an in-app browser, points to the visitor's own browser with a copyable link", async () => {
    Object.defineProperty(navigator, 'userAgent', { value: LINE_UA, configurable: true });
    stubGetUserMedia(() => Promise.reject(new DOMException('no', 'NotAllowedError')));
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    const view = openView();
    await waitForState(view, ['fallback']);
    const hint = shadow(view).querySelector<HTMLElement>('[data-in-app]')!;
    expect(hint.dataset['inApp']).toBe('line');
    expect(hint.textContent).toContain("LINE's built-in browser");
    const link = hint.querySelector('a')!;
    expect(new URL(link.href).searchParams.get('openExternalBrowser')).toBe('1');
    hint.querySelector('button')!.click();
    await vi.waitFor(() => expect(hint.textContent).toContain('Link copied'));
    expect(writeText).toHaveBeenCalledWith(link.href);
    // The photo is still offered.
    expect(shadow(view).querySelector('input[type="file"]')).not.toBeNull();
  });
});
