import { expect, test } from '@playwright/test';
import { OWNER, STOREFRONT_OWNER } from './support/accounts';
import { staffApi } from './support/detail-api';
import { openOrderSignedIn } from './support/detail-session';
import { search, rowOf } from './support/list-ui';
import {
  DESKTOP,
  GUEST_PASSWORD,
  PHONE,
  expectMyOrder,
  expectNoSideScroll,
  guestOrder,
  lookUp,
  memberOrderOwingMoney,
  myDialog,
  shopIdOf,
  signInStaff,
  staffContext,
  toast,
  uniqueBuyer,
} from './support/my-page';
import { readOldDelivery } from './support/old-delivery';
import { tab } from './support/session';

/**
 * The buyer's My Page (/my) at a phone's size and a desktop's: a guest looks an order up with its
 * password and asks a partial return, which staff find in their 취소·반품 접수 tab; a member
 * arrives from the demo storefront and pays an additional payment request in the test gateway's
 * window, which staff see paid; a buyer confirms a purchase; staff hand a guest a link to the
 * order. Wrong guesses at the lookup come last: they slow every lookup from this address down.
 */
const storefront = `http://127.0.0.1:${process.env.E2E_STOREFRONT_PORT}`;
const SIZES = [
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const;

for (const [size, viewport] of SIZES) {
  test.describe(`at a ${size}'s size`, () => {
    test.use({ viewport });

    test(`a guest looks an order up with its password and asks a partial return from a new address; staff find it in 취소·반품 접수 (${size})`, async ({ page, browser, playwright }) => {
      const api = await staffApi(playwright);
      const name = uniqueBuyer('반품손님');
      const order = await guestOrder(api, [{ name: '울 니트', optionName: '아이보리 / M', price: 20000, quantity: 2 }], { name, phone: '010-5555-0303' }, 'delivered');

      await lookUp(page, { shopId: await shopIdOf(api), orderNumber: order.orderNumber, contact: '010-5555-0303', password: GUEST_PASSWORD });
      await expectMyOrder(page, order.orderNumber);
      const item = page.getByRole('listitem', { name: '울 니트 (아이보리 / M)' });
      await expect(item).toContainText('배송완료 2');
      await expect(page.getByRole('region', { name: '배송 정보' }).getByRole('link', { name: /CJ대한통운 \d+ 배송조회/ })).toHaveAttribute('href', /^https?:\/\//);
      await expect(page.getByTestId('total-amount')).toHaveText(`${order.totals.orderTotal.toLocaleString('ko-KR')}원`);
      await expect(page.getByRole('region', { name: /^고객센터/ })).toBeVisible();
      await expectNoSideScroll(page);

      await page.getByRole('toolbar', { name: '주문 신청' }).getByRole('button', { name: '반품 신청' }).click();
      const form = myDialog(page, '반품 신청');
      await form.getByRole('checkbox', { name: '울 니트 (아이보리 / M)' }).check();
      const quantity = form.getByRole('textbox', { name: '울 니트 (아이보리 / M) 수량' });
      await quantity.fill('1');
      await quantity.blur();
      await expect(quantity).toHaveValue('1');
      await form.getByRole('combobox', { name: '사유' }).selectOption({ label: '단순 변심' });
      // a change of mind is the buyer's: the page says who pays the return shipping before sending
      await expect(form.getByTestId('shipping-fault')).toContainText('고객님이 부담');
      await form.getByRole('radio', { name: '새 주소 입력' }).check();
      await form.getByRole('textbox', { name: '이름' }).fill(name);
      await form.getByRole('textbox', { name: '연락처' }).fill('010-7777-3030');
      await form.getByRole('textbox', { name: '우편번호' }).fill('06236');
      await form.getByRole('textbox', { name: /^주소/ }).fill('서울특별시 강남구 테헤란로 152');
      await form.getByRole('textbox', { name: '상세주소' }).fill('강남파이낸스센터 20층');
      await form.getByRole('button', { name: '반품 신청' }).click();
      await expect(form).toBeHidden();
      await expect(toast(page)).toContainText('반품을 신청했습니다: 반품접수');
      const claim = page.getByRole('article', { name: '반품 반품접수' });
      await expect(claim).toContainText('울 니트 (아이보리 / M) × 1');
      await expect(claim.getByRole('button', { name: '반품 철회' })).toBeVisible();
      await expect(item).toContainText('반품접수 1');
      await expect(item).toContainText('배송완료 1');

      // staff: the order waits in the 취소·반품 접수 tab, picked up from the address the buyer typed
      const { claims } = await api.get<{ claims: Array<{ kind: string; status: string; fault: string | null; pickup: { address1: string; address2: string } | null }> }>(`/api/v1/orders/${order.id}/claims`);
      expect(claims.find((c) => c.kind === 'return')).toMatchObject({ status: 'return_requested', fault: 'buyer', pickup: { address1: '서울특별시 강남구 테헤란로 152', address2: '강남파이낸스센터 20층' } });
      const staff = await staffContext(browser);
      await signInStaff(staff.page, OWNER);
      await tab(staff.page, '취소·반품 접수').click();
      await expect(tab(staff.page, '취소·반품 접수')).toHaveAttribute('aria-selected', 'true');
      await search(staff.page, order.orderNumber);
      await expect(rowOf(staff.page, order.orderNumber)).toContainText('반품접수', { timeout: 30_000 });
      await staff.context.close();
      await api.dispose();

      // while it is still 접수 the buyer may take it back: the unit is delivered again
      await claim.getByRole('button', { name: '반품 철회' }).click();
      await myDialog(page, '신청 철회').getByRole('button', { name: '철회하기' }).click();
      await expect(toast(page)).toContainText('신청을 철회했습니다');
      await expect(item).toContainText('배송완료 2');
      await expect(claim.getByRole('button', { name: '반품 철회' })).toHaveCount(0);
    });

    test(`a member arrives from the demo storefront and pays an additional payment request in the test gateway's window; staff see it paid (${size})`, async ({ page, browser, playwright }) => {
      const api = await staffApi(playwright, STOREFRONT_OWNER);
      // the button takes the particle the name's last syllable asks for: 이서준으로, 박지우로
      const member = size === 'phone' ? { externalId: 'SF-M-1002', name: '이서준', phone: '010-4821-1002', signIn: '이서준으로 로그인' } : { externalId: 'SF-M-1003', name: '박지우', phone: '010-4821-1003', signIn: '박지우로 로그인' };
      const { order, requestId, amount } = await memberOrderOwingMoney(api, member, { name: '보조배터리', price: 10000, reason: '보조배터리 추가' });
      const due = `${amount.toLocaleString('ko-KR')}원`;

      // the storefront signs the member in, and its "내 주문" hands them over to My Page
      await page.goto(`${storefront}/members`);
      await page.getByRole('button', { name: member.signIn }).click();
      await page.getByTestId('my-page-link').click();
      await expect(page).toHaveURL(/\/my\/orders$/);
      await expect(page.getByRole('heading', { name: '주문 내역' })).toBeVisible();
      const card = page.getByRole('link').filter({ hasText: order.orderNumber });
      await expect(card).toContainText('추가 결제 요청');
      await expectNoSideScroll(page);
      await card.click();
      await expectMyOrder(page, order.orderNumber);

      const request = page.getByTestId('payment-request');
      await expect(request).toContainText('보조배터리 추가');
      await expect(request).toContainText(due);
      // the units the edit added are not paid for yet
      await expect(page.getByRole('region', { name: '배송 정보' })).toContainText('추가 결제 대기');
      if (size === 'phone') await page.screenshot({ path: 'e2e/screenshots/my-page-order.png', fullPage: true });
      await request.getByRole('button', { name: `${due} 결제하기` }).click();

      // the test gateway's payment window: a card company, installments, approve
      await expect(page).toHaveURL(/\/my\/pay\/test-window/);
      await expect(page.getByText(due)).toBeVisible();
      await page.getByRole('combobox', { name: '카드사' }).selectOption({ index: 1 });
      if (size === 'phone') await page.screenshot({ path: 'e2e/screenshots/my-page-test-window.png' });
      await page.getByRole('button', { name: '결제하기', exact: true }).click();

      await expect(page).toHaveURL(/\/my\/pay\/success\?/);
      await expect(page.getByRole('heading', { name: '결제가 완료되었습니다' })).toBeVisible();
      await expect(page.getByRole('main')).toContainText(due);
      await page.getByRole('link', { name: '주문으로 돌아가기' }).click();
      await expectMyOrder(page, order.orderNumber);
      await expect(page.getByTestId('payment-request')).toHaveCount(0);
      await expect(page.getByTestId('balance-due')).toHaveText('0원');
      await expect(page.getByRole('region', { name: '배송 정보' })).not.toContainText('추가 결제 대기');

      // staff: paid at once, in the order's payment panel
      const staff = await staffContext(browser);
      await openOrderSignedIn(staff.page, order.id, order.orderNumber, STOREFRONT_OWNER);
      await expect(staff.page.getByRole('group', { name: `추가 결제 요청 #${requestId}` })).toContainText('결제완료');
      await expect(staff.page.getByTestId('amount-balanceDue')).toHaveText('0원');
      await staff.context.close();
      await api.dispose();
    });
  });
}

test.describe('at a phone’s size', () => {
  test.use({ viewport: PHONE });

  test('a buyer confirms a purchase', async ({ page, playwright }) => {
    const api = await staffApi(playwright);
    const name = uniqueBuyer('확정손님');
    const order = await guestOrder(api, [{ name: '세라믹 머그', price: 15000, quantity: 1 }], { name, phone: '010-5555-0404' }, 'delivered');
    const shopId = await shopIdOf(api);
    await api.dispose();

    // the orderer's name stands for the phone number just as well
    await lookUp(page, { shopId, orderNumber: order.orderNumber, contact: name, password: GUEST_PASSWORD });
    await expectMyOrder(page, order.orderNumber);
    await page.getByRole('toolbar', { name: '주문 신청' }).getByRole('button', { name: '구매확정' }).click();
    const confirm = myDialog(page, '구매확정');
    await expect(confirm).toContainText('세라믹 머그 × 1');
    await confirm.getByRole('button', { name: '구매확정' }).click();
    await expect(confirm).toBeHidden();
    await expect(toast(page)).toContainText('구매확정했습니다');
    await expect(page.getByRole('listitem', { name: '세라믹 머그' })).toContainText('구매확정 1');
    // nothing left to confirm, return or exchange
    await expect(page.getByRole('toolbar', { name: '주문 신청' })).toHaveCount(0);
  });
});

test.describe('at a desktop’s size', () => {
  test.use({ viewport: DESKTOP });

  test('a guest cancels one of two items not yet prepared: it completes at once with its refund', async ({ page, playwright }) => {
    const api = await staffApi(playwright);
    const name = uniqueBuyer('취소손님');
    const order = await guestOrder(api, [
      { name: '유리컵', price: 8000, quantity: 2 },
      { name: '코스터', price: 4000, quantity: 1 },
    ], { name, phone: '010-5555-0707' });
    const shopId = await shopIdOf(api);
    await api.dispose();

    await lookUp(page, { shopId, orderNumber: order.orderNumber, contact: '010-5555-0707', password: GUEST_PASSWORD });
    await expectMyOrder(page, order.orderNumber);
    await page.getByRole('toolbar', { name: '주문 신청' }).getByRole('button', { name: '주문 취소' }).click();
    const form = myDialog(page, '주문 취소');
    await form.getByRole('checkbox', { name: '코스터' }).check();
    await form.getByRole('combobox', { name: '사유' }).selectOption({ label: '기타' });
    // 기타 needs the buyer's own words
    await form.getByRole('button', { name: '취소 신청' }).click();
    await expect(form.getByText('사유를 적어 주세요.', { exact: true })).toBeVisible();
    await form.getByRole('textbox', { name: '상세 사유' }).fill('색이 마음에 들지 않아요');
    await expect(form.getByTestId('cancel-outcome')).toContainText('바로 취소되고 환불됩니다');
    await form.getByRole('button', { name: '취소 신청' }).click();
    await expect(form).toBeHidden();
    await expect(toast(page)).toContainText('취소완료');
    await expect(toast(page)).toContainText('환불 4,000원');
    await expect(page.getByRole('listitem', { name: '코스터' })).toContainText('취소완료 1');
    await expect(page.getByRole('listitem', { name: '유리컵' })).toContainText('결제완료 2');
    await expect(page.getByTestId('refunded-amount')).toHaveText('4,000원');
  });

  test('the auto-confirm job confirms a delivery older than the shop’s days, as the system, and the buyer reads it', async ({ page }) => {
    // made by the e2e server before the run: delivered 30 days ago in the storefront's shop (7 days)
    const old = readOldDelivery(process.env.E2E_PORT ?? '');
    await lookUp(page, { shopId: old.shopId, orderNumber: old.orderNumber, contact: old.phone, password: old.password });
    await expectMyOrder(page, old.orderNumber);
    // the job runs every few seconds on the e2e server; the page shows what it did once reloaded
    await expect(async () => {
      await page.reload();
      await expect(page.getByRole('listitem', { name: old.itemName })).toContainText('구매확정 1', { timeout: 2_000 });
    }).toPass({ timeout: 60_000 });
    await expect(page.getByText(/자동으로 구매확정되었습니다/)).toBeVisible();
    await expect(page.getByRole('toolbar', { name: '주문 신청' }).getByRole('button', { name: '구매확정' })).toHaveCount(0);
  });

  test('staff copy the order’s My Page link; a guest who opens it lands on the lookup with the order number filled in', async ({ page, browser, playwright, baseURL }) => {
    const api = await staffApi(playwright);
    const name = uniqueBuyer('링크손님');
    const order = await guestOrder(api, [{ name: '캔버스 에코백', price: 21000, quantity: 1 }], { name, phone: '010-5555-0505' }, 'shipping');
    const shopId = await shopIdOf(api);
    await api.dispose();

    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    await openOrderSignedIn(page, order.id, order.orderNumber);
    await page.getByRole('button', { name: '주문 메뉴 더보기' }).click();
    await page.getByRole('menuitem', { name: 'My Page 링크 복사' }).click();
    const link = `${baseURL}/my/orders/${order.orderNumber}?shop=${shopId}`;
    await expect(page.getByRole('status')).toContainText(link);
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(link);

    const buyer = await browser.newContext({ viewport: DESKTOP, locale: 'ko-KR', timezoneId: 'UTC' });
    const guest = await buyer.newPage();
    await guest.goto(link);
    await expect(guest).toHaveURL(new RegExp(`/my\\?shop=${shopId}&order=${order.orderNumber}$`));
    await expect(guest.getByRole('textbox', { name: '주문번호' })).toHaveValue(order.orderNumber);
    await lookUp(guest, { contact: '010-5555-0505', password: GUEST_PASSWORD });
    await expectMyOrder(guest, order.orderNumber);
    await expect(guest.getByRole('listitem', { name: '캔버스 에코백' })).toContainText('배송중 1');
    // in English too: the server's labels follow the screen's language
    // the segmented control's radios are visually hidden: a person clicks the words
    await guest.getByRole('banner').getByText('English', { exact: true }).click();
    await expect(guest.getByRole('heading', { level: 1, name: 'Order details' })).toBeVisible();
    await expect(guest.getByRole('region', { name: 'Delivery' })).toBeVisible();
    await expect(guest.getByRole('listitem', { name: '캔버스 에코백' })).not.toContainText('배송중');
    await buyer.close();
  });
});

test.describe('wrong guesses (last: they slow lookups from this address down)', () => {
  test.use({ viewport: PHONE });

  test('a wrong guest password is refused without saying which part was wrong, and repeated guessing is slowed', async ({ page, playwright }) => {
    const api = await staffApi(playwright);
    const name = uniqueBuyer('추측대상');
    const order = await guestOrder(api, [{ name: '면 티셔츠', price: 12000, quantity: 1 }], { name, phone: '010-5555-0606' });
    const shopId = await shopIdOf(api);
    await api.dispose();
    const refusal = page.getByRole('alert');
    const answer = () => page.waitForResponse((r) => r.url().endsWith('/api/v1/my/guest-lookups'));

    let waiting = answer();
    await lookUp(page, { shopId, orderNumber: order.orderNumber, contact: '010-5555-0606', password: 'not-the-password' });
    expect((await waiting).status()).toBe(401);
    await expect(refusal).toContainText('입력하신 정보와 일치하는 주문이 없습니다');
    const wrongPassword = await refusal.textContent();
    await expect(page).toHaveURL(/\/my(\?|$)/);

    // a wrong phone number gets the very same words
    waiting = answer();
    await lookUp(page, { contact: '010-9999-9999', password: GUEST_PASSWORD });
    expect((await waiting).status()).toBe(401);
    await expect(refusal).toHaveText(wrongPassword ?? '');

    // guessing on: soon the server asks to wait, and the page says so in the server's words
    let status = 401;
    for (let attempt = 0; attempt < 12 && status === 401; attempt++) {
      waiting = answer();
      await lookUp(page, { contact: '010-5555-0606', password: `guess-${attempt}` });
      status = (await waiting).status();
    }
    expect(status).toBe(429);
    await expect(refusal).toContainText(/잠시 후 다시 시도|잠겼습니다/);
    // how long to wait, from the server's Retry-After (not a time this test measures)
    await expect(refusal).toContainText(/후에 다시 시도할 수 있습니다/);
    await expect(page).toHaveURL(/\/my(\?|$)/);
  });
});
