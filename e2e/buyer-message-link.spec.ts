import { expect, test } from '@playwright/test';
import { createCardOrder, staffApi } from './support/detail-api';
import { actions, dialog, openOrderSignedIn } from './support/detail-session';
import { PHONE, expectMyOrder } from './support/my-page';

/**
 * The issue's own case: staff add an item and ask the buyer to pay for it; the 알림톡 that tells the
 * buyer (kept in the development outbox, since the e2e shop sets no channel) carries a link; the
 * buyer follows it on their phone, lands on the order signed in to it alone, and pays in the test
 * gateway's window. Staff see the request paid.
 */
test('staff ask for an additional payment; the buyer follows the message’s link and pays it on My Page', async ({ page, browser, playwright }) => {
  const api = await staffApi(playwright);
  const order = await createCardOrder(api, [{ name: '캔버스 토트백', price: 20000, quantity: 1 }], { name: '정링크', phone: '010-5555-0404' });
  await api.dispose();

  // staff: 추가 — a custom item, and the request sent to the buyer with it
  await openOrderSignedIn(page, order.id, order.orderNumber);
  await actions(page).getByRole('button', { name: '추가', exact: true }).click();
  const edit = dialog(page, '주문 수정 (추가)');
  await edit.getByRole('button', { name: '직접 입력 상품 추가' }).click();
  const added = edit.getByRole('group', { name: '추가 상품 1' });
  await added.getByRole('textbox', { name: '상품명' }).fill('머그컵');
  await added.getByRole('textbox', { name: '판매가' }).fill('8000');
  await edit.getByRole('button', { name: '다음' }).click();
  await expect(edit.getByTestId('edit-additional-payment')).toHaveText('8,000원');
  await edit.getByRole('button', { name: '다음' }).click();
  await expect(edit.getByRole('checkbox', { name: '추가 결제 요청 보내기 (구매자 마이페이지)' })).toBeChecked();
  await edit.getByRole('button', { name: '수정 확정' }).click();
  await expect(edit.getByTestId('edit-result')).toContainText('8,000원');
  await edit.getByRole('button', { name: '닫기' }).first().click();

  // staff: 발송 내역 — the 추가 결제 요청 알림톡 as the buyer reads it, with its link
  await page.getByRole('navigation').getByRole('link', { name: '발송 내역' }).click();
  await page.getByLabel('주문번호 검색').fill(order.orderNumber);
  await page.getByLabel('주문번호 검색').press('Enter');
  const row = page.getByRole('table', { name: '발송 내역' }).getByRole('row').filter({ hasText: '추가 결제 요청' }).filter({ hasText: '알림톡' });
  await row.getByRole('button', { name: /^메시지 보기: 추가 결제 요청/ }).click();
  const message = page.getByRole('dialog', { name: '메시지 보기' }).getByTestId('preview-alimtalk');
  await expect(message).toContainText('요청금액: 8,000원');
  const link = message.getByRole('link', { name: /\/my\/m\// });
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/my\/m\/\d+\.[\w-]+$/);

  // the buyer, on their phone, with no session of any kind
  const phone = await browser.newContext({ viewport: PHONE, locale: 'ko-KR', timezoneId: 'UTC' });
  const buyer = await phone.newPage();
  await buyer.goto(href!);
  await expectMyOrder(buyer, order.orderNumber);
  const request = buyer.getByTestId('payment-request');
  await expect(request).toContainText('8,000원');
  await request.getByRole('button', { name: '8,000원 결제하기' }).click();
  await expect(buyer).toHaveURL(/\/my\/pay\/test-window/);
  await buyer.getByRole('combobox', { name: '카드사' }).selectOption({ index: 1 });
  await buyer.getByRole('button', { name: '결제하기', exact: true }).click();
  await expect(buyer).toHaveURL(/\/my\/pay\/success\?/);
  await expect(buyer.getByRole('heading', { name: '결제가 완료되었습니다' })).toBeVisible();
  await phone.close();

  // staff: the request is paid, nothing is owed
  await page.goto(`/orders/${order.id}`);
  await expect(page.getByTestId('amount-balanceDue')).toHaveText('0원');
});
