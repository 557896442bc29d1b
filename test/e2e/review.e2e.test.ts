// Accounts and review in the browser: an editor logs in, works the review queue from the keyboard (edit
// the fatalities, accept, undo) and finds both decisions in the incident's history; a viewer sees no
// review controls, and the server refuses the viewer's writes even when sent by hand.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntry, Incident } from '../../src/domain/incident.js';
import {
  addUser,
  getJson,
  launchBrowser,
  logIn,
  openPage,
  screenshot,
  SERVER_START_MS,
  startServer,
  type Server,
} from './harness.js';

const EDITOR = { name: 'edna', password: 'edna-reviews-all-day' };
const VIEWER = { name: 'victor', password: 'victor-only-reads' };

interface IncidentPage {
  items: Incident[];
  total: number;
}
interface IncidentDetail extends Incident {
  history: HistoryEntry[];
}

let server: Server;
let browser: Browser;
let editor: { context: BrowserContext; page: Page };
const errors: string[] = [];

const api = <T>(path: string) => getJson<T>(server.url, path);
const selected = (page: Page) => page.locator('[data-testid="review-item"][aria-selected="true"]');

beforeAll(async () => {
  server = await startServer();
  await addUser(server.dbPath, EDITOR.name, 'editor', EDITOR.password);
  await addUser(server.dbPath, VIEWER.name, 'viewer', VIEWER.password);
  browser = await launchBrowser();
  editor = await openPage(browser, `${server.url}#/login`, errors);
}, SERVER_START_MS + 30_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 30_000);

