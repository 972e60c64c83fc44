import { useQuery } from '@tanstack/react-query';
import { orderCountResponseSchema } from '../../../../../contracts/order-list';
import { api } from '../../../app/api/client';
import { listKeys } from './keys';

/**
 * How many orders carry this phone number (orderer or recipient), for the buyer popover. The API
 * has no order count per buyer yet; the keyword search over phone numbers is the closest honest
 * number, and the popover names it for what it is ("같은 연락처의 주문").
 */
export function useOrderCountByPhone(phone: string | null) {
  return useQuery({
    queryKey: listKeys.ordersByPhone(phone ?? ''),
    queryFn: ({ signal }) => api.query('/api/v1/orders/count', { filter: { keyword: phone ?? '' }, exact: true }, orderCountResponseSchema, signal).then((r) => r.total),
    // only a whole number finds its orders (the list shows it masked until 보기)
    enabled: phone !== null,
    staleTime: 60_000,
  });
}
