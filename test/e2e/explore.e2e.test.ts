// The analyst's main screen against the real server, in Debian's Chromium: the map (MapLibre, WebGL),
// the list, the timeline's brush, the filters, an event with its evidence, and the phone layout.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident } from '../../src/domain/incident.js';
import type { StoredClaim, StoredEvent } from '../../src/domain/types.js';
import {
  getJson,
  launchBrowser,
  openPage,
  screenshot,
  SERVER_START_MS,
  startServer,
  type Server,
} from './harness.js';

interface EventPage {
  items: StoredEvent[];
  total: number;
  nextCursor?: string | null;
}
interface EventDetail extends StoredEvent {
  source: { text: string; outlet: string | null };
  claims: StoredClaim[];
  incident: { id: string; grade: { value: string }; members: { eventId: string }[] } | null;
}
interface Facets {
  countries: { value: string; name: string; count: number }[];
}

const PAGE_SIZE = 50; // the list's page (web/src/components/explore/EventList.tsx)

let server: Server;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let workers: string[];
const errors: string[] = [];

const rows = (p: Page = page) => p.getByTestId('event-row');
const mapEvents = async (p: Page = page): Promise<number | null> => {
  const value = await p.getByTestId('map').getAttribute('data-event-count');
  return value === null ? null : Number(value);
};
const api = <T>(path: string) => getJson<T>(server.url, path);
const located = (items: StoredEvent[]) => items.filter((e) => e.location).length;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ context, page, workers } = await openPage(browser, server.url, errors));
}, SERVER_START_MS + 30_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 30_000);

