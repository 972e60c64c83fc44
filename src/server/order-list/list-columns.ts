import type { Region } from '../../contracts/order-filter';
import { courierCodeOf } from '../../domain/couriers';
import { searchTermsOf } from '../../domain/search-terms';
import { regionsOfPostcode } from './regions';

/**
 * The order-list cache columns of `orders`, derived from the order's rows. Like summarizeOrder,
 * this is their one definition: the summary refresh (every change), the intake and the seed all
 * call it, so a keyword or a courier filter never sees a stale order.
 *
 * Why cached on `orders` instead of joined: every filter and the keyword must combine with the
 * others and with the sort in one index-served query over one table; a join to addresses or
 * shipment groups per filter would turn a page of 50 into a join over the whole shop.
 */
export interface ListFacts {
  ordererName: string;
  ordererPhone: string;
  ordererEmail: string | null;
  /** The member's own name (customers.name), which may differ from the orderer's. */
  memberName: string | null;
  addresses: ReadonlyArray<{ recipientName: string; recipientPhone: string; postcode: string }>;
  items: ReadonlyArray<{ productId: number | null }>;
  shipments: ReadonlyArray<{ courier: string | null; trackingNumber: string | null }>;
  /** claims.pickup and claims.reshipment (jsonb): return pickups and exchange re-shipments. */
  claims: ReadonlyArray<{ pickup: unknown; reshipment: unknown }>;
}

export interface ListColumns {
  searchText: string;
  searchGrams: string[];
  searchDigits: string[];
  couriers: string[];
  productIds: number[];
  regions: Region[];
}

function stringField(value: unknown, key: 'courier' | 'trackingNumber'): string | null {
  if (typeof value !== 'object' || value === null || !(key in value)) return null;
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' && field.trim() !== '' ? field.trim() : null;
}

const sortedUnique = <T extends string | number>(values: Iterable<T>): T[] => [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

export function listColumnsOf(f: ListFacts): ListColumns {
  const tracking = [
    ...f.shipments.map((s) => s.trackingNumber),
    ...f.claims.flatMap((c) => [stringField(c.pickup, 'trackingNumber'), stringField(c.reshipment, 'trackingNumber')]),
  ];
  const terms = searchTermsOf([
    f.ordererName,
    f.memberName,
    ...f.addresses.map((a) => a.recipientName),
    f.ordererEmail,
    f.ordererPhone,
    ...f.addresses.map((a) => a.recipientPhone),
    ...tracking,
  ]);
  // Couriers of parcels going to the buyer; a return pickup's courier is the shop's choice of
  // collection, not a delivery, so it is searchable by tracking number but not a courier filter.
  // As codes, like the filter's values, even for a parcel stored as typed before couriers were normalized.
  const entered = [...f.shipments.map((s) => s.courier), ...f.claims.map((c) => stringField(c.reshipment, 'courier'))];
  const couriers = entered.flatMap((c) => (c?.trim() ? [courierCodeOf(c)] : []));
  return {
    searchText: terms.text,
    searchGrams: terms.grams,
    searchDigits: terms.digits,
    couriers: sortedUnique(couriers),
    productIds: sortedUnique(f.items.flatMap((i) => (i.productId === null ? [] : [i.productId]))),
    regions: sortedUnique(f.addresses.flatMap((a) => regionsOfPostcode(a.postcode))),
  };
}
