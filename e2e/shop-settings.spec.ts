import { expect, test } from '@playwright/test';
import type { ShopSettings } from '../src/contracts/settings';
import { staffApi } from './support/detail-api';
import { signInSession } from './support/session';

/**
 * 쇼핑몰 설정 as the owner uses it. The demo shop is shared with every other spec, so what this one
 * changes is put back through the API before it ends, passing or failing.
 */

const PATH = '/settings/shop';

test('business details and a bank account are saved and shown again after a reload', async ({ page, playwright }) => {
  const api = await staffApi(playwright);
  const before = await api.get<ShopSettings>('/api/v1/settings');
  try {
    await signInSession(page);
    await page.goto(PATH);
    await expect(page.getByRole('heading', { level: 1, name: '쇼핑몰 설정' })).toBeVisible();
    await expect(page.getByRole('navigation').getByRole('link', { name: '쇼핑몰 설정' })).toBeVisible();

    const business = page.getByRole('region', { name: '사업자 정보' });
    await business.getByLabel('상호').fill('(주)주문데모 E2E');
    await business.getByLabel('사업자등록번호').fill('2208162517');
    const savedBusiness = page.waitForResponse((r) => r.url().endsWith('/api/v1/settings') && r.request().method() === 'PATCH');
    await business.getByRole('button', { name: '저장' }).click();
    expect((await savedBusiness).status()).toBe(200);

    const accounts = page.getByRole('region', { name: '무통장 입금 계좌' });
    await accounts.getByRole('button', { name: '계좌 추가' }).click();
    const row = accounts.getByTestId('bank-account-row').last();
    await row.getByLabel('은행').fill('국민은행');
    await row.getByLabel('계좌번호').fill('123-45-678901');
    await row.getByLabel('예금주').fill('(주)주문데모');
    const savedAccounts = page.waitForResponse((r) => r.url().endsWith('/api/v1/settings') && r.request().method() === 'PATCH');
    await accounts.getByRole('button', { name: '저장' }).click();
    expect((await savedAccounts).status()).toBe(200);

    await page.reload();
    await expect(page.getByRole('region', { name: '사업자 정보' }).getByLabel('상호')).toHaveValue('(주)주문데모 E2E');
    // the server answers the number as it is written on documents
    await expect(page.getByRole('region', { name: '사업자 정보' }).getByLabel('사업자등록번호')).toHaveValue('220-81-62517');
    const saved = page.getByRole('region', { name: '무통장 입금 계좌' }).getByTestId('bank-account-row').last();
    await expect(saved.getByLabel('계좌번호')).toHaveValue('123-45-678901');
    await expect(saved.getByLabel('예금주')).toHaveValue('(주)주문데모');
  } finally {
    const res = await api.context.patch('/api/v1/settings', { data: { business: before.business, bankAccounts: before.bankAccounts } });
    expect(res.status()).toBe(200);
    await api.dispose();
  }
});

test('the gateway secret key is never shown: only 설정됨 and its last four characters', async ({ page, playwright }) => {
  const api = await staffApi(playwright);
  const secretKey = 'test_sk_e2eSecretValue4321';
  try {
    const put = await api.context.put('/api/v1/settings/gateway', { data: { provider: 'toss', clientKey: 'test_ck_e2eClientKey1234', secretKey } });
    expect(put.status()).toBe(200);
    await signInSession(page);
    await page.goto(PATH);
    const gateway = page.getByRole('region', { name: '결제대행사' });
    await expect(gateway.getByLabel('클라이언트 키')).toHaveValue('test_ck_e2eClientKey1234');
    const secret = gateway.getByTestId('gateway-secret-key');
    await expect(secret).toHaveValue('');
    await expect(gateway).toContainText('설정됨 ••••4321');
    expect(await page.content()).not.toContain('e2eSecretValue');
  } finally {
    const res = await api.context.put('/api/v1/settings/gateway', { data: { provider: null } });
    expect(res.status()).toBe(200);
    await api.dispose();
  }
});
