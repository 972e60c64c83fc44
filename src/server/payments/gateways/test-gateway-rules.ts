/**
 * What the test gateway decides, apart from where it keeps its records (test-gateway-store.ts):
 * which payment a paymentKey makes, what its confirm answers, and Toss's rules for a cancel.
 */
import { declined, type CancelInput, type CapturedMethod, type CapturedPayment, type GatewayFailure } from './gateway';
import { tossBankCode } from './toss-codes';

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
    case 'card':
      return { ...base, cardCompany: '신한카드', cardNumberMasked: `4330${serial.slice(-4)}****123*`, installmentMonths: 0 };
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
