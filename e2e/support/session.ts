import { expect, type Locator, type Page } from '@playwright/test';
import { OWNER } from './accounts';

/** Signs in through the login page, as a person would, and waits for the order list. */
export async function signIn(page: Page, account: { email: string; password: string } = OWNER, path = '/orders') {
  await page.goto(path);
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel('이메일').fill(account.email);
  await page.getByLabel('비밀번호').fill(account.password);
  await page.getByRole('button', { name: '로그인' }).click();
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
