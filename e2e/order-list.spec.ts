import { expect, test, type Page } from '@playwright/test';
import { columnTexts } from './support/list-ui';
import { listTotal, rows, signIn, tab, table, waitForRows } from './support/session';
import { LIST_OWNER } from './support/accounts';
import { csrfHeaders } from './support/api-session';

test.describe('order list', () => {
  test('전체 shows the count and 100 rows a page; a tab shows its own count and rows', async ({ page }) => {
    await signIn(page, LIST_OWNER);
    await expect(tab(page, '전체')).toHaveAttribute('aria-selected', 'true');
    const all = await listTotal(page);
    expect(all).toBe(400);
    await expect(tab(page, '전체')).toContainText('400');
    await expect(rows(page)).toHaveCount(100);
    await expect(page.getByTestId('list-range')).toHaveText('1–100 / 400건');

    // times in Asia/Seoul (this browser runs in UTC), money with separators and 원
    const first = await page.request.post('/api/v1/orders/search', { data: { limit: 1 }, headers: await csrfHeaders(page.request) });
    const { items } = (await first.json()) as { items: Array<{ orderedAt: string; totalAmount: number }> };
    const order = items[0]!;
    const seoul = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Seoul', dateStyle: 'short', timeStyle: 'short' }).format(new Date(order.orderedAt));
    await expect(rows(page).first().locator('td').nth(2)).toHaveText(seoul);
    expect((await columnTexts(page, '결제금액'))[0]).toBe(`${order.totalAmount.toLocaleString('ko-KR')}원`);
    await page.getByRole('button', { name: '다음 페이지' }).click();
    await expect(page.getByTestId('list-range')).toHaveText('101–200 / 400건');
    await page.getByRole('button', { name: '이전 페이지' }).click();
    await expect(page.getByTestId('list-range')).toHaveText('1–100 / 400건');

    await tab(page, '입금대기').click();
    await expect(page).toHaveURL(/view=\d+/);
    await waitForRows(page);
    const count = Number(((await tab(page, '입금대기').textContent()) ?? '').replace(/[^\d]/g, ''));
    expect(count).toBeGreaterThan(0);
    await expect.poll(() => listTotal(page)).toBe(count);
    const shown = await rows(page).count();
    expect(shown).toBe(Math.min(count, 100));
    for (let i = 0; i < Math.min(shown, 10); i++) await expect(rows(page).nth(i)).toContainText('입금대기');
  });

  test('a 2-syllable name fragment narrows the list to orders with that name', async ({ page }) => {
    await signIn(page, LIST_OWNER);
    const name = ((await columnTexts(page, '구매자명'))[0] ?? '').replace('▼', '').trim();
    expect(name).toMatch(/^[가-힣]{3}$/);
    const fragment = name.slice(1);
    await page.getByRole('searchbox', { name: '주문 검색' }).fill(fragment);
    await page.getByRole('searchbox', { name: '주문 검색' }).press('Enter');
    await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(fragment)}`));
    await expect.poll(() => listTotal(page)).toBeLessThan(400);
    await waitForRows(page);
    const total = await listTotal(page);
    expect(total).toBeGreaterThan(0);
    const texts = await rows(page).allInnerTexts();
    expect(texts.length).toBe(Math.min(total, 100));
    // the orderer, the recipient or the member carries the fragment (recipient and orderer are shown)
    for (const text of texts.slice(0, 20)) expect(text).toContain(fragment);
    await expect(page.getByRole('region', { name: '수정됨' })).toBeVisible();

    // the link reproduces the view
    await page.reload();
    await expect(page.getByRole('searchbox', { name: '주문 검색' })).toHaveValue(fragment);
    await expect.poll(() => listTotal(page)).toBe(total);

    // nothing found: said in words, not an empty table
    await page.getByRole('searchbox', { name: '주문 검색' }).fill('없는주문zzz');
    await page.getByRole('searchbox', { name: '주문 검색' }).press('Enter');
    await expect(page.getByText('조건에 맞는 주문이 없습니다')).toBeVisible();
    await expect(table(page)).toBeHidden();
  });

  test('a filter from the panel shows a chip and narrows the list; removing the chip restores it', async ({ page }) => {
    await signIn(page, LIST_OWNER);
    await page.getByRole('button', { name: '필터', exact: true }).click();
    const panel = page.getByRole('dialog', { name: '필터' });
    await expect(panel).toBeVisible();
    // every condition of the filter spec is there
    for (const legend of ['주문 상태', '취소·반품·교환 상태', '종합 주문 상태', '결제 상태', '결제수단', '주문 채널', '회원 구분', '기간', '결제금액', '배송지연', '메모', '택배사', '상품', '배송 지역']) {
      await expect(panel.getByRole('group', { name: legend, exact: true })).toBeVisible();
    }
    await panel.getByRole('group', { name: '결제수단' }).getByRole('checkbox', { name: '무통장입금' }).check();
    await page.screenshot({ path: 'e2e/screenshots/filter-panel.png' });
    await panel.getByRole('button', { name: '적용' }).click();
    await expect(panel).toBeHidden();

    const chip = page.getByRole('listitem').filter({ hasText: '결제수단: 무통장입금' });
    await expect(chip).toBeVisible();
    await expect.poll(() => listTotal(page)).toBeLessThan(400);
    await waitForRows(page);
    const filtered = await listTotal(page);
    expect(filtered).toBeGreaterThan(0);
    const methods = await columnTexts(page, '결제수단');
    expect(new Set(methods)).toEqual(new Set(['무통장입금']));

    await page.getByRole('button', { name: '필터 해제: 결제수단: 무통장입금' }).click();
    await expect(chip).toBeHidden();
    await expect.poll(() => listTotal(page)).toBe(400);
  });

  test('a header click sorts by that column, again reverses it', async ({ page }) => {
    await signIn(page, LIST_OWNER);
    const header = table(page).getByRole('columnheader', { name: '결제금액', exact: true });
    const button = header.getByRole('button', { name: '결제금액', exact: true });
    await button.click();
    await expect(header).toHaveAttribute('aria-sort', 'descending');
    await expect(page).toHaveURL(/sort=totalAmount(%3A|:)desc/);
    await waitForRows(page);
    const amounts = async () => (await columnTexts(page, '결제금액')).map((t) => Number(t.replace(/[^\d-]/g, '')));
    const desc = await amounts();
    expect(desc).toEqual([...desc].sort((a, b) => b - a));

    await button.click();
    await expect(header).toHaveAttribute('aria-sort', 'ascending');
    await waitForRows(page);
    await expect.poll(async () => (await amounts())[0]).toBeLessThanOrEqual(desc[desc.length - 1] ?? 0);
    const asc = await amounts();
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
  });

  test('the buyer popover and the memo popover open from the row', async ({ page }) => {
    await signIn(page, LIST_OWNER, '/orders?sort=memoCount:desc');
    await signInDone(page);
    const row = rows(page).first();
    const buyer = ((await columnTexts(page, '구매자명'))[0] ?? '').replace('▼', '').trim();
    await row.hover();
    await row.getByRole('button', { name: `구매자 정보: ${buyer}` }).click();
    const buyerDialog = page.getByRole('dialog', { name: `구매자 정보: ${buyer}` });
    await expect(buyerDialog).toBeVisible();
    await expect(buyerDialog).toContainText('연락처');
    // the list masks the phone; 보기 shows it, and then the orders with that number are counted
    await expect(buyerDialog).toContainText(/010-\*{4}-\d{4}/);
    await buyerDialog.getByRole('button', { name: /개인정보 보기$/ }).first().click();
    await expect(buyerDialog).toContainText(/010-?\d{4}-?\d{4}/);
    await expect(buyerDialog).toContainText(/같은 연락처의 주문\s*\d+건/);
    await page.keyboard.press('Escape');
    await expect(buyerDialog).toBeHidden();
    await expect(page).toHaveURL(/\/orders\?/); // the row click did not open the order

    const memoButton = row.getByRole('button', { name: /^메모 \d+건 보기$/ });
    await memoButton.click();
    const memoDialog = page.getByRole('dialog', { name: /^메모 \d+건 보기$/ });
    await expect(memoDialog).toBeVisible();
    await expect(memoDialog.locator('p').nth(1)).not.toBeEmpty();
    await expect(memoDialog).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  });

  test('a row click opens the order; 목록으로 returns to the same list', async ({ page }) => {
    await signIn(page, LIST_OWNER, '/orders?sort=totalAmount:asc');
    await signInDone(page);
    const number = await rows(page).first().getByRole('link').innerText();
    // a plain cell (상품정보), not a link or a button in the row
    await rows(page).first().locator('td').nth(4).click();
    await expect(page).toHaveURL(/\/orders\/\d+$/);
    await expect(page.getByRole('heading', { name: new RegExp(number) })).toBeVisible();
    // the server answers the app for any of its addresses: a reload stays on the order
    await page.reload();
    await expect(page.getByRole('heading', { name: new RegExp(number) })).toBeVisible();
    await page.getByRole('link', { name: /목록으로/ }).click();
    await expect(page).toHaveURL(/sort=totalAmount(%3A|:)asc/);
  });

  test('select the page, then every matching order', async ({ page }) => {
    await signIn(page, LIST_OWNER);
    await table(page).getByRole('checkbox', { name: '이 페이지의 주문 모두 선택' }).check();
    await expect(page.getByText('이 페이지의 주문 100건이 선택되었습니다.')).toBeVisible();
    await expect(page.getByTestId('selected-count')).toHaveText('100건 선택됨');
    await page.getByRole('button', { name: '검색된 주문 400건 전체 선택' }).click();
    await expect(page.getByText('검색된 주문 400건이 모두 선택되었습니다.')).toBeVisible();
    await expect(page.getByTestId('selected-count')).toHaveText('400건 선택됨');
    // unticking one order leaves "all matching" for the page minus that order
    await rows(page).nth(1).getByRole('checkbox').uncheck();
    await expect(page.getByTestId('selected-count')).toHaveText('99건 선택됨');
    await page.getByRole('region', { name: '선택한 주문' }).getByRole('button', { name: '선택 해제' }).click();
    await expect(page.getByTestId('selected-count')).toBeHidden();
  });

  test('screenshot of the order list (Korean)', async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1000 });
    await signIn(page, LIST_OWNER);
    await rows(page).nth(2).hover();
    await page.screenshot({ path: 'e2e/screenshots/order-list.png' });
  });
});

async function signInDone(page: Page) {
  // signIn lands on the path given: wait for its rows
  await waitForRows(page);
}
