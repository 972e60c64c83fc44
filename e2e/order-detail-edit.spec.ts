import { expect, test } from '@playwright/test';
import { createCardOrder, staffApi } from './support/detail-api';
import { actions, dialog, itemRow, openOrderSignedIn, paymentAmount } from './support/detail-session';

interface RequestList {
  requests: Array<{ amount: number; status: string; reason: string }>;
}

/** A demo-catalog product (src/server/seed/catalog-data.ts): 12,900원, options 오리지널 / 초코 (+500) / 베리 (+1,000), stock not tracked. */
const GRANOLA = { name: '수제 그래놀라 500g', option: '맛: 초코', unitPrice: 13400 };

test('추가: a custom item with 판매가 할인 and a catalog item found by name, 금액 계산, then the additional payment requested from the buyer', async ({ page, playwright }) => {
  const api = await staffApi(playwright);
  const order = await createCardOrder(api, [{ name: '캔버스 토트백', price: 20000, quantity: 1 }], { name: '정추가', phone: '010-5555-0303' });
  expect(order.totals.orderTotal).toBe(23000);

  await openOrderSignedIn(page, order.id, order.orderNumber);
  await actions(page).getByRole('button', { name: '추가', exact: true }).click();
  const edit = dialog(page, '주문 수정 (추가)');
  await edit.getByRole('button', { name: '직접 입력 상품 추가' }).click();
  const added = edit.getByRole('group', { name: '추가 상품 1' });
  await added.getByRole('textbox', { name: '상품명' }).fill('머그컵');
  await added.getByRole('textbox', { name: '판매가' }).fill('8000');
  await added.getByRole('textbox', { name: '수량' }).fill('2');
  await added.getByRole('button', { name: '판매가 할인' }).click();
  await added.getByText('개당 할인 금액', { exact: true }).first().click();
  await added.getByRole('textbox', { name: '개당 할인 금액' }).fill('1000');

  // a catalog item: two syllables of its name find it, and a product with options is chosen by its option
  await edit.getByRole('button', { name: '등록 상품 추가' }).click();
  const catalog = edit.getByRole('group', { name: '추가 상품 2' });
  const picker = catalog.getByRole('combobox', { name: '상품' });
  await picker.fill('놀라');
  const listbox = page.getByRole('listbox', { name: '상품' });
  const product = listbox.getByRole('group', { name: new RegExp(`^${GRANOLA.name}`) });
  await expect(product.getByRole('option')).toHaveCount(3);
  await expect(listbox.getByRole('option', { name: /^볼캡/ })).toHaveCount(0);
  await product.getByRole('option', { name: new RegExp(`^${GRANOLA.name} / ${GRANOLA.option}`) }).click();
  await expect(listbox).toBeHidden();
  await expect(picker).toHaveValue(`${GRANOLA.name} / ${GRANOLA.option}`);
  await expect(catalog).toContainText('13,400원');
  await edit.getByRole('button', { name: '다음' }).click();

  // 금액 계산 by the server: (8,000 − 1,000) × 2 + 13,400 = 27,400 more; shipping unchanged (47,400 < 50,000)
  await expect(edit.getByTestId('edit-additional-payment')).toHaveText('27,400원');
  await expect(edit.getByRole('table', { name: '수정 후 품목' })).toContainText('판매가 할인 1,000원 (개당)');
  await expect(edit.getByRole('table', { name: '수정 후 품목' })).toContainText(GRANOLA.name);
  await edit.getByRole('button', { name: '다음' }).click();

  await expect(edit.getByRole('checkbox', { name: '추가 결제 요청 보내기 (구매자 마이페이지)' })).toBeChecked();
  await edit.getByRole('button', { name: '수정 확정' }).click();
  await expect(edit.getByTestId('edit-result')).toContainText('27,400원');
  await edit.getByRole('button', { name: '닫기' }).first().click();
  await expect(edit).toBeHidden();

  // the item under its address with its discount, 입금대기 until the buyer pays (추가 결제 대기); the request with its amount in 결제 정보
  await expect(itemRow(page, '머그컵', '입금대기')).toContainText('판매가 할인 1,000원 (개당)');
  await expect(itemRow(page, '머그컵', '입금대기')).toContainText('2개');
  await expect(itemRow(page, '머그컵', '입금대기')).toContainText('추가 결제 대기');
  await expect(itemRow(page, GRANOLA.name, '입금대기')).toContainText(GRANOLA.option);
  await expect(itemRow(page, GRANOLA.name, '입금대기')).toContainText('13,400원');
  await expect(itemRow(page, '캔버스 토트백', '결제완료')).not.toContainText('추가 결제 대기');
  await expect(page.getByTestId('payment-requests')).toContainText('27,400원');
  await expect(page.getByTestId('payment-requests')).toContainText('주문 수정에 따른 추가 결제');
  await expect(paymentAmount(page, 'balanceDue')).toHaveText('27,400원');

  const { requests } = await api.get<RequestList>(`/api/v1/orders/${order.id}/payment-requests`);
  expect(requests).toEqual([expect.objectContaining({ amount: 27400, status: 'pending' })]);
  const edited = await api.order(order.id);
  expect(edited.items.find((i) => i.productName === GRANOLA.name)).toMatchObject({ quantity: 1 });
  await api.dispose();
});
