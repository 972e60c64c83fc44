import type { OrderListItem } from '../../contracts/order-list';
import type { OrderDetail } from '../../contracts/orders';
import type { PrintSheetOrder } from '../../contracts/print-sheets';
import { maskAddress, maskEmail, maskName, maskPhone, type PersonalField } from '../../domain/personal-data';

/**
 * The order shapes with their personal data masked (src/domain/personal-data.ts). Lists mask
 * contacts and addresses for everyone and keep names (a list is searched and sorted by them, and
 * staff find the order a caller speaks of by the name); one order masks names too, for those who
 * may not see its personal data.
 */

const maybe = <T>(value: T | null, mask: (v: T) => T): T | null => (value === null ? null : mask(value));

/** What a row of the list shows: contacts and the address detail masked, postcode and names kept. */
export function maskListItem(item: OrderListItem, recipientAddress1: string | null): OrderListItem {
  return {
    ...item,
    ordererPhone: maskPhone(item.ordererPhone),
    ordererEmail: maybe(item.ordererEmail, maskEmail),
    recipientPhone: maybe(item.recipientPhone, maskPhone),
    recipientAddress: recipientAddress1 === null ? null : maskAddress(recipientAddress1),
  };
}

export function maskOrderDetail(detail: OrderDetail): OrderDetail {
  return {
    ...detail,
    orderer: { ...detail.orderer, name: maskName(detail.orderer.name), phone: maskPhone(detail.orderer.phone), email: maybe(detail.orderer.email, maskEmail) },
    addresses: detail.addresses.map((a) => ({
      ...a,
      recipientName: maskName(a.recipientName),
      recipientPhone: maskPhone(a.recipientPhone),
      address1: maskAddress(a.address1),
      address2: '',
    })),
  };
}

export function maskPrintSheetOrder(order: PrintSheetOrder): PrintSheetOrder {
  return {
    ...order,
    buyer: { ...order.buyer, name: maskName(order.buyer.name), phone: maskPhone(order.buyer.phone), email: maybe(order.buyer.email, maskEmail) },
    addresses: order.addresses.map((a) => ({ ...a, recipientName: maskName(a.recipientName), recipientPhone: maskPhone(a.recipientPhone), address1: maskAddress(a.address1), address2: '' })),
  };
}

/** The personal fields one order's detail shows: what the access log records of a read. */
export function personalFieldsOf(detail: Pick<OrderDetail, 'orderer' | 'addresses'>): PersonalField[] {
  return ['name', 'phone', ...(detail.orderer.email ? (['email'] as const) : []), ...(detail.addresses.length > 0 ? (['address'] as const) : [])];
}
