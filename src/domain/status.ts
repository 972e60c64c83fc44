/**
 * Per-unit statuses and the one table of allowed moves between them. Like Vendure's order process,
 * the table is plain data checked at module load: a broken table fails every test and the server
 * start, not a customer's order months later.
 */

export const UNIT_STATUSES = [
  'awaiting_payment',
  'paid',
  'preparing',
  'ready_to_ship',
  'shipping',
  'delivered',
  'purchase_confirmed',
  'cancel_requested',
  'cancelled',
  'return_requested',
  'return_collecting',
  'return_collected',
  'returned',
  'exchange_requested',
  'exchange_collecting',
  'exchange_collected',
  'exchange_reshipped',
  'exchanged',
] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];

export type StatusFamily = 'payment' | 'shipping' | 'cancel' | 'return' | 'exchange';

export const STATUS_FAMILY: Record<UnitStatus, StatusFamily> = {
  awaiting_payment: 'payment',
  paid: 'payment',
  preparing: 'shipping',
  ready_to_ship: 'shipping',
  shipping: 'shipping',
  delivered: 'shipping',
  purchase_confirmed: 'shipping',
  cancel_requested: 'cancel',
  cancelled: 'cancel',
  return_requested: 'return',
  return_collecting: 'return',
  return_collected: 'return',
  returned: 'return',
  exchange_requested: 'exchange',
  exchange_collecting: 'exchange',
  exchange_collected: 'exchange',
  exchange_reshipped: 'exchange',
  exchanged: 'exchange',
};

export const STATUS_FAMILY_LABELS: Record<StatusFamily, { ko: string; en: string }> = {
  payment: { ko: '결제', en: 'Payment' },
  shipping: { ko: '배송', en: 'Shipping' },
  cancel: { ko: '취소', en: 'Cancel' },
  return: { ko: '반품', en: 'Return' },
  exchange: { ko: '교환', en: 'Exchange' },
};

/** What staff see. 수거중/수거완료 are shared by returns and exchanges; the family tells them apart. */
export const STATUS_LABELS: Record<UnitStatus, { ko: string; en: string }> = {
  awaiting_payment: { ko: '입금대기', en: 'Awaiting payment' },
  paid: { ko: '결제완료', en: 'Paid' },
  preparing: { ko: '상품준비중', en: 'Preparing' },
  ready_to_ship: { ko: '배송대기', en: 'Ready to ship' },
  shipping: { ko: '배송중', en: 'Shipping' },
  delivered: { ko: '배송완료', en: 'Delivered' },
  purchase_confirmed: { ko: '구매확정', en: 'Purchase confirmed' },
  cancel_requested: { ko: '취소접수', en: 'Cancel requested' },
  cancelled: { ko: '취소완료', en: 'Cancelled' },
  return_requested: { ko: '반품접수', en: 'Return requested' },
  return_collecting: { ko: '수거중', en: 'Collecting return' },
  return_collected: { ko: '수거완료', en: 'Return collected' },
  returned: { ko: '반품완료', en: 'Returned' },
  exchange_requested: { ko: '교환접수', en: 'Exchange requested' },
  exchange_collecting: { ko: '수거중', en: 'Collecting exchange' },
  exchange_collected: { ko: '수거완료', en: 'Exchange collected' },
  exchange_reshipped: { ko: '교환발송', en: 'Exchange reshipped' },
  exchanged: { ko: '교환완료', en: 'Exchanged' },
};

/** The label with its family appended where the plain label is ambiguous: "수거중(반품)". */
export function qualifiedStatusLabel(s: UnitStatus, lang: 'ko' | 'en'): string {
  const label = STATUS_LABELS[s][lang];
  const shared = UNIT_STATUSES.some((o) => o !== s && STATUS_LABELS[o][lang] === label);
  return shared ? `${label}(${STATUS_FAMILY_LABELS[STATUS_FAMILY[s]][lang]})` : label;
}

export type TransitionKind = 'forward' | 'revert';

export interface Transition {
  from: UnitStatus;
  to: UnitStatus;
  kind: TransitionKind;
  action: string;
  /** 'refund': the shop owes money back; 'charge': the buyer owes money (again). */
  moneyEffect: 'none' | 'refund' | 'charge';
}

/** Statuses with no forward move: the end of a unit's life (a revert may still reopen them). */
export const TERMINAL_STATUSES: readonly UnitStatus[] = ['purchase_confirmed', 'cancelled', 'returned', 'exchanged'];

