import { sql } from 'drizzle-orm';
import type { BulkAction, BulkPreview, BulkSelection } from '../../contracts/bulk-jobs';
import { exclusionLabel, exclusionOf } from '../../domain/bulk-actions';
import type { OrderStatus } from '../../domain/order-status';
import type { UnitStatus } from '../../domain/status';
import { queryRows, type Executor } from '../db/client';
import { orders } from '../db/schema/index';
import type { Lang } from '../http/errors';
import { bigintArray } from '../order-list/sql-arrays';
import { awaitingPaymentHeldSql, selectionWhere, shipmentOrderIds } from './selection';

const nf = new Intl.NumberFormat('ko-KR');

/**
 * How many orders match, how many the action will process, and the rest grouped by why. The rule
 * (exclusionOf) reads only cached columns (and, for 입금확인, whether the 입금대기 units are all held
 * for an additional payment), so the orders are grouped by those in SQL and the rule runs once per
 * distinct combination: a handful of rows however many orders match.
 */
export async function previewBulk(db: Executor, shopId: number, selection: BulkSelection, action: BulkAction, now: Date, lang: Lang): Promise<BulkPreview> {
  const shipIds = shipmentOrderIds(action);
  const hasShipment = shipIds.length > 0 ? sql`${orders.id} = any(${bigintArray(shipIds)})` : sql`false`;
  const combos = await queryRows<{
    unit_statuses: UnitStatus[] | string;
    order_status: OrderStatus;
    payment_method: string | null;
    has_shipment: boolean;
    held: boolean;
    n: number | string;
  }>(
    db,
    sql`select ${orders.unitStatuses} as unit_statuses, ${orders.orderStatus} as order_status, ${orders.paymentMethod} as payment_method,
               ${hasShipment} as has_shipment, ${awaitingPaymentHeldSql(action)} as held, count(*) as n
        from ${orders} where ${selectionWhere(shopId, selection, now)}
        group by 1, 2, 3, 4, 5`,
  );
  let matched = 0;
  let willProcess = 0;
  const groups = new Map<string, { code: string; orderStatus: string; label: string; count: number }>();
  for (const c of combos) {
    const n = Number(c.n);
    matched += n;
    const excluded = exclusionOf(action.type, {
      unitStatuses: parseTextArray(c.unit_statuses) as UnitStatus[],
      orderStatus: c.order_status,
      paymentMethod: c.payment_method,
      hasShipment: c.has_shipment,
      awaitingPaymentHeld: c.held,
    });
    if (!excluded) {
      willProcess += n;
      continue;
    }
    const key = `${excluded.code}:${excluded.orderStatus}`;
    const group = groups.get(key) ?? { code: excluded.code, orderStatus: excluded.orderStatus, label: exclusionLabel(excluded, lang), count: 0 };
    group.count += n;
    groups.set(key, group);
  }
  const exclusions = [...groups.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  const excluded = matched - willProcess;
  const summary =
    lang === 'ko'
      ? `${nf.format(matched)}건 중 ${nf.format(willProcess)}건 처리, ${nf.format(excluded)}건 제외`
      : `${nf.format(willProcess)} of ${nf.format(matched)} orders will be processed, ${nf.format(excluded)} left out`;
  return { matched, willProcess, excluded, exclusions, summary };
}

/** pg answers text[] as an array; PGlite through a raw query may answer its literal `{a,b}`. */
export function parseTextArray(value: readonly string[] | string): string[] {
  if (Array.isArray(value)) return [...value];
  const inner = String(value).replace(/^\{|\}$/g, '');
  return inner === '' ? [] : inner.split(',').map((s) => s.replace(/^"|"$/g, ''));
}
