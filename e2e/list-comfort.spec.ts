import { expect, test, type Page } from '@playwright/test';
import { LIST_OWNER, OWNER, staff } from './support/accounts';
import { ShopApi, uniqueName } from './support/list-api';
import { applyFilters, columnTexts, openFilters, search } from './support/list-ui';
import { headerTexts, rows, signIn, table, waitForRows } from './support/session';

/**
 * The order list at a desktop's 1440 × 900 (the config's viewport), as staff work it all day: the
 * columns that matter in view, rows of one height, a footer that never claims 0건 before it has
 * counted, 배송지연 in days while its filter is on, memos read by hovering, widths by dragging.
 */

const DAY = 86_400_000;
const seoulDay = (at: number) => new Date(at + 9 * 3_600_000).toISOString().slice(0, 10);

test.describe.configure({ mode: 'serial' });

let api: ShopApi;
test.beforeAll(async () => {
  api = await ShopApi.open(String(test.info().project.use.baseURL));
});
test.afterAll(() => api.dispose());

test('the default layout shows 주문상태 and 결제금액 without scrolling sideways', async ({ page }) => {
  await signIn(page, LIST_OWNER);
  const scroller = page.locator('.jm-table-scroll');
  expect(await scroller.evaluate((el) => el.scrollLeft)).toBe(0);
  const visibleRight = await scroller.evaluate((el) => el.getBoundingClientRect().left + el.clientWidth);
  for (const name of ['주문상태', '결제금액']) {
    const header = table(page).getByRole('columnheader', { name, exact: true });
    await expect(header).toBeInViewport({ ratio: 1 });
    const box = await header.boundingBox();
    expect(box, name).not.toBeNull();
    expect(box!.x + box!.width, `${name} ends inside the table's visible part`).toBeLessThanOrEqual(visibleRight);
  }
  // the other columns are still there, to the right
  expect(await headerTexts(page)).toEqual(expect.arrayContaining(['연락처', '주문채널', '송장번호']));
  await page.screenshot({ path: 'e2e/screenshots/order-list-1440.png' });
});

test('every row keeps one height: a long item name is cut with … and several statuses stay on one line', async ({ page }) => {
  const name = uniqueName('한줄');
  const longName = `아주 긴 상품명이 들어간 주문 ${'유기농 순면 이중거즈 사계절 블랭킷 '.repeat(4)}특대형`;
  await api.placeOrder({ name, itemName: longName });
  // two units, one of them asked to be cancelled: 결제완료 and 취소접수 side by side
  await api.requestCancel(await api.placeOrder({ name, quantity: 2 }), { quantity: 1 });
  await api.placeOrder({ name });

  // the three orders only (the keyword in the address), so the page is light on a busy machine
  await signIn(page, OWNER, `/orders?q=${encodeURIComponent(name)}`);
  await expect(rows(page)).toHaveCount(3);
  const cell = table(page).getByRole('cell', { name: longName });
  await expect(cell).toBeVisible();
  const text = cell.locator('[title]');
  await expect(text).toHaveAttribute('title', longName);
  expect(await text.evaluate((el) => el.scrollWidth > el.clientWidth), 'the name is cut, not wrapped').toBe(true);
  await expect(rows(page).filter({ hasText: '취소접수' }).filter({ hasText: '결제완료' })).toHaveCount(1);

  const heights = await rows(page).evaluateAll((trs) => trs.map((tr) => Math.round(tr.getBoundingClientRect().height * 10) / 10));
  expect(heights).toHaveLength(3);
  expect(new Set(heights), `row heights ${JSON.stringify(heights)}`).toEqual(new Set([heights[0]]));
});

test('the footer says 집계 중 until the count arrives, never 0건; 0건 only when the count says so', async ({ page }) => {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = 0;
  await page.route('**/api/v1/orders/count', async (route) => {
    held += 1;
    await released;
    await route.continue();
  });
  // 무통장입금 orders only: a short page
  await signIn(page, LIST_OWNER, `/orders?filter=${encodeURIComponent(JSON.stringify({ paymentMethods: ['bank_transfer'] }))}`);
  // the rows are in while the count is still held
  expect(held).toBeGreaterThan(0);
  const shown = await rows(page).count();
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(100);
  await expect(page.getByTestId('list-range')).toHaveText(`1–${shown} / …건`);
  await expect(page.getByTestId('list-total')).toHaveText('건수 집계 중…');
  await expect(page.getByText(/(^|\D)0건/)).toHaveCount(0);
  release();
  await expect(page.getByTestId('list-range')).toHaveText(`1–${shown} / ${shown}건`);
  await expect(page.getByTestId('list-total')).toHaveText(`총 ${shown}건`);

  await search(page, '없는주문zzz');
  await expect(page.getByText('조건에 맞는 주문이 없습니다')).toBeVisible();
  await expect(page.getByTestId('list-total')).toHaveText('총 0건');
});

