import { useQuery } from '@tanstack/react-query';
import { buyerBenefitsSchema } from '../../../../../contracts/buyer-benefits';
import { claimListSchema } from '../../../../../contracts/claims';
import { orderDetailSchema } from '../../../../../contracts/orders';
import { paymentSummarySchema } from '../../../../../contracts/payment-summary';
import { timelineResponseSchema } from '../../../../../contracts/timeline';
import { api } from '../../../app/api/client';
import { detailKeys } from './keys';

export const orderPath = (orderId: number) => `/api/v1/orders/${orderId}`;

export function useOrder(orderId: number) {
  return useQuery({
    queryKey: detailKeys.order(orderId),
    queryFn: ({ signal }) => api.get(orderPath(orderId), orderDetailSchema, signal),
  });
}

/** 결제 정보: amounts, payments, refunds and payment requests, labelled by the server. */
export function usePaymentSummary(orderId: number) {
  return useQuery({
    queryKey: detailKeys.paymentSummary(orderId),
    queryFn: ({ signal }) => api.get(`${orderPath(orderId)}/payment-summary`, paymentSummarySchema, signal),
  });
}

export function useTimeline(orderId: number, only: 'all' | 'memos' | 'events' | 'messages', enabled = true) {
  return useQuery({
    queryKey: detailKeys.timeline(orderId, only),
    queryFn: ({ signal }) => api.get(`${orderPath(orderId)}/timeline?only=${only}`, timelineResponseSchema, signal).then((r) => r.entries),
    enabled,
  });
}

/** The claims with pickup, re-shipment and refunds (the order detail carries only their status). */
export function useClaims(orderId: number) {
  return useQuery({
    queryKey: detailKeys.claims(orderId),
    queryFn: ({ signal }) => api.get(`${orderPath(orderId)}/claims`, claimListSchema, signal).then((r) => r.claims),
  });
}

/**
 * 쿠폰 · 적립금 of the buyer (points balance, coupons usable now, the coupon the order carries),
 * for an edit's 금액 계산. Only member orders ask: a guest has none.
 */
export function useBuyerBenefits(orderId: number, enabled = true) {
  return useQuery({
    queryKey: detailKeys.buyerBenefits(orderId),
    queryFn: ({ signal }) => api.get(`${orderPath(orderId)}/buyer-benefits`, buyerBenefitsSchema, signal),
    enabled,
  });
}
