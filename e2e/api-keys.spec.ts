import { expect, test } from '@playwright/test';
import { OWNER } from './support/accounts';
import { signInSession } from './support/session';

/**
 * API 키 as the owner uses it: make a key with two scopes, see its secret once, use it, revoke it.
 * The key made here is revoked before the test ends, so the shared demo shop keeps no live key of it.
 */
test('a key made with 주문 조회 and 주문 처리 reads orders, cannot change settings, and stops at once when revoked', async ({ page }) => {
  await signInSession(page, OWNER);
  await page.goto('/settings/api-keys');
  await expect(page.getByRole('navigation').getByRole('link', { name: 'API 키' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'API 키' })).toBeVisible();

  const name = `e2e 연동 ${Date.now()}`;
  await page.getByRole('button', { name: 'API 키 발급' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: '이름' }).fill(name);
  await dialog.getByRole('checkbox', { name: /주문 조회/ }).check();
  await dialog.getByRole('checkbox', { name: /주문 처리/ }).check();
  await dialog.getByRole('button', { name: '발급' }).click();

  await expect(dialog.getByRole('alert')).toContainText('한 번만');
  await expect(dialog.getByRole('button', { name: '복사' })).toBeVisible();
  const secret = (await dialog.getByTestId('api-key-secret').textContent())?.trim() ?? '';
  expect(secret).toMatch(/^jm_\d+_\S{20,}$/);
  await dialog.getByRole('button', { name: '확인' }).click();

  // the list shows the key with its scopes as badges, and never the secret again
  const row = page.getByRole('table', { name: 'API 키' }).getByRole('row').filter({ hasText: name });
  await expect(row.getByText('주문 조회', { exact: true })).toBeVisible();
  await expect(row.getByText('주문 처리', { exact: true })).toBeVisible();
  await expect(row).toContainText('사용 기록 없음');
  expect(await page.content()).not.toContain(secret);

  const bearer = { authorization: `Bearer ${secret}` };
  expect((await page.request.get('/api/v1/orders?limit=1', { headers: bearer })).status()).toBe(200);
  expect((await page.request.patch('/api/v1/notification-settings', { headers: bearer, data: {} })).status()).toBe(403);

  await row.getByRole('button', { name: `폐기: ${name}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: '폐기' }).click();
  await expect(row).toContainText('폐기 (');
  const refused = await page.request.get('/api/v1/orders?limit=1', { headers: bearer });
  expect(refused.status()).toBe(401);
});
