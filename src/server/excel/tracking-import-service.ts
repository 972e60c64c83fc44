import { and, eq, sql } from 'drizzle-orm';
import { shipmentInputSchema, type StatusChangeBody } from '../../contracts/fulfillment';
import type { TrackingImportResult, TrackingImportRow } from '../../contracts/excel';
import { ERROR_CATALOG } from '../../contracts/errors';
import { findCourier, type Courier } from '../../domain/couriers';
import type { EventDraft } from '../../domain/events';
import type { GroupState } from '../../domain/fulfillment-moves';
import { digitsMayBeLost } from '../../domain/spreadsheet-values';
import { STATUS_LABELS, type UnitStatus } from '../../domain/status';
import { planTrackingRows, type PlannedParcel, type RowVerdict } from '../../domain/tracking-import-plan';
import { actorOf } from '../auth/actor';
import type { Principal } from '../auth/principal';
import type { Db, Executor } from '../db/client';
import { orderItems, orders } from '../db/schema/index';
import { loadGroups } from '../fulfillment/queries';
import { changeStatuses } from '../fulfillment/status-service';
import { AppError, type Lang } from '../http/errors';
import { textArray } from '../order-list/sql-arrays';
import { mutateOrder } from '../orders/mutation';
import { parcelOwners, stepParcelsToReady, withParcels, type ImportRowInput } from './tracking-parcels';
import type { SheetRow, TrackingSheet } from './tracking-sheet';

/** A row as read and checked on its own, before any order is looked at. */
interface PreparedRow {
  sheet: SheetRow;
  orderNumber: string | null;
  itemId: number | null;
  /** The 배송그룹번호 (고객주문번호) of a 송장 출력 file: ships exactly that parcel. */
  parcelId: number | null;
  courier: Courier | null;
  trackingNumber: string | null;
  /** The first thing wrong with the row by itself. */
  invalid?: { code: string; details: Record<string, unknown> };
}

const positiveId = (text: string | null) => (text !== null && /^\d{1,15}$/.test(text) && Number(text) > 0 ? Number(text) : null);

/** `fileCourier`: the courier of a file without a 택배사 column (named with the upload, or recognised from its headers). */
function prepare(sheet: SheetRow, fileCourier: Courier | null): PreparedRow {
  const { orderNumber, itemNumber, courier, trackingNumber, parcelNumber } = sheet.cells;
  const itemId = positiveId(itemNumber.text);
  const parcelId = positiveId(parcelNumber.text);
  const found = courier.text === null ? fileCourier : findCourier(courier.text);
  const tracking = trackingNumber.text === null ? null : shipmentInputSchema.shape.trackingNumber.safeParse(trackingNumber.text);
  const base = { sheet, orderNumber: orderNumber.text, itemId, parcelId, courier: found, trackingNumber: tracking?.success ? tracking.data : null };
  const invalid = (code: string, details: Record<string, unknown> = {}): PreparedRow => ({ ...base, invalid: { code, details } });
  if (orderNumber.text === null && parcelNumber.text === null) return invalid('TRACKING_ORDER_NUMBER_MISSING');
  if (parcelNumber.text !== null && parcelId === null) return invalid('TRACKING_PARCEL_NOT_FOUND', { parcelNumber: parcelNumber.text });
  if (itemNumber.text !== null && itemId === null) return invalid('TRACKING_ITEM_NOT_FOUND', { itemNumber: itemNumber.text });
  if (courier.text === null && !fileCourier) return invalid('TRACKING_COURIER_MISSING');
  if (!found) return invalid('TRACKING_COURIER_UNKNOWN', { courier: courier.text });
  if (trackingNumber.text === null) return invalid('TRACKING_NUMBER_MISSING');
  if (digitsMayBeLost(trackingNumber)) return invalid('TRACKING_NUMBER_DIGITS_LOST', { trackingNumber: trackingNumber.text });
  if (!tracking?.success) return invalid('TRACKING_NUMBER_INVALID', { trackingNumber: trackingNumber.text });
  return base;
}

/** Rows with neither courier nor tracking number ask for nothing: an exported order not to ship yet. */
const isBlank = (r: SheetRow) => r.cells.courier.text === null && r.cells.trackingNumber.text === null;

