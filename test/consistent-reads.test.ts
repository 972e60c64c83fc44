import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDetail } from '../src/contracts/orders';
import { addProduct, cardPayment, seoulAddress } from './support/fixtures';
import { startTestServer, type TestServer } from './support/server';

/**
 * Staff keep reading an order while a colleague splits and merges its shipment groups: every read
 * (the detail, its payment summary, timeline and refunds) must answer 200 and show one state of
 * the order — never a group without its units, never units of a group already gone.
 */
let server: TestServer;
let socks: number;
let shirt: number;

beforeAll(async () => {
  server = await startTestServer();
  socks = (await addProduct(server.database.db, server.shop.shopId, { name: '면 양말', price: 12000 })).productId;
  shirt = (await addProduct(server.database.db, server.shop.shopId, { name: '린넨 셔츠', price: 39000 })).productId;
});
afterAll(() => server?.close());

/** One state of the order: every item's units are all there, by status and by shipment group. */
function expectWhole(order: OrderDetail) {
  for (const item of order.items) {
    const byStatus = Object.values(item.quantityByStatus).reduce((sum, q) => sum + q, 0);
    const inGroups = order.shipmentGroups.flatMap((g) => g.items).filter((gi) => gi.itemId === item.id).reduce((sum, gi) => sum + gi.quantity, 0);
    const inClaims = order.claims.flatMap((c) => c.items).filter((ci) => ci.itemId === item.id).reduce((sum, ci) => sum + ci.quantity, 0);
    expect(byStatus, `item ${item.id} by status in version ${order.version}`).toBe(item.quantity);
    expect(inGroups + inClaims, `item ${item.id} in groups and claims in version ${order.version}`).toBe(item.quantity);
  }
  for (const group of order.shipmentGroups) expect(group.items.length, `group ${group.id} has units`).toBeGreaterThan(0);
}

describe('reading an order while it changes', () => {
  it('always answers one whole state of the order, never a 500', async () => {
    const placed = await server.storefront.post<OrderDetail>('/api/v1/orders', {
      orderer: { name: '최지우', phone: '010-5555-6666', guestPassword: '4321' },
      addresses: [seoulAddress()],
      items: [{ productId: socks, quantity: 5 }, { productId: shirt, quantity: 1 }],
      payment: cardPayment(99000),
    });
    expect(placed.status).toBe(201);
    const sock = placed.body.items.find((i) => i.productName === '면 양말')!.id;
    const changer = await server.addStaff('staff');

    let done = false;
    const change = async () => {
      try {
        let order = placed.body;
        for (let round = 0; round < 25; round++) {
          // 2 of the 5 pairs split off into a new group, then go back and merge (the group is removed)
          const paid = order.shipmentGroups.find((g) => g.status === 'paid')!;
          const split = await changer.post<{ order: OrderDetail }>(`/api/v1/orders/${order.id}/status-changes`, {
            expectedVersion: order.version,
            changes: [{ shipmentGroupId: paid.id, itemId: sock, quantity: 2, to: 'preparing' }],
          });
          expect(split.status, JSON.stringify(split.body)).toBe(200);
          order = split.body.order;
          const preparing = order.shipmentGroups.find((g) => g.status === 'preparing')!;
          const back = await changer.post<{ order: OrderDetail }>(`/api/v1/orders/${order.id}/status-changes`, {
            expectedVersion: order.version,
            changes: [{ shipmentGroupId: preparing.id, itemId: sock, quantity: 2, to: 'paid' }],
          });
          expect(back.status, JSON.stringify(back.body)).toBe(200);
          order = back.body.order;
          expectWhole(order);
        }
      } finally {
        done = true;
      }
    };

    const reads: Record<string, number> = { detail: 0, summary: 0, timeline: 0, claims: 0 };
    const read = async () => {
      let lastVersion = 0;
      while (!done) {
        const detail = await server.owner.get<OrderDetail>(`/api/v1/orders/${placed.body.id}`);
        expect(detail.status, JSON.stringify(detail.body)).toBe(200);
        expectWhole(detail.body);
        expect(detail.body.version).toBeGreaterThanOrEqual(lastVersion);
        lastVersion = detail.body.version;
        reads.detail!++;
        for (const [kind, path] of [['summary', 'payment-summary'], ['timeline', 'timeline'], ['claims', 'claims']] as const) {
          const res = await server.owner.get(`/api/v1/orders/${placed.body.id}/${path}`);
          expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200);
          reads[kind]!++;
        }
      }
    };

    await Promise.all([change(), read(), read(), read()]);
    expect(reads.detail).toBeGreaterThan(0);
    const final = await server.owner.get<OrderDetail>(`/api/v1/orders/${placed.body.id}`);
    expect(final.body.version).toBe(placed.body.version + 50);
    expect(final.body.items.find((i) => i.id === sock)!.quantityByStatus).toEqual({ paid: 5 });
  });
});
