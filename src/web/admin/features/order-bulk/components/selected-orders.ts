import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import type { OrderListResponse } from '../../../../../contracts/order-list';
import { api } from '../../../app/api/client';
import { listKeys } from '../../order-list/api/keys';

/** What the ship table shows of an order. */
export interface OrderBrief {
  id: number;
  orderNumber: string;
  statusLabels: string[];
  recipientName: string | null;
}

const detailBriefSchema = z.object({
  id: z.number(),
  orderNumber: z.string(),
  orderStatusLabel: z.string(),
  addresses: z.array(z.object({ recipientName: z.string() })),
});

/**
 * The chosen orders' numbers and statuses: from the list pages already loaded (the selection
 * spans pages the user has seen), and from the order itself for any page no longer cached.
 */
export function useOrderBriefs(ids: readonly number[]): { orders: OrderBrief[]; loading: boolean; failed: boolean } {
  const queryClient = useQueryClient();
  const [cached] = useState(() => {
    const byId = new Map<number, OrderBrief>();
    for (const [, data] of queryClient.getQueriesData<OrderListResponse>({ queryKey: listKeys.orders })) {
      for (const o of data?.items ?? []) byId.set(o.id, { id: o.id, orderNumber: o.orderNumber, statusLabels: o.unitStatuses.map((s) => s.label), recipientName: o.recipientName });
    }
    return byId;
  });
  const missing = ids.filter((id) => !cached.has(id));
  const details = useQueries({
    queries: missing.map((id) => ({
      queryKey: ['orders', id, 'brief'],
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get(`/api/v1/orders/${id}`, detailBriefSchema, signal),
      staleTime: 60_000,
    })),
  });
  const fetched = new Map<number, OrderBrief>();
  for (const q of details) {
    if (q.data) fetched.set(q.data.id, { id: q.data.id, orderNumber: q.data.orderNumber, statusLabels: [q.data.orderStatusLabel], recipientName: q.data.addresses[0]?.recipientName ?? null });
  }
  const orders = ids.flatMap((id) => {
    const brief = cached.get(id) ?? fetched.get(id);
    return brief ? [brief] : [];
  });
  return { orders, loading: details.some((q) => q.isPending), failed: details.some((q) => q.isError) };
}
