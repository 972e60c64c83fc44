/**
 * The actions of an order edit, each a pure validate/apply pair over the edit's state. `validate`
 * answers why an action cannot apply to the state the earlier actions left (null: it can);
 * `apply` is only called after `validate` passed and returns a new state, never mutating the old.
 */
import { isWon, type Won } from './money';
import type { ChangeFailure, OrderChangeAction, OrderChangeFailureCode, OrderChangeSnapshot, AvailableCoupon } from './order-change';
import { unitDiscountsOf } from './order-change-pricing';
import type { ManualDiscount } from './pricing';
import type { UnitStatus } from './status';

/** An item added by the edit, as it will be written (prices snapshotted from the catalog). */
export interface AddedLine {
  productId: number | null;
  optionId: number | null;
  productName: string;
  optionName: string | null;
  sku: string | null;
  isCustom: boolean;
  /** Stock is tracked for the option: the commit takes it. */
  tracksStock: boolean;
  unitPrice: Won;
  quantity: number;
  addressId: number;
  manualDiscount: ManualDiscount | null;
}

export interface EditState {
  added: readonly AddedLine[];
  /** New quantities of existing items, by item id (absolute, the last action wins). */
  quantities: ReadonlyMap<number, number>;
  /** The coupon chosen by this edit; its amount is computed by the final calculation. */
  coupon: AvailableCoupon | null;
  pointsToUse: Won;
}

/** 상품준비 단계: an item's quantity changes only while none of its units has moved further. */
export const QUANTITY_EDITABLE_STATUSES: readonly UnitStatus[] = ['awaiting_payment', 'paid', 'preparing'];

const MAX_QUANTITY = 9999;
const isQuantity = (n: number): boolean => Number.isSafeInteger(n) && n > 0 && n <= MAX_QUANTITY;
const fail = (code: OrderChangeFailureCode, details?: Record<string, unknown>): ChangeFailure => ({ code, ...(details ? { details } : {}) });

type Action<T extends OrderChangeAction['type']> = Extract<OrderChangeAction, { type: T }>;

/** The catalog option an existing or added line sells, when the snapshot knows it. */
function optionOf(snapshot: OrderChangeSnapshot, productId: number | null, optionId: number | null) {
  if (productId === null || optionId === null) return undefined;
  return snapshot.catalog.find((p) => p.id === productId)?.options.find((o) => o.id === optionId);
}

/**
 * Units of a tracked option the edit takes from stock so far (negative: gives back), counting the
 * added lines and the quantity changes of existing items that sell the same option.
 */
function stockTaken(snapshot: OrderChangeSnapshot, state: EditState, optionId: number): number {
  let taken = 0;
  for (const line of state.added) if (line.optionId === optionId) taken += line.quantity;
  for (const item of snapshot.items) {
    const target = state.quantities.get(item.id);
    if (item.optionId === optionId && target !== undefined) taken += target - item.quantity;
  }
  return taken;
}

function checkStock(snapshot: OrderChangeSnapshot, state: EditState, productId: number | null, optionId: number | null, extra: number): ChangeFailure | null {
  const option = optionOf(snapshot, productId, optionId);
  if (!option || option.stock === null || optionId === null) return null;
  const requested = stockTaken(snapshot, state, optionId) + extra;
  return requested > option.stock ? fail('OUT_OF_STOCK', { optionId, requested, available: option.stock }) : null;
}

