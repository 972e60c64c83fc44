import { expect, test, type Page } from '@playwright/test';
import type { OrderDetail } from '../src/contracts/orders';
import { SHOP_NAME } from './support/accounts';
import { ShopApi, uniqueName } from './support/list-api';
import { expectTotal, rowOf, search } from './support/list-ui';
import { signIn } from './support/session';

/**
 * 주문서·거래명세서 출력: two orders chosen in the list open in a new tab as one A4 sheet each — what
 * a packer reads (recipient, 배송 메모, items with options and large quantities, the barcode) —
 * printed to PDF (one page per order); the 거래명세서 of the same orders; an order's … menu; the
 * view's error state.
 */

test.describe.configure({ mode: 'serial' });

let api: ShopApi;
test.beforeAll(async () => {
  api = await ShopApi.open(String(test.info().project.use.baseURL));
});
test.afterAll(async () => {
  await api.dispose();
});

const address = (recipientName: string, deliveryNote?: string, overrides: Record<string, string> = {}) => ({
  recipientName,
  recipientPhone: '010-4821-0417',
  postcode: '04524',
  address1: '서울특별시 중구 세종대로 110',
  address2: '3층 301호',
  ...(deliveryNote ? { deliveryNote } : {}),
  ...overrides,
});

/** An order as a storefront hands it in, paid by card at the server's own total. */
async function place(body: Record<string, unknown>): Promise<OrderDetail> {
  const payment = (amount: number) => ({ method: 'card', amount, status: 'paid', paidAt: new Date().toISOString(), card: { company: '신한카드', numberMasked: '5365-10**-****-1234', installmentMonths: 0 } });
  const quote = await api.http.post('/api/v1/orders/quote', { data: body });
  expect(quote.status(), await quote.text()).toBe(200);
  const total = ((await quote.json()) as { totals: { total: number } }).totals.total;
  const res = await api.http.post('/api/v1/orders', { data: { ...body, payment: payment(total) } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as OrderDetail;
}

/** `/Type /Page` objects of a PDF (not the `/Type /Pages` tree): the pages it prints. */
const pdfPages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;

async function openFromMenu(page: Page, openMenu: () => Promise<void>, item: string): Promise<Page> {
  await openMenu();
  const [opened] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('menuitem', { name: item }).click()]);
  await opened.waitForLoadState();
  return opened;
}

