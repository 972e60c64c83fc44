import type { Actor, EventDraft } from '../../../domain/events';

/** Notices come from the gateway, not from a person: the timeline names the system. */
export const SYSTEM: Actor = { kind: 'system' };

/**
 * What became of a notification, for the log: applied in full or in part, already applied,
 * recorded for staff to review, ignored (it concerns nothing we act on), or not acted on because
 * it could not be trusted or matched to a payment of the shop.
 */
export type NoticeOutcome =
  | 'applied'
  | 'partial'
  | 'duplicate'
  | 'review_recorded'
  | 'ignored'
  | 'not_authentic'
  | 'secret_mismatch'
  | 'unknown_payment';

/** What one notification did to the order, inside its transaction. */
export interface NoticeStep {
  outcome: NoticeOutcome;
  events: EventDraft[];
  /** Money or units moved: the summary cache is refreshed and the version bumped. */
  changed: boolean;
}

export const nothing = (outcome: NoticeOutcome): NoticeStep => ({ outcome, events: [], changed: false });
