import type { PrintAddress, PrintLine, PrintSheetOrder } from '../../contracts/print-sheets';
import { channelLabel } from '../../domain/channels';
import { STATUS_LABELS, type UnitStatus } from '../../domain/status';
import { splitVat } from '../../domain/vat';
import type { Lang } from '../http/errors';
import { unitsOf, type OrderRows } from '../orders/read-queries';

/**
 * One order as its printed page shows it. The lines are the units held by shipment groups — what
 * goes (or went) in a box to that address; units in a claim are left out and counted by the
 * claim's kind: a cancel (취소접수 too: those must not be packed), a return or an exchange (the
 * units are with the buyer or on their way back).
 */
export function toPrintSheetOrder(rows: OrderRows, lang: Lang): PrintSheetOrder {
  const { order } = rows;
  const groupsById = new Map(rows.groups.map((g) => [g.id, g]));
  const claimKind = new Map(rows.claims.map((c) => [c.id, c.kind]));
  const leftOut = { cancel: 0, return: 0, exchange: 0 };
  // address id → item id → { quantity, statuses }
  const going = new Map<number, Map<number, { quantity: number; statuses: Set<UnitStatus> }>>();
  for (const unit of unitsOf(rows)) {
    if (unit.holder.kind === 'claim') {
      const kind = claimKind.get(unit.holder.id);
      if (kind) leftOut[kind] += unit.quantity;
      continue;
    }
    const group = groupsById.get(unit.holder.id);
    if (!group) continue;
    const byItem = going.get(group.addressId) ?? new Map<number, { quantity: number; statuses: Set<UnitStatus> }>();
    going.set(group.addressId, byItem);
    const entry = byItem.get(unit.itemId) ?? { quantity: 0, statuses: new Set<UnitStatus>() };
    entry.quantity += unit.quantity;
    entry.statuses.add(unit.status);
    byItem.set(unit.itemId, entry);
  }

  const addresses: PrintAddress[] = [...rows.addresses]
    .sort((a, b) => a.position - b.position)
    .flatMap((a) => {
      const byItem = going.get(a.id);
      if (!byItem) return [];
      // the items in the order's own item order, so every sheet of the order reads alike
      const lines: PrintLine[] = rows.items.flatMap((item) => {
        const entry = byItem.get(item.id);
        if (!entry || entry.quantity === 0) return [];
        const discountPerUnit = item.gradeDiscountPerUnit + item.manualDiscountPerUnit;
        return [
          {
            itemId: item.id,
            productName: item.productName,
            optionName: item.optionName,
            sku: item.sku,
            quantity: entry.quantity,
            unitPrice: item.unitPrice,
            discountPerUnit,
            amount: (item.unitPrice - discountPerUnit) * entry.quantity,
            statusLabels: [...entry.statuses].map((s) => STATUS_LABELS[s][lang]),
          },
        ];
      });
      if (lines.length === 0) return [];
      return [
        {
          addressId: a.id,
          position: a.position,
          recipientName: a.recipientName,
          recipientPhone: a.recipientPhone,
          postcode: a.postcode,
          address1: a.address1,
          address2: a.address2,
          deliveryNote: a.deliveryNote,
          lines,
        },
      ];
    });

  const { supply, vat } = splitVat(order.totalAmount);
  return {
    id: order.id,
    orderNumber: order.orderNumber,
    orderedAt: order.orderedAt.toISOString(),
    channel: order.channel,
    channelLabel: channelLabel(order.channel, lang),
    buyer: { name: order.ordererName, phone: order.ordererPhone, email: order.ordererEmail, isMember: order.customerId !== null },
    addresses,
    leftOut,
    totals: {
      itemsAmount: addresses.reduce((sum, a) => sum + a.lines.reduce((s, l) => s + l.amount, 0), 0),
      shippingFee: order.shippingFee + order.remoteShippingFee,
      couponDiscount: order.couponDiscount,
      pointsUsed: order.pointsUsed,
      fees: order.feesAmount,
      orderTotal: order.totalAmount,
      supplyAmount: supply,
      vatAmount: vat,
      paid: order.paidAmount,
      refunded: order.refundedAmount,
      balanceDue: order.balanceDue,
    },
  };
}
