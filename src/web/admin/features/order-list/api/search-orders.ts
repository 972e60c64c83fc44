import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { OrderFilter } from '../../../../../contracts/order-filter';
import { orderCountResponseSchema, orderListResponseSchema, type OrderCountResponse, type OrderSearchRequest } from '../../../../../contracts/order-list';
import { api } from '../../../app/api/client';
import { listKeys } from './keys';

/**
 * One page of the list (POST /orders/search takes the whole filter spec), without its count: the
 * rows show as soon as they are read, and the count (useOrderCount) arrives on its own — counting
 * every match of a broad filter over a million orders takes longer than a page. The last page
 * stays on screen while the next loads.
 */
export function useOrderSearch(request: Omit<OrderSearchRequest, 'withTotal' | 'exactTotal'>, enabled: boolean) {
  const body: OrderSearchRequest = { ...request, withTotal: false, exactTotal: false };
  return useQuery({
    queryKey: listKeys.search(body),
    queryFn: ({ signal }) => api.query('/api/v1/orders/search', body, orderListResponseSchema, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/**
 * How many orders match the filter (POST /orders/count): exact, or the server's estimate of a
 * count that would be slow (`exact: false`) until `exact` asks for the number. The last count
 * stays while the next loads.
 */
export function useOrderCount(filter: OrderFilter, exact: boolean, enabled: boolean) {
  return useQuery<OrderCountResponse>({
    queryKey: listKeys.count(filter, exact),
    queryFn: ({ signal }) => api.query('/api/v1/orders/count', { filter, exact }, orderCountResponseSchema, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}
