import { expect, test, type Locator, type Page } from '@playwright/test';
import { LIST_OWNER } from './support/accounts';
import { createCardOrder, staffApi } from './support/detail-api';
import { actions, dialog, openOrderSignedIn, tick } from './support/detail-session';

/**
 * The admin on a phone: the menu is a drawer behind ☰, orders are cards, the detail is one
 * column and dialogs take the whole screen — and nothing makes the page scroll sideways.
 */
test.use({ viewport: { width: 390, height: 844 } });

const cards = (page: Page) => page.getByRole('region', { name: '주문 카드 목록' });
const card = (page: Page) => cards(page).getByRole('article');

/** The page does not scroll sideways: nothing is wider than the screen. */
async function expectNoSidewaysScroll(page: Page) {
  const [scrollWidth, clientWidth] = (await page.evaluate('[document.documentElement.scrollWidth, document.documentElement.clientWidth]')) as [number, number];
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

/** A dialog that takes the whole screen and whose content fits its width. */
async function expectFullScreen(page: Page, box: Locator) {
  const viewport = page.viewportSize();
  const bounds = await box.boundingBox();
  expect(bounds?.width).toBe(viewport?.width);
  expect(bounds?.x).toBe(0);
  // nothing inside reaches past the screen's right edge (no table wider than the phone)
  const right = await box.evaluate((el) => Math.max(...[...el.querySelectorAll('*')].map((child) => child.getBoundingClientRect().right)));
  expect(right).toBeLessThanOrEqual(viewport?.width ?? 0);
}

async function waitForCards(page: Page) {
  await expect(cards(page)).toHaveAttribute('aria-busy', 'false');
  await expect(card(page).first().getByRole('link')).toBeVisible();
}

test('the order list on a phone: a menu drawer, cards with tabs, search, a filter and a selection', async ({ page }) => {
  await page.goto('/orders');
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel('이메일').fill(LIST_OWNER.email);
  await page.getByLabel('비밀번호').fill(LIST_OWNER.password);
  await page.getByRole('button', { name: '로그인' }).click();
  await expect(page.getByRole('heading', { name: '주문 목록' })).toBeVisible();
  await waitForCards(page);

  // cards, not the table: order number, buyer, items, statuses and the amount on each
  await expect(page.getByRole('table', { name: '주문 목록 표' })).toHaveCount(0);
  await expect(card(page)).toHaveCount(100);
  const first = card(page).first();
  await expect(first.getByRole('link')).toHaveText(/\S+/);
  await expect(first.getByTestId('card-amount')).toHaveText(/^-?[\d,]+원$/);
  await expect(first).toContainText(/회원|비회원/);
  await expectNoSidewaysScroll(page);

  // the header keeps the shop; the menu, who is signed in and sign-out are in the drawer
  const nav = page.getByRole('navigation', { name: '주문', exact: true });
  await expect(nav).toBeHidden();
  await expect(page.getByRole('banner')).not.toContainText(LIST_OWNER.name);
  await page.getByRole('button', { name: '메뉴' }).click();
  await expect(nav).toBeVisible();
  await expect(nav).toContainText(`${LIST_OWNER.name} (대표)`);
  await expect(nav.getByRole('button', { name: '로그아웃' })).toBeVisible();
  await nav.getByRole('link', { name: '상품' }).click();
  await expect(page).toHaveURL(/\/products$/);
  await expect(nav).toBeHidden();
  await page.getByRole('button', { name: '메뉴' }).click();
  await nav.getByRole('link', { name: '주문 목록' }).click();
  await expect(page).toHaveURL(/\/orders$/);
  await waitForCards(page);

  // the tabs scroll sideways within their strip, not the page; the last one is reachable
  const strip = page.getByRole('tablist', { name: '주문 탭' }).locator('..');
  expect(await strip.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await page.getByRole('tab', { name: /^배송중/ }).click();
  await expect(page).toHaveURL(/view=\d+/);
  await waitForCards(page);
  for (const text of (await card(page).allInnerTexts()).slice(0, 10)) expect(text).toContain('배송중');
  await expectNoSidewaysScroll(page);
  await page.getByRole('tab', { name: /^전체/ }).click();
  await waitForCards(page);

  // search: the box takes the whole width; a name narrows the cards
  const search = page.getByRole('searchbox', { name: '주문 검색' });
  expect((await search.boundingBox())?.width).toBeGreaterThan(330);
  const name = ((await first.innerText()).split('\n').find((line) => /^[가-힣]{3} · /.test(line)) ?? '').slice(0, 3);
  expect(name).toMatch(/^[가-힣]{3}$/);
  await search.fill(name);
  await search.press('Enter');
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(name)}`));
  await waitForCards(page);
  for (const text of await card(page).allInnerTexts()) expect(text).toContain(name);
  await search.fill('');
  await search.press('Enter');
  await waitForCards(page);

  // a filter from the full-screen panel: 결제완료 only
  await page.getByRole('button', { name: '필터', exact: true }).click();
  const filters = page.getByRole('dialog', { name: '필터', exact: true });
  await expect(filters).toBeVisible();
  // the whole width once the drawer has slid in (whole pixels: mid-animation it reads 389.99…)
  await expect.poll(async () => Math.round((await filters.boundingBox())?.width ?? 0)).toBe(390);
  await filters.getByRole('group', { name: '결제 상태' }).getByRole('checkbox', { name: '결제완료' }).check();
  await filters.getByRole('button', { name: '적용' }).click();
  await expect(filters).toBeHidden();
  await expect(page).toHaveURL(/filter=.*paymentStatuses/);
  await waitForCards(page);
  for (const text of (await card(page).allInnerTexts()).slice(0, 10)) expect(text).toContain('결제완료');
  await expectNoSidewaysScroll(page);

  // two cards ticked: the selection bar with the bulk actions
  await card(page).nth(0).getByRole('checkbox').check();
  await card(page).nth(1).getByRole('checkbox').check();
  const bar = page.getByRole('region', { name: '선택한 주문' });
  await expect(bar.getByTestId('selected-count')).toHaveText('2건 선택됨');
  await expect(bar.getByRole('button', { name: '일괄 처리' })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: 'e2e/screenshots/admin-phone-list.png' });

  // a tap on a card (not on its link or checkbox) opens the order
  const number = (await card(page).nth(2).getByRole('link').innerText()).trim();
  await card(page).nth(2).getByTestId('card-amount').click();
  await expect(page).toHaveURL(/\/orders\/\d+$/);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(number) })).toBeVisible();
});

test('an order on a phone: one column, the actions fit, a status change and a memo through full-screen dialogs', async ({ page, playwright }) => {
  const api = await staffApi(playwright);
  const order = await createCardOrder(api, [
    { name: '린넨 셔츠', optionName: '블랙', price: 10000, quantity: 3 },
    { name: '면 양말', price: 5000, quantity: 2 },
  ]);
  await openOrderSignedIn(page, order.id, order.orderNumber);

  // the items as a list, one row under the other; the panels below them
  const items = page.getByRole('list', { name: /^배송지 상품/ });
  const shirt = items.getByRole('listitem').filter({ hasText: '린넨 셔츠' });
  await expect(shirt).toContainText('10,000원 × 3개');
  await expect(shirt).toContainText('결제완료');
  const itemsTop = (await items.boundingBox())?.y ?? 0;
  const paymentTop = (await page.getByTestId('net-paid').boundingBox())?.y ?? 0;
  expect(paymentTop).toBeGreaterThan(itemsTop);
  const toolbar = actions(page);
  const bar = await toolbar.boundingBox();
  expect((bar?.x ?? 0) + (bar?.width ?? 0)).toBeLessThanOrEqual(390);
  await expectNoSidewaysScroll(page);

  // 반품, 교환 and 추가 are in the … menu on a phone
  await toolbar.getByRole('button', { name: '주문 메뉴 더보기' }).click();
  for (const name of ['추가', '반품', '교환', '상태 되돌리기', '배송지 추가']) await expect(page.getByRole('menuitem', { name, exact: true })).toBeVisible();
  await page.keyboard.press('Escape');

  // 2 of the 3 shirts to 상품준비중, in a dialog that takes the screen
  await tick(page, '린넨 셔츠 / 블랙', '결제완료', 2);
  await toolbar.getByRole('button', { name: '상태 변경' }).click();
  const change = dialog(page, '상태 변경');
  await expect(change.getByRole('checkbox', { name: '선택: 린넨 셔츠 / 블랙 (결제완료)' })).toBeChecked();
  await expectFullScreen(page, change);
  await change.getByRole('button', { name: '상태 변경' }).click();
  await expect(change).toBeHidden();
  await expect(items.getByRole('listitem').filter({ hasText: '린넨 셔츠' }).filter({ hasText: '상품준비중' })).toContainText('× 2개');
  await expect(items.getByRole('listitem').filter({ hasText: '린넨 셔츠' }).filter({ hasText: '결제완료' })).toContainText('× 1개');
  // the toast says so, then leaves (the screenshot shows the page, not the toast)
  const toast = page.getByRole('status').getByText('상품 2개의 상태를 변경했습니다.');
  await expect(toast).toBeVisible();
  await expect(toast).toBeHidden();
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: 'e2e/screenshots/admin-phone-detail.png', fullPage: true });

  // a memo, then the timeline shows it
  const note = `휴대폰에서 남긴 메모 (${Date.now()})`;
  await page.getByRole('textbox', { name: '메모 작성' }).fill(note);
  await page.getByRole('button', { name: '메모 저장' }).click();
  await expect(page.getByTestId('timeline').getByRole('article').filter({ hasText: note })).toBeVisible();
  await expectNoSidewaysScroll(page);

  // at 360 px: still one column without sideways scrolling; the cancel dialog fits
  await page.setViewportSize({ width: 360, height: 740 });
  await expectNoSidewaysScroll(page);
  await toolbar.getByRole('button', { name: '취소', exact: true }).click();
  const cancel = dialog(page, '주문 취소');
  await expectFullScreen(page, cancel);
  await cancel.getByRole('checkbox', { name: '선택: 면 양말 (결제완료)' }).check();
  await page.keyboard.press('Escape');
  await expect(cancel).toBeHidden();
  // the … menu's dialogs fit too: 주문 수정 (추가) and 배송지 추가
  for (const [item, title] of [['추가', '주문 수정 (추가)'], ['배송지 추가', '배송지 추가']] as const) {
    await toolbar.getByRole('button', { name: '주문 메뉴 더보기' }).click();
    await page.getByRole('menuitem', { name: item, exact: true }).click();
    const opened = dialog(page, title);
    await expect(opened).toBeVisible();
    await expectFullScreen(page, opened);
    await page.keyboard.press('Escape');
    await expect(opened).toBeHidden();
  }

  const after = await api.order(order.id);
  expect(after.items[0]!.quantityByStatus).toEqual({ paid: 1, preparing: 2 });
  await api.dispose();
});
