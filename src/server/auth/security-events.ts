import { and, desc, eq, lt } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { securityEvents } from '../db/schema/index';

/** The shop's security record, newest first, paged by id. */
export async function listSecurityEvents(db: Executor, shopId: number, limit: number, before?: number) {
  return db
    .select({
      id: securityEvents.id,
      kind: securityEvents.kind,
      staffId: securityEvents.staffId,
      subject: securityEvents.subject,
      clientAddress: securityEvents.clientAddress,
      detail: securityEvents.detail,
      createdAt: securityEvents.createdAt,
    })
    .from(securityEvents)
    .where(and(eq(securityEvents.shopId, shopId), before === undefined ? undefined : lt(securityEvents.id, before)))
    .orderBy(desc(securityEvents.createdAt), desc(securityEvents.id))
    .limit(limit);
}
