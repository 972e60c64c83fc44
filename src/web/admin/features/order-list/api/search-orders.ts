import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { OrderFilter } from '../../../../../contracts/order-filter';
import { orderCountResponseSchema, orderListResponseSchema, type OrderSearchRequest } from '../../../../../contracts/order-list';
import { api } from '../../../app/api/client';
import { listKeys } from './keys';

/**
 * One page of the list (POST /orders/search takes the whole filter spec), without its count: the
 * rows show as soon as they are read, and the count (useOrderCount) arrives on its own — counting
 * every match of a broad filter over a million orders takes longer than a page. The last page
 * stays on screen while the next loads.
 */
export function useOrderSearch(request: Omit<OrderSearchRequest, 'withTotal'>, enabled: boolean) {
  const body: OrderSearchRequest = { ...request, withTotal: false };
  return useQuery({
    queryKey: listKeys.search(body),
    queryFn: ({ signal }) => api.query('/api/v1/orders/search', body, orderListResponseSchema, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** How many orders match the filter (POST /orders/count); the last count stays while the next loads. */
export function useOrderCount(filter: OrderFilter, enabled: boolean) {
  return useQuery<number>({
    queryKey: listKeys.count(filter),
    queryFn: ({ signal }) => api.query('/api/v1/orders/count', { filter }, orderCountResponseSchema, signal).then((r) => r.total),
    placeholderData: keepPreviousData,
    enabled,
  });
}
