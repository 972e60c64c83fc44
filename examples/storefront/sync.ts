import type { JumunApi } from './jumun-api';
import { COUPONS, GRADES, ISSUED_COUPONS, MEMBERS, PRODUCTS } from './sample-data';

/**
 * Feeds Jumun this shop's catalog, members, grades, coupons and points by the shop's own ids.
 * Every call is an upsert or carries an Idempotency-Key, so running it at every start is safe:
 * the second time nothing changes.
 */
const SIGNUP_REASON = '회원가입 축하 적립금';

export async function syncToJumun(api: JumunApi): Promise<void> {
  for (const grade of GRADES) await api.put(`/api/v1/member-grades/${encodeURIComponent(grade.name)}`, { discountRate: grade.discountRate });
  await api.post('/api/v1/catalog/products/batch', { products: PRODUCTS.map((p) => ({ ...p, status: 'active' })) }, `demo-catalog-${catalogVersion()}`);
  await api.post(
    '/api/v1/members/batch',
    { members: MEMBERS.map(({ externalId, name, phone, email, grade }) => ({ externalId, name, phone, email, grade })) },
    `demo-members-${MEMBERS.length}`,
  );
  for (const coupon of COUPONS) {
    const { externalId, ...definition } = coupon;
    await api.put(`/api/v1/coupons/${externalId}`, { ...definition, active: true });
  }
  for (const issued of ISSUED_COUPONS) {
    await api.put(`/api/v1/members/${issued.member}/coupons/${issued.externalId}`, { coupon: issued.coupon });
  }
  for (const member of MEMBERS) {
    if (member.points === 0) continue;
    // Idempotency-Keys are remembered for 7 days only; a storefront that may run again later
    // checks its own record first (here: the member's entries in Jumun) and keeps the key for retries.
    const ledger = await api.get<{ entries: Array<{ reason: string }> }>(`/api/v1/members/${member.externalId}/points`);
    if (ledger.entries.some((e) => e.reason === SIGNUP_REASON)) continue;
    await api.post(`/api/v1/members/${member.externalId}/points`, { kind: 'earned', amount: member.points, reason: SIGNUP_REASON }, `demo-signup-points-${member.externalId}`);
  }
}

/** A different body needs a different key: the catalog's key follows its content. */
function catalogVersion(): string {
  let hash = 0;
  for (const ch of JSON.stringify(PRODUCTS)) hash = (hash * 31 + ch.charCodeAt(0)) | 0;
  return (hash >>> 0).toString(36);
}
