import { maskRecipient } from './message-contacts';

/**
 * 개인정보 마스킹: what a screen shows of a buyer's personal data to someone who may not see it, or
 * where no one should (lists). The rule: lists never show personal data; one order does, to those
 * allowed, and every such read is recorded (src/server/audit/personal-data-access.ts).
 */

/** Which personal fields a read showed, as the access log records them. */
export const PERSONAL_FIELDS = ['name', 'phone', 'email', 'address'] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

/** 010-1234-5678 → 010-****-5678; anything shorter than a phone number keeps only its last two digits. */
export function maskPhone(phone: string): string {
  const masked = maskRecipient(phone);
  if (masked !== phone || phone === '') return masked;
  return phone.replace(/\d(?=(?:\D*\d){2})/g, '*');
}

/** garam@example.kr → ga***@example.kr. */
export function maskEmail(email: string): string {
  return email.includes('@') ? maskRecipient(email) : '***';
}

/** 홍길동 → 홍*동, 남궁민수 → 남**수, 홍길 → 홍* (Korean practice: the first and last letter stay). */
export function maskName(name: string): string {
  const letters = [...name.trim()];
  if (letters.length <= 1) return name.trim();
  if (letters.length === 2) return `${letters[0]}*`;
  return `${letters[0]}${'*'.repeat(letters.length - 2)}${letters[letters.length - 1]}`;
}

// 시·도 as people shorten them in addresses (서울 강남구 …)
const PROVINCES = new Set(['서울', '부산', '대구', '인천', '광주', '대전', '울산', '세종', '경기', '강원', '충북', '충남', '전북', '전남', '경북', '경남', '제주']);
const AREA_SUFFIX = /(특별시|광역시|특별자치시|특별자치도|시|도|군|구|읍|면|동|가)$/;

/**
 * 서울특별시 강남구 테헤란로 123, 4층 → 서울특별시 강남구 ***: the address kept down to the 시/구/동
 * that a courier region or a delivery delay is talked about by, the road, building and detail hidden.
 */
export function maskAddress(address1: string): string {
  const kept: string[] = [];
  for (const word of address1.trim().split(/\s+/)) {
    // a road (…로, …길) or a number ends the area part
    if (/\d/.test(word) || !(PROVINCES.has(word) || AREA_SUFFIX.test(word))) break;
    kept.push(word);
  }
  return kept.length === 0 ? '***' : `${kept.join(' ')} ***`;
}