const planInput = (r: PreparedRow): ImportRowInput => ({
  row: r.sheet.row,
  // a parcel is exact: an item number beside it says nothing more
  itemId: r.parcelId === null ? r.itemId : null,
  parcelId: r.parcelId,
  courier: r.courier?.code ?? '',
  trackingNumber: r.trackingNumber ?? '',
  invalid: r.invalid,
});

async function loadItemIds(db: Executor, shopId: number, orderId: number): Promise<Set<number>> {
  const rows = await db.select({ id: orderItems.id }).from(orderItems).where(and(eq(orderItems.shopId, shopId), eq(orderItems.orderId, orderId)));
  return new Set(rows.map((r) => r.id));
}

/**
 * The status changes that ship a planned parcel, against the groups as they are now (an earlier
 * parcel of the same order may have split a group): its units are taken from the 배송대기 groups at
 * its address.
 */
function changesFor(parcel: PlannedParcel, groups: readonly GroupState[]): StatusChangeBody['changes'] {
  const changes: StatusChangeBody['changes'] = [];
  for (const unit of parcel.units) {
    let left = unit.quantity;
    for (const g of groups) {
      if (left === 0) break;
      if (g.status !== 'ready_to_ship' || g.addressId !== unit.addressId) continue;
      const held = g.items.find((u) => u.itemId === unit.itemId)?.quantity ?? 0;
      const quantity = Math.min(held, left);
      if (quantity > 0) changes.push({ shipmentGroupId: g.id, itemId: unit.itemId, quantity, to: 'shipping' });
      left -= quantity;
    }
    if (left > 0) throw new Error(`planned ${unit.quantity} units of item ${unit.itemId} that are not ready to ship`);
  }
  return changes;
}

/** The order's rows were refused as a whole; nothing it wrote may stay (thrown to roll back). */
class OrderRefused extends Error {
  constructor(readonly verdicts: RowVerdict[]) {
    super('the order’s rows were refused');
  }
}

const reject = (row: number, code: string, details: Record<string, unknown> = {}): RowVerdict => ({ row, outcome: 'reject', code, blocking: true, details });

/**
 * Ships the order's rows in ONE mutation (lock, version, summary, timeline, as a change by hand):
 * the plan is made on the locked order, each parcel goes through changeStatuses, and if any row or
 * any parcel is refused the transaction rolls back whole.
 */
async function applyOrderRows(db: Db, principal: Principal, orderId: number, version: number, rows: ImportRowInput[], idempotencyKey: string | undefined): Promise<RowVerdict[]> {
  const actor = actorOf(principal);
  let expectedVersion = version;
  for (let attempt = 1; ; attempt++) {
    try {
      const { result } = await mutateOrder(
        db,
        {
          principal,
          orderId,
          expectedVersion,
          // one key per order, derived from the upload's: a retried upload replays each order's outcome
          idempotencyKey: idempotencyKey === undefined ? undefined : `${idempotencyKey}#order-${orderId}`,
          request: { route: 'tracking-imports', rows },
        },
        async (tx, order, now) => {
          const before = await loadGroups(tx, order.shopId, order.id);
          const inputs = withParcels(before, rows);
          // a refused plan rolls these steps back with everything else
          const stepped = await stepParcelsToReady(tx, order, before, inputs, actor, now);
          let groups = stepped.groups;
          const plan = planTrackingRows(groups, await loadItemIds(tx, order.shopId, order.id), inputs);
          if (plan.parcels.length === 0) throw new OrderRefused(plan.verdicts);
          const events: EventDraft[] = [...stepped.events];
          for (const [i, parcel] of plan.parcels.entries()) {
            if (i > 0) groups = await loadGroups(tx, order.shopId, order.id);
            const changes = changesFor(parcel, groups);
            try {
              const outcome = await changeStatuses(tx, order, { changes, shipment: { courier: parcel.courier, trackingNumber: parcel.trackingNumber } }, actor, now);
              events.push(...outcome.events);
            } catch (error) {
              if (!(error instanceof AppError)) throw error;
              // the status service refused this parcel: its rows carry its reason, the others are siblings
              const failed = new Set(parcel.rows);
              throw new OrderRefused(
                plan.verdicts.map((v) =>
                  v.outcome !== 'apply' ? v : failed.has(v.row) ? reject(v.row, error.code, error.details ?? {}) : reject(v.row, 'TRACKING_SIBLING_REJECTED', { rejectedRows: parcel.rows }),
                ),
              );
            }
          }
          return { events, result: plan.verdicts };
        },
      );
      return result;
    } catch (error) {
      if (error instanceof OrderRefused) return error.verdicts;
      if (!(error instanceof AppError)) throw error;
      // changed by someone between reading its version and locking it: the plan is made on the
      // locked order anyway, so the current version is as good as the one read
      if (error.code === 'ORDER_VERSION_CONFLICT' && attempt < 3) {
        const current = error.details?.currentVersion;
        if (typeof current === 'number') {
          expectedVersion = current;
          continue;
        }
      }
      return rows.map((r) => reject(r.row, error.code, error.details ?? {}));
    }
  }
}

