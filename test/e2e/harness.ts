// What the end-to-end suites share: the real server on a fresh database (`docket serve`, which loads the
// demo corpus), users made with the real CLI, and Debian's Chromium driven by playwright-core.
// Needs a build (`npm run build`: dist/cli/main.js and the web UI in dist/web/) and /usr/bin/chromium.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = join(ROOT, 'dist/cli/main.js');
export const SCREENSHOTS = join(ROOT, 'docs/screenshots');
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
/** The first start may build the gazetteer and loads the demo corpus. */
export const SERVER_START_MS = 120_000;

/** The environment for the server and the CLI: no DOCKET_* settings of the caller but the gazetteer cache. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!k.startsWith('DOCKET_') || k === 'DOCKET_CACHE_DIR') env[k] = v;
  return { ...env, DOCKET_LOG_LEVEL: 'warn', ...extra };
}

export interface Server {
  url: string;
  dbPath: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** `docket serve` on a free port with a fresh database in a temporary folder. */
export function startServer(env: Record<string, string> = {}): Promise<Server> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build first (npm run build).`);
  if (!existsSync(join(ROOT, 'dist/web/index.html')))
    throw new Error('dist/web/index.html is missing: build the web UI first (npm run build).');
  const dir = mkdtempSync(join(tmpdir(), 'docket-e2e-'));
  const dbPath = join(dir, 'e2e.db');
  const child: ChildProcess = spawn(
    process.execPath,
    [CLI, 'serve', '--port', '0', '--host', '127.0.0.1', '--db', dbPath],
    { cwd: ROOT, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stderr?.on('data', keep);

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`The server did not print "Docket listening on …" in time:\n${output}`));
    }, SERVER_START_MS);
    child.stdout?.on('data', (chunk: Buffer) => {
      keep(chunk);
      const match = READY.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        const url = match[1].endsWith('/') ? match[1] : `${match[1]}/`;
        resolve({ url, dbPath, output: () => output, stop });
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${code ?? signal}) before it was ready:\n${output}`));
    });
  });
}

/** `docket user add NAME --role ROLE --password-stdin --db FILE`, the way an operator makes an account. */
export function addUser(dbPath: string, name: string, role: string, password: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [CLI, 'user', 'add', name, '--role', role, '--password-stdin', '--db', dbPath],
      { cwd: ROOT, env: childEnv({}), stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`docket user add ${name} exited ${code}:\n${out}`)),
    );
    child.stdin.end(`${password}\n`);
  });
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} not found. Install Debian's chromium (apt-get update && apt-get install -y chromium); ` +
        'the e2e tests do not download browsers.',
    );
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * A page in its own browser context (own cookies), recording page errors, console errors (where
 * Content-Security-Policy violations show up) and MapLibre's style warnings, and the web workers started.
 */
export async function openPage(
  browser: Browser,
  url: string,
  errors: string[],
  viewport = { width: 1280, height: 800 },
): Promise<{ context: BrowserContext; page: Page; workers: string[] }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const workers: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
    if (msg.type() === 'warning' && /layers\[|sources\[|Content.Security/i.test(msg.text()))
      errors.push(`console warning: ${msg.text()}`);
  });
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.goto(url);
  return { context, page, workers };
}

/** Log in through the login screen. */
export async function logIn(page: Page, name: string, password: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Log in' });
  await form.getByLabel('User name').fill(name);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Log in' }).click();
  await page.getByTestId('current-user').filter({ hasText: name }).waitFor();
}

/** docs/screenshots/NAME.png: the README shows them. */
export const screenshot = (page: Page, name: string, fullPage = false): Promise<Buffer> =>
  page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });

export async function getJson<T>(base: string, path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(new URL(path, base), init);
  if (!res.ok) throw new Error(`GET ${path} → ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}
