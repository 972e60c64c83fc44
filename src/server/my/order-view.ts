import type { MyOrderDetail } from '../../contracts/my';
import { buyerActionableUnits, isClaimWithdrawable, paymentRequestState, unitsPerStatus } from '../../domain/buyer-actions';
import { CLAIM_REASON_CODES, claimReasonText, type ClaimReasonCode } from '../../domain/claim-reasons';
import { checkReplacementPrice } from '../../domain/claim-rules';
import { courierLabel, trackingUrl } from '../../domain/couriers';
import { describeEvent, type TimelineEvent } from '../../domain/events';
import { isActiveStatus, qualifiedStatusLabel, STATUS_FAMILY_LABELS, STATUS_LABELS, type UnitStatus } from '../../domain/status';
import type { Lang } from '../http/errors';
import { unitsOf, type OrderRows } from '../orders/read-queries';
import { REQUEST_STATUS_LABELS, summarizeRows } from '../payments/requests/queries';
import type { BuyerOrderData, ProductOptionRow, TimelineRow } from './order-queries';
import { buyerPaymentBreakdown } from './order-payment-view';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const unitLabel = (s: string, lang: Lang) => STATUS_LABELS[s as UnitStatus]?.[lang] ?? s;
const isReasonCode = (code: string | null): code is ClaimReasonCode => code !== null && (CLAIM_REASON_CODES as readonly string[]).includes(code);
const nameOf = (i: { productName: string; optionName: string | null }) => (i.optionName ? `${i.productName} / ${i.optionName}` : i.productName);

/**
 * The buyer's order page (MyOrderDetail) from the order's rows: chosen field by field for the
 * buyer, never the staff DTO. No staff names, memos, gateway transaction ids or deposit secrets.
 */
export function toMyOrderDetail(data: BuyerOrderData, lang: Lang, now: Date): MyOrderDetail {
  const { rows, shop } = data;
  const { order } = rows;
  const itemNames = new Map(rows.items.map((i) => [i.id, nameOf(i)]));
  const unitCounts = (units: ReadonlyArray<{ status: UnitStatus; quantity: number }>) =>
    unitsPerStatus(units).map((s) => ({ status: s.status, statusLabel: qualifiedStatusLabel(s.status, lang), quantity: s.quantity }));
  const parcels = rows.groups.map((g) => ({
    shipmentGroupId: g.id,
    addressId: g.addressId,
    status: g.status,
    statusLabel: unitLabel(g.status, lang),
    courier: g.courier,
    courierLabel: g.courier === null ? null : courierLabel(g.courier, lang),
    trackingNumber: g.trackingNumber,
    trackingUrl: trackingUrl(g.courier, g.trackingNumber),
    shippedAt: iso(g.shippedAt),
    deliveredAt: iso(g.deliveredAt),
    items: rows.groupItems.filter((gi) => gi.shipmentGroupId === g.id).map((gi) => ({ itemId: gi.itemId, quantity: gi.quantity })),
    awaitingAdditionalPayment: g.status === 'awaiting_payment' && g.heldForChangeId !== null,
  }));
  const actions = buyerActionableUnits(
    rows.groups.map((g) => ({ shipmentGroupId: g.id, status: g.status as UnitStatus, deliveredAt: g.deliveredAt, items: parcels.find((p) => p.shipmentGroupId === g.id)?.items ?? [] })),
    now,
    data.returnWindowDays,
  );

  return {
    orderNumber: order.orderNumber,
    orderedAt: order.orderedAt.toISOString(),
    version: order.version,
    member: order.customerId !== null,
    orderer: { name: order.ordererName, phone: order.ordererPhone, email: order.ordererEmail },
    items: itemsOf(rows, data.options, unitCounts),
    parcels,
    addresses: rows.addresses.map((a) => ({
      id: a.id,
      position: a.position,
      recipientName: a.recipientName,
      phone: a.recipientPhone,
      postcode: a.postcode,
      address1: a.address1,
      address2: a.address2,
      memo: a.deliveryNote,
    })),
    payment: buyerPaymentBreakdown(rows, summarizeRows(rows), data.refunds, lang),
    paymentRequests: data.requests.map((r) => {
      const state = paymentRequestState({ status: r.status, dueAt: r.dueAt }, now);
      return {
        id: r.id,
        amount: r.amount,
        reason: r.reason,
        dueAt: iso(r.dueAt),
        status: state.status,
        statusLabel: REQUEST_STATUS_LABELS[state.status][lang],
        payable: state.payable,
        paidAt: iso(r.paidAt),
      };
    }),
    claims: claimsOf(rows, lang),
    timeline: data.events.map((e) => ({ id: e.id, at: e.createdAt.toISOString(), actor: actorOf(e), description: describeEvent(forBuyer(e.payload as TimelineEvent), lang, itemNames) })),
    shop: {
      name: shop.name,
      csPhone: shop.csPhone,
      csEmail: shop.csEmail,
      business: {
        businessName: shop.businessName,
        representativeName: shop.representativeName,
        businessNumber: shop.businessNumber,
        mailOrderNumber: shop.mailOrderNumber,
        businessAddress: shop.businessAddress,
      },
      depositAccounts: awaitsDepositWithoutAccount(rows) ? shop.bankAccounts : [],
    },
    actions: { ...actions, returnWindowDays: data.returnWindowDays, instantCancel: shop.buyerInstantCancel },
  };
}

