import type { ErrorEntries } from './entries';

/** Error codes of the edits operations; merged into ERROR_CATALOG (src/contracts/errors.ts). */
export const EDIT_ERRORS = {} as const satisfies ErrorEntries;
