import { and, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { AUDIT_KIND_GROUPS, type AccessLogFilter, type AuditEventQuery } from '../../contracts/audit';
import type { Executor } from '../db/client';
import { orders, personalDataAccess, securityEvents, staff } from '../db/schema/index';
import { addDays, seoulDayStart } from '../order-list/seoul-days';
import { bigintArray } from '../order-list/sql-arrays';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** `from`…`to` as Seoul days, both included, on a timestamp column. */
function withinDays(column: AnyPgColumn, from: string | undefined, to: string | undefined): SQL[] {
  return [...(from ? [gte(column, seoulDayStart(from))] : []), ...(to ? [lt(column, seoulDayStart(addDays(to, 1)))] : [])];
}

/**
 * One page of the personal-data access log, newest first (ids grow with time), below `beforeId`.
 * An unknown order number matches nothing rather than everything.
 */
export async function listAccessLog(db: Executor, shopId: number, filter: AccessLogFilter, page: { limit: number; beforeId?: number }) {
  const conditions: SQL[] = [eq(personalDataAccess.shopId, shopId), ...withinDays(personalDataAccess.createdAt, filter.from, filter.to)];
  if (filter.actorKind) conditions.push(eq(personalDataAccess.actorKind, filter.actorKind));
  if (filter.actorId !== undefined) conditions.push(eq(personalDataAccess.actorId, filter.actorId));
  if (filter.purpose) conditions.push(eq(personalDataAccess.purpose, filter.purpose));
  if (filter.orderNumber) {
    const [order] = await db.select({ id: orders.id }).from(orders).where(and(eq(orders.shopId, shopId), eq(orders.orderNumber, filter.orderNumber)));
    if (!order) return [];
    conditions.push(sql`${personalDataAccess.orderIds} @> ${bigintArray([order.id])}`);
  }
  if (page.beforeId !== undefined) conditions.push(lt(personalDataAccess.id, page.beforeId));
  return db
    .select()
    .from(personalDataAccess)
    .where(and(...conditions))
    .orderBy(desc(personalDataAccess.id))
    .limit(page.limit);
}

/** Order numbers by id, for the few orders a page of entries names. */
export async function orderNumbersOf(db: Executor, shopId: number, ids: readonly number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: orders.id, orderNumber: orders.orderNumber }).from(orders).where(and(eq(orders.shopId, shopId), inArray(orders.id, unique)));
  return new Map(rows.map((r) => [r.id, r.orderNumber]));
}

/** One page of the audit log (security_events), newest first, with the acting staff member's name. */
export async function listAuditEvents(db: Executor, shopId: number, query: Omit<AuditEventQuery, 'cursor'> & { beforeId?: number }) {
  const conditions: SQL[] = [eq(securityEvents.shopId, shopId), ...withinDays(securityEvents.createdAt, query.from, query.to)];
  if (query.group) conditions.push(inArray(securityEvents.kind, [...AUDIT_KIND_GROUPS[query.group]]));
  if (query.staffId !== undefined) conditions.push(eq(securityEvents.staffId, query.staffId));
  if (query.beforeId !== undefined) conditions.push(lt(securityEvents.id, query.beforeId));
  return db
    .select({
      id: securityEvents.id,
      kind: securityEvents.kind,
      staffId: securityEvents.staffId,
      staffName: staff.name,
      subject: securityEvents.subject,
      clientAddress: securityEvents.clientAddress,
      detail: securityEvents.detail,
      createdAt: securityEvents.createdAt,
    })
    .from(securityEvents)
    .leftJoin(staff, and(eq(staff.shopId, securityEvents.shopId), eq(staff.id, securityEvents.staffId)))
    .where(and(...conditions))
    .orderBy(desc(securityEvents.id))
    .limit(query.limit);
}