/** Where a cancel may start; a withdrawn cancel goes back to the status it started from. */
export const CANCELLABLE_STATUSES: readonly UnitStatus[] = ['awaiting_payment', 'paid', 'preparing', 'ready_to_ship'];
/** Where a return or exchange may start: once the goods have left the warehouse. */
const CLAIMABLE_AFTER_SHIPPING: readonly UnitStatus[] = ['shipping', 'delivered'];

const fwd = (from: UnitStatus, to: UnitStatus, action: string, moneyEffect: Transition['moneyEffect'] = 'none'): Transition => ({
  from,
  to,
  kind: 'forward',
  action,
  moneyEffect,
});
const rev = (from: UnitStatus, to: UnitStatus, action: string, moneyEffect: Transition['moneyEffect'] = 'none'): Transition => ({
  from,
  to,
  kind: 'revert',
  action,
  moneyEffect,
});

/**
 * Every allowed move. Deliberately strict: no shortcuts such as paid → shipping; staff who need to
 * skip a step take each step, so every unit's history has the same shape.
 */
export const TRANSITIONS: readonly Transition[] = [
  // normal flow
  fwd('awaiting_payment', 'paid', 'confirm_deposit'),
  fwd('paid', 'preparing', 'start_preparing'),
  fwd('preparing', 'ready_to_ship', 'mark_ready_to_ship'),
  fwd('ready_to_ship', 'shipping', 'ship'),
  fwd('shipping', 'delivered', 'mark_delivered'),
  fwd('delivered', 'purchase_confirmed', 'confirm_purchase'),
  // cancel
  ...CANCELLABLE_STATUSES.map((s) => fwd(s, 'cancel_requested', 'request_cancel')),
  fwd('cancel_requested', 'cancelled', 'complete_cancel', 'refund'),
  // return
  ...CLAIMABLE_AFTER_SHIPPING.map((s) => fwd(s, 'return_requested', 'request_return')),
  fwd('return_requested', 'return_collecting', 'start_return_collection'),
  fwd('return_collecting', 'return_collected', 'complete_return_collection'),
  fwd('return_collected', 'returned', 'complete_return', 'refund'),
  // exchange
  ...CLAIMABLE_AFTER_SHIPPING.map((s) => fwd(s, 'exchange_requested', 'request_exchange')),
  fwd('exchange_requested', 'exchange_collecting', 'start_exchange_collection'),
  fwd('exchange_collecting', 'exchange_collected', 'complete_exchange_collection'),
  fwd('exchange_collected', 'exchange_reshipped', 'reship_exchange'),
  fwd('exchange_reshipped', 'exchanged', 'complete_exchange'),

  // reverts of the normal flow; un-confirming a deposit gives the captured money back
  rev('purchase_confirmed', 'delivered', 'revert_purchase_confirmation'),
  rev('delivered', 'shipping', 'revert_delivery'),
  rev('shipping', 'ready_to_ship', 'revert_shipment'),
  rev('ready_to_ship', 'preparing', 'revert_ready_to_ship'),
  rev('preparing', 'paid', 'revert_preparing'),
  rev('paid', 'awaiting_payment', 'revert_deposit', 'refund'),
  // withdrawing a claim request; the caller restores the unit's origin status
  ...CANCELLABLE_STATUSES.map((s) => rev('cancel_requested', s, 'withdraw_cancel')),
  ...CLAIMABLE_AFTER_SHIPPING.map((s) => rev('return_requested', s, 'withdraw_return')),
  ...CLAIMABLE_AFTER_SHIPPING.map((s) => rev('exchange_requested', s, 'withdraw_exchange')),
  // stepping back inside a claim; undoing a completed refund means the buyer owes money again
  rev('cancelled', 'cancel_requested', 'revert_cancel', 'charge'),
  rev('return_collecting', 'return_requested', 'revert_return_collection'),
  rev('return_collected', 'return_collecting', 'revert_return_collected'),
  rev('returned', 'return_collected', 'revert_return', 'charge'),
  rev('exchange_collecting', 'exchange_requested', 'revert_exchange_collection'),
  rev('exchange_collected', 'exchange_collecting', 'revert_exchange_collected'),
  rev('exchange_reshipped', 'exchange_collected', 'revert_exchange_reship'),
  rev('exchanged', 'exchange_reshipped', 'revert_exchange'),
];

const BY_MOVE = new Map<string, Transition>(TRANSITIONS.map((t) => [`${t.from}>${t.to}`, t]));

export function findTransition(from: UnitStatus, to: UnitStatus): Transition | undefined {
  return BY_MOVE.get(`${from}>${to}`);
}

