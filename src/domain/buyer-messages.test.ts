import { describe, expect, it } from 'vitest';
import { BUYER_MOMENTS, MESSAGE_CHANNELS, mergeMomentSwitches, variablesOf } from './buyer-message-moments';
import { buyerMomentsOf } from './buyer-message-occurrences';
import { fitLms, renderTemplate, smsBytes, textMessageKind, unknownVariables } from './buyer-message-render';
import { defaultTemplate } from './buyer-message-templates';
import { claimStatusChanged, depositConfirmed, memoAdded, orderCreated, purchaseConfirmed, statusesChanged, trackingAssigned, unpaidOrderCancelled, type Actor } from './events';
import { emailAddress, maskRecipient, mobileNumber } from './message-contacts';

const system: Actor = { kind: 'system' };

describe('buyer moments read from a change’s events', () => {
  it('name each moment once with what it is about', () => {
    const drafts = [
      orderCreated(system, { channel: 'own_mall', total: 39_000, itemCount: 1 }),
      depositConfirmed(system, { paymentId: 7, amount: 39_000, depositorName: '한가람' }),
      trackingAssigned(system, { shipmentId: 3, courier: 'CJ', trackingNumber: '640000000001' }),
      claimStatusChanged(system, { claimId: 4, claimKind: 'return', from: 'return_requested', to: 'return_collecting', kind: 'forward' }),
      claimStatusChanged(system, { claimId: 5, claimKind: 'exchange', from: 'exchange_collected', to: 'exchange_reshipped', kind: 'forward' }),
      claimStatusChanged(system, { claimId: 6, claimKind: 'cancel', from: 'cancel_requested', to: 'cancelled', kind: 'forward' }),
      purchaseConfirmed(system, { items: [{ itemId: 1, quantity: 2 }], automatic: true }),
    ];
    expect(buyerMomentsOf(drafts).map((o) => [o.moment, o.subject])).toEqual([
      ['order_received', 'order'],
      ['deposit_confirmed', 'payment:7'],
      ['shipped', 'shipment:3:640000000001'],
      ['return_accepted', 'claim:4'],
      ['exchange_shipped', 'claim:5:reshipped'],
      ['cancel_accepted', 'claim:6'],
      ['purchase_auto_confirmed', 'confirm:1x2'],
    ]);
  });

  it('stay silent for memos, staff corrections, a buyer’s own confirmation and moves short of a moment', () => {
    const drafts = [
      memoAdded({ kind: 'staff', id: 1, name: '김직원' }, { memoId: 1 }),
      claimStatusChanged(system, { claimId: 4, claimKind: 'return', from: 'return_collecting', to: 'return_requested', kind: 'revert' }),
      claimStatusChanged(system, { claimId: 4, claimKind: 'return', from: 'return_collecting', to: 'return_collected', kind: 'forward' }),
      purchaseConfirmed({ kind: 'buyer', name: '한가람' }, { items: [{ itemId: 1, quantity: 1 }], automatic: false }),
      ...statusesChanged(system, [{ itemId: 1, quantity: 1, from: 'paid', to: 'preparing', kind: 'forward' }]),
    ];
    expect(buyerMomentsOf(drafts)).toEqual([]);
  });
});

describe('an unpaid order cancelled by the system', () => {
  it('is told as that alone, not also as a cancel accepted', () => {
    const drafts = [
      claimStatusChanged(system, { claimId: 9, claimKind: 'cancel', from: 'cancel_requested', to: 'cancelled', kind: 'forward' }),
      unpaidOrderCancelled(system, { dueAt: '2026-12-01T00:00:00Z', items: [{ itemId: 1, quantity: 1 }], accountClosed: false }),
    ];
    expect(buyerMomentsOf(drafts).map((o) => [o.moment, o.subject])).toEqual([['unpaid_cancelled', 'unpaid']]);
  });
});

describe('templates', () => {
  it('use only the variables their moment offers, in every default', () => {
    for (const moment of BUYER_MOMENTS) {
      for (const channel of MESSAGE_CHANNELS) {
        const t = defaultTemplate(moment, channel);
        expect(unknownVariables(`${t.subject ?? ''}\n${t.body}`, moment), `${moment}:${channel}`).toEqual([]);
      }
    }
    expect(unknownVariables('#{주문번호} #{송장번호}', 'order_received')).toEqual(['송장번호']);
    expect(variablesOf('payment_requested')).toContain('결제링크');
  });

  it('fill variables, blank for a missing value', () => {
    expect(renderTemplate('#{주문자명}님 #{ 주문번호 } #{없는값}!', { 주문자명: '한가람', 주문번호: 'A-1' })).toBe('한가람님 A-1 !');
  });

  it('count SMS bytes as carriers do and cut an LMS to what it carries', () => {
    expect(smsBytes('abc가나')).toBe(7);
    expect(textMessageKind('가'.repeat(45))).toBe('SMS');
    expect(textMessageKind('가'.repeat(46))).toBe('LMS');
    const long = fitLms('가'.repeat(1_500));
    expect(smsBytes(long)).toBeLessThanOrEqual(2_000);
    expect(long.endsWith('…')).toBe(true);
  });

  it('keep switches over the defaults, dropping what is not a switch', () => {
    const merged = mergeMomentSwitches({ shipped: { email: false, fax: true }, nonsense: { sms: true } });
    expect(merged.shipped).toEqual({ alimtalk: true, sms: false, email: false });
    expect(merged.order_received).toEqual({ alimtalk: true, sms: false, email: true });
  });
});

describe('recipients', () => {
  it('take mobile numbers and well-formed addresses only', () => {
    expect(mobileNumber('010-1234-5678')).toBe('01012345678');
    expect(mobileNumber('+82 10 1234 5678')).toBe('01012345678');
    expect(mobileNumber('02-123-4567')).toBeNull();
    expect(emailAddress(' garam@example.kr ')).toBe('garam@example.kr');
    expect(emailAddress('garam@localhost')).toBeNull();
    expect(emailAddress('a b@example.kr')).toBeNull();
    expect(maskRecipient('01012345678')).toBe('010-****-5678');
    expect(maskRecipient('garam@example.kr')).toBe('ga***@example.kr');
  });
});
