/**
 * Toss Payments' institution codes, turned into the names Korean shop staff read.
 * Card issuer codes: docs/korean-commerce.md (Payments). Bank codes: Toss's two-digit bank codes
 * (신한 88, KB국민 06, IBK기업 03 …), which are not the three-digit KFTC codes (국민 004) some
 * other APIs use, so they are kept here rather than shared.
 */

const CARD_ISSUERS: Readonly<Record<string, string>> = {
  '3K': '기업BC카드',
  '46': '광주카드',
  '71': '롯데카드',
  '30': 'KDB산업카드',
  '31': 'BC카드',
  '51': '삼성카드',
  '38': '새마을금고카드',
  '41': '신한카드',
  '62': '신협카드',
  '36': '씨티카드',
  '33': '우리BC카드',
  W1: '우리카드',
  '37': '우체국카드',
  '39': '저축은행카드',
  '35': '전북카드',
  '42': '제주카드',
  '15': '카카오뱅크카드',
  '3A': '케이뱅크카드',
  '24': '토스뱅크카드',
  '21': '하나카드',
  '61': '현대카드',
  '11': 'KB국민카드',
  '91': 'NH농협카드',
  '34': '수협카드',
  '4V': 'VISA',
  '4M': 'Mastercard',
  '4J': 'JCB',
  '7A': 'AMEX',
  '6D': 'Diners Club',
  '3C': 'UnionPay',
};

/** Toss bank code → the name staff see. */
const BANKS: Readonly<Record<string, string>> = {
  '02': 'KDB산업은행',
  '03': 'IBK기업은행',
  '06': 'KB국민은행',
  '07': 'Sh수협은행',
  '11': 'NH농협은행',
  '12': '단위농협',
  '20': '우리은행',
  '23': 'SC제일은행',
  '27': '씨티은행',
  '31': 'iM뱅크(대구)',
  '32': '부산은행',
  '34': '광주은행',
  '35': '제주은행',
  '37': '전북은행',
  '39': '경남은행',
  '45': '새마을금고',
  '48': '신협',
  '50': '저축은행',
  '54': 'HSBC',
  '64': '산림조합',
  '71': '우체국',
  '81': '하나은행',
  '88': '신한은행',
  '89': '케이뱅크',
  '90': '카카오뱅크',
  '92': '토스뱅크',
};

/**
 * Other spellings buyers and our seed data use for the same banks. Keys are normalised (see
 * normaliseBankName), so '국민 은행' and 'KB 국민은행' both land on 06.
 */
const BANK_ALIASES: Readonly<Record<string, string>> = {
  산업: '02', kdb: '02', 기업: '03', ibk: '03', 중소기업: '03',
  국민: '06', kb: '06', kb국민: '06', 수협: '07', sh수협: '07',
  농협: '11', nh: '11', nh농협: '11', 지역농협: '12', 단위농협: '12', 지역농축협: '12',
  우리: '20', sc제일: '23', 제일: '23', sc: '23', 씨티: '27', 한국씨티: '27', citi: '27',
  대구: '31', dgb대구: '31', im뱅크: '31', 부산: '32', 광주: '34', 제주: '35', 전북: '37', 경남: '39',
  새마을: '45', 새마을금고: '45', mg새마을금고: '45', 신협: '48', 신협중앙회: '48', 저축: '50', 저축은행중앙회: '50',
  hsbc: '54', 산림조합: '64', 우체국: '71', 우체국예금보험: '71', 하나: '81', keb하나: '81', 신한: '88',
  케이뱅크: '89', k뱅크: '89', kbank: '89', 카카오뱅크: '90', 카카오: '90', 토스뱅크: '92', 토스: '92',
};

function normaliseBankName(name: string): string {
  return name.replace(/\s+/g, '').toLowerCase().replace(/은행$/u, '');
}

const BANK_CODE_BY_NAME: ReadonlyMap<string, string> = new Map([
  ...Object.entries(BANK_ALIASES),
  ...Object.entries(BANKS).map(([code, name]) => [normaliseBankName(name), code] as const),
]);

/** Korean card company name for a Toss issuer code; the code itself when we do not know it. */
export function cardCompanyName(issuerCode: string | null | undefined): string | null {
  if (!issuerCode) return null;
  return CARD_ISSUERS[issuerCode] ?? issuerCode;
}

/** Korean bank name for a Toss bank code; the code itself when we do not know it. */
export function bankName(code: string | null | undefined): string | null {
  if (!code) return null;
  return BANKS[code] ?? code;
}

/**
 * Toss bank code for a bank name or code. A two-digit code passes through untouched (Toss
 * validates it), so callers that already hold codes lose nothing; unknown names answer null.
 */
export function tossBankCode(bank: string): string | null {
  const trimmed = bank.trim();
  if (/^\d{2}$/.test(trimmed)) return trimmed;
  return BANK_CODE_BY_NAME.get(normaliseBankName(trimmed)) ?? null;
}
