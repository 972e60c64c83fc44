import type { ErrorEntries } from './entries';

/** Error codes of the fulfillment operations; merged into ERROR_CATALOG (src/contracts/errors.ts). */
export const FULFILLMENT_ERRORS = {} as const satisfies ErrorEntries;
