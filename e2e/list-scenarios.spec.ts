import { expect, test, type Page } from '@playwright/test';
import type { OrderDetail } from '../src/contracts/orders';
import { ShopApi, uniqueName } from './support/list-api';
import { applyFilters, columnTexts, expectTotal, openFilters, orderNumbers, rowOf, saveAsNewTab, search, tabCount } from './support/list-ui';
import { listTotal, rows, signIn } from './support/session';

/**
 * The usage scenarios of the product announcement (주문목록 › 탭, 검색 필터), each built through the
 * screen: conditions in the filter panel → 새 탭으로 저장, then the rows a person would check. Each
 * test places its own orders (under a name no seeded order has) so what must and must not appear
 * is known; the demo orders that also match are checked by their columns.
 */

// Tabs are shared by the shop: these tests add theirs one after another and delete them after.
test.describe.configure({ mode: 'serial' });

let api: ShopApi;
const createdTabs: string[] = [];
const stamp = Date.now() % 100_000;

test.beforeAll(async () => {
  api = await ShopApi.open(String(test.info().project.use.baseURL));
});
test.afterAll(async () => {
  await api.deleteViews(createdTabs);
  await api.dispose();
});

const numbersOf = (orders: OrderDetail[]) => orders.map((o) => o.orderNumber).sort();

/**
 * The tab's count is the number of orders it lists. Other tests add orders to the same shop while
 * this one runs, and the screen reads the tab counts and the list's count at different moments, so
 * a difference is re-checked after a reload (both read anew) until they agree.
 */
async function expectTabCountsItsList(page: Page, tabName: string) {
  await expect(async () => {
    const [tabTotal, listed] = [await tabCount(page, tabName), await listTotal(page)];
    if (tabTotal !== listed) await page.reload();
    // each scenario places orders of its own, so a 0 is a count not read yet, never an answer
    expect(listed).toBeGreaterThan(0);
    expect(tabTotal).toBe(listed);
  }).toPass({ timeout: 30_000 });
}

test('(a) 주문 취소/반품 요청 건만: a tab of 취소접수 and 반품접수', async ({ page }) => {
  const name = uniqueName('취소반품시나리오');
  const cancelAsked = await api.requestCancel(await api.placeOrder({ name }));
  const returnAsked = await api.requestReturn(await api.advance(await api.placeOrder({ name }), ['preparing', 'ready_to_ship', 'shipping', 'delivered']));
  const cancelled = await api.requestCancel(await api.placeOrder({ name }), { complete: true });
  const paid = await api.placeOrder({ name });

  await signIn(page);
  const panel = await openFilters(page);
  const claims = panel.getByRole('group', { name: '취소·반품·교환 상태', exact: true });
  await claims.getByRole('checkbox', { name: '취소접수' }).check();
  await claims.getByRole('checkbox', { name: '반품접수' }).check();
  await applyFilters(page);
  await expect(page.getByRole('listitem').filter({ hasText: '취소접수' })).toBeVisible();
  const tabName = `취소·반품 요청 ${stamp}`;
  await saveAsNewTab(page, tabName);
  createdTabs.push(tabName);

  // the tab counts what it lists, and every row has a unit waiting in 취소접수 or 반품접수
  const total = await listTotal(page);
  expect(total).toBeGreaterThanOrEqual(2);
  await expectTabCountsItsList(page, tabName);
  for (const status of await columnTexts(page, '주문상태')) expect(status).toMatch(/취소접수|반품접수/);

  // our orders: the two requests are there; the completed cancel and the plain paid order are not
  await search(page, name);
  await expectTotal(page, 2);
  expect((await orderNumbers(page)).sort()).toEqual(numbersOf([cancelAsked, returnAsked]));
  await expect(rowOf(page, cancelAsked.orderNumber)).toContainText('취소접수');
  await expect(rowOf(page, returnAsked.orderNumber)).toContainText('반품접수');
  for (const other of [cancelled, paid]) await expect(rowOf(page, other.orderNumber)).toHaveCount(0);
});

