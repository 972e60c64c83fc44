import { and, eq } from 'drizzle-orm';
import { BUYER_MOMENTS, MESSAGE_CHANNELS, type BuyerMoment, type MessageChannel } from '../../domain/buyer-message-moments';
import { buyerMomentsOf, type MomentOccurrence } from '../../domain/buyer-message-occurrences';
import { renderTemplate } from '../../domain/buyer-message-render';
import { buyerMessageEvent, type EventDraft } from '../../domain/events';
import { recipientFor } from '../../domain/message-contacts';
import type { Executor } from '../db/client';
import { orders, outboxMessages, shops, timelineEvents } from '../db/schema/index';
import { inIds } from '../order-list/sql-arrays';
import { newMessageId } from '../outbox/signature';
import { eventRow } from '../timeline/event-row';
import { renderEmailHtml } from './email-html';
import { momentFacts, type OrderFacts } from './facts';
import { createMessageLink } from './links';
import { loadSettings, loadTemplates, type TemplateBook } from './settings';
import type { BuyerMessagePayload } from './payload';

type OutboxRow = typeof outboxMessages.$inferInsert;
type Skip = 'no_phone' | 'invalid_phone' | 'no_email' | 'invalid_email';

/** Where a channel reaches this buyer, or why it cannot. */
function recipientOf(order: OrderFacts, channel: MessageChannel): { to: string } | { skip: Skip } {
  const email = channel === 'email';
  const raw = email ? order.ordererEmail : order.ordererPhone;
  if (!raw?.trim()) return { skip: email ? 'no_email' : 'no_phone' };
  const to = recipientFor(channel, raw);
  return to ? { to } : { skip: email ? 'invalid_email' : 'invalid_phone' };
}

export interface ShopFacts {
  name: string;
  csPhone: string | null;
  csEmail: string | null;
}

/** The message of one moment on one channel, as the buyer will read it (the dev outbox shows exactly this). */
export function composeMessage(book: TemplateBook, shop: ShopFacts, moment: BuyerMoment, channel: MessageChannel, values: Record<string, string>, to: string): BuyerMessagePayload {
  const template = book.get(`${moment}:${channel}`);
  if (!template) throw new Error(`no template for ${moment}:${channel}`);
  const text = renderTemplate(template.body, values).trim();
  const subject = template.subject === null ? null : renderTemplate(template.subject, values).trim();
  const base: BuyerMessagePayload = { moment, to, subject, text, html: null, templateCode: null, variables: null, fallback: null };
  if (channel === 'email') return { ...base, subject: subject ?? shop.name, html: renderEmailHtml({ shopName: shop.name, subject: subject ?? shop.name, text }) };
  if (channel === 'sms') return base;
  // 알림톡: the registered code and the variables Kakao fills it with; the SMS wording stands by for a fallback
  const sms = book.get(`${moment}:sms`);
  const fallback = sms ? { subject: sms.subject === null ? null : renderTemplate(sms.subject, values).trim(), text: renderTemplate(sms.body, values).trim() } : { subject: null, text };
  return { ...base, subject: null, templateCode: template.templateCode, variables: Object.fromEntries(Object.entries(values).map(([k, v]) => [`#{${k}}`, v])), fallback };
}

export function commonValues(shop: ShopFacts, order: OrderFacts, link: string): Record<string, string> {
  return {
    쇼핑몰명: shop.name,
    주문번호: order.orderNumber,
    주문자명: order.ordererName,
    주문조회링크: link,
    고객센터: [shop.csPhone, shop.csEmail].filter(Boolean).join(' / ') || shop.name,
  };
}

const orderFactColumns = {
  id: orders.id,
  orderNumber: orders.orderNumber,
  ordererName: orders.ordererName,
  ordererPhone: orders.ordererPhone,
  ordererEmail: orders.ordererEmail,
  itemSummary: orders.itemSummary,
  totalAmount: orders.totalAmount,
  paymentMethod: orders.paymentMethod,
};

