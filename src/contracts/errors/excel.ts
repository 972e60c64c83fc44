import type { ErrorEntries } from './entries';

/**
 * Error codes of the Excel export and the tracking-number upload; merged into ERROR_CATALOG
 * (src/contracts/errors.ts). The TRACKING_* codes are reasons of single rows of an upload: the
 * upload itself answers 200 with a verdict per row, so their status is never sent.
 */
export const EXCEL_ERRORS = {
  EXCEL_FILE_INVALID: {
    status: 400,
    ko: '엑셀(.xlsx) 파일을 읽을 수 없습니다. 엑셀에서 .xlsx 형식으로 저장한 파일을 올려 주세요.',
    en: 'The file is not a readable Excel workbook (.xlsx). Save it as .xlsx and upload it again.',
  },
  EXCEL_HEADER_MISSING: {
    status: 400,
    ko: '필수 열(주문번호, 송장번호)을 찾을 수 없습니다. 첫 행에 열 이름을 적어 주세요 (양식 파일 참고).',
    en: 'The required columns (주문번호 / Order number, 송장번호 / Tracking number) were not found in the header row (see the template).',
  },
  EXCEL_FILE_TOO_LARGE: {
    status: 413,
    ko: '압축을 푼 엑셀 파일이 너무 큽니다 (최대 50MB). 필요한 열과 행만 남기거나 파일을 나눠 올려 주세요.',
    en: 'The Excel file is too large once uncompressed (50 MB at most). Keep only the columns and rows needed, or split the file.',
  },
  EXCEL_TOO_MANY_ROWS: { status: 422, ko: '한 번에 올릴 수 있는 행 수를 넘었습니다. 파일을 나눠 올려 주세요.', en: 'Too many rows for one upload. Split the file and upload the parts.' },

  EXPORT_JOB_NOT_FOUND: { status: 404, ko: '엑셀 다운로드 작업을 찾을 수 없습니다.', en: 'The export job was not found.' },
  EXPORT_FILE_NOT_READY: { status: 409, ko: '엑셀 파일을 아직 만드는 중입니다. 잠시 후 다시 받아 주세요.', en: 'The file is still being written. Fetch it when the job is done.' },
  EXPORT_FILE_EXPIRED: { status: 410, ko: '보관 기간(하루)이 지나 파일이 삭제되었습니다. 다시 다운로드해 주세요.', en: 'The file was kept for a day and has been deleted. Export the orders again.' },
  EXPORT_JOB_FAILED: { status: 409, ko: '엑셀 파일을 만들지 못했습니다. 다시 다운로드해 주세요.', en: 'The file could not be written. Export the orders again.' },
  EXPORT_PERSONAL_FORBIDDEN: {
    status: 403,
    ko: '개인정보가 포함된 파일은 개인정보 포함 엑셀 다운로드 권한이 있어야 받을 수 있습니다.',
    en: 'This file carries unmasked personal data: fetching it needs the personal-data export permission.',
  },

  SHIPPING_EXPORT_FORM_NOT_FOUND: { status: 404, ko: '송장 출력 양식을 찾을 수 없습니다.', en: 'The shipping export form was not found.' },
  SHIPPING_EXPORT_FORM_NAME_TAKEN: { status: 409, ko: '같은 이름의 송장 출력 양식이 이미 있습니다.', en: 'A shipping export form with this name already exists.' },
  TOO_MANY_SHIPPING_EXPORT_FORMS: { status: 422, ko: '송장 출력 양식은 최대 50개까지 저장할 수 있습니다.', en: 'A shop can save at most 50 shipping export forms.' },

  TRACKING_ORDER_NUMBER_MISSING: { status: 422, ko: '주문번호가 비어 있습니다.', en: 'The order number is empty.' },
  TRACKING_ORDER_NOT_FOUND: { status: 422, ko: '이 주문번호의 주문이 없습니다.', en: 'No order has this order number.' },
  TRACKING_PARCEL_NOT_FOUND: {
    status: 422,
    ko: '이 배송그룹번호(고객주문번호)의 발송 묶음이 없거나 주문번호와 맞지 않습니다. 송장 출력을 다시 받아 주세요.',
    en: 'No parcel has this parcel ID (고객주문번호), or it is not of this order. Export the shipping file again.',
  },
  TRACKING_ITEM_NOT_FOUND: { status: 422, ko: '품목번호가 이 주문의 품목이 아닙니다.', en: 'The item number is not an item of this order.' },
  TRACKING_COURIER_MISSING: { status: 422, ko: '택배사가 비어 있습니다.', en: 'The courier is empty.' },
  TRACKING_COURIER_UNKNOWN: {
    status: 422,
    ko: '알 수 없는 택배사입니다. CJ대한통운, 우체국택배, 한진택배, 롯데택배, 로젠택배처럼 택배사 이름을 적어 주세요.',
    en: 'Unknown courier. Write a courier name such as CJ대한통운, 우체국택배, 한진택배, 롯데택배 or 로젠택배.',
  },
  TRACKING_NUMBER_MISSING: { status: 422, ko: '송장번호가 비어 있습니다.', en: 'The tracking number is empty.' },
  TRACKING_NUMBER_INVALID: { status: 422, ko: '송장번호는 숫자·영문·하이픈 4~40자입니다.', en: 'A tracking number is 4 to 40 digits, letters or hyphens.' },
  TRACKING_NUMBER_DIGITS_LOST: {
    status: 422,
    ko: '송장번호가 숫자 셀로 저장되어 자릿수가 손실되었을 수 있습니다. 셀 서식을 텍스트로 바꾸고 다시 입력해 주세요.',
    en: 'The tracking number was stored as a number and may have lost digits. Format the cell as text and enter it again.',
  },
  TRACKING_DUPLICATE_ROW: { status: 422, ko: '위의 행과 같은 내용입니다. 한 번만 처리했습니다.', en: 'Same as an earlier row; it was applied once.' },
  TRACKING_ALREADY_SHIPPED: { status: 422, ko: '이미 이 송장번호로 발송된 상품입니다.', en: 'These units have already shipped with this tracking number.' },
  TRACKING_NUMBER_IN_USE: {
    status: 422,
    ko: '이 송장번호는 이 주문의 다른 발송에 이미 쓰였습니다. 남은 상품에는 새 송장번호를 적어 주세요.',
    en: 'This tracking number is already used by another parcel of this order. Use a new number for the remaining units.',
  },
  TRACKING_NOTHING_TO_SHIP: { status: 422, ko: '배송대기 상태인 상품이 없습니다.', en: 'Nothing is ready to ship (배송대기).' },
  TRACKING_UNITS_TAKEN: {
    status: 422,
    ko: '이 상품은 같은 주문의 다른 행에서 다른 송장번호로 처리됩니다.',
    en: 'Another row of this order ships these units with another tracking number.',
  },
  TRACKING_COURIER_CONFLICT: { status: 422, ko: '같은 송장번호에 다른 택배사가 적힌 행이 있습니다.', en: 'Another row gives this tracking number with a different courier.' },
  TRACKING_SPANS_ADDRESSES: {
    status: 422,
    ko: '배송대기 상품이 여러 배송지에 있어 송장번호 하나로 보낼 수 없습니다. 품목번호를 적어 배송지별로 나눠 주세요.',
    en: 'The units ready to ship go to several addresses, so one tracking number cannot cover them. Give item numbers to split them by address.',
  },
  TRACKING_SIBLING_REJECTED: {
    status: 422,
    ko: '같은 주문의 다른 행에 오류가 있어 이 주문은 처리하지 않았습니다.',
    en: 'Another row of this order was rejected, so nothing of this order was applied.',
  },
} as const satisfies ErrorEntries;
