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
  statusesChanged,
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
    expect(en[2]).toBe('Card payment of ₩12,000 captured');
    expect(en[10]).toBe('Item #12 ×2: Paid → Preparing');
    expect(en[12]).toBe('Order edited (total ₩12,000 → ₩15,000)');
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

describe('statusesChanged: one line per change', () => {
  const names = new Map([
    [1, '면 양말'],
    [2, '린넨 셔츠'],
    [3, '머그컵'],
  ]);
  const describe2 = (d: EventDraft, lang: 'ko' | 'en' = 'ko') => describeEvent(d.event, lang, names);

  it('lists every item of the change with the particle its last word takes', () => {
    const [d] = statusesChanged(staff, [
      { itemId: 1, quantity: 2, from: 'preparing', to: 'shipping', kind: 'forward' },
      { itemId: 2, quantity: 1, from: 'ready_to_ship', to: 'shipping', kind: 'forward' },
    ]);
    expect(d).toMatchObject({ buyerVisible: true, event: { type: 'statuses_changed', kind: 'forward' } });
    expect(describe2(d!)).toBe('면 양말 2개, 린넨 셔츠 1개를 배송중으로 변경했습니다 (상품준비중·배송대기 → 배송중)');
    expect(describe2(d!, 'en')).toBe('Moved 면 양말 ×2, 린넨 셔츠 ×1 to Shipping (Preparing, Ready to ship → Shipping)');
  });

  it('counts an item moved out of two parcels once, and says 로 after ㄹ', () => {
    const [d] = statusesChanged(staff, [
      { itemId: 3, quantity: 1, from: 'shipping', to: 'delivered', kind: 'forward' },
      { itemId: 3, quantity: 2, from: 'shipping', to: 'delivered', kind: 'forward' },
    ]);
    expect(describe2(d!)).toBe('머그컵 3개를 배송완료로 변경했습니다 (배송중 → 배송완료)');
  });

  it('keeps reverts apart from forward moves, hidden from the buyer', () => {
    const drafts = statusesChanged(staff, [
      { itemId: 1, quantity: 1, from: 'paid', to: 'preparing', kind: 'forward' },
      { itemId: 2, quantity: 1, from: 'return_collected', to: 'return_collecting', kind: 'revert' },
    ]);
    expect(drafts.map((d) => d.buyerVisible)).toEqual([true, false]);
    expect(describe2(drafts[1]!)).toBe('린넨 셔츠 1개를 수거중(반품)으로 되돌렸습니다 (수거완료(반품) → 수거중(반품))');
    expect(statusesChanged(staff, [])).toEqual([]);
  });

  it('writes money and gateway words as the reader reads them, never codes', () => {
    expect(describeEvent(paymentCaptured(system, { paymentId: 1, method: 'card', amount: 12_000 }).event, 'en')).toBe('Card payment of ₩12,000 captured');
    expect(describeEvent(paymentRequested(staff, { requestId: 3, amount: 2500, reason: null }).event, 'ko')).toBe('추가 결제 2,500원을 요청했습니다');
    const notice = {
      type: 'gateway_notification' as const,
      gateway: 'toss',
      paymentId: 4,
      notification: 'other' as const,
      gatewayStatus: 'WAITING_FOR_DEPOSIT',
      amount: null,
      due: null,
      action: 'review_needed' as const,
    };
    expect(describeEvent(notice, 'ko')).toMatch(/^PG\(토스페이먼츠\) 알림: 결제 #4 상태 입금 대기 — /);
    expect(describeEvent(notice, 'en')).toMatch(/^Gateway \(Toss Payments\) notice: payment #4 status awaiting deposit; /);
  });
});
