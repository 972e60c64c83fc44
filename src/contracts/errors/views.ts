import type { ErrorEntries } from './entries';

/** Error codes of tabs (saved views) and saved filters; merged into ERROR_CATALOG (src/contracts/errors.ts). */
export const VIEW_ERRORS = {
  VIEW_NOT_FOUND: { status: 404, ko: '탭을 찾을 수 없습니다.', en: 'The tab was not found.' },
  VIEW_LOCKED: {
    status: 422,
    ko: '전체 탭은 삭제하거나 옮기거나 이름·조건을 바꿀 수 없습니다.',
    en: 'The 전체 (all orders) tab cannot be deleted, moved, renamed or filtered.',
  },
  VIEW_NAME_TAKEN: { status: 409, ko: '같은 이름의 탭이 이미 있습니다.', en: 'A tab with this name already exists.' },
  TOO_MANY_VIEWS: { status: 422, ko: '탭은 최대 30개까지 만들 수 있습니다.', en: 'A shop can have at most 30 tabs.' },
  VIEW_ORDER_INCOMPLETE: {
    status: 422,
    ko: '탭 순서에는 모든 탭이 한 번씩 있어야 합니다. 새로고침 후 다시 시도하세요.',
    en: 'The new order must list every tab exactly once. Reload and try again.',
  },
  SAVED_FILTER_NOT_FOUND: { status: 404, ko: '저장된 필터를 찾을 수 없습니다.', en: 'The saved filter was not found.' },
  SAVED_FILTER_NAME_TAKEN: { status: 409, ko: '같은 이름의 저장된 필터가 이미 있습니다.', en: 'A saved filter with this name already exists.' },
  TOO_MANY_SAVED_FILTERS: { status: 422, ko: '필터는 최대 100개까지 저장할 수 있습니다.', en: 'A shop can save at most 100 filters.' },
} as const satisfies ErrorEntries;
