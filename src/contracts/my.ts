/**
 * The buyer's My Page API (/api/v1/my/…): shapes shared by the server and src/web/my-page. Orders
 * are named by their order number; money is integer won; labels come in the request's language.
 * Nothing here is a staff shape: what a buyer sees is chosen field by field (no memos, no staff
 * names, no internal notes).
 */
import { z } from 'zod';
import { CLAIM_REASON_CODES } from '../domain/claim-reasons';
import { refundAccountSchema } from './claims';
import { id, isoDateTime, phone, postcode, signedWon, won } from './common';

const expectedVersion = z.number().int().positive().optional();
const text = (max: number) => z.string().trim().min(1).max(max);

// ── sign-in ──────────────────────────────────────────────────────────────────────────────────────

/**
 * 비회원 주문조회: the order number, the orderer's phone number or name, and the order password.
 * `shopId` (the `shop` of a `/my?shop=<id>` link) may be left out when the installation has one shop.
 */
export const guestLookupRequestSchema = z
  .object({ shopId: id.optional(), orderNumber: text(40), contact: text(50), password: z.string().min(1).max(100) })
  .meta({ id: 'GuestLookupRequest' });

export const handoffRequestSchema = z.object({ token: z.string().min(1).max(2000) }).meta({ id: 'HandoffRequest' });

export const mySessionSchema = z
  .object({
    buyer: z.enum(['member', 'guest']),
    name: z.string(),
    shop: z.object({ id, name: z.string() }),
    /** A guest session reaches this one order. */
    orderNumber: z.string().nullable(),
  })
  .meta({ id: 'MySession' });
export type MySession = z.infer<typeof mySessionSchema>;

// ── orders ───────────────────────────────────────────────────────────────────────────────────────

/** So many units of an item in one status: what a buyer reads as "배송중 2개". */
export const myUnitsSchema = z.object({ status: z.string(), statusLabel: z.string(), quantity: z.number().int() });

export const myOrderSummarySchema = z
  .object({
    orderNumber: z.string(),
    orderedAt: isoDateTime,
    itemSummary: z.string(),
    itemCount: z.number().int(),
    totalAmount: won,
    balanceDue: signedWon,
    /** Units per status over the whole order, in the order of the status flow. */
    statuses: z.array(myUnitsSchema),
    /** Open 추가 결제 요청: shown on top of the list. */
    openPaymentRequests: z.number().int(),
  })
  .meta({ id: 'MyOrderSummary' });

export const myOrderListSchema = z.object({ orders: z.array(myOrderSummarySchema), nextCursor: z.string().nullable() }).meta({ id: 'MyOrderList' });

export const myOrderListQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(50).default(20), cursor: z.string().max(200).optional() });

export const myParcelSchema = z.object({
  shipmentGroupId: id,
  addressId: id,
  status: z.string(),
  statusLabel: z.string(),
  courier: z.string().nullable(),
  courierLabel: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  /** The courier's own tracking page for this number, when the courier is known. */
  trackingUrl: z.string().nullable(),
  shippedAt: isoDateTime.nullable(),
  deliveredAt: isoDateTime.nullable(),
  items: z.array(z.object({ itemId: id, quantity: z.number().int() })),
  /** 입금대기 because an edit added these units and the buyer has not paid for them yet. */
  awaitingAdditionalPayment: z.boolean(),
});

export const myItemSchema = z.object({
  itemId: id,
  productName: z.string(),
  optionName: z.string().nullable(),
  unitPrice: won,
  quantity: z.number().int(),
  /** What the buyer pays for the line after grade, manual, coupon and points shares. */
  amount: won,
  units: z.array(myUnitsSchema),
  /** Other options of the same product at the same price, for an exchange. */
  exchangeOptions: z.array(z.object({ optionId: id, name: z.string(), available: z.boolean() })),
});

export const myAddressSchema = z.object({
  id,
  position: z.number().int(),
  recipientName: z.string(),
  phone: z.string(),
  postcode: z.string(),
  address1: z.string(),
  address2: z.string(),
  memo: z.string().nullable(),
});

export const myPaymentRequestSchema = z.object({
  id,
  amount: won,
  reason: z.string(),
  dueAt: isoDateTime.nullable(),
  status: z.enum(['pending', 'paid', 'cancelled', 'expired']),
  statusLabel: z.string(),
  /** Pending and not past its due date: the 결제하기 button. */
  payable: z.boolean(),
  paidAt: isoDateTime.nullable(),
});

