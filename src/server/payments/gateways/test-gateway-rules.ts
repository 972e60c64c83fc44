/**
 * What the test gateway decides, apart from where it keeps its records (test-gateway-store.ts):
 * which payment a paymentKey makes, what its confirm answers, and Toss's rules for a cancel.
 */
import { declined, type CancelInput, type CapturedMethod, type CapturedPayment, type GatewayFailure } from './gateway';
import { cardCompanyName, tossBankCode } from './toss-codes';

export type TestPaymentState = 'captured' | 'awaiting_deposit' | 'closed';

/** The part of a held payment the cancel rules read. */
export interface HeldPayment {
  method: CapturedMethod | null;
  amount: number;
  cancelled: number;
  state: TestPaymentState;
}

const DAY_MS = 86_400_000;

/** The storefront picks the method by the paymentKey's prefix: va_, ep_, tr_, anything else a card. */
export function methodOfKey(paymentKey: string): CapturedMethod {
  if (paymentKey.startsWith('va_')) return 'virtual_account';
  if (paymentKey.startsWith('ep_')) return 'easy_pay';
  if (paymentKey.startsWith('tr_')) return 'bank_transfer';
  return 'card';
}

/**
 * The card companies the test payment window offers, by Toss's issuer codes, so that a payment
 * taken in the test window reads exactly like one from Toss (cardCompanyName names both).
 */
export const TEST_WINDOW_CARDS: ReadonlyArray<{ code: string; label: string }> = [
  { code: '41', label: '신한' },
  { code: '11', label: '국민' },
  { code: '51', label: '삼성' },
  { code: '61', label: '현대' },
  { code: '71', label: '롯데' },
  { code: '21', label: '하나' },
  { code: 'W1', label: '우리' },
  { code: '31', label: 'BC' },
  { code: '91', label: 'NH농협' },
];

/** Korean card issuers allow installments from 50,000원; below it only 일시불 (0). */
export const INSTALLMENT_MIN_AMOUNT = 50_000;
export const INSTALLMENT_MONTHS: readonly number[] = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

export function installmentAllowed(amount: number, months: number): boolean {
  return months === 0 || (amount >= INSTALLMENT_MIN_AMOUNT && INSTALLMENT_MONTHS.includes(months));
}

/**
 * The payment window remembers the buyer's choice in the paymentKey it hands back
 * (tgk_<issuer code>_<months>_<random>), as a real PG remembers it on its side: the test gateway
 * keeps no table for authorisations, and confirm reads the card from the key.
 */
const WINDOW_KEY = /^tgk_([0-9A-Z]{2})_(\d{1,2})_[A-Za-z0-9_-]+$/;

export function windowPaymentKey(cardCode: string, months: number, random: string): string {
  return `tgk_${cardCode}_${months}_${random}`;
}

/** The card a window paymentKey carries; null for any other key. */
export function cardOfKey(paymentKey: string): { company: string; installmentMonths: number } | null {
  const match = WINDOW_KEY.exec(paymentKey);
  if (!match) return null;
  const code = match[1];
  if (code === undefined || !TEST_WINDOW_CARDS.some((c) => c.code === code)) return null;
  return { company: cardCompanyName(code) ?? code, installmentMonths: Number(match[2]) };
}

/** What a card issuer says to installments it does not allow (Toss: INVALID_CARD_INSTALLMENT_PLAN). */
export function invalidInstallments(paymentKey: string, amount: number): GatewayFailure | null {
  const card = cardOfKey(paymentKey);
  if (!card || installmentAllowed(amount, card.installmentMonths)) return null;
  return declined('INVALID_CARD_INSTALLMENT_PLAN', `할부 개월 정보가 잘못되었습니다 (${card.installmentMonths}개월, ${amount}원).`);
}

/** A well-formed amount of money to confirm or cancel; anything else is refused before it is remembered. */
export function invalidAmount(amount: number, code: string, what: string): GatewayFailure | null {
  return Number.isSafeInteger(amount) && amount > 0 ? null : declined(code, `${what} 금액은 1원 이상의 정수여야 합니다 (${amount}).`);
}

/**
 * The answer to a confirm, built from what the gateway keeps of it, so that a replay (on any
 * server) answers exactly the first result.
 */
export function capturedPayment(p: { paymentKey: string; amount: number; serial: number; confirmedAt: Date; depositSecret: string | null }): CapturedPayment {
  const serial = String(p.serial).padStart(8, '0');
  const base: CapturedPayment = {
    gatewayTransactionId: p.paymentKey,
    amount: p.amount,
    method: 'card',
    status: 'captured',
    paidAt: p.confirmedAt,
    cardCompany: null,
    cardNumberMasked: null,
    installmentMonths: null,
    easyPayProvider: null,
    virtualAccount: null,
    depositSecret: null,
  };
  switch (methodOfKey(p.paymentKey)) {
    case 'virtual_account':
      return {
        ...base,
        method: 'virtual_account',
        status: 'pending',
        paidAt: null,
        virtualAccount: { bank: '신한은행', accountNumber: `562${serial}0001`, holder: '주문테스트', dueAt: new Date(p.confirmedAt.getTime() + 3 * DAY_MS) },
        depositSecret: p.depositSecret,
      };
    case 'easy_pay':
      return { ...base, method: 'easy_pay', easyPayProvider: '토스페이' };
    case 'bank_transfer':
      return { ...base, method: 'bank_transfer' };
    case 'card': {
      const chosen = cardOfKey(p.paymentKey);
      return { ...base, cardCompany: chosen?.company ?? '신한카드', cardNumberMasked: `4330${serial.slice(-4)}****123*`, installmentMonths: chosen?.installmentMonths ?? 0 };
    }
  }
}

export const cancelIdOf = (serial: number) => `tcnl_${String(serial).padStart(8, '0')}`;

/**
 * Toss's rules for one cancel of a payment: what it declines, or the payment after the cancel.
 * `payment` is undefined for a paymentKey the gateway does not know.
 */
export function decideCancel(payment: HeldPayment | undefined, input: CancelInput): { ok: false; failure: GatewayFailure } | { ok: true; cancelled: number; remaining: number; state: TestPaymentState } {
  const no = (code: string, message: string) => ({ ok: false as const, failure: declined(code, message) });
  if (!payment) return no('PAYMENT_NOT_FOUND', `결제를 찾을 수 없습니다: ${input.paymentKey}`);
  if (payment.state === 'closed') return no('ALREADY_CANCELED_PAYMENT', '이미 취소된 결제 입니다.');
  const balance = payment.amount - payment.cancelled;
  if (input.amount > balance) return no('NOT_CANCELABLE_AMOUNT', `취소 할 수 없는 금액 입니다 (잔액 ${balance}원, 요청 ${input.amount}원).`);
  let state: TestPaymentState = payment.state;
  if (payment.state === 'awaiting_deposit') {
    // Before any deposit there is nothing to give back: cancelling closes the account, whole.
    if (input.amount !== balance) return no('NOT_CANCELABLE_AMOUNT', '입금 전 가상계좌는 전액만 취소할 수 있습니다.');
    state = 'closed';
  } else if (payment.method === 'virtual_account') {
    if (!input.refundAccount) return no('INVALID_REFUND_ACCOUNT_INFO', '가상계좌 환불에는 환불 계좌가 필요합니다.');
    if (!tossBankCode(input.refundAccount.bank)) return no('INVALID_REFUND_BANK', `환불 계좌 은행을 알 수 없습니다: ${input.refundAccount.bank}`);
  }
  return { ok: true, cancelled: payment.cancelled + input.amount, remaining: balance - input.amount, state };
}
