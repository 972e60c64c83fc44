import { expect, test } from '@playwright/test';
import { staff } from './support/accounts';
import { createCardOrder, staffApi } from './support/detail-api';
import { expectOrderShown, openOrderSignedIn } from './support/detail-session';

test('one staff member’s memo is read by the next one who signs in; only its author may edit it', async ({ page, playwright }) => {
  const api = await staffApi(playwright);
  const order = await createCardOrder(api, [{ name: '라탄 바구니', price: 18000, quantity: 1 }], { name: '문메모', phone: '010-5555-0505' });
  const first = staff(3);
  const next = staff(4);
  const note = `고객 요청: 선물 포장, 부재 시 경비실 (${Date.now()})`;

  await openOrderSignedIn(page, order.id, order.orderNumber, first);
  await page.getByRole('textbox', { name: '메모 작성' }).fill(note);
  await page.getByRole('button', { name: '메모 저장' }).click();
  const memo = page.getByRole('article').filter({ hasText: note });
  await expect(memo).toContainText(`${first.name} (직원)`);
  await expect(memo.getByRole('button', { name: /^메모 수정/ })).toBeVisible();
  await page.getByRole('button', { name: '로그아웃' }).click();
  await expect(page).toHaveURL(/\/login/);

  // the next staff member signs in and opens the same order
  await page.getByLabel('이메일').fill(next.email);
  await page.getByLabel('비밀번호').fill(next.password);
  await page.getByRole('button', { name: '로그인' }).click();
  await expect(page.getByRole('banner')).toContainText(next.name);
  await page.goto(`/orders/${order.id}`);
  await expectOrderShown(page, order.orderNumber);
  const read = page.getByRole('article').filter({ hasText: note });
  await expect(read.getByTestId('memo-body')).toHaveText(note);
  await expect(read.getByTestId('memo-author')).toContainText(`${first.name} (직원)`);
  await expect(read.getByTestId('memo-author')).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  await expect(read.getByRole('button', { name: /^메모 수정/ })).toHaveCount(0);

  // 메모만: memos and nothing else
  await page.getByText('메모만', { exact: true }).click();
  await expect(page.getByTestId('timeline').locator('li')).toHaveCount(1);
  await expect(page.getByTestId('timeline')).not.toContainText('주문이 접수되었습니다');

  // an answer of one's own can be edited by its author
  await page.getByRole('textbox', { name: '메모 작성' }).fill('경비실 위치 확인 완료');
  await page.getByRole('button', { name: '메모 저장' }).click();
  const own = page.getByRole('article').filter({ hasText: '경비실 위치 확인 완료' });
  await own.getByRole('button', { name: /^메모 수정/ }).click();
  await own.getByRole('textbox', { name: '메모 내용' }).fill('경비실 위치 확인 완료 (정문 옆)');
  await own.getByRole('button', { name: '저장' }).click();
  await expect(page.getByRole('article').filter({ hasText: '(정문 옆)' }).getByTestId('memo-author')).toContainText('수정됨');
  await expect(page.getByTestId('timeline').locator('li')).toHaveCount(2);
  await api.dispose();
});
