import { expect, request, type APIRequestContext } from '@playwright/test';
import type { BulkAction, BulkJob, BulkSelection } from '../../src/contracts/bulk-jobs';
import type { OrderDetail } from '../../src/contracts/orders';
import type { View } from '../../src/contracts/views';
import { OWNER } from './accounts';
import { signedInRequestContext } from './api-session';

/**
 * The shop as the list scenarios need it, through the HTTP API signed in as the owner: orders
 * placed as a storefront would (custom items, shipping fee given, so the amount is known), moved
 * along the status table, claims, memos — and cleaning up the tabs a test added.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A name no seeded order has (seed names are three syllables): `prefix` + a run-unique tail. */
export function uniqueName(prefix: string): string {
  const syllables = '갸냐댜랴먀뱌샤야쟈챠캬탸퍄햐';
  let n = Date.now() % 100_000;
  let tail = '';
  for (let i = 0; i < 3; i++) {
    tail += syllables[n % syllables.length];
    n = Math.floor(n / syllables.length);
  }
  return `${prefix}${tail}`;
}

export interface PlaceOptions {
  name: string;
  channel?: 'own_mall' | 'naver_smartstore' | 'coupang' | 'kakao_gift' | 'eleven_st' | 'gmarket' | 'other';
  /** A member's id (a guest when absent). */
  customerId?: number;
  /** Days before now the order was placed and paid (0: now). */
  daysAgo?: number;
  /** Units of the one custom item (10,000원 each). */
  quantity?: number;
  /** 무통장입금 waiting for the deposit instead of a card payment. */
  awaitingDeposit?: boolean;
  itemName?: string;
}

export class ShopApi {
  private constructor(readonly http: APIRequestContext) {}

  static async open(baseURL: string): Promise<ShopApi> {
    return new ShopApi(await signedInRequestContext(request, baseURL, OWNER));
  }

  dispose() {
    return this.http.dispose();
  }

