import { z } from 'zod';
import { CLAIM_REASON_CODES } from '../domain/claim-reasons';
import { EXPLAINED_COMPONENTS, REFUND_REASON_CODES } from '../domain/refund-explanation';
import { id, isoDateTime, phone, postcode, signedWon, won } from './common';

const text = (max: number) => z.string().trim().min(1).max(max);
const expectedVersion = z.number().int().positive().optional();

export const CLAIM_STATUSES = [
  'cancel_requested', 'cancelled',
  'return_requested', 'return_collecting', 'return_collected', 'returned',
  'exchange_requested', 'exchange_collecting', 'exchange_collected', 'exchange_reshipped', 'exchanged',
] as const;

/** Units of one item taken from one shipment group. */
export const claimUnitsSchema = z.object({ itemId: id, shipmentGroupId: id, quantity: z.number().int().min(1).max(9999) });

/** Staff adjustments of the proposed refund; each omitted component keeps its proposed value. */
export const refundAdjustmentsSchema = z
  .object({
    /** Coupon discount taken off the order (0 … the order's coupon discount). */
    couponRemoved: won.optional(),
    /** Points given back to the member (0 … the points used). */
    pointsRestored: won.optional(),
    /** Shipping change: negative refunds shipping, positive charges shipping now due. */
    shippingChange: signedWon.optional(),
    /** What the shop keeps (return shipping …); added to the order as a fee. */
    deduction: won.optional(),
  })
  .meta({ id: 'RefundAdjustments' });

/** Where a 무통장 or virtual-account refund is sent. */
export const refundAccountSchema = z
  .object({ bank: text(50), accountNumber: z.string().trim().regex(/^[0-9-]{6,30}$/, '계좌번호는 숫자와 하이픈만 입력하세요'), holderName: text(50) })
  .meta({ id: 'RefundAccount' });

const pickupTracking = { courier: z.string().trim().max(50).optional(), trackingNumber: z.string().trim().max(50).optional(), pickupDate: z.iso.date().optional() };

/** Where a return or exchange is collected; any address, not only the order's. */
export const pickupSchema = z.object({ name: text(50), phone, postcode, address1: text(200), address2: z.string().trim().max(200).default(''), ...pickupTracking }).meta({ id: 'Pickup' });

const claimItems = z.array(claimUnitsSchema).min(1).max(200);

/**
 * Why the claim was made: a preset reason, kept as a code to count and filter by, and words beside
 * it (required with 'other': 400 CLAIM_REASON_TEXT_REQUIRED). `reason` is the free text older
 * clients send; it is kept as 'other' with that text.
 */
const claimReason = {
  reasonCode: z.enum(CLAIM_REASON_CODES).optional(),
  reasonText: z.string().trim().max(500).optional(),
  /** Deprecated: free text, kept as reasonCode 'other' with this text. One of reasonCode or reason is required (400 CLAIM_REASON_REQUIRED). */
  reason: text(500).optional(),
};
/** Who caused a return or exchange (who pays its shipping); without it, the reason decides (상품 불량, 오배송, 배송 지연: the shop). */
const fault = z.enum(['buyer', 'shop']).optional();

export const cancellationPreviewSchema = z.object({ items: claimItems, refund: refundAdjustmentsSchema.optional() }).meta({ id: 'CancellationPreviewRequest' });

export const cancellationRequestSchema = z
  .object({
    expectedVersion,
    items: claimItems,
    ...claimReason,
    /** true: 취소완료 now, with the refund; false: 취소접수 only. */
    complete: z.boolean(),
    refund: refundAdjustmentsSchema.optional(),
    refundAccount: refundAccountSchema.optional(),
  })
  .meta({ id: 'CancellationRequest' });

export const returnRequestSchema = z
  .object({ expectedVersion, items: claimItems, ...claimReason, fault, pickup: pickupSchema, restock: z.boolean() })
  .meta({ id: 'ReturnRequest' });

export const exchangeRequestSchema = z
  .object({ expectedVersion, items: claimItems, ...claimReason, fault, pickup: pickupSchema, replacementOptionId: id.optional() })
  .meta({ id: 'ExchangeRequest' });

export const claimStatusRequestSchema = z
  .object({
    expectedVersion,
    to: z.enum(CLAIM_STATUSES),
    /** Pickup courier and tracking, set when collection starts (수거중). */
    pickup: z.object(pickupTracking).optional(),
    /** The re-shipment of an exchange (교환발송). */
    reshipment: z.object({ courier: text(50), trackingNumber: text(50) }).optional(),
  })
  .meta({ id: 'ClaimStatusRequest' });

export const claimCompleteRequestSchema = z.object({ expectedVersion, refund: refundAdjustmentsSchema.optional(), refundAccount: refundAccountSchema.optional() }).meta({ id: 'ClaimCompleteRequest' });
export const claimCompletePreviewSchema = z.object({ refund: refundAdjustmentsSchema.optional() });
export const versionOnlySchema = z.object({ expectedVersion });

/**
 * Why a figure of a refund is what it is: `code` and the figures it used (`figures`), and `text`,
 * the sentence in the request's language. The `amount`s of the lines of one `component` sum to it.
 */
