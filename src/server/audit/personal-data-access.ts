import type { AccessPurpose } from '../../contracts/audit';
import type { PersonalField } from '../../domain/personal-data';
import type { Principal } from '../auth/principal';
import type { Executor } from '../db/client';
import { personalDataAccess } from '../db/schema/index';

/**
 * The most order ids one entry keeps. An export of every order of a big shop would otherwise
 * write a row of megabytes; past this the entry keeps the count and the filter that chose them.
 */
export const MAX_RECORDED_ORDER_IDS = 10_000;

export interface PersonalDataRead {
  purpose: AccessPurpose;
  orderIds: readonly number[];
  fields: readonly PersonalField[];
  clientAddress: string | null;
  reason?: string | null;
  /** For exports: the file, the filter and the columns. */
  detail?: Record<string, unknown>;
}

/**
 * Records one read of unmasked personal data (개인정보 접근 기록). Called before the data leaves:
 * a read that could not be recorded is not answered.
 */
export async function recordPersonalDataAccess(db: Executor, principal: Principal, read: PersonalDataRead): Promise<void> {
  const kept = read.orderIds.slice(0, MAX_RECORDED_ORDER_IDS);
  await db.insert(personalDataAccess).values({
    shopId: principal.shopId,
    actorKind: principal.kind === 'staff' ? 'staff' : 'api',
    actorId: principal.kind === 'staff' ? principal.staffId : principal.keyId,
    actorName: principal.kind === 'staff' ? principal.name : principal.keyName,
    purpose: read.purpose,
    orderIds: [...kept],
    orderCount: read.orderIds.length,
    fields: [...read.fields],
    clientAddress: read.clientAddress,
    reason: read.reason ?? null,
    detail: { ...(read.detail ?? {}), ...(kept.length < read.orderIds.length ? { orderIdsTruncated: true } : {}) },
  });
}
