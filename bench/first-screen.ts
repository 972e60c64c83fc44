/**
 * The admin's first screen in a real browser (Debian's Chromium, launched as the browser tests
 * launch it) against the bench's server, each run in a new browser context (nothing cached):
 *
 * - cold order list: signed in (the session cookie only), navigate to /orders → the first rows;
 * - sign-in: open /login, type the e-mail and password, press 로그인 → the first rows of the list
 *   it lands on (the login page's code cached by then, the list's not).
 *
 * Times are the page's own clock (performance.now(), from the navigation's start): a
 * MutationObserver notes when the first order link is in the table, and the next animation frame
 * is taken as rendered. JavaScript is counted from the responses as sent (the build's Brotli copies,
 * vite.precompress.ts) for the scripts requested before the rows were shown; the list preloads
 * its dialogs' code afterwards, counted apart. Also prints the bundle report (scripts/bundle-report.ts).
 */
import { chromium, type Browser, type BrowserContext, type Page, type Request } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/support/chromium';
import { buildIfChanged } from '../scripts/build-if-changed';
import { bundleReport } from '../scripts/bundle-report';
import type { Row } from './scenarios';
import { percentile } from './stats';

const RUNS = 10;
const TARGET_MS = 1500;

/** Notes when the first order row is in the list (and painted: the frame after), and when a form is submitted. */
const MARKERS = `
  window.__bench = { firstRowAt: null, submitAt: null };
  document.addEventListener('submit', () => { window.__bench.submitAt = performance.now(); }, true);
  new MutationObserver((_, observer) => {
    if (!document.querySelector('table tbody tr a[href^="/orders/"]')) return;
    observer.disconnect();
    requestAnimationFrame(() => { window.__bench.firstRowAt = performance.now(); });
  }).observe(document, { childList: true, subtree: true });
`;

interface Marks {
  firstRowAt: number;
  submitAt: number | null;
  timeOrigin: number;
}

async function firstRows(page: Page): Promise<Marks> {
  // functions, not strings: the app's CSP forbids eval; globalThis is the page's window there
  await page.waitForFunction(() => (globalThis as unknown as { __bench: { firstRowAt: number | null } }).__bench.firstRowAt !== null, undefined, { timeout: 60_000 });
  return page.evaluate(() => {
    const marks = (globalThis as unknown as { __bench: { firstRowAt: number; submitAt: number | null } }).__bench;
    return { firstRowAt: marks.firstRowAt, submitAt: marks.submitAt, timeOrigin: performance.timeOrigin };
  });
}

/** The scripts a page fetched, with when each was asked for (epoch ms) and its body's size. */
function scriptLog(page: Page) {
  const scripts: { startedAt: number; bytes: number }[] = [];
  const pending: Promise<void>[] = [];
  page.on('requestfinished', (request: Request) => {
    if (request.resourceType() !== 'script') return;
    // a script still finishing when the context closes has no sizes any more: left out
    const sized = request.sizes().then((sizes) => void scripts.push({ startedAt: request.timing().startTime, bytes: sizes.responseBodySize }));
    pending.push(sized.catch(() => undefined));
  });
  return {
    /** Bytes and files of the scripts asked for before `epochMs`, and of all of them. */
    async split(epochMs: number) {
      await Promise.all(pending);
      const before = scripts.filter((s) => s.startedAt <= epochMs);
      return { beforeBytes: before.reduce((sum, s) => sum + s.bytes, 0), beforeFiles: before.length, allBytes: scripts.reduce((sum, s) => sum + s.bytes, 0) };
    },
  };
}

async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1440, height: 900 } });
  await context.addInitScript(MARKERS);
  return context;
}

interface Run {
  ms: number;
  jsBytes: number;
  jsFiles: number;
  jsWithPreload: number;
}

async function coldList(browser: Browser, baseUrl: string, account: { email: string; password: string }): Promise<Run> {
  const context = await newContext(browser);
  try {
    const signIn = await context.request.post(`${baseUrl}/api/v1/auth/login`, { data: { email: account.email, password: account.password } });
    if (signIn.status() !== 204) throw new Error(`sign-in failed: ${signIn.status()} ${await signIn.text()}`);
    const page = await context.newPage();
    const log = scriptLog(page);
    await page.goto(`${baseUrl}/orders`);
    const marks = await firstRows(page);
    await page.waitForLoadState('networkidle');
    const js = await log.split(marks.timeOrigin + marks.firstRowAt);
    return { ms: marks.firstRowAt, jsBytes: js.beforeBytes, jsFiles: js.beforeFiles, jsWithPreload: js.allBytes };
  } finally {
    await context.close();
  }
}

async function signInToList(browser: Browser, baseUrl: string, account: { email: string; password: string }): Promise<Run> {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    const log = scriptLog(page);
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('이메일').fill(account.email);
    await page.getByLabel('비밀번호').fill(account.password);
    await page.getByRole('button', { name: '로그인' }).click();
    const marks = await firstRows(page);
    if (marks.submitAt === null) throw new Error('the login form was not submitted');
    await page.waitForLoadState('networkidle');
    const js = await log.split(marks.timeOrigin + marks.firstRowAt);
    return { ms: marks.firstRowAt - marks.submitAt, jsBytes: js.beforeBytes, jsFiles: js.beforeFiles, jsWithPreload: js.allBytes };
  } finally {
    await context.close();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

function summary(scenario: string, runs: Run[], target: string): Row {
  const times = runs.map((r) => r.ms).sort((a, b) => a - b);
  const last = runs[runs.length - 1]!;
  const p95 = percentile(times, 95);
  return {
    scenario,
    p50: percentile(times, 50),
    p95,
    figure: `JS before the rows ${kb(last.jsBytes)} in ${last.jsFiles} files (as sent, Brotli); ${kb(last.jsWithPreload)} with the list's dialogs preloaded after`,
    target: `${target} ${p95 <= TARGET_MS ? '✓' : '✗'}`,
  };
}

export async function firstScreen(baseUrl: string, account: { email: string; password: string }): Promise<Row[]> {
  // the server serves dist/admin: build it when its sources changed (as npm start does)
  await buildIfChanged();
  const rows: Row[] = bundleReport().map((r) => ({
    scenario: `bundle: ${r.route}`,
    figure: `${kb(r.gzBytes)} gz JS (${kb(r.rawBytes)} raw, ${r.files.length} files)`,
    target: r.budgetGzBytes === null ? '' : `≤ ${kb(r.budgetGzBytes)} gz ${r.gzBytes <= r.budgetGzBytes ? '✓' : '✗'}`,
  }));
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    // one of each unmeasured: the server's first page and login answers are slower
    await coldList(browser, baseUrl, account);
    await signInToList(browser, baseUrl, account);
    const cold: Run[] = [];
    const signIn: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      cold.push(await coldList(browser, baseUrl, account));
      signIn.push(await signInToList(browser, baseUrl, account));
    }
    rows.push(summary('first screen (Chromium, nothing cached): /orders → first rows', cold, `≤ ${TARGET_MS} ms`));
    rows.push(summary('sign-in (Chromium, cold /login): 로그인 pressed → first rows', signIn, `≤ ${TARGET_MS} ms`));
  } finally {
    await browser.close();
  }
  return rows;
}