  private async send<T>(method: 'post' | 'get' | 'delete', path: string, data?: unknown, expected = [200, 201, 202, 204]): Promise<T> {
    const res = method === 'get' ? await this.http.get(path) : method === 'delete' ? await this.http.delete(path) : await this.http.post(path, { data });
    const text = await res.text();
    expect(expected, `${method.toUpperCase()} ${path} → ${res.status()} ${text.slice(0, 400)}`).toContain(res.status());
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** An order as a storefront hands it in; the payment amount is the server's total (a member's grade discount included). */
  async placeOrder(options: PlaceOptions): Promise<OrderDetail> {
    const at = new Date(Date.now() - (options.daysAgo ?? 0) * DAY - 60_000).toISOString();
    const quantity = options.quantity ?? 1;
    const body = (amount: number) => ({
      channel: options.channel ?? 'own_mall',
      orderedAt: at,
      orderer: { name: options.name, phone: '010-5821-0417', ...(options.customerId ? { customerId: options.customerId } : { guestPassword: '1234' }) },
      addresses: [{ recipientName: options.name, recipientPhone: '010-5821-0417', postcode: '04524', address1: '서울특별시 중구 세종대로 110', address2: '3층' }],
      items: [{ custom: { name: options.itemName ?? '시나리오 면 양말', unitPrice: 10_000 }, quantity }],
      shippingFee: 0,
      payment: options.awaitingDeposit
        ? { method: 'bank_transfer', amount, status: 'awaiting_deposit', bankTransfer: { bank: '국민은행', accountNumber: '123-45-6789', holder: '주문 데모샵', depositorName: options.name } }
        : { method: 'card', amount, status: 'paid', paidAt: at, card: { company: '신한카드', numberMasked: '5365-10**-****-1234', installmentMonths: 0 } },
    });
    let res = await this.http.post('/api/v1/orders', { data: body(10_000 * quantity) });
    if (res.status() === 422) {
      // a member pays less (grade discount): the server says how much
      const error = (await res.json()) as { error: { code: string; details?: { expected?: number } } };
      expect(error.error.code).toBe('PAYMENT_AMOUNT_MISMATCH');
      res = await this.http.post('/api/v1/orders', { data: body(Number(error.error.details?.expected)) });
    }
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()) as OrderDetail;
  }

  order(orderId: number): Promise<OrderDetail> {
    return this.send('get', `/api/v1/orders/${orderId}`);
  }

  /** Every unit of every shipment group not yet at `to` moves there, as staff would on the detail screen. */
  async moveAll(order: OrderDetail, to: string, shipment?: { courier: string; trackingNumber: string }): Promise<OrderDetail> {
    const changes = order.shipmentGroups.flatMap((g) => g.items.map((u) => ({ shipmentGroupId: g.id, itemId: u.itemId, quantity: u.quantity, to })));
    const res = await this.send<{ order: OrderDetail }>('post', `/api/v1/orders/${order.id}/status-changes`, { expectedVersion: order.version, changes, ...(shipment ? { shipment } : {}) });
    return res.order;
  }

  async advance(order: OrderDetail, steps: string[]): Promise<OrderDetail> {
    let o = order;
    for (const to of steps) o = await this.moveAll(o, to, to === 'shipping' ? { courier: 'CJ대한통운', trackingNumber: `6400${o.id}0001` } : undefined);
    return o;
  }

  /** 취소접수 (or 취소완료 with `complete`) of `quantity` units of the first item (all by default). */
  async requestCancel(order: OrderDetail, options: { quantity?: number; complete?: boolean } = {}): Promise<OrderDetail> {
    const group = order.shipmentGroups[0]!;
    const unit = group.items[0]!;
    const res = await this.send<{ order: OrderDetail }>('post', `/api/v1/orders/${order.id}/cancellations`, {
      expectedVersion: order.version,
      items: [{ shipmentGroupId: group.id, itemId: unit.itemId, quantity: options.quantity ?? unit.quantity }],
      reason: '고객 요청',
      complete: options.complete ?? false,
    });
    return res.order;
  }

  /** 반품접수 of a delivered order's units. */
  async requestReturn(order: OrderDetail): Promise<OrderDetail> {
    const group = order.shipmentGroups[0]!;
    const res = await this.send<{ order: OrderDetail }>('post', `/api/v1/orders/${order.id}/returns`, {
      expectedVersion: order.version,
      items: group.items.map((u) => ({ shipmentGroupId: group.id, itemId: u.itemId, quantity: u.quantity })),
      reason: '단순 변심',
      fault: 'buyer',
      pickup: { name: '반품고객', phone: '010-5821-0417', postcode: '04524', address1: '서울특별시 중구 세종대로 110', address2: '' },
      restock: true,
    });
    return res.order;
  }

  async addMemo(orderId: number, body: string): Promise<void> {
    await this.send('post', `/api/v1/orders/${orderId}/memos`, { body });
  }

  /** A member of the demo shop (from a seeded member order). */
  async someMemberId(): Promise<number> {
    const res = await this.send<{ items: Array<{ customerId: number | null }> }>('post', '/api/v1/orders/search', { filter: { memberType: 'member' }, limit: 1 });
    const id = res.items[0]?.customerId;
    expect(id, 'the demo data has members').toBeTruthy();
    return id as number;
  }

  /** Runs a bulk job to its end (set-up: moving many orders at once). */
  async runBulk(selection: BulkSelection, action: BulkAction): Promise<BulkJob> {
    const started = await this.send<BulkJob>('post', '/api/v1/bulk-jobs', { selection, action });
    for (let i = 0; i < 240; i++) {
      const job = await this.send<BulkJob>('get', `/api/v1/bulk-jobs/${started.id}`);
      if (job.status === 'done' || job.status === 'failed' || job.status === 'cancelled') return job;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`bulk job ${started.id} did not finish`);
  }

  /** Deletes the shared tabs a test added (tabs are the whole shop's). */
  async deleteViews(names: string[]): Promise<void> {
    const { views } = await this.send<{ views: View[] }>('get', '/api/v1/views');
    for (const view of views.filter((v) => names.includes(v.name))) await this.send('delete', `/api/v1/views/${view.id}`);
  }
}

/** Runs `count` calls, `parallel` at a time. */
export async function inBatches<T>(count: number, parallel: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += parallel) out.push(...(await Promise.all(Array.from({ length: Math.min(parallel, count - i) }, (_, k) => make(i + k)))));
  return out;
}