/** The rows of an order that cannot apply (a row is bad by itself): verdicts without writing anything. */
async function refuseOrderRows(db: Db, shopId: number, orderId: number, rows: ImportRowInput[]): Promise<RowVerdict[]> {
  const groups = await loadGroups(db, shopId, orderId);
  return planTrackingRows(groups, await loadItemIds(db, shopId, orderId), withParcels(groups, rows)).verdicts;
}

function rowMessage(verdict: RowVerdict, lang: Lang): string {
  if (verdict.outcome === 'apply') return lang === 'ko' ? `${verdict.quantity}개 발송 처리했습니다.` : `Shipped ${verdict.quantity} unit(s).`;
  const entry = (ERROR_CATALOG as Record<string, { ko: string; en: string } | undefined>)[verdict.code];
  const base = entry?.[lang] ?? verdict.code;
  const d = verdict.details;
  const rowsOf = (value: unknown) => (Array.isArray(value) ? value.join(', ') : String(value));
  const rowNote = (value: unknown) => (lang === 'ko' ? ` (${rowsOf(value)}행)` : ` (row ${rowsOf(value)})`);
  switch (verdict.code) {
    case 'TRACKING_SIBLING_REJECTED': return base + rowNote(d.rejectedRows);
    case 'TRACKING_DUPLICATE_ROW': return base + rowNote(d.sameAsRow);
    case 'TRACKING_UNITS_TAKEN': return base + rowNote(d.takenByRows);
    case 'TRACKING_COURIER_CONFLICT': return base + rowNote(d.otherRows);
    case 'TRACKING_COURIER_UNKNOWN': return `${base} (${lang === 'ko' ? '입력' : 'given'}: ${String(d.courier)})`;
    case 'TRACKING_NOTHING_TO_SHIP': {
      const statuses = Array.isArray(d.statuses) ? d.statuses.map((s) => STATUS_LABELS[s as UnitStatus]?.[lang] ?? String(s)) : [];
      return statuses.length === 0 ? base : `${base} (${lang === 'ko' ? '현재' : 'now'}: ${statuses.join(', ')})`;
    }
    default: return base;
  }
}

/**
 * 송장 일괄 등록: reads the sheet, checks every row, and ships each order's rows in one mutation
 * of that order (all of its rows or none). Orders are independent: one order's refusal never
 * holds back another's. Answers a verdict per row, in sheet order.
 */
