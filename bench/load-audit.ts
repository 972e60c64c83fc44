import { queryRows, sql, type Db } from '../src/server/db/client';
import { bigintArray } from '../src/server/order-list/sql-arrays';
import { auditOrder } from '../src/server/orders/audit';
import type { Accepted, ClientResults, Move } from './load-types';

/** What the data looked like just before the load: the audit compares against it. */
export interface Baseline {
  maxEventId: number;
  maxMemoId: number;
  /** Every order of the shop: its version and memo count. */
  orders: Map<number, { version: number; memoCount: number }>;
  /** Units per order, item and status of the orders the run may change. */
  units: Map<string, number>;
  watched: number[];
  /** Orders the run should leave alone, with what auditOrder found on them before (seeded orders are not all sound). */
  sample: Map<number, string[]>;
}

const unitKey = (orderId: number, itemId: number, status: string) => `${orderId}:${itemId}:${status}`;
const moveKey = (m: Move) => `${m.itemId}:${m.from}>${m.to}×${m.quantity}`;

async function orderStates(db: Db, shopId: number) {
  const rows = await queryRows<{ id: string; version: number; memo_count: number }>(db, sql`select id::text, version, memo_count from orders where shop_id = ${shopId}`);
  return new Map(rows.map((r) => [Number(r.id), { version: Number(r.version), memoCount: Number(r.memo_count) }]));
}

async function unitStates(db: Db, shopId: number, orderIds: readonly number[]) {
  const rows = await queryRows<{ order_id: string; item_id: string; status: string; quantity: number }>(
    db,
    sql`select g.order_id::text, i.item_id::text, g.status, sum(i.quantity)::int as quantity
        from shipment_group_items i join shipment_groups g on g.shop_id = i.shop_id and g.id = i.shipment_group_id
        where i.shop_id = ${shopId} and i.order_id = any(${bigintArray(orderIds)}) group by 1, 2, 3`,
  );
  return new Map(rows.map((r) => [unitKey(Number(r.order_id), Number(r.item_id), r.status), Number(r.quantity)]));
}

const maxId = async (db: Db, table: 'timeline_events' | 'memos', shopId: number) =>
  Number((await queryRows<{ max: string }>(db, sql`select coalesce(max(id), 0)::text as max from ${sql.identifier(table)} where shop_id = ${shopId}`))[0]?.max ?? 0);

export async function takeBaseline(db: Db, shopId: number, watched: number[], sampleSize = 200): Promise<Baseline> {
  const orders = await orderStates(db, shopId);
  const sample = new Map<number, string[]>();
  const skip = new Set(watched);
  for (const orderId of [...orders.keys()].filter((id) => !skip.has(id)).sort(() => Math.random() - 0.5).slice(0, sampleSize)) {
    sample.set(orderId, await auditOrder(db, shopId, orderId));
  }
  return {
    maxEventId: await maxId(db, 'timeline_events', shopId),
    maxMemoId: await maxId(db, 'memos', shopId),
    orders,
    units: await unitStates(db, shopId, watched),
    watched,
    sample,
  };
}

export interface AuditReport {
  problems: string[];
  changedOrders: number;
  auditedOrders: number;
  /** Sampled orders whose problems were there before the run (the seed's), unchanged. */
  sampledWithOldProblems: number;
  events: number;
}

/** What the accepted answers say each order should now show. */
function expectations(accepted: readonly Accepted[]) {
  const byOrder = new Map<number, { memos: Set<number>; memoKeys: string[]; moves: string[]; deposits: number; depositUnits: number; versionBumps: number }>();
  for (const a of accepted) {
    let e = byOrder.get(a.orderId);
    if (!e) byOrder.set(a.orderId, (e = { memos: new Set(), memoKeys: [], moves: [], deposits: 0, depositUnits: 0, versionBumps: 0 }));
    if (a.kind === 'memo') {
      e.memos.add(a.memoId ?? -1);
      e.memoKeys.push(a.key);
    } else e.versionBumps++;
    if (a.kind === 'status') e.moves.push(...(a.moves ?? []).map(moveKey));
    if (a.kind === 'deposit') {
      e.deposits++;
      e.depositUnits += a.units ?? -1;
    }
  }
  return byOrder;
}

