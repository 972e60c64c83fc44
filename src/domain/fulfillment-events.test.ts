import { describe, expect, it } from 'vitest';
import { addressAdded, addressChanged, addressRemoved, depositReverted, describeEvent, trackingRemoved, unitsReallocated, type Actor } from './events';

const staff: Actor = { kind: 'staff', id: 7, name: '김민지' };

describe('fulfillment events', () => {
  const events = [
    trackingRemoved(staff, { shipmentId: 5, courier: 'CJ대한통운', trackingNumber: '640123456789' }),
    depositReverted(staff, { paymentId: 2, amount: 39000 }),
    addressAdded(staff, { addressId: 8, position: 1 }),
    addressChanged(staff, { addressId: 8, fields: ['postcode'], remoteFeeDifference: -3000 }),
    addressRemoved(staff, { addressId: 8 }),
    unitsReallocated(staff, { toAddressId: 8, moves: [{ itemId: 12, quantity: 1, fromAddressId: 3 }], remoteFeeDifference: 3000 }),
  ];

  it('show the buyer where their goods go, not staff corrections', () => {
    expect(Object.fromEntries(events.map((d) => [d.event.type, d.buyerVisible]))).toEqual({
      tracking_removed: false,
      deposit_reverted: false,
      address_added: false,
      address_changed: true,
      address_removed: false,
      units_reallocated: true,
    });
  });

  it('describe themselves in Korean and English, with the surcharge an order edit would settle', () => {
    const ko = events.map((d) => describeEvent(d.event, 'ko'));
    expect(ko[0]).toBe('송장번호를 취소했습니다 (CJ대한통운 640123456789)');
    expect(ko[1]).toBe('입금 확인 39,000원을 취소했습니다 (입금대기로 되돌림)');
    expect(ko[2]).toBe('배송지를 추가했습니다 (#8)');
    expect(ko[3]).toBe('배송지 정보를 수정했습니다 (#8) (도서산간 배송비 차액 -3,000원: 주문 수정으로 정산)');
    expect(ko[5]).toBe('품목 #12 1개를 다른 배송지(#8)로 옮겼습니다 (도서산간 배송비 차액 +3,000원: 주문 수정으로 정산)');
    const en = events.map((d) => describeEvent(d.event, 'en'));
    expect(en[5]).toBe('Moved item #12 ×1 to shipping address #8 (remote-area surcharge difference +₩3,000, to settle by an order edit)');
    expect(describeEvent(addressChanged(staff, { addressId: 8, fields: ['recipientName'], remoteFeeDifference: 0 }).event, 'en')).toBe('Changed shipping address #8');
  });
});
