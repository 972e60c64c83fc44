import { describe, expect, it } from 'vitest';
import { actionOf, shipmentsOf, shipRowProblem } from './actions';

describe('bulk action inputs', () => {
  it('ships only the filled-in rows, and none while a row is malformed', () => {
    const rows = [
      { orderId: 1, courier: 'CJ대한통운', trackingNumber: ' 640123456789 ' },
      { orderId: 2, courier: 'CJ대한통운', trackingNumber: '' },
    ];
    expect(shipmentsOf(rows)).toEqual([{ orderId: 1, courier: 'CJ대한통운', trackingNumber: '640123456789' }]);
    expect(shipRowProblem({ orderId: 3, courier: 'CJ', trackingNumber: '12' })).toBe('tracking');
    expect(shipRowProblem({ orderId: 3, courier: ' ', trackingNumber: '1234' })).toBe('courier');
    expect(shipmentsOf([...rows, { orderId: 3, courier: '', trackingNumber: '1234' }])).toBeNull();
    expect(shipmentsOf([{ orderId: 2, courier: 'CJ', trackingNumber: '' }])).toBeNull();
  });
  it('asks a reason for a cancel and a text for a memo', () => {
    const empty = { reason: ' ', memo: '', ship: [] };
    expect(actionOf('cancel', empty)).toBeNull();
    expect(actionOf('cancel', { ...empty, reason: ' 고객 요청 ' })).toEqual({ type: 'cancel', reason: '고객 요청' });
    expect(actionOf('add_memo', { ...empty, memo: '확인 필요' })).toEqual({ type: 'add_memo', body: '확인 필요' });
    expect(actionOf('mark_ready_to_ship', empty)).toEqual({ type: 'mark_ready_to_ship' });
  });
});
