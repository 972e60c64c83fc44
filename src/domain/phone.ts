/**
 * Korean phone numbers as one canonical text (010-1234-5678, 02-123-4567), so a member synced from
 * a storefront that writes "01012345678" or "+82 10-1234-5678" compares equal to the same number
 * typed with hyphens, and a re-sync of an unchanged member is recognised as unchanged.
 */

/** The number in its hyphenated form, or null when it is not a Korean phone number. */
export function normalizePhone(raw: string): string | null {
  let digits = raw.trim().replace(/[\s\-.()]/g, '');
  if (digits.startsWith('+82')) digits = `0${digits.slice(3).replace(/^0/, '')}`;
  if (!/^0\d{8,10}$/.test(digits)) return null;
  // Seoul's area code is two digits; every other area and mobile prefix is three
  const area = digits.startsWith('02') ? 2 : 3;
  const rest = digits.slice(area);
  if (rest.length < 7 || rest.length > 8) return null;
  const middle = rest.length - 4;
  return `${digits.slice(0, area)}-${rest.slice(0, middle)}-${rest.slice(middle)}`;
}
