import type { OrderDetail } from '../../../../../contracts/orders';

/** A 무통장/가상계좌 payment still waiting for its deposit. */
export const pendingDeposit = (order: OrderDetail) =>
  order.payments.find((p) => (p.method === 'bank_transfer' || p.method === 'virtual_account') && p.status === 'pending') ?? null;

/** A 무통장 payment whose deposit was confirmed (and could be undone while nothing else moved). */
export const confirmedTransfer = (order: OrderDetail) =>
  order.payments.find((p) => p.method === 'bank_transfer' && p.status === 'captured' && p.refundedAmount === 0) ?? null;