export const refundExplanationLineSchema = z
  .object({
    component: z.enum(EXPLAINED_COMPONENTS),
    code: z.enum(REFUND_REASON_CODES),
    amount: signedWon,
    text: z.string(),
    figures: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
  })
  .meta({ id: 'RefundExplanationLine' });
export type RefundExplanationLineDto = z.infer<typeof refundExplanationLineSchema>;

const moneyComponents = { couponRemoved: won, pointsRestored: won, shippingChange: signedWon, deduction: won };

export const refundProposalSchema = z
  .object({
    itemsAmount: won,
    ...moneyComponents,
    shippingBaseChange: signedWon,
    remoteShippingChange: signedWon,
    /** How much the order total falls. */
    totalReduction: won,
    /** The part of it that lowers what the buyer still owed instead of being paid back. */
    settlesBalanceDue: won,
    /** The cash refund. */
    amount: won,
    refundable: won,
    fullClaim: z.boolean(),
    proposed: z.object(moneyComponents),
    adjusted: z.array(z.enum(['couponRemoved', 'pointsRestored', 'shippingChange', 'deduction'])),
    waived: z.object({ shipping: won, deduction: won }),
    lines: z.array(z.object({ itemId: id, quantity: z.number().int(), amount: won, couponShare: won, pointsShare: won })),
    after: z.object({ couponDiscount: won, pointsUsed: won, shippingFee: won, remoteShippingFee: won, feesAmount: won, orderTotal: signedWon, balanceDue: signedWon }),
    /** Why each figure is what it is; a figure of 0 needs no line. */
    explanation: z.array(refundExplanationLineSchema),
  })
  .meta({ id: 'RefundProposal' });
export type RefundProposalDto = z.infer<typeof refundProposalSchema>;

export const refundSchema = z
  .object({
    id,
    claimId: id.nullable(),
    amount: won,
    /** Items net of the coupon and points they took: amount = itemsAmount + shippingAmount − deductionAmount − what settled a balance due. */
    itemsAmount: signedWon,
    shippingAmount: signedWon,
    couponRestored: won,
    pointsRestored: won,
    deductionAmount: won,
    reason: z.string().nullable(),
    /** Why each figure is what it is, as proposed and adjusted when the claim completed (empty for refunds of an overpayment, and for those made before explanations were kept). */
    explanation: z.array(refundExplanationLineSchema),
    method: z.enum(['gateway', 'bank_transfer', 'none']),
    refundAccount: refundAccountSchema.nullable(),
    status: z.enum(['pending', 'done', 'failed', 'voided']),
    failureMessage: z.string().nullable(),
    attempts: z.number().int(),
    createdAt: isoDateTime,
    executedAt: isoDateTime.nullable(),
    parts: z.array(z.object({ paymentId: id, method: z.string(), amount: won, status: z.enum(['pending', 'done', 'failed', 'voided']), gatewayCancelId: z.string().nullable() })),
  })
  .meta({ id: 'Refund' });
export type RefundDto = z.infer<typeof refundSchema>;

export const claimSchema = z
  .object({
    id,
    kind: z.enum(['cancel', 'return', 'exchange']),
    status: z.string(),
    statusLabel: z.string(),
    /** The reason in words: the preset's label in the request's language, and the words given beside it. */
    reason: z.string().nullable(),
    reasonCode: z.enum(CLAIM_REASON_CODES).nullable(),
    reasonText: z.string().nullable(),
    fault: z.enum(['buyer', 'shop']).nullable(),
    requestedBy: z.string(),
    /** `courier` is stored as a code (CJ …) when known; `courierLabel`, next to it, names it in the request's language. */
    pickup: pickupSchema.extend({ courierLabel: z.string().optional() }).nullable(),
    restock: z.boolean(),
    replacementOptionId: id.nullable(),
    reshipment: z.object({ courier: z.string().nullable(), courierLabel: z.string().nullable(), trackingNumber: z.string().nullable() }).nullable(),
    createdAt: isoDateTime,
    completedAt: isoDateTime.nullable(),
    items: z.array(z.object({ itemId: id, quantity: z.number().int(), fromShipmentGroupId: id, fromStatus: z.string() })),
    refunds: z.array(refundSchema),
  })
  .meta({ id: 'Claim' });
export type ClaimDto = z.infer<typeof claimSchema>;

export const claimResultSchema = z
  .object({
    claim: claimSchema.nullable(),
    refund: refundSchema.nullable(),
    proposal: refundProposalSchema.nullable(),
    /** A buyer's-fault exchange: the shipping the shop may ask the buyer for (nothing is charged automatically). */
    buyerShippingFee: won.nullable(),
  })
  .meta({ id: 'ClaimResult' });
export type ClaimResult = z.infer<typeof claimResultSchema>;

export const claimListSchema = z.object({ claims: z.array(claimSchema) }).meta({ id: 'ClaimList' });
export const refundListSchema = z.object({ refunds: z.array(refundSchema) }).meta({ id: 'RefundList' });
export const refundResultSchema = z.object({ refund: refundSchema }).meta({ id: 'RefundResult' });
