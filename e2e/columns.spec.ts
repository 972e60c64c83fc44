import { expect, test, type Locator, type Page } from '@playwright/test';
import { staff } from './support/accounts';
import { headerTexts, signIn, table, waitForRows } from './support/session';

async function drag(page: Page, from: Locator, to: Locator) {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error('nothing to drag');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2 - 8, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2 - 4, { steps: 25 });
  await page.mouse.up();
}

// staff 1 keeps their own layout: no other test sees it
test('관리 항목 설정: hide a column, drag another to the front, reload: the layout is kept; reset restores it', async ({ page }) => {
  await signIn(page, staff(1));
  const before = await headerTexts(page);
  expect(before.slice(0, 4)).toEqual(['주문번호', '주문일시', '구매자명', '상품정보']);
  expect(before).toContain('연락처');

  await page.getByRole('button', { name: '관리 항목 설정' }).click();
  const dialog = page.getByRole('dialog', { name: '관리 항목 설정' });
  // the switch's input sits under its track; keyboard users toggle it with Space
  const phoneSwitch = dialog.getByRole('switch', { name: '표시: 연락처' });
  await phoneSwitch.focus();
  await page.keyboard.press('Space');
  await expect(phoneSwitch).not.toBeChecked();
  await drag(page, dialog.getByRole('button', { name: '순서 이동: 결제금액' }), dialog.getByRole('button', { name: '순서 이동: 주문번호' }));
  await expect(dialog.getByRole('listitem').first()).toContainText('결제금액');
  await page.screenshot({ path: 'e2e/screenshots/column-settings.png' });
  await dialog.getByRole('button', { name: '저장', exact: true }).click();
  await expect(dialog).toBeHidden();

  const expected = ['결제금액', ...before.filter((h) => h !== '연락처' && h !== '결제금액')];
  await expect.poll(() => headerTexts(page)).toEqual(expected);
  await page.reload();
  await waitForRows(page);
  await expect.poll(() => headerTexts(page)).toEqual(expected);

  // resizing a column by its edge is a change of the tab until saved
  const resizer = table(page).getByRole('separator', { name: '주문일시 너비 조절' });
  const box = await resizer.boundingBox();
  if (!box) throw new Error('no resize handle');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2, { steps: 6 });
  await page.mouse.up();
  await expect(resizer).toHaveAttribute('aria-valuenow', '210');
  const modified = page.getByRole('region', { name: '수정됨' });
  await expect(modified).toContainText('관리 항목');
  await modified.getByRole('button', { name: '저장', exact: true }).click();
  await expect(modified).toBeHidden();
  await page.reload();
  await expect(table(page).getByRole('separator', { name: '주문일시 너비 조절' })).toHaveAttribute('aria-valuenow', '210');

  await page.getByRole('button', { name: '관리 항목 설정' }).click();
  await dialog.getByRole('button', { name: '초기화' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => headerTexts(page)).toEqual(before);
});
