/**
 * The deterministic order generator: a seeded RNG, the shop's context and a time `now` passed in
 * (never the clock) give the same rows every time. Each order is priced by the domain's pricing,
 * coupon and shipping-fee functions, then played out step by step (see order-story.ts), and its
 * summary columns come from summarizeOrder.
 */
import { couponDiscountFor } from '../../domain/coupon';
import { orderCreated, paymentCaptured, paymentFailed, paymentPending, type Actor } from '../../domain/events';
import { percentOf } from '../../domain/money';
import { priceOrder } from '../../domain/pricing';
import { shippingFeeFor } from '../../domain/shipping-fee';
import { orderNumberFor } from '../orders/order-number';
import type { MemberState, SeedContext } from './context';
import type { IdSource, IdTable } from './ids';
import { addEvent, addPointsRow, emptyBatch, finishOrder, nth, type BatchRows, type Env, type ItemState, type OrderState } from './order-state';
import { scheduleMemos, scheduleOrder, type Step } from './order-story';
import { draftPayment, type PaymentMethod } from './payment-details';
import { addressIn, emailAddress, koreanName, mobilePhone, randomArea } from './people';
import { planFor, type Channel, type Plan } from './plans';
import type { Rng } from './random';

const DAY = 86_400_000;
export const SPREAD_DAYS = 120;

/** The most rows of each table one order can produce; the id pool is topped up by these. */
export const MAX_ROWS_PER_ORDER: Readonly<Record<IdTable, number>> = {
  orders: 1, order_addresses: 2, order_items: 4, shipment_groups: 2, claims: 2, payments: 3, payment_requests: 1,
  refunds: 2, timeline_events: 80, memos: 4, points_ledger: 4, customer_coupons: 1,
};

const CONNECTOR: Record<Channel, string> = {
  own_mall: '스토어프론트', naver_smartstore: '네이버 스마트스토어 연동', coupang: '쿠팡 연동', kakao_gift: '카카오톡 선물하기 연동',
};

export interface GenerateRange {
  /** position of the first order in the whole run (plans and times depend on it) */
  start: number;
  count: number;
  /** orders in the whole run: spreads ordered_at over SPREAD_DAYS before `now` */
  total: number;
  now: Date;
}

/** Generates the orders of `range`, appending their rows to `out` (a new batch by default). */
export function generateOrders(ctx: SeedContext, rng: Rng, ids: IdSource, range: GenerateRange, out: BatchRows = emptyBatch()): BatchRows {
  const env: Env = { ctx, ids, rng, out, now: range.now };
  for (let i = range.start; i < range.start + range.count; i++) generateOrder(env, i, range.total);
  return env.out;
}

function generateOrder(env: Env, index: number, total: number): void {
  const { rng, now } = env;
  const plan = planFor(rng, index);
  const s = shapeOrder(env, plan);
  const { steps, worstCase } = scheduleOrder(s, plan, rng);
  const lastStep = steps.reduce((m, st) => Math.max(m, st.at), 0);
  const all: Step[] = [...steps, ...scheduleMemos(rng, lastStep)].sort((a, b) => a.at - b.at);
  // forced plans end shortly before now; the others are spread over the period by position
  const t0 = plan.forced
    ? now.getTime() - worstCase - rng.int(10 * 60_000, 12 * 3_600_000)
    : now.getTime() - SPREAD_DAYS * DAY + Math.floor(((index + rng.next()) / Math.max(total, 1)) * SPREAD_DAYS * DAY);
  createOrder(s, plan, new Date(t0));
  // what would happen after `now` has not happened yet: recent orders stay unfinished
  for (const step of all) {
    const when = t0 + step.at;
    if (when > now.getTime()) break;
    step.run(s, new Date(when));
  }
  finishOrder(s);
}

