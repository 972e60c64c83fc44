/**
 * The seam between the order service and a payment gateway (PG). The order service captures and
 * refunds through this interface only; which PG sits behind it is chosen once, in registry.ts.
 *
 * Expected outcomes are values (Vendure-style error results), never exceptions: a gateway call
 * that throws is a bug in the adapter.
 */

/**
 * declined: the gateway answered no; final for this request (e.g. amount not cancelable).
 * unavailable: timeout, network error, 5xx, bad credentials: the outcome is unknown or temporary.
 * The caller keeps the refund pending and may retry with the SAME idempotency key, which is what
 * makes a retry after a lost response safe.
 */
export type GatewayFailure = { ok: false; kind: 'declined' | 'unavailable'; code: string; message: string };
export type GatewayResult<T> = { ok: true; value: T } | GatewayFailure;

export type CapturedMethod = 'card' | 'virtual_account' | 'bank_transfer' | 'easy_pay';

export interface CapturedPayment {
  /** What cancel() takes as paymentKey (for Toss, the paymentKey itself). */
  gatewayTransactionId: string;
  amount: number;
  method: CapturedMethod;
  /** pending: a virtual account issued but not yet deposited into. */
  status: 'captured' | 'pending';
  paidAt: Date | null;
  cardCompany: string | null;
  cardNumberMasked: string | null;
  installmentMonths: number | null;
  easyPayProvider: string | null;
  virtualAccount: { bank: string; accountNumber: string; holder: string; dueAt: Date | null } | null;
  /**
   * Added: the value a virtual-account deposit callback must carry to be authentic (Toss issues it
   * with the account as Payment.secret). The order service stores it with the payment and hands it
   * back through TossGateway's depositSecretFor. Null for other methods.
   */
  depositSecret?: string | null;
}

export interface RefundAccount {
  /** A bank name ('신한은행', 'KB국민은행' …) or the gateway's own bank code. */
  bank: string;
  accountNumber: string;
  holderName: string;
}

export interface GatewayCancel {
  cancelId: string;
  amount: number;
  /** What the gateway still holds of the payment after this cancel. */
  remainingAmount: number;
  cancelledAt: Date;
}

export interface CancelInput {
  paymentKey: string;
  amount: number;
  reason: string;
  /** Required by Toss for a virtual-account payment that has been deposited into. */
  refundAccount?: RefundAccount;
  idempotencyKey: string;
}

export type GatewayWebhook = (
  | { kind: 'deposit_confirmed'; paymentKey: string | null; orderId: string; amount: number | null; depositedAt: Date }
  | { kind: 'payment_cancelled'; paymentKey: string; orderId: string }
  | { kind: 'other'; orderId: string | null; paymentKey?: string | null; status?: string }
) & {
  /**
   * Added: true when the body could not be authenticated by itself (Toss's PAYMENT_STATUS_CHANGED
   * carries no signature). Such an event is a hint, not a fact: call verifyWebhook (which re-reads
   * the payment from the gateway) before changing any money state.
   */
  needsRefetch?: boolean;
};

export interface PaymentGateway {
  readonly name: string; // 'test' | 'toss'
  confirm(input: { paymentKey: string; orderId: string; amount: number }): Promise<GatewayResult<CapturedPayment>>;
  cancel(input: CancelInput): Promise<GatewayResult<GatewayCancel>>;
  /**
   * Parses and authenticates a webhook body; null when it is not ours or not authentic. Async
   * because an adapter may need its records to check a body (the test gateway's are in the database).
   */
  parseWebhook(body: unknown, headers: Record<string, string | undefined>): Promise<GatewayWebhook | null>;
  /**
   * Added: turns a parsed webhook into one that can be trusted. For events parsed with
   * needsRefetch it asks the gateway for the payment and answers what the gateway says now
   * (null when that no longer matches the event); otherwise it answers the event unchanged.
   */
  verifyWebhook?(webhook: GatewayWebhook): Promise<GatewayResult<GatewayWebhook | null>>;
  /**
   * For a gateway that keeps its own record of payments (the test gateway, in the database): learn
   * a payment that a storefront reported, before cancelling it. Real gateways know their payments.
   */
  register?(paymentKey: string, capturedAmount: number, alreadyCancelled?: number): Promise<void>;
}

export const ok = <T>(value: T): GatewayResult<T> => ({ ok: true, value });

export function declined(code: string, message: string): GatewayFailure {
  return { ok: false, kind: 'declined', code, message };
}

export function unavailable(code: string, message: string): GatewayFailure {
  return { ok: false, kind: 'unavailable', code, message };
}
