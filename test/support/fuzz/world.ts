import { queryRows, sql } from '../../../src/server/db/client';
import { BUYER_SESSION_COOKIE, createBuyerSession } from '../../../src/server/my/session';
import { createShop } from '../../../src/server/shops/service';
import { addMember, addProduct, cardPayment, jejuAddress, seoulAddress } from '../fixtures';
import { HttpClient, type TestServer } from '../server';
import type { TokenSample } from './tokens';

/** Where the id a path parameter or body field names comes from (rows of the shop under test). */
const ID_SOURCES: Record<string, { table: string; byOrder: boolean }> = {
  orderId: { table: 'orders', byOrder: false },
  memoId: { table: 'memos', byOrder: true },
  addressId: { table: 'order_addresses', byOrder: true },
  claimId: { table: 'claims', byOrder: true },
  refundId: { table: 'refunds', byOrder: true },
  editId: { table: 'order_changes', byOrder: true },
  requestId: { table: 'payment_requests', byOrder: true },
  itemId: { table: 'order_items', byOrder: true },
  shipmentGroupId: { table: 'shipment_groups', byOrder: true },
  paymentId: { table: 'payments', byOrder: true },
  viewId: { table: 'saved_views', byOrder: false },
  savedFilterId: { table: 'saved_filters', byOrder: false },
  jobId: { table: 'bulk_jobs', byOrder: false },
  productId: { table: 'products', byOrder: false },
  optionId: { table: 'product_options', byOrder: false },
  staffId: { table: 'staff', byOrder: false },
};
/** Body fields that name the same kind of row as another. */
const ALIASES: Record<string, string> = { fromShipmentGroupId: 'shipmentGroupId', toShipmentGroupId: 'shipmentGroupId', replacementOptionId: 'optionId' };

export interface IdRow {
  id: number;
  orderId: number | null;
}

/** The shop under test as the fuzzer sees it: the clients, a second shop, and the ids of real rows. */
export interface World {
  server: TestServer;
  viewer: HttpClient;
  otherShop: { shopId: number; apiKey: string; orderId: number };
  /** The session the logout route ends (the owner's would end the run's); once ended, logouts go on with its dead cookie. */
  logoutSession: HttpClient;
  /** My Page (/api/v1/my/…): a member's buyer session and that member's order; the good credentials of buyer routes. */
  buyer: HttpClient;
  buyerOrder: { id: number; orderNumber: string };
  /** The buyer session the buyer logout route ends, as logoutSession is for staff. */
  buyerLogoutSession: HttpClient;
  ids: Record<string, IdRow[]>;
  versions: Map<number, number>;
  /** A real .xlsx (the upload template), to corrupt. */
  xlsx: Buffer;
  /** Page tokens the list routes handed out, by route (see tokens.ts). */
  cursors: Record<string, TokenSample[]>;
}

const customOrder = (i: number, extra: Record<string, unknown> = {}) => ({
  orderer: { name: `퍼즈${i}`, phone: '010-1234-5678', email: `fuzz${i}@example.kr`, guestPassword: '1234' },
  addresses: [seoulAddress()],
  items: [{ custom: { name: '맞춤 제작 액자', unitPrice: 30_000 }, quantity: 2 }],
  shippingFee: 0,
  payment: cardPayment(60_000),
  ...extra,
});

