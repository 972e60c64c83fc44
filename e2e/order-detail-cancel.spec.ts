import { expect, test } from '@playwright/test';
import { createCardOrder, staffApi } from './support/detail-api';
import { actions, dialog, itemRow, openOrderSignedIn, paymentAmount, tick } from './support/detail-session';

test('a partial cancel with the shipping fee refunded by hand: the refund shown, then the order’s 환불금액', async ({ page, playwright }) => {
  const api = await staffApi(playwright);
  // 10,000 × 3 + 5,000 × 2 = 40,000 (under the 50,000 free-shipping threshold) + 3,000 shipping
  const order = await createCardOrder(api, [
    { name: '린넨 셔츠', optionName: '블랙', price: 10000, quantity: 3 },
    { name: '면 양말', price: 5000, quantity: 2 },
  ]);
  expect(order.totals.orderTotal).toBe(43000);
  const shirt = '린넨 셔츠 / 블랙';

  await openOrderSignedIn(page, order.id, order.orderNumber);
  await expect(itemRow(page, '린넨 셔츠', '결제완료')).toContainText('3개');

  // 1 of the 3 shirts, ticked on the page; 취소 starts from that
  await tick(page, shirt, '결제완료', 1);
  await expect(page.getByTestId('selected-units')).toHaveText('선택한 상품 1개');
  await actions(page).getByRole('button', { name: '취소', exact: true }).click();
  const cancel = dialog(page, '주문 취소');
  await expect(cancel.getByRole('checkbox', { name: `선택: ${shirt} (결제완료)` })).toBeChecked();
  await expect(cancel.getByRole('textbox', { name: `처리 수량: ${shirt} (결제완료)` })).toHaveValue('1');
  await cancel.getByRole('button', { name: '다음' }).click();

  await cancel.getByRole('combobox', { name: '사유' }).selectOption({ label: '단순 변심' });
  await cancel.getByRole('textbox', { name: '상세 사유' }).fill('부분 취소');
  await expect(cancel.getByRole('radio', { name: '바로 취소완료 (환불 진행)' })).toBeChecked();
  await cancel.getByRole('button', { name: '다음' }).click();

  // 금액 계산: the server's proposal (the shirt; shipping stays charged), then shipping refunded by hand
  const total = cancel.getByTestId('refund-total');
  await expect(total).toHaveText('10,000원');
  await expect(cancel.getByRole('textbox', { name: '배송비', exact: true })).toHaveValue('0');
  await cancel.getByRole('radio', { name: '환불' }).check({ force: true });
  await cancel.getByRole('textbox', { name: '배송비', exact: true }).fill('3000');
  await expect(total).toHaveText('13,000원');
  await expect(cancel.getByText('직접 조정')).toBeVisible();
  await cancel.screenshot({ path: 'e2e/screenshots/order-detail-cancel-amount.png' });
  await cancel.getByRole('button', { name: '다음' }).click();

  await expect(cancel.getByTestId('confirm-refund-total')).toHaveText('13,000원');
  await cancel.getByRole('button', { name: '취소 확정' }).click();
  await expect(cancel.getByTestId('result-refund-amount')).toHaveText('13,000원');
  await expect(cancel.getByTestId('result-refund-status')).toContainText('환불완료');
  await cancel.getByRole('button', { name: '닫기' }).first().click();
  await expect(cancel).toBeHidden();

  // the page: 2 shirts left, the claim with its refund, 환불금액 13,000원
  await expect(itemRow(page, '린넨 셔츠', '결제완료')).toContainText('2개');
  const claim = page.getByRole('article', { name: /^취소 #\d+$/ });
  await expect(claim).toContainText('취소완료');
  await expect(claim).toContainText('환불 13,000원 · 환불완료');
  await expect(paymentAmount(page, 'refunded')).toHaveText('13,000원');
  await expect(page.getByTestId('timeline')).toContainText('취소');

  const after = await api.order(order.id);
  expect(after.totals.refunded).toBe(13000);
  expect(after.items[0]!.quantityByStatus).toEqual({ paid: 2, cancelled: 1 });

  await page.setViewportSize({ width: 1440, height: 1400 });
  await page.screenshot({ path: 'e2e/screenshots/order-detail.png', fullPage: true });
  await api.dispose();
});
