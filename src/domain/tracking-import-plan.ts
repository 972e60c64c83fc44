/**
 * Planning a tracking-number upload (송장 일괄 등록) for ONE order, pure. Each row of the sheet
 * asks to ship the 배송대기 (ready_to_ship) units of the order — or of one of its items — as a
 * parcel with a courier and a tracking number. All rows of an order apply together or not at all:
 * one bad row rejects its siblings, so staff never find an order half-registered and wonder which
 * parcels went out.
 *
 * Two kinds of rejection do not block the siblings, because they ask for nothing that is not
 * already true: a repeated row (the first one applies) and a row whose parcel already carries its
 * units (the sheet was exported after shipping, or uploaded a second time). Without that, an
 * exported sheet of a partly shipped order could never be uploaded back with the new numbers.
 *
 * Rows for one item are served before rows for the whole order, so "item A in parcel 1, the rest
 * in parcel 2" reads as staff mean it, whatever order the rows come in.
 */
import type { GroupState } from './fulfillment-moves';
import type { UnitStatus } from './status';

export type TrackingRejectCode =
  | 'TRACKING_ITEM_NOT_FOUND'
  | 'TRACKING_DUPLICATE_ROW'
  | 'TRACKING_ALREADY_SHIPPED'
  | 'TRACKING_NUMBER_IN_USE'
  | 'TRACKING_NOTHING_TO_SHIP'
  | 'TRACKING_UNITS_TAKEN'
  | 'TRACKING_COURIER_CONFLICT'
  | 'TRACKING_SPANS_ADDRESSES'
  | 'TRACKING_SIBLING_REJECTED';

export type Details = Record<string, unknown>;

export interface TrackingRowInput {
  /** The row's identity in the outcome (the sheet's row number). */
  row: number;
  /** null: every 배송대기 unit of the order. */
  itemId: number | null;
  /** The courier code (already normalized). */
  courier: string;
  trackingNumber: string;
  /** A refusal found before planning (bad courier, bad number …): it rejects the order's other rows too. */
  invalid?: { code: string; details: Details } | undefined;
  /**
   * A parcel of a 송장 출력 file (its shipment group as it was exported): the row ships exactly
   * these units at this address — never other units of the order, whatever group holds them now.
   */
  parcel?: { groupId: number; addressId: number; units: readonly ParcelUnitsWanted[] } | undefined;
}

export interface ParcelUnitsWanted {
  itemId: number;
  quantity: number;
}

export type RowVerdict =
  | { row: number; outcome: 'apply'; parcel: number; quantity: number }
  | { row: number; outcome: 'reject'; code: string; blocking: boolean; details: Details };

export interface ParcelUnits {
  itemId: number;
  addressId: number;
  quantity: number;
}

export interface PlannedParcel {
  courier: string;
  trackingNumber: string;
  units: ParcelUnits[];
  rows: number[];
}

export interface TrackingPlan {
  /** One per row, in the order the rows were given. */
  verdicts: RowVerdict[];
  /** Empty when a row blocks the order or no row has anything to do. */
  parcels: PlannedParcel[];
}

/** Tracking numbers compare without hyphens or spaces and in upper case: 5000-1234-5678 = 500012345678. */
export const trackingKey = (trackingNumber: string) => trackingNumber.replace(/[\s-]/g, '').toUpperCase();

interface Waiting {
  groupId: number;
  itemId: number;
  addressId: number;
  quantity: number;
}

/** Whether units of an item at an address are what the row asks to ship. */
const inScope = (row: TrackingRowInput, itemId: number, addressId: number) =>
  row.parcel ? row.parcel.addressId === addressId && row.parcel.units.some((u) => u.itemId === itemId) : row.itemId === null || row.itemId === itemId;

