import type { ShippingPolicy } from './shipping-fee';

/**
 * The shop's rules for money and time, as one object every calculation reads. Orders keep the
 * version they were placed under (orders.policy_id → shop_policies), so a change of settings
 * applies to new orders only and an old order's refund is still explained by its own rules.
 */
export interface ShopPolicy {
  shipping: ShippingPolicy;
  /** One-way return shipping charged for a buyer's-fault return (twice when the order shipped free). */
  returnShippingFee: number;
  /** Days after delivery within which a buyer may ask for a return or exchange on My Page. */
  returnWindowDays: number;
  /** Days after delivery after which a delivered order is confirmed automatically. */
  autoConfirmDays: number;
  /** 무통장 orders without a due date of their own are cancelled this many days after ordering. */
  unpaidCancelDays: number;
}

export const DEFAULT_SHOP_POLICY: ShopPolicy = {
  shipping: { baseFee: 3000, freeThreshold: 50000, jejuFee: 3000, islandFee: 5000 },
  returnShippingFee: 3000,
  returnWindowDays: 7,
  autoConfirmDays: 7,
  unpaidCancelDays: 3,
};
