import type { BULK_ACTION_TYPE_VALUES, BULK_JOB_STATUSES, BulkAction, BulkJob } from '../../../../../contracts/bulk-jobs';
import { shipmentInputSchema } from '../../../../../contracts/fulfillment';

/** The bulk actions (일괄 처리) as the API names them, and what each needs before its preview. */
export type BulkActionType = (typeof BULK_ACTION_TYPE_VALUES)[number];
export type BulkJobStatus = (typeof BULK_JOB_STATUSES)[number];

/** Status moves, in workflow order, then the ones that ask for more. */
export const STATUS_ACTIONS = ['confirm_deposit', 'start_preparing', 'mark_ready_to_ship', 'ship', 'mark_delivered', 'confirm_purchase'] as const satisfies readonly BulkActionType[];
export const OTHER_ACTIONS = ['cancel', 'add_memo'] as const satisfies readonly BulkActionType[];

/** Actions asking for input (tracking numbers, a reason, a memo) before the preview. */
export const needsInput = (type: BulkActionType) => type === 'ship' || type === 'cancel' || type === 'add_memo';

/** Most orders whose tracking numbers are typed in the dialog; more go through the Excel upload. */
export const SHIP_TABLE_MAX = 100;

export const isFinished = (status: BulkJobStatus) => status === 'done' || status === 'failed' || status === 'cancelled';
export const isFinishedJob = (job: BulkJob | undefined) => job !== undefined && isFinished(job.status);

/** What staff typed for one order of a bulk ship. */
export interface ShipRow {
  orderId: number;
  courier: string;
  trackingNumber: string;
}

export type ShipRowProblem = 'courier' | 'tracking' | null;

/** A row left empty is fine (that order is left out); a half-filled or malformed one is not. */
export function shipRowProblem(row: ShipRow): ShipRowProblem {
  const tracking = row.trackingNumber.trim();
  if (tracking === '') return null;
  if (!shipmentInputSchema.shape.trackingNumber.safeParse(tracking).success) return 'tracking';
  if (row.courier.trim() === '') return 'courier';
  return null;
}

/** The shipments of the filled-in rows; null while any row has a problem or none is filled. */
export function shipmentsOf(rows: readonly ShipRow[]): Extract<BulkAction, { type: 'ship' }>['shipments'] | null {
  if (rows.some((r) => shipRowProblem(r) !== null)) return null;
  const filled = rows.filter((r) => r.trackingNumber.trim() !== '');
  if (filled.length === 0) return null;
  return filled.map((r) => ({ orderId: r.orderId, courier: r.courier.trim(), trackingNumber: r.trackingNumber.trim() }));
}

/**
 * The action to send, from the dialog's inputs; null while something required is missing. Bounds
 * follow the contract (reason up to 500 characters, memo up to 2,000).
 */
export function actionOf(type: BulkActionType, input: { reason: string; memo: string; ship: readonly ShipRow[] }): BulkAction | null {
  switch (type) {
    case 'ship': {
      const shipments = shipmentsOf(input.ship);
      return shipments ? { type, shipments } : null;
    }
    case 'cancel':
      return input.reason.trim() ? { type, reason: input.reason.trim() } : null;
    case 'add_memo':
      return input.memo.trim() ? { type, body: input.memo.trim() } : null;
    default:
      return { type };
  }
}
