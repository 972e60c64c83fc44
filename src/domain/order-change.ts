/**
 * Order edits as replayable actions (Medusa v2's order changes, without its workflow DSL): an edit
 * is a list of actions, each with a pure validate/apply pair, replayed by `replayOrderChange` over
 * a snapshot of the order into a preview (new lines, new totals, the difference against the
 * balance) and a plan the server writes. The preview shown to staff and the commit run the same
 * function, the commit on the freshly locked order: a stored preview is never trusted.
 *
 * Items and the coupon/points amounts are chosen by the actions; the calculation (금액 계산) runs once
 * at the end, over the final items (order-change-pricing.ts). So a coupon chosen before an item is
 * added is computed on the items including it, as staff expect from the dialog's step order.
 */
import type { CouponRule } from './coupon';
import type { Won } from './money';
import type { ManualDiscount } from './pricing';
import type { Allocation } from './quantity-ledger';
import type { ShippingPolicy } from './shipping-fee';
import type { UnitStatus } from './status';
import { ACTION_HANDLERS, type EditState } from './order-change-actions';
import { finalizeOrderChange, type OrderChangePlan, type OrderChangePreview } from './order-change-pricing';

export type { OrderChangePlan, OrderChangePreview, OrderChangeTotals, PreviewLine, UnitMove, LineRef, NewGroup } from './order-change-pricing';

export type OrderChangeAction =
  | {
      type: 'add_item';
      /** A catalog product (and option when it has options), sold at its catalog price … */
      productId?: number | undefined;
      optionId?: number | undefined;
      /** … or a custom item with its own name and price. Exactly one of the two. */
      custom?: { name: string; optionName?: string | undefined; sku?: string | undefined; unitPrice: Won } | undefined;
      quantity: number;
      /** Which of the order's addresses it ships to; the first one when absent. */
      addressId?: number | undefined;
    }
  | {
      /** 판매가 할인: only on an item added by this edit (`addedItem`: 0-based, in action order). */
      type: 'set_manual_discount';
      addedItem?: number | undefined;
      itemId?: number | undefined;
      /** null removes a discount set earlier in the same edit. */
      discount: ManualDiscount | null;
    }
  | { type: 'set_quantity'; itemId: number; quantity: number }
  | { type: 'apply_coupon'; customerCouponId: number }
  /** Points spent by this edit, on top of what the order already used; repeated actions add up. */
  | { type: 'use_points'; amount: Won };

export type OrderChangeActionType = OrderChangeAction['type'];

export interface SnapshotItem {
  id: number;
  productId: number | null;
  optionId: number | null;
  productName: string;
  optionName: string | null;
  sku: string | null;
  isCustom: boolean;
  unitPrice: Won;
  /** The per-unit discounts the item was sold with; an edit never re-prices an existing item. */
  gradeDiscountPerUnit: Won;
  manualDiscountPerUnit: Won;
  quantity: number;
}

export interface CatalogProduct {
  id: number;
  name: string;
  price: Won;
  options: ReadonlyArray<{ id: number; name: string; sku: string | null; extraPrice: Won; stock: number | null }>;
}

export interface AvailableCoupon {
  customerCouponId: number;
  name: string;
  rule: CouponRule;
}

/** Everything the replay needs to know about the order and its surroundings, read in one transaction. */
export interface OrderChangeSnapshot {
  gradeDiscountRate: number;
  /** In position order; the first is the default target of added items. */
  addressIds: readonly number[];
  items: readonly SnapshotItem[];
  /** `held`: the group holds units an earlier edit added that wait for their additional payment. */
  groups: ReadonlyArray<{ id: number; addressId: number; status: UnitStatus; held?: boolean | undefined }>;
  /** Every unit of every item, in a shipment group or a claim. */
  allocations: readonly Allocation[];
  /** The coupon the order already carries (one coupon per order). */
  coupon: { customerCouponId: number; name: string | null } | null;
  couponDiscount: Won;
  pointsUsed: Won;
  shippingFee: Won;
  remoteShippingFee: Won;
  feesAmount: Won;
  /** null for a guest order. */
  member: { pointsBalance: Won; coupons: readonly AvailableCoupon[] } | null;
  /** The catalog products the actions and the order's items refer to (prices, options, stock). */
  catalog: readonly CatalogProduct[];
  shippingPolicy: ShippingPolicy;
  ledger: {
    paid: Won;
    refunded: Won;
    /** Already asked of the buyer and not yet captured: pending payments and payment requests. */
    awaitingPayment: Won;
    /** Already decided as refunds and not yet paid back. */
    awaitingRefund: Won;
  };
}

export type OrderChangeFailureCode =
  | 'VALIDATION_FAILED'
  | 'PRODUCT_NOT_FOUND'
  | 'OPTION_NOT_FOUND'
  | 'OPTION_REQUIRED'
  | 'OUT_OF_STOCK'
  | 'EDIT_ADDRESS_NOT_FOUND'
  | 'EDIT_ITEM_NOT_FOUND'
  | 'QUANTITY_CHANGE_NOT_ALLOWED'
  | 'MANUAL_DISCOUNT_ONLY_FOR_ADDED_ITEMS'
  | 'COUPON_ALREADY_APPLIED'
  | 'COUPON_NOT_AVAILABLE'
  | 'COUPON_MIN_ORDER_NOT_MET'
  | 'MEMBER_ONLY_BENEFIT'
  | 'POINTS_EXCEED_BALANCE'
  | 'DISCOUNT_EXCEEDS_AMOUNT'
  | 'INVALID_AMOUNT'
  | 'INVALID_QUANTITY';

export interface ChangeFailure {
  code: OrderChangeFailureCode;
  details?: Record<string, unknown>;
}

export type OrderChangeResult =
  | { ok: true; preview: OrderChangePreview; plan: OrderChangePlan }
  /** `actionIndex`: the action refused, or null when the final calculation refused the whole. */
  | { ok: false; code: OrderChangeFailureCode; actionIndex: number | null; details: Record<string, unknown> };

const INITIAL_EDIT_STATE: EditState = { added: [], quantities: new Map(), coupon: null, pointsToUse: 0 };

/**
 * Replays `actions` in order over `snapshot`. Each action is validated against the state the
 * earlier ones left, then applied; the first refusal stops the replay and is returned with its
 * index. Nothing is mutated: the snapshot is read-only and every apply returns a new state.
 */
export function replayOrderChange(snapshot: OrderChangeSnapshot, actions: readonly OrderChangeAction[]): OrderChangeResult {
  let state = INITIAL_EDIT_STATE;
  for (const [actionIndex, action] of actions.entries()) {
    const failure = ACTION_HANDLERS.validate(action, state, snapshot);
    if (failure) return { ok: false, code: failure.code, actionIndex, details: { actionIndex, ...failure.details } };
    state = ACTION_HANDLERS.apply(action, state, snapshot);
  }
  const result = finalizeOrderChange(snapshot, state);
  if (!result.ok) return { ok: false, code: result.code, actionIndex: null, details: result.details ?? {} };
  return result;
}