const sorted = (list: readonly string[]) => [...list].sort().join(', ');

/**
 * Checks that the data holds exactly what the answers said, and nothing a refusal would have left:
 * 1. every accepted change has its timeline events, once (memo_added per memo, statuses_changed
 *    listing its moves, deposit_confirmed and its awaiting_payment → paid moves per deposit), by our staff,
 *    and no other event was written;
 * 2. each order's version moved by its accepted status changes and deposits, its memo count by its
 *    memos, and no other order moved; each memo is there once, written by its own request;
 * 3. the Idempotency-Keys stored are exactly those of the accepted changes (refusals keep none);
 * 4. the units of the changed orders are where the accepted moves put them;
 * 5. auditOrder (quantity ledger, cached totals, payments and refunds) finds nothing on every
 *    changed order (all sound before), and on a sample of the others what it found before.
 */
export async function auditRun(db: Db, shopId: number, base: Baseline, results: ClientResults, staffIds: readonly number[], runId: string): Promise<AuditReport> {
  const problems: string[] = [];
  const expected = expectations(results.accepted);
  const staff = new Set(staffIds.map(String));

  const events = await queryRows<{ order_id: string; type: string; actor_kind: string; actor_id: string | null; payload: Record<string, unknown> }>(
    db,
    sql`select order_id::text, type, actor_kind, actor_id::text, payload from timeline_events where shop_id = ${shopId} and id > ${base.maxEventId} order by id`,
  );
  const seen = new Map<number, { memos: number[]; moves: string[]; deposits: number; depositUnits: number }>();
  for (const e of events) {
    const orderId = Number(e.order_id);
    let s = seen.get(orderId);
    if (!s) seen.set(orderId, (s = { memos: [], moves: [], deposits: 0, depositUnits: 0 }));
    if (e.actor_kind !== 'staff' || !staff.has(e.actor_id ?? '')) problems.push(`order ${orderId}: ${e.type} event by ${e.actor_kind} ${e.actor_id}, not by a load session`);
    const p = e.payload;
    if (e.type === 'memo_added') s.memos.push(Number(p.memoId));
    else if (e.type === 'deposit_confirmed') s.deposits++;
    else if (e.type === 'statuses_changed') {
      // one event per change, listing its moves
      for (const m of p.moves as Array<Record<string, unknown>>) {
        if (m.from === 'awaiting_payment' && m.to === 'paid') s.depositUnits += Number(m.quantity);
        else s.moves.push(moveKey({ itemId: Number(m.itemId), quantity: Number(m.quantity), from: String(m.from), to: String(m.to) }));
      }
    } else problems.push(`order ${orderId}: unexpected ${e.type} event`);
  }
  for (const orderId of new Set([...expected.keys(), ...seen.keys()])) {
    const want = expected.get(orderId) ?? { memos: new Set<number>(), memoKeys: [], moves: [], deposits: 0, depositUnits: 0, versionBumps: 0 };
    const got = seen.get(orderId) ?? { memos: [], moves: [], deposits: 0, depositUnits: 0 };
    if (sorted([...want.memos].map(String)) !== sorted(got.memos.map(String))) problems.push(`order ${orderId}: memo_added events for memos [${sorted(got.memos.map(String))}], accepted memos [${sorted([...want.memos].map(String))}]`);
    if (sorted(want.moves) !== sorted(got.moves)) problems.push(`order ${orderId}: statuses_changed moves [${sorted(got.moves)}], accepted moves [${sorted(want.moves)}]`);
    if (want.deposits !== got.deposits || want.depositUnits !== got.depositUnits) {
      problems.push(`order ${orderId}: ${got.deposits} deposit_confirmed event(s) moving ${got.depositUnits} unit(s), accepted ${want.deposits} moving ${want.depositUnits}`);
    }
  }

  const now = await orderStates(db, shopId);
  for (const [orderId, before] of base.orders) {
    const after = now.get(orderId);
    const want = expected.get(orderId);
    const bumps = want?.versionBumps ?? 0;
    const memos = want?.memoKeys.length ?? 0;
    if (!after) problems.push(`order ${orderId} is gone`);
    else if (after.version !== before.version + bumps || after.memoCount !== before.memoCount + memos) {
      problems.push(`order ${orderId}: version ${before.version} → ${after.version} and memo count ${before.memoCount} → ${after.memoCount}, accepted ${bumps} change(s) and ${memos} memo(s)`);
    }
  }
  if (now.size !== base.orders.size) problems.push(`the shop has ${now.size} orders, ${base.orders.size} before`);

  const memoRows = await queryRows<{ id: string; order_id: string; body: string }>(db, sql`select id::text, order_id::text, body from memos where shop_id = ${shopId} and id > ${base.maxMemoId}`);
  const memoKeys = memoRows.map((m) => `${m.order_id}:${m.body.split(' ').at(-1)}`);
  const acceptedMemoKeys = results.accepted.filter((a) => a.kind === 'memo').map((a) => `${a.orderId}:${a.key}`);
  if (sorted(memoKeys) !== sorted(acceptedMemoKeys)) problems.push(`memos written (${memoKeys.length}) are not the accepted memo requests (${acceptedMemoKeys.length}), once each`);

  const storedKeys = (await queryRows<{ key: string }>(db, sql`select key from idempotency_keys where shop_id = ${shopId} and key like ${`${runId}-%`}`)).map((k) => k.key);
  const acceptedKeys = results.accepted.map((a) => a.key);
  if (sorted(storedKeys) !== sorted(acceptedKeys)) {
    const accepted = new Set(acceptedKeys);
    const refusedKept = storedKeys.filter((k) => !accepted.has(k)).length;
    problems.push(`stored Idempotency-Keys (${storedKeys.length}, ${refusedKept} not of an accepted change) are not the accepted changes' (${acceptedKeys.length})`);
  }

  const units = new Map(base.units);
  for (const a of results.accepted) {
    for (const m of a.moves ?? []) {
      units.set(unitKey(a.orderId, m.itemId, m.from), (units.get(unitKey(a.orderId, m.itemId, m.from)) ?? 0) - m.quantity);
      units.set(unitKey(a.orderId, m.itemId, m.to), (units.get(unitKey(a.orderId, m.itemId, m.to)) ?? 0) + m.quantity);
    }
    if (a.kind !== 'deposit') continue;
    for (const [key, quantity] of base.units) {
      const [orderId, itemId, status] = key.split(':');
      if (Number(orderId) !== a.orderId || status !== 'awaiting_payment') continue;
      units.set(key, (units.get(key) ?? 0) - quantity);
      units.set(`${orderId}:${itemId}:paid`, (units.get(`${orderId}:${itemId}:paid`) ?? 0) + quantity);
    }
  }
  const unitsNow = await unitStates(db, shopId, base.watched);
  for (const key of new Set([...units.keys(), ...unitsNow.keys()])) {
    if ((units.get(key) ?? 0) !== (unitsNow.get(key) ?? 0)) problems.push(`units order:item:status ${key}: ${unitsNow.get(key) ?? 0}, the accepted moves leave ${units.get(key) ?? 0}`);
  }

  const changed = [...new Set([...expected.keys(), ...seen.keys()])];
  for (const orderId of changed) {
    for (const p of await auditOrder(db, shopId, orderId)) problems.push(`order ${orderId}: ${p}`);
  }
  let sampledWithOldProblems = 0;
  for (const [orderId, before] of base.sample) {
    const after = await auditOrder(db, shopId, orderId);
    if (before.length > 0) sampledWithOldProblems++;
    if (sorted(after) !== sorted(before)) problems.push(`order ${orderId} (not changed by the run): auditOrder found [${after.join('; ')}], before the run [${before.join('; ')}]`);
  }
  return { problems, changedOrders: changed.length, auditedOrders: changed.length + base.sample.size, sampledWithOldProblems, events: events.length };
}
