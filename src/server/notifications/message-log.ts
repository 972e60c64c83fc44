import { and, desc, eq, lt, ne, type SQL } from 'drizzle-orm';
import type { BuyerMessage, BuyerMessageDetail, BuyerMessageList, DeliveryOutcome } from '../../contracts/notifications';
import type { BuyerMoment, MessageChannel } from '../../domain/buyer-message-moments';
import { maskRecipient, recipientFor } from '../../domain/message-contacts';
import type { Db, Executor } from '../db/client';
import { orders, outboxAttempts, outboxMessages, staff } from '../db/schema/index';
import { AppError } from '../http/errors';
import { claimOne, deliverClaimed, type DeliveryPolicy } from '../outbox/delivery';
import { newMessageId } from '../outbox/signature';
import { renderEmailHtml } from './email-html';
import { payloadOf } from './payload';
import { shopFactsOf } from './queue';

type Row = typeof outboxMessages.$inferSelect;

function toMessage(row: Row, orderNumber: string | null): BuyerMessage {
  const p = payloadOf(row.payload);
  return {
    id: row.id,
    orderId: row.orderId,
    orderNumber,
    moment: p.moment,
    channel: row.channel as MessageChannel,
    recipient: maskRecipient(p.to),
    subject: p.subject,
    text: p.text,
    html: p.html,
    templateCode: p.templateCode,
    status: row.status,
    transport: row.transport,
    attempts: row.attempts,
    lastError: row.lastError,
    fallbackOf: p.fallbackOf ?? null,
    createdAt: row.createdAt.toISOString(),
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
  };
}

export interface MessageQuery {
  orderNumber?: string | undefined;
  channel?: MessageChannel | undefined;
  status?: 'pending' | 'delivered' | 'failed' | undefined;
  transport?: 'development' | 'smtp' | 'solapi' | undefined;
  before?: number | undefined;
  limit: number;
}