test('(b) 비회원 주문 중 자사몰로 결제한 건만: 주문 채널 자사몰 + 회원구분 비회원 (결제상태 전체)', async ({ page }) => {
  const name = uniqueName('비회원자사몰시나리오');
  const guestPaid = await api.placeOrder({ name, channel: 'own_mall' });
  const guestAwaiting = await api.placeOrder({ name, channel: 'own_mall', awaitingDeposit: true });
  const guestCoupang = await api.placeOrder({ name, channel: 'coupang' });
  const member = await api.placeOrder({ name, channel: 'own_mall', customerId: await api.someMemberId() });

  await signIn(page);
  const panel = await openFilters(page);
  await panel.getByRole('group', { name: '주문 채널' }).getByRole('checkbox', { name: '자사몰' }).check();
  await panel.getByRole('group', { name: '회원 구분' }).getByRole('radio', { name: '비회원' }).check();
  await applyFilters(page);
  const tabName = `비회원 자사몰 ${stamp}`;
  await saveAsNewTab(page, tabName);
  createdTabs.push(tabName);

  expect(await listTotal(page)).toBeGreaterThanOrEqual(2);
  await expectTabCountsItsList(page, tabName);
  expect(new Set(await columnTexts(page, '주문채널'))).toEqual(new Set(['자사몰']));
  expect(new Set(await columnTexts(page, '회원구분'))).toEqual(new Set(['비회원']));
  // 결제상태 전체: paid and still-awaiting orders alike
  const payments = new Set(await columnTexts(page, '결제상태'));
  expect(payments.size).toBeGreaterThanOrEqual(1);

  await search(page, name);
  await expectTotal(page, 2);
  expect((await orderNumbers(page)).sort()).toEqual(numbersOf([guestPaid, guestAwaiting]));
  await expect(rowOf(page, guestAwaiting.orderNumber)).toContainText('입금대기');
  await expect(rowOf(page, guestPaid.orderNumber)).toContainText('결제완료');
  for (const other of [guestCoupang, member]) await expect(rowOf(page, other.orderNumber)).toHaveCount(0);
});

test('(c) 일주일 이상 배송 지연된 주문만: 배송지연 7일 이상', async ({ page }) => {
  const name = uniqueName('배송지연시나리오');
  const lateWaiting = await api.placeOrder({ name, daysAgo: 10 });
  const latePreparing = await api.advance(await api.placeOrder({ name, daysAgo: 9 }), ['preparing']);
  const recent = await api.placeOrder({ name, daysAgo: 3 });
  const lateShipped = await api.advance(await api.placeOrder({ name, daysAgo: 10 }), ['preparing', 'ready_to_ship', 'shipping']);

  await signIn(page);
  const panel = await openFilters(page);
  await panel.getByLabel('배송지연 일수 (N일 이상)').fill('7');
  await applyFilters(page);
  await expect(page.getByRole('listitem').filter({ hasText: '배송지연 7일 이상' })).toBeVisible();
  const tabName = `배송지연 7일 ${stamp}`;
  await saveAsNewTab(page, tabName);
  createdTabs.push(tabName);

  const total = await listTotal(page);
  expect(total).toBeGreaterThanOrEqual(2);
  await expectTabCountsItsList(page, tabName);
  // every order listed still has units waiting to ship
  for (const status of await columnTexts(page, '주문상태')) expect(status).toMatch(/결제완료|상품준비중|배송대기/);

  await search(page, name);
  await expectTotal(page, 2);
  expect((await orderNumbers(page)).sort()).toEqual(numbersOf([lateWaiting, latePreparing]));
  for (const other of [recent, lateShipped]) await expect(rowOf(page, other.orderNumber)).toHaveCount(0);
});

test('(d) 미배송 건 중 메모 작성된 주문만: 주문상태 배송대기 + 기간 메모작성일', async ({ page }) => {
  const name = uniqueName('메모배송대기시나리오');
  const memo = `부재 시 경비실에 맡겨 달라는 요청 ${stamp}`;
  const readyWithMemo = await api.advance(await api.placeOrder({ name }), ['preparing', 'ready_to_ship']);
  await api.addMemo(readyWithMemo.id, memo);
  const readyNoMemo = await api.advance(await api.placeOrder({ name }), ['preparing', 'ready_to_ship']);
  const paidWithMemo = await api.placeOrder({ name });
  await api.addMemo(paidWithMemo.id, '입금 확인 필요');

  await signIn(page);
  const panel = await openFilters(page);
  await panel.getByRole('group', { name: '주문 상태', exact: true }).getByRole('checkbox', { name: '배송대기' }).check();
  await panel.getByLabel('기간 기준').selectOption({ label: '메모작성일' });
  await panel.getByLabel('최근 N일').fill('7');
  await applyFilters(page);
  const tabName = `메모 있는 배송대기 ${stamp}`;
  await saveAsNewTab(page, tabName);
  createdTabs.push(tabName);

  expect(await listTotal(page)).toBeGreaterThanOrEqual(1);
  await expectTabCountsItsList(page, tabName);
  for (const status of await columnTexts(page, '주문상태')) expect(status).toContain('배송대기');
  for (const count of await columnTexts(page, '메모')) expect(Number(count.replace(/[^\d]/g, ''))).toBeGreaterThan(0);

  await search(page, name);
  await expectTotal(page, 1);
  expect(await orderNumbers(page)).toEqual([readyWithMemo.orderNumber]);
  for (const other of [readyNoMemo, paidWithMemo]) await expect(rowOf(page, other.orderNumber)).toHaveCount(0);
  // the memo is one click away in the row
  await rows(page).first().getByRole('button', { name: /^메모 \d+건 보기$/ }).click();
  await expect(page.getByRole('dialog', { name: /^메모 \d+건 보기$/ })).toContainText(memo);
});
