import { expect } from 'vitest';
import { auditOrder } from '../../src/server/orders/audit';
import type { TestServer } from './server';

/**
 * The invariants of ARCHITECTURE.md on each order, read straight from the tables: the quantity
 * ledger, the cached totals and the money ledger, refunds within captures, shares within totals.
 */
export async function expectOrdersSound(server: TestServer, orderIds: Iterable<number>) {
  for (const orderId of orderIds) {
    expect(await auditOrder(server.database.db, server.shop.shopId, orderId), `order ${orderId}`).toEqual([]);
  }
}
