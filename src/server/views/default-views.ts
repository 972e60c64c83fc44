import type { OrderFilter, OrderSort } from '../../contracts/order-filter';
import { DEFAULT_VIEW_NAMES as N } from '../../contracts/view-names';
import { DEFAULT_COLUMN_LAYOUT } from '../../contracts/views';
import type { Executor } from '../db/client';
import { savedViews } from '../db/schema/index';

export interface DefaultView {
  name: string;
  filter: OrderFilter;
  sort: OrderSort;
  locked: boolean;
}

/**
 * The tabs every shop starts with: 전체 and one tab per step of the daily work, the way the
 * announcement's 주문 menu replaces the old 주문/취소/반품/교환 menus. Steps select by unit status,
 * not by the derived order status, so a partly shipped order whose other units still wait shows
 * up where the waiting units need work. Sorts put the oldest waiting work first (the buyer who
 * has waited longest), except 전체, which reads newest first.
 */
export const DEFAULT_VIEWS: readonly DefaultView[] = [
  { name: N.all.ko, filter: {}, sort: { field: 'orderedAt', direction: 'desc' }, locked: true },
  // deposits are checked oldest first: their virtual accounts expire first
  { name: N.awaitingPayment.ko, filter: { unitStatuses: ['awaiting_payment'] }, sort: { field: 'orderedAt', direction: 'asc' }, locked: false },
  // 결제완료 and 상품준비중 are one step of work (the status table heads them together): prepare
  // what was paid first, first
  { name: N.preparing.ko, filter: { unitStatuses: ['paid', 'preparing'] }, sort: { field: 'paidAt', direction: 'asc' }, locked: false },
  { name: N.readyToShip.ko, filter: { unitStatuses: ['ready_to_ship'] }, sort: { field: 'paidAt', direction: 'asc' }, locked: false },
  // the longest in transit first: those are the parcels to chase
  { name: N.shipping.ko, filter: { unitStatuses: ['shipping'] }, sort: { field: 'shippedAt', direction: 'asc' }, locked: false },
  // the announcement's example tab: 주문 상태 [취소 접수], [반품 접수]
  { name: N.claims.ko, filter: { claimStatuses: ['cancel_requested', 'return_requested'] }, sort: { field: 'orderedAt', direction: 'asc' }, locked: false },
];

/**
 * Writes the default tabs of a shop that has none: in createShop's transaction for a new shop, and
 * for a shop made before tabs existed on its first look at them (under the shop's view lock).
 */
export async function createDefaultViews(db: Executor, shopId: number): Promise<void> {
  await db.insert(savedViews).values(
    DEFAULT_VIEWS.map((v, position) => ({ shopId, name: v.name, position, filter: v.filter, sort: v.sort, columns: DEFAULT_COLUMN_LAYOUT, locked: v.locked })),
  );
}
