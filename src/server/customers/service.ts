import { and, eq, max, ne, sql } from 'drizzle-orm';
import type { Grade, UpsertGradeRequest, UpsertMemberRequest } from '../../contracts/members';
import { normalizePhone } from '../../domain/phone';
import type { Executor, Tx } from '../db/client';
import { customers, memberGrades } from '../db/schema/index';
import { AppError } from '../http/errors';
import type { StoredResponse } from '../idempotency/service';
import { customerByExternalId, gradeByName, toGrade, type CustomerRow, type GradeRow } from './queries';

/** Grades and members written by a storefront, by grade name and member id. Reads are in member-reads.ts. */

export async function upsertGrade(tx: Tx, shopId: number, name: string, input: UpsertGradeRequest): Promise<StoredResponse<Grade>> {
  const [existing] = await tx
    .select()
    .from(memberGrades)
    .where(and(eq(memberGrades.shopId, shopId), eq(memberGrades.name, name)))
    .for('update');
  if (existing) {
    const position = input.position ?? existing.position;
    if (existing.discountRate === input.discountRate && existing.position === position) return { status: 200, body: toGrade(existing) };
    const [row] = await tx
      .update(memberGrades)
      .set({ discountRate: input.discountRate, position })
      .where(and(eq(memberGrades.shopId, shopId), eq(memberGrades.id, existing.id)))
      .returning();
    return { status: 200, body: toGrade(one(row)) };
  }
  const [last] = await tx.select({ position: max(memberGrades.position) }).from(memberGrades).where(eq(memberGrades.shopId, shopId));
  const position = input.position ?? (last?.position ?? -1) + 1;
  const [row] = await tx
    .insert(memberGrades)
    .values({ shopId, name, discountRate: input.discountRate, position })
    .onConflictDoNothing({ target: [memberGrades.shopId, memberGrades.name] })
    .returning();
  // a concurrent twin created it first: ours becomes the update it would have been
  if (!row) return upsertGrade(tx, shopId, name, input);
  return { status: 201, body: toGrade(row) };
}

export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

/** A grade by name, looked up once per request (a batch names the same few grades a thousand times). */
export type GradeLookup = (name: string) => Promise<GradeRow | null>;
export function gradeLookup(db: Executor, shopId: number): GradeLookup {
  const known = new Map<string, Promise<GradeRow | null>>();
  return (name) => {
    let found = known.get(name);
    if (!found) known.set(name, (found = gradeByName(db, shopId, name)));
    return found;
  };
}

interface MemberFields {
  name: string;
  phone: string | null;
  email: string | null;
  gradeId: number | null;
}

async function fieldsOf(input: UpsertMemberRequest, grades: GradeLookup): Promise<MemberFields> {
  // the contract has already refused phones that do not normalise
  const phone = input.phone ? normalizePhone(input.phone) : null;
  let gradeId: number | null = null;
  if (input.grade) {
    const grade = await grades(input.grade);
    if (!grade) throw new AppError('MEMBER_GRADE_UNKNOWN', { field: 'grade', grade: input.grade });
    gradeId = grade.id;
  }
  return { name: input.name, phone, email: input.email ?? null, gradeId };
}

const sameFields = (row: CustomerRow, f: MemberFields) => row.name === f.name && row.phone === f.phone && row.email === f.email && row.gradeId === f.gradeId;

/**
 * E-mails are compared in lower case: members written before this API may hold mixed-case ones,
 * and the unique index alone would let "Kim@x.kr" and "kim@x.kr" be two members.
 */
async function refuseTakenEmail(tx: Tx, shopId: number, email: string, exceptId: number | null) {
  const [holder] = await tx
    .select({ externalId: customers.externalId, id: customers.id })
    .from(customers)
    .where(and(eq(customers.shopId, shopId), sql`lower(${customers.email}) = ${email}`, exceptId === null ? undefined : ne(customers.id, exceptId)))
    .limit(1);
  if (holder) throw new AppError('MEMBER_EMAIL_TAKEN', { field: 'email', heldBy: holder.externalId ?? `customer:${holder.id}` });
}

/**
 * Creates or replaces the member the storefront calls `externalId`, in the caller's transaction.
 * Nothing is written when the member is already as given (`unchanged`: updated_at stays).
 */
export async function upsertMember(tx: Tx, shopId: number, externalId: string, input: UpsertMemberRequest, grades: GradeLookup, now: Date): Promise<{ outcome: UpsertOutcome; customerId: number }> {
  const fields = await fieldsOf(input, grades);
  const existing = await customerByExternalId(tx, shopId, externalId, true);
  if (existing && sameFields(existing, fields)) return { outcome: 'unchanged', customerId: existing.id };
  if (fields.email !== null && fields.email !== existing?.email) await refuseTakenEmail(tx, shopId, fields.email, existing?.id ?? null);
  if (existing) {
    await tx
      .update(customers)
      .set({ ...fields, updatedAt: now })
      .where(and(eq(customers.shopId, shopId), eq(customers.id, existing.id)));
    return { outcome: 'updated', customerId: existing.id };
  }
  const [created] = await tx
    .insert(customers)
    .values({ shopId, externalId, ...fields, createdAt: now, updatedAt: now })
    .onConflictDoNothing({ target: [customers.shopId, customers.externalId], where: sql`${customers.externalId} is not null` })
    .returning({ id: customers.id });
  // a concurrent twin created the member first (we waited on its row): ours becomes an update
  if (!created) return upsertMember(tx, shopId, externalId, input, grades, now);
  return { outcome: 'created', customerId: created.id };
}

function one<T>(row: T | undefined): T {
  if (!row) throw new Error('expected the written row');
  return row;
}
