import type { OrderDetail } from '../../contracts/orders';
import { courierLabel } from '../../domain/couriers';
import { PAYMENT_STATUS_LABELS, type PaymentStatus } from '../../domain/ledger';
import { isActiveStatus, ORDER_STATUS_LABELS, STATUS_LABELS, type OrderStatus, type UnitStatus } from '../../domain/status';
import type { Lang } from '../http/errors';
import { unitsOf, type OrderRows } from './read-queries';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const unitLabel = (s: string, lang: Lang) => STATUS_LABELS[s as UnitStatus]?.[lang] ?? s;

/** Shapes the order's rows into the OrderDetail contract (quantities by status per item, totals). */
export function toOrderDetail(rows: OrderRows, lang: Lang): OrderDetail {
  const { order } = rows;
  const byItem = new Map<number, Record<string, number>>();
  for (const unit of unitsOf(rows)) {
    const entry = byItem.get(unit.itemId) ?? {};
    entry[unit.status] = (entry[unit.status] ?? 0) + unit.quantity;
    byItem.set(unit.itemId, entry);
  }

  const itemsSubtotal = rows.items.reduce((sum, i) => sum + i.unitPrice * (activeQuantity(byItem.get(i.id)) ?? 0), 0);
  return {
    id: order.id,
    orderNumber: order.orderNumber,
    version: order.version,
    channel: order.channel,
    externalOrderId: order.externalOrderId,
    orderedAt: order.orderedAt.toISOString(),
    orderStatus: order.orderStatus,
    orderStatusLabel: ORDER_STATUS_LABELS[order.orderStatus as OrderStatus]?.[lang] ?? order.orderStatus,
    paymentStatus: order.paymentStatus,
    paymentStatusLabel: PAYMENT_STATUS_LABELS[order.paymentStatus as PaymentStatus]?.[lang] ?? order.paymentStatus,
    orderer: {
      customerId: order.customerId,
      isMember: order.customerId !== null,
      name: order.ordererName,
      phone: order.ordererPhone,
      email: order.ordererEmail,
      gradeName: order.gradeName,
    },
    addresses: rows.addresses.map((a) => ({
      id: a.id, position: a.position, recipientName: a.recipientName, recipientPhone: a.recipientPhone,
      postcode: a.postcode, address1: a.address1, address2: a.address2, deliveryNote: a.deliveryNote,
    })),
    items: rows.items.map((i) => ({
      id: i.id, productId: i.productId, optionId: i.optionId, productName: i.productName, optionName: i.optionName, sku: i.sku,
      isCustom: i.isCustom, unitPrice: i.unitPrice, quantity: i.quantity, gradeDiscountPerUnit: i.gradeDiscountPerUnit,
      manualDiscountPerUnit: i.manualDiscountPerUnit, couponShare: i.couponShare, pointsShare: i.pointsShare,
      amount: (i.unitPrice - i.gradeDiscountPerUnit - i.manualDiscountPerUnit) * i.quantity,
      quantityByStatus: byItem.get(i.id) ?? {},
    })),
    shipmentGroups: rows.groups.map((g) => ({
      id: g.id, addressId: g.addressId, status: g.status, statusLabel: unitLabel(g.status, lang), courier: g.courier,
      courierLabel: g.courier === null ? null : courierLabel(g.courier, lang), trackingNumber: g.trackingNumber,
      shippedAt: iso(g.shippedAt), deliveredAt: iso(g.deliveredAt),
      items: rows.groupItems.filter((gi) => gi.shipmentGroupId === g.id).map((gi) => ({ itemId: gi.itemId, quantity: gi.quantity })),
      heldForAdditionalPayment: g.heldForChangeId !== null,
    })),
    claims: rows.claims.map((c) => ({
      id: c.id, kind: c.kind, status: c.status, statusLabel: unitLabel(c.status, lang), createdAt: c.createdAt.toISOString(),
      items: rows.claimItems.filter((ci) => ci.claimId === c.id).map((ci) => ({ itemId: ci.itemId, quantity: ci.quantity })),
    })),
    payments: rows.payments.map((p) => ({
      id: p.id, method: p.method, status: p.status, amount: p.amount, capturedAmount: p.capturedAmount, refundedAmount: p.refundedAmount,
      gateway: p.gateway, gatewayTransactionId: p.gatewayTransactionId, cardCompany: p.cardCompany, cardNumberMasked: p.cardNumberMasked,
      installmentMonths: p.installmentMonths, easyPayProvider: p.easyPayProvider,
      virtualAccount: p.vaBank && p.vaAccountNumber ? { bank: p.vaBank, accountNumber: p.vaAccountNumber, holder: p.vaHolder ?? '', dueAt: iso(p.vaDueAt) } : null,
      depositorName: p.depositorName, paidAt: iso(p.paidAt),
    })),
    totals: {
      itemsSubtotal,
      gradeDiscount: order.gradeDiscount,
      manualDiscount: order.manualDiscount,
      couponDiscount: order.couponDiscount,
      pointsUsed: order.pointsUsed,
      shippingFee: order.shippingFee,
      remoteShippingFee: order.remoteShippingFee,
      orderTotal: order.totalAmount,
      paid: order.paidAmount,
      refunded: order.refundedAmount,
      balanceDue: order.balanceDue,
    },
    memoCount: order.memoCount,
  };
}

/** Units that still count toward the order total: everything but cancelled and returned ones. */
function activeQuantity(byStatus: Record<string, number> | undefined): number {
  if (!byStatus) return 0;
  return Object.entries(byStatus).reduce((sum, [status, q]) => (isActiveStatus(status as UnitStatus) ? sum + q : sum), 0);
}
