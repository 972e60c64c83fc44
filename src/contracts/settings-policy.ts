import { z } from 'zod';
import { id, isoDateTime, postcode } from './common';

/**
 * 배송·반품 정책 (the shop policy's settings): fees in integer won, windows in days. A saved change
 * is a new version that orders placed from then on take; orders placed before keep theirs.
 */

/** A fee: integer won, 0 up to 1,000,000 (anything above is a typo, not a shipping fee). */
const fee = z.number().int('원 단위 정수로 입력하세요').min(0, '0원 이상이어야 합니다').max(1_000_000, '1,000,000원 이하여야 합니다');
const days = (min: number) => z.number().int('일 단위 정수로 입력하세요').min(min, `${min}일 이상이어야 합니다`).max(90, '90일 이하여야 합니다');

export const shippingPolicySchema = z.object({
  baseFee: fee,
  /** Items amount at or above which the base fee is waived; null: shipping is never free. */
  freeThreshold: z.number().int('원 단위 정수로 입력하세요').min(0, '0원 이상이어야 합니다').max(100_000_000, '100,000,000원 이하여야 합니다').nullable(),
  jejuFee: fee,
  islandFee: fee,
});

export const shopPolicySchema = z
  .object({
    shipping: shippingPolicySchema,
    returnShippingFee: fee,
    /** 1–90: a buyer always has some days to ask for a return on My Page. */
    returnWindowDays: days(1),
    /** 0 turns 자동 구매확정 off for orders placed under this version. */
    autoConfirmDays: days(0),
    /** 0 turns 미입금 자동취소 of 무통장 orders off for orders placed under this version. */
    unpaidCancelDays: days(0),
  })
  .meta({ id: 'ShopPolicy' });
export type ShopPolicyDto = z.infer<typeof shopPolicySchema>;

export const shopPolicyVersionSchema = z
  .object({
    /** The version's id: orders placed under it carry it (orders.policy_id). */
    id,
    policy: shopPolicySchema,
    setAt: isoDateTime,
    /** Who saved it; null for the shop's first version (made when the shop was). */
    setBy: z.object({ id, name: z.string() }).nullable(),
  })
  .meta({ id: 'ShopPolicyVersion' });
export type ShopPolicyVersionDto = z.infer<typeof shopPolicyVersionSchema>;

export const updateShopPolicyResponseSchema = shopPolicyVersionSchema
  .extend({
    /** false: the policy sent was the current one; nothing was written. */
    changed: z.boolean(),
  })
  .meta({ id: 'UpdateShopPolicyResponse' });
export type UpdateShopPolicyResponse = z.infer<typeof updateShopPolicyResponseSchema>;

export const policyPreviewRequestSchema = z
  .object({
    /** The policy being edited (not saved). */
    policy: shopPolicySchema,
    /** The sample cart's items amount (after discounts, as the free-shipping threshold reads it). */
    itemsAmount: z.number().int().min(0).max(100_000_000),
    /** One postcode per shipping address of the sample cart. */
    postcodes: z.array(postcode).min(1).max(5),
  })
  .meta({ id: 'ShopPolicyPreviewRequest' });
export type PolicyPreviewRequest = z.infer<typeof policyPreviewRequestSchema>;

const feeSchema = z.object({ base: z.number().int(), remote: z.number().int(), total: z.number().int(), toPay: z.number().int() });

export const policyPreviewSchema = z
  .object({
    /** What the sample cart would pay under the edited policy … */
    proposed: feeSchema,
    /** … and under the current one (what a buyer pays today). */
    current: feeSchema,
    /** Remote area per postcode, as the fee rule reads it. */
    areas: z.array(z.object({ postcode: z.string(), area: z.enum(['jeju', 'island']).nullable() })),
  })
  .meta({ id: 'ShopPolicyPreview' });
export type PolicyPreview = z.infer<typeof policyPreviewSchema>;
