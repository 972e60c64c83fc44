import { queryRows, sql, type Db } from '../../../src/server/db/client';

/**
 * What a refused request (or a read) may still write: the sign-in/API-key throttle and its security
 * record count failed attempts by design, an API key notes its last use (once a minute), a read of
 * one order's personal data is recorded in the access log, and scheduled tasks run on their own clock
 * (the count fold moves order-count changes into the counters, the totals staying as they were).
 */
const MAY_CHANGE_ON_REFUSAL = new Set([
  'sign_in_throttles',
  'security_events',
  'api_keys',
  'personal_data_access',
  'scheduled_tasks',
  'scheduled_task_runs',
  'order_status_counts',
  'order_status_count_changes',
]);
const LOG = 'fuzz_writes';

/**
 * The database's fingerprint, kept by the database itself: a row trigger on every table appends
 * each committed insert, update and delete to a log, so the fingerprint is the log's last number
 * (one cheap query) and a change names its tables. A rolled-back transaction leaves no entry, as
 * it leaves no change. Installed on the test database only; the server's code runs unchanged.
 */
export class WriteLog {
  constructor(private readonly db: Db) {}

  async install(): Promise<void> {
    await this.db.execute(sql.raw(`create table ${LOG} (seq bigserial primary key, tbl text not null, op text not null)`));
    await this.db.execute(
      sql.raw(`create function ${LOG}_note() returns trigger language plpgsql as $$
        begin insert into ${LOG} (tbl, op) values (tg_table_name, tg_op); return null; end $$`),
    );
    const tables = await queryRows<{ name: string }>(
      this.db,
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    const watched = tables.map((t) => t.name).filter((name) => name !== LOG && !MAY_CHANGE_ON_REFUSAL.has(name));
    if (!watched.includes('orders')) throw new Error(`no orders table among ${watched.join(', ')}`);
    for (const name of watched) {
      await this.db.execute(sql`create trigger ${sql.identifier(`${LOG}_${name}`)} after insert or update or delete on ${sql.identifier(name)} for each row execute function ${sql.raw(`${LOG}_note`)}()`);
    }
  }

  /** The fingerprint: how many changes the database has taken so far. */
  async mark(): Promise<number> {
    const [row] = await queryRows<{ seq: unknown }>(this.db, sql`select coalesce(max(seq), 0) as seq from ${sql.identifier(LOG)}`);
    return Number(row?.seq ?? 0);
  }

  /** What changed after one mark, up to another: `UPDATE orders ×2, INSERT timeline_events`. */
  async changes(from: number, to: number): Promise<string[]> {
    if (from === to) return [];
    const rows = await queryRows<{ tbl: string; op: string; n: unknown }>(
      this.db,
      sql`select tbl, op, count(*) as n from ${sql.identifier(LOG)} where seq > ${from} and seq <= ${to} group by tbl, op order by tbl, op`,
    );
    return rows.map((r) => `${r.op} ${r.tbl}${Number(r.n) > 1 ? ` ×${Number(r.n)}` : ''}`);
  }
}
