import { expect, test } from '@playwright/test';
import { placeAtServerPrice, staffApi } from './support/detail-api';
import { openOrderSignedIn } from './support/detail-session';

/**
 * The read-only product screens: a product the storefront sent through the Catalog API, found by
 * name from the shell's menu, and reached from an order's item.
 */
test('a storefront product is listed under 상품, shows its options, and an order item links to it', async ({ page, playwright }) => {
  const api = await staffApi(playwright);
  const externalId = `e2e-knit-${Date.now()}`;
  const name = `E2E 울 가디건 ${Date.now()}`;
  const put = await api.context.put(`/api/v1/catalog/products/${externalId}`, {
    data: {
      name,
      price: 59000,
      optionNames: ['색상', '사이즈'],
      options: [
        { externalId: `${externalId}-nv-m`, values: [{ name: '색상', value: '네이비' }, { name: '사이즈', value: 'M' }], sku: 'E2E-NV-M', extraPrice: 0, stock: 7 },
        { externalId: `${externalId}-iv-l`, values: [{ name: '색상', value: '아이보리' }, { name: '사이즈', value: 'L' }], sku: 'E2E-IV-L', extraPrice: -1000, stock: null },
      ],
    },
  });
  expect(put.status(), await put.text()).toBe(201);
  const product = (await put.json()) as { id: number; options: Array<{ id: number }> };
  const order = await placeAtServerPrice(api, (amount) => ({
    channel: 'own_mall',
    orderer: { name: '박상품', phone: '010-5555-0102', email: `products${Date.now()}@e2e.jumun.kr`, guestPassword: 'guest-1234' },
    addresses: [{ recipientName: '박상품', recipientPhone: '010-5555-0102', postcode: '04524', address1: '서울특별시 중구 세종대로 110', address2: '3층' }],
    items: [{ productId: product.id, optionId: product.options[0]!.id, quantity: 1, addressIndex: 0 }],
    payment: { method: 'card', amount, status: 'paid', gateway: 'toss', gatewayTransactionId: `e2e-products-${Date.now()}`, card: { company: '신한카드', numberMasked: '5365-10**-****-1234', installmentMonths: 0 } },
  }));
  await api.dispose();

  await openOrderSignedIn(page, order.id, order.orderNumber);
  await page.getByRole('link', { name }).click();
  await expect(page).toHaveURL(new RegExp(`/products/${product.id}$`));
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText(externalId, { exact: true })).toBeVisible();
  const options = page.getByRole('table', { name: `옵션: ${name}` });
  await expect(options.getByRole('row')).toHaveCount(3);
  await expect(options.getByRole('row', { name: /색상: 네이비 · 사이즈: M/ })).toContainText('E2E-NV-M');
  await expect(options.getByRole('row', { name: /색상: 아이보리 · 사이즈: L/ })).toContainText('-1,000원');
  await expect(options.getByRole('row', { name: /아이보리/ })).toContainText('58,000원');

  await page.getByRole('navigation').getByRole('link', { name: '상품' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '상품' })).toBeVisible();
  await page.getByRole('searchbox', { name: '상품 검색' }).fill(name);
  const list = page.getByRole('table', { name: '상품' });
  await expect(list.getByRole('row')).toHaveCount(2);
  await expect(list.getByRole('row', { name: new RegExp(name) })).toContainText('59,000원');
  await expect(list.getByRole('row', { name: new RegExp(name) })).toContainText('판매중');
});
