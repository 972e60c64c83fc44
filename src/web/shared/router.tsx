import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';

/**
 * Both apps' few routes need no router library: the location is an external store over the History
 * API, links push onto it, and each App matches the path. Each app makes one router at load.
 */
export interface Location {
  pathname: string;
  search: URLSearchParams;
  /** pathname + search, as a link would carry it */
  href: string;
}

export type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string; children: ReactNode };

/** `scrollToTop`: My Page's pages are long on a phone, so a new page starts at its top. */
export function createHistoryRouter({ scrollToTop = false }: { scrollToTop?: boolean } = {}) {
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  window.addEventListener('popstate', notify);

  function subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }
  const snapshot = () => window.location.pathname + window.location.search;

  function useLocation(): Location {
    const href = useSyncExternalStore(subscribe, snapshot);
    const url = new URL(href, window.location.origin);
    return { pathname: url.pathname, search: url.searchParams, href };
  }

  function navigate(to: string, options: { replace?: boolean } = {}) {
    if (to === snapshot()) return;
    if (options.replace) window.history.replaceState(null, '', to);
    else window.history.pushState(null, '', to);
    if (scrollToTop) window.scrollTo(0, 0);
    notify();
  }

  /** A real link (opens in a new tab with a modifier key), navigating in place on a plain click. */
  function Link({ to, onClick, children, ...rest }: LinkProps) {
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

  return { useLocation, navigate, Link };
}
