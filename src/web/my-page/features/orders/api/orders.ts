import { useInfiniteQuery } from '@tanstack/react-query';
import { myOrderListSchema } from '../../../../../contracts/my';
import { api } from '../../../app/api/client';

const PAGE = 20;

/** The buyer's orders, newest first, a page at a time by the server's cursor. */
export function useMyOrders() {
  return useInfiniteQuery({
    queryKey: ['my', 'orders'],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(PAGE) });
      if (pageParam) params.set('cursor', pageParam);
      return api.get(`/api/v1/my/orders?${params}`, myOrderListSchema, signal);
    },
    getNextPageParam: (last) => last.nextCursor,
  });
}
