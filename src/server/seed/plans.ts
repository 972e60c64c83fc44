/**
 * What happens to a generated order, decided before it is played out. Most plans are drawn at
 * random with shop-like frequencies; the first FORCED_PLANS.length orders of every 200 follow
 * fixed plans, so any run of 200 orders shows every unit status, a two-address order, Jeju and
 * island addresses, delayed shipping, refunds, a pending payment request and a points-only payment.
 */
import type { UnitStatus } from '../../domain/status';
import type { PaymentMethod } from './payment-details';
import type { AreaKind } from './people';
import type { Rng } from './random';

export type FlowStatus = 'awaiting_payment' | 'paid' | 'preparing' | 'ready_to_ship' | 'shipping' | 'delivered' | 'purchase_confirmed';
export type Channel = 'own_mall' | 'naver_smartstore' | 'coupang' | 'kakao_gift';
export const FLOW: readonly FlowStatus[] = ['awaiting_payment', 'paid', 'preparing', 'ready_to_ship', 'shipping', 'delivered', 'purchase_confirmed'];

export interface Plan {
  channel: Channel;
  /** null: a member if the channel and the shop allow it (~85% of own-mall orders) */
  member: boolean | null;
  method: PaymentMethod;
  /** a deposit that never comes: cancelled by the system at the deadline, or by the buyer */
  neverPays?: 'auto_cancel' | 'buyer_cancel';
  /** where units still in shipment groups stop */
  stopAt: FlowStatus;
  cancel?: { from: 'paid' | 'preparing' | 'ready_to_ship'; all: boolean; to: 'cancel_requested' | 'cancelled'; pendingRefund: boolean };
  post?: { kind: 'return' | 'exchange'; all: boolean; to: UnitStatus; fault: 'buyer' | 'shop'; payRequest: 'paid' | 'pending' | null };
  addresses: 1 | 2;
  area: AreaKind | null;
  /** the first item gets at least this many units, so a claim can take some and leave the rest */
  minQuantity: number;
  coupon: boolean | null;
  points: boolean | null;
  /** a CS memo a week or more after the order: how delayed orders look */
  delayedMemo: boolean;
  forced: boolean;
}

const base = (over: Partial<Plan>): Plan => ({
  channel: 'own_mall', member: null, method: 'card', stopAt: 'purchase_confirmed', addresses: 1, area: null,
  minQuantity: 1, coupon: null, points: null, delayedMemo: false, forced: true, ...over,
});
const partialReturn = (to: UnitStatus, extra: Partial<Plan> = {}) =>
  base({ stopAt: 'delivered', minQuantity: 2, post: { kind: 'return', all: false, to, fault: 'buyer', payRequest: null }, ...extra });
const partialExchange = (to: UnitStatus) =>
  base({ stopAt: 'delivered', minQuantity: 2, post: { kind: 'exchange', all: false, to, fault: 'shop', payRequest: null } });