/** A 무통장 payment still waiting for its money, recorded without the account to send it to. */
function awaitsDepositWithoutAccount(rows: OrderRows): boolean {
  return rows.payments.some((p) => p.method === 'bank_transfer' && p.status === 'pending' && !p.vaAccountNumber);
}

type UnitCounts = (units: ReadonlyArray<{ status: UnitStatus; quantity: number }>) => MyOrderDetail['items'][number]['units'];

function itemsOf(rows: OrderRows, options: readonly ProductOptionRow[], unitCounts: UnitCounts): MyOrderDetail['items'] {
  const units = unitsOf(rows);
  return rows.items.map((i) => {
    const mine = units.filter((u) => u.itemId === i.id);
    const active = mine.filter((u) => isActiveStatus(u.status)).reduce((n, u) => n + u.quantity, 0);
    // the line's share of the order coupon and points is already what is left of it after claims
    const amount = (i.unitPrice - i.gradeDiscountPerUnit - i.manualDiscountPerUnit) * active - i.couponShare - i.pointsShare;
    return {
      itemId: i.id,
      productName: i.productName,
      optionName: i.optionName,
      unitPrice: i.unitPrice,
      quantity: i.quantity,
      // never below 0 on the page (the contract's won); a negative line is a ledger bug the audit reports
      amount: Math.max(0, amount),
      units: unitCounts(mine),
      // the same rule the exchange itself applies (claims/exchange-split.ts): same product, same price
      exchangeOptions: options
        .filter((o) => o.productId === i.productId && o.id !== i.optionId && o.active && checkReplacementPrice(i.unitPrice, o.price).ok)
        .map((o) => ({ optionId: o.id, name: o.name, available: o.stock === null || o.stock > 0 })),
    };
  });
}

function claimsOf(rows: OrderRows, lang: Lang): MyOrderDetail['claims'] {
  return [...rows.claims]
    .sort((a, b) => b.id - a.id)
    .map((c) => {
      const byItem = new Map<number, number>();
      for (const ci of rows.claimItems.filter((x) => x.claimId === c.id)) byItem.set(ci.itemId, (byItem.get(ci.itemId) ?? 0) + ci.quantity);
      return {
        id: c.id,
        kind: c.kind,
        kindLabel: STATUS_FAMILY_LABELS[c.kind][lang],
        status: c.status,
        statusLabel: unitLabel(c.status, lang),
        reason: isReasonCode(c.reasonCode) ? claimReasonText(c.reasonCode, c.reasonText, lang) : c.reasonText,
        createdAt: c.createdAt.toISOString(),
        items: [...byItem].map(([itemId, quantity]) => ({ itemId, quantity })),
        withdrawable: isClaimWithdrawable(c.status as UnitStatus),
      };
    });
}

/** Staff and API keys act for the shop: the buyer sees "shop", never a staff member's name. */
function actorOf(e: TimelineRow): 'buyer' | 'shop' | 'system' {
  if (e.actorKind === 'buyer') return 'buyer';
  if (e.actorKind === 'system') return 'system';
  return 'shop';
}

/** Notes written for staff ("계좌 송금 후 완료 처리 필요") stay off the buyer's timeline. */
function forBuyer(e: TimelineEvent): TimelineEvent {
  return e.type === 'refund_pending' ? { ...e, note: null } : e;
}
