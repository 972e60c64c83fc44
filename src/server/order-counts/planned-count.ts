import { queryRows, sql, type Executor } from '../db/client';
import type { SQL } from 'drizzle-orm';

/** What the planner expects of reading the orders matching a condition. */
export interface PlannedScan {
  /** the planner's estimate of the matching orders */
  rows: number;
  /** its estimate of the work, in its own cost units (a page read from disk in order = 1) */
  cost: number;
}

interface PlanNode {
  'Plan Rows'?: number;
  'Total Cost'?: number;
}

/**
 * EXPLAIN (no ANALYZE: nothing is read) of selecting the orders `where` matches: about a
 * millisecond of planning, from the table statistics ANALYZE keeps (autovacuum on PostgreSQL, the
 * upkeep task and every start on PGlite).
 */
export async function planOf(db: Executor, where: SQL): Promise<PlannedScan> {
  const [row] = await queryRows<{ 'QUERY PLAN': unknown }>(db, sql`explain (format json) select 1 from orders where ${where}`);
  const raw = row?.['QUERY PLAN'];
  const parsed: unknown = typeof raw === 'string' ? JSON.parse(raw) : raw;
  const plan = (Array.isArray(parsed) ? (parsed[0] as { Plan?: PlanNode } | undefined)?.Plan : undefined) ?? {};
  const rows = plan['Plan Rows'];
  const cost = plan['Total Cost'];
  if (typeof rows !== 'number' || typeof cost !== 'number') throw new Error('EXPLAIN answered without a plan');
  return { rows, cost };
}
