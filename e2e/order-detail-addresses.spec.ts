import { expect, test } from '@playwright/test';
import { createCardOrder, staffApi } from './support/detail-api';
import { dialog, openOrderSignedIn } from './support/detail-session';

test('배송지 추가, then 2 of 3 units moved to it (분할 배송)', async ({ page, playwright }) => {
  const api = await staffApi(playwright);
  const order = await createCardOrder(api, [{ name: '유리 화병', price: 9000, quantity: 3 }], { name: '남분할', phone: '010-5555-0707' });

  await openOrderSignedIn(page, order.id, order.orderNumber);
  await page.getByRole('button', { name: '주문 메뉴 더보기' }).click();
  await page.getByRole('menuitem', { name: '배송지 추가' }).click();
  const add = dialog(page, '배송지 추가');
  await add.getByRole('textbox', { name: '받는 분' }).fill('남분할 부모님');
  await add.getByRole('textbox', { name: '연락처' }).fill('010-8888-4040');
  await add.getByRole('textbox', { name: '우편번호' }).fill('48058');
  await add.getByRole('textbox', { name: '주소', exact: true }).fill('부산광역시 해운대구 센텀중앙로 79');
  await add.getByRole('button', { name: '배송지 추가' }).click();

  // moving units there follows at once, with the new address chosen
  const move = dialog(page, '배송지 지정');
  await expect(move.getByRole('combobox', { name: '보낼 배송지' })).toHaveValue(/\d+/);
  await expect(move.getByRole('combobox', { name: '보낼 배송지' }).locator('option:checked')).toContainText('배송지 2');
  await move.getByRole('checkbox', { name: '선택: 유리 화병 (결제완료)' }).check();
  await move.getByRole('textbox', { name: '처리 수량: 유리 화병 (결제완료)' }).fill('2');
  await move.getByRole('button', { name: '배송지로 옮기기' }).click();
  await expect(move).toBeHidden();

  await expect(page.getByRole('table', { name: '배송지 상품: 배송지 1' })).toContainText('1개');
  await expect(page.getByRole('table', { name: '배송지 상품: 배송지 2' })).toContainText('2개');
  await expect(page.getByRole('region', { name: '배송지 2' }).first()).toContainText('부산광역시 해운대구 센텀중앙로 79');
  const after = await api.order(order.id);
  expect(after.addresses).toHaveLength(2);
  expect(after.shipmentGroups.map((g) => g.items[0]?.quantity).sort()).toEqual([1, 2]);
  await api.dispose();
});
