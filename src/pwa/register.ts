// Registers the service worker (production builds only) and asks before swapping in a new version.
import { Workbox } from 'workbox-window';
import { UPDATE_ACCEPTED_EVENT } from './update-prompt.js';
import './update-prompt.js';

/**
 * Same-origin API requests (campaign, thumbnails) the page made before the worker controlled it. The worker
 * never saw them, so they are handed to it to cache: the first visit's card then opens offline.
 */
function urlsLoadedBeforeControl(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((url) => {
      const { origin, pathname } = new URL(url);
      return origin === location.origin && pathname.startsWith('/api/v1/');
    });
}

/** The visitor's scanner is open (it keeps a #scan history entry while it is, see visitor-page). */
const scanning = () => location.hash === '#scan';

function showUpdatePrompt(wb: Workbox): void {
  if (document.querySelector('update-prompt')) return;
  if (scanning()) {
    // Never interrupt a scan: ask once the visitor is back on the card.
    const retry = () => {
      if (scanning()) return;
      window.removeEventListener('popstate', retry);
      window.removeEventListener('hashchange', retry);
      showUpdatePrompt(wb);
    };
    window.addEventListener('popstate', retry);
    window.addEventListener('hashchange', retry);
    return;
  }
  const prompt = document.createElement('update-prompt');
  prompt.addEventListener(UPDATE_ACCEPTED_EVENT, () => {
    // Reload only once the new worker has taken over, so the page loads with matching assets.
    wb.addEventListener('controlling', () => window.location.reload());
    wb.messageSkipWaiting();
    prompt.remove();
  });
  document.body.append(prompt);
}

export function registerServiceWorker(): void {
  // In dev the worker would cache Vite's unbundled modules and get in the way of HMR.
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const wb = new Workbox('/sw.js', { scope: '/' });
  // Never reload on our own: a visitor may be mid-scan. The new worker waits until they agree.
  wb.addEventListener('waiting', () => showUpdatePrompt(wb));
  wb.addEventListener('activated', (event) => {
    if (event.isUpdate) return;
    void wb.messageSW({ type: 'CACHE_URLS', payload: { urlsToCache: urlsLoadedBeforeControl() } });
  });
  wb.register().catch((error: unknown) => {
    console.warn('service worker registration failed', error);
  });
}
