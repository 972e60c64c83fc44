import { expect, type Locator, type Page } from '@playwright/test';
import { OWNER } from './accounts';
import { signInSession } from './session';

/** Signed in as `account` (session.ts's signInSession), on the order's detail. */
export async function openOrderSignedIn(page: Page, orderId: number, orderNumber: string, account: { email: string; password: string } = OWNER) {
  await signInSession(page, account);
  await page.goto(`/orders/${orderId}`);
  await expectOrderShown(page, orderNumber);
}

export async function expectOrderShown(page: Page, orderNumber: string) {
  await expect(page).toHaveURL(new RegExp(`/orders/\\d+$`));
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(orderNumber) })).toBeVisible();
  await expect(page.getByTestId('net-paid')).toBeVisible();
}

export const actions = (page: Page) => page.getByRole('toolbar', { name: '주문 처리' });
export const dialog = (page: Page, name: string | RegExp) => page.getByRole('dialog', { name });

/** The row of an item in a status, in the 주문 상품 tables. */
export function itemRow(page: Page, product: string, status: string): Locator {
  return page.getByRole('table', { name: /^배송지 상품/ }).getByRole('row').filter({ hasText: product }).filter({ hasText: status });
}

/** Ticks a row and sets how many of its units to act on. */
export async function tick(scope: Page | Locator, product: string, status: string, quantity?: number) {
  await scope.getByRole('checkbox', { name: `선택: ${product} (${status})` }).check();
  if (quantity !== undefined) {
    const input = scope.getByRole('textbox', { name: `처리 수량: ${product} (${status})` });
    await input.fill(String(quantity));
    await input.blur();
    await expect(input).toHaveValue(String(quantity));
  }
}

/** The amount in a row of 상세 결제 금액 (결제 정보 panel), e.g. 'refunded'. */
export const paymentAmount = (page: Page, key: string) => page.getByTestId(`amount-${key}`);
