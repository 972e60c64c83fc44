import { z } from 'zod';
import { normalizePhone } from '../domain/phone';
import { externalId, id, isoDateTime, won } from './common';

/**
 * Members and their grades as a storefront writes them, by its own ids (issue 10). A PUT carries
 * the whole member as the storefront has it now: an optional field left out is cleared.
 * Coupons and points are in member-benefits.ts.
 */

/** The storefront's own id of a member, coupon or issued coupon (common.ts). */
export const externalIdSchema = externalId;

export const gradeNameSchema = z.string().trim().min(1).max(30);
/** Percent with at most 2 decimals (numeric(5,2)): 2.5, 12.75. */
const discountRate = z
  .number()
  .min(0)
  .max(100)
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, 'at most 2 decimals');

export const upsertGradeSchema = z
  .object({
    discountRate,
    /** Where the grade sorts (lower first); a new grade left without one goes last, an existing one keeps its place. */
    position: z.number().int().min(0).max(10_000).optional(),
  })
  .strict()
  .meta({ id: 'UpsertMemberGrade' });
export type UpsertGradeRequest = z.infer<typeof upsertGradeSchema>;

export const gradeSchema = z.object({ name: z.string(), discountRate: z.number(), position: z.number().int() }).meta({ id: 'MemberGrade' });
export type Grade = z.infer<typeof gradeSchema>;
export const gradeListSchema = z.object({ grades: z.array(gradeSchema) }).meta({ id: 'MemberGradeList' });
export const gradeParams = z.object({ name: gradeNameSchema });

const phoneField = z
  .string()
  .max(30)
  .refine((v) => normalizePhone(v) !== null, 'a Korean phone number (010-1234-5678, 01012345678, +82 10 1234 5678)');
export const upsertMemberSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    /** Stored hyphenated (010-1234-5678) whichever way it was written. */
    phone: phoneField.nullable().optional(),
    /** Stored in lower case; unique among the shop's members (`MEMBER_EMAIL_TAKEN`). */
    email: z.string().trim().toLowerCase().max(254).check(z.email()).nullable().optional(),
    /** A grade's name (PUT /api/v1/member-grades/{name} first: `MEMBER_GRADE_UNKNOWN`); null or absent: no grade. */
    grade: gradeNameSchema.nullable().optional(),
  })
  .strict()
  .meta({ id: 'UpsertMember' });
export type UpsertMemberRequest = z.infer<typeof upsertMemberSchema>;

export const memberSchema = z
  .object({
    externalId: externalIdSchema.nullable(),
    /** Jumun's id of the member: what an order's `orderer.customerId` takes. */
    customerId: id,
    name: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    grade: gradeSchema.nullable(),
    /** 보유 적립금: Σ of the points entries. */
    pointsBalance: won,
    /** Issued coupons usable now: available, not expired, their coupon active and within its dates. */
    availableCoupons: z.number().int().min(0),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Member' });
export type Member = z.infer<typeof memberSchema>;

export const memberParams = z.object({ externalId: externalIdSchema });

export const MEMBER_PAGE_DEFAULT = 50;
export const memberListQuerySchema = z.object({
  /** Part of the name, e-mail, phone or storefront id, any case. */
  keyword: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(MEMBER_PAGE_DEFAULT),
  /** `nextCursor` of the previous page, with the same keyword. */
  cursor: z.string().max(100).optional(),
});
/** In the order the members were first written to Jumun. */
export const memberListSchema = z.object({ items: z.array(memberSchema), nextCursor: z.string().nullable() }).meta({ id: 'MemberList' });
export type MemberList = z.infer<typeof memberListSchema>;

export const MAX_MEMBER_BATCH = 1000;
/** One row of a batch: a member's id with the body its PUT would take. */
export const memberBatchRowSchema = upsertMemberSchema.extend({ externalId: externalIdSchema }).strict().meta({ id: 'MemberBatchRow' });
/**
 * Rows are validated one by one, so one bad row does not refuse the others: the body is checked
 * only for being a list of 1–1,000 objects here, each row against MemberBatchRow by the server.
 */
export const memberBatchSchema = z
  .object({
    members: z
      .array(z.record(z.string(), z.unknown()).meta({ description: 'A MemberBatchRow: externalId, name, phone?, email?, grade?' }))
      .min(1)
      .max(MAX_MEMBER_BATCH),
  })
  .strict()
  .meta({ id: 'MemberBatch' });

export const BATCH_OUTCOMES = ['created', 'updated', 'unchanged', 'refused'] as const;
export const memberBatchResultSchema = z
  .object({
    results: z.array(
      z.object({
        index: z.number().int().min(0),
        externalId: z.string().nullable(),
        outcome: z.enum(BATCH_OUTCOMES),
        /** Why a refused row was refused (nothing of it was written). */
        error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() }).optional(),
      }),
    ),
    counts: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), refused: z.number().int() }),
  })
  .meta({ id: 'MemberBatchResult' });
export type MemberBatchResult = z.infer<typeof memberBatchResultSchema>;
