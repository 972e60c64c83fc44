import type { ErrorEntries } from './entries';

/** Error codes of the print sheets (주문서·거래명세서); merged into ERROR_CATALOG (src/contracts/errors.ts). */
export const PRINT_ERRORS = {
  PRINT_TOO_MANY_ORDERS: {
    status: 422,
    ko: '한 번에 인쇄할 수 있는 주문은 500건까지입니다. 기간이나 상태로 조건을 좁혀 주세요.',
    en: 'At most 500 orders can be printed at once. Narrow the conditions, by period or status.',
  },
} as const satisfies ErrorEntries;
