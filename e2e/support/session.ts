import { expect, type Locator, type Page } from '@playwright/test';
import { OWNER } from './accounts';

/**
 * Signs the page's browser in as the login form does (`POST /api/v1/auth/login`; the session cookie
 * lands in the page's context). The form itself is login-shell.spec's to test; every other spec
 * starts signed in without loading the login page first, which took a second of each test.
 */
export async function signInSession(page: Page, account: { email: string; password: string } = OWNER) {
  const res = await page.request.post('/api/v1/auth/login', { data: { email: account.email, password: account.password } });
  expect(res.status(), `${account.email} signs in: ${await res.text()}`).toBe(204);
}

/** Signed in as `account`, on the order list (or `path`) with its rows shown. */
export async function signIn(page: Page, account: { email: string; password: string } = OWNER, path = '/orders') {
  await signInSession(page, account);
  await page.goto(path);
  await expect(page.getByRole('heading', { name: '주문 목록' })).toBeVisible();
  await waitForRows(page);
}

export const table = (page: Page) => page.getByRole('table', { name: '주문 목록 표' });
/** Body rows (the header row is in thead). */
export const rows = (page: Page) => table(page).locator('tbody tr');

/** Waits until the table shows orders and no request is in flight. */
export async function waitForRows(page: Page) {
  await expect(table(page)).toHaveAttribute('aria-busy', 'false');
  await expect(rows(page).first().getByRole('link')).toBeVisible();
}

/** "총 1,234건" → 1234 */
export async function listTotal(page: Page): Promise<number> {
  const text = (await page.getByTestId('list-total').textContent()) ?? '';
  return Number(text.replace(/[^\d]/g, ''));
}

/** Header texts of the shown columns, left to right, checkbox column aside. */
export async function headerTexts(page: Page): Promise<string[]> {
  const texts = await table(page).locator('thead th').allInnerTexts();
  return texts.map((t) => t.replace(/[▲▼↕]/g, '').trim()).filter((t) => t !== '');
}

export function tab(page: Page, name: string | RegExp): Locator {
  return page.getByRole('tab', { name: typeof name === 'string' ? new RegExp(`^${escape(name)}`) : name });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
