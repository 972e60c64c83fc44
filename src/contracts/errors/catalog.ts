import type { ErrorEntries } from './entries';

/**
 * Error codes of the Catalog API (/api/v1/catalog/…), where a storefront writes its products by its
 * own ids; merged into ERROR_CATALOG (src/contracts/errors.ts). In a batch each refused row carries
 * one of these codes (or VALIDATION_FAILED) and the other rows go on.
 */
export const CATALOG_ERRORS = {
  CATALOG_EXTERNAL_PRODUCT_NOT_FOUND: { status: 404, ko: '이 상품 ID로 등록된 상품이 없습니다.', en: 'No product has this external id.' },
  CATALOG_OPTION_NAMES_INVALID: {
    status: 422,
    ko: '옵션명(optionNames)은 비어 있지 않고 서로 달라야 합니다.',
    en: 'Option names (optionNames) must be non-empty and distinct.',
  },
  CATALOG_OPTION_VALUES_MISMATCH: {
    status: 422,
    ko: '옵션 값의 이름이 상품의 옵션명(optionNames)과 맞지 않습니다. 옵션명마다 값이 하나씩 있어야 합니다.',
    en: 'The option values do not match the product’s option names: each option needs exactly one value per option name.',
  },
  CATALOG_OPTION_ID_DUPLICATED: { status: 422, ko: '같은 옵션 ID가 요청에 두 번 이상 있습니다.', en: 'The same option external id appears more than once.' },
  CATALOG_OPTION_COMBINATION_DUPLICATED: {
    status: 422,
    ko: '같은 옵션 값 조합이 두 번 이상 있습니다.',
    en: 'Two options have the same combination of values.',
  },
  CATALOG_DEFAULT_OPTION_ONLY: {
    status: 422,
    ko: '옵션명이 없는 상품은 기본 옵션 하나만 가질 수 있습니다.',
    en: 'A product without option names can have at most one (default) option.',
  },
  CATALOG_OPTION_ID_TAKEN: {
    status: 409,
    ko: '이 옵션 ID는 이미 다른 상품의 옵션에 쓰이고 있습니다.',
    en: 'This option external id already belongs to another product of the shop.',
  },
  CATALOG_PRODUCT_ID_REPEATED: {
    status: 422,
    ko: '같은 상품 ID가 일괄 요청에 두 번 이상 있습니다. 첫 행만 반영했습니다.',
    en: 'The same product external id appears more than once in the batch; only its first row was applied.',
  },
  CATALOG_BATCH_TOO_LARGE: {
    status: 413,
    ko: '한 번에 최대 1,000개 상품까지 보낼 수 있습니다. 나누어 보내 주세요.',
    en: 'A batch holds at most 1,000 products; send the rest in another batch.',
  },
  CATALOG_CONCURRENT_CHANGE: {
    status: 409,
    ko: '같은 상품이나 옵션이 동시에 변경되었습니다. 다시 시도하세요.',
    en: 'The same product or option was changed at the same time; try again.',
  },
} as const satisfies ErrorEntries;
