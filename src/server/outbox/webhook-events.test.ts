import { describe, expect, it } from 'vitest';
import {
  claimStatusChanged,
  depositConfirmed,
  heldUnitsReleased,
  memoAdded,
  paymentCaptured,
  paymentRequested,
  statusChanged,
  statusesChanged,
  trackingAssigned,
  trackingRemoved,
  type Actor,
} from '../../domain/events';
import { webhookEventsOf } from './webhook-events';

const staff: Actor = { kind: 'staff', id: 7, name: '김직원' };

describe('webhook events of a change', () => {
  it('reports shipping with courier and tracking number, and unit moves as one order.updated', () => {
    const events = webhookEventsOf([
      statusChanged(staff, { itemId: 1, quantity: 2, from: 'ready_to_ship', to: 'shipping', kind: 'forward' }),
      statusChanged(staff, { itemId: 2, quantity: 1, from: 'ready_to_ship', to: 'shipping', kind: 'forward' }),
      trackingAssigned(staff, { shipmentId: 5, courier: 'cj', trackingNumber: '123456789012' }),
    ]);
    expect(events.map((e) => e.type)).toEqual(['shipment.shipped', 'order.updated']);
    expect(events[0]!.data).toEqual({ shipment: { id: 5, courier: 'cj', trackingNumber: '123456789012' } });
    expect(events[1]!.data).toMatchObject({ unitStatusChanges: [{ itemId: 1, quantity: 2, to: 'shipping' }, { itemId: 2, quantity: 1, to: 'shipping' }], claimStatusChanges: [] });
  });

  it('lists every move of a one-line statuses_changed in order.updated, as the per-item events did', () => {
    const moves = [
      { itemId: 1, quantity: 2, from: 'ready_to_ship' as const, to: 'shipping' as const, kind: 'forward' as const },
      { itemId: 2, quantity: 1, from: 'ready_to_ship' as const, to: 'shipping' as const, kind: 'forward' as const },
    ];
    const oneLine = webhookEventsOf([...statusesChanged(staff, moves), trackingAssigned(staff, { shipmentId: 5, courier: 'CJ', trackingNumber: '123456789012' })]);
    const perItem = webhookEventsOf([...moves.map((m) => statusChanged(staff, m)), trackingAssigned(staff, { shipmentId: 5, courier: 'CJ', trackingNumber: '123456789012' })]);
    expect(oneLine).toEqual(perItem);
    expect(oneLine.find((e) => e.type === 'order.updated')!.data).toEqual({
      unitStatusChanges: [
        { itemId: 1, quantity: 2, from: 'ready_to_ship', to: 'shipping', kind: 'forward' },
        { itemId: 2, quantity: 1, from: 'ready_to_ship', to: 'shipping', kind: 'forward' },
      ],
      claimStatusChanges: [],
    });
  });

  it('reports payment requests asked and paid, and deposits as captures', () => {
    expect(webhookEventsOf([paymentRequested(staff, { requestId: 3, amount: 10_000, reason: '옵션 변경 차액' })])).toEqual([
      { type: 'payment_request.created', data: { paymentRequest: { id: 3, amount: 10_000, reason: '옵션 변경 차액' } } },
    ]);
    const paid = webhookEventsOf([paymentCaptured(staff, { paymentId: 9, method: 'card', amount: 10_000, requestId: 3 })]);
    expect(paid.map((e) => e.type)).toEqual(['payment.captured', 'payment_request.paid']);
    expect(paid[1]!.data).toEqual({ paymentRequest: { id: 3, amount: 10_000 }, payment: { paymentId: 9, method: 'card', amount: 10_000 } });
    const deposit = webhookEventsOf([depositConfirmed(staff, { paymentId: 4, amount: 5_000, depositorName: '홍길동' })]);
    expect(deposit).toEqual([{ type: 'payment.captured', data: { payment: { paymentId: 4, method: null, amount: 5_000 } } }]);
    // units an edit held for the request move on with its payment: the storefront hears the status change
    const released = webhookEventsOf([paymentCaptured(staff, { paymentId: 9, method: 'card', amount: 10_000, requestId: 3 }), heldUnitsReleased(staff, { requestId: 3, items: [{ itemId: 5, quantity: 2 }] })]);
    expect(released.map((e) => e.type)).toEqual(['payment.captured', 'payment_request.paid', 'order.updated']);
    expect(released[2]!.data).toEqual({ unitStatusChanges: [{ itemId: 5, quantity: 2, from: 'awaiting_payment', to: 'paid', kind: 'forward' }], claimStatusChanges: [] });
  });

  it('completes claims only on forward moves to a final status; staff notes and corrections of tracking stay inside', () => {
    expect(webhookEventsOf([claimStatusChanged(staff, { claimId: 1, claimKind: 'return', from: 'return_collected', to: 'returned', kind: 'forward' })]).map((e) => e.type)).toEqual([
      'claim.completed',
      'order.updated',
    ]);
    expect(webhookEventsOf([claimStatusChanged(staff, { claimId: 1, claimKind: 'return', from: 'returned', to: 'return_collected', kind: 'revert' })]).map((e) => e.type)).toEqual([
      'order.updated',
    ]);
    expect(webhookEventsOf([memoAdded(staff, { memoId: 1 }), trackingRemoved(staff, { shipmentId: 1, courier: 'cj', trackingNumber: '1' })])).toEqual([]);
    // no staff name leaves in any payload
    const all = webhookEventsOf([trackingAssigned(staff, { shipmentId: 5, courier: 'cj', trackingNumber: '1' })]);
    expect(JSON.stringify(all)).not.toContain('김직원');
  });
});
