import type { ErrorEntries } from './entries';

/** Error codes of the claims operations; merged into ERROR_CATALOG (src/contracts/errors.ts). */
export const CLAIM_ERRORS = {} as const satisfies ErrorEntries;
