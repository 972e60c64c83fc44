import { describe, expect, it } from 'vitest';
import { canStartClaim, checkReplacementPrice, classifyClaimMove, exchangeShippingFee, isWithdrawable } from './claim-rules';
import { claimRequested, claimStatusChanged, claimWithdrawn, describeEvent, refundFailed, refundPending, refundVoided, type Actor } from './events';
import { UNIT_STATUSES } from './status';

describe('claim rules', () => {
  it('start cancels before shipping and returns or exchanges after it', () => {
    const starts = (kind: 'cancel' | 'return' | 'exchange') => UNIT_STATUSES.filter((s) => canStartClaim(kind, s));
    expect(starts('cancel')).toEqual(['awaiting_payment', 'paid', 'preparing', 'ready_to_ship']);
    expect(starts('return')).toEqual(['shipping', 'delivered']);
    expect(starts('exchange')).toEqual(['shipping', 'delivered']);
  });

  it('tell steps, completions, reverts of completions and withdrawals apart', () => {
    expect(classifyClaimMove('return', 'return_requested', 'return_collecting')?.kind).toBe('step');
    expect(classifyClaimMove('return', 'return_collecting', 'return_requested')?.kind).toBe('step');
    expect(classifyClaimMove('return', 'return_collected', 'returned')?.kind).toBe('complete');
    expect(classifyClaimMove('cancel', 'cancelled', 'cancel_requested')?.kind).toBe('revert_completion');
    expect(classifyClaimMove('cancel', 'cancel_requested', 'paid')?.kind).toBe('withdraw');
    expect(classifyClaimMove('exchange', 'exchange_reshipped', 'exchanged')?.kind).toBe('step');
    expect(classifyClaimMove('exchange', 'exchanged', 'exchange_reshipped')?.kind).toBe('step');
    // no shortcuts, and no crossing into another kind of claim
    expect(classifyClaimMove('return', 'return_requested', 'returned')).toBeNull();
    expect(classifyClaimMove('return', 'return_collecting', 'exchange_collecting')).toBeNull();
    expect(classifyClaimMove('cancel', 'return_requested', 'return_collecting')).toBeNull();
  });

  it('withdraw only requested claims', () => {
    expect(UNIT_STATUSES.filter(isWithdrawable)).toEqual(['cancel_requested', 'return_requested', 'exchange_requested']);
  });

  it('report two parcels for a buyer’s exchange and refuse another price', () => {
    expect(exchangeShippingFee('buyer', 3000)).toBe(6000);
    expect(exchangeShippingFee('shop', 3000)).toBe(0);
    expect(checkReplacementPrice(39000, 39000)).toEqual({ ok: true });
    expect(checkReplacementPrice(39000, 41000)).toEqual({ ok: false, code: 'EXCHANGE_PRICE_DIFFERS', difference: 2000 });
  });
});

describe('claim and refund events', () => {
  const staff: Actor = { kind: 'staff', id: 3, name: '김민지' };

  it('are described in Korean and English, and shown to the buyer only when theirs to follow', () => {
    const requested = claimRequested(staff, { claimId: 5, claimKind: 'return', items: [{ itemId: 12, quantity: 1 }], reason: '사이즈 교환' });
    expect(describeEvent(requested.event, 'ko')).toBe('반품 접수 #5: 품목 #12 1개 (사이즈 교환)');
    expect(describeEvent(requested.event, 'en')).toBe('Return #5 requested: item #12 ×1 (사이즈 교환)');
    const moved = claimStatusChanged(staff, { claimId: 5, claimKind: 'return', from: 'return_requested', to: 'return_collecting', kind: 'forward' });
    expect(describeEvent(moved.event, 'ko')).toBe('반품 #5: 반품접수 → 수거중(반품)');
    const reverted = claimStatusChanged(staff, { claimId: 5, claimKind: 'cancel', from: 'cancelled', to: 'cancel_requested', kind: 'revert' });
    expect([moved.buyerVisible, reverted.buyerVisible]).toEqual([true, false]);
    expect(describeEvent(claimWithdrawn(staff, { claimId: 6, claimKind: 'cancel', items: [{ itemId: 1, quantity: 2 }] }).event, 'ko')).toBe('취소 요청 #6을 철회했습니다 (품목 #1 2개)');
    const pending = refundPending(staff, { refundId: 4, amount: 12000, method: 'transfer', note: '계좌 송금 후 완료 처리 필요' });
    expect(describeEvent(pending.event, 'ko')).toBe('12,000원 환불을 기다리고 있습니다 (계좌이체) (계좌 송금 후 완료 처리 필요)');
    const failed = refundFailed(staff, { refundId: 4, amount: 12000, message: '한도 초과' });
    expect([describeEvent(failed.event, 'en'), failed.buyerVisible]).toEqual(['Refund of ₩12,000 failed: 한도 초과', false]);
    expect(describeEvent(refundVoided(staff, { refundId: 4, amount: 12000 }).event, 'ko')).toBe('12,000원 환불을 무효 처리했습니다');
  });
});
