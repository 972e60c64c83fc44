/**
 * What the buyer-message channels ask of the outside: a mail server (email.ts) and a Korean
 * messaging provider (solapi.ts). Each answer says whether trying again could help, so the outbox
 * retries what a retry can fix and falls back or fails on what it cannot.
 */

export type ProviderOutcome =
  /** Taken by the provider; its delivery report is still to come (ask `report` later). */
  | { kind: 'accepted'; providerMessageId: string; detail: string }
  /** Delivered to the buyer's phone or mail server. */
  | { kind: 'delivered'; providerMessageId: string | null; detail: string }
  /**
   * The provider says this message cannot reach this buyer on this channel (not a KakaoTalk
   * user, a template that does not match, a dead number): 알림톡 falls back to SMS; SMS and e-mail fail.
   */
  | { kind: 'undeliverable'; code: string; detail: string }
  /** Our request failed: `retry` when it may pass later (network, 5xx, rate limit), not when it cannot (bad keys, unregistered sender). */
  | { kind: 'failed'; code: string; detail: string; retry: boolean };

export interface AlimtalkRequest {
  to: string;
  pfId: string;
  templateCode: string;
  /** The text exactly as registered with the variables filled (Kakao compares it with the template). */
  text: string;
  variables: Record<string, string>;
}

export interface TextMessageRequest {
  to: string;
  /** LMS title; ignored for an SMS. */
  subject: string | null;
  text: string;
}

export interface MessagingProvider {
  readonly name: 'solapi';
  sendAlimtalk(request: AlimtalkRequest): Promise<ProviderOutcome>;
  sendText(request: TextMessageRequest): Promise<ProviderOutcome>;
  /** The delivery report of an accepted message: `accepted` again while the provider still waits for it. */
  report(providerMessageId: string): Promise<ProviderOutcome>;
}

export interface MailRequest {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface MailTransport {
  readonly name: 'smtp';
  send(request: MailRequest): Promise<ProviderOutcome>;
  close(): void;
}
