import { z } from 'zod';
import { id, isoDateTime, signedWon, won } from './common';
import { paymentRequestSchema } from './payment-requests';

/** 판매가 할인: a rate in percent (up to 2 decimals) or an amount off each unit. */
export const manualDiscountSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rate'), ratePercent: z.number().min(0).max(100) }),
  z.object({ kind: z.literal('amount'), amountPerUnit: won }),
]);

const quantity = z.number().int().min(1).max(9999);

/** The actions of an order edit, replayed in order (Medusa-style order change). */
export const editActionSchema = z
  .discriminatedUnion('type', [
    z
      .object({
        type: z.literal('add_item'),
        /** A catalog product (and its option), sold at the catalog price … */
        productId: id.optional(),
        optionId: id.optional(),
        /** … or a custom item with its own name and price. */
        custom: z.object({ name: z.string().trim().min(1).max(200), optionName: z.string().trim().max(200).optional(), sku: z.string().max(100).optional(), unitPrice: won }).optional(),
        quantity,
        /** One of the order's addresses; the first when absent. */
        addressId: id.optional(),
      })
      .refine((a) => (a.productId === undefined) !== (a.custom === undefined), { message: 'productId 또는 custom 중 하나만 지정하세요' }),
    z
      .object({
        type: z.literal('set_manual_discount'),
        /** 0-based index among the items this edit adds (in action order). */
        addedItem: z.number().int().min(0).max(199).optional(),
        /** An existing item: refused with MANUAL_DISCOUNT_ONLY_FOR_ADDED_ITEMS. */
        itemId: id.optional(),
        discount: manualDiscountSchema.nullable(),
      })
      .refine((a) => (a.addedItem === undefined) !== (a.itemId === undefined), { message: 'addedItem 또는 itemId 중 하나만 지정하세요' }),
    z.object({ type: z.literal('set_quantity'), itemId: id, quantity }),
    z.object({ type: z.literal('apply_coupon'), customerCouponId: id }),
    /** Points spent by this edit, on top of those the order already used. */
    z.object({ type: z.literal('use_points'), amount: won.min(1) }),
  ])
  .meta({ id: 'EditAction' });
export type EditAction = z.infer<typeof editActionSchema>;

export const editActionsSchema = z.array(editActionSchema).min(1).max(100);

export const createEditRequestSchema = z
  .object({
    /** The order version the edit is based on (or If-Match); the commit is refused once the order moves on. */
    expectedVersion: z.number().int().positive().optional(),
    actions: editActionsSchema,
  })
  .meta({ id: 'CreateEditRequest' });

export const commitEditRequestSchema = z
  .object({
    expectedVersion: z.number().int().positive().optional(),
    /**
     * 추가 결제 요청: asks the buyer for the additional amount on My Page. Ignored when the edit
     * leaves nothing to pay (the result then says so), so a dialog may always send it.
     */
    paymentRequest: z.object({ reason: z.string().trim().min(1).max(200), dueAt: isoDateTime.optional() }).optional(),
  })
  .meta({ id: 'CommitEditRequest' });

const totalsSchema = z.object({
  itemsSubtotal: won,
  gradeDiscount: won,
  manualDiscount: won,
  itemsAmount: won,
  couponDiscount: won,
  pointsUsed: won,
  shippingFee: won,
  remoteShippingFee: won,
  feesAmount: won,
  total: signedWon,
});

export const editPreviewSchema = z
  .object({
    lines: z.array(
      z.object({
        itemId: id.nullable(),
        addedIndex: z.number().int().nullable(),
        change: z.enum(['added', 'quantity_changed', 'unchanged']),
        productId: id.nullable(),
        optionId: id.nullable(),
        productName: z.string(),
        optionName: z.string().nullable(),
        isCustom: z.boolean(),
        unitPrice: won,
        gradeDiscountPerUnit: won,
        manualDiscountPerUnit: won,
        manualDiscount: manualDiscountSchema.nullable(),
        quantityBefore: z.number().int(),
        quantityAfter: z.number().int(),
        amount: won,
        couponShare: won,
        pointsShare: won,
        netAmount: won,
        addressId: id.nullable(),
      }),
    ),
    totalsBefore: totalsSchema,
    totalsAfter: totalsSchema,
    /** totalsAfter.total − totalsBefore.total */
    difference: signedWon,
    balanceDueBefore: signedWon,
    balanceDueAfter: signedWon,
    /** What the buyer owes beyond what was already asked of them (추가 결제 요청 amount). */
    additionalPayment: won,
    /** What the shop owes beyond refunds already decided; executed through the refunds routes. */
    refundProposal: won,
    couponApplied: z.object({ customerCouponId: id, name: z.string(), discount: won }).nullable(),
    pointsSpent: won,
  })
  .meta({ id: 'EditPreview' });
export type EditPreview = z.infer<typeof editPreviewSchema>;

export const editSchema = z
  .object({
    editId: id,
    orderId: id,
    status: z.enum(['previewed', 'committed', 'discarded']),
    baseVersion: z.number().int(),
    actions: z.array(editActionSchema),
    preview: editPreviewSchema,
    createdAt: isoDateTime,
    committedAt: isoDateTime.nullable(),
  })
  .meta({ id: 'OrderEdit' });
export type Edit = z.infer<typeof editSchema>;

export const createEditResponseSchema = z.object({ editId: id, baseVersion: z.number().int(), preview: editPreviewSchema }).meta({ id: 'EditPreviewResponse' });
export type CreateEditResponse = z.infer<typeof createEditResponseSchema>;

export const commitEditResultSchema = z.object({
  editId: id,
  /** Recomputed on the locked order at commit time, never the stored preview. */
  preview: editPreviewSchema,
  additionalPayment: won,
  paymentRequest: paymentRequestSchema.nullable(),
  /** The shop owes money back: an amount for the refunds module to pay, nothing executed here. */
  refundProposal: z.object({ amount: won }).nullable(),
});
export type CommitEditResult = z.infer<typeof commitEditResultSchema>;
