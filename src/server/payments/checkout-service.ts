/**
 * A buyer pays a 추가 결제 요청 through the gateway's payment window (My Page):
 *   open    — a checkout row fixes the amount and the id the gateway knows the attempt by;
 *   confirm — the window's success comes back with paymentKey, orderId and amount: the amount is
 *             checked BEFORE the gateway is asked to confirm (Toss charges only on confirm), and
 *             the capture pays the request in one order mutation (checkout-settle.ts);
 *   fail    — the window's failure or the buyer closing it.
 * Gateway calls are made outside any transaction; every step can be retried.
 */
import { randomBytes } from 'node:crypto';
import type { MyCheckout, MyCheckoutResult } from '../../contracts/my';
import type { Db } from '../db/client';
import { paymentCheckouts } from '../db/schema/index';
import { AppError, type Lang } from '../http/errors';
import { findBuyerOrder } from '../my/order-access';
import type { BuyerPrincipal } from '../my/principal';
import { checkoutOrderName, claimAttempt, closeCheckout, findBuyerCheckout, findRequest, notPayableReason, paidResult, type CheckoutOrder, type CheckoutRow } from './checkout-queries';
import { CheckoutClosed, recordCapture, RequestNotPayable, VOID_CANCEL_PENDING, voidCapture } from './checkout-settle';
import type { CapturedPayment, PaymentGateway } from './gateways/gateway';

export interface CheckoutConfig {
  gateway: PaymentGateway;
  /** Toss's client key for its window SDK (TOSS_CLIENT_KEY); the test gateway needs none. */
  tossClientKey: string | null;
}

/** Toss takes an orderId of 6–64 characters of [A-Za-z0-9_-]; the random part makes it unguessable. */
function newGatewayOrderId(requestId: number): string {
  return `PR${requestId}-${randomBytes(12).toString('base64url')}`;
}

function gatewayKind(gateway: PaymentGateway): MyCheckout['gateway'] {
  if (gateway.name === 'test' || gateway.name === 'toss') return gateway.name;
  throw new Error(`no payment window for gateway ${gateway.name}`);
}

/** The test gateway's window, on this server (the checkout is named by shop and the gateway's order id). */
export function testWindowPath(shopId: number, gatewayOrderId: string): string {
  return `/my/pay/test-window?shop=${shopId}&checkout=${encodeURIComponent(gatewayOrderId)}`;
}

export function checkoutReturnUrls(origin: string): { successUrl: string; failUrl: string } {
  return { successUrl: `${origin}/my/pay/success`, failUrl: `${origin}/my/pay/fail` };
}

/** Opens the window for a pending request that is not past its due date. */
export async function openCheckout(db: Db, config: CheckoutConfig, buyer: BuyerPrincipal, input: { orderNumber: string; requestId: number; origin: string }, lang: Lang): Promise<MyCheckout> {
  const order = await findBuyerOrder(db, buyer, input.orderNumber);
  const request = await findRequest(db, buyer.shopId, order.id, input.requestId);
  if (!request) throw new AppError('PAYMENT_REQUEST_NOT_FOUND', { requestId: input.requestId });
  const refusal = notPayableReason(request, new Date());
  if (refusal) throw new AppError(refusal, { requestId: request.id, status: request.status, dueAt: request.dueAt?.toISOString() ?? null });
  const gateway = gatewayKind(config.gateway);
  const [checkout] = await db
    .insert(paymentCheckouts)
    .values({ shopId: buyer.shopId, orderId: order.id, paymentRequestId: request.id, gateway, gatewayOrderId: newGatewayOrderId(request.id), amount: request.amount, status: 'open' })
    .returning();
  if (!checkout) throw new Error('checkout not inserted');
  return {
    checkoutId: checkout.id,
    gateway,
    gatewayOrderId: checkout.gatewayOrderId,
    amount: checkout.amount,
    orderName: checkoutOrderName(order.orderNumber, lang),
    customerName: order.ordererName,
    ...checkoutReturnUrls(input.origin),
    windowUrl: gateway === 'test' ? `${input.origin}${testWindowPath(buyer.shopId, checkout.gatewayOrderId)}` : null,
    clientKey: gateway === 'toss' ? config.tossClientKey : null,
  };
}

const CLOSED_BY_BUYER = { ko: '결제를 취소하셨습니다. 결제되지 않았습니다.', en: 'You cancelled the payment. Nothing was charged.' };
const NOT_COMPLETED = { ko: '결제가 완료되지 않았습니다. 결제되지 않았습니다.', en: 'The payment was not completed. Nothing was charged.' };
const VOIDED_MESSAGE = { ko: '결제가 승인되었지만 바로 취소되었습니다. 청구되지 않습니다.', en: 'The payment was approved but cancelled at once. You are not charged.' };

