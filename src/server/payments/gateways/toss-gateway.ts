/**
 * Toss Payments (토스페이먼츠) behind the PaymentGateway interface, over its REST API v1:
 *   POST /v1/payments/confirm             {paymentKey, orderId, amount}
 *   POST /v1/payments/{paymentKey}/cancel {cancelReason, cancelAmount, refundReceiveAccount?}
 *   GET  /v1/payments/{paymentKey}
 * with Basic auth (base64 of 'secretKey:') and an Idempotency-Key on every POST.
 */
import {
  declined,
  ok,
  type CancelInput,
  type CapturedPayment,
  type GatewayCancel,
  type GatewayResult,
  type GatewayWebhook,
  type PaymentGateway,
} from './gateway';
import { tossBankCode } from './toss-codes';
import { tossRequest, type TossHttpOptions } from './toss-http';
import { toCapturedPayment, toGatewayCancel, webhookFromPayment, type TossPayment } from './toss-payment';
import { parseTossWebhook, type DepositSecretLookup } from './toss-webhook';

export interface TossGatewayOptions {
  secretKey: string;
  /** Default https://api.tosspayments.com; tests point it at a local fake. */
  baseUrl?: string;
  /** Per request, body included. Default 10 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /**
   * The secret Toss issued with an order's virtual account (CapturedPayment.depositSecret, stored
   * by the order service). Without it no deposit callback is accepted: an unauthenticated callback
   * would let anyone mark an order paid.
   */
  depositSecretFor?: DepositSecretLookup;
}

/** Toss refuses a cancelReason over 200 characters; a long staff note should not cost a refund. */
const MAX_CANCEL_REASON = 200;

export class TossGateway implements PaymentGateway {
  readonly name = 'toss';
  private readonly http: TossHttpOptions;
  private readonly depositSecretFor: DepositSecretLookup | undefined;

  constructor(options: TossGatewayOptions) {
    if (!options.secretKey) throw new Error('TossGateway needs a secret key');
    this.http = {
      secretKey: options.secretKey,
      baseUrl: (options.baseUrl ?? 'https://api.tosspayments.com').replace(/\/+$/, ''),
      timeoutMs: options.timeoutMs ?? 10_000,
      fetch: options.fetch ?? globalThis.fetch,
    };
    this.depositSecretFor = options.depositSecretFor;
  }

  async confirm(input: { paymentKey: string; orderId: string; amount: number }): Promise<GatewayResult<CapturedPayment>> {
    // The key is derived from the paymentKey so that a confirm retried after a lost response is
    // answered with the first result instead of ALREADY_PROCESSED_PAYMENT. Toss scopes keys by
    // secret key, URL and method, and a paymentKey is confirmed once, so this cannot collide.
    const result = await tossRequest(
      this.http,
      'POST',
      '/v1/payments/confirm',
      { paymentKey: input.paymentKey, orderId: input.orderId, amount: input.amount },
      { 'Idempotency-Key': `confirm:${input.paymentKey}` },
    );
    if (result.ok) return toCapturedPayment(result.value);
    if (result.code === 'ALREADY_PROCESSED_PAYMENT') return this.alreadyConfirmed(input);
    return result;
  }

  /**
   * Confirmed before (by a retry that outlived the idempotency window, or by another server):
   * the payment stands if it is the one we meant, same order and same amount.
   */
  private async alreadyConfirmed(input: { paymentKey: string; orderId: string; amount: number }): Promise<GatewayResult<CapturedPayment>> {
    const fetched = await this.fetchPayment(input.paymentKey);
    if (!fetched.ok) return fetched;
    const payment = fetched.value;
    if (payment.orderId !== input.orderId || payment.totalAmount !== input.amount) {
      return declined('ALREADY_PROCESSED_PAYMENT', '이미 다른 주문이나 금액으로 처리된 결제입니다.');
    }
    return toCapturedPayment(payment);
  }

  async cancel(input: CancelInput): Promise<GatewayResult<GatewayCancel>> {
    if (!Number.isSafeInteger(input.amount) || input.amount <= 0) {
      return declined('INVALID_CANCEL_AMOUNT', `취소 금액은 1원 이상의 정수여야 합니다 (${input.amount}).`);
    }
    const body: Record<string, unknown> = {
      cancelReason: input.reason.slice(0, MAX_CANCEL_REASON),
      // Always explicit: an omitted cancelAmount means "everything left", which is never what a
      // ledger-driven refund of a known amount wants.
      cancelAmount: input.amount,
    };
    if (input.refundAccount) {
      const bank = tossBankCode(input.refundAccount.bank);
      if (!bank) return declined('INVALID_REFUND_BANK', `환불 계좌 은행을 알 수 없습니다: ${input.refundAccount.bank}`);
      body.refundReceiveAccount = {
        bank,
        accountNumber: input.refundAccount.accountNumber.replace(/[\s-]/g, ''),
        holderName: input.refundAccount.holderName,
      };
    }
    const result = await tossRequest(this.http, 'POST', `/v1/payments/${encodeURIComponent(input.paymentKey)}/cancel`, body, {
      'Idempotency-Key': input.idempotencyKey,
    });
    return result.ok ? toGatewayCancel(result.value, input.amount) : result;
  }

  /** The payment as Toss holds it now: what a webhook must be checked against. */
  fetchPayment(paymentKey: string): Promise<GatewayResult<TossPayment>> {
    return tossRequest(this.http, 'GET', `/v1/payments/${encodeURIComponent(paymentKey)}`);
  }

  async parseWebhook(body: unknown, _headers: Record<string, string | undefined>): Promise<GatewayWebhook | null> {
    // Toss's payment webhooks carry no signature header; authenticity comes from the deposit
    // secret or from re-reading the payment (see toss-webhook.ts).
    return parseTossWebhook(body, this.depositSecretFor);
  }

  /** Toss looks payments up by our orderId too; a deposit callback names nothing else. */
  fetchPaymentByOrderId(orderId: string): Promise<GatewayResult<TossPayment>> {
    return tossRequest(this.http, 'GET', `/v1/payments/orders/${encodeURIComponent(orderId)}`);
  }

  async verifyWebhook(webhook: GatewayWebhook): Promise<GatewayResult<GatewayWebhook | null>> {
    if (!webhook.needsRefetch) return ok(webhook);
    let fetched: GatewayResult<TossPayment>;
    if (webhook.paymentKey) fetched = await this.fetchPayment(webhook.paymentKey);
    else if (webhook.orderId !== null) fetched = await this.fetchPaymentByOrderId(webhook.orderId);
    else return ok(null);
    if (!fetched.ok) {
      // Toss does not know the payment: the event was forged or is not from our account.
      return fetched.kind === 'declined' ? ok(null) : fetched;
    }
    if (webhook.orderId !== null && fetched.value.orderId !== webhook.orderId) return ok(null);
    const eventAt = webhook.kind === 'deposit_confirmed' ? webhook.depositedAt : null;
    const current = webhookFromPayment(fetched.value, eventAt);
    // The event is trusted only as far as Toss confirms it now: a body claiming a deposit for a
    // payment Toss still holds as waiting is dropped. What Toss answers (paymentKey, amount) wins
    // over what the body said.
    return ok(current.kind === webhook.kind ? current : null);
  }
}
