import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { page, raw, type Raw } from './html';
import { JumunError, type JumunApi } from './jumun-api';
import type { CatalogProduct, IssuedCoupon, Member, PlacedOrder, Quote, TestPayment } from './jumun-types';
import { guestLookupUrl, memberHandoffUrl, type MyPageLinks } from './my-page';
import { cartPage, checkoutPage, donePage, handoffMissingPage, membersPage, productsPage, webhooksPage, type CartView, type CheckoutForm } from './pages';
import { MEMBERS } from './sample-data';
import { cartCookie, cartOf, cookiesOf, memberCookie, received, remember, type CartLine } from './state';
import { verifyWebhook } from './signature';

export interface StorefrontOptions {
  api: JumunApi;
  /** The webhook endpoint's signing secret, as Jumun answered it when the endpoint was registered. */
  webhookSecret: () => string | null;
  webhookPath: string;
  /** How buyers reach Jumun's My Page from here ("내 주문", 비회원 주문조회). */
  myPage: MyPageLinks;
}

type Handler = (req: IncomingMessage, res: ServerResponse, form: URLSearchParams) => Promise<void>;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 1_000_000) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const send = (res: ServerResponse, status: number, body: string, headers: Record<string, string | string[]> = {}) => {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(body);
};
const redirect = (res: ServerResponse, to: string, cookies: string[] = []) => {
  res.writeHead(303, { location: to, ...(cookies.length ? { 'set-cookie': cookies } : {}) });
  res.end();
};

