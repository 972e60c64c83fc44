import { expect, test } from '@playwright/test';
import { staff } from './support/accounts';
import { createCardOrder, moveAll, staffApi } from './support/detail-api';
import { actions, dialog, itemRow, openOrderSignedIn } from './support/detail-session';

test('a change made in another session meanwhile: the refusal says who changed what, and 새로고침 shows it', async ({ page, playwright }) => {
  const owner = await staffApi(playwright);
  const order = await createCardOrder(owner, [{ name: '세라믹 접시', price: 12000, quantity: 2 }], { name: '유충돌', phone: '010-5555-0606' });

  await openOrderSignedIn(page, order.id, order.orderNumber);
  await expect(itemRow(page, '세라믹 접시', '결제완료')).toBeVisible();

  // someone else, at another desk, moves the order on
  const colleague = await staffApi(playwright, staff(2));
  await moveAll(colleague, order.id, 'paid', 'preparing');

  // this screen still shows 결제완료 and acts on it
  await actions(page).getByRole('button', { name: '상태 변경' }).click();
  const change = dialog(page, '상태 변경');
  await change.getByRole('checkbox', { name: '선택: 세라믹 접시 (결제완료)' }).check();
  await change.getByRole('button', { name: '상태 변경' }).click();
  const refusal = change.getByRole('alert');
  await expect(refusal).toContainText('다른 사용자가 이 주문을 먼저 변경했습니다');
  await expect(refusal).toContainText(`${staff(2).name} (직원)`);

  const banner = page.getByTestId('conflict-banner');
  await expect(banner).toContainText('다른 사용자가 이 주문을 먼저 변경했습니다');
  await expect(banner).toContainText(`${staff(2).name} (직원)`);
  await expect(banner).toContainText('결제완료 → 상품준비중');
  await expect(itemRow(page, '세라믹 접시', '결제완료')).toBeVisible(); // nothing overwritten, nothing reloaded behind the user's back
  await page.screenshot({ path: 'e2e/screenshots/order-detail-conflict.png' });

  await change.getByRole('button', { name: '새로고침' }).click();
  await expect(change).toBeHidden();
  await expect(banner).toBeHidden();
  await expect(itemRow(page, '세라믹 접시', '상품준비중')).toContainText('2개');
  const after = await owner.order(order.id);
  expect(after.items[0]!.quantityByStatus).toEqual({ preparing: 2 });
  await owner.dispose();
  await colleague.dispose();
});
