import { expect, test } from '@playwright/test';
import { OWNER } from './support/accounts';
import { createCardOrder, staffApi } from './support/detail-api';
import { expectTotal, rowOf, search } from './support/list-ui';
import { signIn } from './support/session';

/**
 * 개인정보: the list shows a phone masked, 보기 shows it in place, and the owner finds that reveal
 * in 개인정보 접근 기록; 감사 기록 lists the sign-in.
 */
test('보기 reveals a masked phone in the list, and the access log and the audit log record it', async ({ page, playwright }) => {
  const api = await staffApi(playwright);
  const order = await createCardOrder(api, [{ name: '마스킹 머그', price: 9000, quantity: 1 }], { name: '가림표', phone: '010-5555-0919' });
  await signIn(page, OWNER);
  await search(page, order.orderNumber);
  await expectTotal(page, 1);
  const row = rowOf(page, order.orderNumber);
  await expect(row).toContainText('010-****-0919');
  await expect(row).not.toContainText('010-5555-0919');
  await row.getByRole('button', { name: `${order.orderNumber} 개인정보 보기` }).first().click();
  await expect(row).toContainText('010-5555-0919');

  await page.getByRole('navigation').getByRole('link', { name: '개인정보 접근 기록' }).click();
  const log = page.getByRole('table', { name: '개인정보 접근 기록' });
  const entry = log.getByRole('row').filter({ hasText: order.orderNumber }).first();
  await expect(entry).toContainText('보기 (목록)');

  await page.getByRole('navigation').getByRole('link', { name: '감사 기록' }).click();
  await expect(page.getByRole('table', { name: '감사 기록' }).getByRole('row').filter({ hasText: '로그인' }).first()).toBeVisible();
});