function pickMember(ctx: SeedContext, rng: Rng, plan: Plan): MemberState | null {
  if (plan.channel !== 'own_mall' || ctx.members.length === 0) return null;
  if (plan.method === 'points_only') {
    // only a few members hold enough points to pay a whole free-shipping order; look for one
    const needed = ctx.policy.freeThreshold ?? Number.POSITIVE_INFINITY;
    for (let tries = 0; tries < 40; tries++) {
      const m = rng.pick(ctx.members);
      if (m.points >= needed) return m;
    }
  }
  return (plan.member ?? rng.chance(0.85)) ? rng.pick(ctx.members) : null;
}

type Pick = { entry: SeedContext['catalog'][number]; quantity: number };

/**
 * Points cannot pay shipping, so an order paid with points alone must ship free: one line at or
 * above the free-shipping threshold that the member's points cover. Null when none is found.
 */
function pointsOnlyPick(ctx: SeedContext, rng: Rng, member: MemberState): Pick | null {
  const threshold = ctx.policy.freeThreshold;
  if (threshold === null) return null;
  for (let tries = 0; tries < 20; tries++) {
    const entry = rng.pick(ctx.catalog);
    const quantity = Math.min(5, Math.max(1, Math.ceil(threshold / Math.max(entry.unitPrice, 1))));
    const amount = (entry.unitPrice - percentOf(entry.unitPrice, member.gradeRate)) * quantity;
    if (amount >= threshold && amount <= member.points) return { entry, quantity };
  }
  return null;
}

