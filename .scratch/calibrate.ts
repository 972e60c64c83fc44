import { openDatabase, queryRows, sql } from '../src/server/db/client';
import type { OrderFilter } from '../src/contracts/order-filter';
import { whereOf, countOrders } from '../src/server/order-list/queries';
import { planOf } from '../src/server/order-counts/planned-count';

const database = await openDatabase({ databaseUrl: process.argv[2], migrate: false });
const db = database.db;
const names = await queryRows<{ n: string; p: string }>(db, sql`select orderer_name as n, orderer_phone as p from orders tablesample system (1) limit 5`);
const filters: Record<string, OrderFilter> = {
  combo: { channels: ['own_mall'], memberType: 'guest', paymentMethods: ['card', 'easy_pay'], period: { field: 'ordered', lastDays: 90 }, amount: { min: 30000, max: 300000 }, regions: ['seoul', 'gyeonggi'] },
  statusExternal: { unitStatuses: ['paid', 'preparing'], channels: ['external'] },
  delayedVA: { shippingDelayDays: 3, paymentMethods: ['virtual_account'] },
  guestsOwnMall: { channels: ['own_mall'], memberType: 'guest' },
  last7: { period: { field: 'ordered', lastDays: 7 } },
  last30: { period: { field: 'ordered', lastDays: 30 } },
  hasMemo: { hasMemo: true },
  jeju: { regions: ['jeju'] },
  ...Object.fromEntries(names.flatMap((r, i) => [[`name${i} ${r.n.slice(-2)}`, { keyword: r.n.slice(-2) }], [`full${i} ${r.n}`, { keyword: r.n }], [`phone${i}`, { keyword: r.p.replace(/\D/g, '').slice(-4) }]])),
};
for (const [label, f] of Object.entries(filters)) {
  const now = new Date();
  const plan = await planOf(db, whereOf(1, f, now));
  await countOrders(db, 1, f, now);
  const times: number[] = [];
  let n = 0;
  for (let i = 0; i < 5; i++) { const t = performance.now(); n = await countOrders(db, 1, f, now); times.push(performance.now() - t); }
  times.sort((a, b) => a - b);
  const t0 = performance.now(); await planOf(db, whereOf(1, f, now)); const planMs = performance.now() - t0;
  console.log(`${label.padEnd(22)} cost ${plan.cost.toFixed(0).padStart(8)} est ${plan.rows.toFixed(0).padStart(7)} actual ${String(n).padStart(7)} count p50 ${times[2]!.toFixed(1)} ms, explain ${planMs.toFixed(1)} ms`);
}
await database.close();
