import { expect, test } from '@playwright/test';
import { createCardOrder, shipAll, staffApi } from './support/detail-api';
import { actions, dialog, itemRow, openOrderSignedIn, paymentAmount, tick } from './support/detail-session';

interface ClaimList {
  claims: Array<{ id: number; kind: string; status: string; fault: string | null; pickup: { name: string; phone: string; postcode: string; address1: string; address2: string } | null; items: Array<{ quantity: number }> }>;
}

test('a partial return picked up from an address that is not on the order, then collected and completed with its refund', async ({ page, playwright }) => {
  const api = await staffApi(playwright);
  const order = await createCardOrder(api, [{ name: '울 니트', optionName: '아이보리 / M', price: 20000, quantity: 2 }], { name: '최반품', phone: '010-5555-0202' });
  await shipAll(api, order.id);
  const product = '울 니트 / 아이보리 / M';

  await openOrderSignedIn(page, order.id, order.orderNumber);
  await expect(itemRow(page, '울 니트', '배송중')).toContainText('CJ대한통운');
  await tick(page, product, '배송중', 1);
  await actions(page).getByRole('button', { name: '반품', exact: true }).click();
  const form = dialog(page, '반품');
  await expect(form.getByRole('textbox', { name: `처리 수량: ${product} (배송중)` })).toHaveValue('1');
  await form.getByRole('button', { name: '다음' }).click();

  // 기타 needs words; choosing the reason suggests who is at fault (단순 변심: the buyer)
  await form.getByRole('combobox', { name: '사유' }).selectOption({ label: '기타' });
  await expect(form.getByRole('button', { name: '다음' })).toBeDisabled();
  await form.getByRole('combobox', { name: '사유' }).selectOption({ label: '상품 불량' });
  await expect(form.getByRole('radio', { name: '판매자 귀책' })).toBeChecked();
  await form.getByRole('combobox', { name: '사유' }).selectOption({ label: '단순 변심' });
  await form.getByRole('textbox', { name: '상세 사유' }).fill('사이즈가 맞지 않음');
  await expect(form.getByRole('radio', { name: '구매자 귀책' })).toBeChecked();
  // the buyer sends it back from the office, an address the order never shipped to
  await form.getByRole('radio', { name: '다른 주소 직접 입력' }).check();
  await form.getByRole('textbox', { name: '수거 담당자(보내는 분)' }).fill('최반품');
  await form.getByRole('textbox', { name: '수거 연락처' }).fill('010-7777-3030');
  await form.getByRole('textbox', { name: '수거지 우편번호' }).fill('06236');
  await form.getByRole('textbox', { name: '수거지 주소', exact: true }).fill('서울특별시 강남구 테헤란로 152');
  await form.getByRole('textbox', { name: '수거지 상세주소' }).fill('강남파이낸스센터 20층');
  await expect(form.getByRole('checkbox', { name: '반품완료 시 재고 복원' })).toBeChecked();
  await form.getByRole('button', { name: '다음' }).click();

  await expect(form).toContainText('(06236) 서울특별시 강남구 테헤란로 152 강남파이낸스센터 20층');
  await expect(form).toContainText('사유: 단순 변심: 사이즈가 맞지 않음 · 구매자 귀책');
  await form.getByRole('button', { name: '반품 접수' }).click();
  await expect(form.getByTestId('claim-result')).toContainText('반품접수');
  await form.getByRole('button', { name: '닫기' }).first().click();

  const claim = page.getByRole('article', { name: /^반품 #\d+$/ });
  await expect(claim).toContainText('반품접수');
  await expect(claim.getByTestId('claim-pickup')).toContainText('서울특별시 강남구 테헤란로 152 강남파이낸스센터 20층');
  await expect(itemRow(page, '울 니트', '배송중')).toContainText('1개');

  const { claims } = await api.get<ClaimList>(`/api/v1/orders/${order.id}/claims`);
  const made = claims.find((c) => c.kind === 'return');
  expect(made).toMatchObject({ status: 'return_requested', fault: 'buyer', items: [{ quantity: 1 }] });
  expect(made?.pickup).toMatchObject({ name: '최반품', phone: '010-7777-3030', postcode: '06236', address1: '서울특별시 강남구 테헤란로 152', address2: '강남파이낸스센터 20층' });
  expect(order.addresses.map((a) => a.address1)).not.toContain(made?.pickup?.address1);

  // 수거중 → 수거완료 → 반품완료 with 금액 계산 (a buyer's-fault return keeps the return shipping)
  await claim.getByRole('button', { name: '수거중으로 변경' }).click();
  await dialog(page, /반품 #\d+ 상태 변경/).getByRole('button', { name: '수거중으로 변경' }).click();
  await expect(claim).toContainText('수거중');
  await claim.getByRole('button', { name: '수거완료' }).click();
  await dialog(page, /반품 #\d+ 상태 변경/).getByRole('button', { name: '수거완료' }).click();
  await expect(claim).toContainText('수거완료');
  await claim.getByRole('button', { name: '반품완료' }).click();
  const complete = dialog(page, /^반품완료 #\d+$/);
  const total = complete.getByTestId('refund-total');
  // 20,000 back less the 3,000 return shipping a buyer's-fault return keeps (the order paid its
  // shipping, so nothing else changes)
  await expect(total).toHaveText('17,000원');
  await expect(complete.getByRole('textbox', { name: '차감' })).toHaveValue('3,000');
  await expect(complete.getByRole('textbox', { name: '배송비', exact: true })).toHaveValue('0');
  await complete.getByRole('button', { name: '다음' }).click();
  await complete.getByRole('button', { name: '반품완료' }).click();
  await expect(complete.getByTestId('result-refund-amount')).toHaveText('17,000원');
  await complete.getByRole('button', { name: '닫기' }).first().click();
  await expect(claim).toContainText('반품완료');
  await expect(paymentAmount(page, 'refunded')).toHaveText('17,000원');
  await api.dispose();
});
