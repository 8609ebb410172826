// <visitor-page> against a stubbed fetch: the loaded card, and the not-found and error states.
import { deleteDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../src/app/pages/visitor/visitor-page.js';
import type { VisitorPage } from '../../src/app/pages/visitor/visitor-page.js';
import { campaignFixture, jsonResponse } from './campaign-fixture.js';

const dbNames: string[] = [];

/** Each page gets its own database, so no test sees another's cached card. */
function mount(slug: string): VisitorPage {
  const page = document.createElement('visitor-page');
  const dbName = `visitor-page-${crypto.randomUUID()}`;
  dbNames.push(dbName);
  page.sessionOptions = { dbName };
  page.readinessOptions = { store: null };
  page.slug = slug;
  document.body.append(page);
  return page;
}

/** Text of an element and all shadow roots below it, as a user would read it. */
function deepText(node: Node): string {
  let text = node.nodeType === Node.TEXT_NODE ? (node.textContent ?? '') : '';
  if (node instanceof Element && node.shadowRoot) text += deepText(node.shadowRoot);
  for (const child of node.childNodes) text += deepText(child);
  return text.replace(/\s+/g, ' ');
}

afterEach(async () => {
  document.body.replaceChildren();
  vi.unstubAllGlobals();
  for (const name of dbNames.splice(0)) await deleteDB(name);
});

describe('<visitor-page>', () => {
  it('shows the campaign, its prize tiers and one card cell per booth', async () => {
    const fetch = vi.fn(async () => jsonResponse(campaignFixture));
    vi.stubGlobal('fetch', fetch);
    const page = mount('xmas');
    await page.updateComplete;
    expect(deepText(page)).toContain('Loading your stamp card');

    await vi.waitFor(() => expect(deepText(page)).toContain('Christmas Market Rally'));
    expect(fetch).toHaveBeenCalledWith('/api/v1/campaigns/xmas', expect.anything());
    const text = deepText(page);
    expect(text).toContain('Happening now');
    expect(text).toContain('0 of 3 stamps');
    expect(text).toContain('Gold prize');
    expect(text).toContain('5 left');
    expect(text).toContain('(Asia/Taipei)');

    const grid = page.shadowRoot!.querySelector('booth-grid')!;
    await grid.updateComplete;
    const cells = [...grid.shadowRoot!.querySelectorAll('li')];
    expect(cells.map((cell) => cell.querySelector('h3')!.textContent)).toEqual([
      'Santa Workshop',
      'Cocoa Cafe',
      'Toy Train',
    ]);
    expect(cells[0]!.querySelector('img')!.getAttribute('src')).toBe(
      campaignFixture.booths[1]!.thumbnailUrl,
    );
    expect(cells[1]!.querySelector('img')).toBeNull();
    expect(cells[0]!.textContent).toContain('Hint for Santa Workshop');
    expect(cells.every((cell) => cell.textContent!.includes('Not yet collected'))).toBe(true);
  });

  it('shows the dates in the campaign timezone', async () => {
    vi.stubGlobal('fetch', async () => jsonResponse(campaignFixture));
    const page = mount('xmas');
    // 02:00Z is 10:00 in Taipei, whatever timezone the test machine has.
    await vi.waitFor(() => expect(deepText(page)).toMatch(/Dec 1, 2020,? 10:00\sAM/));
  });

  it('says so when the campaign does not exist', async () => {
    vi.stubGlobal('fetch', async () =>
      jsonResponse({ error: { code: 'not_found', message: 'Campaign not found' } }, 404),
    );
    const page = mount('nope');
    await vi.waitFor(() => expect(deepText(page)).toContain('This rally does not exist'));
    expect(page.shadowRoot!.querySelector('button')).toBeNull();
  });

  it('offers a retry when the reply is unusable, and recovers', async () => {
    const fetch = vi
      .fn<() => Promise<Response>>()
      .mockResolvedValueOnce(jsonResponse({ v: 99 }))
      .mockResolvedValueOnce(jsonResponse(campaignFixture));
    vi.stubGlobal('fetch', fetch);
    const page = mount('xmas');
    await vi.waitFor(() => expect(deepText(page)).toContain('could not be loaded'));
    page.shadowRoot!.querySelector<HTMLButtonElement>('button')!.click();
    await vi.waitFor(() => expect(deepText(page)).toContain('Christmas Market Rally'));
  });

  it('shows the error state when the network fails', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const page = mount('xmas');
    await vi.waitFor(() => expect(deepText(page)).toMatch(/could not be loaded|You are offline/));
  });
});
