/**
 * The built-in gateway for the demo and for tests: approves everything. It keeps Toss's rules that
 * matter to the ledger (no cancel beyond the balance, one effect per idempotency key, a refund
 * account for a deposited virtual account) so that code which is wrong against Toss is wrong here
 * too, and it fails on demand, including the nasty case of a cancel that happened but whose answer
 * was lost.
 *
 * Its payments and remembered cancels are rows of the database (test-gateway-store.ts), so any
 * number of app servers on one database are one gateway, as they would be with Toss, and a restart
 * forgets nothing. Failure injection (failNext, setFailureRate) is a test's control of its own
 * process and stays in memory: it affects only calls made through this instance.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../db/client';
import {
  ok,
  unavailable,
  declined,
  type CancelInput,
  type CapturedPayment,
  type GatewayCancel,
  type GatewayResult,
  type GatewayWebhook,
  type PaymentGateway,
} from './gateway';
import { capturedPayment, invalidAmount, invalidInstallments, methodOfKey } from './test-gateway-rules';
import { cancelOnce, findPayment, insertPayment, keyReused, markDeposited, nextSerial, rememberedCancel, reusedKey, type StoredPayment } from './test-gateway-store';
import { secretsMatch } from './toss-webhook';

type FailureKind = 'declined' | 'unavailable';
interface FailureMode {
  kind: FailureKind;
  /** Apply the call, then answer unavailable anyway: the response was lost on the way back. */
  lostResponse: boolean;
}

const depositBodySchema = z.object({
  eventType: z.literal('TEST_DEPOSIT'),
  paymentKey: z.string(),
  orderId: z.string(),
  amount: z.number().int(),
  depositedAt: z.string(),
  secret: z.string(),
});

const testDeclined = () => declined('TEST_DECLINED', '테스트 게이트웨이가 요청을 거절했습니다.');
const testUnavailable = () => unavailable('TEST_UNAVAILABLE', '테스트 게이트웨이가 응답하지 않았습니다.');

/** What a confirm answered, rebuilt from the row; null for a payment registered from the ledger. */
function confirmedOf(row: StoredPayment): CapturedPayment | null {
  if (row.serial === null || row.confirmedAt === null) return null;
  return capturedPayment({ paymentKey: row.paymentKey, amount: row.amount, serial: row.serial, confirmedAt: row.confirmedAt, depositSecret: row.depositSecret });
}

export interface TestGatewayOptions {
  /** Where the gateway keeps its payments; shared by every server on the database. */
  db: Db;
  /** The gateway's clock; tests pin it. */
  now?: () => Date;
}

export class TestGateway implements PaymentGateway {
  readonly name = 'test';
  private readonly db: Db;
  private readonly queuedFailures: FailureMode[] = [];
  private randomFailure: { rate: number; rng: () => number; mode: FailureMode } | null = null;
  private readonly now: () => Date;

  constructor(options: TestGatewayOptions) {
    this.db = options.db;
    this.now = options.now ?? (() => new Date());
  }

  /** The next `count` confirm/cancel calls through this instance fail this way. */
  failNext(kind: FailureKind, count = 1, options: { lostResponse?: boolean } = {}): void {
    for (let i = 0; i < count; i++) this.queuedFailures.push({ kind, lostResponse: options.lostResponse ?? false });
  }

  /** Each call through this instance fails with probability `rate` (drawn from `rng`), after any failNext failures. 0 turns it off. */
  setFailureRate(rate: number, rng: () => number, options: { kind?: FailureKind; lostResponse?: boolean } = {}): void {
    this.randomFailure =
      rate > 0 ? { rate, rng, mode: { kind: options.kind ?? 'unavailable', lostResponse: options.lostResponse ?? false } } : null;
  }

  /**
   * Makes a payment the gateway never confirmed (seeded, or reported by the storefront) known,
   * from the order service's own ledger. A payment already known keeps its state: ours is at
   * least as current as a ledger that may not yet have recorded a cancel whose answer was lost.
   */
  async register(paymentKey: string, capturedAmount: number, alreadyCancelled = 0): Promise<void> {
    if (!Number.isSafeInteger(capturedAmount) || capturedAmount < 0) throw new Error(`bad captured amount ${capturedAmount}`);
    if (!Number.isSafeInteger(alreadyCancelled) || alreadyCancelled < 0 || alreadyCancelled > capturedAmount) {
      throw new Error(`bad cancelled amount ${alreadyCancelled} of ${capturedAmount}`);
    }
    await insertPayment(this.db, { paymentKey, method: null, amount: capturedAmount, cancelled: alreadyCancelled, state: 'captured' });
  }

  /** What can still be cancelled; null for a payment this gateway does not know. */
  async balanceOf(paymentKey: string): Promise<number | null> {
    const payment = await findPayment(this.db, paymentKey);
    return payment ? payment.amount - payment.cancelled : null;
  }