describe('the map, the timeline and the list', () => {
  it('shows every event on the map and a page of them in the list, with more on demand', async () => {
    const all = await api<EventPage>('api/events?limit=1000');
    expect(all.total).toBeGreaterThan(PAGE_SIZE); // the demo corpus needs a second page
    await expect.poll(() => rows().count()).toBe(PAGE_SIZE);
    await expect.poll(() => page.getByTestId('event-count').textContent()).toContain(`${all.total} events`);
    // the map fits itself to the events: every located event is in view
    await expect.poll(() => mapEvents(), { timeout: 20_000 }).toBe(located(all.items));
    await expect.poll(() => page.getByTestId('map-marker').count()).toBeGreaterThan(0);
    // MapLibre's worker is a file of the build on the server's origin (no blob: worker for the CSP)
    expect(
      workers.some((w) => w.startsWith(server.url) && /\/assets\/maplibre-gl-worker-[\w-]+\.mjs/.test(w)),
    ).toBe(true);

    await page.getByRole('button', { name: 'Show more' }).click();
    await expect.poll(() => rows().count()).toBe(all.total);
    await expect(page.getByRole('button', { name: 'Show more' }).count()).resolves.toBe(0);
    const shown = await rows().evaluateAll((li) => li.map((x) => x.getAttribute('data-event-id')));
    expect(new Set(shown).size).toBe(all.total); // no event twice across pages
  }, 90_000);

  it('narrows the map, the list and the export links to the chosen country', async () => {
    const facets = await api<Facets>('api/facets');
    const country = [...facets.countries].sort((a, b) => b.count - a.count)[0];
    if (!country) throw new Error('/api/facets lists no countries');
    const expected = await api<EventPage>(`api/events?country=${country.value}&limit=1000`);
    expect(expected.total).toBeGreaterThan(0);

    await page.getByLabel('Country', { exact: true }).selectOption(country.value);
    await expect.poll(() => rows().count()).toBe(Math.min(expected.total, PAGE_SIZE));
    for (const text of await rows().allTextContents()) expect(text).toContain(country.name);
    await expect.poll(() => mapEvents(), { timeout: 20_000 }).toBe(located(expected.items));
    await expect(page.locator('#export-geojson').getAttribute('href')).resolves.toContain(
      `country=${country.value}`,
    );
    expect(new URL(page.url()).searchParams.get('country')).toBe(country.value);

    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await expect.poll(() => rows().count()).toBe(PAGE_SIZE);
  }, 60_000);

  it('narrows by an actor picked from the suggestions, a grade, a region and fatalities', async () => {
    const count = async (query: string) => (await api<EventPage>(`api/events?${query}&limit=1000`)).total;
    const expectRows = async (query: string) => {
      const total = await count(query);
      expect(total, query).toBeGreaterThan(0);
      await expect
        .poll(() => page.getByTestId('event-count').textContent(), { message: query })
        .toMatch(new RegExp(`^${total} events?`));
      await expect.poll(() => rows().count(), { message: query }).toBe(Math.min(total, PAGE_SIZE));
    };

    const actors = await api<{ items: { name: string; events: number }[] }>('api/actors?limit=50');
    const actor = actors.items.find((a) => a.events > 1 && a.name.length > 6);
    if (!actor) throw new Error('/api/actors lists no actor with more than one event');
    const actorField = page.getByLabel('Actor', { exact: true });
    await actorField.fill(actor.name.slice(0, 5));
    await expect
      .poll(() => page.locator(`datalist option[value="${actor.name}"]`).count(), { timeout: 10_000 })
      .toBe(1);
    await actorField.fill(actor.name); // the value of a suggestion: applied at once
    await expectRows(`actor=${encodeURIComponent(actor.name)}`);

    const grade = 'contested';
    await page.getByLabel('Grade', { exact: true }).selectOption(grade);
    if ((await count(`actor=${encodeURIComponent(actor.name)}&grade=${grade}`)) > 0)
      await expectRows(`actor=${encodeURIComponent(actor.name)}&grade=${grade}`);
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await expect.poll(() => actorField.inputValue()).toBe('');

    const places = await api<{ items: { countryCode: string; admin1: string | null; events: number }[] }>(
      'api/places?limit=100',
    );
    const place = places.items.find((p) => p.admin1 && p.events > 1);
    if (!place?.admin1) throw new Error('/api/places lists no region with events');
    await page.getByLabel('Country', { exact: true }).selectOption(place.countryCode);
    const region = page.getByLabel('Region (admin1)', { exact: true });
    await region.fill(place.admin1);
    await region.press('Enter');
    await expectRows(`country=${place.countryCode}&admin1=${encodeURIComponent(place.admin1)}`);
    await page.getByRole('button', { name: 'Reset', exact: true }).click();

    await page.getByLabel('Fatalities', { exact: true }).selectOption('true');
    await expectRows('hasFatalities=true');
    await page.getByLabel('Fatalities', { exact: true }).selectOption('false');
    await expectRows('hasFatalities=false');
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await expect.poll(() => rows().count()).toBe(PAGE_SIZE);
  }, 60_000);

  it('filters the map and the list by the date range dragged on the timeline', async () => {
    const all = await api<EventPage>('api/events?limit=1000');
    await expect.poll(() => mapEvents(), { timeout: 20_000 }).toBe(located(all.items));

    const brush = page.getByTestId('timeline-brush');
    const box = await brush.boundingBox();
    if (!box) throw new Error('the timeline brush has no box');
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.45, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.85, y, { steps: 8 });
    await page.mouse.up();

    const from = page.getByLabel('From', { exact: true });
    const to = page.getByLabel('To', { exact: true });
    await expect.poll(() => from.inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expect.poll(() => to.inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const [fromValue, toValue] = [await from.inputValue(), await to.inputValue()];
    expect(fromValue < toValue).toBe(true);

    const ranged = await api<EventPage>(`api/events?from=${fromValue}&to=${toValue}&limit=1000`);
    expect(ranged.total).toBeGreaterThan(0);
    expect(ranged.total).toBeLessThan(all.total);
    await expect.poll(() => page.getByTestId('event-count').textContent()).toContain(`${ranged.total} event`);
    await expect.poll(() => rows().count()).toBe(Math.min(ranged.total, PAGE_SIZE));
    await expect.poll(() => mapEvents(), { timeout: 20_000 }).toBe(located(ranged.items));
    for (const id of await rows().evaluateAll((li) => li.map((x) => x.getAttribute('data-event-id'))))
      expect(ranged.items.map((e) => e.id)).toContain(id);

    await page.waitForLoadState('networkidle');
    await screenshot(page, 'explore-1280');
  }, 60_000);
});

describe('an event', () => {
  it('opens from the list, with its evidence highlighted in the report and its incident', async () => {
    const listed = await api<EventPage>('api/events?limit=1000');
    const target = listed.items.find(
      (e) => e.evidence.some((ev) => ev.field === 'location') && e.claimIds.length > 0,
    );
    if (!target) throw new Error('no event has location evidence and a claim');
    const detail = await api<EventDetail>(`api/events/${encodeURIComponent(target.id)}`);
    const location = detail.evidence.find((ev) => ev.field === 'location');
    if (!location) throw new Error(`event ${target.id} lost its location evidence`);
    expect(detail.source.text.slice(location.start, location.end)).toBe(location.text);

    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await page.getByRole('button', { name: 'Show more' }).click();
    await page.locator(`[data-testid="event-row"][data-event-id="${target.id}"] a`).click();

    const eventPage = page.getByTestId('event-page');
    const sourceText = eventPage.locator('.source-text');
    await sourceText.waitFor();
    expect(page.url()).toContain(`#/events/${encodeURIComponent(target.id)}`);
    // highlighting wraps the text, never changes it
    await expect(sourceText.textContent()).resolves.toBe(detail.source.text);
    const marks = await sourceText.locator('mark[data-field="location"]').allTextContents();
    expect(marks.join(' ')).toContain(location.text);
    await expect(eventPage.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      `${detail.eventType} / ${detail.subEventType}`,
    );

    // the legend names the fields; pointing at a passage says which field it supports
    await expect(eventPage.getByRole('list', { name: 'Evidence fields' }).textContent()).resolves.toContain(
      'Location',
    );
    await sourceText.locator('mark[data-field="location"]').first().hover();
    await expect.poll(() => page.getByTestId('evidence-readout').textContent()).toContain('Location: “');
    const legendLocation = eventPage.getByRole('button', { name: 'Location', exact: true });
    await legendLocation.hover();
    await expect(sourceText.locator('mark.on[data-field="location"]').count()).resolves.toBeGreaterThan(0);
    await expect(sourceText.locator('mark.dim').count()).resolves.toBeGreaterThan(0);

    // the claims, with who made them and who relayed them
    const claims = eventPage.getByTestId('claim');
    await expect(claims.count()).resolves.toBe(detail.claims.length);
    const firstClaim = detail.claims[0];
    if (firstClaim) {
      const text = (await claims.first().textContent()) ?? '';
      expect(text).toContain(firstClaim.claimant.name);
      for (const relay of firstClaim.via) expect(text).toContain(relay);
    }

    // the incident: grade, one row per report side by side, the history
    if (!detail.incident) throw new Error(`event ${target.id} has no incident`);
    const incident = await api<Incident>(`api/incidents/${detail.incident.id}`);
    const section = eventPage.getByTestId('incident');
    await expect
      .poll(() => section.getByTestId('grade').first().textContent())
      .toContain(incident.grade.value);
    await expect
      .poll(() => section.getByTestId('members').locator('tbody tr').count())
      .toBe(incident.members.length + 1); // the incident's own values first
    await expect.poll(() => section.getByTestId('history-entry').count()).toBeGreaterThan(0);
    await expect(eventPage.getByRole('group', { name: 'Review actions' }).count()).resolves.toBe(0); // anonymous

    await sourceText.locator('mark[data-field="location"]').first().hover();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'event-1280', true);
  }, 60_000);

  it('opens from a point on the map', async () => {
    await page.goto(`${server.url}#/`);
    await expect.poll(() => mapEvents(), { timeout: 20_000 }).toBeGreaterThan(0);
    const single = page.locator('[data-testid="map-marker"][data-event-id]');
    for (let i = 0; i < 6 && (await single.count()) === 0; i++) {
      const before = await page.getByTestId('map').getAttribute('data-feature-count');
      await page.locator('[data-testid="map-marker"].cluster').first().click();
      await expect.poll(() => page.getByTestId('map').getAttribute('data-feature-count')).not.toBe(before);
    }
    const id = await single.first().getAttribute('data-event-id');
    if (!id) throw new Error('no single event on the map after zooming in');
    await single.first().click();
    await page.getByTestId('event-page').locator('.source-text').waitFor();
    expect(decodeURIComponent(page.url())).toContain(`#/events/${id}`);
  }, 60_000);
});

