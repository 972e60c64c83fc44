/**
 * Orders for the order-detail browser tests, made through the API as a storefront would — with a
 * staff session (POST /api/v1/orders takes staff as well as API keys; the e2e server does not
 * print its storefront key) — and moved along with the same API, so each test starts from an
 * order of its own, never from seeded data.
 */
import { expect, type APIRequestContext, type PlaywrightWorkerArgs } from '@playwright/test';
import { signedInRequestContext } from './api-session';
import { OWNER } from './accounts';

export interface ApiOrder {
  id: number;
  orderNumber: string;
  version: number;
  items: Array<{ id: number; productName: string; quantity: number; quantityByStatus: Record<string, number> }>;
  shipmentGroups: Array<{ id: number; addressId: number; status: string; items: Array<{ itemId: number; quantity: number }> }>;
  addresses: Array<{ id: number; address1: string }>;
  totals: { orderTotal: number; paid: number; refunded: number; balanceDue: number; shippingFee: number };
}

export interface StaffApi {
  context: APIRequestContext;
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  order(orderId: number): Promise<ApiOrder>;
  dispose(): Promise<void>;
}

const baseURL = () => `http://127.0.0.1:${process.env.E2E_PORT ?? '3000'}`;

/** A signed-in API session of its own (cookies apart from the browser's): another person at another desk. */
export async function staffApi(playwright: PlaywrightWorkerArgs['playwright'], account: { email: string; password: string } = OWNER): Promise<StaffApi> {
  const context = await signedInRequestContext(playwright.request, baseURL(), account);
  const api: StaffApi = {
    context,
    async get<T>(path: string) {
      const res = await context.get(path);
      expect(res.ok(), `GET ${path}: ${await res.text()}`).toBeTruthy();
      return (await res.json()) as T;
    },
    async post<T>(path: string, body: unknown) {
      const res = await context.post(path, { data: body, headers: { 'idempotency-key': `e2e-${Date.now()}-${Math.random().toString(36).slice(2)}` } });
      expect(res.ok(), `POST ${path}: ${await res.text()}`).toBeTruthy();
      return (await res.json()) as T;
    },
    order: (orderId: number) => api.get<ApiOrder>(`/api/v1/orders/${orderId}`),
    dispose: () => context.dispose(),
  };
  return api;
}

export interface CustomLine {
  name: string;
  optionName?: string;
  price: number;
  quantity: number;
}

let sequence = 0;

/**
 * A guest order paid by card (the test gateway refunds it), with custom items. The server prices
 * the order itself; the payment amount is what it says the total is (asked once with a wrong
 * amount: PAYMENT_AMOUNT_MISMATCH names the expected one).
 */
export async function createCardOrder(api: StaffApi, lines: CustomLine[], orderer = { name: '박상세', phone: '010-5555-0101' }): Promise<ApiOrder> {
  sequence += 1;
  const body = (amount: number) => ({
    channel: 'own_mall',
    orderer: { ...orderer, email: `detail${Date.now()}${sequence}@e2e.jumun.kr`, guestPassword: 'guest-1234' },
    addresses: [{ recipientName: orderer.name, recipientPhone: orderer.phone, postcode: '04524', address1: '서울특별시 중구 세종대로 110', address2: '3층' }],
    items: lines.map((l) => ({ custom: { name: l.name, ...(l.optionName ? { optionName: l.optionName } : {}), unitPrice: l.price }, quantity: l.quantity, addressIndex: 0 })),
    payment: {
      method: 'card',
      amount,
      status: 'paid',
      gateway: 'toss',
      gatewayTransactionId: `e2e-detail-${Date.now()}-${sequence}`,
      card: { company: '신한카드', numberMasked: '5365-10**-****-1234', installmentMonths: 3 },
    },
  });
  return placeAtServerPrice(api, body);
}

/**
 * Places an order whose payment is exactly what the server prices it at: a first request with a
 * wrong amount is refused with PAYMENT_AMOUNT_MISMATCH naming the expected one, then the real one.
 */
export async function placeAtServerPrice(api: StaffApi, body: (amount: number) => unknown): Promise<ApiOrder> {
  const probe = await api.context.post('/api/v1/orders', { data: body(1) });
  expect(probe.status()).toBe(422);
  const { error } = (await probe.json()) as { error: { code: string; details?: { expected?: number } } };
  expect(error.code).toBe('PAYMENT_AMOUNT_MISMATCH');
  const expected = error.details?.expected;
  expect(typeof expected).toBe('number');
  return api.post<ApiOrder>('/api/v1/orders', body(expected ?? 0));
}

/** Moves every unit in `from` one step to `to` (e.g. paid → preparing), as staff would. */
export async function moveAll(api: StaffApi, orderId: number, from: string, to: string, shipment?: { courier: string; trackingNumber: string }): Promise<ApiOrder> {
  const order = await api.order(orderId);
  const changes = order.shipmentGroups.filter((g) => g.status === from).flatMap((g) => g.items.map((i) => ({ shipmentGroupId: g.id, itemId: i.itemId, quantity: i.quantity, to })));
  expect(changes.length).toBeGreaterThan(0);
  const answer = await api.post<{ order: ApiOrder }>(`/api/v1/orders/${orderId}/status-changes`, { expectedVersion: order.version, changes, ...(shipment ? { shipment } : {}) });
  return answer.order;
}

/** paid → preparing → ready_to_ship → shipping (with a parcel). */
export async function shipAll(api: StaffApi, orderId: number): Promise<ApiOrder> {
  await moveAll(api, orderId, 'paid', 'preparing');
  await moveAll(api, orderId, 'preparing', 'ready_to_ship');
  return moveAll(api, orderId, 'ready_to_ship', 'shipping', { courier: 'CJ대한통운', trackingNumber: `6401${Date.now().toString().slice(-8)}` });
}
