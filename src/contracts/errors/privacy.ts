import type { ErrorEntries } from './entries';

/** Errors of reading and exporting buyers' personal data. */
export const PRIVACY_ERRORS = {
  EXPORT_REASON_REQUIRED: {
    status: 400,
    ko: '개인정보가 포함된 다운로드에는 다운로드 사유가 필요합니다.',
    en: 'A download with personal data needs a reason.',
  },
} satisfies ErrorEntries;
