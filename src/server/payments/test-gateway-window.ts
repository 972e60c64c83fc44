/**
 * The built-in test gateway's payment window, served by this server while the test gateway is in
 * use (with Toss configured these paths are My Page's like any other): it behaves like a PG's
 * window — the buyer picks a card company and installments and approves, or the payment fails, or
 * the buyer closes it — and sends the browser to the checkout's success or fail URL with what a
 * PG's window hands back (Toss: paymentKey, orderId, amount / code, message, orderId).
 *
 * The form is submitted with GET: choosing in the window authorises nothing by itself (the charge
 * happens at confirm, as at Toss), so the submission has no effect to protect, and a GET needs no
 * CSRF token, which a plain form could not send.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/client';
import { checkoutOrderName, findWindowCheckout } from './checkout-queries';
import { checkoutReturnUrls } from './checkout-service';
import { closedWindowPage, windowPage } from './checkout-window-page';
import type { PaymentGateway } from './gateways/gateway';
import { TestGateway } from './gateways/test-gateway';
import { installmentAllowed, TEST_WINDOW_CARDS, windowPaymentKey } from './gateways/test-gateway-rules';

const windowQuery = z.object({ shop: z.coerce.number().int().positive(), checkout: z.string().min(1).max(64) });
const submitQuery = windowQuery.extend({
  action: z.enum(['approve', 'decline', 'cancel']),
  card: z.string().max(4).optional(),
  installments: z.coerce.number().int().min(0).max(36).default(0),
});

const NOT_FOUND = '결제 정보를 찾을 수 없습니다. 주문 화면에서 다시 결제해 주세요.';
const CLOSED = '이미 끝난 결제입니다. 결제가 필요하면 주문 화면에서 다시 결제해 주세요.';

function html(reply: FastifyReply, status: number, body: string) {
  return reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(body);
}

export const testGatewayWindowRoutes: FastifyPluginAsyncZod<{ db: Db; gateway: PaymentGateway }> = async (app, { db, gateway }) => {
  if (!(gateway instanceof TestGateway)) return;
  const config = { access: 'public' as const };

  app.get('/my/pay/test-window', { config, schema: { hide: true, querystring: windowQuery } }, async (request, reply) => {
    const found = await findWindowCheckout(db, request.query.shop, gateway.name, request.query.checkout);
    if (!found) return html(reply, 404, closedWindowPage(NOT_FOUND));
    if (found.checkout.status !== 'open') return html(reply, 409, closedWindowPage(CLOSED));
    const { checkout } = found;
    return html(
      reply,
      200,
      windowPage({ shopId: checkout.shopId, gatewayOrderId: checkout.gatewayOrderId, shopName: found.shopName, orderName: checkoutOrderName(found.orderNumber), amount: checkout.amount }),
    );
  });

  app.get('/my/pay/test-window/submit', { config, schema: { hide: true, querystring: submitQuery } }, async (request, reply) => {
    const q = request.query;
    const found = await findWindowCheckout(db, q.shop, gateway.name, q.checkout);
    if (!found) return html(reply, 404, closedWindowPage(NOT_FOUND));
    const { checkout } = found;
    if (checkout.status !== 'open') return html(reply, 409, closedWindowPage(CLOSED));
    const { successUrl, failUrl } = checkoutReturnUrls(`${request.protocol}://${request.host}`);
    const back = (base: string, params: Record<string, string>) => reply.redirect(`${base}?${new URLSearchParams(params).toString()}`, 303);

    if (q.action === 'cancel') return back(failUrl, { code: 'PAY_PROCESS_CANCELED', message: '사용자에 의해 결제가 취소되었습니다.', orderId: checkout.gatewayOrderId });
    if (q.action === 'decline') return back(failUrl, { code: 'TEST_DECLINED', message: '카드사에서 결제를 거절했습니다. (테스트)', orderId: checkout.gatewayOrderId });

    const card = TEST_WINDOW_CARDS.find((c) => c.code === q.card);
    const refusal = !card ? '카드사를 선택해 주세요.' : !installmentAllowed(checkout.amount, q.installments) ? '선택하신 할부 개월로 결제할 수 없습니다. 5만원 미만은 일시불만 가능합니다.' : null;
    if (!card || refusal) {
      const view = { shopId: checkout.shopId, gatewayOrderId: checkout.gatewayOrderId, shopName: found.shopName, orderName: checkoutOrderName(found.orderNumber), amount: checkout.amount };
      return html(reply, 422, windowPage({ ...view, error: refusal ?? '' }));
    }
    const paymentKey = windowPaymentKey(card.code, q.installments, randomBytes(12).toString('base64url'));
    return back(successUrl, { paymentKey, orderId: checkout.gatewayOrderId, amount: String(checkout.amount) });
  });
};
