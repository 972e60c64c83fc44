/**
 * What a buyer may do with their units now, pure: My Page shows these actions, the buyer's claim
 * and purchase-confirmation routes check the same rules, so a button and the refusal behind it
 * cannot disagree. The clock is passed in.
 */
import { CANCELLABLE_STATUSES, UNIT_STATUSES, type UnitStatus } from './status';

const DAY_MS = 86_400_000;

/** So many units in one status. */
export interface StatusCount {
  status: UnitStatus;
  quantity: number;
}

/**
 * Units added up per status, in the order of the status flow (입금대기 … 교환완료), statuses
 * without units left out: what a buyer reads as "배송중 2 · 배송완료 1".
 */
export function unitsPerStatus(units: ReadonlyArray<{ status: UnitStatus; quantity: number }>): StatusCount[] {
  const totals = new Map<UnitStatus, number>();
  for (const u of units) totals.set(u.status, (totals.get(u.status) ?? 0) + u.quantity);
  return UNIT_STATUSES.flatMap((status) => {
    const quantity = totals.get(status) ?? 0;
    return quantity > 0 ? [{ status, quantity }] : [];
  });
}

/**
 * The last moment a return or exchange may be asked for: `days` whole days (24 h each) after the
 * delivery. 전자상거래법 제17조 counts the 7 days from receipt; a shop may allow more.
 */
export function returnWindowEndsAt(deliveredAt: Date, days: number): Date {
  return new Date(deliveredAt.getTime() + days * DAY_MS);
}

/** Within the return window; a delivery without a recorded time cannot be shown to be, so it is not. */
export function isWithinReturnWindow(deliveredAt: Date | null, now: Date, days: number): boolean {
  return deliveredAt !== null && now.getTime() <= returnWindowEndsAt(deliveredAt, days).getTime();
}

/** A shipment group as these rules read it: its status, its delivery time and its units. */
export interface ParcelUnits {
  shipmentGroupId: number;
  status: UnitStatus;
  deliveredAt: Date | null;
  items: ReadonlyArray<{ itemId: number; quantity: number }>;
}

export interface ActionableUnits {
  itemId: number;
  shipmentGroupId: number;
  quantity: number;
}

export interface BuyerActions {
  /** Not shipped yet (입금대기 … 배송대기), units held for an additional payment included. */
  cancellable: ActionableUnits[];
  /** Delivered within the return window: 반품 and 교환. */
  returnable: ActionableUnits[];
  /** Delivered and not confirmed yet: 구매확정. */
  confirmable: ActionableUnits[];
}

/**
 * The units a buyer may cancel, return or exchange, and confirm, by shipment group. Returns ask
 * for delivered units only: a parcel still on its way is the shop's to stop (staff may still take
 * a return of 배송중 units), and the window counts from the delivery.
 */
export function buyerActionableUnits(parcels: readonly ParcelUnits[], now: Date, returnWindowDays: number): BuyerActions {
  const units = (p: ParcelUnits) => p.items.filter((i) => i.quantity > 0).map((i) => ({ itemId: i.itemId, shipmentGroupId: p.shipmentGroupId, quantity: i.quantity }));
  const cancellable = parcels.filter((p) => CANCELLABLE_STATUSES.includes(p.status)).flatMap(units);
  const delivered = parcels.filter((p) => p.status === 'delivered');
  return {
    cancellable,
    returnable: delivered.filter((p) => isWithinReturnWindow(p.deliveredAt, now, returnWindowDays)).flatMap(units),
    confirmable: delivered.flatMap(units),
  };
}

/** Where a buyer's claim starts; while it is still there (접수) the buyer may withdraw it. */
export const BUYER_WITHDRAWABLE_CLAIM_STATUSES: readonly UnitStatus[] = ['cancel_requested', 'return_requested', 'exchange_requested'];

export function isClaimWithdrawable(status: UnitStatus): boolean {
  return BUYER_WITHDRAWABLE_CLAIM_STATUSES.includes(status);
}

export type BuyerRequestStatus = 'pending' | 'paid' | 'cancelled' | 'expired';

/**
 * A payment request as the buyer sees it: a pending one past its due date reads 기한만료 (the row
 * stays pending until a job or staff closes it), and only a pending one within its date is payable.
 */
export function paymentRequestState(request: { status: BuyerRequestStatus; dueAt: Date | null }, now: Date): { status: BuyerRequestStatus; payable: boolean } {
  if (request.status !== 'pending') return { status: request.status, payable: false };
  const open = request.dueAt === null || request.dueAt.getTime() > now.getTime();
  return open ? { status: 'pending', payable: true } : { status: 'expired', payable: false };
}
