/**
 * React Query keys of the detail screen. Everything of one order lives under ['orders', id] (the
 * list's memo popover too), so one invalidation refreshes it all after a change; the order itself
 * keeps the key the list's placeholder used.
 */
export const detailKeys = {
  order: (orderId: number) => ['orders', 'detail', orderId] as const,
  everything: (orderId: number) => ['orders', orderId] as const,
  paymentSummary: (orderId: number) => ['orders', orderId, 'payment-summary'] as const,
  timeline: (orderId: number, only: 'all' | 'memos' | 'events' | 'messages') => ['orders', orderId, 'timeline', only] as const,
  claims: (orderId: number) => ['orders', orderId, 'claims'] as const,
  buyerBenefits: (orderId: number) => ['orders', orderId, 'buyer-benefits'] as const,
  refundPreview: (orderId: number, scope: unknown) => ['orders', orderId, 'refund-preview', scope] as const,
};