/** The shop's buyer messages, newest first (the development outbox is `transport: development`). */
export async function listBuyerMessages(db: Executor, shopId: number, q: MessageQuery): Promise<BuyerMessageList> {
  const conditions: SQL[] = [eq(outboxMessages.shopId, shopId), ne(outboxMessages.channel, 'webhook')];
  if (q.channel) conditions.push(eq(outboxMessages.channel, q.channel));
  if (q.status) conditions.push(eq(outboxMessages.status, q.status));
  if (q.transport) conditions.push(eq(outboxMessages.transport, q.transport));
  if (q.before) conditions.push(lt(outboxMessages.id, q.before));
  if (q.orderNumber) {
    const [order] = await db.select({ id: orders.id }).from(orders).where(and(eq(orders.shopId, shopId), eq(orders.orderNumber, q.orderNumber))).limit(1);
    if (!order) return { messages: [], nextBefore: null };
    conditions.push(eq(outboxMessages.orderId, order.id));
  }
  const rows = await db
    .select({ m: outboxMessages, orderNumber: orders.orderNumber })
    .from(outboxMessages)
    .leftJoin(orders, and(eq(orders.shopId, outboxMessages.shopId), eq(orders.id, outboxMessages.orderId)))
    .where(and(...conditions))
    .orderBy(desc(outboxMessages.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return { messages: page.map((r) => toMessage(r.m, r.orderNumber)), nextBefore: rows.length > q.limit ? (page.at(-1)?.m.id ?? null) : null };
}

export async function readBuyerMessage(db: Executor, shopId: number, id: number): Promise<BuyerMessageDetail> {
  const [row] = await db
    .select({ m: outboxMessages, orderNumber: orders.orderNumber })
    .from(outboxMessages)
    .leftJoin(orders, and(eq(orders.shopId, outboxMessages.shopId), eq(orders.id, outboxMessages.orderId)))
    .where(and(eq(outboxMessages.shopId, shopId), eq(outboxMessages.id, id), ne(outboxMessages.channel, 'webhook')))
    .limit(1);
  if (!row) throw new AppError('BUYER_MESSAGE_NOT_FOUND', { messageId: id });
  const attempts = await db
    .select({ a: outboxAttempts, staffName: staff.name })
    .from(outboxAttempts)
    .leftJoin(staff, and(eq(staff.shopId, outboxAttempts.shopId), eq(staff.id, outboxAttempts.requestedBy)))
    .where(and(eq(outboxAttempts.shopId, shopId), eq(outboxAttempts.outboxId, id)))
    .orderBy(desc(outboxAttempts.attemptedAt));
  return {
    ...toMessage(row.m, row.orderNumber),
    attemptLog: attempts.map(({ a, staffName }) => ({ attemptedAt: a.attemptedAt.toISOString(), statusCode: a.statusCode, error: a.error, responseExcerpt: a.responseExcerpt, requestedBy: staffName })),
  };
}

async function outcomeOf(db: Executor, shopId: number, id: number): Promise<DeliveryOutcome> {
  const [row] = await db.select({ status: outboxMessages.status, transport: outboxMessages.transport, error: outboxMessages.lastError }).from(outboxMessages).where(and(eq(outboxMessages.shopId, shopId), eq(outboxMessages.id, id)));
  if (!row) throw new AppError('BUYER_MESSAGE_NOT_FOUND', { messageId: id });
  return { status: row.status, transport: row.transport, error: row.status === 'delivered' ? null : row.error };
}

/** Sends the message again now, whatever became of it (the attempt is logged as this staff member's). */
export async function resendBuyerMessage(db: Db, policy: DeliveryPolicy, shopId: number, id: number, staffId: number | null): Promise<DeliveryOutcome> {
  const [row] = await db.select({ id: outboxMessages.id }).from(outboxMessages).where(and(eq(outboxMessages.shopId, shopId), eq(outboxMessages.id, id), ne(outboxMessages.channel, 'webhook')));
  if (!row) throw new AppError('BUYER_MESSAGE_NOT_FOUND', { messageId: id });
  const claimed = await claimOne(db, shopId, id, policy.leaseMs);
  if (!claimed) throw new AppError('BUYER_MESSAGE_NOT_FOUND', { messageId: id });
  await deliverClaimed(db, policy, claimed, staffId);
  return outcomeOf(db, shopId, id);
}

/** A test message through the shop's channel as it is set now, kept in the log like any other (no order). */
export async function sendTestMessage(db: Db, policy: DeliveryPolicy, shopId: number, channel: MessageChannel, rawTo: string, staffId: number | null, now: Date): Promise<DeliveryOutcome> {
  const to = recipientFor(channel, rawTo);
  if (!to) throw new AppError('NOTIFICATION_RECIPIENT_INVALID', { channel });
  const shop = await shopFactsOf(db, shopId);
  const text = `[${shop.name}] 테스트 메시지입니다. 이 메시지가 보이면 ${channel === 'email' ? '이메일' : channel === 'sms' ? '문자' : '알림톡'} 설정이 맞습니다.`;
  const subject = `[${shop.name}] 테스트 메시지`;
  const payload = {
    moment: null as BuyerMoment | null,
    to,
    subject: channel === 'alimtalk' ? null : subject,
    text,
    html: channel === 'email' ? renderEmailHtml({ shopName: shop.name, subject, text }) : null,
    templateCode: null,
    variables: null,
    fallback: channel === 'alimtalk' ? { subject: null, text } : null,
  };
  const [row] = await db
    .insert(outboxMessages)
    .values({ shopId, messageId: newMessageId(), channel, eventType: 'test', orderId: null, payload, recipient: to, status: 'failed', nextAttemptAt: now, createdAt: now })
    .returning({ id: outboxMessages.id });
  if (!row) throw new Error('the test message was not written');
  return resendBuyerMessage(db, policy, shopId, row.id, staffId);
}
