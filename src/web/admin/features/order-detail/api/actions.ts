import { z, type ZodType } from 'zod';
import {
  claimResultSchema,
  refundProposalSchema,
  type RefundProposalDto,
} from '../../../../../contracts/claims';
import { commitEditResultSchema, createEditResponseSchema, type EditAction } from '../../../../../contracts/edits';
import { addressResultSchema, allocationResultSchema, depositResultSchema, statusChangeResultSchema } from '../../../../../contracts/fulfillment';
import { orderDetailSchema } from '../../../../../contracts/orders';
import { cancelledRequestResultSchema, paidRequestResultSchema, paymentRequestSchema } from '../../../../../contracts/payment-requests';
import { memoSchema } from '../../../../../contracts/timeline';
import type { ClaimReasonCode } from '../../../../../contracts/claim-reasons';
import { api } from '../../../app/api/client';
import { orderPath } from './queries';

/** Every order change answers the order as it now stands and the change's own result. */
const changed = <T extends ZodType>(result: T) => z.object({ order: orderDetailSchema, result });

export interface RefundAdjustments {
  couponRemoved?: number;
  pointsRestored?: number;
  shippingChange?: number;
  deduction?: number;
}
export interface RefundAccount {
  bank: string;
  accountNumber: string;
  holderName: string;
}
export interface ClaimUnits {
  itemId: number;
  shipmentGroupId: number;
  quantity: number;
}
export interface Pickup {
  name: string;
  phone: string;
  postcode: string;
  address1: string;
  address2: string;
  courier?: string;
  trackingNumber?: string;
  pickupDate?: string;
}
export interface AddressInput {
  recipientName: string;
  recipientPhone: string;
  postcode: string;
  address1: string;
  address2: string;
  deliveryNote?: string;
}
type Versioned = { expectedVersion: number };
/** A preset reason (단순 변심 …) and words beside it; 기타 needs the words. */
type ClaimReasonBody = { reasonCode: ClaimReasonCode; reasonText?: string };

const post = <T>(orderId: number, path: string, body: unknown, schema: ZodType<T>): Promise<T> => api.post(`${orderPath(orderId)}${path}`, body, schema);

export const orderActions = {
  changeStatus: (orderId: number, body: Versioned & { changes: Array<ClaimUnits & { to: string }>; shipment?: { courier: string; trackingNumber: string } }) =>
    post(orderId, '/status-changes', body, changed(statusChangeResultSchema)),
  confirmDeposit: (orderId: number, body: Versioned & { paymentId?: number; depositorName?: string; depositedAt?: string }) =>
    post(orderId, '/deposit-confirmations', body, changed(depositResultSchema)),
  revertDeposit: (orderId: number, body: Versioned & { paymentId?: number }) => post(orderId, '/deposit-confirmations/revert', body, changed(depositResultSchema)),

  addAddress: (orderId: number, body: Versioned & AddressInput) => post(orderId, '/addresses', body, changed(addressResultSchema)),
  editAddress: (orderId: number, addressId: number, body: Versioned & Partial<AddressInput>) =>
    api.patch(`${orderPath(orderId)}/addresses/${addressId}`, body, changed(addressResultSchema)),
  allocate: (orderId: number, addressId: number, body: Versioned & { moves: Array<{ fromShipmentGroupId: number; itemId: number; quantity: number }> }) =>
    post(orderId, `/addresses/${addressId}/allocations`, body, changed(allocationResultSchema)),

  /** Changes nothing: read-only POST (no Idempotency-Key). */
  previewCancel: (orderId: number, body: { items: ClaimUnits[]; refund?: RefundAdjustments }, signal?: AbortSignal): Promise<RefundProposalDto> =>
    api.query(`${orderPath(orderId)}/cancellations/preview`, body, refundProposalSchema, signal),
  cancel: (orderId: number, body: Versioned & { items: ClaimUnits[] } & ClaimReasonBody & { complete: boolean; refund?: RefundAdjustments; refundAccount?: RefundAccount }) =>
    post(orderId, '/cancellations', body, changed(claimResultSchema)),
  requestReturn: (orderId: number, body: Versioned & { items: ClaimUnits[] } & ClaimReasonBody & { fault: 'buyer' | 'shop'; pickup: Pickup; restock: boolean }) =>
    post(orderId, '/returns', body, changed(claimResultSchema)),
  requestExchange: (orderId: number, body: Versioned & { items: ClaimUnits[] } & ClaimReasonBody & { fault: 'buyer' | 'shop'; pickup: Pickup; replacementOptionId?: number }) =>
    post(orderId, '/exchanges', body, changed(claimResultSchema)),

  stepClaim: (
    orderId: number,
    claimId: number,
    body: Versioned & { to: string; pickup?: { courier?: string; trackingNumber?: string }; reshipment?: { courier: string; trackingNumber: string } },
  ) => post(orderId, `/claims/${claimId}/status`, body, changed(claimResultSchema)),
  previewCompletion: (orderId: number, claimId: number, body: { refund?: RefundAdjustments }, signal?: AbortSignal): Promise<RefundProposalDto> =>
    api.query(`${orderPath(orderId)}/claims/${claimId}/complete/preview`, body, refundProposalSchema, signal),
  completeClaim: (orderId: number, claimId: number, body: Versioned & { refund?: RefundAdjustments; refundAccount?: RefundAccount }) =>
    post(orderId, `/claims/${claimId}/complete`, body, changed(claimResultSchema)),
  withdrawClaim: (orderId: number, claimId: number, body: Versioned) => post(orderId, `/claims/${claimId}/withdraw`, body, changed(claimResultSchema)),

  retryRefund: (orderId: number, refundId: number, body: Versioned) => post(orderId, `/refunds/${refundId}/retry`, body, changed(claimResultSchema)),
  confirmTransfer: (orderId: number, refundId: number, body: Versioned) => post(orderId, `/refunds/${refundId}/complete`, body, changed(claimResultSchema)),
  refundBalance: (orderId: number, body: Versioned & { amount: number; reason: string; refundAccount?: RefundAccount }) =>
    post(orderId, '/refunds', body, changed(claimResultSchema)),

  previewEdit: (orderId: number, body: Versioned & { actions: EditAction[] }) => post(orderId, '/edits', body, createEditResponseSchema),
  commitEdit: (orderId: number, editId: number, body: Versioned & { paymentRequest?: { reason: string; dueAt?: string } }) =>
    post(orderId, `/edits/${editId}/commit`, body, changed(commitEditResultSchema)),

  requestPayment: (orderId: number, body: Versioned & { amount: number; reason: string; dueAt?: string }) =>
    post(orderId, '/payment-requests', body, changed(paymentRequestSchema)),
  cancelPaymentRequest: (orderId: number, requestId: number, body: Versioned & { reason?: string; removeHeldUnits?: boolean }) =>
    post(orderId, `/payment-requests/${requestId}/cancel`, body, changed(cancelledRequestResultSchema)),
  recordRequestPayment: (orderId: number, requestId: number, body: Versioned & { method: 'bank_transfer'; depositorName?: string }) =>
    post(orderId, `/payment-requests/${requestId}/payments`, body, changed(paidRequestResultSchema)),

  addMemo: (orderId: number, body: string) => post(orderId, '/memos', { body }, memoSchema),
  editMemo: (orderId: number, memoId: number, body: string) => api.patch(`${orderPath(orderId)}/memos/${memoId}`, { body }, memoSchema),
  deleteMemo: (orderId: number, memoId: number) => api.delete(`${orderPath(orderId)}/memos/${memoId}`, memoSchema),
};
