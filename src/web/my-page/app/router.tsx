import { useEffect, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';

/**
 * My Page's few routes need no router library (the admin's pattern): the location is an external
 * store over the History API, links push onto it, and App matches the path. Paths are full paths
 * under /my, as the server serves them.
 */
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());
window.addEventListener('popstate', notify);

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
const snapshot = () => window.location.pathname + window.location.search;

export interface Location {
  pathname: string;
  search: URLSearchParams;
}

export function useLocation(): Location {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, window.location.origin);
  return { pathname: url.pathname, search: url.searchParams };
}

export function navigate(to: string, options: { replace?: boolean } = {}) {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.scrollTo(0, 0);
  notify();
}

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

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string; children: ReactNode };

/** A real link (opens in a new tab with a modifier key), navigating in place on a plain click. */
export function Link({ to, onClick, children, ...rest }: LinkProps) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={handle} {...rest}>
      {children}
    </a>
  );
}
