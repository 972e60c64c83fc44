import { expect, type Locator, type Page } from '@playwright/test';
import { headerTexts, listTotal, rows, tab, table, waitForRows } from './session';

/** The order list as a person works it: the filter panel, 새 탭으로 저장, the search box, a column's cells. */

export function filterPanel(page: Page): Locator {
  return page.getByRole('dialog', { name: '필터' });
}

export async function openFilters(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: '필터', exact: true }).click();
  const panel = filterPanel(page);
  await expect(panel).toBeVisible();
  return panel;
}

export async function applyFilters(page: Page) {
  const panel = filterPanel(page);
  await panel.getByRole('button', { name: '적용' }).click();
  await expect(panel).toBeHidden();
}

/** 수정됨 → 새 탭으로 저장 under `name`; waits until the new tab is the current one and its rows are in. */
export async function saveAsNewTab(page: Page, name: string) {
  const modified = page.getByRole('region', { name: '수정됨' });
  await modified.getByRole('button', { name: '새 탭으로 저장' }).click();
  const dialog = page.getByRole('dialog', { name: '새 탭으로 저장' });
  await dialog.getByLabel('탭 이름').fill(name);
  await dialog.getByRole('button', { name: '저장' }).click();
  await expect(tab(page, name)).toHaveAttribute('aria-selected', 'true');
  await expect(modified).toBeHidden();
}

/** The number in the tab's label ("취소 요청 12" → 12). */
export async function tabCount(page: Page, name: string): Promise<number> {
  const text = (await tab(page, name).textContent()) ?? '';
  return Number(text.slice(name.length).replace(/[^\d]/g, ''));
}

export async function search(page: Page, keyword: string) {
  const box = page.getByRole('searchbox', { name: '주문 검색' });
  await box.fill(keyword);
  await box.press('Enter');
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(keyword)}`));
}

/** Waits for the list to settle on `expected` orders (0 shows the empty state instead of the table). */
export async function expectTotal(page: Page, expected: number) {
  await expect.poll(() => listTotal(page)).toBe(expected);
  if (expected > 0) await waitForRows(page);
  else await expect(page.getByText('조건에 맞는 주문이 없습니다')).toBeVisible();
}

/** The texts of one column on the page, by its header. */
export async function columnTexts(page: Page, header: string): Promise<string[]> {
  const headers = await headerTexts(page);
  const index = headers.indexOf(header);
  expect(index, `column ${header} is shown`).toBeGreaterThanOrEqual(0);
  // the checkbox column comes first
  return table(page).locator(`tbody tr td:nth-child(${index + 2})`).allInnerTexts();
}

/** The order numbers of the rows on the page. */
export async function orderNumbers(page: Page): Promise<string[]> {
  return (await rows(page).getByRole('link').allInnerTexts()).map((t) => t.trim());
}

export function rowOf(page: Page, orderNumber: string): Locator {
  return rows(page).filter({ has: page.getByRole('link', { name: orderNumber, exact: true }) });
}
