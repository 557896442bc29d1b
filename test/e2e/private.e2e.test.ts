// A private deployment (DOCKET_PUBLIC_READS=false): an anonymous visitor gets the login screen and
// nothing else, the API answers 401, and a user who logs in reads the record.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addUser,
  launchBrowser,
  logIn,
  openPage,
  screenshot,
  SERVER_START_MS,
  startServer,
  type Server,
} from './harness.js';

const VIEWER = { name: 'vera', password: 'vera-reads-in-private' };

let server: Server;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  server = await startServer({ DOCKET_PUBLIC_READS: 'false' });
  await addUser(server.dbPath, VIEWER.name, 'viewer', VIEWER.password);
  browser = await launchBrowser();
  ({ context, page } = await openPage(browser, server.url, errors));
}, SERVER_START_MS + 30_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 30_000);

describe('a private deployment', () => {
  it('shows an anonymous visitor only the login screen', async () => {
    await page.getByTestId('login-screen').waitFor();
    await expect(page.getByRole('form', { name: 'Log in' }).isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('map').count()).resolves.toBe(0);
    await expect(page.getByTestId('event-row').count()).resolves.toBe(0);
    await expect(page.getByRole('navigation', { name: 'Main' }).count()).resolves.toBe(0);
    await screenshot(page, 'login-1280');

    // a direct link to an event or to the queue is no way around it
    await page.goto(`${server.url}#/events/anything`);
    await page.getByTestId('login-screen').waitFor();
    await expect(page.getByTestId('event-page').count()).resolves.toBe(0);
    await page.goto(`${server.url}#/review`);
    await page.getByTestId('login-screen').waitFor();
    await expect(page.getByTestId('review-queue').count()).resolves.toBe(0);
  }, 60_000);

  it('answers anonymous reads with 401, and says reads are private', async () => {
    for (const path of [
      'api/events',
      'api/events/anything',
      'api/clusters?zoom=2',
      'api/timeline',
      'api/incidents',
      'api/export?format=geojson',
    ]) {
      const res = await fetch(new URL(path, server.url));
      expect(res.status, path).toBe(401);
      const body = (await res.json()) as { error?: { code?: string } };
      expect(body.error?.code, path).toBe('unauthenticated');
    }
    const session = (await (await fetch(new URL('api/session', server.url))).json()) as unknown;
    expect(session).toMatchObject({ user: null, publicReads: false });
  });

  it('refuses a wrong password with a message', async () => {
    await page.goto(server.url);
    const form = page.getByRole('form', { name: 'Log in' });
    await form.getByLabel('User name').fill(VIEWER.name);
    await form.getByLabel('Password').fill('not-the-password');
    await form.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toBe('Wrong user name or password.');
    await expect(page.getByTestId('map').count()).resolves.toBe(0);
  }, 30_000);

  it('lets a user who logs in read the record', async () => {
    await logIn(page, VIEWER.name, 'vera-reads-in-private');
    await expect.poll(() => page.getByTestId('event-row').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('map').getAttribute('data-event-count')).not.toBeNull();
  }, 30_000);

  it('logged no page errors but the refused login', async () => {
    await context.close();
    expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
  });
});