  /** Under an injected failure nothing happens, unless the response is lost: then it happens, unanswered. */
  async confirm(input: { paymentKey: string; orderId: string; amount: number }): Promise<GatewayResult<CapturedPayment>> {
    const failure = this.drawFailure();
    if (!failure) return this.applyConfirm(input);
    if (failure.kind === 'declined') return testDeclined();
    if (failure.lostResponse) await this.applyConfirm(input);
    return testUnavailable();
  }

  /**
   * unavailable: nothing happens, unless lostResponse, when the cancel happens and its answer is
   * thrown away. An injected decline is the gateway's answer to that key: a retry gets it again.
   * A replay answers what the first call did, even while failures are being injected.
   */
  async cancel(input: CancelInput): Promise<GatewayResult<GatewayCancel>> {
    const invalid = invalidAmount(input.amount, 'INVALID_CANCEL_AMOUNT', '취소');
    if (invalid) return invalid;
    const remembered = await rememberedCancel(this.db, input.idempotencyKey);
    if (remembered && reusedKey(remembered, input)) return keyReused();
    const failure = this.drawFailure();
    if (failure?.kind === 'unavailable' && !failure.lostResponse) return testUnavailable();
    const result = await cancelOnce(this.db, input, failure?.kind === 'declined' ? testDeclined() : null, this.now());
    return failure?.kind === 'unavailable' ? testUnavailable() : result;
  }

  /**
   * Simulates the buyer depositing into a virtual account: the payment becomes captured and the
   * returned body is what the gateway would post to our webhook.
   */
  async depositWebhook(paymentKey: string): Promise<Record<string, unknown>> {
    const result = await this.deposit(paymentKey);
    if (!result.ok) throw new Error(`${paymentKey}: ${result.message}`);
    return result.value;
  }

  /** depositWebhook as a value: declined for a key that is no open virtual account of this gateway. */
  async deposit(paymentKey: string): Promise<GatewayResult<Record<string, unknown>>> {
    const issued = await findPayment(this.db, paymentKey);
    if (!issued || issued.serial === null || issued.method !== 'virtual_account' || !issued.depositSecret) {
      return declined('NOT_A_VIRTUAL_ACCOUNT', `${paymentKey}는 이 게이트웨이가 발급한 가상계좌가 아닙니다.`);
    }
    if (issued.state === 'closed') return declined('ALREADY_CANCELED_PAYMENT', '입금 전에 취소된 가상계좌입니다.');
    await markDeposited(this.db, paymentKey, this.now());
    const payment = (await findPayment(this.db, paymentKey)) ?? issued;
    return ok({
      eventType: 'TEST_DEPOSIT',
      paymentKey,
      orderId: payment.orderId,
      amount: payment.amount,
      depositedAt: (payment.depositedAt ?? this.now()).toISOString(),
      secret: payment.depositSecret,
    });
  }

  /** The body carries the account's secret; it is checked against the payment the gateway holds. */
  async parseWebhook(body: unknown, _headers: Record<string, string | undefined>): Promise<GatewayWebhook | null> {
    const parsed = depositBodySchema.safeParse(body);
    if (!parsed.success) return null;
    const { paymentKey, orderId, amount, depositedAt, secret } = parsed.data;
    const at = new Date(depositedAt);
    if (Number.isNaN(at.getTime())) return null;
    const payment = await findPayment(this.db, paymentKey);
    if (!payment || payment.orderId !== orderId || !secretsMatch(secret, payment.depositSecret)) return null;
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

  /** Confirm is idempotent per paymentKey, like Toss with our derived Idempotency-Key, on whichever server it arrives. */
  private async applyConfirm(input: { paymentKey: string; orderId: string; amount: number }): Promise<GatewayResult<CapturedPayment>> {
    const invalid = invalidAmount(input.amount, 'INVALID_REQUEST', '결제');
    if (invalid) return invalid;
    let known = await findPayment(this.db, input.paymentKey);
    if (!known) {
      // Refused before it is remembered, as an issuer refuses before anything is charged.
      const badPlan = invalidInstallments(input.paymentKey, input.amount);
      if (badPlan) return badPlan;
      const method = methodOfKey(input.paymentKey);
      await insertPayment(this.db, {
        paymentKey: input.paymentKey,
        method,
        amount: input.amount,
        state: method === 'virtual_account' ? 'awaiting_deposit' : 'captured',
        orderId: input.orderId,
        serial: await nextSerial(this.db),
        confirmedAt: this.now(),
        depositSecret: method === 'virtual_account' ? randomUUID() : null,
      });
      // Ours, or one a concurrent confirm inserted first: either way what the row says is the answer.
      known = await findPayment(this.db, input.paymentKey);
      if (!known) throw new Error(`payment ${input.paymentKey} inserted but not found`);
    }
    const confirmed = confirmedOf(known);
    if (confirmed && known.orderId === input.orderId && confirmed.amount === input.amount) return ok(confirmed);
    return declined('ALREADY_PROCESSED_PAYMENT', '이미 처리된 결제 입니다.');
  }
}
