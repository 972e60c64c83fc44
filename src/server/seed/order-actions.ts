/**
 * The changes a generated order goes through, each one a consistent step like the service would
 * make it: units move between shipment groups and claims (never lost, never duplicated), every move
 * is checked against the domain's transition table, and every step writes its timeline events.
 */
import type { ClaimReasonCode } from '../../domain/claim-reasons';
import { depositConfirmed, statusesChanged, trackingAssigned, type Actor, type UnitMove } from '../../domain/events';
import { findTransition, type UnitStatus } from '../../domain/status';
import { addEvent, type ClaimState, type ItemState, type OrderState } from './order-state';

const COURIERS: ReadonlyArray<readonly [string, number]> = [['CJ', 55], ['HANJIN', 15], ['LOTTE', 12], ['LOGEN', 10], ['EPOST', 8]];

/** Moves already found in the transition table (looking one up builds a string key each time). */
const knownMoves = new Map<UnitStatus, Set<UnitStatus>>();

function checkedMove(from: UnitStatus, to: UnitStatus): void {
  const known = knownMoves.get(from) ?? new Set<UnitStatus>();
  if (known.has(to)) return;
  // the seed must never write a history the service could not have written
  if (!findTransition(from, to)) throw new Error(`seed bug: ${from} → ${to} is not an allowed move`);
  known.add(to);
  knownMoves.set(from, known);
}

/** The moves of units from one status to another, checked against the status table. */
function movesOf(units: Iterable<readonly [ItemState, number]>, from: UnitStatus, to: UnitStatus): UnitMove[] {
  checkedMove(from, to);
  return [...units].map(([item, quantity]) => ({ itemId: item.row.id, quantity, from, to }));
}

/** One change's moves on one timeline line, as the service writes them. */
function statusEvents(s: OrderState, at: Date, actor: Actor, moves: readonly UnitMove[]): void {
  for (const draft of statusesChanged(actor, moves.map((m) => ({ ...m, kind: 'forward' as const })))) addEvent(s, at, draft);
}

/** Moves every shipment group that still holds units from `from` to `to` (groups move together). */
export function advanceGroups(s: OrderState, from: UnitStatus, to: UnitStatus, at: Date, actor: Actor): void {
  const moving = s.groups.filter((g) => g.units.size > 0 && g.row.status === from);
  if (moving.length === 0) return;
  s.changes += 1;
  const moves: UnitMove[] = [];
  for (const g of moving) {
    if (to === 'shipping') {
      g.row.courier = s.env.rng.weighted(COURIERS);
      g.row.trackingNumber = `${s.env.rng.int(1, 9)}${s.env.rng.digits(11)}`;
      g.row.shippedAt = at;
      addEvent(s, at, trackingAssigned(actor, { shipmentId: g.row.id, courier: g.row.courier, trackingNumber: g.row.trackingNumber }));
    }
    if (to === 'delivered') g.row.deliveredAt = at;
    moves.push(...movesOf(g.units, from, to));
    g.row.status = to;
  }
  statusEvents(s, at, actor, moves);
}

/** The first payment is a deposit waiting to be confirmed: it arrives, and the units become paid. */
export function confirmDeposit(s: OrderState, at: Date, actor: Actor): void {
  const payment = s.payments[0];
  if (!payment || payment.status !== 'pending') return;
  payment.status = 'captured';
  payment.capturedAmount = payment.amount;
  payment.paidAt = at;
  s.changes += 1;
  addEvent(s, at, depositConfirmed(actor, { paymentId: payment.id, amount: payment.amount, depositorName: payment.depositorName ?? s.order.ordererName }));
  const units = s.groups.filter((g) => g.row.status === 'awaiting_payment');
  const moves: UnitMove[] = [];
  for (const g of units) {
    moves.push(...movesOf(g.units, 'awaiting_payment', 'paid'));
    g.row.status = 'paid';
  }
  statusEvents(s, at, actor, moves);
}

export interface ClaimPick {
  item: ItemState;
  quantity: number;
}

export interface ClaimReason {
  /** a preset reason code; null for the system's own cancels */
  code: ClaimReasonCode | null;
  text: string | null;
  fault: 'buyer' | 'shop';
}

/**
 * Splits the picked units off their shipment groups into a new claim in its first status; the
 * units left behind stay where they are. Each claim item remembers its group and status of origin.
 * Null when there is nothing to claim (earlier claims took every unit).
 */
export function openClaim(s: OrderState, kind: ClaimState['row']['kind'], picks: readonly ClaimPick[], at: Date, actor: Actor, reason: ClaimReason): ClaimState | null {
  if (picks.length === 0) return null;
  const to: UnitStatus = `${kind}_requested`;
  const claim: ClaimState = {
    row: {
      shopId: s.env.ctx.shopId,
      id: s.env.ids.take('claims'),
      orderId: s.order.id,
      kind,
      status: to,
      reasonCode: reason.code,
      reasonText: reason.text,
      fault: reason.fault,
      requestedBy: actor.kind,
      pickup: null,
      restock: false,
      // every claim row has every column: a batch insert takes its columns from the first row,
      // so a key set only on later rows (an exchange's re-shipment) would not be written at all
      replacementOptionId: null,
      reshipment: kind === 'exchange' ? { courier: null, trackingNumber: null, shippedAt: null, replacements: [] } : null,
      createdAt: at,
      completedAt: null,
    },
    items: [],
  };
  s.changes += 1;
  const moves: UnitMove[] = [];
  for (const { item, quantity } of picks) {
    const group = item.group;
    const held = group.units.get(item) ?? 0;
    if (quantity <= 0 || quantity > held) throw new Error(`seed bug: claiming ${quantity} of ${held} units`);
    if (held === quantity) group.units.delete(item);
    else group.units.set(item, held - quantity);
    claim.items.push({ item, quantity, group, fromStatus: group.row.status });
    moves.push(...movesOf([[item, quantity]], group.row.status, to));
  }
  statusEvents(s, at, actor, moves);
  if (kind !== 'cancel') {
    const courier = claim.items[0]?.group.row.courier ?? 'CJ';
    claim.row.pickup = { courier, trackingNumber: null, method: 'courier_pickup', note: '기존 배송지에서 회수' };
  }
  s.claims.push(claim);
  return claim;
}

/** One step of a claim's own flow (수거중, 수거완료, 교환발송 …). */
export function advanceClaim(s: OrderState, claim: ClaimState, to: UnitStatus, at: Date, actor: Actor): void {
  const from = claim.row.status;
  s.changes += 1;
  statusEvents(s, at, actor, movesOf(claim.items.map((ci) => [ci.item, ci.quantity] as const), from, to));
  claim.row.status = to;
  if (to === 'return_collecting' || to === 'exchange_collecting') {
    const pickup = claim.row.pickup as Record<string, unknown> | null;
    claim.row.pickup = { ...pickup, trackingNumber: `${s.env.rng.int(1, 9)}${s.env.rng.digits(11)}` };
  }
  if (to === 'exchange_reshipped') {
    const courier = s.env.rng.weighted(COURIERS);
    claim.row.reshipment = { courier, trackingNumber: `${s.env.rng.int(1, 9)}${s.env.rng.digits(11)}`, shippedAt: at.toISOString(), replacements: [] };
  }
  if (to === 'cancelled' || to === 'returned' || to === 'exchanged') {
    claim.row.completedAt = at;
    // cancelled and returned goods go back on the shelf; exchanged ones were replaced
    claim.row.restock = to !== 'exchanged';
  }
}
