import { buyerMessageEvent, type EventDraft } from '../../domain/events';
import { maskRecipient } from '../../domain/message-contacts';
import type { Executor } from '../db/client';
import { outboxMessages, timelineEvents } from '../db/schema/index';
import type { AttemptResult, ClaimedMessage, OutboxChannel } from '../outbox/channels';
import { newMessageId } from '../outbox/signature';
import { eventRow } from '../timeline/event-row';
import { payloadOf, type BuyerMessagePayload } from './payload';
import { loadSettings } from './settings';
import type { MailTransport, MessagingProvider, ProviderOutcome } from './transport-types';
import type { MessagingSettings, SmtpSettings } from './settings';

export interface BuyerChannelOptions {
  /** The outside services for a shop's settings (tests and the server build real ones; see transports.ts). */
  mailer: (settings: SmtpSettings) => MailTransport;
  messenger: (settings: MessagingSettings) => MessagingProvider;
  /** How long after a provider took a message its report is asked for. */
  reportPollMs: number;
  /** A message whose report has not come this long after it was written is given up. */
  reportDeadlineMs: number;
}

const developmentResult: AttemptResult = { delivered: true, retry: false, statusCode: null, error: null, responseExcerpt: '개발용 발송함에 보관 (채널 설정 없음)', transport: 'development' };

/** A provider's answer as an outbox attempt. */
function attemptOf(outcome: ProviderOutcome, transport: string, pollMs: number, fallbackAllowed: boolean): AttemptResult {
  const base = { statusCode: null, responseExcerpt: outcome.detail, transport };
  switch (outcome.kind) {
    case 'delivered':
      return { ...base, delivered: true, retry: false, error: null };
    case 'accepted':
      return { ...base, delivered: false, retry: true, error: null, awaitReport: { providerMessageId: outcome.providerMessageId, afterMs: pollMs } };
    case 'undeliverable':
      return { ...base, delivered: false, retry: false, error: `${outcome.code}: ${outcome.detail}`, ...(fallbackAllowed ? { fallback: { reason: outcome.detail } } : {}) };
    case 'failed':
      return { ...base, delivered: false, retry: outcome.retry, error: `${outcome.code}: ${outcome.detail}` };
  }
}

/**
 * The buyer-message channels (alimtalk, sms, email) of the outbox. Each send reads the shop's
 * settings as they are now: a shop that has set nothing gets the development outbox (the message is
 * kept, marked `development`, sent nowhere). 알림톡 that cannot reach the buyer — no Kakao channel or
 * template code entered, or the provider says so — is handed to SMS with the shop's SMS wording.
 */
export function buyerMessageChannel(options: BuyerChannelOptions): OutboxChannel {
  return {
    async deliver(db, message, now) {
      const payload = payloadOf(message.payload);
      const settings = await loadSettings(db, message.shopId);
      if (message.channel === 'email') {
        if (!settings.smtp) return developmentResult;
        const mailer = options.mailer(settings.smtp);
        try {
          return attemptOf(await mailer.send({ to: payload.to, subject: payload.subject ?? '', text: payload.text, html: payload.html ?? '' }), 'smtp', options.reportPollMs, false);
        } finally {
          mailer.close();
        }
      }
      if (!settings.messaging) return developmentResult;
      const provider = options.messenger(settings.messaging);
      if (message.providerMessageId !== null) {
        if (now.getTime() - message.createdAt.getTime() > options.reportDeadlineMs) {
          return { delivered: false, retry: false, statusCode: null, error: 'no delivery report from the provider', responseExcerpt: null, transport: provider.name };
        }
        return attemptOf(await provider.report(message.providerMessageId), provider.name, options.reportPollMs, message.channel === 'alimtalk');
      }
      if (message.channel === 'sms') return attemptOf(await provider.sendText({ to: payload.to, subject: payload.subject, text: payload.text }), provider.name, options.reportPollMs, false);
      if (!settings.messaging.pfId || !payload.templateCode) {
        const missing = !settings.messaging.pfId ? '카카오 채널 ID 없음' : '알림톡 템플릿 코드 없음';
        return { delivered: false, retry: false, statusCode: null, error: missing, responseExcerpt: null, transport: provider.name, fallback: { reason: missing } };
      }
      const outcome = await provider.sendAlimtalk({ to: payload.to, pfId: settings.messaging.pfId, templateCode: payload.templateCode, text: payload.text, variables: payload.variables ?? {} });
      return attemptOf(outcome, provider.name, options.reportPollMs, true);
    },

    async afterAttempt(tx, message, result, status, at) {
      if (message.orderId === null) return; // a test send: no order to note it on
      const payload = payloadOf(message.payload);
      if (payload.moment === null) return;
      const recipient = maskRecipient(payload.to);
      const events: EventDraft[] = [];
      if (status === 'delivered') {
        events.push(buyerMessageEvent({ type: 'buyer_message_sent', messageId: message.id, moment: payload.moment, channel: channelOf(message), recipient, transport: result.transport ?? 'development' }));
      } else if (status === 'failed' && result.fallback && message.channel === 'alimtalk') {
        const fallbackId = await queueFallback(tx, message, payload, at);
        events.push(buyerMessageEvent({ type: 'buyer_message_fell_back', messageId: message.id, fallbackId, moment: payload.moment, recipient, reason: result.fallback.reason }));
      } else if (status === 'failed') {
        events.push(buyerMessageEvent({ type: 'buyer_message_failed', messageId: message.id, moment: payload.moment, channel: channelOf(message), recipient, error: result.error ?? 'unknown' }));
      }
      if (events.length > 0) await tx.insert(timelineEvents).values(events.map((d) => eventRow(message.shopId, message.orderId as number, d, at)));
    },
  };
}

function channelOf(message: ClaimedMessage): 'alimtalk' | 'sms' | 'email' {
  if (message.channel === 'webhook') throw new Error('a webhook is not a buyer message');
  return message.channel;
}

/** The SMS standing in for an undeliverable 알림톡, due at once; its key follows the 알림톡's (a resend that falls back again sends again). */
async function queueFallback(tx: Executor, message: ClaimedMessage, payload: BuyerMessagePayload, at: Date): Promise<number> {
  const sms: BuyerMessagePayload = { ...payload, subject: payload.fallback?.subject ?? null, text: payload.fallback?.text ?? payload.text, templateCode: null, variables: null, fallback: null, fallbackOf: message.id };
  const [row] = await tx
    .insert(outboxMessages)
    .values({
      shopId: message.shopId,
      messageId: newMessageId(),
      channel: 'sms',
      eventType: message.eventType,
      orderId: message.orderId,
      payload: { ...sms },
      recipient: payload.to,
      dedupeKey: message.dedupeKey ? `${message.dedupeKey}:fallback:${message.attempts}` : null,
      nextAttemptAt: at,
      createdAt: at,
    })
    .returning({ id: outboxMessages.id });
  if (!row) throw new Error('the fallback SMS was not written');
  return row.id;
}
