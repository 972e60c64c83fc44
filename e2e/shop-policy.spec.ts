import { expect, test, type Page } from '@playwright/test';
import { LIST_OWNER } from './support/accounts';
import { csrfHeaders } from './support/api-session';
import { signInSession } from './support/session';

/**
 * 배송·반품 정책 as an owner changes it. In the list-check shop: a change applies to new orders only,
 * so its seeded orders (which the list specs count) stay as they are; the policy is put back at the end.
 */

const policyPut = (page: Page) => page.waitForResponse((r) => r.url().endsWith('/api/v1/settings/policy') && r.request().method() === 'PUT');

test('a new base fee and free-shipping threshold are previewed on a sample cart, saved, and shown after a reload', async ({ page }) => {
  await signInSession(page, LIST_OWNER);
  const before = await page.request.get('/api/v1/settings/policy');
  expect(before.ok()).toBeTruthy();
  const original = ((await before.json()) as { policy: { shipping: { baseFee: number; freeThreshold: number | null; jejuFee: number } } }).policy;
  expect(original.shipping).toMatchObject({ baseFee: 3000, freeThreshold: 50000, jejuFee: 3000 });

  await page.goto('/settings/policy');
  await expect(page.getByRole('heading', { level: 1, name: '배송·반품 정책' })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: '배송·반품 정책' })).toBeVisible();
  try {
    await page.getByLabel('기본 배송비').fill('4000');
    await page.getByLabel('무료배송 기준 금액').fill('25000');
    // the sample cart: 30,000원 to Jeju (63122); now 3,000 + 3,000 Jeju, edited: free over 25,000, Jeju still 3,000
    await expect(page.getByTestId('preview-area')).toHaveText('63122: 제주');
    await expect(page.getByTestId('preview-base')).toHaveText(/3,000원\s*0원/);
    await expect(page.getByTestId('preview-toPay')).toHaveText(/36,000원\s*33,000원/);
    await page.getByLabel('상품 금액').fill('20000');
    await expect(page.getByTestId('preview-toPay')).toHaveText(/26,000원\s*27,000원/);

    await expect(page.getByTestId('policy-applies-from')).toContainText('이미 들어온 주문은 주문할 때의 정책');
    const saved = policyPut(page);
    await page.getByRole('button', { name: '저장' }).click();
    expect((await saved).status()).toBe(200);
    await expect(page.getByText('저장했습니다. 지금부터 들어오는 주문에 적용됩니다.')).toBeVisible();
    await expect(page.getByTestId('policy-version')).toContainText(`${LIST_OWNER.name} 님이 저장`);

    await page.reload();
    await expect(page.getByLabel('기본 배송비')).toHaveValue('4,000');
    await expect(page.getByLabel('무료배송 기준 금액')).toHaveValue('25,000');
  } finally {
    const restored = await page.request.put('/api/v1/settings/policy', { data: original, headers: await csrfHeaders(page.request) });
    expect(restored.ok(), await restored.text()).toBeTruthy();
  }
});
