/**
 * The built-in gateway for the demo and for tests: approves everything, in memory, per process.
 * It keeps Toss's rules that matter to the ledger (no cancel beyond the balance, one effect per
 * idempotency key, a refund account for a deposited virtual account) so that code which is wrong
 * against Toss is wrong here too, and it fails on demand, including the nasty case of a cancel
 * that happened but whose answer was lost.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  declined,
  ok,
  unavailable,
  type CancelInput,
  type CapturedMethod,
  type CapturedPayment,
  type GatewayCancel,
  type GatewayResult,
  type GatewayWebhook,
  type PaymentGateway,
} from './gateway';
import { tossBankCode } from './toss-codes';
import { secretsMatch } from './toss-webhook';

type FailureKind = 'declined' | 'unavailable';
interface FailureMode {
  kind: FailureKind;
  /** Apply the call, then answer unavailable anyway: the response was lost on the way back. */
  lostResponse: boolean;
}

interface TestPayment {
  method: CapturedMethod | null; // null: registered from the ledger, method unknown here
  /** What the gateway holds and may give back; a waiting virtual account holds its full amount, as at Toss. */
  amount: number;
  cancelled: number;
  state: 'captured' | 'awaiting_deposit' | 'closed';
  orderId: string | null;
  confirmed: CapturedPayment | null;
  depositSecret: string | null;
  depositedAt: Date | null;
}

interface RememberedCancel {
  paymentKey: string;
  amount: number;
  result: GatewayResult<GatewayCancel>;
}

const DAY_MS = 86_400_000;
const depositBodySchema = z.object({
  eventType: z.literal('TEST_DEPOSIT'),
  paymentKey: z.string(),
  orderId: z.string(),
  amount: z.number().int(),
  depositedAt: z.string(),
  secret: z.string(),
});

export interface TestGatewayOptions {
  /** The gateway's clock; tests pin it. */
  now?: () => Date;
}

export class TestGateway implements PaymentGateway {
  readonly name = 'test';
  private readonly payments = new Map<string, TestPayment>();
  private readonly cancels = new Map<string, RememberedCancel>();
  private readonly queuedFailures: FailureMode[] = [];
  private randomFailure: { rate: number; rng: () => number; mode: FailureMode } | null = null;
  private sequence = 0;
  private readonly now: () => Date;

  constructor(options: TestGatewayOptions = {}) {
    this.now = options.now ?? (() => new Date());
  }

  /** The next `count` confirm/cancel calls fail this way. */
  failNext(kind: FailureKind, count = 1, options: { lostResponse?: boolean } = {}): void {
    for (let i = 0; i < count; i++) this.queuedFailures.push({ kind, lostResponse: options.lostResponse ?? false });
  }

  /** Each call fails with probability `rate` (drawn from `rng`), after any failNext failures. 0 turns it off. */
  setFailureRate(rate: number, rng: () => number, options: { kind?: FailureKind; lostResponse?: boolean } = {}): void {
    this.randomFailure =
      rate > 0 ? { rate, rng, mode: { kind: options.kind ?? 'unavailable', lostResponse: options.lostResponse ?? false } } : null;
  }

  /**
   * Makes a payment this process never confirmed (seeded, or reported by the storefront) known,
   * from the order service's own ledger. A payment already known keeps its state: ours is at
   * least as current as a ledger that may not yet have recorded a cancel whose answer was lost.
   */
  register(paymentKey: string, capturedAmount: number, alreadyCancelled = 0): void {
    if (!Number.isSafeInteger(capturedAmount) || capturedAmount < 0) throw new Error(`bad captured amount ${capturedAmount}`);
    if (!Number.isSafeInteger(alreadyCancelled) || alreadyCancelled < 0 || alreadyCancelled > capturedAmount) {
      throw new Error(`bad cancelled amount ${alreadyCancelled} of ${capturedAmount}`);
    }
    if (this.payments.has(paymentKey)) return;
    this.payments.set(paymentKey, {
      method: null,
      amount: capturedAmount,
      cancelled: alreadyCancelled,
      state: 'captured',
      orderId: null,
      confirmed: null,
      depositSecret: null,
      depositedAt: null,
    });
  }

  /** What can still be cancelled; null for a payment this gateway does not know. */
  balanceOf(paymentKey: string): number | null {
    const payment = this.payments.get(paymentKey);
    return payment ? payment.amount - payment.cancelled : null;
  }