export function planTrackingRows(groups: readonly GroupState[], itemIds: ReadonlySet<number>, rows: readonly TrackingRowInput[]): TrackingPlan {
  const verdicts = new Map<number, RowVerdict>();
  const reject = (row: TrackingRowInput, code: TrackingRejectCode, blocking: boolean, details: Details = {}) =>
    verdicts.set(row.row, { row: row.row, outcome: 'reject', code, blocking, details });

  // refusals that need no state, and repeats, in the sheet's order: the first of twins applies
  const seen = new Map<string, number>();
  const candidates: TrackingRowInput[] = [];
  for (const row of rows) {
    if (row.invalid) {
      verdicts.set(row.row, { row: row.row, outcome: 'reject', code: row.invalid.code, blocking: true, details: row.invalid.details });
      continue;
    }
    if (row.itemId !== null && !itemIds.has(row.itemId)) {
      reject(row, 'TRACKING_ITEM_NOT_FOUND', true, { itemId: row.itemId });
      continue;
    }
    const twin = `${row.parcel ? `p${row.parcel.groupId}` : (row.itemId ?? '*')}|${row.courier}|${trackingKey(row.trackingNumber)}`;
    const first = seen.get(twin);
    if (first !== undefined) {
      reject(row, 'TRACKING_DUPLICATE_ROW', false, { sameAsRow: first });
      continue;
    }
    seen.set(twin, row.row);
    candidates.push(row);
  }

  const waiting: Waiting[] = groups
    .filter((g) => g.status === 'ready_to_ship')
    .flatMap((g) => g.items.filter((u) => u.quantity > 0).map((u) => ({ groupId: g.id, itemId: u.itemId, addressId: g.addressId, quantity: u.quantity })));
  const remaining = new Map(waiting.map((w) => [w, w.quantity]));
  const takenBy = new Map<Waiting, number>();
  const parcels: Array<PlannedParcel & { key: string }> = [];

  // parcels and single items first: what they ask for is exact, the whole order takes the rest
  const ordered = [...candidates.filter((r) => r.parcel || r.itemId !== null), ...candidates.filter((r) => !r.parcel && r.itemId === null)];
  for (const row of ordered) {
    const key = trackingKey(row.trackingNumber);
    const scopeWaiting = waiting.filter((w) => inScope(row, w.itemId, w.addressId));
    const existing = groups.filter((g) => g.trackingNumber !== null && trackingKey(g.trackingNumber) === key);
    if (existing.length > 0) {
      const holdsScope = existing.some((g) => g.items.some((u) => u.quantity > 0 && inScope(row, u.itemId, g.addressId)));
      if (holdsScope && scopeWaiting.length === 0) reject(row, 'TRACKING_ALREADY_SHIPPED', false, { shipmentGroupIds: existing.map((g) => g.id) });
      else reject(row, 'TRACKING_NUMBER_IN_USE', true, { shipmentGroupIds: existing.map((g) => g.id) });
      continue;
    }
    const take = scopeWaiting.filter((w) => (remaining.get(w) ?? 0) > 0);
    if (take.length === 0) {
      if (scopeWaiting.length > 0) {
        reject(row, 'TRACKING_UNITS_TAKEN', true, { takenByRows: [...new Set(scopeWaiting.map((w) => takenBy.get(w)))] });
      } else {
        const statuses = new Set<UnitStatus>();
        for (const g of groups) if (g.items.some((u) => u.quantity > 0 && inScope(row, u.itemId, g.addressId))) statuses.add(g.status);
        reject(row, 'TRACKING_NOTHING_TO_SHIP', true, { statuses: [...statuses] });
      }
      continue;
    }
    let parcel = parcels.find((p) => p.key === key);
    if (parcel && parcel.courier !== row.courier) {
      reject(row, 'TRACKING_COURIER_CONFLICT', true, { courier: parcel.courier, otherRows: parcel.rows });
      continue;
    }
    if (!parcel) {
      parcel = { key, courier: row.courier, trackingNumber: row.trackingNumber, units: [], rows: [] };
      parcels.push(parcel);
    }
    let quantity = 0;
    // a parcel row takes what the parcel held, item by item; other rows take everything in scope
    const wanted = row.parcel ? new Map(row.parcel.units.map((u) => [u.itemId, u.quantity])) : null;
    for (const w of take) {
      const q = wanted ? Math.min(remaining.get(w) ?? 0, wanted.get(w.itemId) ?? 0) : (remaining.get(w) ?? 0);
      if (q === 0) continue;
      wanted?.set(w.itemId, (wanted.get(w.itemId) ?? 0) - q);
      const same = parcel.units.find((u) => u.itemId === w.itemId && u.addressId === w.addressId);
      if (same) same.quantity += q;
      else parcel.units.push({ itemId: w.itemId, addressId: w.addressId, quantity: q });
      remaining.set(w, (remaining.get(w) ?? 0) - q);
      takenBy.set(w, row.row);
      quantity += q;
    }
    parcel.rows.push(row.row);
    verdicts.set(row.row, { row: row.row, outcome: 'apply', parcel: parcels.indexOf(parcel), quantity });
  }

  // one tracking number is one box at one address
  for (const parcel of parcels) {
    const addresses = new Set(parcel.units.map((u) => u.addressId));
    if (addresses.size < 2) continue;
    for (const r of parcel.rows) verdicts.set(r, { row: r, outcome: 'reject', code: 'TRACKING_SPANS_ADDRESSES', blocking: true, details: { addresses: addresses.size } });
  }

  const blockingRows = rows.filter((r) => {
    const v = verdicts.get(r.row);
    return v?.outcome === 'reject' && v.blocking;
  });
  if (blockingRows.length > 0) {
    const blockedBy = blockingRows.map((r) => r.row);
    for (const row of rows) {
      if (verdicts.get(row.row)?.outcome === 'apply') reject(row, 'TRACKING_SIBLING_REJECTED', true, { rejectedRows: blockedBy });
    }
  }
  const result = rows.map((r) => {
    const v = verdicts.get(r.row);
    if (!v) throw new Error(`row ${r.row} got no verdict`);
    return v;
  });
  const applies = blockingRows.length === 0;
  return { verdicts: result, parcels: applies ? parcels.map(({ courier, trackingNumber, units, rows: parcelRows }) => ({ courier, trackingNumber, units, rows: parcelRows })) : [] };
}
