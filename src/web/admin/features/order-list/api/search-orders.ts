import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { orderListResponseSchema, type OrderSearchRequest } from '../../../../../contracts/order-list';
import { api } from '../../../app/api/client';
import { listKeys } from './keys';

/** One page of the list (POST /orders/search takes the whole filter spec); the last page stays on screen while the next loads. */
export function useOrderSearch(request: OrderSearchRequest, enabled: boolean) {
  return useQuery({
    queryKey: listKeys.search(request),
    queryFn: ({ signal }) => api.query('/api/v1/orders/search', request, orderListResponseSchema, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}