test('주문서 of two orders chosen in the list: a page each with what the packer reads and the barcode; PDF one page per order; then the 거래명세서', async ({ page }) => {
  test.setTimeout(120_000);
  const name = uniqueName('인쇄고객');
  const first = await place({
    orderer: { name, phone: '010-4821-0417', guestPassword: '1234' },
    addresses: [address('박수령', '부재 시 경비실에 맡겨 주세요')],
    items: [
      { custom: { name: '오가닉 코튼 티셔츠', optionName: '화이트 / L', unitPrice: 19_000 }, quantity: 3 },
      { custom: { name: '린넨 와이드 팬츠', optionName: '베이지 / M', unitPrice: 42_000 }, quantity: 1 },
    ],
    shippingFee: 0,
    orderedAt: new Date(Date.now() - 120_000).toISOString(),
  });
  let second = await place({
    orderer: { name, phone: '010-4821-0417', guestPassword: '1234' },
    addresses: [address('최선물', '문 앞에 놓아 주세요'), address('한제주', undefined, { postcode: '63122', address1: '제주특별자치도 제주시 문연로 6', address2: '' })],
    items: [
      { custom: { name: '캔버스 에코백', optionName: '네이비', unitPrice: 15_000 }, quantity: 4, addressIndex: 0 },
      { custom: { name: '머그컵 세트', unitPrice: 24_000 }, quantity: 1, addressIndex: 1 },
    ],
    shippingFee: 0,
    orderedAt: new Date(Date.now() - 60_000).toISOString(),
  });
  // one of the four bags is cancelled: the box to 최선물 holds 3, and the sheet says why
  const bagGroup = second.shipmentGroups.find((g) => g.addressId === second.addresses[0]!.id)!;
  const cancel = await api.http.post(`/api/v1/orders/${second.id}/cancellations`, {
    data: { expectedVersion: second.version, items: [{ shipmentGroupId: bagGroup.id, itemId: bagGroup.items[0]!.itemId, quantity: 1 }], reason: '고객 변심', complete: true },
  });
  expect(cancel.status(), await cancel.text()).toBe(201);
  second = ((await cancel.json()) as { order: OrderDetail }).order;

  await signIn(page);
  await search(page, name);
  await expectTotal(page, 2);
  for (const o of [first, second]) await rowOf(page, o.orderNumber).getByRole('checkbox').check();
  const bar = page.getByRole('region', { name: '선택한 주문' });
  const print = await openFromMenu(page, () => bar.getByRole('button', { name: '인쇄' }).click(), '주문서 인쇄');

  await expect(print).toHaveURL(/\/orders\/print\?kind=packing&ids=/);
  // no app shell: the sheets alone, under a toolbar that does not print
  await expect(print.getByRole('navigation')).toHaveCount(0);
  await expect(print.getByTestId('print-count')).toHaveText('주문 2건 · A4 2장');
  const sheets = print.getByTestId('print-page');
  await expect(sheets).toHaveCount(2);
  // the list's order: newest first
  const [sheetA, sheetB] = [sheets.filter({ hasText: first.orderNumber }), sheets.filter({ hasText: second.orderNumber })];
  await expect(sheets.nth(0)).toContainText(second.orderNumber);

  await expect(sheetA.getByRole('heading', { name: '주문서 (패킹리스트)' })).toBeVisible();
  await expect(sheetA).toContainText(SHOP_NAME);
  await expect(sheetA).toContainText(`주문자${name} · 010-4821-0417 (비회원)`);
  await expect(sheetA).toContainText('박수령 · 010-4821-0417');
  await expect(sheetA).toContainText('(04524) 서울특별시 중구 세종대로 110 3층 301호');
  await expect(sheetA).toContainText('배송 메모부재 시 경비실에 맡겨 주세요');
  const linesA = sheetA.getByRole('table').getByRole('row');
  await expect(linesA.filter({ hasText: '오가닉 코튼 티셔츠' })).toContainText('화이트 / L');
  await expect(linesA.filter({ hasText: '오가닉 코튼 티셔츠' }).getByRole('cell').last()).toHaveText('3');
  await expect(linesA.filter({ hasText: '린넨 와이드 팬츠' }).getByRole('cell').last()).toHaveText('1');
  await expect(sheetA).toContainText('합계 4개');
  await expect(sheetA).not.toContainText('19,000');

  // the split order: each address with its own items, the cancelled bag left out and said so
  const toGift = sheetB.getByRole('region', { name: '배송지 1/2' });
  await expect(toGift).toContainText('최선물');
  await expect(toGift).toContainText('문 앞에 놓아 주세요');
  await expect(toGift.getByRole('row').filter({ hasText: '캔버스 에코백' }).getByRole('cell').last()).toHaveText('3');
  await expect(toGift).not.toContainText('머그컵 세트');
  const toJeju = sheetB.getByRole('region', { name: '배송지 2/2' });
  await expect(toJeju).toContainText('한제주');
  await expect(toJeju).toContainText('(63122) 제주특별자치도 제주시 문연로 6');
  await expect(toJeju.getByRole('row').filter({ hasText: '머그컵 세트' }).getByRole('cell').last()).toHaveText('1');
  await expect(sheetB.getByTestId('left-out')).toHaveText('취소 1개는 목록에서 뺐습니다.');

  // the order number as a Code128 barcode, drawn as SVG bars with the digits under them
  for (const [sheet, order] of [[sheetA, first], [sheetB, second]] as const) {
    const barcode = sheet.getByRole('img', { name: `주문번호 ${order.orderNumber} 바코드` });
    await expect(barcode).toBeVisible();
    expect(await barcode.locator('rect').count()).toBeGreaterThan(10);
    await expect(barcode.locator('text')).toHaveText(order.orderNumber);
  }
  await expect(print.getByRole('button', { name: '인쇄' })).toBeEnabled();

  // the README's picture: the toolbar and the first sheet, at a size where a whole A4 sheet shows
  await print.setViewportSize({ width: 1000, height: 1300 });
  await print.evaluate('document.fonts.ready.then(() => true)');
  const box = await sheets.nth(0).boundingBox();
  await print.screenshot({ path: 'e2e/screenshots/packing-list.png', clip: { x: 0, y: 0, width: 1000, height: Math.ceil((box?.y ?? 0) + (box?.height ?? 1200)) + 16 } });

  // printed (the browser's "PDF로 저장" goes the same way): exactly one A4 page per order
  expect(pdfPages(await print.pdf({ format: 'A4' }))).toBe(2);

  // the same orders as 거래명세서: prices, the totals with 공급가액 and 세액
  await print.getByRole('toolbar').getByText('거래명세서', { exact: true }).click();
  await expect(print).toHaveURL(/kind=statement/);
  const statementA = print.getByTestId('print-page').filter({ hasText: first.orderNumber });
  await expect(statementA.getByRole('heading', { name: '거래명세서' })).toBeVisible();
  await expect(statementA.getByRole('row').filter({ hasText: '오가닉 코튼 티셔츠' })).toContainText('19,000원');
  await expect(statementA.getByRole('row').filter({ hasText: '오가닉 코튼 티셔츠' })).toContainText('57,000원');
  const totals = statementA.getByRole('table', { name: '합계금액 (VAT 포함)' });
  await expect(totals.getByRole('row', { name: /합계금액/ })).toContainText('99,000원');
  await expect(totals.getByRole('row', { name: /공급가액/ })).toContainText('90,000원');
  await expect(totals.getByRole('row', { name: /세액/ })).toContainText('9,000원');
  expect(pdfPages(await print.pdf({ format: 'A4' }))).toBe(2);
  await print.close();
});

