import { and, eq } from 'drizzle-orm';
import type { PolicyPreview, PolicyPreviewRequest, ShopPolicyVersionDto, UpdateShopPolicyResponse } from '../../contracts/settings-policy';
import { remoteAreaOf, shippingFeeFor, type ShippingPolicy } from '../../domain/shipping-fee';
import type { ShopPolicy } from '../../domain/shop-policy';
import { auditActorOf, recordAuditEvent } from '../audit/record';
import type { Principal } from '../auth/principal';
import { sql, type Db, type Executor } from '../db/client';
import { shopPolicies, staff } from '../db/schema/index';
import { currentPolicy, savePolicy } from './policy';

/** The current version as the settings screen shows it: values, id, when and by whom it was set. */
export async function readPolicySettings(db: Executor, shopId: number): Promise<ShopPolicyVersionDto> {
  const { id } = await currentPolicy(db, shopId);
  const [row] = await db
    .select({ policy: shopPolicies.policy, createdAt: shopPolicies.createdAt, staffId: staff.id, staffName: staff.name })
    .from(shopPolicies)
    .leftJoin(staff, and(eq(staff.shopId, shopPolicies.shopId), eq(staff.id, shopPolicies.createdBy)))
    .where(and(eq(shopPolicies.shopId, shopId), eq(shopPolicies.id, id)));
  if (!row) throw new Error(`policy version ${id} of shop ${shopId} vanished`);
  return {
    id,
    policy: row.policy,
    setAt: row.createdAt.toISOString(),
    setBy: row.staffId === null || row.staffName === null ? null : { id: row.staffId, name: row.staffName },
  };
}

/** The same rules in one key order, so two policies compare by their values alone. */
function normalized(p: ShopPolicy): ShopPolicy {
  const { baseFee, freeThreshold, jejuFee, islandFee } = p.shipping;
  return {
    shipping: { baseFee, freeThreshold, jejuFee, islandFee },
    returnShippingFee: p.returnShippingFee,
    returnWindowDays: p.returnWindowDays,
    autoConfirmDays: p.autoConfirmDays,
    unpaidCancelDays: p.unpaidCancelDays,
  };
}

/**
 * A new version for orders placed from now on, with its audit event, in one transaction; orders
 * placed before keep the version they point at. Sending the current policy again writes nothing.
 */
export async function updatePolicySettings(db: Db, principal: Principal, policy: ShopPolicy, clientAddress: string): Promise<UpdateShopPolicyResponse> {
  const shopId = principal.shopId;
  const actor = auditActorOf(principal);
  return db.transaction(async (tx) => {
    // the shop's row locked: two saves at once become two versions in order, each with its own "before"
    await tx.execute(sql`select 1 from shops where id = ${shopId} for update`);
    const before = normalized((await currentPolicy(tx, shopId)).policy);
    const after = normalized(policy);
    if (JSON.stringify(before) === JSON.stringify(after)) return { ...(await readPolicySettings(tx, shopId)), changed: false };
    await savePolicy(tx, shopId, after, actor.staffId ?? null);
    await recordAuditEvent(tx, { kind: 'settings_changed', shopId, staffId: actor.staffId, subject: 'policy', clientAddress, detail: { ...actor.detail, before, after } });
    return { ...(await readPolicySettings(tx, shopId)), changed: true };
  });
}

function feeOf(policy: ShippingPolicy, itemsAmount: number, postcodes: readonly string[]) {
  const fee = shippingFeeFor(policy, { itemsAmount, postcodes });
  return { ...fee, toPay: itemsAmount + fee.total };
}

/** What a sample cart pays under the edited (unsaved) policy and under the current one. */
export async function previewPolicy(db: Executor, shopId: number, body: PolicyPreviewRequest): Promise<PolicyPreview> {
  const { policy: current } = await currentPolicy(db, shopId);
  return {
    proposed: feeOf(body.policy.shipping, body.itemsAmount, body.postcodes),
    current: feeOf(current.shipping, body.itemsAmount, body.postcodes),
    areas: body.postcodes.map((postcode) => ({ postcode, area: remoteAreaOf(postcode) })),
  };
}