/** Statuses a unit may be created in: unpaid (bank transfer) or already paid (card, easy pay). */
const START_STATUSES: readonly UnitStatus[] = ['awaiting_payment', 'paid'];

/**
 * Problems with a transition table; empty means it is sound. The rules:
 * 1. every move is listed once, between known statuses;
 * 2. every status is reachable by forward moves from awaiting_payment or paid;
 * 3. terminal statuses have no forward move, and every other status has a forward path to one;
 * 4. every revert A → B undoes a forward move B → A. This needs no exception for withdrawing a
 *    claim: cancel_requested → paid undoes paid → cancel_requested just as shipping → ready_to_ship
 *    undoes ready_to_ship → shipping; the caller picks which of those reverts (the origin status);
 * 5. a revert of a forward move that refunds must charge, since the refund is being taken back.
 */
export function validateStatusTable(transitions: readonly Transition[] = TRANSITIONS): string[] {
  const problems: string[] = [];
  const known = new Set<string>(UNIT_STATUSES);
  const seen = new Set<string>();
  for (const t of transitions) {
    const key = `${t.from}>${t.to}`;
    if (seen.has(key)) problems.push(`duplicate move ${t.from} → ${t.to}`);
    seen.add(key);
    for (const s of [t.from, t.to]) if (!known.has(s)) problems.push(`unknown status "${s}" in ${t.from} → ${t.to}`);
  }
  const forward = transitions.filter((t) => t.kind === 'forward');
  const next = (s: UnitStatus): UnitStatus[] => forward.filter((t) => t.from === s).map((t) => t.to);

  const reached = new Set<UnitStatus>(START_STATUSES);
  const queue = [...START_STATUSES];
  for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
    for (const n of next(s)) {
      if (!reached.has(n)) {
        reached.add(n);
        queue.push(n);
      }
    }
  }
  for (const s of UNIT_STATUSES) if (!reached.has(s)) problems.push(`${s} is unreachable from ${START_STATUSES.join(' or ')}`);

  for (const s of TERMINAL_STATUSES) if (next(s).length > 0) problems.push(`terminal status ${s} has a forward move`);
  // walk backwards from the terminal statuses: whatever is not reached can never finish
  const finishes = new Set<UnitStatus>(TERMINAL_STATUSES);
  for (let grew = true; grew; ) {
    grew = false;
    for (const t of forward) {
      if (finishes.has(t.to) && !finishes.has(t.from)) {
        finishes.add(t.from);
        grew = true;
      }
    }
  }
  for (const s of UNIT_STATUSES) if (!finishes.has(s)) problems.push(`${s} has no forward path to a terminal status`);

  for (const r of transitions.filter((t) => t.kind === 'revert')) {
    const undone = forward.find((t) => t.from === r.to && t.to === r.from);
    if (!undone) problems.push(`revert ${r.from} → ${r.to} has no forward move ${r.to} → ${r.from}`);
    else if (undone.moneyEffect === 'refund' && r.moneyEffect !== 'charge') {
      problems.push(`revert ${r.from} → ${r.to} undoes a refund and must charge`);
    }
  }
  return problems;
}

const TABLE_PROBLEMS = validateStatusTable();
if (TABLE_PROBLEMS.length > 0) throw new Error(`invalid status table:\n${TABLE_PROBLEMS.join('\n')}`);

// Order-level status is derived from the units; it lives in its own file to keep this one short.
export { ORDER_STATUSES, ORDER_STATUS_LABELS, deriveOrderStatus } from './order-status';
export type { OrderStatus } from './order-status';

export type ClaimKind = 'cancel' | 'return' | 'exchange';

export const CLAIM_KIND_OF: Partial<Record<UnitStatus, ClaimKind>> = Object.fromEntries(
  UNIT_STATUSES.flatMap((s) => {
    const family = STATUS_FAMILY[s];
    return family === 'cancel' || family === 'return' || family === 'exchange' ? [[s, family]] : [];
  }),
);

export function isClaimStatus(s: UnitStatus): boolean {
  return CLAIM_KIND_OF[s] !== undefined;
}

/** A claim that still needs staff work (requested, collecting, collected, reshipped). */
export function isOpenClaimStatus(s: UnitStatus): boolean {
  return isClaimStatus(s) && !TERMINAL_STATUSES.includes(s);
}

/** Units that still belong to the order: everything but cancelled and returned ones. */
export function isActiveStatus(s: UnitStatus): boolean {
  return s !== 'cancelled' && s !== 'returned';
}