export const FORCED_PLANS: readonly Plan[] = [
  base({ method: 'virtual_account', stopAt: 'awaiting_payment' }),
  base({ method: 'bank_transfer', stopAt: 'awaiting_payment' }),
  base({ stopAt: 'paid' }),
  base({ stopAt: 'preparing', method: 'easy_pay' }),
  base({ stopAt: 'ready_to_ship' }),
  base({ stopAt: 'shipping', addresses: 2 }),
  base({ stopAt: 'delivered', area: 'jeju' }),
  base({ stopAt: 'purchase_confirmed', area: 'island', member: true }),
  base({ stopAt: 'paid', minQuantity: 2, cancel: { from: 'paid', all: false, to: 'cancel_requested', pendingRefund: false } }),
  base({ minQuantity: 3, member: true, coupon: true, points: true, cancel: { from: 'preparing', all: false, to: 'cancelled', pendingRefund: false } }),
  base({ method: 'virtual_account', stopAt: 'paid', cancel: { from: 'paid', all: true, to: 'cancelled', pendingRefund: false } }),
  base({ method: 'bank_transfer', neverPays: 'auto_cancel', stopAt: 'awaiting_payment' }),
  partialReturn('return_requested'),
  partialReturn('return_collecting'),
  partialReturn('return_collected'),
  partialReturn('returned', { stopAt: 'purchase_confirmed', member: true, points: true }),
  partialExchange('exchange_requested'),
  partialExchange('exchange_collecting'),
  partialExchange('exchange_collected'),
  partialExchange('exchange_reshipped'),
  partialExchange('exchanged'),
  base({ stopAt: 'delivered', post: { kind: 'exchange', all: true, to: 'exchange_collected', fault: 'buyer', payRequest: 'pending' } }),
  base({ post: { kind: 'return', all: true, to: 'returned', fault: 'shop', payRequest: null }, member: true, coupon: true }),
  base({ stopAt: 'preparing', delayedMemo: true }),
  base({ method: 'points_only', member: true }),
  base({ member: false, stopAt: 'delivered' }),
  base({ channel: 'naver_smartstore', method: 'easy_pay', stopAt: 'shipping' }),
];

export const FORCED_WINDOW = 200;

export function planFor(rng: Rng, index: number): Plan {
  return FORCED_PLANS[index % FORCED_WINDOW] ?? randomPlan(rng);
}

function randomPlan(rng: Rng): Plan {
  const channel = rng.weighted<Channel>([['own_mall', 70], ['naver_smartstore', 15], ['coupang', 10], ['kakao_gift', 5]]);
  const method: PaymentMethod =
    channel === 'own_mall'
      ? rng.weighted<PaymentMethod>([['card', 45], ['easy_pay', 25], ['virtual_account', 15], ['bank_transfer', 12], ['points_only', 1]])
      : rng.chance(0.6) ? 'card' : 'easy_pay';
  const plan = base({ channel, method, forced: false, addresses: rng.chance(0.03) ? 2 : 1 });
  if ((method === 'virtual_account' || method === 'bank_transfer') && rng.chance(0.08)) {
    return { ...plan, stopAt: 'awaiting_payment', neverPays: rng.chance(0.7) ? 'auto_cancel' : 'buyer_cancel' };
  }
  if (rng.chance(0.02)) plan.stopAt = rng.pick(['paid', 'preparing', 'ready_to_ship'] as const);
  if (rng.chance(0.05)) {
    const from = rng.weighted([['paid', 50], ['preparing', 30], ['ready_to_ship', 20]] as const);
    const to = rng.chance(0.85) ? 'cancelled' : 'cancel_requested';
    plan.cancel = { from, all: rng.chance(0.55), to, pendingRefund: rng.chance(0.25) };
    // staff hold the rest of an order whose cancel is still being decided
    if (to === 'cancel_requested' && FLOW.indexOf(plan.stopAt) > FLOW.indexOf(from)) plan.stopAt = from;
  }
  if (plan.stopAt === 'purchase_confirmed' && !plan.cancel?.all) {
    const kind = rng.weighted([['return', 4], ['exchange', 2.5], [null, 93.5]] as const);
    if (kind) {
      const flow: UnitStatus[] =
        kind === 'return'
          ? ['return_requested', 'return_collecting', 'return_collected', 'returned']
          : ['exchange_requested', 'exchange_collecting', 'exchange_collected', 'exchange_reshipped', 'exchanged'];
      const done: UnitStatus = kind === 'return' ? 'returned' : 'exchanged';
      const fault = rng.chance(0.7) ? 'buyer' : 'shop';
      plan.post = {
        kind,
        all: rng.chance(0.4),
        to: rng.chance(0.85) ? done : rng.pick(flow),
        fault,
        payRequest: kind === 'exchange' && fault === 'buyer' ? (rng.chance(0.8) ? 'paid' : 'pending') : null,
      };
    }
  }
  return plan;
}
