import type { ErrorEntries } from './entries';

/** Error codes of bulk processing; merged into ERROR_CATALOG (src/contracts/errors.ts). */
export const BULK_ERRORS = {
  BULK_JOB_NOT_FOUND: { status: 404, ko: '일괄 처리 작업을 찾을 수 없습니다.', en: 'The bulk job was not found.' },
  BULK_NOTHING_MATCHES: { status: 422, ko: '조건에 맞는 주문이 없습니다.', en: 'No order matches the selection.' },
  BULK_TOO_MANY_ORDERS: {
    status: 422,
    ko: '한 번에 처리할 수 있는 주문 수를 넘었습니다. 조건을 좁혀 나누어 처리하세요.',
    en: 'Too many orders for one bulk job. Narrow the conditions and run it in parts.',
  },
  BULK_JOB_FINISHED: { status: 409, ko: '이미 끝난 작업입니다.', en: 'The bulk job has already finished.' },
} as const satisfies ErrorEntries;
