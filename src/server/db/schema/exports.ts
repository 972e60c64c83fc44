import { customType, integer, pgTable, primaryKey } from 'drizzle-orm/pg-core';
import { ref, shopId } from './columns';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  // pg answers a Buffer, PGlite a Uint8Array: one type for the callers
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)),
});

/**
 * The finished file of an export job (bulk_jobs kind 'export'), in pieces of about 1 MB in order.
 * It lives in the database, not on one server's disk: any app server answers its download, and a
 * server that died mid-job leaves nothing behind that the next one cannot clear. Deleted a day
 * after the job finished (scheduled task `old-export-files`).
 */
export const exportFileChunks = pgTable(
  'export_file_chunks',
  {
    shopId: shopId(),
    jobId: ref('job_id').notNull(),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.jobId, t.seq] })],
);
