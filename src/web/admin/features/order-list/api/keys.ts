import type { OrderFilter } from '../../../../../contracts/order-filter';
import type { OrderSearchRequest } from '../../../../../contracts/order-list';

/** React Query keys of the order list; invalidating `views` also refreshes counts and diffs. */
export const listKeys = {
  views: ['views'] as const,
  viewCounts: ['views', 'counts'] as const,
  viewDiff: (viewId: number, state: unknown) => ['views', 'diff', viewId, state] as const,
  orders: ['orders', 'list'] as const,
  search: (request: OrderSearchRequest) => ['orders', 'list', request] as const,
  count: (filter: OrderFilter, exact: boolean) => ['orders', 'list', 'count', filter, exact] as const,
  savedFilters: ['saved-filters'] as const,
  memos: (orderId: number) => ['orders', orderId, 'memos'] as const,
  ordersByPhone: (phone: string) => ['orders', 'by-phone', phone] as const,
};
