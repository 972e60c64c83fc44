import { queryRows, sql, type Db } from '../db/client';

/**
 * What PostgreSQL's autovacuum would do, for PGlite, which has none: without it the dead rows of
 * every status change and memo pile up (each list page reads past them) and the planner's
 * statistics age until a plan goes wrong. The thresholds are autovacuum's defaults with the scale
 * factors halved — a bulk job rewrites tens of thousands of orders at once, and PGlite pays for a
 * late VACUUM in every request meanwhile, while an early one costs seconds on a quiet connection.
 */
export const UPKEEP_THRESHOLDS = {
  /** VACUUM when dead rows exceed base + factor × rows (autovacuum: 50 + 0.2). */
  vacuum: { base: 50, factor: 0.1 },
  /** VACUUM after many inserts too (autovacuum_vacuum_insert_*: 1000 + 0.2): it sets the visibility map index-only scans need. */
  insertVacuum: { base: 1_000, factor: 0.1 },
  /** ANALYZE when rows changed since the last one exceed base + factor × rows (autovacuum: 50 + 0.1). */
  analyze: { base: 50, factor: 0.05 },
} as const;

export interface TableActivity {
  table: string;
  /** Rows as last counted by VACUUM/ANALYZE (pg_class.reltuples; -1 when never, treated as the live count). */
  rows: number;
  live: number;
  dead: number;
  insertedSinceVacuum: number;
  modifiedSinceAnalyze: number;
}

export type UpkeepStep = { table: string; vacuum: boolean; analyze: boolean };

/** Which tables need a VACUUM (with ANALYZE) or only an ANALYZE, by the thresholds above. */
export function upkeepPlan(tables: readonly TableActivity[]): UpkeepStep[] {
  const steps: UpkeepStep[] = [];
  for (const t of tables) {
    const rows = t.rows >= 0 ? t.rows : t.live;
    const over = (limit: { base: number; factor: number }, n: number) => n > limit.base + limit.factor * rows;
    const vacuum = over(UPKEEP_THRESHOLDS.vacuum, t.dead) || over(UPKEEP_THRESHOLDS.insertVacuum, t.insertedSinceVacuum);
    const analyze = vacuum || over(UPKEEP_THRESHOLDS.analyze, t.modifiedSinceAnalyze);
    if (vacuum || analyze) steps.push({ table: t.table, vacuum, analyze });
  }
  return steps;
}

type ActivityRow = { table: string; rows: number | string; live: number | string; dead: number | string; inserted: number | string; modified: number | string };

/** The tables' activity counters; this connection's pending counts are flushed first (PGlite is one backend that rarely idles). */
async function tableActivity(db: Db): Promise<TableActivity[]> {
  await db.execute(sql`select pg_stat_force_next_flush()`);
  // the flush happens when a transaction ends: the statement above was one
  const rows = await queryRows<ActivityRow>(
    db,
    sql`select s.relname as table, c.reltuples as rows, s.n_live_tup as live, s.n_dead_tup as dead,
               s.n_ins_since_vacuum as inserted, s.n_mod_since_analyze as modified
        from pg_stat_user_tables s join pg_class c on c.oid = s.relid
        where s.schemaname = 'public'`,
  );
  return rows.map((r) => ({ table: r.table, rows: Number(r.rows), live: Number(r.live), dead: Number(r.dead), insertedSinceVacuum: Number(r.inserted), modifiedSinceAnalyze: Number(r.modified) }));
}

export interface UpkeepReport {
  vacuumed: string[];
  analyzed: string[];
}

/**
 * One look: VACUUM (ANALYZE) or ANALYZE the tables over their thresholds, one table at a time
 * (each holds PGlite's one connection for as long as it takes: under a second for most tables,
 * a few seconds for orders at 100,000).
 */
export async function runPgliteUpkeep(db: Db): Promise<UpkeepReport> {
  const report: UpkeepReport = { vacuumed: [], analyzed: [] };
  for (const step of upkeepPlan(await tableActivity(db))) {
    const table = sql.identifier(step.table);
    if (step.vacuum) {
      await db.execute(sql`vacuum (analyze) ${table}`);
      report.vacuumed.push(step.table);
    } else {
      await db.execute(sql`analyze ${table}`);
      report.analyzed.push(step.table);
    }
  }
  return report;
}
