import { z } from 'zod';
import { channel, externalId, id, isoDateTime, paymentMethod, phone, postcode, signedWon, won } from './common';

const text = (max: number) => z.string().trim().min(1).max(max);

export const addressInputSchema = z.object({
  recipientName: text(50),
  recipientPhone: phone,
  postcode,
  address1: text(200),
  address2: z.string().trim().max(200).default(''),
  deliveryNote: z.string().trim().max(200).optional(),
});

export const orderItemInputSchema = z
  .object({
    /** A catalog item: product (and option when the product has options), by Jumun's ids … */
    productId: id.optional(),
    optionId: id.optional(),
    /** … or by the storefront's own ids, as synced through the catalog API. */
    productExternalId: externalId.optional(),
    optionExternalId: externalId.optional(),
    /** A custom item (not in the catalog): name and price as sold. */
    custom: z.object({ name: text(200), optionName: z.string().trim().max(200).optional(), sku: z.string().max(100).optional(), unitPrice: won }).optional(),
    /** For catalog items: the price the storefront showed; refused when it differs from the catalog. */
    unitPrice: won.optional(),
    quantity: z.number().int().min(1).max(9999),
    /** Which of `addresses` the item ships to (0-based). */
    addressIndex: z.number().int().min(0).max(4).default(0),
  })
  .refine((i) => [i.productId, i.productExternalId, i.custom].filter((x) => x !== undefined).length === 1, {
    message: 'productId, productExternalId, custom 중 하나만 지정하세요',
  })
  .refine((i) => i.optionId === undefined || i.productId !== undefined, { message: 'optionId는 productId와 함께 지정하세요', path: ['optionId'] })
  .refine((i) => i.optionExternalId === undefined || i.productExternalId !== undefined, {
    message: 'optionExternalId는 productExternalId와 함께 지정하세요',
    path: ['optionExternalId'],
  });

export const paymentInputSchema = z.object({
  method: paymentMethod,
  /** What the buyer paid (or must deposit); checked against the order total computed by the server. */
  amount: won,
  status: z.enum(['paid', 'awaiting_deposit']),
  gateway: z.string().max(50).optional(),
  gatewayTransactionId: z.string().max(200).optional(),
  /** The orderId the storefront used at the gateway; its deposit callbacks name only this. */
  gatewayOrderId: z.string().max(200).optional(),
  /** The virtual account's `secret` from the gateway, which authenticates its deposit callback. */
  depositSecret: z.string().max(200).optional(),
  paidAt: isoDateTime.optional(),
  card: z.object({ company: text(50), numberMasked: z.string().max(30).optional(), installmentMonths: z.number().int().min(0).max(36).default(0) }).optional(),
  virtualAccount: z.object({ bank: text(50), accountNumber: text(50), holder: text(50), dueAt: isoDateTime.optional() }).optional(),
  bankTransfer: z.object({ bank: text(50), accountNumber: text(50), holder: text(50), depositorName: text(50), dueAt: isoDateTime.optional() }).optional(),
  easyPay: z.object({ provider: text(50) }).optional(),
});

export const createOrderRequestSchema = z
  .object({
    channel: channel.default('own_mall'),
    externalOrderId: z.string().max(100).optional(),
    orderedAt: isoDateTime.optional(),
    orderer: z.object({
      /** A member's id (Jumun's, or the storefront's member id); neither for a guest. */
      customerId: id.optional(),
      memberExternalId: externalId.optional(),
      name: text(50),
      phone,
      email: z.email().optional(),
      /** Guests look their order up with it on My Page. */
      guestPassword: z.string().min(4).max(100).optional(),
    })
      .refine((o) => o.customerId === undefined || o.memberExternalId === undefined, { message: 'customerId와 memberExternalId 중 하나만 지정하세요', path: ['memberExternalId'] }),
    addresses: z.array(addressInputSchema).min(1),
    items: z.array(orderItemInputSchema).min(1).max(200),
    /** Omitted: computed by the shop's shipping rule. Given: what the checkout charged. */
    shippingFee: won.optional(),
    /** The member's issued coupon, by Jumun's id or the storefront's id of the issued coupon. */
    discounts: z
      .object({ customerCouponId: id.optional(), issuedCouponExternalId: externalId.optional(), pointsUsed: won.default(0) })
      .refine((d) => d.customerCouponId === undefined || d.issuedCouponExternalId === undefined, {
        message: 'customerCouponId와 issuedCouponExternalId 중 하나만 지정하세요',
        path: ['issuedCouponExternalId'],
      })
      .default({ pointsUsed: 0 }),
    payment: paymentInputSchema,
  })
  .meta({ id: 'CreateOrderRequest' });
export type CreateOrderRequest = z.infer<typeof createOrderRequestSchema>;
/** A checkout before payment: what intake prices (the quote route takes it as it is). */
export type CheckoutInput = Omit<CreateOrderRequest, 'payment'>;

