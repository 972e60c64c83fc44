import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { PAYMENT_STATUS_LABELS, allocateRefund, balanceOf, derivePaymentStatus, type MoneyFacts } from './ledger';

type P = MoneyFacts['payments'][number];
const captured = (capturedAmount: number, refundedAmount = 0): P => ({ status: 'captured', capturedAmount, refundedAmount });
const pending: P = { status: 'pending', capturedAmount: 0, refundedAmount: 0 };

describe('balanceOf', () => {
  it('sums captured and refunded amounts', () => {
    expect(balanceOf({ orderTotal: 30_000, payments: [captured(20_000), captured(10_000, 3000)] })).toEqual({ paid: 30_000, refunded: 3000, balanceDue: 3000 });
    expect(balanceOf({ orderTotal: 30_000, payments: [] })).toEqual({ paid: 0, refunded: 0, balanceDue: 30_000 });
  });

  it('reads amounts, not statuses', () => {
    const cancelledCard: P = { status: 'cancelled', capturedAmount: 5000, refundedAmount: 5000 };
    expect(balanceOf({ orderTotal: 0, payments: [cancelledCard] })).toEqual({ paid: 5000, refunded: 5000, balanceDue: 0 });
  });
});

describe('derivePaymentStatus', () => {
  const status = (orderTotal: number, ...payments: P[]) => derivePaymentStatus({ orderTotal, payments });

  it('follows the documented precedence', () => {
    expect(status(30_000, pending)).toBe('awaiting_payment');
    expect(status(30_000, captured(30_000))).toBe('paid');
    expect(status(30_000, captured(20_000))).toBe('partially_paid');
    expect(status(20_000, captured(30_000))).toBe('overpaid');
    expect(status(20_000, captured(30_000, 10_000))).toBe('partially_refunded');
    expect(status(0, captured(30_000, 30_000))).toBe('refunded');
    // a refunded order whose cancel was reverted owes the whole amount again
    expect(status(30_000, captured(30_000, 30_000))).toBe('awaiting_payment');
    // an order paid entirely with points
    expect(status(0)).toBe('paid');
  });

  it('has a Korean label for every status', () => {
    expect(PAYMENT_STATUS_LABELS.overpaid.ko).toBe('초과결제(환불필요)');
    expect(PAYMENT_STATUS_LABELS.partially_refunded.ko).toBe('부분환불');
  });
});

describe('allocateRefund', () => {
  const payments = [
    { id: 1, capturedAmount: 30_000, refundedAmount: 0 },
    { id: 2, capturedAmount: 5000, refundedAmount: 1000 },
  ];

  it('refunds the newest payment first', () => {
    expect(allocateRefund(3000, payments)).toEqual({ ok: true, parts: [{ paymentId: 2, amount: 3000 }] });
    expect(allocateRefund(10_000, payments)).toEqual({
      ok: true,
      parts: [
        { paymentId: 2, amount: 4000 },
        { paymentId: 1, amount: 6000 },
      ],
    });
    expect(allocateRefund(0, payments)).toEqual({ ok: true, parts: [] });
  });

  it('refuses more than is refundable', () => {
    expect(allocateRefund(34_001, payments)).toEqual({ ok: false, code: 'REFUND_EXCEEDS_REFUNDABLE', refundable: 34_000 });
    expect(allocateRefund(1, [])).toEqual({ ok: false, code: 'REFUND_EXCEEDS_REFUNDABLE', refundable: 0 });
  });

  it('throws on a negative amount (a bug)', () => {
    expect(() => allocateRefund(-1, payments)).toThrow(RangeError);
  });

  it('property: refunds never exceed captures and the ledger reconciles', () => {
    const scenario = fc.record({
      captures: fc.array(fc.integer({ min: 0, max: 100_000 }), { maxLength: 5 }),
      orderTotal: fc.integer({ min: 0, max: 300_000 }),
      refunds: fc.array(fc.integer({ min: 0, max: 150_000 }), { maxLength: 10 }),
    });
    fc.assert(
      fc.property(scenario, ({ captures, orderTotal, refunds }) => {
        const state = captures.map((c, i) => ({ id: i + 1, capturedAmount: c, refundedAmount: 0 }));
        let refundedSoFar = 0;
        for (const amount of refunds) {
          const before = structuredClone(state);
          const r = allocateRefund(amount, state);
          expect(state).toEqual(before);
          const refundable = state.reduce((a, p) => a + p.capturedAmount - p.refundedAmount, 0);
          if (!r.ok) {
            expect(amount).toBeGreaterThan(refundable);
            expect(r.refundable).toBe(refundable);
            continue;
          }
          expect(r.parts.reduce((a, p) => a + p.amount, 0)).toBe(amount);
          for (const part of r.parts) {
            const p = state.find((x) => x.id === part.paymentId);
            if (!p) throw new Error('unknown payment');
            expect(part.amount).toBeGreaterThan(0);
            p.refundedAmount += part.amount;
          }
          refundedSoFar += amount;
          for (const p of state) expect(p.refundedAmount).toBeLessThanOrEqual(p.capturedAmount);
          const facts: MoneyFacts = { orderTotal, payments: state.map((p) => ({ status: 'captured', ...p })) };
          const b = balanceOf(facts);
          expect(b.refunded).toBe(refundedSoFar);
          expect(orderTotal - b.balanceDue).toBe(b.paid - b.refunded);
        }
      }),
    );
  });
});
