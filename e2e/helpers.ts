/**
 * Browser-test harness: a fresh SQLite database with the demo county, a real `xiuhua serve` on a free port,
 * and Debian's Chromium driven by playwright-core. Each test file calls `useApp()` once at top level; it
 * registers `before`/`after` hooks that start and clean up everything.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const RESULTS_DIR = join(ROOT, 'test-results');
export const DEMO_PASSWORD = process.env.XIUHUA_DEMO_PASSWORD ?? 'Xiuhua@2026';
const CLI = join(ROOT, 'bin', 'xiuhua.js');
const SERVER_START_TIMEOUT_MS = 60_000;

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface App {
  /** e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  browser: Browser;
  /** A fresh browser context (own cookies) and page, zh-CN by default; closed in `after`. */
  newPage(options?: { locale?: string }): Promise<Page>;
  /** Output of the server process so far (for failure messages). */
  serverLog(): string;
}

/** Registers before/after hooks for one test file and returns a getter for the running app. */
export function useApp(): () => App {
  let app: App | undefined;
  let cleanup: (() => Promise<void>) | undefined;
  before(
    async () => {
      const started = await startApp();
      app = started.app;
      cleanup = started.stop;
    },
    { timeout: 240_000 },
  );
  after(async () => {
    await cleanup?.();
  });
  return () => {
    if (!app) throw new Error('the app is not running (did the before hook fail?)');
    return app;
  };
}

export async function startApp(): Promise<{ app: App; stop: () => Promise<void> }> {
  ensureWebBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'xiuhua-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `file:${join(dir, 'e2e.db')}`,
    HOST: '127.0.0.1',
    NO_COLOR: '1',
    // Quieter server logs in browser tests: warnings and errors (with their stacks) only.
    LOG_LEVEL: 'warn',
  };
  const contexts: BrowserContext[] = [];
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  const stop = async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close().catch(() => {});
    if (server) await stopProcess(server);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    runCli(['demo', '--households', '3000'], env);
    const port = await freePort();
    const output: string[] = [];
    server = spawn(process.execPath, [CLI, 'serve'], {
      cwd: ROOT,
      env: { ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const spawned = server;
    // Never leave a server behind, even when the test process is ended before `after` runs.
    process.once('exit', () => spawned.kill('SIGKILL'));
    server.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitForHealth(baseUrl, server, () => output.join(''));
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
    });
    const launched = browser;
    const app: App = {
      baseUrl,
      browser: launched,
      async newPage(options = {}) {
        const context = await launched.newContext({
          baseURL: baseUrl,
          locale: options.locale ?? 'zh-CN',
          viewport: { width: 1366, height: 900 },
        });
        contexts.push(context);
        context.setDefaultTimeout(15_000);
        const page = await context.newPage();
        page.on('pageerror', (error) => console.error(`[browser pageerror] ${error.message}`));
        return page;
      },
      serverLog: () => output.join(''),
    };
    return { app, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Builds web/dist once if it is missing (the server serves it). */
export function ensureWebBuilt(): void {
  if (existsSync(join(ROOT, 'web', 'dist', 'index.html'))) return;
  const result = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0) {
    throw new Error(`vite build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}

function runCli(args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 180_000,
  });
  if (result.status !== 0) {
    throw new Error(
      `xiuhua ${args.join(' ')} failed (exit ${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`,
    );
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

async function waitForHealth(baseUrl: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  let last = '';
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`xiuhua serve exited (${server.exitCode ?? server.signalCode}) before it was healthy:\n${log()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `GET ${baseUrl}/api/health did not answer 200 within ${SERVER_START_TIMEOUT_MS} ms (${last}):\n${log()}`,
  );
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** Saves a full-page screenshot as test-results/<name>.png, once pending requests have settled. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  await page.mouse.move(0, 0); // close hover menus
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {});
  const path = join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The login form's fields, found by their visible label or placeholder (中文 or English). */
export function loginForm(page: Page) {
  return {
    username: page
      .getByLabel(/用户名|Username/)
      .or(page.getByPlaceholder(/用户名|Username/))
      .first(),
    password: page
      .getByLabel(/密码|Password/)
      .or(page.getByPlaceholder(/密码|Password/))
      .first(),
    // antd puts a space between two Chinese characters on buttons: "登 录".
    submit: page.getByRole('button', { name: /登\s*录|Sign\s*in/ }),
  };
}

/** Opens /login, fills the form and submits it; does not wait for the outcome. */
export async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  const form = loginForm(page);
  await form.username.fill(username);
  await form.password.fill(password);
  await form.submit.click();
}

/** Logs in and waits until the app has left /login. */
export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await submitLogin(page, username, password);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}