export const myPaymentSchema = z.object({
  method: z.string(),
  methodLabel: z.string(),
  status: z.string(),
  /** 입금대기 / 결제완료 / 결제취소. */
  statusLabel: z.string(),
  amount: won,
  paidAt: isoDateTime.nullable(),
  cardCompany: z.string().nullable(),
  cardNumberMasked: z.string().nullable(),
  installmentMonths: z.number().int().nullable(),
  /** 일시불 / 3개월, for a card payment. */
  installmentLabel: z.string().nullable(),
  virtualAccount: z.object({ bank: z.string(), accountNumber: z.string(), holder: z.string(), dueAt: isoDateTime.nullable() }).nullable(),
});

/** The payment breakdown as the buyer is meant to see it: what was charged, discounted, paid and refunded. */
export const myPaymentBreakdownSchema = z.object({
  itemsAmount: won,
  /** Shipping with the remote-area surcharge included. */
  shippingFee: won,
  /** The 도서산간 part of shippingFee. */
  remoteShippingFee: won,
  discounts: z.array(z.object({ kind: z.enum(['grade', 'manual', 'coupon']), label: z.string(), amount: won })),
  pointsUsed: won,
  feesAmount: won,
  totalAmount: won,
  paidAmount: won,
  refundedAmount: won,
  balanceDue: signedWon,
  payments: z.array(myPaymentSchema),
  /** Refunds withdrawn before they were paid are left out; one the gateway refused still reads as in progress. */
  refunds: z.array(
    z.object({
      amount: won, methodLabel: z.string(), status: z.enum(['pending', 'done']), statusLabel: z.string(), at: isoDateTime,
      /** How the refund was worked out, one sentence a line, in the request's language (empty for refunds of an overpayment). */
      explanation: z.array(z.string()),
    }),
  ),
});

export const myClaimSchema = z.object({
  id,
  kind: z.enum(['cancel', 'return', 'exchange']),
  kindLabel: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  reason: z.string().nullable(),
  createdAt: isoDateTime,
  items: z.array(z.object({ itemId: id, quantity: z.number().int() })),
  /** Still 접수: the buyer may withdraw it. */
  withdrawable: z.boolean(),
});

export const myTimelineEntrySchema = z.object({ id, at: isoDateTime, actor: z.enum(['buyer', 'shop', 'system']), description: z.string() });

/** Units the buyer may act on now, by shipment group. */
const actionableUnits = z.array(z.object({ itemId: id, shipmentGroupId: id, quantity: z.number().int() }));

export const myOrderDetailSchema = z
  .object({
    orderNumber: z.string(),
    orderedAt: isoDateTime,
    version: z.number().int(),
    member: z.boolean(),
    orderer: z.object({ name: z.string(), phone: z.string(), email: z.string().nullable() }),
    items: z.array(myItemSchema),
    parcels: z.array(myParcelSchema),
    addresses: z.array(myAddressSchema),
    payment: myPaymentBreakdownSchema,
    paymentRequests: z.array(myPaymentRequestSchema),
    claims: z.array(myClaimSchema),
    timeline: z.array(myTimelineEntrySchema),
    shop: z.object({
      name: z.string(),
      csPhone: z.string().nullable(),
      csEmail: z.string().nullable(),
      /** 사업자 정보 for the page's footer (전자상거래법: 상호, 대표자, 사업자등록번호, 통신판매업 신고번호, 주소); null when not set. */
      business: z.object({
        businessName: z.string().nullable(),
        representativeName: z.string().nullable(),
        businessNumber: z.string().nullable(),
        mailOrderNumber: z.string().nullable(),
        businessAddress: z.string().nullable(),
      }),
      /** The shop's 무통장 입금 accounts, only while a bank-transfer payment awaits its deposit without an account of its own. */
      depositAccounts: z.array(z.object({ bank: z.string(), accountNumber: z.string(), holder: z.string() })),
    }),
    actions: z.object({
      /** Not shipped yet (입금대기 … 배송대기). */
      cancellable: actionableUnits,
      /** Delivered within the shop's return window (반품·교환). */
      returnable: actionableUnits,
      /** Delivered and not yet confirmed (구매확정). */
      confirmable: actionableUnits,
      returnWindowDays: z.number().int(),
      /** true: a cancel of units nobody has started preparing completes at once with its refund. */
      instantCancel: z.boolean(),
    }),
  })
  .meta({ id: 'MyOrderDetail' });
export type MyOrderDetail = z.infer<typeof myOrderDetailSchema>;

// ── buyer changes ────────────────────────────────────────────────────────────────────────────────