export const checkoutQuoteRequestSchema = createOrderRequestSchema.omit({ payment: true }).meta({ id: 'CheckoutQuoteRequest' });

/** What the checkout will cost, line by line, exactly as intake will charge it. */
export const checkoutQuoteSchema = z
  .object({
    items: z.array(
      z.object({
        productName: z.string(),
        optionName: z.string().nullable(),
        unitPrice: won,
        quantity: z.number().int(),
        gradeDiscountPerUnit: won,
        couponShare: won,
        pointsShare: won,
        /** After grade discount, before coupon and points. */
        amount: won,
      }),
    ),
    member: z.object({ gradeName: z.string().nullable(), gradeDiscountRate: z.number(), pointsBalance: won }).nullable(),
    totals: z.object({
      itemsSubtotal: won,
      gradeDiscount: won,
      couponDiscount: won,
      pointsUsed: won,
      shippingFee: won,
      /** 제주/도서산간 추가 배송비, included in shippingFee. */
      remoteShippingFee: won,
      /** What the payment must be: send it as `payment.amount`. */
      total: won,
    }),
  })
  .meta({ id: 'CheckoutQuote' });
export type CheckoutQuote = z.infer<typeof checkoutQuoteSchema>;

const quantityByStatus = z.record(z.string(), z.number().int());

export const orderItemSchema = z.object({
  id,
  productId: id.nullable(),
  optionId: id.nullable(),
  productName: z.string(),
  optionName: z.string().nullable(),
  sku: z.string().nullable(),
  isCustom: z.boolean(),
  unitPrice: won,
  quantity: z.number().int(),
  gradeDiscountPerUnit: won,
  manualDiscountPerUnit: won,
  couponShare: won,
  pointsShare: won,
  amount: signedWon,
  quantityByStatus,
});

export const orderDetailSchema = z
  .object({
    id,
    orderNumber: z.string(),
    version: z.number().int(),
    channel: z.string(),
    externalOrderId: z.string().nullable(),
    orderedAt: isoDateTime,
    orderStatus: z.string(),
    orderStatusLabel: z.string(),
    paymentStatus: z.string(),
    paymentStatusLabel: z.string(),
    orderer: z.object({ customerId: id.nullable(), isMember: z.boolean(), name: z.string(), phone: z.string(), email: z.string().nullable(), gradeName: z.string().nullable() }),
    addresses: z.array(
      z.object({ id, position: z.number().int(), recipientName: z.string(), recipientPhone: z.string(), postcode: z.string(), address1: z.string(), address2: z.string(), deliveryNote: z.string().nullable() }),
    ),
    items: z.array(orderItemSchema),
    shipmentGroups: z.array(
      z.object({
        id,
        addressId: id,
        status: z.string(),
        statusLabel: z.string(),
        /** The courier code (CJ, HANJIN …; a courier we do not know as typed). */
        courier: z.string().nullable(),
        /** The courier's name in the request's language ("CJ대한통운"), for people. */
        courierLabel: z.string().nullable(),
        trackingNumber: z.string().nullable(),
        shippedAt: isoDateTime.nullable(),
        deliveredAt: isoDateTime.nullable(),
        items: z.array(z.object({ itemId: id, quantity: z.number().int() })),
        /** Units an edit added that wait for the buyer's additional payment (추가 결제 대기): 입금대기, left out of shipping. */
        heldForAdditionalPayment: z.boolean(),
      }),
    ),
    claims: z.array(
      z.object({ id, kind: z.string(), status: z.string(), statusLabel: z.string(), createdAt: isoDateTime, items: z.array(z.object({ itemId: id, quantity: z.number().int() })) }),
    ),
    payments: z.array(
      z.object({
        id,
        method: z.string(),
        status: z.string(),
        amount: won,
        capturedAmount: won,
        refundedAmount: won,
        gateway: z.string().nullable(),
        gatewayTransactionId: z.string().nullable(),
        cardCompany: z.string().nullable(),
        cardNumberMasked: z.string().nullable(),
        installmentMonths: z.number().int().nullable(),
        easyPayProvider: z.string().nullable(),
        virtualAccount: z.object({ bank: z.string(), accountNumber: z.string(), holder: z.string(), dueAt: isoDateTime.nullable() }).nullable(),
        depositorName: z.string().nullable(),
        paidAt: isoDateTime.nullable(),
      }),
    ),
    totals: z.object({
      itemsSubtotal: won,
      gradeDiscount: won,
      manualDiscount: won,
      couponDiscount: won,
      pointsUsed: won,
      shippingFee: won,
      remoteShippingFee: won,
      orderTotal: signedWon,
      paid: won,
      refunded: won,
      balanceDue: signedWon,
    }),
    memoCount: z.number().int(),
  })
  .meta({ id: 'OrderDetail' });
export type OrderDetail = z.infer<typeof orderDetailSchema>;
