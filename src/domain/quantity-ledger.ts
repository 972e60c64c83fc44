/**
 * Quantity is the unit of work: an item's units are spread over shipment groups and claims, and
 * acting on 2 of 5 units moves those 2 and leaves the other 3 where they are. This module keeps
 * the invariant that, per item, the allocations sum to the item's quantity.
 */
import type { UnitStatus } from './status';

export type Holder = { kind: 'shipment'; id: number } | { kind: 'claim'; id: number };

export interface Allocation {
  itemId: number;
  holder: Holder;
  status: UnitStatus;
  quantity: number;
}

export type LedgerProblem = { itemId: number; expected: number; actual: number } | { itemId: number; negative: true };

const isPositiveInt = (n: number): boolean => Number.isSafeInteger(n) && n > 0;

export function sameHolder(a: Holder, b: Holder): boolean {
  return a.kind === b.kind && a.id === b.id;
}

/**
 * Empty when every allocation holds a positive whole number of units and, per item, the
 * allocations sum to the item's quantity. An allocation for an item not in `items` is reported
 * with expected 0. `negative` flags an allocation of zero, negative or fractional units.
 */
export function checkLedger(items: ReadonlyArray<{ id: number; quantity: number }>, allocations: readonly Allocation[]): LedgerProblem[] {
  const problems: LedgerProblem[] = [];
  const actual = new Map<number, number>();
  for (const a of allocations) {
    if (!isPositiveInt(a.quantity)) problems.push({ itemId: a.itemId, negative: true });
    actual.set(a.itemId, (actual.get(a.itemId) ?? 0) + a.quantity);
  }
  const expected = new Map<number, number>();
  for (const item of items) expected.set(item.id, (expected.get(item.id) ?? 0) + item.quantity);
  for (const [itemId, quantity] of expected) {
    const sum = actual.get(itemId) ?? 0;
    if (sum !== quantity) problems.push({ itemId, expected: quantity, actual: sum });
  }
  for (const [itemId, sum] of actual) {
    if (!expected.has(itemId)) problems.push({ itemId, expected: 0, actual: sum });
  }
  return problems;
}

export type MoveResult =
  | { ok: true; allocations: Allocation[] }
  | { ok: false; code: 'QUANTITY_EXCEEDS_AVAILABLE' | 'INVALID_QUANTITY' | 'ALLOCATION_NOT_FOUND'; available?: number };

/** The single allocation of `itemId` at `holder`; two would make moves ambiguous, which is a bug. */
function indexOf(allocations: readonly Allocation[], itemId: number, holder: Holder): number {
  const found = allocations.flatMap((a, i) => (a.itemId === itemId && sameHolder(a.holder, holder) ? [i] : []));
  if (found.length > 1) throw new Error(`item ${itemId} has ${found.length} allocations at ${holder.kind} ${holder.id}`);
  return found[0] ?? -1;
}

/**
 * Moves `quantity` units of an item from one holder to another (and into `to.status`), merging
 * with the item's allocation at the target holder if there is one. An allocation that reaches 0 is
 * removed. Pure: returns a new array and never mutates its input.
 *
 * Moving within one holder changes the status of all its units of that item (the whole allocation
 * must move); a holder has one status per item, so a target with a different status, or a partial
 * move inside one holder, is a bug and throws.
 */
export function moveUnits(
  allocations: readonly Allocation[],
  from: { itemId: number; holder: Holder },
  to: { holder: Holder; status: UnitStatus },
  quantity: number,
): MoveResult {
  if (!isPositiveInt(quantity)) return { ok: false, code: 'INVALID_QUANTITY' };
  const fromIndex = indexOf(allocations, from.itemId, from.holder);
  const source = allocations[fromIndex];
  if (!source) return { ok: false, code: 'ALLOCATION_NOT_FOUND' };
  if (source.quantity < quantity) return { ok: false, code: 'QUANTITY_EXCEEDS_AVAILABLE', available: source.quantity };

  const copy = (a: Allocation): Allocation => ({ ...a, holder: { ...a.holder } });

  if (sameHolder(from.holder, to.holder)) {
    if (source.status === to.status) return { ok: true, allocations: allocations.map(copy) };
    if (quantity !== source.quantity) {
      throw new Error(`a partial move cannot change the status inside ${to.holder.kind} ${to.holder.id}`);
    }
    return { ok: true, allocations: allocations.map((a, i) => (i === fromIndex ? { ...copy(a), status: to.status } : copy(a))) };
  }

  const toIndex = indexOf(allocations, from.itemId, to.holder);
  const target = allocations[toIndex];
  if (target && target.status !== to.status) {
    throw new Error(`${to.holder.kind} ${to.holder.id} holds item ${from.itemId} as ${target.status}, not ${to.status}`);
  }

  const next: Allocation[] = [];
  allocations.forEach((a, i) => {
    if (i === fromIndex) {
      if (a.quantity > quantity) next.push({ ...copy(a), quantity: a.quantity - quantity });
    } else if (i === toIndex) {
      next.push({ ...copy(a), quantity: a.quantity + quantity });
    } else {
      next.push(copy(a));
    }
  });
  if (!target) next.push({ itemId: from.itemId, holder: { ...to.holder }, status: to.status, quantity });
  return { ok: true, allocations: next };
}

export function unitsByStatus(allocations: readonly Allocation[]): Map<UnitStatus, number> {
  const totals = new Map<UnitStatus, number>();
  for (const a of allocations) totals.set(a.status, (totals.get(a.status) ?? 0) + a.quantity);
  return totals;
}
