import type { AccessLogEntry } from '../../contracts/audit';
import type { Db } from '../db/client';
import { orderNumbersOf, type listAccessLog } from './queries';

/** How many order numbers an entry names on screen; the ids are all there. */
const NAMED_ORDERS = 3;

type AccessRow = Awaited<ReturnType<typeof listAccessLog>>[number];
/** The log's rows as the API answers them, with the first orders' numbers. */
export async function toAccessLogEntries(db: Db, shopId: number, rows: readonly AccessRow[]): Promise<AccessLogEntry[]> {
  const numbers = await orderNumbersOf(db, shopId, rows.flatMap((r) => r.orderIds.slice(0, NAMED_ORDERS)));
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt.toISOString(),
    actorKind: r.actorKind,
    actorId: r.actorId,
    actorName: r.actorName,
    purpose: r.purpose,
    orderIds: r.orderIds,
    orderCount: r.orderCount,
    orderNumbers: r.orderIds.slice(0, NAMED_ORDERS).flatMap((id) => numbers.get(id) ?? []),
    fields: r.fields,
    clientAddress: r.clientAddress,
    reason: r.reason,
    detail: r.detail,
  }));
}

