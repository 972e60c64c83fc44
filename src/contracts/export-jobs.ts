import { z } from 'zod';
import { id } from './common';

/**
 * 엑셀 다운로드 as a job: an export of more orders than a download may take on the spot is written
 * in the background and answered 202 with this resource; the file is fetched when it is ready and
 * kept for EXPORT_FILE_RETENTION_HOURS.
 */
export const EXPORT_FILE_RETENTION_HOURS = 24;

/** ?async=true: a job whatever the size (by default only above the server's streaming limit). */
export const orderExportQuerySchema = z.object({ async: z.enum(['true', 'false']).optional() }).strict();

export const exportJobIdParams = z.object({ exportId: z.coerce.number().pipe(id) });

export const EXPORT_JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'expired'] as const;

export const exportJobSchema = z
  .object({
    id,
    /** queued → running → done (the file is ready) | failed; done becomes expired when the file is deleted. */
    status: z.enum(EXPORT_JOB_STATUSES),
    /** Orders written so far, of all the export's orders. */
    progress: z.object({ done: z.number().int(), total: z.number().int() }),
    /** The name the file is saved under, in the language it was asked for. */
    fileName: z.string(),
    /** Where to fetch the file once done; null before and after. */
    fileUrl: z.string().nullable(),
    /** The file's size and rows (one per item) once done. */
    bytes: z.number().int().nullable(),
    rows: z.number().int().nullable(),
    /** The file carries unmasked personal data: only `personal.export` may fetch it. */
    personal: z.boolean(),
    /** When the finished file is deleted. */
    expiresAt: z.string().nullable(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    createdByStaffId: z.number().int().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ExportJob' });
export type ExportJob = z.infer<typeof exportJobSchema>;