  async confirm(input: { paymentKey: string; orderId: string; amount: number }): Promise<GatewayResult<CapturedPayment>> {
    return this.withFailures(() => this.applyConfirm(input));
  }

  async cancel(input: CancelInput): Promise<GatewayResult<GatewayCancel>> {
    const remembered = this.cancels.get(input.idempotencyKey);
    if (remembered && (remembered.paymentKey !== input.paymentKey || remembered.amount !== input.amount)) {
      // Toss would replay the first answer; being stricter here catches a caller reusing keys.
      return declined('IDEMPOTENCY_KEY_REUSED', '같은 멱등키로 다른 취소를 요청했습니다.');
    }
    return this.withFailures(
      () => {
        // A replay answers what the first call did, even while failures are being injected.
        const again = this.cancels.get(input.idempotencyKey);
        if (again) return again.result;
        const result = this.applyCancel(input);
        this.cancels.set(input.idempotencyKey, { paymentKey: input.paymentKey, amount: input.amount, result });
        return result;
      },
      (failure) => {
        // An injected decline is the gateway's answer to this key: a retry gets it again.
        const prior = this.cancels.get(input.idempotencyKey);
        if (prior) return prior.result;
        this.cancels.set(input.idempotencyKey, { paymentKey: input.paymentKey, amount: input.amount, result: failure });
        return failure;
      },
    );
  }

  /**
   * Simulates the buyer depositing into a virtual account: the payment becomes captured and the
   * returned body is what the gateway would post to our webhook.
   */
  depositWebhook(paymentKey: string): Record<string, unknown> {
    const payment = this.payments.get(paymentKey);
    if (!payment?.confirmed || payment.method !== 'virtual_account' || !payment.depositSecret) {
      throw new Error(`${paymentKey} is not a virtual account this gateway issued`);
    }
    if (payment.state === 'closed') throw new Error(`${paymentKey} was cancelled before any deposit`);
    if (payment.state === 'awaiting_deposit') {
      payment.state = 'captured';
      payment.depositedAt = this.now();
    }
    return {
      eventType: 'TEST_DEPOSIT',
      paymentKey,
      orderId: payment.orderId,
      amount: payment.amount,
      depositedAt: (payment.depositedAt ?? this.now()).toISOString(),
      secret: payment.depositSecret,
    };
  }

  parseWebhook(body: unknown, _headers: Record<string, string | undefined>): GatewayWebhook | null {
    const parsed = depositBodySchema.safeParse(body);
    if (!parsed.success) return null;
    const { paymentKey, orderId, amount, depositedAt, secret } = parsed.data;
    const payment = this.payments.get(paymentKey);
    if (!payment || payment.orderId !== orderId || !secretsMatch(secret, payment.depositSecret)) return null;
    const at = new Date(depositedAt);
    if (Number.isNaN(at.getTime())) return null;
    return { kind: 'deposit_confirmed', paymentKey, orderId, amount, depositedAt: at };
  }

  /** Bodies this gateway accepts are authenticated by their secret already. */
  async verifyWebhook(webhook: GatewayWebhook): Promise<GatewayResult<GatewayWebhook | null>> {
    return ok(webhook);
  }

  private drawFailure(): FailureMode | null {
    const queued = this.queuedFailures.shift();
    if (queued) return queued;
    const random = this.randomFailure;
    return random && random.rng() < random.rate ? random.mode : null;
  }

  /**
   * Runs a call under the failure plan. unavailable: nothing happens, unless lostResponse, when
   * the call happens and its answer is thrown away. declined: `onDeclined` decides what is kept.
   */
  private withFailures<T>(
    apply: () => GatewayResult<T>,
    onDeclined: (failure: GatewayResult<T>) => GatewayResult<T> = (failure) => failure,
  ): GatewayResult<T> {
    const failure = this.drawFailure();
    if (!failure) return apply();
    if (failure.kind === 'declined') return onDeclined(declined('TEST_DECLINED', '테스트 게이트웨이가 요청을 거절했습니다.'));
    if (failure.lostResponse) apply();
    return unavailable('TEST_UNAVAILABLE', '테스트 게이트웨이가 응답하지 않았습니다.');
  }

