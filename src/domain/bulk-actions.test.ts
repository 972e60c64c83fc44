import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BULK_ACTION_TYPES, exclusionLabel, exclusionOf, STATUS_MOVE_ACTIONS, isStatusMoveAction } from './bulk-actions';
import { deriveOrderStatus } from './order-status';
import { UNIT_STATUSES, isOpenClaimStatus, type UnitStatus } from './status';

const facts = (unitStatuses: UnitStatus[], extra: { paymentMethod?: string; hasShipment?: boolean; awaitingPaymentHeld?: boolean } = {}) => ({
  unitStatuses,
  orderStatus: deriveOrderStatus(unitStatuses.map((status) => ({ status, quantity: 1 }))),
  paymentMethod: extra.paymentMethod ?? 'card',
  hasShipment: extra.hasShipment ?? false,
  awaitingPaymentHeld: extra.awaitingPaymentHeld ?? false,
});

describe('which orders a bulk action leaves out', () => {
  it('names orders past the step "이미", before it "아직", and open claims apart', () => {
    const label = (type: (typeof BULK_ACTION_TYPES)[number], units: UnitStatus[]) => {
      const e = exclusionOf(type, facts(units));
      return e && exclusionLabel(e, 'ko');
    };
    expect(label('start_preparing', ['paid'])).toBeNull();
    expect(label('start_preparing', ['shipping'])).toBe('이미 배송중');
    expect(label('start_preparing', ['awaiting_payment'])).toBe('아직 입금대기');
    expect(label('start_preparing', ['paid', 'cancel_requested'])).toBe('취소·반품·교환 처리 중');
    expect(label('mark_ready_to_ship', ['cancelled'])).toBe('이미 취소완료');
    // part shipped, part still paid: the paid units can be prepared
    expect(label('start_preparing', ['paid', 'shipping'])).toBeNull();
    expect(label('cancel', ['paid', 'shipping'])).toBe('이미 부분배송');
    expect(label('cancel', ['paid', 'cancelled'])).toBeNull();
    expect(label('add_memo', ['return_requested'])).toBeNull();
  });

  it('confirms deposits only of 무통장 and 가상계좌 payments, and ships only orders given a parcel', () => {
    expect(exclusionOf('confirm_deposit', facts(['awaiting_payment'], { paymentMethod: 'bank_transfer' }))).toBeNull();
    expect(exclusionOf('confirm_deposit', facts(['awaiting_payment'], { paymentMethod: 'card' }))?.code).toBe('not_deposit_payment');
    expect(exclusionOf('ship', facts(['ready_to_ship']))?.code).toBe('missing_tracking');
    expect(exclusionOf('ship', facts(['ready_to_ship'], { hasShipment: true }))).toBeNull();
  });

  it('leaves units waiting for an additional payment out of 입금확인, whatever the payment method, and cancels them', () => {
    const held = (type: (typeof BULK_ACTION_TYPES)[number], units: UnitStatus[], paymentMethod = 'card') => exclusionOf(type, facts(units, { paymentMethod, awaitingPaymentHeld: true }));
    const excluded = held('confirm_deposit', ['paid', 'awaiting_payment']);
    expect(excluded).toEqual({ code: 'held_for_payment', orderStatus: 'awaiting_payment' });
    expect(excluded && [exclusionLabel(excluded, 'ko'), exclusionLabel(excluded, 'en')]).toEqual(['추가 결제 대기', 'Waiting for an additional payment']);
    expect(held('confirm_deposit', ['awaiting_payment'], 'bank_transfer')?.code).toBe('held_for_payment');
    // the paid units around them move as usual; held units are not in 결제완료, so the move leaves them be
    expect(held('start_preparing', ['paid', 'awaiting_payment'])).toBeNull();
    expect(held('cancel', ['paid', 'awaiting_payment'])).toBeNull();
  });

  it('processes a status move only when some unit is in its from-status and no claim is open', () => {
    const someUnits = fc.uniqueArray(fc.constantFrom(...UNIT_STATUSES), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(someUnits, fc.constantFrom(...BULK_ACTION_TYPES.filter(isStatusMoveAction)), (units, type) => {
        const processed = exclusionOf(type, facts(units, { paymentMethod: 'bank_transfer', hasShipment: true })) === null;
        expect(processed).toBe(units.includes(STATUS_MOVE_ACTIONS[type].from) && !units.some(isOpenClaimStatus));
      }),
    );
  });
});
