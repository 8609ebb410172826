// Path matching of the app router and which link clicks it takes over.
import { afterEach, describe, expect, it } from 'vitest';
import { isAppPath, matchRoute, routableAnchor } from '../../src/app/router.js';

describe('matchRoute', () => {
  it.each([
    ['/', { name: 'landing' }],
    ['/r/demo', { name: 'visitor', slug: 'demo' }],
    ['/r/demo/', { name: 'visitor', slug: 'demo' }],
    ['/r/xmas-2025', { name: 'visitor', slug: 'xmas-2025' }],
    ['/staff', { name: 'staff' }],
    ['/staff/', { name: 'staff' }],
    ['/staff/prizes', { name: 'staff' }],
    ['/admin', { name: 'admin' }],
    ['/admin/campaigns/demo', { name: 'admin' }],
  ])('%s', (path, route) => {
    expect(matchRoute(path)).toEqual(route);
  });

  it.each([
    '/r',
    '/r/',
    '/r/Demo',
    '/r/-bad',
    '/r/demo/extra',
    '/r/%E0%A4%A',
    '/staffing',
    '/nope',
    '/api/v1/campaigns/demo',
    '/demo/posters',
  ])('%s is not found', (path) => {
    expect(matchRoute(path)).toEqual({ name: 'not-found', path });
  });

  it('tells app paths from server paths', () => {
    expect(isAppPath('/r/demo')).toBe(true);
    expect(isAppPath('/demo/posters')).toBe(false);
    expect(isAppPath('/api/health')).toBe(false);
  });
});

describe('routableAnchor', () => {
  afterEach(() => document.body.replaceChildren());

  function clickOn(href: string, init: MouseEventInit = {}, attrs: Record<string, string> = {}) {
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    const anchor = document.createElement('a');
    anchor.href = href;
    for (const [name, value] of Object.entries(attrs)) anchor.setAttribute(name, value);
    anchor.textContent = 'link';
    root.append(anchor);
    document.body.append(host);
    let seen: HTMLAnchorElement | null | undefined;
    document.addEventListener(
      'click',
      (event) => {
        seen = routableAnchor(event);
        event.preventDefault();
      },
      { once: true },
    );
    anchor.dispatchEvent(
      new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, ...init }),
    );
    return { seen, anchor };
  }

  it('takes plain clicks on app links, even inside shadow roots', () => {
    const { seen, anchor } = clickOn('/r/demo');
    expect(seen).toBe(anchor);
  });

  it('leaves server pages, other origins, new tabs and modified clicks to the browser', () => {
    expect(clickOn('/demo/posters').seen).toBeNull();
    expect(clickOn('https://example.com/r/demo').seen).toBeNull();
    expect(clickOn('/r/demo', {}, { target: '_blank' }).seen).toBeNull();
    expect(clickOn('/r/demo', { ctrlKey: true }).seen).toBeNull();
  });
});