/** What an add_item action adds, snapshotted from the catalog or from the custom item. */
function resolveAdded(a: Action<'add_item'>, snapshot: OrderChangeSnapshot): AddedLine | ChangeFailure {
  if (!isQuantity(a.quantity)) return fail('INVALID_QUANTITY', { quantity: a.quantity });
  const addressId = a.addressId ?? snapshot.addressIds[0];
  if (addressId === undefined || !snapshot.addressIds.includes(addressId)) return fail('EDIT_ADDRESS_NOT_FOUND', { addressId: a.addressId ?? null });
  const base = { quantity: a.quantity, addressId, manualDiscount: null };
  if ((a.productId === undefined) === (a.custom === undefined)) return fail('VALIDATION_FAILED', { reason: 'give exactly one of productId and custom' });
  if (a.custom) {
    const c = a.custom;
    if (!isWon(c.unitPrice) || c.unitPrice < 0) return fail('INVALID_AMOUNT', { unitPrice: c.unitPrice });
    if (c.name.trim() === '') return fail('VALIDATION_FAILED', { reason: 'a custom item needs a name' });
    return { ...base, productId: null, optionId: null, productName: c.name.trim(), optionName: c.optionName ?? null, sku: c.sku ?? null, isCustom: true, tracksStock: false, unitPrice: c.unitPrice };
  }
  const product = snapshot.catalog.find((p) => p.id === a.productId);
  if (!product) return fail('PRODUCT_NOT_FOUND', { productId: a.productId });
  const option = a.optionId === undefined ? undefined : product.options.find((o) => o.id === a.optionId);
  if (a.optionId !== undefined && !option) return fail('OPTION_NOT_FOUND', { optionId: a.optionId });
  if (!option && product.options.length > 0) return fail('OPTION_REQUIRED', { productId: product.id });
  return {
    ...base,
    productId: product.id,
    optionId: option?.id ?? null,
    productName: product.name,
    optionName: option?.name ?? null,
    sku: option?.sku ?? null,
    isCustom: false,
    tracksStock: option !== undefined && option.stock !== null,
    // the catalog price now, as in a checkout: product price plus the option's extra price
    unitPrice: product.price + (option?.extraPrice ?? 0),
  };
}

const addItem = {
  validate(a: Action<'add_item'>, state: EditState, snapshot: OrderChangeSnapshot): ChangeFailure | null {
    const line = resolveAdded(a, snapshot);
    if ('code' in line) return line;
    return checkStock(snapshot, state, line.productId, line.optionId, line.quantity);
  },
  apply(a: Action<'add_item'>, state: EditState, snapshot: OrderChangeSnapshot): EditState {
    const line = resolveAdded(a, snapshot);
    if ('code' in line) throw new Error(`add_item applied without validation: ${line.code}`);
    return { ...state, added: [...state.added, line] };
  },
};

const setManualDiscount = {
  validate(a: Action<'set_manual_discount'>, state: EditState, snapshot: OrderChangeSnapshot): ChangeFailure | null {
    if ((a.addedItem === undefined) === (a.itemId === undefined)) return fail('VALIDATION_FAILED', { reason: 'give exactly one of addedItem and itemId' });
    if (a.itemId !== undefined) {
      // an existing item keeps the price the buyer agreed to; only staff-added items are re-priced
      const exists = snapshot.items.some((i) => i.id === a.itemId);
      return fail(exists ? 'MANUAL_DISCOUNT_ONLY_FOR_ADDED_ITEMS' : 'EDIT_ITEM_NOT_FOUND', { itemId: a.itemId });
    }
    const line = a.addedItem === undefined ? undefined : state.added[a.addedItem];
    if (!line) return fail('EDIT_ITEM_NOT_FOUND', { addedItem: a.addedItem });
    if (a.discount && !unitDiscountsOf(line.unitPrice, snapshot.gradeDiscountRate, a.discount)) return fail('INVALID_AMOUNT', { discount: a.discount });
    return null;
  },
  apply(a: Action<'set_manual_discount'>, state: EditState): EditState {
    return { ...state, added: state.added.map((line, i) => (i === a.addedItem ? { ...line, manualDiscount: a.discount } : line)) };
  },
};