/** Who ordered, what, where to, at what price: everything but the times. */
function shapeOrder(env: Env, plan: Plan): OrderState {
  const { ctx, rng, ids } = env;
  const member = pickMember(ctx, rng, plan);
  const orderer = member
    ? { name: member.name, phone: member.phone, email: member.email }
    : { name: koreanName(rng), phone: mobilePhone(rng), email: rng.chance(0.7) ? emailAddress(rng) : null };
  const orderId = ids.take('orders');

  const pointsOnly = plan.method === 'points_only' && member ? pointsOnlyPick(ctx, rng, member) : null;
  const picks: Pick[] = pointsOnly
    ? [pointsOnly]
    : Array.from({ length: Math.max(plan.addresses, rng.weighted([[1, 55], [2, 25], [3, 12], [4, 8]] as const)) }, (_, i) => ({
        entry: rng.pick(ctx.catalog),
        quantity: Math.max(i === 0 ? plan.minQuantity : 1, rng.weighted([[1, 70], [2, 18], [3, 7], [4, 3], [5, 2]] as const)),
      }));
  const itemCount = picks.length;
  // every address carries at least one item
  const addressCount = Math.min(plan.addresses, itemCount);
  const gradeDiscountRate = member?.gradeRate ?? 0;
  const lines = picks.map((p) => ({ unitPrice: p.entry.unitPrice, quantity: p.quantity, gradeDiscountRate }));
  // The coupon and the free-shipping threshold look at the items after grade discount. The service
  // prices twice to learn it; one pricing is a tenth of the generator's time, so it is worked out
  // here with the same percentOf and checked against the one real pricing below.
  const itemsAmount = lines.reduce((sum, l) => sum + (l.unitPrice - percentOf(l.unitPrice, gradeDiscountRate)) * l.quantity, 0);

  const areas = Array.from({ length: addressCount }, (_, k) => (k === 0 && plan.area ? plan.area : pointsOnly ? 'mainland' : randomArea(rng)));
  const addresses = areas.map((area) => addressIn(rng, area));
  const shipping = shippingFeeFor(ctx.policy, { itemsAmount, postcodes: addresses.map((a) => a.postcode) });

  let coupon: SeedContext['coupons'][number] | null = null;
  let couponDiscount = 0;
  if (member && (plan.coupon ?? rng.chance(0.3))) {
    // try the member's coupons from a random one onwards: the first that applies is used
    const first = rng.int(0, Math.max(ctx.coupons.length - 1, 0));
    for (const c of [...ctx.coupons.slice(first), ...ctx.coupons.slice(0, first)]) {
      const r = couponDiscountFor(c.rule, itemsAmount);
      if (r.ok && r.discount > 0) {
        coupon = c;
        couponDiscount = r.discount;
        break;
      }
    }
  }
  let method: PaymentMethod = plan.method;
  let pointsUsed = 0;
  const payable = itemsAmount - couponDiscount;
  if (method === 'points_only') {
    // points cannot pay shipping, so only a free-shipping order can be paid with points alone
    if (member && shipping.total === 0 && member.points >= payable) pointsUsed = payable;
    else method = 'card';
  } else if (member && (plan.points ?? rng.chance(0.25)) && member.points >= 1000) {
    pointsUsed = Math.min(member.points, Math.floor((payable * 0.5) / 100) * 100);
  }
  const priced = priceOrder({ lines, couponDiscount, pointsUsed, shippingFee: shipping.total });
  if (!priced.ok) throw new Error(`seed bug: ${priced.message}`);
  if (priced.order.itemsAmount !== itemsAmount) throw new Error('seed bug: items amount differs from pricing');

  const shopId = ctx.shopId;
  const pendingPayment = method === 'virtual_account' || method === 'bank_transfer';
  const buyer: Actor = { kind: 'buyer', name: orderer.name };
  const s: OrderState = {
    env,
    // every column is present from the start, in one order: finishOrder assigns into this shape
    order: {
      shopId, id: orderId, orderNumber: '', channel: plan.channel, externalOrderId: externalOrderId(rng, plan.channel, orderId),
      customerId: member?.id ?? null, ordererName: orderer.name, ordererPhone: orderer.phone, ordererEmail: orderer.email,
      guestPasswordHash: !member && plan.channel === 'own_mall' ? ctx.guestPasswordHash : null,
      gradeName: member?.gradeName ?? null, gradeDiscountRate, customerCouponId: null, couponName: coupon?.name ?? null,
      couponDiscount: 0, pointsUsed: 0, shippingFee: 0, remoteShippingFee: 0, feesAmount: 0, policyId: ctx.policyId,
      orderedAt: new Date(0), version: 1, createdAt: new Date(0), updatedAt: new Date(0),
      orderStatus: '', paymentStatus: '', unitStatuses: [], paymentMethod: method, itemsAmount: 0, gradeDiscount: 0, manualDiscount: 0,
      totalAmount: 0, paidAmount: 0, refundedAmount: 0, balanceDue: 0, itemSummary: '', itemCount: 0, paidAt: null, shippedAt: null,
      deliveredAt: null, cancelRequestedAt: null, returnRequestedAt: null, memoCount: 0, lastMemoAt: null,
      searchText: '', searchGrams: [], searchDigits: [], couriers: [], productIds: [], regions: [],
    },
    member, buyer,
    creator: { kind: 'api', keyName: CONNECTOR[plan.channel] },
    addresses: [], items: [], groups: [], claims: [], payments: [], requests: [], customerCoupon: null, memoTimes: [],
    money: { couponDiscount, pointsUsed, shippingFee: shipping.base, remoteShippingFee: shipping.remote, feesAmount: 0 },
    pendingRefundParts: [], placedTotal: priced.order.total, lastAt: new Date(0), changes: 0,
  };
  const gift = plan.channel === 'kakao_gift';
  s.groups = addresses.map((a, position) => {
    const addressId = ids.take('order_addresses');
    const recipient = gift || rng.chance(0.15) ? { name: koreanName(rng), phone: mobilePhone(rng) } : { name: orderer.name, phone: orderer.phone };
    s.addresses.push({ shopId, id: addressId, orderId, position, recipientName: recipient.name, recipientPhone: recipient.phone, ...a });
    const status = pendingPayment ? ('awaiting_payment' as const) : ('paid' as const);
    return { row: { shopId, id: ids.take('shipment_groups'), orderId, addressId, status, courier: null, trackingNumber: null, shippedAt: null, deliveredAt: null }, units: new Map<ItemState, number>() };
  });
  const perAddress = Math.ceil(itemCount / addressCount);
  s.items = priced.order.lines.map((line, position) => {
    const e = nth(picks, position).entry;
    const group = nth(s.groups, Math.min(Math.floor(position / perAddress), s.groups.length - 1));
    const item: ItemState = {
      row: {
        shopId, id: ids.take('order_items'), orderId, productId: e.productId, optionId: e.optionId, productName: e.productName, optionName: e.optionName,
        sku: e.sku, unitPrice: line.unitPrice, quantity: line.quantity, gradeDiscountPerUnit: line.gradeDiscountPerUnit, manualDiscountKind: null,
        manualDiscountValue: null, manualDiscountPerUnit: line.manualDiscountPerUnit, couponShare: line.couponShare, pointsShare: line.pointsShare,
        isCustom: false, position,
      },
      group,
    };
    group.units.set(item, line.quantity);
    return item;
  });
  if (coupon && member) {
    s.customerCoupon = { shopId, id: ids.take('customer_coupons'), customerId: member.id, couponId: coupon.id, status: 'used', usedOrderId: orderId };
    s.order.customerCouponId = s.customerCoupon.id;
  }
  return s;
}

