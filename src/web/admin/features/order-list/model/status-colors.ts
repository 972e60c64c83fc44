/**
 * One badge colour per status family (UI.md: 결제, 배송, 취소, 반품, 교환). The families repeat
 * src/domain/status.ts (the web may not import the domain); an unknown status is grey.
 */
export type StatusFamily = 'payment' | 'shipping' | 'cancel' | 'return' | 'exchange';

export const FAMILY_COLORS: Record<StatusFamily, string> = {
  payment: 'blue',
  shipping: 'teal',
  cancel: 'red',
  return: 'orange',
  exchange: 'grape',
};

const UNIT_FAMILY: Record<string, StatusFamily> = {
  awaiting_payment: 'payment', paid: 'payment',
  preparing: 'shipping', ready_to_ship: 'shipping', shipping: 'shipping', delivered: 'shipping', purchase_confirmed: 'shipping',
  cancel_requested: 'cancel', cancelled: 'cancel',
  return_requested: 'return', return_collecting: 'return', return_collected: 'return', returned: 'return',
  exchange_requested: 'exchange', exchange_collecting: 'exchange', exchange_collected: 'exchange', exchange_reshipped: 'exchange', exchanged: 'exchange',
};

const ORDER_FAMILY: Record<string, StatusFamily> = {
  ...UNIT_FAMILY,
  partially_shipped: 'shipping',
  partially_cancelled: 'cancel',
  partially_returned: 'return',
  claim_in_progress: 'return',
};

export const unitStatusColor = (status: string) => {
  const family = UNIT_FAMILY[status];
  return family ? FAMILY_COLORS[family] : 'gray';
};

export const orderStatusColor = (status: string) => {
  const family = ORDER_FAMILY[status];
  return family ? FAMILY_COLORS[family] : 'gray';
};

/** Payment statuses are the 결제 family; money going back is shown in the cancel colour. */
export const paymentStatusColor = (status: string) =>
  status === 'refunded' || status === 'partially_refunded' || status === 'overpaid' ? FAMILY_COLORS.cancel : FAMILY_COLORS.payment;
