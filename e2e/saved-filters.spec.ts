import { expect, test } from '@playwright/test';
import { listTotal, signIn, waitForRows } from './support/session';
import { LIST_OWNER } from './support/accounts';

test('save the current filter under a name, load it later, delete it', async ({ page }) => {
  const name = `비회원 쿠팡 ${Date.now() % 100000}`;
  await signIn(page, LIST_OWNER);
  await page.getByRole('button', { name: '필터', exact: true }).click();
  const panel = page.getByRole('dialog', { name: '필터' });
  await panel.getByRole('group', { name: '회원 구분' }).getByRole('radio', { name: '비회원' }).check();
  await panel.getByRole('group', { name: '주문 채널' }).getByRole('checkbox', { name: '쿠팡' }).check();
  await panel.getByRole('button', { name: '적용' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: /^비회원$/ })).toBeVisible();
  await expect.poll(() => listTotal(page)).toBeLessThan(400);
  const filtered = await listTotal(page);

  await page.getByRole('button', { name: '저장된 필터', exact: true }).click();
  await page.getByRole('button', { name: '현재 필터 저장' }).click();
  const dialog = page.getByRole('dialog', { name: '현재 필터 저장' });
  await dialog.getByLabel('필터 이름').fill(name);
  await dialog.getByRole('button', { name: '저장' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `'${name}' 필터를 저장했습니다.` })).toBeVisible();

  // back to the plain tab, then load the saved filter
  await page.getByRole('region', { name: '수정됨' }).getByRole('button', { name: '취소' }).click();
  await expect.poll(() => listTotal(page)).toBe(400);
  await page.getByRole('button', { name: '저장된 필터', exact: true }).click();
  await page.getByRole('button', { name, exact: true }).click();
  await expect(page.getByRole('listitem').filter({ hasText: '주문 채널: 쿠팡' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: /^비회원$/ })).toBeVisible();
  await expect.poll(() => listTotal(page)).toBe(filtered);
  await waitForRows(page);

  // choosing a filter closes the list of saved filters: open it again only once it is gone (while it
  // closes, its 삭제 buttons are still there, and a click would land on the closing list)
  const remove = page.getByRole('button', { name: `저장된 필터 삭제: ${name}` });
  await expect(remove).toBeHidden();
  await page.getByRole('button', { name: '저장된 필터', exact: true }).click();
  await remove.click();
  await expect(page.getByRole('button', { name, exact: true })).toBeHidden();
});
