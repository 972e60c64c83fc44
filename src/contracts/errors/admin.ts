import type { ErrorEntries } from './entries';

/** Errors of running the shop: settings, staff, API keys, permissions and personal-data records. */
export const ADMIN_ERRORS = {
  SHOP_NOT_FOUND: { status: 404, ko: '쇼핑몰을 찾을 수 없습니다.', en: 'The shop was not found.' },
} satisfies ErrorEntries;
