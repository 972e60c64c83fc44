/**
 * The buyer's side in the browser tests (My Page at /my): orders made for buyers through the staff
 * API, moved along as staff would, and the steps a buyer takes on the page. Staff look at the
 * result in a context of their own (another person, another browser), at a desktop size.
 */
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { createCardOrder, moveAll, placeAtServerPrice, shipAll, type ApiOrder, type CustomLine, type StaffApi } from './detail-api';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };
export const GUEST_PASSWORD = 'guest-1234';

let sequence = 0;
/** A name no other order of the run has, so the orderer's name can stand for the contact. */
export const uniqueBuyer = (base: string) => `${base}${Date.now().toString(36).slice(-4)}${++sequence}`;

/** A guest's order paid by card (password GUEST_PASSWORD), moved on to `until`. */
export async function guestOrder(api: StaffApi, lines: CustomLine[], orderer: { name: string; phone: string }, until: 'paid' | 'shipping' | 'delivered' = 'paid'): Promise<ApiOrder> {
  const order = await createCardOrder(api, lines, orderer);
  if (until === 'paid') return order;
  await shipAll(api, order.id);
  if (until === 'shipping') return api.order(order.id);
  return moveAll(api, order.id, 'shipping', 'delivered');
}

/**
 * A member's order placed by the storefront's shop (by the member's storefront id), paid by card,
 * then edited by staff to add an item the buyer has not paid for, with 추가 결제 요청 on My Page.
 */
export async function memberOrderOwingMoney(api: StaffApi, member: { externalId: string; name: string; phone: string }, added: { name: string; price: number; reason: string }) {
  const body = (amount: number) => ({
    channel: 'own_mall',
    orderer: { memberExternalId: member.externalId, name: member.name, phone: member.phone },
    addresses: [{ recipientName: member.name, recipientPhone: member.phone, postcode: '04524', address1: '서울특별시 중구 세종대로 110', address2: '5층' }],
    items: [{ custom: { name: '린넨 셔츠', optionName: '화이트 / L', unitPrice: 39000 }, quantity: 1, addressIndex: 0 }],
    payment: { method: 'card', amount, status: 'paid', gateway: 'toss', gatewayTransactionId: `e2e-my-${Date.now()}-${++sequence}`, card: { company: '현대카드', numberMasked: '4330-12**-****-9012', installmentMonths: 0 } },
  });
  const order = await placeAtServerPrice(api, body);
  const edit = await api.post<{ editId: number }>(`/api/v1/orders/${order.id}/edits`, {
    expectedVersion: order.version,
    actions: [{ type: 'add_item', custom: { name: added.name, unitPrice: added.price }, quantity: 1 }],
  });
  await api.post(`/api/v1/orders/${order.id}/edits/${edit.editId}/commit`, { expectedVersion: order.version, paymentRequest: { reason: added.reason } });
  const { requests } = await api.get<{ requests: Array<{ id: number; amount: number; status: string }> }>(`/api/v1/orders/${order.id}/payment-requests`);
  const request = requests.find((r) => r.status === 'pending');
  expect(request, 'the edit asked the buyer for the added item').toBeTruthy();
  return { order: await api.order(order.id), requestId: request!.id, amount: request!.amount };
}

/** The shop a staff session works in (a link to My Page names it: the e2e server serves several shops). */
export async function shopIdOf(api: StaffApi): Promise<number> {
  return (await api.get<{ shop: { id: number } }>('/api/v1/auth/me')).shop.id;
}

/** 비회원 주문조회 on /my (the shop's lookup page, unless the page is on a lookup already), as a guest types it. */
export async function lookUp(page: Page, lookup: { shopId?: number; orderNumber?: string; contact: string; password: string }) {
  if (!/\/my(\?|$)/.test(page.url())) await page.goto(lookup.shopId ? `/my?shop=${lookup.shopId}` : '/my');
  await expect(page.getByRole('heading', { name: '비회원 주문조회' })).toBeVisible();
  if (lookup.orderNumber !== undefined) await page.getByRole('textbox', { name: '주문번호' }).fill(lookup.orderNumber);
  await page.getByRole('textbox', { name: '주문자 연락처 또는 이름' }).fill(lookup.contact);
  await page.getByLabel('주문 비밀번호').fill(lookup.password);
  await page.getByRole('button', { name: '주문 조회' }).click();
}

/** The order's page on My Page, once it has loaded. */
export async function expectMyOrder(page: Page, orderNumber: string) {
  await expect(page).toHaveURL(new RegExp(`/my/orders/${orderNumber}$`));
  await expect(page.getByRole('heading', { level: 1, name: '주문 상세' })).toBeVisible();
  await expect(page.getByTestId('order-number')).toHaveText(orderNumber);
}

/** Nothing wider than the screen: a phone never scrolls sideways. */
export async function expectNoSideScroll(page: Page) {
  // a string: e2e/ is compiled for Node, without the DOM's types
  const { scrollWidth, clientWidth } = await page.evaluate<{ scrollWidth: number; clientWidth: number }>(
    '({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth })',
  );
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

export const myDialog = (page: Page, name: string) => page.getByRole('dialog', { name });
export const toast = (page: Page) => page.getByRole('status');

/**
 * Signs staff in through the login page, as support/session.ts's signIn does, without waiting for
 * the whole list: these tests go on to a tab of their own, and the first list a fresh server
 * reads (400 orders, cold caches) can take longer than an expectation's 10 seconds on a busy machine.
 */
export async function signInStaff(page: Page, account: { email: string; password: string }) {
  await page.goto('/orders');
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel('이메일').fill(account.email);
  await page.getByLabel('비밀번호').fill(account.password);
  await page.getByRole('button', { name: '로그인' }).click();
  await expect(page.getByRole('heading', { name: '주문 목록' })).toBeVisible();
}

/** Another person at a desktop: a browser context of their own (cookies apart from the buyer's). */
export async function staffContext(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'ko-KR', timezoneId: 'UTC', baseURL: `http://127.0.0.1:${process.env.E2E_PORT}` });
  return { context, page: await context.newPage() };
}