export const claimReasonCode = z.enum(CLAIM_REASON_CODES);
const claimUnits = z.array(z.object({ itemId: id, shipmentGroupId: id, quantity: z.number().int().min(1).max(9999) })).min(1).max(200);

/** Where a return or exchange is collected: one of the order's addresses, or a new one. */
export const myPickupSchema = z.union([
  z.object({ addressId: id }),
  z.object({ name: text(50), phone, postcode, address1: text(200), address2: z.string().trim().max(200).default('') }),
]);

export const myCancellationRequestSchema = z
  .object({
    expectedVersion,
    items: claimUnits,
    reasonCode: claimReasonCode,
    /** The buyer's own words; required with reasonCode 'other' (VALIDATION_FAILED otherwise). */
    reasonText: z.string().trim().max(500).optional(),
    /**
     * Where a 무통장 or virtual-account payment is paid back. With it, a cancel the shop lets buyers
     * complete themselves completes at once; without it, such an order's cancel waits as 취소접수
     * for staff (who ask for the account). Card and easy-pay orders never need it.
     */
    refundAccount: refundAccountSchema.optional(),
  })
  .meta({ id: 'MyCancellationRequest' });

export const myReturnRequestSchema = z
  .object({ expectedVersion, items: claimUnits, reasonCode: claimReasonCode, reasonText: z.string().trim().max(500).optional(), pickup: myPickupSchema })
  .meta({ id: 'MyReturnRequest' });

export const myExchangeRequestSchema = z
  .object({
    expectedVersion,
    items: claimUnits,
    reasonCode: claimReasonCode,
    /** The buyer's own words; required with reasonCode 'other' (VALIDATION_FAILED otherwise). */
    reasonText: z.string().trim().max(500).optional(),
    pickup: myPickupSchema,
    /** The option wanted instead (same product, same price); omitted: the same option again. */
    replacementOptionId: id.optional(),
  })
  .meta({ id: 'MyExchangeRequest' });

export const myVersionOnlySchema = z.object({ expectedVersion });

export const myPurchaseConfirmationSchema = z
  .object({ expectedVersion, /** Omitted: every delivered unit of the order. */ items: claimUnits.optional() })
  .meta({ id: 'MyPurchaseConfirmation' });

/** What a buyer's change answers: its own result and the order's new version (read the order again for the rest). */
export const myChangeResultSchema = z
  .object({
    version: z.number().int(),
    claimId: id.nullable(),
    /** A cancel completed at once: the refund it started. */
    refund: z.object({ amount: won, statusLabel: z.string() }).nullable(),
    /** 취소접수 / 취소완료 / 반품접수 …: where the units now stand. */
    statusLabel: z.string(),
  })
  .meta({ id: 'MyChangeResult' });
export type MyChangeResult = z.infer<typeof myChangeResultSchema>;

// ── paying a payment request ─────────────────────────────────────────────────────────────────────

/** Opening the payment window for a request: what the window needs, and where it comes back to. */
export const myCheckoutSchema = z
  .object({
    checkoutId: id,
    gateway: z.enum(['test', 'toss']),
    /** The order id the gateway knows this attempt by (Toss's orderId). */
    gatewayOrderId: z.string(),
    amount: won,
    orderName: z.string(),
    customerName: z.string(),
    successUrl: z.string(),
    failUrl: z.string(),
    /** The test gateway's payment window page (gateway 'test'). */
    windowUrl: z.string().nullable(),
    /** Toss Payments' client key for its payment window SDK (gateway 'toss'). */
    clientKey: z.string().nullable(),
  })
  .meta({ id: 'MyCheckout' });
export type MyCheckout = z.infer<typeof myCheckoutSchema>;

/** What the gateway's window hands back on success (Toss: paymentKey, orderId, amount on the success URL). */
export const myCheckoutConfirmSchema = z
  .object({ paymentKey: z.string().min(1).max(200), orderId: z.string().min(1).max(64), amount: z.coerce.number().int().min(0) })
  .meta({ id: 'MyCheckoutConfirm' });

/** What the window hands back on failure or when the buyer closed it. */
export const myCheckoutFailSchema = z.object({ orderId: z.string().min(1).max(64), code: z.string().max(100), message: z.string().max(500).optional() }).meta({ id: 'MyCheckoutFail' });

export const myCheckoutResultSchema = z
  .object({
    orderNumber: z.string(),
    status: z.enum(['paid', 'failed', 'voided']),
    amount: won,
    methodLabel: z.string().nullable(),
    message: z.string().nullable(),
  })
  .meta({ id: 'MyCheckoutResult' });
export type MyCheckoutResult = z.infer<typeof myCheckoutResultSchema>;