export function createStorefront(options: StorefrontOptions): Server {
  const { api } = options;
  // only what this storefront synced (the shop may hold products from elsewhere, such as the demo seed)
  const catalog = async () => (await api.get<{ items: CatalogProduct[] }>('/api/v1/catalog/products?status=active&limit=100')).items.filter((p) => p.externalId !== null);
  const memberOf = async (req: IncomingMessage): Promise<Member | null> => {
    const id = cookiesOf(req).member;
    if (!id) return null;
    return api.get<Member>(`/api/v1/members/${encodeURIComponent(id)}`).catch(() => null);
  };
  // a member's "내 주문" goes through this server (GET /my-orders), which signs the hand-off token at the click
  const myPageLink = (member: Member | null, orderNumber?: string) =>
    member
      ? { href: `/my-orders${orderNumber ? `?order=${encodeURIComponent(orderNumber)}` : ''}`, label: '내 주문' }
      : { href: guestLookupUrl(options.myPage, orderNumber), label: '비회원 주문조회' };
  const render = async (req: IncomingMessage, res: ServerResponse, title: string, body: Raw, cookies: string[] = []) => {
    const member = await memberOf(req);
    const chrome = { memberName: member?.name ?? null, cartCount: cartOf(req).reduce((n, l) => n + l.quantity, 0), myPage: myPageLink(member) };
    send(res, 200, page(title, chrome, body), cookies.length ? { 'set-cookie': cookies } : {});
  };
  const cartView = async (lines: CartLine[]): Promise<CartView[]> => {
    const products = await catalog();
    return lines.map((line) => {
      const product = products.find((p) => p.externalId === line.product);
      const option = product?.options.find((o) => o.externalId === line.option);
      const optionText = option ? ` · ${option.values.map((v) => v.value).join(' / ') || option.name}` : '';
      return { line, product, unitPrice: (product?.price ?? 0) + (option?.extraPrice ?? 0), label: `${product?.name ?? line.product}${optionText}` };
    });
  };

  const checkoutOf = (req: IncomingMessage, form: CheckoutForm, member: Member | null) => ({
    orderer: member
      ? { memberExternalId: member.externalId, name: form.name, phone: form.phone, ...(form.email ? { email: form.email } : {}) }
      : { name: form.name, phone: form.phone, ...(form.email ? { email: form.email } : {}), guestPassword: form.guestPassword },
    addresses: [{ recipientName: form.recipientName, recipientPhone: form.recipientPhone, postcode: form.postcode, address1: form.address1, address2: form.address2 }],
    items: cartOf(req).map((l) => ({ productExternalId: l.product, ...(l.option ? { optionExternalId: l.option } : {}), quantity: l.quantity })),
    discounts: { ...(member && form.coupon ? { issuedCouponExternalId: form.coupon } : {}), pointsUsed: member ? form.points : 0 },
  });

  const formOf = (fields: URLSearchParams, member: Member | null): CheckoutForm => ({
    checkoutId: fields.get('checkoutId') || randomUUID(),
    name: fields.get('name') ?? member?.name ?? '',
    phone: fields.get('phone') ?? member?.phone ?? '',
    email: fields.get('email') ?? member?.email ?? '',
    recipientName: fields.get('recipientName') ?? member?.name ?? '',
    recipientPhone: fields.get('recipientPhone') ?? member?.phone ?? '',
    postcode: fields.get('postcode') ?? '04524',
    address1: fields.get('address1') ?? '서울특별시 중구 세종대로 110',
    address2: fields.get('address2') ?? '',
    coupon: fields.get('coupon') ?? '',
    points: Math.max(0, Number(fields.get('points') ?? 0) || 0),
    method: fields.get('method') === 'virtual_account' ? 'virtual_account' : 'card',
    guestPassword: fields.get('guestPassword') ?? '',
  });

  const checkout: Handler = async (req, res, fields) => {
    const member = await memberOf(req);
    const coupons = member ? (await api.get<{ coupons: IssuedCoupon[] }>(`/api/v1/members/${member.externalId}/coupons`)).coupons.filter((c) => c.usable) : [];
    const form = formOf(fields, member);
    if (cartOf(req).length === 0) return redirect(res, '/cart');
    const body = checkoutOf(req, form, member);
    let quote: Quote | null = null;
    try {
      quote = await api.post<Quote>('/api/v1/orders/quote', body);
      if (req.method !== 'POST' || fields.get('action') !== 'pay') return render(req, res, '주문서', checkoutPage(form, member, coupons, quote, null));
      // the checkout id keys both calls: a double click or a retry pays and orders once
      const payment = await api.post<TestPayment>('/api/v1/test-gateway/payments/confirm', {
        paymentKey: `${form.method === 'virtual_account' ? 'va_' : 'card_'}${form.checkoutId.replace(/-/g, '')}`,
        orderId: `SF-${form.checkoutId.slice(0, 18)}`,
        amount: quote.totals.total,
      });
      const order = await api.post<PlacedOrder>('/api/v1/orders', { ...body, externalOrderId: payment.orderId, payment: paymentOf(payment) }, `checkout-${form.checkoutId}`);
      const done = donePage(order, payment, myPageLink(member, order.orderNumber));
      await render(req, res, '주문 완료', done, [cartCookie([])]);
    } catch (error) {
      if (!(error instanceof JumunError)) throw error;
      const where = typeof error.details.path === 'string' ? ` (${error.details.path})` : '';
      await render(req, res, '주문서', checkoutPage(form, member, coupons, quote, `${error.message}${where} [${error.code}]`));
    }
  };

  const routes: Record<string, Handler> = {
    'GET /': async (req, res) => render(req, res, '상품', productsPage(await catalog())),
    'POST /cart/add': async (req, res, f) => {
      const line = { product: f.get('product') ?? '', option: f.get('option') || null, quantity: Math.min(99, Math.max(1, Number(f.get('quantity')) || 1)) };
      redirect(res, '/cart', [cartCookie([...cartOf(req), line])]);
    },
    'POST /cart/remove': async (req, res, f) => redirect(res, '/cart', [cartCookie(cartOf(req).filter((_, i) => i !== Number(f.get('index'))))]),
    'GET /cart': async (req, res) => render(req, res, '장바구니', cartPage(await cartView(cartOf(req)))),
    'GET /checkout': checkout,
    'POST /checkout': checkout,
    'POST /deposit': async (req, res, f) => {
      await api.post(`/api/v1/test-gateway/payments/${encodeURIComponent(f.get('paymentKey') ?? '')}/deposit`);
      redirect(res, '/webhooks');
    },
    // this storefront's own members (the shop may hold others, such as the demo seed's, without a storefront id), as Jumun has them now
    'GET /members': async (req, res) => {
      const members = await Promise.all(MEMBERS.map((m) => api.get<Member>(`/api/v1/members/${encodeURIComponent(m.externalId)}`)));
      await render(req, res, '회원 선택', membersPage(members, cookiesOf(req).member ?? null));
    },
    'POST /members/select': async (req, res, f) => redirect(res, '/', [memberCookie(f.get('member') || null)]),
    'GET /webhooks': async (req, res) => render(req, res, '받은 웹훅', webhooksPage(received, options.webhookPath)),
    // 내 주문: a member is handed over to My Page signed in (to one order when `order` is given); a guest goes to the lookup page
    'GET /my-orders': async (req, res, q) => {
      const member = await memberOf(req);
      const orderNumber = q.get('order') || undefined;
      if (!member) return redirect(res, guestLookupUrl(options.myPage, orderNumber));
      const handoff = memberHandoffUrl(options.myPage, member.externalId, orderNumber);
      if (handoff) return redirect(res, handoff);
      await render(req, res, '내 주문', handoffMissingPage(guestLookupUrl(options.myPage, orderNumber)));
    },
  };

  return createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://storefront');
      const rawBody = req.method === 'POST' ? await readBody(req) : '';
      if (req.method === 'POST' && url.pathname === options.webhookPath) return receiveWebhook(req, res, rawBody, options.webhookSecret());
      const handler = routes[`${req.method} ${url.pathname}`];
      if (!handler) return send(res, 404, page('찾을 수 없습니다', { memberName: null, cartCount: 0, myPage: myPageLink(null) }, raw('')));
      await handler(req, res, req.method === 'POST' ? new URLSearchParams(rawBody) : url.searchParams);
    })().catch((error: unknown) => {
      console.error('storefront error', error);
      if (!res.headersSent) send(res, 502, `Jumun에 연결하지 못했습니다: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
}

function paymentOf(p: TestPayment) {
  const account = p.virtualAccount;
  return {
    method: p.method,
    amount: p.amount,
    status: p.status === 'captured' ? 'paid' : 'awaiting_deposit',
    gateway: 'test',
    gatewayTransactionId: p.paymentKey,
    gatewayOrderId: p.orderId,
    ...(p.depositSecret ? { depositSecret: p.depositSecret } : {}),
    ...(p.card ? { card: p.card } : {}),
    ...(account ? { virtualAccount: { bank: account.bank, accountNumber: account.accountNumber, holder: account.holder } } : {}),
  };
}

/** Standard Webhooks: verify, remember, and answer 2xx only for what verified (anything else is retried). */
function receiveWebhook(req: IncomingMessage, res: ServerResponse, body: string, secret: string | null) {
  const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(' ') : v]));
  const verdict = secret ? verifyWebhook(secret, headers, body) : { ok: false as const, reason: '아직 엔드포인트 비밀키가 없습니다' };
  let type = '';
  let orderNumber: string | null = null;
  try {
    const parsed = JSON.parse(body) as { type?: string; data?: { order?: { number?: string } } };
    type = parsed.type ?? '';
    orderNumber = parsed.data?.order?.number ?? null;
  } catch {
    // an unreadable body is shown as it came
  }
  const id = headers['webhook-id'] ?? '';
  const duplicate = verdict.ok && received.some((w) => w.id === id && w.verified);
  if (!duplicate) remember({ receivedAt: new Date(), id, type, orderNumber, verified: verdict.ok, reason: verdict.ok ? null : verdict.reason, body });
  res.writeHead(verdict.ok ? 204 : 400);
  res.end();
}
