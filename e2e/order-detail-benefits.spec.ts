import { expect, test } from '@playwright/test';
import type { BuyerBenefits } from '../src/contracts/buyer-benefits';
import type { CreateEditResponse, EditAction } from '../src/contracts/edits';
import { createCardOrder, staffApi } from './support/detail-api';
import { createMemberOrder, findMemberWithBenefits } from './support/detail-members';
import { actions, dialog, openOrderSignedIn, paymentAmount } from './support/detail-session';

const won = (n: number) => `${n.toLocaleString('ko-KR')}원`;
const POINTS = 1000;

test('추가 for a member: the buyer’s coupon chosen from the list and points up to the balance, 금액 계산 with both, then commit', async ({ page, playwright }) => {
  const api = await staffApi(playwright);
  // 60,000원 reaches every demo coupon's minimum (20,000 / 30,000 / 50,000원)
  const member = await findMemberWithBenefits(api, { minPoints: POINTS * 2, orderAmount: 60_000 });
  const order = await createMemberOrder(api, member, [{ name: '울 코트', price: 60_000, quantity: 1 }]);
  const added: EditAction = { type: 'add_item', custom: { name: '캐시미어 목도리', unitPrice: 10_000 }, quantity: 1, addressId: order.addresses[0]!.id };
  // what the server will say, asked apart (a preview changes nothing): the screen must show the same
  const expected = await api.post<CreateEditResponse>(`/api/v1/orders/${order.id}/edits`, {
    expectedVersion: order.version,
    actions: [added, { type: 'apply_coupon', customerCouponId: member.coupon.customerCouponId }, { type: 'use_points', amount: POINTS }],
  });
  const discount = expected.preview.couponApplied?.discount ?? 0;
  expect(discount).toBeGreaterThan(0);

  await openOrderSignedIn(page, order.id, order.orderNumber);
  await actions(page).getByRole('button', { name: '추가', exact: true }).click();
  const edit = dialog(page, '주문 수정 (추가)');
  await edit.getByRole('button', { name: '직접 입력 상품 추가' }).click();
  const item = edit.getByRole('group', { name: '추가 상품 1' });
  await item.getByRole('textbox', { name: '상품명' }).fill('캐시미어 목도리');
  await item.getByRole('textbox', { name: '판매가' }).fill('10000');
  await edit.getByRole('button', { name: '다음' }).click();

  // 금액 계산: the buyer's coupons to choose from (no number to know), the balance beside the points
  const benefits = edit.getByTestId('edit-benefits');
  await expect(benefits).toContainText(`${member.name} 회원`);
  const coupon = benefits.getByRole('combobox', { name: '쿠폰' });
  await expect(coupon).toHaveValue('');
  await expect(coupon.getByRole('option', { name: '쿠폰 없음' })).toHaveCount(1);
  const option = coupon.locator(`option[value="${member.coupon.customerCouponId}"]`);
  await expect(option).toContainText(member.coupon.name);
  await expect(option).toContainText(member.coupon.ruleText);
  await expect(option).toContainText(`${member.coupon.expiresAt!.slice(0, 4)}`);
  await coupon.selectOption(String(member.coupon.customerCouponId));
  await expect(benefits.getByTestId('coupon-terms')).toContainText(member.coupon.ruleText);

  await expect(benefits.getByTestId('points-balance')).toHaveText(`보유 적립금 ${won(member.pointsBalance)}`);
  const points = benefits.getByRole('textbox', { name: '추가로 사용할 적립금' });
  await benefits.getByRole('button', { name: '전액 사용' }).click();
  await expect(points).toHaveValue(member.pointsBalance.toLocaleString('en-US'));
  await points.fill(String(POINTS));
  await expect(points).toHaveValue('1,000');

  await edit.getByRole('button', { name: '다시 계산' }).click();
  await expect(edit.getByText(`쿠폰 적용: ${member.coupon.name} (${won(discount)})`)).toBeVisible();
  await expect(edit.getByText(`적립금 사용 ${won(POINTS)}`, { exact: true })).toBeVisible();
  const totals = edit.getByRole('table', { name: '금액 계산' });
  await expect(totals.getByRole('row').filter({ hasText: '쿠폰 할인' })).toContainText(`-${won(discount)}`);
  await expect(totals.getByRole('row').filter({ hasText: '적립금 사용' })).toContainText(`-${won(POINTS)}`);
  await expect(edit.getByTestId('edit-additional-payment')).toHaveText(won(expected.preview.additionalPayment));
  await edit.getByRole('button', { name: '다음' }).click();
  await edit.getByRole('button', { name: '수정 확정' }).click();
  await expect(edit.getByTestId('edit-result')).toContainText('주문을 수정했습니다.');
  await edit.getByRole('button', { name: '닫기' }).first().click();
  await expect(edit).toBeHidden();

  await expect(paymentAmount(page, 'couponDiscount')).toHaveText(`-${won(discount)}`);
  await expect(paymentAmount(page, 'pointsUsed')).toHaveText(`-${won(POINTS)}`);
  await expect(paymentAmount(page, 'balanceDue')).toHaveText(won(expected.preview.additionalPayment));

  // spent: the balance is lower, the coupon is the order's now and no longer offered
  const after = await api.get<BuyerBenefits>(`/api/v1/orders/${order.id}/buyer-benefits`);
  expect(after.member?.pointsBalance).toBe(member.pointsBalance - POINTS);
  expect(after.appliedCoupon).toMatchObject({ customerCouponId: member.coupon.customerCouponId, discount });
  expect(after.coupons.map((c) => c.customerCouponId)).not.toContain(member.coupon.customerCouponId);

  // the edit dialog opened again shows the coupon the order carries instead of a choice
  await actions(page).getByRole('button', { name: '추가', exact: true }).click();
  await edit.getByRole('button', { name: '직접 입력 상품 추가' }).click();
  await edit.getByRole('group', { name: '추가 상품 1' }).getByRole('textbox', { name: '상품명' }).fill('선물 포장');
  await edit.getByRole('group', { name: '추가 상품 1' }).getByRole('textbox', { name: '판매가' }).fill('2000');
  await edit.getByRole('button', { name: '다음' }).click();
  await expect(edit.getByTestId('applied-coupon')).toContainText(member.coupon.name);
  await expect(edit.getByRole('combobox', { name: '쿠폰' })).toHaveCount(0);
  await expect(edit.getByTestId('points-balance')).toHaveText(`보유 적립금 ${won(member.pointsBalance - POINTS)}`);
  await api.dispose();
});

