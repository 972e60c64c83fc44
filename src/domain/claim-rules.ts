/**
 * Rules of claims (cancel, return, exchange) read off the one status table: where each kind may
 * start, what a requested move inside a claim means, and the fees an exchange reports. Keeping
 * them here, pure, means the table stays the only place that says which moves exist.
 */
import type { Won } from './money';
import { CLAIM_KIND_OF, findTransition, type ClaimKind, type Transition, type UnitStatus } from './status';

export const CLAIM_START_STATUS: Record<ClaimKind, UnitStatus> = {
  cancel: 'cancel_requested',
  return: 'return_requested',
  exchange: 'exchange_requested',
};

export const CLAIM_DONE_STATUS: Record<ClaimKind, UnitStatus> = {
  cancel: 'cancelled',
  return: 'returned',
  exchange: 'exchanged',
};

/** True when units in `from` may start a claim of this kind (a forward move in the table). */
export function canStartClaim(kind: ClaimKind, from: UnitStatus): boolean {
  return findTransition(from, CLAIM_START_STATUS[kind])?.kind === 'forward';
}

/**
 * What moving a whole claim from `from` to `to` is:
 * - step: a forward or backward move that moves no money (접수 → 수거중, 교환발송 → 교환완료 …);
 * - complete: the move that refunds (취소완료, 반품완료), done with the refund proposal;
 * - revert_completion: undoing a refunding move, allowed only while its refund has not been paid;
 * - withdraw: back to where the units came from, which needs their origin, not a status;
 * null when the table has no such move inside the claim's family.
 */
export type ClaimMove = { kind: 'step' | 'complete' | 'revert_completion' | 'withdraw'; transition: Transition };

export function classifyClaimMove(claimKind: ClaimKind, from: UnitStatus, to: UnitStatus): ClaimMove | null {
  const t = findTransition(from, to);
  if (!t || CLAIM_KIND_OF[from] !== claimKind) return null;
  if (CLAIM_KIND_OF[to] !== claimKind) return t.kind === 'revert' ? { kind: 'withdraw', transition: t } : null;
  if (t.moneyEffect === 'refund') return { kind: 'complete', transition: t };
  if (t.moneyEffect === 'charge') return { kind: 'revert_completion', transition: t };
  return { kind: 'step', transition: t };
}

/** Statuses in which a claim can be withdrawn: requested, before anything was collected. */
export function isWithdrawable(status: UnitStatus): boolean {
  const kind = CLAIM_KIND_OF[status];
  return kind !== undefined && status === CLAIM_START_STATUS[kind];
}

/**
 * A buyer's-fault exchange costs two parcels (pickup and re-shipment); the shop bills them itself
 * (an additional payment request), so the claim only reports the amount.
 */
export function exchangeShippingFee(fault: 'buyer' | 'shop', returnShippingFee: Won): Won {
  return fault === 'buyer' ? returnShippingFee * 2 : 0;
}

/**
 * An exchange re-ships the same thing or another option at the same price. A different price is an
 * order edit (it changes what the buyer pays), not an exchange.
 */
export function checkReplacementPrice(unitPrice: Won, replacementPrice: Won): { ok: true } | { ok: false; code: 'EXCHANGE_PRICE_DIFFERS'; difference: Won } {
  return unitPrice === replacementPrice ? { ok: true } : { ok: false, code: 'EXCHANGE_PRICE_DIFFERS', difference: replacementPrice - unitPrice };
}