  private applyConfirm(input: { paymentKey: string; orderId: string; amount: number }): GatewayResult<CapturedPayment> {
    if (!Number.isSafeInteger(input.amount) || input.amount <= 0) {
      return declined('INVALID_REQUEST', `결제 금액은 1원 이상의 정수여야 합니다 (${input.amount}).`);
    }
    const known = this.payments.get(input.paymentKey);
    if (known) {
      // Confirm is idempotent per paymentKey, like Toss with our derived Idempotency-Key.
      if (known.confirmed && known.orderId === input.orderId && known.confirmed.amount === input.amount) return ok(known.confirmed);
      return declined('ALREADY_PROCESSED_PAYMENT', '이미 처리된 결제 입니다.');
    }
    const now = this.now();
    const serial = String(++this.sequence).padStart(8, '0');
    const base: CapturedPayment = {
      gatewayTransactionId: input.paymentKey,
      amount: input.amount,
      method: 'card',
      status: 'captured',
      paidAt: now,
      cardCompany: null,
      cardNumberMasked: null,
      installmentMonths: null,
      easyPayProvider: null,
      virtualAccount: null,
      depositSecret: null,
    };
    let captured: CapturedPayment;
    if (input.paymentKey.startsWith('va_')) {
      captured = {
        ...base,
        method: 'virtual_account',
        status: 'pending',
        paidAt: null,
        virtualAccount: { bank: '신한은행', accountNumber: `562${serial}0001`, holder: '주문테스트', dueAt: new Date(now.getTime() + 3 * DAY_MS) },
        depositSecret: randomUUID(),
      };
    } else if (input.paymentKey.startsWith('ep_')) {
      captured = { ...base, method: 'easy_pay', easyPayProvider: '토스페이' };
    } else if (input.paymentKey.startsWith('tr_')) {
      captured = { ...base, method: 'bank_transfer' };
    } else {
      captured = { ...base, cardCompany: '신한카드', cardNumberMasked: `4330${serial.slice(-4)}****123*`, installmentMonths: 0 };
    }
    this.payments.set(input.paymentKey, {
      method: captured.method,
      amount: input.amount,
      cancelled: 0,
      state: captured.status === 'pending' ? 'awaiting_deposit' : 'captured',
      orderId: input.orderId,
      confirmed: captured,
      depositSecret: captured.depositSecret ?? null,
      depositedAt: null,
    });
    return ok(captured);
  }

  private applyCancel(input: CancelInput): GatewayResult<GatewayCancel> {
    if (!Number.isSafeInteger(input.amount) || input.amount <= 0) {
      return declined('INVALID_CANCEL_AMOUNT', `취소 금액은 1원 이상의 정수여야 합니다 (${input.amount}).`);
    }
    const payment = this.payments.get(input.paymentKey);
    if (!payment) return declined('PAYMENT_NOT_FOUND', `결제를 찾을 수 없습니다: ${input.paymentKey}`);
    if (payment.state === 'closed') return declined('ALREADY_CANCELED_PAYMENT', '이미 취소된 결제 입니다.');
    const balance = payment.amount - payment.cancelled;
    if (input.amount > balance) {
      return declined('NOT_CANCELABLE_AMOUNT', `취소 할 수 없는 금액 입니다 (잔액 ${balance}원, 요청 ${input.amount}원).`);
    }
    if (payment.state === 'awaiting_deposit') {
      // Before any deposit there is nothing to give back: cancelling closes the account, whole.
      if (input.amount !== balance) return declined('NOT_CANCELABLE_AMOUNT', '입금 전 가상계좌는 전액만 취소할 수 있습니다.');
      payment.state = 'closed';
    } else if (payment.method === 'virtual_account') {
      if (!input.refundAccount) return declined('INVALID_REFUND_ACCOUNT_INFO', '가상계좌 환불에는 환불 계좌가 필요합니다.');
      if (!tossBankCode(input.refundAccount.bank)) return declined('INVALID_REFUND_BANK', `환불 계좌 은행을 알 수 없습니다: ${input.refundAccount.bank}`);
    }
    payment.cancelled += input.amount;
    return ok({
      cancelId: `tcnl_${String(++this.sequence).padStart(8, '0')}`,
      amount: input.amount,
      remainingAmount: payment.amount - payment.cancelled,
      cancelledAt: this.now(),
    });
  }
}
