import type { PersonalField } from '../../domain/personal-data';
import { MAX_RECORDED_ORDER_IDS, recordPersonalDataAccess } from '../audit/personal-data-access';
import { auditActorOf, recordAuditEvent } from '../audit/record';
import type { Principal } from '../auth/principal';
import type { Db } from '../db/client';

export interface DownloadRecord {
  /** Which file: orders, shipping, print_sheets … */
  file: string;
  /** The file name as the caller receives it. */
  fileName: string;
  orderIds: readonly number[];
  clientAddress: string;
  /** Set when the file carries unmasked personal data: what the access log records. */
  personal: { fields: readonly PersonalField[]; reason: string } | null;
  /** What chose the orders (filter, period, view, columns), kept with the record. */
  selection: Record<string, unknown>;
}

/**
 * Every download writes `export_downloaded` to the audit log, and one with unmasked personal data
 * an `export` entry in the access log too (with the order ids, or — past MAX_RECORDED_ORDER_IDS —
 * their count and the filter that chose them). Both in one transaction, before the first byte:
 * a file whose reading could not be recorded is not sent.
 */
export async function recordDownload(db: Db, principal: Principal, d: DownloadRecord): Promise<void> {
  const actor = auditActorOf(principal);
  const huge = d.orderIds.length > MAX_RECORDED_ORDER_IDS;
  await db.transaction(async (tx) => {
    if (d.personal) {
      await recordPersonalDataAccess(tx, principal, {
        purpose: 'export',
        orderIds: d.orderIds,
        fields: d.personal.fields,
        clientAddress: d.clientAddress,
        reason: d.personal.reason,
        detail: { file: d.file, fileName: d.fileName, ...(huge ? { selection: d.selection } : {}) },
      });
    }
    await recordAuditEvent(tx, {
      kind: 'export_downloaded',
      ...actor,
      subject: d.fileName,
      clientAddress: d.clientAddress,
      detail: { ...actor.detail, file: d.file, count: d.orderIds.length, personal: d.personal !== null, ...(d.personal ? { reason: d.personal.reason } : {}), selection: d.selection },
    });
  });
}
