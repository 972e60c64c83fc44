import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';

/**
 * The few routes of the admin need no router library: the location is an external store over the
 * History API, links push onto it, and App matches the path.
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
  /** pathname + search, as a link would carry it */
  href: string;
}

export function useLocation(): Location {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, window.location.origin);
  return { pathname: url.pathname, search: url.searchParams, href };
}

export function navigate(to: string, options: { replace?: boolean } = {}) {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  notify();
}

/**
 * The order list's last address, so "back to the list" returns to the same tab, filter and page —
 * kept for the browser tab's session, so it survives reloading an order.
 */
const LIST_KEY = 'jumun.listHref';
export function rememberListHref(href: string) {
  try {
    sessionStorage.setItem(LIST_KEY, href);
  } catch {
    // storage unavailable: the link goes to the plain list
  }
}
export function listHref(): string {
  try {
    const href = sessionStorage.getItem(LIST_KEY);
    return href?.startsWith('/orders') ? href : '/orders';
  } catch {
    return '/orders';
  }
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
