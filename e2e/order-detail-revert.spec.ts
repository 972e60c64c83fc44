import { expect, test } from '@playwright/test';
import { createCardOrder, moveAll, staffApi } from './support/detail-api';
import { dialog, itemRow, openOrderSignedIn } from './support/detail-session';

test('상태 되돌리기 from the … menu: 1 of 2 units 상품준비중 → 결제완료', async ({ page, playwright }) => {
  const api = await staffApi(playwright);
  const order = await createCardOrder(api, [{ name: '스테인리스 텀블러', price: 15000, quantity: 2 }], { name: '한되돌', phone: '010-5555-0404' });
  await moveAll(api, order.id, 'paid', 'preparing');

  await openOrderSignedIn(page, order.id, order.orderNumber);
  await expect(itemRow(page, '스테인리스 텀블러', '상품준비중')).toContainText('2개');
  await page.getByRole('button', { name: '주문 메뉴 더보기' }).click();
  await page.getByRole('menuitem', { name: '상태 되돌리기' }).click();
  const revert = dialog(page, '상태 되돌리기');
  await revert.getByRole('checkbox', { name: '선택: 스테인리스 텀블러 (상품준비중)' }).check();
  await revert.getByRole('button', { name: '수량 줄이기: 스테인리스 텀블러' }).click();
  await expect(revert.getByRole('textbox', { name: '처리 수량: 스테인리스 텀블러 (상품준비중)' })).toHaveValue('1');
  await expect(revert).toContainText('스테인리스 텀블러 × 1개: 상품준비중 → 결제완료');
  await revert.getByRole('button', { name: '되돌리기' }).click();
  await expect(revert).toBeHidden();

  await expect(itemRow(page, '스테인리스 텀블러', '결제완료')).toContainText('1개');
  await expect(itemRow(page, '스테인리스 텀블러', '상품준비중')).toContainText('1개');
  await expect(page.getByTestId('timeline')).toContainText('스테인리스 텀블러 1개를 결제완료로 되돌렸습니다 (상품준비중 → 결제완료)');
  const after = await api.order(order.id);
  expect(after.items[0]!.quantityByStatus).toEqual({ paid: 1, preparing: 1 });
  await api.dispose();
});
