/**
 * Prices an order: per-line grade and manual discounts, then the order coupon and the points used
 * spread over the lines. The same function prices order edits (a replayed order is priced again)
 * and the refund of a cancel or return (the difference of two pricings), so every won of a line's
 * net amount is traceable to one of these steps.
 */
import { isValidRate, isWon, percentOf, prorate, sumWon, type Won } from './money';

export type ManualDiscount = { kind: 'rate'; ratePercent: number } | { kind: 'amount'; amountPerUnit: Won };

export interface PricingLineInput {
  unitPrice: Won;
  quantity: number;
  /** The member grade's discount, in percent. */
  gradeDiscountRate?: number;
  manualDiscount?: ManualDiscount;
}

export interface PricingInput {
  lines: ReadonlyArray<PricingLineInput>;
  couponDiscount: Won;
  pointsUsed: Won;
  shippingFee: Won;
}

export interface PricedLine {
  unitPrice: Won;
  quantity: number;
  /** unitPrice × quantity */
  subtotal: Won;
  gradeDiscountPerUnit: Won;
  gradeDiscount: Won;
  manualDiscountPerUnit: Won;
  manualDiscount: Won;
  /** subtotal − gradeDiscount − manualDiscount */
  amount: Won;
  couponShare: Won;
  pointsShare: Won;
  /** amount − couponShare − pointsShare; never negative */
  netAmount: Won;
}

export interface PricedOrder {
  lines: PricedLine[];
  /** Σ unitPrice × quantity */
  itemsSubtotal: Won;
  gradeDiscountTotal: Won;
  manualDiscountTotal: Won;
  /** after grade and manual discounts */
  itemsAmount: Won;
  couponDiscount: Won;
  pointsUsed: Won;
  shippingFee: Won;
  /** itemsAmount + shippingFee − couponDiscount − pointsUsed */
  total: Won;
}

export type PricingFailureCode = 'INVALID_QUANTITY' | 'INVALID_AMOUNT' | 'DISCOUNT_EXCEEDS_AMOUNT';

export type PricingResult = { ok: true; order: PricedOrder } | { ok: false; code: PricingFailureCode; message: string };

const fail = (code: PricingFailureCode, message: string): PricingResult => ({ ok: false, code, message });
const isNonNegativeWon = (n: unknown): n is Won => isWon(n) && n >= 0;
/** Discount rates are percentages of at most 100 with at most two decimals. */
const isDiscountRate = (r: number): boolean => isValidRate(r) && r <= 100;

type LineBeforeShares = Omit<PricedLine, 'couponShare' | 'pointsShare' | 'netAmount'>;

function priceLine(line: PricingLineInput, index: number): LineBeforeShares | Extract<PricingResult, { ok: false }> {
  const where = `line ${index + 1}`;
  if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) {
    return { ok: false, code: 'INVALID_QUANTITY', message: `${where}: quantity must be a positive integer` };
  }
  if (!isNonNegativeWon(line.unitPrice)) return { ok: false, code: 'INVALID_AMOUNT', message: `${where}: unit price must be a non-negative integer` };
  const gradeRate = line.gradeDiscountRate ?? 0;
  if (!isDiscountRate(gradeRate)) return { ok: false, code: 'INVALID_AMOUNT', message: `${where}: grade discount rate must be 0–100 with at most 2 decimals` };

  const gradeDiscountPerUnit = percentOf(line.unitPrice, gradeRate);
  const afterGrade = line.unitPrice - gradeDiscountPerUnit;
  let manualDiscountPerUnit = 0;
  const manual = line.manualDiscount;
  if (manual?.kind === 'rate') {
    if (!isDiscountRate(manual.ratePercent)) return { ok: false, code: 'INVALID_AMOUNT', message: `${where}: manual discount rate must be 0–100 with at most 2 decimals` };
    // stacked on the grade discount, as a staff discount is given on the price the member sees
    manualDiscountPerUnit = percentOf(afterGrade, manual.ratePercent);
  } else if (manual?.kind === 'amount') {
    if (!isNonNegativeWon(manual.amountPerUnit)) return { ok: false, code: 'INVALID_AMOUNT', message: `${where}: manual discount must be a non-negative integer` };
    manualDiscountPerUnit = Math.min(manual.amountPerUnit, afterGrade);
  }

  const subtotal = line.unitPrice * line.quantity;
  if (!Number.isSafeInteger(subtotal)) return { ok: false, code: 'INVALID_AMOUNT', message: `${where}: amount is too large` };
  const gradeDiscount = gradeDiscountPerUnit * line.quantity;
  const manualDiscount = manualDiscountPerUnit * line.quantity;
  return {
    unitPrice: line.unitPrice,
    quantity: line.quantity,
    subtotal,
    gradeDiscountPerUnit,
    gradeDiscount,
    manualDiscountPerUnit,
    manualDiscount,
    amount: subtotal - gradeDiscount - manualDiscount,
  };
}

/**
 * Prices the order. The coupon discounts items only (never shipping), and coupon plus points may
 * not exceed the discounted items amount.
 *
 * The coupon is prorated over the lines by `amount`; the points are then prorated by what each
 * line still costs after its coupon share. Prorating both by `amount` independently could round
 * both shares of one line up and push its net amount below zero; this order cannot, because no
 * share exceeds its weight when the split total does not exceed the weights' sum.
 */
export function priceOrder(input: PricingInput): PricingResult {
  const priced: LineBeforeShares[] = [];
  for (const [i, line] of input.lines.entries()) {
    const r = priceLine(line, i);
    if ('ok' in r) return r;
    priced.push(r);
  }
  for (const [name, value] of [
    ['coupon discount', input.couponDiscount],
    ['points used', input.pointsUsed],
    ['shipping fee', input.shippingFee],
  ] as const) {
    if (!isNonNegativeWon(value)) return fail('INVALID_AMOUNT', `${name} must be a non-negative integer`);
  }

  const grandSubtotal = priced.reduce((sum, l) => sum + l.subtotal, 0);
  if (!Number.isSafeInteger(grandSubtotal + input.shippingFee)) return fail('INVALID_AMOUNT', 'order amount is too large');

  const amounts = priced.map((l) => l.amount);
  const itemsAmount = sumWon(amounts);
  if (input.couponDiscount + input.pointsUsed > itemsAmount) {
    return fail('DISCOUNT_EXCEEDS_AMOUNT', `coupon (${input.couponDiscount}) and points (${input.pointsUsed}) exceed the items amount (${itemsAmount})`);
  }

  const couponShares = prorate(input.couponDiscount, amounts);
  const afterCoupon = amounts.map((a, i) => a - (couponShares[i] ?? 0));
  const pointsShares = prorate(input.pointsUsed, afterCoupon);

  const lines: PricedLine[] = priced.map((l, i) => {
    const couponShare = couponShares[i] ?? 0;
    const pointsShare = pointsShares[i] ?? 0;
    return { ...l, couponShare, pointsShare, netAmount: l.amount - couponShare - pointsShare };
  });

  return {
    ok: true,
    order: {
      lines,
      itemsSubtotal: grandSubtotal,
      gradeDiscountTotal: sumWon(priced.map((l) => l.gradeDiscount)),
      manualDiscountTotal: sumWon(priced.map((l) => l.manualDiscount)),
      itemsAmount,
      couponDiscount: input.couponDiscount,
      pointsUsed: input.pointsUsed,
      shippingFee: input.shippingFee,
      total: itemsAmount + input.shippingFee - input.couponDiscount - input.pointsUsed,
    },
  };
}
