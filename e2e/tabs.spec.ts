import { expect, test, type Locator, type Page } from '@playwright/test';
import { listTotal, signIn, tab, waitForRows } from './support/session';

// Tabs are shared by the whole shop: the tab tests run one after another in this file only.
test.describe.configure({ mode: 'serial' });

const stamp = Date.now() % 100000;
const created = `쿠팡 주문 ${stamp}`;
const renamed = `쿠팡 확인 ${stamp}`;

async function tabNames(page: Page): Promise<string[]> {
  const texts = await page.getByRole('tablist', { name: '주문 탭' }).getByRole('tab').allInnerTexts();
  return texts.map((t) => t.replace(/[\d,…]+$/, '').replace(/\s+[\d,…]+$/, '').trim());
}

/**
 * Drags with the mouse in small steps, as dnd-kit's pointer sensor expects — once the tab shows the
 * grab cursor: dnd-kit arrives after the list's first rows (view-tabs.tsx).
 */
async function drag(page: Page, from: Locator, to: Locator, dx = 0) {
  await expect(from).toHaveCSS('cursor', 'grab');
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error('nothing to drag');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2 + dx, b.y + b.height / 2, { steps: 20 });
  await page.mouse.up();
}

test('add a tab from the current conditions; it shows 수정됨 until saved and counts its orders', async ({ page }) => {
  await signIn(page);
  await page.getByRole('button', { name: '필터', exact: true }).click();
  const panel = page.getByRole('dialog', { name: '필터' });
  await panel.getByRole('group', { name: '주문 채널' }).getByRole('checkbox', { name: '쿠팡' }).check();
  await panel.getByRole('button', { name: '적용' }).click();
  const modified = page.getByRole('region', { name: '수정됨' });
  await expect(modified).toContainText('바뀐 항목: 필터');
  // 전체 always selects every order: its filter can only go to a new tab
  await expect(modified.getByRole('button', { name: '저장', exact: true })).toBeDisabled();
  await expect.poll(() => listTotal(page)).toBeLessThan(400);
  const total = await listTotal(page);

  await modified.getByRole('button', { name: '새 탭으로 저장' }).click();
  const dialog = page.getByRole('dialog', { name: '새 탭으로 저장' });
  await dialog.getByLabel('탭 이름').fill(created);
  await dialog.getByRole('button', { name: '저장' }).click();
  await expect(tab(page, created)).toHaveAttribute('aria-selected', 'true');
  await expect(modified).toBeHidden();
  await expect(tab(page, created)).toContainText(String(total));
  await expect.poll(() => listTotal(page)).toBe(total);

  // a change in the tab shows 수정됨; 취소 goes back to the tab as saved
  await page.getByRole('button', { name: '결제금액', exact: true }).click();
  await expect(modified).toContainText('바뀐 항목: 정렬');
  await modified.getByRole('button', { name: '취소' }).click();
  await expect(modified).toBeHidden();
});

test('rename the tab', async ({ page }) => {
  await signIn(page);
  await tab(page, created).click();
  await page.getByRole('button', { name: `탭 메뉴: ${created}` }).click();
  await page.getByRole('menuitem', { name: '이름 변경' }).click();
  const dialog = page.getByRole('dialog', { name: '탭 이름 변경' });
  await dialog.getByLabel('탭 이름').fill(renamed);
  await dialog.getByRole('button', { name: '저장' }).click();
  await expect(tab(page, renamed)).toBeVisible();
  await expect(tab(page, created)).toHaveCount(0);
});

test('drag the tab to another position; the order is kept after a reload', async ({ page }) => {
  await signIn(page);
  const before = await tabNames(page);
  expect(before[0]).toBe('전체');
  expect(before.at(-1)).toBe(renamed);
  await drag(page, tab(page, renamed), tab(page, '입금대기'), -10);
  await expect.poll(() => tabNames(page)).toEqual(['전체', renamed, ...before.slice(1, -1)]);
  await expect(page.getByRole('status').filter({ hasText: '탭 순서를 바꿨습니다.' })).toBeVisible();
  await page.reload();
  await waitForRows(page);
  await expect.poll(() => tabNames(page)).toEqual(['전체', renamed, ...before.slice(1, -1)]);
  // 전체 stays first whatever is dropped on it
  await drag(page, tab(page, renamed), tab(page, '전체'), -20);
  await expect.poll(() => tabNames(page)).toEqual(['전체', renamed, ...before.slice(1, -1)]);
});

test('delete the tab', async ({ page }) => {
  await signIn(page);
  await tab(page, renamed).click();
  await page.getByRole('button', { name: `탭 메뉴: ${renamed}` }).click();
  await page.getByRole('menuitem', { name: '탭 삭제' }).click();
  const dialog = page.getByRole('dialog', { name: '탭 삭제' });
  await expect(dialog).toContainText(renamed);
  await dialog.getByRole('button', { name: '삭제' }).click();
  await expect(tab(page, renamed)).toHaveCount(0);
  await expect(tab(page, '전체')).toHaveAttribute('aria-selected', 'true');
});
