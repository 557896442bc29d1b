// End-to-end test of the web page against the real server, in Debian's Chromium (playwright-core).
// Needs a build (dist/cli/main.js) and /usr/bin/chromium (apt-get install -y chromium).
// Set DOCKET_E2E_URL=http://host:port/ to test a server that is already running instead of starting one.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredClaim, StoredEvent } from '../../src/domain/types.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist/cli/main.js');
const SCREENSHOTS = join(ROOT, 'docs/screenshots');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
const READY = /Docket listening on (http:\/\/\S+)/;
const FIRST_START_MS = 120_000; // the first start may build the gazetteer

interface EventPage {
  items: StoredEvent[];
  total: number;
  limit: number;
  offset: number;
}
interface EventDetail extends StoredEvent {
  source: { id: string; title: string | null; outlet: string | null; url: string | null; text: string };
  claims: StoredClaim[];
}
interface Facets {
  eventTypes: { value: string; count: number }[];
  countries: { value: string; name: string; count: number }[];
}

let server: ChildProcess | null = null;
let serverOutput = '';
let workDir = '';
let baseUrl = '';
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

function startServer(dbPath: string): Promise<string> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build the project first (npx tsc).`);
  const child = spawn(
    process.execPath,
    [CLI, 'serve', '--port', '0', '--host', '127.0.0.1', '--db', dbPath],
    { cwd: ROOT, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  server = child;
  const keep = (chunk: Buffer): void => {
    serverOutput = (serverOutput + chunk.toString()).slice(-20_000);
  };
  child.stderr.on('data', keep);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(new Error(`The server did not print "Docket listening on …" within 120 s:\n${serverOutput}`)),
      FIRST_START_MS,
    );
    child.stdout.on('data', (chunk: Buffer) => {
      keep(chunk);
      const match = READY.exec(serverOutput);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1].endsWith('/') ? match[1] : `${match[1]}/`);
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${code ?? signal}) before it was ready:\n${serverOutput}`));
    });
  });
}

async function stopServer(): Promise<void> {
  const child = server;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(new URL(path, baseUrl));
  if (!res.ok) throw new Error(`GET ${path} → ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

const rows = (p: Page = page) => p.locator('[data-testid="event-row"]');
const dots = (p: Page = page) => p.locator('[data-testid="map"] circle.event-dot');

async function openPage(width: number, height: number): Promise<Page> {
  const p = await browser.newPage({ viewport: { width, height } });
  p.on('pageerror', (err) => pageErrors.push(`pageerror: ${err.message}`));
  p.on('console', (msg) => {
    if (msg.type() === 'error') pageErrors.push(`console: ${msg.text()}`);
  });
  await p.goto(baseUrl);
  await rows(p).first().waitFor();
  return p;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} not found. Install Debian's chromium (apt-get update && apt-get install -y chromium); ` +
        'the e2e tests do not download browsers.',
    );
  }
  if (process.env.DOCKET_E2E_URL) {
    baseUrl = process.env.DOCKET_E2E_URL;
  } else {
    workDir = mkdtempSync(join(tmpdir(), 'docket-e2e-'));
    baseUrl = await startServer(join(workDir, 'e2e.db'));
  }
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  mkdirSync(SCREENSHOTS, { recursive: true });
}, FIRST_START_MS + 30_000);

afterAll(async () => {
  await browser?.close();
  await stopServer();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
}, 30_000);

