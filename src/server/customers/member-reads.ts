import { and, gt, or, sql, type SQL } from 'drizzle-orm';
import type { Grade, Member, MemberList } from '../../contracts/members';
import { readSnapshot, type Executor } from '../db/client';
import { customers } from '../db/schema/index';
import { AppError } from '../http/errors';
import { gradesOf, memberView, memberViews, requireCustomer, toGrade } from './queries';

export async function listGrades(db: Executor, shopId: number): Promise<{ grades: Grade[] }> {
  return { grades: (await gradesOf(db, shopId)).map(toGrade) };
}

export async function getMember(db: Executor, shopId: number, externalId: string, now = new Date()): Promise<Member> {
  return readSnapshot(db, async (tx) => memberView(tx, shopId, (await requireCustomer(tx, shopId, externalId)).id, now));
}

/** `%`, `_` and `\` match themselves: a keyword is text, never a pattern. */
const likePattern = (keyword: string) => `%${keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The cursor is the id of the last member of the page (members page in the order they were written). */
function afterId(cursor: string): number {
  const id = /^[1-9]\d{0,14}$/.test(cursor) ? Number(cursor) : NaN;
  if (!Number.isSafeInteger(id)) throw new AppError('VALIDATION_FAILED', { field: 'cursor', reason: 'not a cursor of the member list' });
  return id;
}

/**
 * No index serves the keyword, on purpose for now: a shop's members are tens of thousands at most
 * and this is a storefront's sync check, not a screen staff type into.
 */
export async function listMembers(db: Executor, shopId: number, query: { keyword?: string | undefined; cursor?: string | undefined; limit: number }, now = new Date()): Promise<MemberList> {
  const conditions: SQL[] = [];
  if (query.keyword) {
    const pattern = likePattern(query.keyword);
    // phones are stored hyphenated; "01012345678" and "1234-5678" both find 010-1234-5678
    const digits = query.keyword.replace(/[\s\-.]/g, '');
    const match = or(
      sql`${customers.name} ilike ${pattern} escape '\\'`,
      sql`${customers.email} ilike ${pattern} escape '\\'`,
      sql`${customers.externalId} ilike ${pattern} escape '\\'`,
      digits ? sql`replace(${customers.phone}, '-', '') ilike ${likePattern(digits)} escape '\\'` : undefined,
    );
    if (match) conditions.push(match);
  }
  if (query.cursor) conditions.push(gt(customers.id, afterId(query.cursor)));
  const rows = await memberViews(db, shopId, and(...conditions), query.limit + 1, now);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return { items: page, nextCursor: rows.length > query.limit && last ? String(last.customerId) : null };
}
