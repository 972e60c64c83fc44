/**
 * Members for the order-detail browser tests. The API has no customer admin yet, and the e2e
 * server's database lives inside the server's own process (an in-memory PGlite), so a test cannot
 * write a member the way test/support/fixtures.ts does. The demo shop it starts with has 2,000
 * seeded members (src/server/seed/catalog.ts, fixed seed) with grades, points and issued coupons:
 * a test finds one that holds what it needs through the API — the member orders of the list, and
 * GET …/buyer-benefits of each — and then places an order of its own for that member.
 */
import type { BuyerBenefits, BuyerCoupon } from '../../src/contracts/buyer-benefits';
import { placeAtServerPrice, type ApiOrder, type CustomLine, type StaffApi } from './detail-api';

export interface MemberWithBenefits {
  customerId: number;
  name: string;
  gradeName: string | null;
  pointsBalance: number;
  /** A coupon usable now whose minimum the test's order reaches. */
  coupon: BuyerCoupon;
}

interface ListPage {
  items: Array<{ id: number; customerId: number | null }>;
}

/**
 * A seeded member with at least `minPoints` points and a usable coupon that applies from
 * `orderAmount` on. Members are taken from the newest orders backwards; `skip` leaves out members
 * another test of the same run already took (points and coupons spent there are gone).
 */
export async function findMemberWithBenefits(api: StaffApi, need: { minPoints: number; orderAmount: number; skip?: ReadonlySet<number> }): Promise<MemberWithBenefits> {
  const page = await api.get<ListPage>('/api/v1/orders?memberType=member&limit=200');
  const seen = new Set<number>(need.skip ?? []);
  for (const row of page.items) {
    if (row.customerId === null || seen.has(row.customerId)) continue;
    seen.add(row.customerId);
    const benefits = await api.get<BuyerBenefits>(`/api/v1/orders/${row.id}/buyer-benefits`);
    const member = benefits.member;
    if (!member || member.pointsBalance < need.minPoints) continue;
    const coupon = benefits.coupons.find((c) => (c.minOrderAmount ?? 0) <= need.orderAmount && c.expiresAt !== null && new Date(c.expiresAt).getTime() > Date.now() + 3_600_000);
    if (coupon) return { customerId: member.customerId, name: member.name, gradeName: member.gradeName, pointsBalance: member.pointsBalance, coupon };
  }
  throw new Error(`no seeded member with ${need.minPoints} points and a coupon usable on ${need.orderAmount}원 among ${seen.size} members`);
}

let sequence = 0;

/** An order of the member paid by card, without coupon or points (custom items; the server prices it). */
export async function createMemberOrder(api: StaffApi, member: { customerId: number; name: string }, lines: CustomLine[]): Promise<ApiOrder> {
  sequence += 1;
  const phone = '010-5555-0404';
  const body = (amount: number) => ({
    channel: 'own_mall',
    orderer: { customerId: member.customerId, name: member.name, phone },
    addresses: [{ recipientName: member.name, recipientPhone: phone, postcode: '04524', address1: '서울특별시 중구 세종대로 110', address2: '3층' }],
    items: lines.map((l) => ({ custom: { name: l.name, ...(l.optionName ? { optionName: l.optionName } : {}), unitPrice: l.price }, quantity: l.quantity, addressIndex: 0 })),
    payment: {
      method: 'card',
      amount,
      status: 'paid',
      gateway: 'toss',
      gatewayTransactionId: `e2e-member-${Date.now()}-${sequence}`,
      card: { company: '국민카드', numberMasked: '9430-12**-****-5678', installmentMonths: 0 },
    },
  });
  return placeAtServerPrice(api, body);
}
