/**
 * Plays a plan out as a schedule of steps at times relative to the order's creation. Delays are
 * drawn per step; `worstCase` adds up the longest each delay could have been, so a forced plan can
 * be placed early enough that all of it has happened by `now`. Random plans are placed by their
 * position in the run and simply stop at `now`, which makes recent orders the unfinished ones.
 */
import { memoAdded, type Actor } from '../../domain/events';
import type { UnitStatus } from '../../domain/status';
import { advanceClaim, advanceGroups, confirmDeposit, openClaim, type ClaimPick, type ClaimReason } from './order-actions';
import { earnPoints, payRequest, requestPayment } from './order-money';
import { completeClaim } from './order-refund';
import { addEvent, staffActor, type ClaimState, type OrderState } from './order-state';
import { FLOW, type FlowStatus, type Plan } from './plans';
import type { Rng } from './random';

export interface Step {
  at: number;
  run: (s: OrderState, at: Date) => void;
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const SYSTEM: Actor = { kind: 'system' };

/** Preset reason codes (src/domain/claim-reasons.ts) with the words a buyer or staff add beside them. */
const REASONS: Record<'cancel' | 'return' | 'exchange', Record<'buyer' | 'shop', readonly ClaimReason[]>> = {
  cancel: {
    buyer: [{ code: 'change_of_mind', text: null, fault: 'buyer' }, { code: 'other', text: '옵션을 잘못 선택했어요', fault: 'buyer' }],
    shop: [{ code: 'other', text: '품절로 인한 취소', fault: 'shop' }, { code: 'late_delivery', text: null, fault: 'shop' }],
  },
  return: {
    buyer: [{ code: 'change_of_mind', text: null, fault: 'buyer' }, { code: 'change_of_mind', text: '사이즈가 맞지 않아요', fault: 'buyer' }],
    shop: [{ code: 'defective', text: '봉제 불량', fault: 'shop' }, { code: 'wrong_item', text: '다른 상품이 배송됨', fault: 'shop' }],
  },
  exchange: {
    buyer: [{ code: 'change_of_mind', text: '사이즈 교환 요청', fault: 'buyer' }, { code: 'change_of_mind', text: '색상 교환 요청', fault: 'buyer' }],
    shop: [{ code: 'defective', text: null, fault: 'shop' }, { code: 'wrong_item', text: '주문과 다른 옵션 배송', fault: 'shop' }],
  },
};

const MEMOS = [
  '고객 요청으로 배송 전 연락 드리기로 함 (전화 확인)', '부재중 — 문자 남김', '선물 포장 요청, 메시지 카드 동봉', '입금자명 상이, 통화로 본인 확인 완료',
  '교환 상품 재고 확인 필요', '고객님과 통화 완료, 반품 회수 일정 안내', '송장 재발급 요청 받음', 'VIP 고객 — 사은품 동봉 부탁드립니다',
  '배송 지연 안내 문자 발송', '카드사 승인 취소 확인 요청', '주소지 오기재 문의, 상세주소 수정 안내', '현금영수증 발행 요청 (010 번호)',
];

/** Units still in shipment groups: all of them, or some units of one item (the rest stays). */
function pickUnits(s: OrderState, rng: Rng, all: boolean): ClaimPick[] {
  const held: ClaimPick[] = [];
  for (const g of s.groups) for (const [item, quantity] of g.units) held.push({ item, quantity });
  if (all || held.length === 0) return held;
  const several = held.filter((h) => h.quantity >= 2);
  if (several.length > 0) {
    const h = rng.pick(several);
    return [{ item: h.item, quantity: rng.int(1, h.quantity - 1) }];
  }
  return held.length > 1 ? [rng.pick(held)] : held;
}

export function scheduleOrder(s: OrderState, plan: Plan, rng: Rng): { steps: Step[]; worstCase: number } {
  const steps: Step[] = [];
  let t = 0;
  let worst = 0;
  const after = (min: number, max: number) => {
    t += min + Math.floor(rng.next() * (max - min));
    worst += max;
    return t;
  };
  const at = (when: number, run: Step['run']) => steps.push({ at: when, run });
  const staff = staffActor(s);
  const pending = plan.method === 'virtual_account' || plan.method === 'bank_transfer';

  if (pending && plan.neverPays) {
    const reason = { code: null, text: '입금기한 만료 자동취소', fault: 'buyer' as const };
    if (plan.neverPays === 'auto_cancel') {
      // the nightly job after the deadline (due is at most 4 days after the order)
      at(after(4 * DAY, 4 * DAY + 2 * HOUR), (o, when) => {
        const claim = openClaim(o, 'cancel', pickUnits(o, rng, true), when, SYSTEM, reason);
        if (claim) completeClaim(o, claim, when, SYSTEM);
      });
    } else {
      let claim: ClaimState | null = null;
      at(after(HOUR, 30 * HOUR), (o, when) => {
        claim = openClaim(o, 'cancel', pickUnits(o, rng, true), when, o.buyer, { code: 'change_of_mind', text: '입금 전 취소', fault: 'buyer' });
      });
      at(after(10 * MIN, 8 * HOUR), (o, when) => {
        if (claim) completeClaim(o, claim, when, staff);
      });
    }
    return { steps, worstCase: worst };
  }
  if (plan.stopAt === 'awaiting_payment') return { steps, worstCase: worst };
  if (pending) at(after(10 * MIN, 40 * HOUR), (o, when) => confirmDeposit(o, when, plan.method === 'virtual_account' ? SYSTEM : staff));

  const delays: Record<FlowStatus, readonly [number, number, Actor]> = {
    awaiting_payment: [0, 0, SYSTEM],
    paid: [0, 0, SYSTEM],
    preparing: [HOUR, 30 * HOUR, staff],
    ready_to_ship: [HOUR, 20 * HOUR, staff],
    shipping: [HOUR, 24 * HOUR, staff],
    delivered: [18 * HOUR, 72 * HOUR, SYSTEM],
    purchase_confirmed: [DAY, 6 * DAY, s.buyer],
  };
  const flow = FLOW.slice(FLOW.indexOf('paid'));
  for (const [i, current] of flow.entries()) {
    if (plan.cancel && plan.cancel.from === current) {
      const cancel = plan.cancel;
      const fault = rng.chance(0.8) ? 'buyer' : 'shop';
      const reason = rng.pick(REASONS.cancel[fault]);
      let claim: ClaimState | null = null;
      at(after(30 * MIN, 20 * HOUR), (o, when) => {
        claim = openClaim(o, 'cancel', pickUnits(o, rng, cancel.all), when, fault === 'buyer' ? o.buyer : staff, reason);
      });
      if (cancel.to === 'cancelled') {
        at(after(20 * MIN, 10 * HOUR), (o, when) => {
          if (claim) completeClaim(o, claim, when, staff, { pendingTransfer: cancel.pendingRefund });
        });
      }
      if (cancel.all) break;
    }
    if (current === 'delivered' && plan.post) {
      schedulePostDelivery(s, plan.post, rng, t, at, plan.stopAt === 'purchase_confirmed' && !plan.post.all);
      worst += 20 * DAY;
      break;
    }
    const next = flow[i + 1];
    if (current === plan.stopAt || !next) break;
    const [min, max, actor] = delays[next];
    const isAuto = next === 'purchase_confirmed' && rng.chance(0.6);
    const when = isAuto ? after(s.env.ctx.autoConfirmDays * DAY, s.env.ctx.autoConfirmDays * DAY + 2 * HOUR) : after(min, max);
    at(when, (o, w) => {
      advanceGroups(o, current, next, w, isAuto ? SYSTEM : actor);
      if (next === 'purchase_confirmed') earnPoints(o, w);
    });
  }
  if (plan.delayedMemo) at(after(7 * DAY, 12 * DAY), (o, when) => addMemoStep(o, when, '배송 지연 안내 문자 발송 — 입고 지연, 고객 양해 받음'));
  return { steps, worstCase: worst };
}

/** A return or exchange a few days after delivery; the units left behind are confirmed later. */
function schedulePostDelivery(s: OrderState, post: NonNullable<Plan['post']>, rng: Rng, delivered: number, at: (when: number, run: Step['run']) => void, confirmRest: boolean): void {
  const staff = staffActor(s);
  let t = delivered + DAY + Math.floor(rng.next() * 4 * DAY);
  const next = (min: number, max: number) => (t += min + Math.floor(rng.next() * (max - min)));
  const reason = rng.pick(REASONS[post.kind][post.fault]);
  let claim: ClaimState | null = null;
  at(t, (o, when) => {
    claim = openClaim(o, post.kind, pickUnits(o, rng, post.all), when, o.buyer, reason);
  });
  const flow: UnitStatus[] =
    post.kind === 'return'
      ? ['return_collecting', 'return_collected', 'returned']
      : ['exchange_collecting', 'exchange_collected', 'exchange_reshipped', 'exchanged'];
  for (const to of flow.slice(0, flow.indexOf(post.to) + 1)) {
    const actor = to === 'exchanged' ? { kind: 'system' as const } : staff;
    at(next(to === 'return_collecting' || to === 'exchange_collecting' ? 4 * HOUR : DAY, to === 'exchanged' ? 3 * DAY : 2 * DAY), (o, when) => {
      if (!claim) return;
      if (to === 'returned') completeClaim(o, claim, when, actor);
      else advanceClaim(o, claim, to, when, actor);
    });
    if (to === 'exchange_collecting' && post.payRequest && s.env.ctx.returnShippingFee > 0) {
      const payRequestMode = post.payRequest;
      let request: OrderState['requests'][number] | null = null;
      at(t + MIN, (o, when) => {
        request = requestPayment(o, 2 * o.env.ctx.returnShippingFee, '교환 왕복 배송비', when);
      });
      if (payRequestMode === 'paid') at(t + 2 * HOUR + Math.floor(rng.next() * 2 * DAY), (o, when) => request && payRequest(o, request, when));
    }
  }
  if (confirmRest) {
    at(delivered + s.env.ctx.autoConfirmDays * DAY + Math.floor(rng.next() * 2 * HOUR), (o, when) => {
      advanceGroups(o, 'delivered', 'purchase_confirmed', when, { kind: 'system' });
      earnPoints(o, when);
    });
  }
}

export function addMemoStep(s: OrderState, at: Date, body: string): void {
  const owner = s.env.ctx.owner;
  if (!owner) return;
  const id = s.env.ids.take('memos');
  s.env.out.memos.push({ shopId: s.env.ctx.shopId, id, orderId: s.order.id, authorStaffId: owner.id, authorName: owner.name, body, createdAt: at, updatedAt: null, deletedAt: null });
  // a memo does not bump the order's version: a note never conflicts with a change
  s.memoTimes.push(at);
  addEvent(s, at, memoAdded(staffActor(s), { memoId: id }));
}

/**
 * 1–3 CS memos on ~15% of orders, between an hour after the order (marketplace orders arrive up to
 * 30 minutes late, and a memo cannot precede its order) and a couple of days after its last step.
 */
export function scheduleMemos(rng: Rng, lastStep: number): Step[] {
  if (!rng.chance(0.15)) return [];
  return Array.from({ length: rng.int(1, 3) }, () => {
    const when = HOUR + Math.floor(rng.next() * (lastStep + 2 * DAY));
    const body = rng.pick(MEMOS);
    return { at: when, run: (o: OrderState, w: Date) => addMemoStep(o, w, body) };
  });
}
