import { expect, test } from '@playwright/test';
import { createCardOrder, shipAll, staffApi, type ApiOrder } from './support/detail-api';
import { dialog, openOrderSignedIn, paymentAmount } from './support/detail-session';

type Answer = { order: ApiOrder; result: { claim: { id: number } | null } };

/**
 * A refund that explains itself: completing a buyer's-fault return of 면 양말 from an order that
 * shipped free (52,000원) leaves 40,000원, under the 50,000원 threshold, so shipping becomes due and
 * one leg of return shipping is kept. The dialog says so under each figure, and the refund's record
 * keeps saying it after completion.
 */
test('the refund of a return says why under each figure, and its record keeps the reasons', async ({ page, playwright }) => {
  const api = await staffApi(playwright);
  const placed = await createCardOrder(api, [{ name: '울 니트', price: 40000, quantity: 1 }, { name: '면 양말', price: 12000, quantity: 1 }], { name: '이근거', phone: '010-5555-0303' });
  expect(placed.totals).toMatchObject({ orderTotal: 52000, shippingFee: 0 });
  let order = await shipAll(api, placed.id);
  const socks = order.items.find((i) => i.productName === '면 양말')!;
  const group = order.shipmentGroups.find((g) => g.items.some((i) => i.itemId === socks.id))!;
  const requested = await api.post<Answer>(`/api/v1/orders/${order.id}/returns`, {
    expectedVersion: order.version, items: [{ itemId: socks.id, shipmentGroupId: group.id, quantity: 1 }],
    reasonCode: 'change_of_mind', pickup: { name: '이근거', phone: '010-5555-0303', postcode: '04524', address1: '서울특별시 중구 세종대로 110', address2: '3층' }, restock: true,
  });
  const claimId = requested.result.claim!.id;
  order = requested.order;
  for (const to of ['return_collecting', 'return_collected']) order = (await api.post<Answer>(`/api/v1/orders/${order.id}/claims/${claimId}/status`, { expectedVersion: order.version, to })).order;

  await openOrderSignedIn(page, order.id, order.orderNumber);
  const claim = page.getByRole('article', { name: `반품 #${claimId}` });
  await expect(claim).toContainText('단순 변심');
  await claim.getByRole('button', { name: '반품완료' }).click();
  const complete = dialog(page, `반품완료 #${claimId}`);

  // 12,000 back, less 3,000 shipping now due and 3,000 return shipping
  await expect(complete.getByTestId('refund-total')).toHaveText('6,000원');
  await expect(complete.getByRole('list', { name: '상품 금액 계산 근거' })).toHaveText('면 양말 1개를 반품합니다 (개당 12,000원 × 1 = 12,000원)');
  await expect(complete.getByRole('list', { name: '배송비 계산 근거' })).toHaveText('남은 상품 40,000원이 무료배송 기준 50,000원 미만이 되어 배송비 3,000원을 부과합니다');
  await expect(complete.getByRole('list', { name: '차감 계산 근거' })).toHaveText('구매자 귀책 반품: 반품 배송비 3,000원 차감');
  // nothing about the coupon or points: those figures are zero
  await expect(complete.getByRole('list', { name: '쿠폰 계산 근거' })).toHaveCount(0);

  // staff waive the return shipping: the dialog names the adjustment beside the proposal
  await complete.getByRole('textbox', { name: '차감' }).fill('0');
  await expect(complete.getByTestId('refund-total')).toHaveText('9,000원');
  await expect(complete.getByRole('list', { name: '차감 계산 근거' })).toContainText('직원이 조정: 차감 3,000원 → 0원');
  await complete.screenshot({ path: 'e2e/screenshots/order-detail-refund-reasons.png' });
  await complete.getByRole('button', { name: '다음' }).click();
  await complete.getByRole('button', { name: '반품완료' }).click();
  await expect(complete.getByTestId('result-refund-amount')).toHaveText('9,000원');
  await complete.getByRole('button', { name: '닫기' }).first().click();

  await expect(paymentAmount(page, 'refunded')).toHaveText('9,000원');
  const record = page.getByRole('list', { name: '환불 계산 근거' });
  await expect(record.getByRole('listitem')).toHaveText([
    '면 양말 1개를 반품합니다 (개당 12,000원 × 1 = 12,000원)',
    '남은 상품 40,000원이 무료배송 기준 50,000원 미만이 되어 배송비 3,000원을 부과합니다',
    '구매자 귀책 반품: 반품 배송비 3,000원 차감',
    '직원이 조정: 차감 3,000원 → 0원',
  ]);
  await api.dispose();
});
