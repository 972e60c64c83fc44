import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { ShopPolicy } from '../../domain/shop-policy';
import { one, queryRows, type Executor } from '../db/client';
import { orders, shopPolicies } from '../db/schema/index';
import { AppError } from '../http/errors';

/**
 * The shop policy's versions: the newest is what new orders are placed under; an order reads the
 * version it points at, or the shop's first when it was placed before versions existed (its
 * policy_id is null), which the migration made from the shop's rules of that time.
 */

export interface PolicyVersion {
  id: number;
  policy: ShopPolicy;
}

/** The policy new orders of the shop are placed under. */
export async function currentPolicy(db: Executor, shopId: number): Promise<PolicyVersion> {
  const [row] = await db
    .select({ id: shopPolicies.id, policy: shopPolicies.policy })
    .from(shopPolicies)
    .where(eq(shopPolicies.shopId, shopId))
    .orderBy(desc(shopPolicies.id))
    .limit(1);
  if (!row) throw new AppError('SHOP_NOT_FOUND', { shopId });
  return row;
}

/** The policy an order was placed under. */
export async function policyOfOrder(db: Executor, shopId: number, orderId: number): Promise<ShopPolicy> {
  const rows = await queryRows<{ policy: ShopPolicy }>(db, sql`
    select p.policy from ${orders} o
    join ${shopPolicies} p on p.shop_id = o.shop_id
     and p.id = coalesce(o.policy_id, (select min(f.id) from ${shopPolicies} f where f.shop_id = o.shop_id))
    where o.shop_id = ${shopId} and o.id = ${orderId}`);
  const row = rows[0];
  if (!row) throw new AppError('ORDER_NOT_FOUND', { orderId });
  return row.policy;
}

/**
 * Joins the policy version of the orders aliased `o` as `alias`, for set-based SQL over many orders
 * (the scheduler's jobs): two primary-key lookups per order, so a walk over an index stays one.
 */
export function joinOrderPolicy(alias: string): SQL {
  if (!/^[a-z_]+$/.test(alias)) throw new Error(`not an SQL alias: ${alias}`);
  return sql.raw(
    `join shop_policies ${alias} on ${alias}.shop_id = o.shop_id and ${alias}.id = coalesce(o.policy_id, (select min(f.id) from shop_policies f where f.shop_id = o.shop_id))`,
  );
}

/** A new version: from now on new orders take it; orders placed before keep theirs. */
export async function savePolicy(db: Executor, shopId: number, policy: ShopPolicy, staffId: number | null): Promise<PolicyVersion> {
  const rows = await db.insert(shopPolicies).values({ shopId, policy, createdBy: staffId }).returning({ id: shopPolicies.id, policy: shopPolicies.policy });
  return one(rows, 'shop policy');
}

/** Every version of the shop's policy, newest first (the settings screen's history). */
export async function policyHistory(db: Executor, shopId: number, limit = 20) {
  return db.select().from(shopPolicies).where(and(eq(shopPolicies.shopId, shopId))).orderBy(desc(shopPolicies.id)).limit(limit);
}