async function created<T>(what: string, res: Promise<{ status: number; body: unknown }>): Promise<T> {
  const answer = await res;
  if (answer.status >= 300) throw new Error(`fuzz setup: ${what} answered ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as T;
}

type Order = { id: number; version: number; items: Array<{ id: number }>; shipmentGroups: Array<{ id: number; items: Array<{ itemId: number }> }> };

/** Orders in several states, their sub-resources, a second shop with an order, and a session to log out. */
export async function buildWorld(server: TestServer): Promise<World> {
  const { db } = server.database;
  const shopId = server.shop.shopId;
  const frame = await addProduct(db, shopId, { name: '퍼즈 셔츠', price: 10_000, options: [{ name: '블랙', stock: 10_000 }] });
  await addProduct(db, shopId, { name: '퍼즈 양말', price: 3_000 });
  const orders: Order[] = [];
  for (let i = 0; i < 4; i++) orders.push(await created<Order>('order', server.storefront.post('/api/v1/orders', customOrder(i))));
  const twoAddresses = customOrder(4, {
    addresses: [seoulAddress(), jejuAddress()],
    items: [
      { productId: frame.productId, optionId: frame.optionIds[0], quantity: 3, unitPrice: 10_000, addressIndex: 0 },
      { custom: { name: '맞춤 액자', unitPrice: 30_000 }, quantity: 1, addressIndex: 1 },
    ],
    payment: cardPayment(60_000),
  });
  orders.push(await created<Order>('two-address order', server.storefront.post('/api/v1/orders', twoAddresses)));
  const deposit = { method: 'virtual_account', amount: 60_000, status: 'awaiting_deposit', gateway: 'test', virtualAccount: { bank: '신한은행', accountNumber: '56211102345678', holder: '퍼즈샵' } };
  orders.push(await created<Order>('deposit order', server.storefront.post('/api/v1/orders', customOrder(5, { payment: deposit }))));

  const [first, second, third] = orders as [Order, Order, Order];
  const unit = (o: Order) => ({ shipmentGroupId: o.shipmentGroups[0]!.id, itemId: o.items[0]!.id, quantity: 1 });
  await created('memo', server.owner.post(`/api/v1/orders/${first.id}/memos`, { body: '퍼즈 테스트 메모' }));
  await created('cancel request', server.owner.post(`/api/v1/orders/${second.id}/cancellations`, { expectedVersion: second.version, items: [unit(second)], reason: '고객 요청', complete: false }));
  await created('cancel', server.owner.post(`/api/v1/orders/${third.id}/cancellations`, { expectedVersion: third.version, items: [unit(third)], reason: '고객 변심', complete: true }));
  const firstNow = await created<Order>('order detail', server.owner.get(`/api/v1/orders/${first.id}`));
  await created('edit', server.owner.post(`/api/v1/orders/${first.id}/edits`, { expectedVersion: firstNow.version, actions: [{ type: 'set_quantity', itemId: first.items[0]!.id, quantity: 1 }] }));
  await created('view', server.owner.post('/api/v1/views', { name: '퍼즈 탭', filter: { hasMemo: true } }));
  await created('saved filter', server.owner.post('/api/v1/saved-filters', { name: '퍼즈 필터', filter: { memberType: 'guest' } }));
  await created('bulk job', server.owner.post('/api/v1/bulk-jobs', { selection: { kind: 'orders', orderIds: [first.id] }, action: { type: 'add_memo', body: '일괄 메모' } }));

  const other = await createShop(db, { name: '다른샵', ownerEmail: `other${Date.now()}@test.kr`, ownerName: '박다른', ownerPassword: 'other-password-1' });
  const otherClient = new HttpClient(server.baseUrl, { authorization: `Bearer ${other.apiKey}` });
  const otherOrder = await created<Order>('other shop order', otherClient.post('/api/v1/orders', customOrder(9)));

  const member = await addMember(db, shopId, { name: '퍼즈회원', gradeName: '일반', points: 0 });
  const memberOrder = await created<Order & { orderNumber: string }>('member order', server.storefront.post('/api/v1/orders', customOrder(6, { orderer: { customerId: member.customerId, name: '퍼즈회원', phone: '010-2222-3333' } })));
  const buyerSession = async () => {
    const client = new HttpClient(server.baseUrl);
    client.setCookie(BUYER_SESSION_COOKIE, (await createBuyerSession(db, { shopId, buyer: 'member', customerId: member.customerId }, new Date())).cookie);
    return client;
  };

  const viewer = await server.addStaff('viewer');
  const logoutSession = await server.signIn(server.shop.ownerEmail, 'owner-password-1');
  const template = await fetch(`${server.baseUrl}/api/v1/tracking-imports/template`, { headers: await server.owner.sessionHeaders() });
  const world: World = {
    server,
    viewer,
    otherShop: { shopId: other.shopId, apiKey: other.apiKey, orderId: otherOrder.id },
    logoutSession,
    buyer: await buyerSession(),
    buyerOrder: { id: memberOrder.id, orderNumber: memberOrder.orderNumber },
    buyerLogoutSession: await buyerSession(),
    ids: {},
    versions: new Map(),
    xlsx: Buffer.from(await template.arrayBuffer()),
    cursors: {},
  };
  await refreshWorld(world);
  return world;
}

/** Reads the ids of the rows as they now stand (successful requests add and remove some). */
export async function refreshWorld(world: World): Promise<void> {
  const { db } = world.server.database;
  const shopId = world.server.shop.shopId;
  for (const [name, source] of Object.entries(ID_SOURCES)) {
    const orderColumn = source.byOrder ? sql.raw('order_id') : sql.raw('null');
    const rows = await queryRows<{ id: unknown; order_id: unknown }>(db, sql`select id, ${orderColumn} as order_id from ${sql.raw(source.table)} where shop_id = ${shopId} order by id`);
    world.ids[name] = rows.map((r) => ({ id: Number(r.id), orderId: r.order_id === null ? null : Number(r.order_id) }));
  }
  const versions = await queryRows<{ id: unknown; version: unknown }>(db, sql`select id, version from orders where shop_id = ${shopId}`);
  world.versions = new Map(versions.map((r) => [Number(r.id), Number(r.version)]));
}

/** Real ids of this kind, those of the given order first choice (an item of another order is refused for a duller reason). */
export function idsFor(world: World, field: string, orderId: number): number[] {
  const rows = world.ids[ALIASES[field] ?? field];
  if (!rows) return [];
  const own = rows.filter((r) => r.orderId === orderId);
  return (own.length > 0 ? own : rows).map((r) => r.id);
}

export function knowsIds(field: string): boolean {
  return (ALIASES[field] ?? field) in ID_SOURCES;
}
