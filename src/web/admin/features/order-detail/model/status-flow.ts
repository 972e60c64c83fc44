/**
 * The unit status moves staff make from the detail screen, repeating the status table of
 * src/domain/status.ts (the web may not import the domain; the server refuses anything else, so a
 * drift shows as a refusal in words, never as a wrong change).
 */
const FLOW = ['awaiting_payment', 'paid', 'preparing', 'ready_to_ship', 'shipping', 'delivered', 'purchase_confirmed'] as const;

/** The next step of a shipment group's status by a plain status change (입금확인 has its own action). */
export function nextStatus(status: string): string | null {
  if (status === 'awaiting_payment') return null;
  const i = FLOW.indexOf(status as (typeof FLOW)[number]);
  return i >= 0 && i + 1 < FLOW.length ? (FLOW[i + 1] ?? null) : null;
}

/** One step back (상태 되돌리기); 결제완료 → 입금대기 moves money and goes through 입금확인 취소. */
export function previousStatus(status: string): string | null {
  if (status === 'paid') return null;
  const i = FLOW.indexOf(status as (typeof FLOW)[number]);
  return i > 0 ? (FLOW[i - 1] ?? null) : null;
}

export const CANCELLABLE: readonly string[] = ['awaiting_payment', 'paid', 'preparing', 'ready_to_ship'];
export const RETURNABLE: readonly string[] = ['shipping', 'delivered'];
/** Units that have not left: they may move to another address. */
export const UNSHIPPED: readonly string[] = ['awaiting_payment', 'paid', 'preparing', 'ready_to_ship'];
/** An item's quantity may change in an order edit only while all its units are in these. */
export const QUANTITY_EDITABLE: readonly string[] = ['awaiting_payment', 'paid', 'preparing'];

export type ClaimKind = 'cancel' | 'return' | 'exchange';

/** What moving a claim forward needs: nothing, pickup tracking, re-shipment tracking, or completion with the refund. */
export type ClaimStepNeeds = 'none' | 'pickup' | 'reshipment' | 'complete';

const CLAIM_FORWARD: Record<string, { to: string; needs: ClaimStepNeeds }> = {
  cancel_requested: { to: 'cancelled', needs: 'complete' },
  return_requested: { to: 'return_collecting', needs: 'pickup' },
  return_collecting: { to: 'return_collected', needs: 'none' },
  return_collected: { to: 'returned', needs: 'complete' },
  exchange_requested: { to: 'exchange_collecting', needs: 'pickup' },
  exchange_collecting: { to: 'exchange_collected', needs: 'none' },
  exchange_collected: { to: 'exchange_reshipped', needs: 'reshipment' },
  exchange_reshipped: { to: 'exchanged', needs: 'none' },
};

const CLAIM_BACK: Record<string, string> = {
  cancelled: 'cancel_requested',
  return_collecting: 'return_requested',
  return_collected: 'return_collecting',
  returned: 'return_collected',
  exchange_collecting: 'exchange_requested',
  exchange_collected: 'exchange_collecting',
  exchange_reshipped: 'exchange_collected',
  exchanged: 'exchange_reshipped',
};

export const claimForward = (status: string) => CLAIM_FORWARD[status] ?? null;
export const claimBack = (status: string) => CLAIM_BACK[status] ?? null;
export const isWithdrawable = (status: string) => status === 'cancel_requested' || status === 'return_requested' || status === 'exchange_requested';