export async function importTrackingNumbers(
  db: Db,
  principal: Principal,
  sheet: TrackingSheet,
  lang: Lang,
  idempotencyKey?: string,
  fileCourier: Courier | null = null,
): Promise<TrackingImportResult> {
  const shopId = principal.shopId;
  const sheetRows = sheet.rows;
  const prepared = sheetRows.filter((r) => !isBlank(r)).map((r) => prepare(r, sheet.hasCourierColumn ? null : fileCourier));
  const numbers = [...new Set(prepared.flatMap((r) => (r.orderNumber === null ? [] : [r.orderNumber])))];
  const found = numbers.length === 0 ? [] : await db
    .select({ id: orders.id, orderNumber: orders.orderNumber, version: orders.version })
    .from(orders)
    .where(and(eq(orders.shopId, shopId), sql`${orders.orderNumber} = any(${textArray(numbers)})`));
  const orderOfNumber = new Map(found.map((o) => [o.orderNumber, o]));
  const owners = await parcelOwners(db, shopId, [...new Set(prepared.flatMap((r) => (r.parcelId === null ? [] : [r.parcelId])))]);
  const versionOf = new Map([...found.map((o) => [o.id, o.version] as const), ...[...owners.values()].map((o) => [o.orderId, o.version] as const)]);
  /** A parcel row's order is its parcel's; its 주문번호, when given, must be that order's. */
  const orderOf = (r: PreparedRow) => {
    if (r.parcelId === null) return r.orderNumber === null ? undefined : orderOfNumber.get(r.orderNumber);
    const owner = owners.get(r.parcelId);
    return owner && (r.orderNumber === null || r.orderNumber === owner.orderNumber) ? { id: owner.orderId, orderNumber: owner.orderNumber } : undefined;
  };

  const verdicts = new Map<number, RowVerdict>();
  const byOrder = new Map<number, PreparedRow[]>();
  for (const r of prepared) {
    const order = orderOf(r);
    if (!order) {
      verdicts.set(
        r.sheet.row,
        r.parcelId !== null
          ? reject(r.sheet.row, 'TRACKING_PARCEL_NOT_FOUND', { parcelNumber: String(r.parcelId) })
          : r.orderNumber === null ? reject(r.sheet.row, r.invalid?.code ?? 'TRACKING_ORDER_NUMBER_MISSING', r.invalid?.details ?? {}) : reject(r.sheet.row, 'TRACKING_ORDER_NOT_FOUND', { orderNumber: r.orderNumber }),
      );
      continue;
    }
    const list = byOrder.get(order.id);
    if (list) list.push(r);
    else byOrder.set(order.id, [r]);
  }
  // one order after the other: each is its own transaction, and a PGlite server has one connection
  for (const [orderId, rows] of byOrder) {
    const version = versionOf.get(orderId) ?? 0;
    const inputs = rows.map(planInput);
    const outcome = rows.some((r) => r.invalid) ? await refuseOrderRows(db, shopId, orderId, inputs) : await applyOrderRows(db, principal, orderId, version, inputs, idempotencyKey);
    for (const v of outcome) verdicts.set(v.row, v);
  }

  const orderIdOf = (r: PreparedRow) => orderOf(r)?.id ?? null;
  const out: TrackingImportRow[] = prepared.map((r) => {
    const verdict = verdicts.get(r.sheet.row) ?? reject(r.sheet.row, 'INTERNAL');
    const applied = verdict.outcome === 'apply';
    return {
      row: r.sheet.row,
      orderNumber: r.sheet.cells.orderNumber.text,
      itemNumber: r.sheet.cells.itemNumber.text,
      ...(sheet.hasParcelColumn ? { parcelNumber: r.sheet.cells.parcelNumber.text } : {}),
      courier: r.sheet.cells.courier.text,
      trackingNumber: r.sheet.cells.trackingNumber.text,
      outcome: applied ? 'applied' : 'rejected',
      code: applied ? null : verdict.code,
      message: rowMessage(verdict, lang),
      orderId: orderIdOf(r),
      courierCode: r.courier?.code ?? null,
      shippedQuantity: applied ? verdict.quantity : 0,
    };
  });
  const shippedOrders = new Set(out.filter((r) => r.outcome === 'applied').map((r) => r.orderId));
  const parcels = new Set(
    out.flatMap((r) => {
      const v = verdicts.get(r.row);
      return v?.outcome === 'apply' ? [`${r.orderId}|${v.parcel}`] : [];
    }),
  );
  return {
    rows: out,
    totals: {
      rows: out.length,
      applied: out.filter((r) => r.outcome === 'applied').length,
      rejected: out.filter((r) => r.outcome === 'rejected').length,
      skipped: sheetRows.length - prepared.length,
      ordersShipped: shippedOrders.size,
      ordersRejected: [...byOrder.keys()].filter((id) => !shippedOrders.has(id)).length,
      parcels: parcels.size,
      unitsShipped: out.reduce((sum, r) => sum + r.shippedQuantity, 0),
    },
  };
}
