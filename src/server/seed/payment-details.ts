/**
 * What a Korean PG reports about a payment, made up plausibly: card company and masked number with
 * installment months, virtual account bank/number/holder/due date, 무통장 depositor, easy-pay
 * provider, and a gateway transaction id in the style of a Toss paymentKey.
 */
import type { payments } from '../db/schema/index';
import type { Rng } from './random';

export type PaymentMethod = 'card' | 'virtual_account' | 'bank_transfer' | 'easy_pay' | 'points_only';
export type PaymentRow = typeof payments.$inferInsert & { id: number; capturedAmount: number; refundedAmount: number; amount: number };

/** Card company with the BIN its masked numbers start with. */
const CARD_COMPANIES: ReadonlyArray<readonly [readonly [string, string], number]> = [
  [['신한카드', '4518'], 20], [['삼성카드', '5365'], 16], [['KB국민카드', '9490'], 16], [['현대카드', '4330'], 14],
  [['롯데카드', '5409'], 8], [['하나카드', '4021'], 7], [['우리카드', '5522'], 6], [['BC카드', '9411'], 7], [['NH농협카드', '5461'], 6],
];
const BANKS = ['국민은행', '신한은행', '우리은행', '하나은행', '농협은행', 'IBK기업은행', '카카오뱅크', '토스뱅크'];
const EASY_PAY: ReadonlyArray<readonly [string, number]> = [['네이버페이', 45], ['카카오페이', 35], ['토스페이', 20]];
const KEY_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';

function gatewayKey(rng: Rng, prefix: string): string {
  let s = prefix;
  for (let i = 0; i < 20; i++) s += KEY_CHARS[rng.int(0, KEY_CHARS.length - 1)];
  return s;
}

/** The shop's own account that 무통장 buyers transfer to. */
export const SHOP_BANK_ACCOUNT = { bank: '국민은행', accountNumber: '123456-01-234567' };

export interface PaymentDraftInput {
  id: number;
  shopId: number;
  orderId: number;
  method: PaymentMethod;
  amount: number;
  createdAt: Date;
  ordererName: string;
  shopName: string;
  paymentRequestId?: number;
}

/** A payment as first reported: captured for card, easy pay and points; pending for deposits. */
export function draftPayment(rng: Rng, p: PaymentDraftInput): PaymentRow {
  const base: PaymentRow = {
    shopId: p.shopId,
    id: p.id,
    orderId: p.orderId,
    paymentRequestId: p.paymentRequestId ?? null,
    method: p.method,
    status: 'captured',
    amount: p.amount,
    capturedAmount: p.amount,
    refundedAmount: 0,
    gateway: null,
    gatewayTransactionId: null,
    easyPayProvider: null,
    cardCompany: null,
    cardNumberMasked: null,
    installmentMonths: null,
    vaBank: null,
    vaAccountNumber: null,
    vaHolder: null,
    vaDueAt: null,
    depositorName: null,
    paidAt: p.createdAt,
    createdAt: p.createdAt,
  };
  const gateway = rng.chance(0.95) ? 'toss' : 'test';
  switch (p.method) {
    case 'card': {
      const [company, bin] = rng.weighted(CARD_COMPANIES);
      const installment = p.amount >= 50_000 && rng.chance(0.3) ? rng.pick([2, 3, 6]) : 0;
      return { ...base, gateway, gatewayTransactionId: gatewayKey(rng, 'tgen_'), cardCompany: company, cardNumberMasked: `${bin}-****-****-${rng.digits(4)}`, installmentMonths: installment };
    }
    case 'easy_pay':
      return { ...base, gateway, gatewayTransactionId: gatewayKey(rng, 'tgen_'), easyPayProvider: rng.weighted(EASY_PAY) };
    case 'virtual_account':
      return {
        ...base,
        status: 'pending',
        capturedAmount: 0,
        paidAt: null,
        gateway,
        gatewayTransactionId: gatewayKey(rng, 'tviva'),
        vaBank: rng.pick(BANKS),
        vaAccountNumber: rng.digits(14),
        vaHolder: p.shopName,
        vaDueAt: depositDueAt(p.createdAt),
      };
    case 'bank_transfer':
      return {
        ...base,
        status: 'pending',
        capturedAmount: 0,
        paidAt: null,
        vaBank: SHOP_BANK_ACCOUNT.bank,
        vaAccountNumber: SHOP_BANK_ACCOUNT.accountNumber,
        vaHolder: p.shopName,
        vaDueAt: depositDueAt(p.createdAt),
        // buyers now and then transfer under another family member's name
        depositorName: rng.chance(0.9) ? p.ordererName : `${p.ordererName.slice(0, 1)}${rng.pick(['영희', '철수', '민수', '순자'])}`,
      };
    case 'points_only':
      return base;
  }
}

/** Deposits are due by 23:59:59 KST on the third day after the order. */
export function depositDueAt(orderedAt: Date): Date {
  const KST = 9 * 3_600_000;
  const day = Math.floor((orderedAt.getTime() + KST) / 86_400_000) + 3;
  return new Date((day + 1) * 86_400_000 - KST - 1000);
}

/** Where a refund of a deposit payment goes: the buyer's own account. */
export function refundAccount(rng: Rng, holder: string): { bank: string; accountNumber: string; holder: string } {
  return { bank: rng.pick(BANKS), accountNumber: `${rng.digits(3)}-${rng.digits(6)}-${rng.digits(5)}`, holder };
}

export function gatewayCancelId(rng: Rng): string {
  return gatewayKey(rng, 'tcnl_');
}
