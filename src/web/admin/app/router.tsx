import { createHistoryRouter } from '../../shared/router';

export type { Location } from '../../shared/router';

// unlike My Page, the admin has never reset the scroll on navigation: it stays so
export const { useLocation, navigate, Link } = createHistoryRouter();

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