/** Marketplace order numbers; the order id in them keeps them unique (orders_external_key). */
function externalOrderId(rng: Rng, channel: Channel, orderId: number): string | null {
  const id = String(orderId).padStart(9, '0');
  if (channel === 'naver_smartstore') return `${rng.digits(7)}${id}`;
  if (channel === 'coupang') return `3${rng.digits(3)}${id}`;
  if (channel === 'kakao_gift') return `K${id}`;
  return null;
}

/** The order as placed at `t0`: numbers, times, the payment as the gateway reported it, first events. */
function createOrder(s: OrderState, plan: Plan, t0: Date): void {
  const { ctx, rng, ids } = s.env;
  const external = plan.channel !== 'own_mall';
  // marketplace orders reach the shop a few minutes after the buyer placed them
  const createdAt = external ? new Date(t0.getTime() + rng.int(60_000, 30 * 60_000)) : t0;
  s.order.orderNumber = orderNumberFor(ctx.orderNumberPrefix, s.order.id, t0);
  s.order.orderedAt = t0;
  s.order.createdAt = createdAt;
  for (const a of s.addresses) a.createdAt = createdAt;
  for (const g of s.groups) g.row.createdAt = createdAt;
  for (const i of s.items) i.row.createdAt = createdAt;
  const method = s.order.paymentMethod as PaymentMethod;
  const total = s.placedTotal;
  const draft = { shopId: ctx.shopId, orderId: s.order.id, method, amount: total, createdAt, ordererName: s.order.ordererName, shopName: ctx.shopName };
  s.changes = 1;
  addEvent(s, createdAt, orderCreated(s.creator, { channel: plan.channel, total, itemCount: s.items.length }));
  if (method === 'card' && rng.chance(0.015)) {
    const failed = draftPayment(rng, { ...draft, id: ids.take('payments') });
    Object.assign(failed, { status: 'failed', capturedAmount: 0, paidAt: null });
    s.payments.push(failed);
    addEvent(s, createdAt, paymentFailed(s.creator, { paymentId: failed.id, method, amount: total, reason: '카드 한도 초과' }));
  }
  const payment = draftPayment(rng, { ...draft, id: ids.take('payments') });
  s.payments.push(payment);
  if (payment.status === 'pending') {
    addEvent(s, createdAt, paymentPending(s.creator, { paymentId: payment.id, method, amount: total, dueAt: payment.vaDueAt?.toISOString() ?? null }));
  } else {
    addEvent(s, createdAt, paymentCaptured(s.creator, { paymentId: payment.id, method, amount: total }));
  }
  addPointsRow(s, -s.money.pointsUsed, '주문 사용', createdAt);
  if (s.customerCoupon) {
    const issuedAt = new Date(t0.getTime() - rng.int(1, 30) * DAY);
    Object.assign(s.customerCoupon, { usedAt: createdAt, createdAt: issuedAt, expiresAt: new Date(issuedAt.getTime() + 90 * DAY) });
  }
}