const setQuantity = {
  validate(a: Action<'set_quantity'>, state: EditState, snapshot: OrderChangeSnapshot): ChangeFailure | null {
    const item = snapshot.items.find((i) => i.id === a.itemId);
    if (!item) return fail('EDIT_ITEM_NOT_FOUND', { itemId: a.itemId });
    if (!isQuantity(a.quantity)) return fail('INVALID_QUANTITY', { itemId: a.itemId, quantity: a.quantity });
    const units = snapshot.allocations.filter((u) => u.itemId === a.itemId);
    if (units.some((u) => u.holder.kind !== 'shipment' || !QUANTITY_EDITABLE_STATUSES.includes(u.status))) {
      return fail('QUANTITY_CHANGE_NOT_ALLOWED', { itemId: a.itemId, statuses: [...new Set(units.map((u) => u.status))].sort() });
    }
    const previous = state.quantities.get(item.id) ?? item.quantity;
    return a.quantity > previous ? checkStock(snapshot, state, item.productId, item.optionId, a.quantity - previous) : null;
  },
  apply(a: Action<'set_quantity'>, state: EditState): EditState {
    return { ...state, quantities: new Map(state.quantities).set(a.itemId, a.quantity) };
  },
};

const applyCoupon = {
  validate(a: Action<'apply_coupon'>, state: EditState, snapshot: OrderChangeSnapshot): ChangeFailure | null {
    if (!snapshot.member) return fail('MEMBER_ONLY_BENEFIT');
    if (snapshot.coupon || state.coupon) return fail('COUPON_ALREADY_APPLIED', { customerCouponId: snapshot.coupon?.customerCouponId ?? state.coupon?.customerCouponId });
    const found = snapshot.member.coupons.some((c) => c.customerCouponId === a.customerCouponId);
    return found ? null : fail('COUPON_NOT_AVAILABLE', { customerCouponId: a.customerCouponId });
  },
  apply(a: Action<'apply_coupon'>, state: EditState, snapshot: OrderChangeSnapshot): EditState {
    const coupon = snapshot.member?.coupons.find((c) => c.customerCouponId === a.customerCouponId);
    if (!coupon) throw new Error('apply_coupon applied without validation');
    return { ...state, coupon };
  },
};

const usePoints = {
  validate(a: Action<'use_points'>, state: EditState, snapshot: OrderChangeSnapshot): ChangeFailure | null {
    if (!snapshot.member) return fail('MEMBER_ONLY_BENEFIT');
    if (!isWon(a.amount) || a.amount <= 0) return fail('INVALID_AMOUNT', { amount: a.amount });
    const requested = state.pointsToUse + a.amount;
    return requested > snapshot.member.pointsBalance ? fail('POINTS_EXCEED_BALANCE', { balance: snapshot.member.pointsBalance, requested }) : null;
  },
  apply(a: Action<'use_points'>, state: EditState): EditState {
    return { ...state, pointsToUse: state.pointsToUse + a.amount };
  },
};

/** Dispatch by action type; the switch keeps each action paired with its own handler's type. */
export const ACTION_HANDLERS = {
  validate(action: OrderChangeAction, state: EditState, snapshot: OrderChangeSnapshot): ChangeFailure | null {
    switch (action.type) {
      case 'add_item':
        return addItem.validate(action, state, snapshot);
      case 'set_manual_discount':
        return setManualDiscount.validate(action, state, snapshot);
      case 'set_quantity':
        return setQuantity.validate(action, state, snapshot);
      case 'apply_coupon':
        return applyCoupon.validate(action, state, snapshot);
      case 'use_points':
        return usePoints.validate(action, state, snapshot);
    }
  },
  apply(action: OrderChangeAction, state: EditState, snapshot: OrderChangeSnapshot): EditState {
    switch (action.type) {
      case 'add_item':
        return addItem.apply(action, state, snapshot);
      case 'set_manual_discount':
        return setManualDiscount.apply(action, state);
      case 'set_quantity':
        return setQuantity.apply(action, state);
      case 'apply_coupon':
        return applyCoupon.apply(action, state, snapshot);
      case 'use_points':
        return usePoints.apply(action, state);
    }
  },
};