export async function orderFactsOf(tx: Executor, shopId: number, orderIds: readonly number[]): Promise<OrderFacts[]> {
  return tx.select(orderFactColumns).from(orders).where(and(eq(orders.shopId, shopId), inIds(orders.id, orderIds)));
}

export async function shopFactsOf(tx: Executor, shopId: number): Promise<ShopFacts> {
  const [shop] = await tx.select({ name: shops.name, csPhone: shops.csPhone, csEmail: shops.csEmail }).from(shops).where(eq(shops.id, shopId)).limit(1);
  return shop ?? { name: '', csPhone: null, csEmail: null };
}

/**
 * Writes the buyer messages a change calls for into the outbox, in the change's own transaction (a
 * rolled-back change tells nobody), read from the timeline events it wrote, as webhooks are. One
 * row per moment, channel and recipient; its dedupe key makes a second writing of the same message
 * a no-op. A buyer a channel cannot reach gets a `buyer_message_skipped` line on the timeline instead.
 *
 * Cost when no moment happened (memos, most status moves): nothing but reading the events.
 */
export async function queueBuyerMessages(tx: Executor, shopId: number, entries: ReadonlyArray<{ orderId: number; drafts: readonly EventDraft[] }>, at: Date): Promise<void> {
  const wanted = entries.map((e) => ({ orderId: e.orderId, occurrences: buyerMomentsOf(e.drafts) })).filter((e) => e.occurrences.length > 0);
  if (wanted.length === 0) return;
  const settings = await loadSettings(tx, shopId);
  const on = (o: MomentOccurrence) => MESSAGE_CHANNELS.filter((c) => settings.moments[o.moment][c]);
  const live = wanted.filter((e) => e.occurrences.some((o) => on(o).length > 0));
  if (live.length === 0) return;
  // one after another: a transaction is one connection, and pg deprecates overlapping queries on it
  const shop = await shopFactsOf(tx, shopId);
  const book = await loadTemplates(tx, shopId, BUYER_MOMENTS, MESSAGE_CHANNELS);
  const facts = await orderFactsOf(tx, shopId, live.map((e) => e.orderId));
  const orderOf = new Map(facts.map((o) => [o.id, o]));
  const rows: OutboxRow[] = [];
  const skipped: Array<ReturnType<typeof eventRow>> = [];
  for (const { orderId, occurrences } of live) {
    const order = orderOf.get(orderId);
    if (!order) throw new Error(`order ${orderId} vanished while its buyer messages were written`);
    for (const occurrence of occurrences) {
      const channels = on(occurrence);
      if (channels.length === 0) continue;
      const moment = await momentFacts(tx, shopId, order, occurrence);
      const link = await createMessageLink(tx, shopId, orderId, moment.payPath ?? `/my/orders/${encodeURIComponent(order.orderNumber)}`, at);
      const values = { ...commonValues(shop, order, link), ...moment.values, ...(moment.payPath ? { 결제링크: link } : {}) };
      for (const channel of channels) {
        const recipient = recipientOf(order, channel);
        if ('skip' in recipient) {
          skipped.push(eventRow(shopId, orderId, buyerMessageEvent({ type: 'buyer_message_skipped', moment: occurrence.moment, channel, reason: recipient.skip }), at));
          continue;
        }
        const payload = composeMessage(book, shop, occurrence.moment, channel, values, recipient.to);
        rows.push({
          shopId,
          messageId: newMessageId(),
          channel,
          eventType: occurrence.moment,
          orderId,
          payload: { ...payload },
          recipient: recipient.to,
          dedupeKey: `${orderId}:${occurrence.moment}:${occurrence.subject}:${channel}:${recipient.to}`,
          nextAttemptAt: at,
          createdAt: at,
        });
      }
    }
  }
  for (let i = 0; i < rows.length; i += 500) await tx.insert(outboxMessages).values(rows.slice(i, i + 500)).onConflictDoNothing();
  for (let i = 0; i < skipped.length; i += 1000) await tx.insert(timelineEvents).values(skipped.slice(i, i + 1000));
}
