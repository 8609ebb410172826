// Maps URL paths to the app's screens, and turns same-app link clicks into History API navigation.
import { SLUG_PATTERN } from '../shared/campaign.schema.js';

export type Route =
  | { name: 'landing' }
  | { name: 'visitor'; slug: string }
  | { name: 'staff' }
  | { name: 'admin' }
  | { name: 'not-found'; path: string };

/** Fired on window after the app changed the URL itself (pushState does not fire popstate). */
export const NAVIGATE_EVENT = 'stamp-rally:navigate';

function trimTrailingSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

export function matchRoute(pathname: string): Route {
  const path = trimTrailingSlash(pathname);
  if (path === '/') return { name: 'landing' };
  // Staff and organizer screens grow sub-pages later; they all belong to the same screen.
  if (path === '/staff' || path.startsWith('/staff/')) return { name: 'staff' };
  if (path === '/admin' || path.startsWith('/admin/')) return { name: 'admin' };
  const visitor = /^\/r\/([^/]+)$/.exec(path);
  if (visitor) {
    let slug: string;
    try {
      slug = decodeURIComponent(visitor[1]!);
    } catch {
      return { name: 'not-found', path: pathname };
    }
    if (SLUG_PATTERN.test(slug)) return { name: 'visitor', slug };
  }
  return { name: 'not-found', path: pathname };
}

/** Whether a path is one of the app's own screens (the rest, like /api or /demo, is the server's). */
export function isAppPath(pathname: string): boolean {
  return matchRoute(pathname).name !== 'not-found';
}

export function navigate(path: string): void {
  if (path === location.pathname + location.search) return;
  history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/**
 * The anchor a click should be handled by the router for, or null to let the browser do it.
 * composedPath() is used because links live inside shadow roots.
 */
export function routableAnchor(event: MouseEvent): HTMLAnchorElement | null {
  if (event.defaultPrevented || event.button !== 0) return null;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const anchor = event
    .composedPath()
    .find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
  if (!anchor || !anchor.href || anchor.target || anchor.hasAttribute('download')) return null;
  const url = new URL(anchor.href);
  if (url.origin !== location.origin || !isAppPath(url.pathname)) return null;
  return anchor;
}