function failedResult(order: CheckoutOrder, checkout: CheckoutRow, lang: Lang): MyCheckoutResult {
  // Toss's code for a window the buyer closed; its message is Toss's, ours says what it means
  const closedByBuyer = checkout.failureCode === 'PAY_PROCESS_CANCELED';
  const message = (closedByBuyer ? null : checkout.failureMessage) ?? (closedByBuyer ? CLOSED_BY_BUYER : NOT_COMPLETED)[lang];
  return { orderNumber: order.orderNumber, status: 'failed', amount: checkout.amount, methodLabel: null, message };
}

/** The window failed, or the buyer closed it: an open checkout is closed as failed, nothing else changes. */
export async function failCheckout(db: Db, gateway: PaymentGateway, buyer: BuyerPrincipal, input: { orderId: string; code: string; message?: string | undefined }, lang: Lang): Promise<MyCheckoutResult> {
  const { checkout, order } = await findBuyerCheckout(db, buyer, gateway.name, input.orderId);
  if (checkout.status === 'open') {
    const failure = { failureCode: input.code, failureMessage: input.message?.trim() || null };
    if (await closeCheckout(db, checkout, { status: 'failed', ...failure }, new Date(), true)) return failedResult(order, { ...checkout, ...failure }, lang);
  }
  // closed meanwhile (a confirm got there first), or a confirm is pending on it: answer what it is
  const { checkout: now } = await findBuyerCheckout(db, buyer, gateway.name, input.orderId);
  if (now.status === 'open') throw new AppError('PAYMENT_CHECKOUT_CLOSED', { status: 'open', reason: 'a payment is being confirmed for this attempt; confirm it again' });
  if (now.status === 'paid') return paidResult(db, now, order.orderNumber, lang);
  if (now.status === 'voided') return { orderNumber: order.orderNumber, status: 'voided', amount: now.amount, methodLabel: null, message: VOIDED_MESSAGE[lang] };
  return failedResult(order, now, lang);
}

/** A confirm whose checkout is closed already: the same answer for the same paymentKey, else refused without confirming. */
async function answerClosed(db: Db, gateway: PaymentGateway, buyer: BuyerPrincipal, checkout: CheckoutRow, order: CheckoutOrder, paymentKey: string, lang: Lang): Promise<MyCheckoutResult> {
  if (checkout.status === 'failed') {
    // nothing was captured for it: the same refusal again, whichever key comes
    if (checkout.failureCode === 'PAYMENT_REQUEST_NOT_PENDING' || checkout.failureCode === 'PAYMENT_REQUEST_EXPIRED') throw new AppError(checkout.failureCode, { requestId: checkout.paymentRequestId });
    throw new AppError('PAYMENT_DECLINED', { gatewayCode: checkout.failureCode, gatewayMessage: checkout.failureMessage });
  }
  if (checkout.paymentKey !== paymentKey) throw new AppError('PAYMENT_CHECKOUT_CLOSED', { status: checkout.status });
  if (checkout.status === 'paid') return paidResult(db, checkout, order.orderNumber, lang);
  let cancelled = checkout.failureCode !== VOID_CANCEL_PENDING;
  if (!cancelled) {
    // the void's cancel did not go through before: try it again, under the same key
    const request = await findRequest(db, checkout.shopId, checkout.orderId, checkout.paymentRequestId);
    const cause = new RequestNotPayable((request && notPayableReason(request, new Date())) ?? 'PAYMENT_REQUEST_NOT_PENDING', request?.status ?? 'missing');
    ({ cancelled } = await voidCapture(db, gateway, buyer, checkout, paymentKey, checkout.amount, cause));
  }
  throw new AppError('PAYMENT_VOIDED', { cancelled });
}

/** Money captured that this checkout cannot take as it came (a waiting virtual account, an amount that differs): given back at once. */
async function refuseCapture(db: Db, gateway: PaymentGateway, checkout: CheckoutRow, captured: CapturedPayment, code: string, message: string): Promise<never> {
  const cancel = await gateway.cancel({ paymentKey: captured.gatewayTransactionId, amount: captured.amount, reason: message, idempotencyKey: `checkout-refuse:${checkout.shopId}:${checkout.gatewayOrderId}` });
  const failureMessage = cancel.ok ? message : `${message} (PG 취소 확인 필요: ${cancel.code})`;
  await closeCheckout(db, checkout, { status: 'failed', paymentKey: captured.gatewayTransactionId, failureCode: code, failureMessage }, new Date());
  throw new AppError('PAYMENT_DECLINED', { gatewayCode: code, gatewayMessage: failureMessage, cancelled: cancel.ok });
}

