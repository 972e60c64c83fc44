import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  depositConfirmed,
  describeEvent,
  memoAdded,
  memoDeleted,
  memoEdited,
  orderCreated,
  orderEdited,
  paymentCaptured,
  paymentFailed,
  paymentPending,
  paymentRequested,
  refundCompleted,
  statusChanged,
  trackingAssigned,
  type Actor,
  type EventDraft,
} from './events';
import { UNIT_STATUSES } from './status';

const staff: Actor = { kind: 'staff', id: 7, name: '김민지' };
const system: Actor = { kind: 'system' };

const all: EventDraft[] = [
  orderCreated(system, { channel: '자사몰', total: 12_000, itemCount: 2 }),
  paymentPending(system, { paymentId: 1, method: 'virtual_account', amount: 12_000, dueAt: '2024-05-01T14:59:00.000Z' }),
  paymentCaptured(system, { paymentId: 1, method: 'card', amount: 12_000 }),
  paymentFailed(system, { paymentId: 1, method: 'card', amount: 12_000, reason: '한도초과' }),
  depositConfirmed(staff, { paymentId: 1, amount: 12_000, depositorName: '홍길동' }),
  paymentRequested(staff, { requestId: 3, amount: 2500, reason: '제주 추가배송비' }),
  refundCompleted(staff, { refundId: 4, amount: 5000, method: 'gateway_cancel' }),
  memoAdded(staff, { memoId: 9 }),
  memoEdited(staff, { memoId: 9 }),
  memoDeleted(staff, { memoId: 9 }),
  statusChanged(staff, { itemId: 12, quantity: 2, from: 'paid', to: 'preparing', kind: 'forward' }),
  trackingAssigned(staff, { shipmentId: 5, courier: 'CJ대한통운', trackingNumber: '123456789012' }),
  orderEdited(staff, { changeId: 8, totalBefore: 12_000, totalAfter: 15_000 }),
];

describe('event constructors', () => {
  it('tag the event and keep the actor', () => {
    expect(all[0]).toEqual({ event: { type: 'order_created', channel: '자사몰', total: 12_000, itemCount: 2 }, actor: system, buyerVisible: true });
    expect(all[4]?.actor).toEqual(staff);
  });

  it('show orders and payments to the buyer but never memos', () => {
    const visible = Object.fromEntries(all.map((d) => [d.event.type, d.buyerVisible]));
    expect(visible).toMatchObject({
      order_created: true,
      payment_pending: true,
      payment_captured: true,
      deposit_confirmed: true,
      refund_completed: true,
      memo_added: false,
      memo_edited: false,
      memo_deleted: false,
      status_changed: true,
    });
  });

  it('hide reverts from the buyer', () => {
    expect(statusChanged(staff, { itemId: 1, quantity: 1, from: 'shipping', to: 'ready_to_ship', kind: 'revert' }).buyerVisible).toBe(false);
  });
});

describe('describeEvent', () => {
  it('writes Korean sentences with won amounts', () => {
    const ko = all.map((d) => describeEvent(d.event, 'ko'));
    expect(ko[0]).toBe('주문이 접수되었습니다 (자사몰, 품목 2개, 합계 12,000원)');
    expect(ko[1]).toBe('가상계좌 결제 12,000원의 입금을 기다리고 있습니다 (입금기한 2024-05-01 23:59)');
    expect(ko[2]).toBe('신용카드 결제 12,000원이 완료되었습니다');
    expect(ko[4]).toBe('입금 12,000원이 확인되었습니다 (입금자 홍길동)');
    expect(ko[7]).toBe('메모를 남겼습니다');
    expect(ko[10]).toBe('품목 #12 2개: 결제완료 → 상품준비중');
  });

  it('writes English sentences', () => {
    const en = all.map((d) => describeEvent(d.event, 'en'));
    expect(en[2]).toBe('Card payment of 12,000원 captured');
    expect(en[10]).toBe('Item #12 ×2: Paid → Preparing');
    expect(en[12]).toBe('Order edited (total 12,000원 → 15,000원)');
  });

  it('tells return and exchange collection apart and marks reverts', () => {
    const e = statusChanged(staff, { itemId: 3, quantity: 1, from: 'return_collected', to: 'return_collecting', kind: 'revert' }).event;
    expect(describeEvent(e, 'ko')).toBe('품목 #3 1개: 수거완료(반품) → 수거중(반품) (되돌림)');
  });

  it('falls back to raw method codes and due dates', () => {
    const e = paymentPending(system, { paymentId: 1, method: 'crypto', amount: 1000, dueAt: 'soon' }).event;
    expect(describeEvent(e, 'ko')).toBe('crypto 결제 1,000원의 입금을 기다리고 있습니다 (입금기한 soon)');
  });

  it('property: describes every status change in both languages', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...UNIT_STATUSES),
        fc.constantFrom(...UNIT_STATUSES),
        fc.constantFrom('forward' as const, 'revert' as const),
        fc.integer({ min: 1, max: 999 }),
        (from, to, kind, quantity) => {
          const e = statusChanged(staff, { itemId: 1, quantity, from, to, kind }).event;
          for (const lang of ['ko', 'en'] as const) expect(describeEvent(e, lang).length).toBeGreaterThan(0);
        },
      ),
    );
  });
});
