import type { OrderDetail } from '../../../../../contracts/orders';

export type OrderItem = OrderDetail['items'][number];
export type ShipmentGroup = OrderDetail['shipmentGroups'][number];
export type OrderAddress = OrderDetail['addresses'][number];

/** Units of one item in one shipment group: the row staff tick and act on. */
export interface UnitRow {
  key: string;
  groupId: number;
  addressId: number;
  itemId: number;
  quantity: number;
  status: string;
  statusLabel: string;
  item: OrderItem;
  group: ShipmentGroup;
}

export interface AddressBlock {
  address: OrderAddress;
  /** 1-based, as staff call it (배송지 1 …) */
  number: number;
  groups: Array<{ group: ShipmentGroup; rows: UnitRow[] }>;
  units: number;
}

export const rowKey = (groupId: number, itemId: number) => `${groupId}:${itemId}`;

/** Every (shipment group, item) pair holding units, in the order's item order. */
export function unitRows(order: OrderDetail): UnitRow[] {
  const items = new Map(order.items.map((i) => [i.id, i]));
  const position = new Map(order.items.map((i, n) => [i.id, n]));
  return order.shipmentGroups.flatMap((group) =>
    group.items
      .filter((gi) => gi.quantity > 0)
      .sort((a, b) => (position.get(a.itemId) ?? 0) - (position.get(b.itemId) ?? 0))
      .flatMap((gi) => {
        const item = items.get(gi.itemId);
        if (!item) return [];
        return [{ key: rowKey(group.id, gi.itemId), groupId: group.id, addressId: group.addressId, itemId: gi.itemId, quantity: gi.quantity, status: group.status, statusLabel: group.statusLabel, item, group }];
      }),
  );
}

/** Rows by shipping address (in address order), then by shipment group; addresses without units too. */
export function addressBlocks(order: OrderDetail): AddressBlock[] {
  const rows = unitRows(order);
  return [...order.addresses]
    .sort((a, b) => a.position - b.position)
    .map((address, n) => {
      const groups = order.shipmentGroups
        .filter((g) => g.addressId === address.id)
        .map((group) => ({ group, rows: rows.filter((r) => r.groupId === group.id) }))
        .filter((g) => g.rows.length > 0);
      return { address, number: n + 1, groups, units: groups.reduce((sum, g) => sum + g.rows.reduce((s, r) => s + r.quantity, 0), 0) };
    });
}

/** "상품명 / 옵션" as one line. */
export const itemName = (item: Pick<OrderItem, 'productName' | 'optionName'>) => (item.optionName ? `${item.productName} / ${item.optionName}` : item.productName);

export function addressNumber(order: OrderDetail, addressId: number): number {
  const sorted = [...order.addresses].sort((a, b) => a.position - b.position);
  return sorted.findIndex((a) => a.id === addressId) + 1;
}