describe('web page', () => {
  it('lists the events and draws one circle per located event', async () => {
    page = await openPage(1280, 800);
    const all = await getJson<EventPage>('api/events?limit=200');
    expect(all.total).toBeGreaterThan(0);
    await expect.poll(() => rows().count()).toBe(all.items.length);
    await expect.poll(() => dots().count()).toBe(all.items.filter((e) => e.location).length);
    await expect.poll(() => page.getByTestId('event-count').textContent()).toContain(String(all.total));
  }, 60_000);

  it('narrows the list to the chosen country', async () => {
    const all = await getJson<EventPage>('api/events?limit=200');
    const facets = await getJson<Facets>('api/facets');
    const country = [...facets.countries].sort((a, b) => b.count - a.count)[0];
    if (!country) throw new Error('/api/facets lists no countries');
    const expected = await getJson<EventPage>(`api/events?country=${country.value}&limit=200`);
    expect(expected.total).toBeGreaterThan(0);
    expect(expected.total).toBeLessThan(all.total);

    await page.getByLabel('Country', { exact: true }).selectOption(country.value);
    await expect.poll(() => rows().count()).toBe(expected.items.length);
    for (const text of await rows().allTextContents()) expect(text).toContain(country.name);
    await expect(page.locator('#export-geojson').getAttribute('href')).resolves.toContain(
      `country=${country.value}`,
    );
  }, 60_000);

  it('filters by the date range dragged on the timeline', async () => {
    await page.getByLabel('Country', { exact: true }).selectOption('');
    const all = await getJson<EventPage>('api/events?limit=200');
    await expect.poll(() => rows().count()).toBe(all.items.length);

    const brush = page.getByTestId('timeline-brush');
    await expect(page.getByTestId('timeline').isVisible()).resolves.toBe(true);
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
    expect(fromValue <= toValue).toBe(true);

    const ranged = await getJson<EventPage>(`api/events?from=${fromValue}&to=${toValue}&limit=200`);
    expect(ranged.total).not.toBe(all.total);
    await expect.poll(() => rows().count()).toBe(ranged.items.length);
    await expect.poll(() => page.getByTestId('event-count').textContent()).toContain(String(ranged.total));
    await expect.poll(() => dots().count()).toBe(ranged.items.filter((e) => e.location).length);
  }, 60_000);

  it('shows an event with its evidence highlighted in the source text', async () => {
    const query = new URLSearchParams({
      from: await page.getByLabel('From', { exact: true }).inputValue(),
      to: await page.getByLabel('To', { exact: true }).inputValue(),
      limit: '200',
    });
    let listed = await getJson<EventPage>(`api/events?${query.toString()}`);
    if (!listed.items.some((e) => e.evidence.some((ev) => ev.field === 'location'))) {
      await page.getByRole('button', { name: 'Reset', exact: true }).click();
      listed = await getJson<EventPage>('api/events?limit=200');
      await expect.poll(() => rows().count()).toBe(listed.items.length);
    }
    const target = listed.items.find((e) => e.evidence.some((ev) => ev.field === 'location'));
    if (!target) throw new Error('no listed event has location evidence');

    const detail = await getJson<EventDetail>(`api/events/${encodeURIComponent(target.id)}`);
    const location = detail.evidence.find((ev) => ev.field === 'location');
    if (!location) throw new Error(`event ${target.id} lost its location evidence`);
    expect(detail.source.text.slice(location.start, location.end)).toBe(location.text);

    await page.locator(`[data-testid="event-row"][data-event-id="${target.id}"]`).click();
    const panel = page.getByTestId('event-detail');
    const sourceText = panel.locator('.source-text');
    await sourceText.waitFor();
    // Highlighting must not change the text.
    await expect(sourceText.textContent()).resolves.toBe(detail.source.text);
    const marks = await sourceText.locator('mark[data-field="location"]').allTextContents();
    expect(marks).toContain(location.text);
    await expect(panel.textContent()).resolves.toContain(`${detail.eventType} / ${detail.subEventType}`);

    // Show the highlighted source in the screenshot.
    await sourceText
      .locator('mark[data-field="location"]')
      .first()
      .evaluate((mark) => mark.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: join(SCREENSHOTS, 'main-1280.png') });
  }, 60_000);

  it('fits a phone screen', async () => {
    const phone = await openPage(390, 844);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect.poll(() => dots(phone).count()).toBeGreaterThan(0);
    await phone.screenshot({ path: join(SCREENSHOTS, 'phone-390.png') });
    await phone.close();
  }, 60_000);

  it('answers an unknown API path with a 404 JSON error', async () => {
    const res = await fetch(new URL('api/nope', baseUrl));
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
    expect(typeof body.error?.code).toBe('string');
    expect(typeof body.error?.message).toBe('string');
  });

  it('logged no page errors (including Content-Security-Policy violations)', () => {
    expect(pageErrors).toEqual([]);
  });
});