test('추가 for a guest: no coupons or points, a short note instead', async ({ page, playwright }) => {
  const api = await staffApi(playwright);
  const order = await createCardOrder(api, [{ name: '린넨 셔츠', price: 30_000, quantity: 1 }], { name: '한비회', phone: '010-5555-0505' });
  await openOrderSignedIn(page, order.id, order.orderNumber);
  await actions(page).getByRole('button', { name: '추가', exact: true }).click();
  const edit = dialog(page, '주문 수정 (추가)');
  await edit.getByRole('button', { name: '직접 입력 상품 추가' }).click();
  await edit.getByRole('group', { name: '추가 상품 1' }).getByRole('textbox', { name: '상품명' }).fill('양말');
  await edit.getByRole('group', { name: '추가 상품 1' }).getByRole('textbox', { name: '판매가' }).fill('5000');
  await edit.getByRole('button', { name: '다음' }).click();
  await expect(edit.getByText('비회원 주문이라 쿠폰과 적립금을 쓸 수 없습니다.')).toBeVisible();
  await expect(edit.getByRole('combobox', { name: '쿠폰' })).toHaveCount(0);
  await expect(edit.getByRole('textbox', { name: '추가로 사용할 적립금' })).toHaveCount(0);
  await expect(edit.getByTestId('edit-additional-payment')).toHaveText('5,000원');
  await api.dispose();
});