test('the 배송지연 filter adds the 배송지연 column with each order’s days late; the layout is not changed', async ({ page }) => {
  const name = uniqueName('지연일');
  const paidAt = Date.now() - 5 * DAY - 60_000;
  await api.placeOrder({ name, daysAgo: 5 });
  const expectedDays = Math.round((Date.parse(seoulDay(Date.now())) - Date.parse(seoulDay(paidAt))) / DAY);

  await signIn(page, OWNER, `/orders?q=${encodeURIComponent(name)}`);
  await expect(rows(page)).toHaveCount(1);
  expect(await headerTexts(page)).not.toContain('배송지연');
  const panel = await openFilters(page);
  await panel.getByLabel('배송지연 일수 (N일 이상)').fill('3');
  await applyFilters(page);
  await waitForRows(page);
  const headers = await headerTexts(page);
  expect(headers.slice(headers.indexOf('주문상태'), headers.indexOf('주문상태') + 2)).toEqual(['주문상태', '배송지연']);
  expect(await columnTexts(page, '배송지연')).toEqual([`${expectedDays}일`]);
  const modified = page.getByRole('region', { name: '수정됨' });
  await expect(modified).toContainText('필터');
  await expect(modified).not.toContainText('관리 항목');

  // every order the filter finds is at least 3 days late
  const box = page.getByRole('searchbox', { name: '주문 검색' });
  await box.fill('');
  await box.press('Enter');
  await expect(page).not.toHaveURL(/[?&]q=/);
  await waitForRows(page);
  const days = await columnTexts(page, '배송지연');
  expect(days.length).toBeGreaterThan(1);
  for (const d of days) {
    expect(d).toMatch(/^\d+일$/);
    expect(Number(d.replace('일', ''))).toBeGreaterThanOrEqual(3);
  }

  await page.getByRole('button', { name: '필터 해제: 배송지연 3일 이상' }).click();
  await waitForRows(page);
  expect(await headerTexts(page)).not.toContain('배송지연');
});

test('hovering a memo count shows the latest memos with author and time, fetched once; a click opens them all', async ({ page }) => {
  const name = uniqueName('메모미리');
  const order = await api.placeOrder({ name });
  await api.addMemo(order.id, '오전에 택배사에 회수 요청함');
  await api.addMemo(order.id, '고객이 문 앞 배송을 원함 (전화 확인)');
  let memoRequests = 0;
  page.on('request', (r) => {
    if (r.url().includes(`/api/v1/orders/${order.id}/timeline`)) memoRequests += 1;
  });

  await signIn(page, OWNER, `/orders?q=${encodeURIComponent(name)}`);
  await expect(rows(page)).toHaveCount(1);
  const button = rows(page).first().getByRole('button', { name: '메모 2건 보기' });
  await button.hover();
  const preview = page.getByRole('tooltip');
  await expect(preview).toBeVisible();
  await expect(preview).toContainText('고객이 문 앞 배송을 원함 (전화 확인)');
  await expect(preview).toContainText('오전에 택배사에 회수 요청함');
  await expect(preview).toContainText('김대표');
  await expect(preview).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  // newest first
  const text = (await preview.innerText()).replace(/\s+/g, ' ');
  expect(text.indexOf('문 앞 배송')).toBeLessThan(text.indexOf('회수 요청'));
  await page.screenshot({ path: 'e2e/screenshots/memo-preview.png' });

  await button.click();
  const dialog = page.getByRole('dialog', { name: '메모 2건 보기' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('오전에 택배사에 회수 요청함');
  await expect(preview).toBeHidden();
  expect(memoRequests).toBe(1);
});

async function dragBy(page: Page, name: string, dx: number) {
  const handle = table(page).getByRole('separator', { name });
  const box = await handle.boundingBox();
  if (!box) throw new Error(`no resize handle ${name}`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
}

// staff 5 keeps their own layout: no other test sees it
test('dragging a header’s edge widens its column; saved, the width survives a reload; no px to type', async ({ page }) => {
  await signIn(page, staff(5));
  const header = table(page).getByRole('columnheader', { name: '상품정보', exact: true });
  const before = (await header.boundingBox())!.width;
  await dragBy(page, '상품정보 너비 조절', 80);
  const handle = table(page).getByRole('separator', { name: '상품정보 너비 조절' });
  await expect(handle).toHaveAttribute('aria-valuenow', '290');
  await expect.poll(async () => Math.round((await header.boundingBox())!.width - before)).toBe(80);
  // the keyboard moves the same edge
  await handle.focus();
  await page.keyboard.press('ArrowRight');
  await expect(handle).toHaveAttribute('aria-valuenow', '300');

  const modified = page.getByRole('region', { name: '수정됨' });
  await expect(modified).toContainText('관리 항목');
  await modified.getByRole('button', { name: '저장', exact: true }).click();
  await expect(modified).toBeHidden();
  await page.reload();
  await waitForRows(page);
  await expect(table(page).getByRole('separator', { name: '상품정보 너비 조절' })).toHaveAttribute('aria-valuenow', '300');

  await page.getByRole('button', { name: '관리 항목 설정' }).click();
  const dialog = page.getByRole('dialog', { name: '관리 항목 설정' });
  await expect(dialog.getByRole('listitem').first()).toBeVisible();
  await expect(dialog).not.toContainText(/\d+px/);
  await expect(dialog.getByRole('textbox')).toHaveCount(0);
  await dialog.getByRole('button', { name: '초기화' }).click();
  await expect(dialog).toBeHidden();
  await expect(table(page).getByRole('separator', { name: '상품정보 너비 조절' })).toHaveAttribute('aria-valuenow', '210');
});