describe('an editor', () => {
  it('logs in and finds the review queue', async () => {
    const { page } = editor;
    await logIn(page, EDITOR.name, EDITOR.password);
    await expect(page.getByTestId('current-user').textContent()).resolves.toContain('editor');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review queue' }).click();
    const proposed = await api<IncidentPage>('api/incidents?status=proposed&limit=200');
    expect(proposed.total).toBeGreaterThan(1);
    await expect.poll(() => page.getByTestId('review-item').count()).toBe(proposed.items.length);
    await expect(selected(page).getAttribute('data-incident-id')).resolves.toBe(proposed.items[0]?.id);
  }, 60_000);

  it('moves through the queue with j and k, and ? shows the shortcuts', async () => {
    const { page } = editor;
    const ids = await page
      .getByTestId('review-item')
      .evaluateAll((li) => li.map((x) => x.dataset.incidentId));
    await page.keyboard.press('j');
    await expect.poll(() => selected(page).getAttribute('data-incident-id')).toBe(ids[1]);
    await page.keyboard.press('k');
    await expect.poll(() => selected(page).getAttribute('data-incident-id')).toBe(ids[0]);

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    for (const key of ['j', 'k', 'a', 'r', 'e', 'n', 'u'])
      await expect(help.textContent()).resolves.toContain(key);
    await page.keyboard.press('Escape');
    await expect.poll(() => help.count()).toBe(0);
    await screenshot(page, 'review-1280');
  }, 60_000);

  it('edits the fatalities (e), accepts (a), undoes (u) and accepts again, all in the history', async () => {
    const { page } = editor;
    const id = await selected(page).getAttribute('data-incident-id');
    if (!id) throw new Error('no incident selected');

    await page.keyboard.press('e');
    const dialog = page.getByRole('dialog', { name: 'Edit a field' });
    await dialog.waitFor();
    await expect(dialog.getByLabel('Field').inputValue()).resolves.toBe('fatalities');
    // a range out of order is refused before anything is sent
    await dialog.getByLabel('Low').fill('9');
    await dialog.getByLabel('Best').fill('4');
    await dialog.getByLabel('High').fill('6');
    await dialog.getByRole('button', { name: 'Save edit' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('low ≤ best ≤ high');
    await dialog.getByLabel('Low').fill('3');
    await dialog.getByLabel('Why (optional)').fill('the hospital gave a lower count');
    await dialog.getByRole('button', { name: 'Save edit' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Edited fatalities');
    await expect
      .poll(() => page.getByTestId('review-detail').getByTestId('incident-fatalities').textContent())
      .toContain('4 (range 3–6)');

    await page.keyboard.press('a');
    await expect.poll(() => page.locator(`[data-incident-id="${id}"]`).count()).toBe(0);
    expect((await api<Incident>(`api/incidents/${id}`)).status).toBe('accepted');

    await page.keyboard.press('u'); // undo the accept: the incident is back in the queue
    await expect.poll(() => page.locator(`[data-incident-id="${id}"]`).count()).toBe(1);
    expect((await api<Incident>(`api/incidents/${id}`)).status).toBe('proposed');
    await page.locator(`[data-incident-id="${id}"]`).click();
    await page.keyboard.press('a');
    await expect.poll(() => page.locator(`[data-incident-id="${id}"]`).count()).toBe(0);

    const incident = await api<IncidentDetail>(`api/incidents/${id}`);
    expect(incident.status).toBe('accepted');
    expect(incident.edits.fatalities).toEqual({ low: 3, best: 4, high: 6 });
    const memberEvent = incident.members[0]?.eventId;
    if (!memberEvent) throw new Error(`incident ${id} has no members`);

    // the event page shows the decision and the edit in the incident's history
    await page.goto(`${server.url}#/events/${encodeURIComponent(memberEvent)}`);
    const section = page.getByTestId('incident');
    await expect.poll(() => section.getByTestId('incident-status').textContent()).toBe('accepted');
    const history = section.getByTestId('history');
    await expect.poll(() => history.locator('[data-action="accept"]').count()).toBe(2);
    await expect.poll(() => history.locator('[data-action="undo"]').count()).toBe(1);
    const edit = history.locator('[data-action="edit"]');
    await expect(edit.count()).resolves.toBe(1);
    const editText = (await edit.textContent()) ?? '';
    expect(editText).toContain('fatalities:');
    expect(editText).toContain('→ 4 (range 3–6)');
    expect(editText).toContain('the hospital gave a lower count');
    expect(editText).toContain(`by ${EDITOR.name}`);
    await expect(section.getByTestId('incident-fatalities').textContent()).resolves.toContain(
      '4 (range 3–6)',
    );
  }, 90_000);

  it('adds a note from the event page', async () => {
    const { page } = editor;
    const section = page.getByTestId('incident');
    await section.getByRole('button', { name: 'Add a note' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a note' });
    await dialog.getByLabel('Note').fill('checked against the OCHA sitrep');
    await dialog.getByRole('button', { name: 'Save note' }).click();
    await expect.poll(() => section.getByTestId('history').locator('[data-action="note"]').count()).toBe(1);
    await expect(section.getByTestId('history').textContent()).resolves.toContain(
      'checked against the OCHA sitrep',
    );
  }, 60_000);

  it('logs out', async () => {
    const { page } = editor;
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('link', { name: 'Log in' }).waitFor();
    await expect(page.getByRole('link', { name: 'Review queue' }).count()).resolves.toBe(0);
    const session = await page.evaluate(async () => (await fetch('api/session')).json() as Promise<unknown>);
    expect(session).toMatchObject({ user: null });
  }, 30_000);
});

describe('a viewer', () => {
  it('sees no review controls, and the server refuses a write sent by hand', async () => {
    const proposed = await api<IncidentPage>('api/incidents?status=proposed&limit=1');
    const target = proposed.items[0];
    const eventId = target?.members[0]?.eventId;
    if (!target || !eventId) throw new Error('no proposed incident left');

    const viewer = await openPage(browser, `${server.url}#/login`, errors);
    const { page, context } = viewer;
    await logIn(page, VIEWER.name, VIEWER.password);
    await expect(page.getByTestId('current-user').textContent()).resolves.toContain('viewer');
    await expect(page.getByRole('link', { name: 'Review queue' }).count()).resolves.toBe(0);

    await page.goto(`${server.url}#/events/${encodeURIComponent(eventId)}`);
    const section = page.getByTestId('incident');
    await section.getByTestId('history').waitFor();
    await expect(page.getByRole('group', { name: 'Review actions' }).count()).resolves.toBe(0);
    await expect(
      page.getByRole('button', { name: /^(Accept|Reject|Edit a field|Add a note)/ }).count(),
    ).resolves.toBe(0);

    await page.goto(`${server.url}#/review`);
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toContain('needs an editor account');
    await expect(page.getByTestId('review-item').count()).resolves.toBe(0);

    // the viewer's own session, CSRF token and all: still 403
    const session = (await (await context.request.get(`${server.url}api/session`)).json()) as {
      csrf: string;
    };
    expect(session.csrf).toBeTruthy();
    const res = await context.request.post(`${server.url}api/incidents/${target.id}/accept`, {
      headers: { 'x-csrf-token': session.csrf },
      data: {},
    });
    expect(res.status()).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    expect((await api<Incident>(`api/incidents/${target.id}`)).status).toBe('proposed');
    await context.close();
  }, 60_000);
});

describe('the browser', () => {
  it('logged no page errors (Content-Security-Policy violations included)', async () => {
    await editor.context.close();
    expect(errors).toEqual([]);
  });
});
