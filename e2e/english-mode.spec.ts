import { expect, test, type Locator, type Page } from '@playwright/test';
import { OWNER, SHOP_NAME } from './support/accounts';
import { createCardOrder, shipAll, staffApi } from './support/detail-api';
import { openOrderSignedIn } from './support/detail-session';

/**
 * An English reader sees no Korean but the shop's own data: product, buyer and staff names, the
 * address, the card company the gateway named. Tabs, statuses, units, summaries, the payment panel
 * and the timeline (server-written) must all be English.
 */
const HANGUL = /[\uac00-\ud7a3]+/g;

/** The Korean words left in a part of the page once the shop's data is taken out. */
async function koreanLeftIn(part: Locator, data: readonly string[]): Promise<string[]> {
  let text = await part.innerText();
  // longest first, so "서울특별시 중구 세종대로 110" goes before a shorter piece of it
  for (const d of [...data].sort((a, b) => b.length - a.length)) text = text.split(d).join(' ');
  return [...new Set(text.match(HANGUL) ?? [])];
}

async function switchToEnglish(page: Page) {
  // the segmented control's radios are visually hidden: a person clicks the words
  await page.getByRole('banner').getByText('English', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'English' })).toBeChecked();
}

test('English: an order and the list read in English, apart from the shop’s data', async ({ page, playwright }) => {
  const api = await staffApi(playwright);
  const buyer = { name: '배영문', phone: '010-5555-0808' };
  const order = await createCardOrder(api, [{ name: '린넨 셔츠', price: 39000, quantity: 2 }, { name: '면 양말', price: 5000, quantity: 3 }], buyer);
  await shipAll(api, order.id);
  const data = ['린넨 셔츠', '면 양말', buyer.name, '서울특별시 중구 세종대로 110', '3층', '신한카드', OWNER.name, SHOP_NAME];

  await openOrderSignedIn(page, order.id, order.orderNumber);
  await switchToEnglish(page);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(order.orderNumber) })).toBeVisible();
  // one line for each change, listing its items, in English and with the staff member's role
  const timeline = page.getByTestId('timeline');
  await expect(timeline).toContainText('Moved 린넨 셔츠 ×2, 면 양말 ×3 to Shipping (Ready to ship → Shipping)');
  await expect(timeline).toContainText(`${OWNER.name} (Owner)`);
  await expect(timeline).toContainText('Tracking number assigned (CJ Logistics');
  // the gateway by its name, not its code
  await expect(page.getByText('Toss Payments', { exact: true })).toBeVisible();
  expect(await koreanLeftIn(page.getByRole('main'), data)).toEqual([]);
  await page.screenshot({ path: 'e2e/screenshots/english-order-detail.png', fullPage: true });

  await page.goto('/orders');
  const list = page.getByRole('table', { name: 'Orders table' });
  await expect(list).toHaveAttribute('aria-busy', 'false');
  // the tabs the shop started with read in English; their counts are numbers
  await expect(page.getByRole('tab', { name: /^All/ })).toBeVisible();
  expect(await koreanLeftIn(page.getByRole('tablist'), [])).toEqual([]);

  const box = page.getByRole('searchbox', { name: 'Search orders' });
  await box.fill(order.orderNumber);
  await box.press('Enter');
  const row = list.locator('tbody tr').filter({ has: page.getByRole('link', { name: order.orderNumber, exact: true }) });
  await expect(row).toContainText('린넨 셔츠 +1 more');
  await expect(list.locator('tbody tr')).toHaveCount(1);
  expect(await koreanLeftIn(page.getByRole('main'), data)).toEqual([]);
  await page.screenshot({ path: 'e2e/screenshots/english-order-list.png' });
  await api.dispose();
});
