import type { EditAction } from '../../../../../contracts/edits';
import type { OrderDetail } from '../../../../../contracts/orders';

export type DiscountKind = 'none' | 'rate' | 'amount';

/** An item this edit adds: a custom one (name and price) or a catalog one (product and option numbers). */
export interface AddedItem {
  key: number;
  type: 'custom' | 'catalog';
  name: string;
  optionName: string;
  unitPrice: number | '';
  productId: number | '';
  optionId: number | '';
  quantity: number;
  addressId: number;
  /** 판매가 할인: a rate in percent or an amount off each unit. */
  discountKind: DiscountKind;
  discountValue: number | '';
}

export interface EditDraft {
  /** New total quantities of existing items, by item id (only those changed). */
  quantities: Record<number, number>;
  added: AddedItem[];
  /** The buyer's coupon chosen in 금액 계산 (a customerCouponId from GET …/buyer-benefits). */
  couponId: number | '';
  points: number | '';
}

export const emptyDraft: EditDraft = { quantities: {}, added: [], couponId: '', points: '' };

export function newAddedItem(key: number, type: AddedItem['type'], addressId: number): AddedItem {
  return { key, type, name: '', optionName: '', unitPrice: '', productId: '', optionId: '', quantity: 1, addressId, discountKind: 'none', discountValue: '' };
}

export const addedItemComplete = (a: AddedItem) => (a.type === 'custom' ? a.name.trim() !== '' && a.unitPrice !== '' : a.productId !== '') && a.quantity >= 1;

/** Item changes only (step 1): quantities and added items with their 판매가 할인. */
export function itemActions(order: OrderDetail, draft: EditDraft): EditAction[] {
  const actions: EditAction[] = [];
  for (const item of order.items) {
    const q = draft.quantities[item.id];
    if (q !== undefined && q !== item.quantity) actions.push({ type: 'set_quantity', itemId: item.id, quantity: q });
  }
  draft.added.forEach((a) => {
    const base = { quantity: a.quantity, addressId: a.addressId };
    if (a.type === 'custom') {
      actions.push({ type: 'add_item', ...base, custom: { name: a.name.trim(), ...(a.optionName.trim() ? { optionName: a.optionName.trim() } : {}), unitPrice: a.unitPrice === '' ? 0 : a.unitPrice } });
    } else {
      actions.push({ type: 'add_item', ...base, productId: a.productId === '' ? 0 : a.productId, ...(a.optionId !== '' ? { optionId: a.optionId } : {}) });
    }
  });
  draft.added.forEach((a, index) => {
    if (a.discountKind === 'none' || a.discountValue === '') return;
    const discount = a.discountKind === 'rate' ? { kind: 'rate' as const, ratePercent: a.discountValue } : { kind: 'amount' as const, amountPerUnit: Math.floor(a.discountValue) };
    actions.push({ type: 'set_manual_discount', addedItem: index, discount });
  });
  return actions;
}

/** Everything, with the buyer's coupon and points applied in 금액 계산. */
export function editActions(order: OrderDetail, draft: EditDraft): EditAction[] {
  return [
    ...itemActions(order, draft),
    ...(draft.couponId !== '' ? [{ type: 'apply_coupon' as const, customerCouponId: draft.couponId }] : []),
    ...(draft.points !== '' && draft.points > 0 ? [{ type: 'use_points' as const, amount: draft.points }] : []),
  ];
}
