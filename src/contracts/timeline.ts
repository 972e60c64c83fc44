import { z } from 'zod';
import { staffRole } from './auth';
import { id, isoDateTime } from './common';

/** Who did it; `role`: a staff member's role now (대표, 매니저, 직원, 조회 전용), null for others and for staff no longer on record. */
export const actorSchema = z.object({ kind: z.enum(['staff', 'buyer', 'system', 'api']), id: id.nullable(), name: z.string().nullable(), role: staffRole.nullable() });

export const timelineEntrySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('event'),
    id,
    type: z.string(),
    at: isoDateTime,
    actor: actorSchema,
    description: z.string(),
    buyerVisible: z.boolean(),
    payload: z.record(z.string(), z.unknown()),
  }),
  z.object({
    kind: z.literal('memo'),
    id,
    at: isoDateTime,
    actor: actorSchema,
    body: z.string(),
    updatedAt: isoDateTime.nullable(),
    /** True when the signed-in staff member wrote it (only the author edits a memo). */
    editable: z.boolean(),
  }),
]);

export const timelineQuerySchema = z.object({ only: z.enum(['all', 'memos', 'events', 'messages']).default('all') });
export const timelineResponseSchema = z.object({ entries: z.array(timelineEntrySchema) }).meta({ id: 'Timeline' });
export type TimelineResponse = z.infer<typeof timelineResponseSchema>;

export const memoBodySchema = z.object({ body: z.string().trim().min(1).max(2000) });
export const memoSchema = z
  .object({ id, orderId: id, body: z.string(), authorStaffId: id, authorName: z.string(), createdAt: isoDateTime, updatedAt: isoDateTime.nullable() })
  .meta({ id: 'Memo' });
export type Memo = z.infer<typeof memoSchema>;
