import { ERROR_CATALOG, type ErrorCode } from '../../contracts/errors';
import { memberBatchRowSchema, type MemberBatchResult } from '../../contracts/members';
import type { Tx } from '../db/client';
import { AppError, type Lang } from '../http/errors';
import { violatesUnique } from './queries';
import { gradeLookup, upsertMember } from './service';

type Row = MemberBatchResult['results'][number];

const refused = (index: number, externalId: string | null, code: ErrorCode, lang: Lang, details?: Record<string, unknown>): Row => ({
  index,
  externalId,
  outcome: 'refused',
  error: { code, message: ERROR_CATALOG[code][lang], ...(details ? { details } : {}) },
});

/**
 * Upserts up to 1,000 members, each on its own: a row is validated and written inside a savepoint,
 * so a refused row leaves nothing behind and the rows around it still commit. The batch as a whole
 * is one transaction (one Idempotency-Key replays all of it).
 */
export async function upsertMemberBatch(tx: Tx, shopId: number, rows: readonly unknown[], lang: Lang, now: Date): Promise<MemberBatchResult> {
  const grades = gradeLookup(tx, shopId);
  const seen = new Set<string>();
  const results: Row[] = [];
  for (const [index, raw] of rows.entries()) {
    const rawId = raw && typeof raw === 'object' && 'externalId' in raw && typeof raw.externalId === 'string' ? raw.externalId : null;
    const parsed = memberBatchRowSchema.safeParse(raw);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      results.push(refused(index, rawId, 'VALIDATION_FAILED', lang, { issues }));
      continue;
    }
    const { externalId, ...member } = parsed.data;
    if (seen.has(externalId)) {
      results.push(refused(index, externalId, 'MEMBER_BATCH_DUPLICATE', lang, { field: 'externalId' }));
      continue;
    }
    seen.add(externalId);
    try {
      const { outcome } = await tx.transaction((row) => upsertMember(row, shopId, externalId, member, grades, now));
      results.push({ index, externalId, outcome });
    } catch (error) {
      if (error instanceof AppError) results.push(refused(index, externalId, error.code, lang, error.details));
      else if (violatesUnique(error, 'customers_email_key')) results.push(refused(index, externalId, 'MEMBER_EMAIL_TAKEN', lang, { field: 'email' }));
      else throw error;
    }
  }
  const counts = { created: 0, updated: 0, unchanged: 0, refused: 0 };
  for (const r of results) counts[r.outcome] += 1;
  return { results, counts };
}
