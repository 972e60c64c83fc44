import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../src/server/db/client';
import { testGatewayCancels, testGatewayPayments } from '../src/server/db/schema/index';
import type { GatewayCancel, GatewayResult } from '../src/server/payments/gateways/gateway';
import { createGateway } from '../src/server/payments/gateways/registry';
import { TestGateway } from '../src/server/payments/gateways/test-gateway';
import { bankName, cardCompanyName, tossBankCode } from '../src/server/payments/gateways/toss-codes';
import { TossGateway } from '../src/server/payments/gateways/toss-gateway';
import { parseTossDate } from '../src/server/payments/gateways/toss-payment';
import { openTestDatabase } from './support/database';
import { startFakeTossServer, stopFakeTossServer } from './support/fake-toss-server';

const NOW = new Date('2025-03-10T01:00:00.000Z');
const cancelOf = (paymentKey: string, amount: number, idempotencyKey: string) => ({ paymentKey, amount, reason: '부분 취소', idempotencyKey });
function value<T>(result: GatewayResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.kind} ${result.code}: ${result.message}`);
  return result.value;
}

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

/** The gateway's records are rows of the database: each test starts with a gateway that knows nothing. */
async function forgetEverything() {
  await database.db.delete(testGatewayPayments);
  await database.db.delete(testGatewayCancels);
}

describe('TestGateway', () => {
  let gateway: TestGateway;
  beforeEach(async () => {
    await forgetEverything();
    gateway = new TestGateway({ db: database.db, now: () => NOW });
  });

  it('confirms card, virtual-account and easy-pay payments by paymentKey prefix', async () => {
    expect(value(await gateway.confirm({ paymentKey: 'pk_1', orderId: 'O-1', amount: 39000 }))).toMatchObject({
      gatewayTransactionId: 'pk_1', amount: 39000, method: 'card', status: 'captured', paidAt: NOW, cardCompany: '신한카드', installmentMonths: 0,
    });
    const va = value(await gateway.confirm({ paymentKey: 'va_1', orderId: 'O-2', amount: 20000 }));
    expect(va).toMatchObject({ method: 'virtual_account', status: 'pending', paidAt: null, virtualAccount: { bank: '신한은행', dueAt: new Date(NOW.getTime() + 3 * 86_400_000) } });
    expect(va.depositSecret).toEqual(expect.any(String));
    expect(value(await gateway.confirm({ paymentKey: 'ep_1', orderId: 'O-3', amount: 5000 }))).toMatchObject({ method: 'easy_pay', easyPayProvider: '토스페이' });
    // confirming again answers the first result; another order or amount is refused
    expect(value(await gateway.confirm({ paymentKey: 'pk_1', orderId: 'O-1', amount: 39000 })).amount).toBe(39000);
    expect(await gateway.confirm({ paymentKey: 'pk_1', orderId: 'O-1', amount: 1000 })).toMatchObject({ ok: false, code: 'ALREADY_PROCESSED_PAYMENT' });
  });

  it('cancels partially, refuses more than the balance, and cancels once per idempotency key', async () => {
    await gateway.confirm({ paymentKey: 'pk_1', orderId: 'O-1', amount: 50000 });
    const first = value(await gateway.cancel(cancelOf('pk_1', 20000, 'k1')));
    expect(first).toMatchObject({ amount: 20000, remainingAmount: 30000, cancelledAt: NOW });
    expect(value(await gateway.cancel(cancelOf('pk_1', 20000, 'k1')))).toEqual(first);
    expect(await gateway.balanceOf('pk_1')).toBe(30000);
    expect(await gateway.cancel(cancelOf('pk_1', 30001, 'k2'))).toMatchObject({ ok: false, kind: 'declined', code: 'NOT_CANCELABLE_AMOUNT' });
    expect(value(await gateway.cancel(cancelOf('pk_1', 30000, 'k3'))).remainingAmount).toBe(0);
    expect(await gateway.cancel(cancelOf('pk_1', 20000, 'k1'))).toEqual({ ok: true, value: first });
    expect(await gateway.cancel(cancelOf('pk_1', 999, 'k1'))).toMatchObject({ ok: false, code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('cancels payments it never saw only once the order service registers them', async () => {
    expect(await gateway.cancel(cancelOf('seeded', 1000, 'k1'))).toMatchObject({ ok: false, kind: 'declined', code: 'PAYMENT_NOT_FOUND' });
    await gateway.register('seeded', 10000, 4000);
    expect(await gateway.balanceOf('seeded')).toBe(6000);
    await gateway.register('seeded', 10000, 0); // a known payment keeps its own state
    expect(await gateway.cancel(cancelOf('seeded', 6001, 'k2'))).toMatchObject({ ok: false, code: 'NOT_CANCELABLE_AMOUNT' });
    expect(value(await gateway.cancel(cancelOf('seeded', 6000, 'k3'))).remainingAmount).toBe(0);
  });

  it('fails on demand: failNext, and lost responses that a retry with the same key reveals', async () => {
    await gateway.confirm({ paymentKey: 'pk_1', orderId: 'O-1', amount: 10000 });
    gateway.failNext('unavailable', 2);
    expect(await gateway.cancel(cancelOf('pk_1', 1000, 'k1'))).toMatchObject({ ok: false, kind: 'unavailable' });
    expect(await gateway.cancel(cancelOf('pk_1', 1000, 'k1'))).toMatchObject({ ok: false, kind: 'unavailable' });
    expect(await gateway.balanceOf('pk_1')).toBe(10000);
    gateway.failNext('declined');
    expect(await gateway.cancel(cancelOf('pk_1', 1000, 'k2'))).toMatchObject({ ok: false, kind: 'declined', code: 'TEST_DECLINED' });
    expect(await gateway.cancel(cancelOf('pk_1', 1000, 'k2'))).toMatchObject({ ok: false, kind: 'declined' }); // final for that key
    gateway.failNext('unavailable', 1, { lostResponse: true });
    expect(await gateway.cancel(cancelOf('pk_1', 3000, 'k3'))).toMatchObject({ ok: false, kind: 'unavailable' });
    expect(await gateway.balanceOf('pk_1')).toBe(7000); // applied although the caller never heard
    expect(value(await gateway.cancel(cancelOf('pk_1', 3000, 'k3')))).toMatchObject({ amount: 3000, remainingAmount: 7000 });
    expect(await gateway.balanceOf('pk_1')).toBe(7000);
    gateway.failNext('declined');
    expect(value(await gateway.cancel(cancelOf('pk_1', 3000, 'k3'))).amount).toBe(3000); // a replay, not a new request
  });

  it('fails at random with setFailureRate, never changing state on an unavailable answer', async () => {
    await gateway.register('pk_1', 100_000);
    let seed = 7;
    gateway.setFailureRate(0.5, () => ((seed = (seed * 48271) % 2147483647) / 2147483647));
    const results = [];
    for (let i = 0; i < 40; i++) results.push(await gateway.cancel(cancelOf('pk_1', 100, `k${i}`)));
    const applied = results.filter((r) => r.ok).length;
    expect(applied).toBeGreaterThan(0);
    expect(applied).toBeLessThan(40);
    expect(await gateway.balanceOf('pk_1')).toBe(100_000 - applied * 100);
    gateway.setFailureRate(0, Math.random);
    expect((await gateway.cancel(cancelOf('pk_1', 100, 'last'))).ok).toBe(true);
  });

  it('round-trips a virtual-account deposit webhook, and then wants a refund account', async () => {
    await gateway.confirm({ paymentKey: 'va_1', orderId: 'O-9', amount: 20000 });
    const body = await gateway.depositWebhook('va_1');
    expect(await gateway.parseWebhook(body, {})).toEqual({ kind: 'deposit_confirmed', paymentKey: 'va_1', orderId: 'O-9', amount: 20000, depositedAt: NOW });
    expect(await gateway.parseWebhook({ ...body, secret: 'guessed' }, {})).toBeNull();
    expect(await gateway.parseWebhook({ ...body, orderId: 'O-other' }, {})).toBeNull();
    expect(await gateway.parseWebhook({ hello: 'world' }, {})).toBeNull();
    expect(await gateway.cancel(cancelOf('va_1', 5000, 'k1'))).toMatchObject({ ok: false, code: 'INVALID_REFUND_ACCOUNT_INFO' });
    const refundAccount = { bank: '국민은행', accountNumber: '123-456-789', holderName: '홍길동' };
    expect(value(await gateway.cancel({ ...cancelOf('va_1', 5000, 'k2'), refundAccount })).remainingAmount).toBe(15000);
  });

  it('never cancels more than was captured, whatever fails and however often the caller retries', async () => {
    const failure = fc.constantFrom('none', 'none', 'unavailable', 'lost', 'declined');
    const intent = fc.record({ amount: fc.integer({ min: 1, max: 60_000 }), attempts: fc.array(failure, { minLength: 1, maxLength: 4 }) });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 20_000 }), fc.array(intent, { maxLength: 12 }), async (captured, before, intents) => {
        await forgetEverything();
        const g = new TestGateway({ db: database.db, now: () => NOW });
        const cancelledBefore = Math.min(before, captured);
        await g.register('pk', captured, cancelledBefore);
        const learned = new Map<string, GatewayResult<GatewayCancel>>();
        for (const [i, { amount, attempts }] of intents.entries()) {
          for (const mode of attempts) {
            if (mode !== 'none') g.failNext(mode === 'declined' ? 'declined' : 'unavailable', 1, { lostResponse: mode === 'lost' });
            const result = await g.cancel(cancelOf('pk', amount, `refund-${i}`));
            if (result.ok || result.kind === 'declined') {
              learned.set(`refund-${i}`, result);
              break; // the caller stops at a final answer and keeps retrying only the unknown
            }
          }
        }
        // Every refund still pending is retried once more with its own key, as a job would.
        for (const [i, { amount }] of intents.entries()) {
          if (!learned.has(`refund-${i}`)) learned.set(`refund-${i}`, await g.cancel(cancelOf('pk', amount, `refund-${i}`)));
        }
        const ledger = [...learned.values()].reduce((sum, r) => sum + (r.ok ? r.value.amount : 0), 0);
        const atGateway = captured - cancelledBefore - (await g.balanceOf('pk'))!;
        expect(atGateway).toBe(ledger); // nothing applied twice, nothing applied unknown
        expect(cancelledBefore + atGateway).toBeLessThanOrEqual(captured);
        for (const [key, result] of learned) if (result.ok) expect(await g.cancel(cancelOf('pk', result.value.amount, key))).toEqual(result);
        expect(captured - (await g.balanceOf('pk'))!).toBe(cancelledBefore + ledger);
      }),
      // 100 walks: each cancel is a database transaction now, and the file must stay well inside its timeout on a loaded machine
      { numRuns: 100 },
    );
  });
});

describe('TossGateway against a fake Toss server', () => {
  let fake: Awaited<ReturnType<typeof startFakeTossServer>>;
  let toss: TossGateway;
  const basic = () => `Basic ${Buffer.from(`${fake.secretKey}:`).toString('base64')}`;
  const secrets = new Map<string, string>();

  beforeAll(async () => {
    fake = await startFakeTossServer();
    toss = new TossGateway({ secretKey: fake.secretKey, baseUrl: fake.baseUrl, timeoutMs: 3_000, depositSecretFor: (orderId) => secrets.get(orderId) });
  });
  afterAll(() => stopFakeTossServer(fake));
  beforeEach(() => {
    fake.requests.length = 0;
  });

  it('confirms a card payment and maps the issuer, masked number and installment', async () => {
    fake.addPayment({ paymentKey: 'tgen_card1', orderId: 'J-1001', amount: 120000, method: 'card', card: { issuerCode: '41', number: '45181234****567*', installmentPlanMonths: 3 } });
    const captured = value(await toss.confirm({ paymentKey: 'tgen_card1', orderId: 'J-1001', amount: 120000 }));
    expect(captured).toMatchObject({ gatewayTransactionId: 'tgen_card1', amount: 120000, method: 'card', status: 'captured', cardCompany: '신한카드', cardNumberMasked: '45181234****567*', installmentMonths: 3, virtualAccount: null });
    expect(captured.paidAt).toBeInstanceOf(Date);
    const [request] = fake.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/v1/payments/confirm', body: { paymentKey: 'tgen_card1', orderId: 'J-1001', amount: 120000 } });
    expect(request!.headers.authorization).toBe(basic());
    expect(request!.headers['content-type']).toBe('application/json');
  });

  it('sends a partial cancel exactly as documented and reads the last cancel', async () => {
    fake.addPayment({ paymentKey: 'tgen_card2', orderId: 'J-1002', amount: 50000, method: 'card', status: 'DONE' });
    const result = value(await toss.cancel({ paymentKey: 'tgen_card2', amount: 12000, reason: '1개 품절 취소', idempotencyKey: 'refund-77' }));
    expect(result).toMatchObject({ amount: 12000, remainingAmount: 38000, cancelId: expect.stringMatching(/^tx_/) });
    expect(result.cancelledAt).toBeInstanceOf(Date);
    const [request] = fake.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/v1/payments/tgen_card2/cancel' });
    expect(request!.body).toEqual({ cancelReason: '1개 품절 취소', cancelAmount: 12000 });
    expect(request!.headers['idempotency-key']).toBe('refund-77');
    expect(request!.headers.authorization).toBe(basic());
  });

  it('refunds a deposited virtual account to the refund account, with a Toss bank code', async () => {
    fake.addPayment({ paymentKey: 'tviva_1', orderId: 'J-1003', amount: 30000, method: 'virtual_account', status: 'WAITING_FOR_DEPOSIT' });
    fake.deposit('tviva_1');
    expect(await toss.cancel({ paymentKey: 'tviva_1', amount: 10000, reason: '반품', idempotencyKey: 'r-1' })).toMatchObject({ ok: false, kind: 'declined', code: 'INVALID_REFUND_ACCOUNT_INFO' });
    const refundAccount = { bank: '신한은행', accountNumber: '110-123-456789', holderName: '홍길동' };
    expect(value(await toss.cancel({ paymentKey: 'tviva_1', amount: 10000, reason: '반품', idempotencyKey: 'r-2', refundAccount })).remainingAmount).toBe(20000);
    expect(fake.requests[1]!.body).toEqual({ cancelReason: '반품', cancelAmount: 10000, refundReceiveAccount: { bank: '88', accountNumber: '110123456789', holderName: '홍길동' } });
    await toss.cancel({ paymentKey: 'tviva_1', amount: 1000, reason: '반품', idempotencyKey: 'r-3', refundAccount: { ...refundAccount, bank: '06' } });
    expect(fake.requests[2]!.body).toMatchObject({ refundReceiveAccount: { bank: '06' } });
    expect(await toss.cancel({ paymentKey: 'tviva_1', amount: 1000, reason: '반품', idempotencyKey: 'r-4', refundAccount: { ...refundAccount, bank: '없는은행' } })).toMatchObject({ ok: false, code: 'INVALID_REFUND_BANK' });
  });

  it('maps over-balance to declined with Toss code, and 500, 401 and a hang to unavailable', async () => {
    fake.addPayment({ paymentKey: 'tgen_card3', orderId: 'J-1004', amount: 10000, method: 'card', status: 'DONE' });
    expect(await toss.cancel({ paymentKey: 'tgen_card3', amount: 10001, reason: 'x', idempotencyKey: 'a' })).toEqual({ ok: false, kind: 'declined', code: 'NOT_CANCELABLE_AMOUNT', message: '취소 할 수 없는 금액 입니다.' });
    fake.failNext(500);
    expect(await toss.cancel({ paymentKey: 'tgen_card3', amount: 1000, reason: 'x', idempotencyKey: 'b' })).toMatchObject({ ok: false, kind: 'unavailable', code: 'FAILED_INTERNAL_SYSTEM_PROCESSING' });
    const wrongKey = new TossGateway({ secretKey: 'test_sk_wrong', baseUrl: fake.baseUrl });
    expect(await wrongKey.cancel({ paymentKey: 'tgen_card3', amount: 1000, reason: 'x', idempotencyKey: 'c' })).toMatchObject({ ok: false, kind: 'unavailable', code: 'UNAUTHORIZED_KEY' });
    fake.hangNext();
    // the adapter's own timeout ends the wait (the TIMEOUT code says so; no clock in the test)
    expect(await toss.cancel({ paymentKey: 'tgen_card3', amount: 1000, reason: 'x', idempotencyKey: 'd' })).toMatchObject({ ok: false, kind: 'unavailable', code: 'TIMEOUT' });
    expect(fake.payment('tgen_card3')!.balanceAmount).toBe(10000);
  });

  it('cancels once when a lost response is retried with the same idempotency key', async () => {
    fake.addPayment({ paymentKey: 'tgen_card4', orderId: 'J-1005', amount: 40000, method: 'card', status: 'DONE' });
    fake.hangNext({ afterProcessing: true });
    expect(await toss.cancel({ paymentKey: 'tgen_card4', amount: 15000, reason: '교환 차액', idempotencyKey: 'refund-9' })).toMatchObject({ ok: false, kind: 'unavailable' });
    const retried = value(await toss.cancel({ paymentKey: 'tgen_card4', amount: 15000, reason: '교환 차액', idempotencyKey: 'refund-9' }));
    expect(retried).toMatchObject({ amount: 15000, remainingAmount: 25000 });
    expect(fake.payment('tgen_card4')!.cancels).toHaveLength(1);
    expect(fake.payment('tgen_card4')!.balanceAmount).toBe(25000);
  });

  it('accepts an authentic deposit callback and rejects a wrong secret', async () => {
    fake.addPayment({ paymentKey: 'tviva_2', orderId: 'J-1006', amount: 25000, method: 'virtual_account' });
    const issued = value(await toss.confirm({ paymentKey: 'tviva_2', orderId: 'J-1006', amount: 25000 }));
    expect(issued).toMatchObject({ method: 'virtual_account', status: 'pending', virtualAccount: { bank: '신한은행', holder: '홍길동' } });
    secrets.set('J-1006', issued.depositSecret!);
    const body = fake.deposit('tviva_2');
    const event = await toss.parseWebhook(body, {});
    expect(event).toMatchObject({ kind: 'deposit_confirmed', orderId: 'J-1006', paymentKey: null, amount: null });
    expect(event && 'needsRefetch' in event).toBe(false);
    expect(await toss.parseWebhook({ ...body, secret: 'ps_forged' }, {})).toBeNull();
    expect(await toss.parseWebhook(JSON.stringify(body), {})).toMatchObject({ kind: 'deposit_confirmed' });
    // PAYMENT_STATUS_CHANGED for a virtual account carries the same secret in data, so it proves itself too
    const changed = fake.statusChangedWebhook('tviva_2');
    expect(await toss.parseWebhook(changed, {})).toEqual({ kind: 'deposit_confirmed', paymentKey: 'tviva_2', orderId: 'J-1006', amount: 25000, depositedAt: expect.any(Date) });
    expect(await toss.parseWebhook({ ...changed, data: { ...(changed.data as object), secret: 'ps_forged' } }, {})).toBeNull();
  });

  it('re-reads the payment before trusting what Toss webhooks cannot prove', async () => {
    fake.addPayment({ paymentKey: 'tviva_3', orderId: 'J-1007', amount: 18000, method: 'virtual_account', status: 'WAITING_FOR_DEPOSIT' });
    // a callback whose secret this process cannot look up: unproven until Toss confirms it
    const forgedDeposit = { createdAt: '2025-03-10T10:00:00.000000', secret: 'anything', orderId: 'J-1007', status: 'DONE', transactionKey: 'tx' };
    const unproven = (await toss.parseWebhook(forgedDeposit, {}))!;
    expect(unproven).toMatchObject({ kind: 'deposit_confirmed', needsRefetch: true });
    expect(await toss.verifyWebhook(unproven)).toEqual({ ok: true, value: null });
    fake.deposit('tviva_3');
    expect(value(await toss.verifyWebhook(unproven))).toMatchObject({ kind: 'deposit_confirmed', paymentKey: 'tviva_3', amount: 18000, orderId: 'J-1007' });
    expect(fake.requests.at(-1)!.path).toBe('/v1/payments/orders/J-1007');
    fake.addPayment({ paymentKey: 'tgen_card5', orderId: 'J-1008', amount: 9000, method: 'card', status: 'DONE' });
    await toss.cancel({ paymentKey: 'tgen_card5', amount: 9000, reason: '고객 취소', idempotencyKey: 'z' });
    const cancelled = (await toss.parseWebhook(fake.statusChangedWebhook('tgen_card5'), {}))!;
    expect(cancelled).toMatchObject({ kind: 'payment_cancelled', paymentKey: 'tgen_card5', needsRefetch: true });
    expect(value(await toss.verifyWebhook(cancelled))).toMatchObject({ kind: 'payment_cancelled', orderId: 'J-1008' });
    expect(await toss.verifyWebhook({ kind: 'payment_cancelled', paymentKey: 'nope', orderId: 'J-1008', needsRefetch: true })).toEqual({ ok: true, value: null });
  });
});

describe('codes, dates and the registry', () => {
  it('names card issuers and banks, and finds Toss bank codes for Korean bank names', () => {
    expect(cardCompanyName('41')).toBe('신한카드');
    expect(cardCompanyName('W1')).toBe('우리카드');
    expect(bankName('88')).toBe('신한은행');
    expect(['KB국민은행', '국민은행', '농협은행', 'IBK기업은행', '카카오뱅크', '토스뱅크', '우체국', '81'].map(tossBankCode)).toEqual(['06', '06', '11', '03', '90', '92', '71', '81']);
    expect(tossBankCode('어딘가은행')).toBeNull();
  });

  it('reads Toss times, taking a bare webhook time as KST', () => {
    expect(parseTossDate('2024-02-13T12:18:14+09:00')).toEqual(new Date('2024-02-13T03:18:14Z'));
    expect(parseTossDate('2022-05-12T00:00:00.000000')).toEqual(new Date('2022-05-11T15:00:00Z'));
    expect(parseTossDate('yesterday')).toBeNull();
  });

  it('builds the test gateway unless Toss is asked for with a key', () => {
    expect(createGateway({}, database.db).name).toBe('test');
    expect(createGateway({ JUMUN_GATEWAY: 'toss', TOSS_SECRET_KEY: 'test_sk_x', TOSS_API_BASE: 'http://127.0.0.1:1' }, database.db)).toBeInstanceOf(TossGateway);
    expect(() => createGateway({ JUMUN_GATEWAY: 'toss' }, database.db)).toThrow(/TOSS_SECRET_KEY/);
  });
});
