/**
 * The staff feature's addresses, apart from its pages: the app's router and menu need them at
 * start, while the pages themselves load only when opened.
 */
export const STAFF_PATH = '/settings/staff';

/** The token of `/invite/<token>`, or null for any other address. */
export function staffLinkToken(pathname: string): string | null {
  const match = /^\/invite\/([^/]+)\/?$/.exec(pathname);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}
