import type { ErrorEntries } from './entries';

/** Error codes of buyer-message settings, templates and the message log; merged into ERROR_CATALOG (src/contracts/errors.ts). */
export const NOTIFICATION_ERRORS = {
  NOTIFICATION_TEMPLATE_UNKNOWN_VARIABLE: {
    status: 400,
    ko: '이 메시지에서 쓸 수 없는 변수가 있습니다. 변수 목록에서 골라 넣으세요.',
    en: 'The template uses a variable this message does not offer; pick one from the list.',
  },
  NOTIFICATION_TEMPLATE_SUBJECT_REQUIRED: { status: 400, ko: '이메일 제목을 입력하세요.', en: 'An e-mail needs a subject.' },
  BUYER_MESSAGE_NOT_FOUND: { status: 404, ko: '메시지를 찾을 수 없습니다.', en: 'The message was not found.' },
  NOTIFICATION_RECIPIENT_INVALID: {
    status: 400,
    ko: '받는 곳이 올바르지 않습니다. 알림톡·문자는 휴대폰 번호, 이메일은 이메일 주소를 입력하세요.',
    en: 'Not a valid recipient: a mobile number for AlimTalk and SMS, an e-mail address for e-mail.',
  },
  PREVIEW_ORDER_NOT_FOUND: { status: 404, ko: '미리보기에 쓸 주문이 없습니다. 주문번호를 확인하세요.', en: 'No order to fill the preview with; check the order number.' },
} as const satisfies ErrorEntries;
