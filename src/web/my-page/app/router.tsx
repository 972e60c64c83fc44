import { useEffect } from 'react';
import { createHistoryRouter } from '../../shared/router';

export type { Location } from '../../shared/router';

/** Paths are full paths under /my, as the server serves them; a new page starts at its top. */
export const { useLocation, navigate, Link } = createHistoryRouter({ scrollToTop: true });

export const orderPath = (orderNumber: string) => `/my/orders/${encodeURIComponent(orderNumber)}`;
/** The lookup page, with the order number filled in and the shop it belongs to (an installation may serve several). */
export function lookupPath(orderNumber?: string | null, shop?: string | number | null): string {
  const params = new URLSearchParams();
  if (shop !== undefined && shop !== null && shop !== '') params.set('shop', String(shop));
  if (orderNumber) params.set('order', orderNumber);
  const query = params.toString();
  return query ? `/my?${query}` : '/my';
}

/** The shop named by the page's `?shop=` (the storefront's and staff's links carry it), if any. */
export function shopParam(search: URLSearchParams): number | undefined {
  const value = Number(search.get('shop'));
  return Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

/** Goes elsewhere at once (a page that needs a session, without one). */
export function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}