/**
 * The window's success, confirmed: refused before the gateway hears of it when the amount is not
 * the checkout's or the request is no longer payable; then confirmed (idempotent per paymentKey
 * at the gateway, so a retry after 503 is safe) and recorded, or voided when the request stopped
 * being payable meanwhile.
 */
export async function confirmCheckout(db: Db, gateway: PaymentGateway, buyer: BuyerPrincipal, input: { paymentKey: string; orderId: string; amount: number }, lang: Lang): Promise<MyCheckoutResult> {
  const { checkout, order } = await findBuyerCheckout(db, buyer, gateway.name, input.orderId);
  if (checkout.status !== 'open') return answerClosed(db, gateway, buyer, checkout, order, input.paymentKey, lang);
  if (input.amount !== checkout.amount) throw new AppError('PAYMENT_CHECKOUT_AMOUNT_MISMATCH', { expected: checkout.amount, given: input.amount });

  const attempt = await claimAttempt(db, checkout, input.paymentKey);
  if (attempt === 'taken') throw new AppError('PAYMENT_DECLINED', { gatewayCode: 'ALREADY_PROCESSED_PAYMENT', gatewayMessage: '이미 다른 결제에 쓰인 결제 키입니다.' });
  // a confirm of another key is pending on this checkout: its outcome is settled by retrying THAT key
  if (attempt === 'other') throw new AppError('PAYMENT_CHECKOUT_CLOSED', { status: 'open', reason: 'another payment is being confirmed for this attempt' });

  if (attempt === 'first') {
    // Nothing can have been captured yet: a request no longer payable is refused without charging.
    // After an earlier attempt with an unknown outcome it may have been, so that one goes on to
    // confirm (answered from the gateway's memory) and is voided below if need be.
    const request = await findRequest(db, checkout.shopId, checkout.orderId, checkout.paymentRequestId);
    const refusal = request ? notPayableReason(request, new Date()) : 'PAYMENT_REQUEST_NOT_PENDING';
    if (refusal) {
      await closeCheckout(db, checkout, { status: 'failed', failureCode: refusal, failureMessage: null }, new Date());
      throw new AppError(refusal, { requestId: checkout.paymentRequestId, status: request?.status ?? null });
    }
  }

  const confirmed = await gateway.confirm({ paymentKey: input.paymentKey, orderId: checkout.gatewayOrderId, amount: checkout.amount });
  if (!confirmed.ok) {
    const details = { gatewayCode: confirmed.code, gatewayMessage: confirmed.message };
    // unknown outcome: the checkout stays open and a retry confirms again
    if (confirmed.kind === 'unavailable') throw new AppError('PAYMENT_GATEWAY_UNAVAILABLE', details);
    await closeCheckout(db, checkout, { status: 'failed', failureCode: confirmed.code, failureMessage: confirmed.message }, new Date());
    throw new AppError('PAYMENT_DECLINED', details);
  }
  const captured = confirmed.value;
  if (captured.status !== 'captured' || (captured.method !== 'card' && captured.method !== 'easy_pay')) {
    return refuseCapture(db, gateway, checkout, captured, 'UNSUPPORTED_METHOD', '추가 결제는 카드·간편결제로만 할 수 있습니다.');
  }
  if (captured.amount !== checkout.amount) return refuseCapture(db, gateway, checkout, captured, 'AMOUNT_MISMATCH', `승인 금액(${captured.amount}원)이 요청 금액과 다릅니다.`);

  try {
    const paid = await recordCapture(db, gateway.name, buyer, checkout, captured, lang);
    return paidResult(db, paid, order.orderNumber, lang);
  } catch (error) {
    let cause: RequestNotPayable;
    if (error instanceof RequestNotPayable) cause = error;
    else if (!(error instanceof CheckoutClosed)) throw error;
    else if ((error.checkout.status === 'paid' || error.checkout.status === 'voided') && error.checkout.paymentKey === captured.gatewayTransactionId) {
      // a twin call with the same key settled it: its answer is ours
      return answerClosed(db, gateway, buyer, error.checkout, order, input.paymentKey, lang);
    } else {
      // closed by a twin that refused it without knowing of this capture: the capture must go back
      const request = await findRequest(db, checkout.shopId, checkout.orderId, checkout.paymentRequestId);
      cause = new RequestNotPayable((request && notPayableReason(request, new Date())) ?? 'PAYMENT_REQUEST_NOT_PENDING', request?.status ?? 'missing');
    }
    const { cancelled } = await voidCapture(db, gateway, buyer, checkout, captured.gatewayTransactionId, captured.amount, cause);
    throw new AppError('PAYMENT_VOIDED', { cancelled, reason: cause.reason });
  }
}
