import type { ErrorEntries } from './entries';

/**
 * Error codes of the catalog routes (GET /api/v1/products…); merged into ERROR_CATALOG
 * (src/contracts/errors.ts). PRODUCT_NOT_FOUND (422) stays what it is: a product named in a request
 * body (an order, an edit) that the shop does not have. A product in the path that is not there,
 * or is another shop's, answers 404 with its own code, as tabs, claims and bulk jobs do.
 */
export const PRODUCT_ERRORS = {
  CATALOG_PRODUCT_NOT_FOUND: { status: 404, ko: '상품을 찾을 수 없습니다.', en: 'The product was not found.' },
} as const satisfies ErrorEntries;