describe('small screens and errors', () => {
  it('fits a phone screen, the map above the list', async () => {
    const phone = await openPage(browser, server.url, errors, { width: 390, height: 844 });
    const p = phone.page;
    await expect.poll(() => rows(p).count()).toBe(PAGE_SIZE);
    await expect.poll(() => mapEvents(p), { timeout: 20_000 }).toBeGreaterThan(0);
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const mapBox = await p.getByTestId('map').boundingBox();
    const listBox = await p.getByTestId('event-list').boundingBox();
    if (!mapBox || !listBox) throw new Error('map or list not laid out');
    expect(mapBox.width).toBeGreaterThan(340);
    expect(listBox.y).toBeGreaterThan(mapBox.y + mapBox.height); // stacked
    await p.getByTestId('map').scrollIntoViewIfNeeded();
    await p.waitForLoadState('networkidle');
    await screenshot(p, 'phone-390');

    await rows(p).first().locator('a').click();
    await p.getByTestId('event-page').locator('.source-text').waitFor();
    const eventOverflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(eventOverflow).toBeLessThanOrEqual(0);
    await phone.context.close();
  }, 60_000);

  it('shows the server’s message when a request fails', async () => {
    await page.goto(`${server.url}#/events/no-such-event`);
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('no-such-event');
  }, 30_000);

  it('answers an unknown API path with a 404 JSON error', async () => {
    const res = await fetch(new URL('api/nope', server.url));
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
    expect(typeof body.error?.code).toBe('string');
    expect(typeof body.error?.message).toBe('string');
  });

  it('logged no page errors (Content-Security-Policy violations included)', async () => {
    await context.close();
    // the failed request of the test above is the only expected error
    expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
  });
});
