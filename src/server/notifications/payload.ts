import type { BuyerMoment } from '../../domain/buyer-message-moments';

/** A buyer message in the outbox (its `payload`): exactly what the buyer gets, rendered when the change happened. */
export interface BuyerMessagePayload {
  /** null: a test send from the settings screen. */
  moment: BuyerMoment | null;
  /** Digits of a mobile number, or an e-mail address. */
  to: string;
  subject: string | null;
  text: string;
  /** E-mail: the HTML part. */
  html: string | null;
  /** 알림톡: the template code registered with the provider (null: none entered; it goes as SMS). */
  templateCode: string | null;
  /** 알림톡: `#{변수}` → value, as the provider matches them against the registered template. */
  variables: Record<string, string> | null;
  /** 알림톡: the SMS/LMS sent instead when it cannot be delivered. */
  fallback: { subject: string | null; text: string } | null;
  /** An SMS standing in for this 알림톡 message (outbox id). */
  fallbackOf?: number;
}

export function payloadOf(raw: Record<string, unknown>): BuyerMessagePayload {
  return raw as unknown as BuyerMessagePayload;
}
