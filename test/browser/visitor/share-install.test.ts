// Sharing the rally (Web Share, or copy + QR without it) and "Add to home screen" in real Chromium.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { create } from 'qrcode';
import '../../../src/app/pages/visitor/share-panel.js';
import '../../../src/app/pages/visitor/install-prompt.js';
import { isIosSafari } from '../../../src/app/pages/visitor/install-prompt.js';

const URL_TO_SHARE = 'https://rally.example/r/xmas';

function setShare(share: Navigator['share'] | undefined) {
  Object.defineProperty(navigator, 'share', { value: share, configurable: true, writable: true });
}

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
  // Back to the browser's own (own-property shadowing removed).
  delete (navigator as { share?: unknown }).share;
});

async function mountShare() {
  const panel = document.createElement('share-panel');
  panel.url = URL_TO_SHARE;
  panel.shareTitle = 'Christmas Market Rally';
  document.body.append(panel);
  await panel.updateComplete;
  const root = panel.shadowRoot!;
  root.querySelector<HTMLButtonElement>('[data-testid="share-button"]')!.click();
  return { panel, root };
}

describe('<share-panel>', () => {
  it('without Web Share: copies the link and shows a QR code of it', async () => {
    setShare(undefined);
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    const { root } = await mountShare();
    await vi.waitFor(() => expect(root.querySelector('[data-testid="share-qr"]')).not.toBeNull());
    expect(writeText).toHaveBeenCalledWith(URL_TO_SHARE);
    const fallback = root.querySelector('[data-testid="share-fallback"]')!;
    expect(fallback.textContent).toContain('Link copied');
    expect(fallback.querySelector('a')!.getAttribute('href')).toBe(URL_TO_SHARE);

    const img = root.querySelector<HTMLImageElement>('[data-testid="share-qr"]')!;
    await img.decode();
    expect(img.naturalWidth).toBeGreaterThan(0);
    expect(img.alt).not.toBe('');
    // The image is the QR symbol of this very link: same module count (plus the 2-module margin).
    const svg = decodeURIComponent(img.src.slice(img.src.indexOf(',') + 1));
    const size = create(URL_TO_SHARE, { errorCorrectionLevel: 'M' }).modules.size;
    expect(svg).toContain(`viewBox="0 0 ${size + 4} ${size + 4}"`);
  });

  it('without clipboard access: still shows the link and the QR code to copy by hand', async () => {
    setShare(undefined);
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(
      new DOMException('no', 'NotAllowedError'),
    );
    const { root } = await mountShare();
    await vi.waitFor(() => expect(root.querySelector('[data-testid="share-qr"]')).not.toBeNull());
    expect(root.querySelector('[data-testid="share-fallback"]')!.textContent).toContain(
      'Copy this link',
    );
  });

  it('with Web Share: opens the share sheet with the campaign link, no fallback', async () => {
    const share = vi.fn(async () => {});
    setShare(share);
    const { root } = await mountShare();
    await vi.waitFor(() => expect(share).toHaveBeenCalledOnce());
    expect(share).toHaveBeenCalledWith({ title: 'Christmas Market Rally', url: URL_TO_SHARE });
    expect(root.querySelector('[data-testid="share-fallback"]')).toBeNull();
  });
});

describe('<install-prompt>', () => {
  function fakePromptEvent(outcome: 'accepted' | 'dismissed') {
    const event = new Event('beforeinstallprompt', { cancelable: true });
    const prompt = vi.fn(async () => {});
    Object.assign(event, { prompt, userChoice: Promise.resolve({ outcome }) });
    return { event, prompt };
  }

  it('offers the browser install prompt once it is available, until installed', async () => {
    const element = document.createElement('install-prompt');
    document.body.append(element);
    await element.updateComplete;
    const button = () =>
      element.shadowRoot!.querySelector<HTMLButtonElement>('[data-testid="install-button"]');
    // Desktop Chromium, not installable yet (and not iOS): nothing to offer.
    expect(button()).toBeNull();

    const dismissed = fakePromptEvent('dismissed');
    window.dispatchEvent(dismissed.event);
    expect(dismissed.event.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(button()).not.toBeNull());
    button()!.click();
    await vi.waitFor(() => expect(dismissed.prompt).toHaveBeenCalledOnce());
    // A prompt event is single-use: the offer returns only with the next one.
    await vi.waitFor(() => expect(button()).toBeNull());

    const accepted = fakePromptEvent('accepted');
    window.dispatchEvent(accepted.event);
    await vi.waitFor(() => expect(button()).not.toBeNull());
    button()!.click();
    await vi.waitFor(() => expect(accepted.prompt).toHaveBeenCalledOnce());
    await vi.waitFor(() => expect(button()).toBeNull());
    window.dispatchEvent(fakePromptEvent('accepted').event);
    await element.updateComplete;
    expect(button()).toBeNull();
  });

  it('recognises iOS Safari (which gets the Share → Add to Home Screen hint)', () => {
    const iphoneSafari =
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
    const iphoneChrome =
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/122.0 Mobile/15E148 Safari/604.1';
    const ipadDesktopMode =
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';
    expect(isIosSafari(iphoneSafari, 5)).toBe(true);
    expect(isIosSafari(iphoneChrome, 5)).toBe(false);
    expect(isIosSafari(ipadDesktopMode, 5)).toBe(true);
    expect(isIosSafari(ipadDesktopMode, 0)).toBe(false);
    expect(isIosSafari(navigator.userAgent, navigator.maxTouchPoints)).toBe(false);
  });
});