test('an order’s … menu prints that order; an address naming no order, or too many, shows the error state', async ({ page }) => {
  const name = uniqueName('상세인쇄');
  const order = await api.placeOrder({ name, itemName: '상세 인쇄 양말', quantity: 2 });
  await signIn(page);
  await page.goto(`/orders/${order.id}`);
  await expect(page.getByRole('heading', { name: new RegExp(order.orderNumber) })).toBeVisible();
  const print = await openFromMenu(page, () => page.getByRole('button', { name: '주문 메뉴 더보기' }).click(), '거래명세서 인쇄');
  await expect(print).toHaveURL(new RegExp(`kind=statement&ids=${order.id}$`));
  const sheets = print.getByTestId('print-page');
  await expect(sheets).toHaveCount(1);
  await expect(sheets).toContainText('상세 인쇄 양말');
  await expect(sheets).toContainText('20,000원');

  await print.goto('/orders/print?kind=packing&ids=987654321');
  await expect(print.getByRole('alert')).toContainText('주문을 찾을 수 없습니다.');
  // more than one print takes (the demo shop has fewer than 500 orders in all, so by chosen ids)
  await print.goto(`/orders/print?kind=packing&ids=${Array.from({ length: 501 }, (_, i) => i + 1).join(',')}`);
  await expect(print.getByRole('alert')).toContainText('한 번에 인쇄할 수 있는 주문은 500건까지입니다.');
  await expect(print.getByRole('alert').getByRole('link', { name: '주문 목록으로' })).toBeVisible();
  await print.goto('/orders/print?kind=packing&ids=abc');
  await expect(print.getByRole('alert')).toContainText('인쇄할 주문을 알 수 없는 주소입니다.');
  await print.close();
});
