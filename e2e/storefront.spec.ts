import { expect, test } from '@playwright/test';
import { STOREFRONT_OWNER } from './support/accounts';
import { rows, signIn, waitForRows } from './support/session';

/**
 * The demo storefront (examples/storefront) as a buyer uses it: a product with an option into the
 * cart, a guest checkout priced by Jumun, paid with the test gateway's card; then the order in the
 * admin list, and the signed webhook Jumun sent back on the storefront's receiver page.
 */
const storefront = `http://127.0.0.1:${process.env.E2E_STOREFRONT_PORT}`;

test('an order placed in the demo storefront arrives in the admin, and the storefront hears of it', async ({ page }) => {
  await page.goto(storefront);
  await expect(page.getByRole('heading', { name: '상품' })).toBeVisible();
  await page.getByLabel('캔버스 에코백 옵션').selectOption({ label: '네이비 (+1,000원)' });
  await page.getByLabel('캔버스 에코백 수량').fill('2');
  await page.locator('[data-product="SF-TOTE"]').getByRole('button', { name: '장바구니 담기' }).click();
  await expect(page.getByRole('cell', { name: '캔버스 에코백 · 네이비' })).toBeVisible();
  await page.getByRole('link', { name: '주문하기' }).click();

  await page.getByLabel('이름').fill('게스트구매');
  await page.getByLabel('휴대폰').fill('010-5555-0101');
  await page.getByLabel('비회원 주문조회 비밀번호').fill('guest-pw-1');
  await page.getByLabel('받는 분').fill('게스트구매');
  await page.getByLabel('연락처').fill('010-5555-0101');
  await page.getByRole('button', { name: '금액 계산' }).click();
  // 20,000 × 2 = 40,000 under the 50,000 free-shipping threshold: + 3,000 shipping
  await expect(page.getByTestId('checkout-total')).toHaveText('43,000원');
  await page.getByRole('button', { name: '43,000원 결제하기' }).click();
  const orderNumber = (await page.getByTestId('order-number').textContent()) ?? '';
  expect(orderNumber).toMatch(/^\d{8}-\d{7}$/);

  await signIn(page, STOREFRONT_OWNER);
  await page.getByRole('searchbox', { name: '주문 검색' }).fill(orderNumber);
  await page.getByRole('searchbox', { name: '주문 검색' }).press('Enter');
  await waitForRows(page);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText(orderNumber);
  await expect(rows(page).first()).toContainText('게스트구매');
  await expect(rows(page).first()).toContainText('캔버스 에코백');

  // the outbox delivers within moments; the page shows what arrived when it is loaded
  await expect(async () => {
    await page.goto(`${storefront}/webhooks`);
    const created = page.getByRole('row').filter({ hasText: 'order.created' }).filter({ hasText: orderNumber });
    await expect(created).toContainText('서명 확인');
  }).toPass({ timeout: 30_000 });
});
