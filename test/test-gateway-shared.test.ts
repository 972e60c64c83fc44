import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/server/db/client';
import type { GatewayResult } from '../src/server/payments/gateways/gateway';
import { TestGateway } from '../src/server/payments/gateways/test-gateway';
import { openTestDatabase } from './support/database';

/**
 * Two app servers behind a load balancer, one database: each has its own TestGateway, and they
 * must be one gateway, as Toss is one service whichever server calls it. On PostgreSQL the
 * concurrent calls run on separate connections of the pool, so they really overlap.
 */
let database: Database;
let serverA: TestGateway;
let serverB: TestGateway;
let serial = 0;
const unique = (prefix: string) => `${prefix}${Date.now()}_${++serial}`;
const cancelOf = (paymentKey: string, amount: number, idempotencyKey: string) => ({ paymentKey, amount, reason: '부분 취소', idempotencyKey });
const refundAccount = { bank: '국민은행', accountNumber: '123-456-789', holderName: '홍길동' };

function value<T>(result: GatewayResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.kind} ${result.code}: ${result.message}`);
  return result.value;
}

beforeAll(async () => {
  database = await openTestDatabase();
  serverA = new TestGateway({ db: database.db });
  serverB = new TestGateway({ db: database.db });
});
afterAll(() => database.close());

describe('two servers on one database share one test gateway', () => {
  it('know each other’s payments: a confirm on one is replayed, deposited and parsed on the other', async () => {
    const card = unique('pk_');
    const first = value(await serverA.confirm({ paymentKey: card, orderId: 'O-1', amount: 39000 }));
    expect(await serverB.balanceOf(card)).toBe(39000);
    expect(value(await serverB.confirm({ paymentKey: card, orderId: 'O-1', amount: 39000 }))).toEqual(first);
    expect(await serverB.confirm({ paymentKey: card, orderId: 'O-2', amount: 39000 })).toMatchObject({ ok: false, code: 'ALREADY_PROCESSED_PAYMENT' });
    // a confirm that did not reach A happened nowhere; one whose answer A lost is answered by B
    const lost = unique('pk_');
    serverA.failNext('unavailable');
    expect(await serverA.confirm({ paymentKey: lost, orderId: 'O-5', amount: 1000 })).toMatchObject({ ok: false, kind: 'unavailable' });
    expect(await serverB.balanceOf(lost)).toBeNull();
    serverA.failNext('unavailable', 1, { lostResponse: true });
    expect(await serverA.confirm({ paymentKey: lost, orderId: 'O-5', amount: 1000 })).toMatchObject({ ok: false, kind: 'unavailable' });
    expect(value(await serverB.confirm({ paymentKey: lost, orderId: 'O-5', amount: 1000 }))).toMatchObject({ gatewayTransactionId: lost, amount: 1000 });

    const va = unique('va_');
    const issued = value(await serverA.confirm({ paymentKey: va, orderId: 'O-3', amount: 20000 }));
    expect(issued.virtualAccount!.accountNumber).not.toBe(value(await serverB.confirm({ paymentKey: unique('va_'), orderId: 'O-4', amount: 1000 })).virtualAccount!.accountNumber);
    // whole only before the deposit, on either server
    expect(await serverB.cancel(cancelOf(va, 5000, unique('k')))).toMatchObject({ ok: false, code: 'NOT_CANCELABLE_AMOUNT' });
    const body = await serverB.depositWebhook(va);
    expect(await serverA.parseWebhook(body, {})).toMatchObject({ kind: 'deposit_confirmed', paymentKey: va, orderId: 'O-3', amount: 20000 });
    expect(await serverA.parseWebhook({ ...body, secret: 'guessed' }, {})).toBeNull();
    expect(await serverA.cancel(cancelOf(va, 5000, unique('k')))).toMatchObject({ ok: false, code: 'INVALID_REFUND_ACCOUNT_INFO' });
    expect(value(await serverA.cancel({ ...cancelOf(va, 5000, unique('k')), refundAccount })).remainingAmount).toBe(15000);
    expect(await serverB.balanceOf(va)).toBe(15000);
  });

  it('replay each other’s cancels by idempotency key, including one whose answer was lost', async () => {
    const key = unique('pk_');
    await serverA.register(key, 50000, 10000);
    await serverB.register(key, 50000, 0); // known already: keeps the gateway's own state
    expect(await serverB.balanceOf(key)).toBe(40000);

    const first = value(await serverA.cancel(cancelOf(key, 15000, 'refund-1')));
    expect(await serverB.cancel(cancelOf(key, 15000, 'refund-1'))).toEqual({ ok: true, value: first });
    expect(await serverB.cancel(cancelOf(key, 14000, 'refund-1'))).toMatchObject({ ok: false, code: 'IDEMPOTENCY_KEY_REUSED' });

    // A applies the cancel but its answer is lost; the caller retries and the balancer sends it to B
    serverA.failNext('unavailable', 1, { lostResponse: true });
    expect(await serverA.cancel(cancelOf(key, 5000, 'refund-2'))).toMatchObject({ ok: false, kind: 'unavailable' });
    expect(value(await serverB.cancel(cancelOf(key, 5000, 'refund-2')))).toMatchObject({ amount: 5000, remainingAmount: 20000 });
    // a decline on A is the key's answer on B too
    serverA.failNext('declined');
    expect(await serverA.cancel(cancelOf(key, 1000, 'refund-3'))).toMatchObject({ ok: false, code: 'TEST_DECLINED' });
    expect(await serverB.cancel(cancelOf(key, 1000, 'refund-3'))).toMatchObject({ ok: false, code: 'TEST_DECLINED' });
    expect([await serverA.balanceOf(key), await serverB.balanceOf(key)]).toEqual([20000, 20000]);

    // a server started afterwards (a restart) knows all of it
    const restarted = new TestGateway({ db: database.db });
    expect(await restarted.cancel(cancelOf(key, 15000, 'refund-1'))).toEqual({ ok: true, value: first });
    expect(await restarted.balanceOf(key)).toBe(20000);
  });

  it('never cancel beyond the balance when both cancel one payment at once', async () => {
    const key = unique('pk_');
    value(await serverA.confirm({ paymentKey: key, orderId: unique('O-'), amount: 10000 }));
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? serverA : serverB).cancel(cancelOf(key, 3000, `${key}-refund-${i}`))),
    );
    const succeeded = results.filter((r) => r.ok);
    expect(succeeded).toHaveLength(3);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(Array(7).fill('NOT_CANCELABLE_AMOUNT'));
    expect(succeeded.map((r) => value(r).remainingAmount).sort((a, b) => a - b)).toEqual([1000, 4000, 7000]);
    expect(await serverB.balanceOf(key)).toBe(1000);
    // each answer stays what it was, on either server
    for (const [i, result] of results.entries()) expect(await (i % 2 === 0 ? serverB : serverA).cancel(cancelOf(key, 3000, `${key}-refund-${i}`))).toEqual(result);
  });

  it('have one effect for one idempotency key sent to both at once, on one payment or on two', async () => {
    const key = unique('pk_');
    await serverA.register(key, 10000);
    const same = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? serverA : serverB).cancel(cancelOf(key, 3000, `${key}-once`))));
    const cancelIds = new Set(same.map((r) => value(r).cancelId));
    expect(cancelIds.size).toBe(1);
    expect(same.every((r) => value(r).remainingAmount === 7000)).toBe(true);
    expect(await serverA.balanceOf(key)).toBe(7000);

    // the same key for two different payments: whichever comes first, the other is refused
    const other = unique('pk_');
    await serverB.register(other, 10000);
    const reused = await Promise.all([serverA.cancel(cancelOf(key, 1000, `${key}-shared`)), serverB.cancel(cancelOf(other, 1000, `${key}-shared`))]);
    expect(reused.filter((r) => r.ok)).toHaveLength(1);
    expect(reused.find((r) => !r.ok)).toMatchObject({ ok: false, code: 'IDEMPOTENCY_KEY_REUSED' });
    expect((await serverA.balanceOf(key))! + (await serverB.balanceOf(other))!).toBe(16000);
  });
});
