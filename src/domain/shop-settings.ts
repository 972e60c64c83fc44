/**
 * The shop's own details (사업자 정보, 고객센터, 무통장 입금 계좌, 주문번호 접두어) and the checks
 * they pass before they are stored: pure, so the server and its tests share one reading of a
 * Korean business number or a Toss key.
 */

export interface BankAccount {
  bank: string;
  accountNumber: string;
  holder: string;
}

export type GatewayProvider = 'test' | 'toss';

/** At most this many 무통장 accounts: the buyer picks one, a longer list helps nobody. */
export const MAX_BANK_ACCOUNTS = 5;
export const ORDER_PREFIX_PATTERN = /^[A-Za-z0-9-]{0,10}$/;

/**
 * 사업자등록번호: ten digits whose last is a check digit (weights 1,3,7,1,3,7,1,3,5 and the
 * carry of the ninth × 5). Answers the number as 000-00-00000, or null when it is not one.
 */
export function normalizeBusinessNumber(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) return null;
  const d = [...digits].map(Number);
  const weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];
  let sum = weights.reduce((s, w, i) => s + w * (d[i] ?? 0), 0);
  sum += Math.floor(((d[8] ?? 0) * 5) / 10);
  if ((10 - (sum % 10)) % 10 !== d[9]) return null;
  return `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
}

/** A Korean phone number for 고객센터: 02-123-4567, 010-1234-5678, or a 15xx/16xx/18xx 대표번호 (1588-1234). */
export function isCustomerServicePhone(input: string): boolean {
  return /^0\d{1,2}-?\d{3,4}-?\d{4}$/.test(input) || /^1[5-9]\d{2}-?\d{4}$/.test(input);
}

export function isEmail(input: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input);
}

/** A bank account number as banks print it: digits and hyphens, 6 to 20 digits in all. */
export function isAccountNumber(input: string): boolean {
  const digits = input.replace(/-/g, '');
  return /^[\d-]+$/.test(input) && digits.length >= 6 && digits.length <= 20;
}

/**
 * Toss Payments keys: a client key `test_ck_…`/`live_ck_…` (`_gck_` for the payment widget) and a
 * secret key `test_sk_…`/`live_sk_…` (`_gsk_`), both of the same mode — a live client key with a test
 * secret key takes payments that can never be confirmed.
 */
export type TossKeyProblem = 'client_key' | 'secret_key' | 'mode_mismatch';

export function tossKeyProblem(clientKey: string | null, secretKey: string | null): TossKeyProblem | null {
  const client = clientKey === null ? null : /^(test|live)_g?ck_[A-Za-z0-9_-]{8,}$/.exec(clientKey);
  const secret = secretKey === null ? null : /^(test|live)_g?sk_[A-Za-z0-9_-]{8,}$/.exec(secretKey);
  if (clientKey !== null && !client) return 'client_key';
  if (secretKey !== null && !secret) return 'secret_key';
  if (client && secret && client[1] !== secret[1]) return 'mode_mismatch';
  return null;
}

/** How a secret shows anywhere after it was stored: only its last four characters. */
export function secretHint(secret: string | null | undefined): string | null {
  return secret ? secret.slice(-4) : null;
}
