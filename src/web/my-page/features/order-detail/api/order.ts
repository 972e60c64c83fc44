import { useQuery } from '@tanstack/react-query';
import { myOrderDetailSchema } from '../../../../../contracts/my';
import { api } from '../../../app/api/client';

export const orderKey = (orderNumber: string) => ['my', 'order', orderNumber] as const;

/** One of the buyer's orders as the buyer is meant to see it (another's answers 404). */
export function useMyOrder(orderNumber: string) {
  return useQuery({
    queryKey: orderKey(orderNumber),
    queryFn: ({ signal }) => api.get(`/api/v1/my/orders/${encodeURIComponent(orderNumber)}`, myOrderDetailSchema, signal),
  });
}
