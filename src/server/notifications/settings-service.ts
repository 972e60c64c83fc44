import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type {
  NotificationSettings,
  NotificationTemplate,
  TemplatePreview,
  UpdateNotificationSettingsRequest,
  UpdateNotificationTemplateRequest,
} from '../../contracts/notifications';
import { BUYER_MOMENTS, MESSAGE_CHANNELS, variablesOf, type BuyerMoment, type MessageChannel } from '../../domain/buyer-message-moments';
import { textMessageKind, unknownVariables } from '../../domain/buyer-message-render';
import { courierLabel, trackingUrl } from '../../domain/couriers';
import { formatWon } from '../../domain/money';
import type { Executor } from '../db/client';
import { notificationSettings, notificationTemplates, orders, paymentRequests, refunds, shipmentGroups } from '../db/schema/index';
import { AppError } from '../http/errors';
import { momentFacts, type OrderFacts } from './facts';
import { publicBaseUrl } from './links';
import { commonValues, composeMessage, orderFactsOf, shopFactsOf } from './queue';
import { loadSettings, loadTemplates, storedSettingsRow } from './settings';

export async function readNotificationSettings(db: Executor, shopId: number): Promise<NotificationSettings> {
  const s = await loadSettings(db, shopId);
  return {
    moments: s.moments,
    email: { source: s.smtpSource, host: s.smtp?.host ?? null, port: s.smtp?.port ?? null, secure: s.smtp?.secure ?? false, user: s.smtp?.user ?? null, passwordSet: Boolean(s.smtp?.password), from: s.smtp?.from ?? null },
    messaging: { source: s.messagingSource, provider: 'solapi', apiKey: s.messaging?.apiKey ?? null, apiSecretSet: Boolean(s.messaging?.apiSecret), sender: s.messaging?.sender ?? null, pfId: s.messaging?.pfId ?? null },
  };
}

/** Changes what the request names; secrets left out are kept (they are never read back). */
export async function updateNotificationSettings(tx: Executor, shopId: number, body: UpdateNotificationSettingsRequest, now: Date): Promise<NotificationSettings> {
  const row = await storedSettingsRow(tx, shopId);
  const moments: Record<string, Record<string, boolean>> = { ...(row?.moments ?? {}) };
  for (const [moment, switches] of Object.entries(body.moments ?? {})) moments[moment] = { ...(moments[moment] ?? {}), ...switches };
  let smtp = row?.smtp ?? null;
  if (body.email === null) smtp = null;
  else if (body.email) {
    const keep = body.email.password === undefined ? (smtp?.password ?? null) : body.email.password;
    smtp = { host: body.email.host, port: body.email.port, secure: body.email.secure, user: body.email.user ?? null, password: keep, from: body.email.from };
  }
  let messaging = row?.messaging ?? null;
  if (body.messaging === null) messaging = null;
  else if (body.messaging) {
    const secret = body.messaging.apiSecret ?? (typeof messaging?.apiSecret === 'string' ? messaging.apiSecret : null);
    if (!secret) throw new AppError('VALIDATION_FAILED', { field: 'messaging.apiSecret', reason: 'the API secret is required the first time' });
    messaging = { provider: 'solapi', apiKey: body.messaging.apiKey, apiSecret: secret, sender: body.messaging.sender.replace(/\D/g, ''), pfId: body.messaging.pfId ?? null, baseUrl: messaging?.baseUrl ?? null };
  }
  await tx
    .insert(notificationSettings)
    .values({ shopId, moments, smtp, messaging, updatedAt: now })
    .onConflictDoUpdate({ target: notificationSettings.shopId, set: { moments, smtp, messaging, updatedAt: now } });
  return readNotificationSettings(tx, shopId);
}

export async function listTemplates(db: Executor, shopId: number, moments: readonly BuyerMoment[] = BUYER_MOMENTS, channels: readonly MessageChannel[] = MESSAGE_CHANNELS): Promise<NotificationTemplate[]> {
  const book = await loadTemplates(db, shopId, moments, channels);
  return moments.flatMap((moment) =>
    channels.map((channel) => {
      const t = book.get(`${moment}:${channel}`);
      if (!t) throw new Error(`no template for ${moment}:${channel}`);
      return { moment, channel, subject: t.subject, body: t.body, templateCode: t.templateCode, isDefault: t.isDefault, variables: [...variablesOf(moment)] };
    }),
  );
}

function checkTemplate(moment: BuyerMoment, channel: MessageChannel, subject: string | null | undefined, body: string) {
  const unknown = unknownVariables(`${subject ?? ''}\n${body}`, moment);
  if (unknown.length > 0) throw new AppError('NOTIFICATION_TEMPLATE_UNKNOWN_VARIABLE', { unknown, offered: variablesOf(moment) });
  if (channel === 'email' && !subject?.trim()) throw new AppError('NOTIFICATION_TEMPLATE_SUBJECT_REQUIRED', { moment });
}

export async function saveTemplate(tx: Executor, shopId: number, moment: BuyerMoment, channel: MessageChannel, body: UpdateNotificationTemplateRequest, now: Date): Promise<NotificationTemplate> {
  checkTemplate(moment, channel, body.subject, body.body);
  const values = { subject: body.subject ?? null, body: body.body, templateCode: channel === 'alimtalk' ? (body.templateCode ?? null) : null, updatedAt: now };
  await tx
    .insert(notificationTemplates)
    .values({ shopId, moment, channel, ...values })
    .onConflictDoUpdate({ target: [notificationTemplates.shopId, notificationTemplates.moment, notificationTemplates.channel], set: values });
  return templateOf(tx, shopId, moment, channel);
}

export async function resetTemplate(tx: Executor, shopId: number, moment: BuyerMoment, channel: MessageChannel): Promise<NotificationTemplate> {
  await tx.delete(notificationTemplates).where(and(eq(notificationTemplates.shopId, shopId), eq(notificationTemplates.moment, moment), eq(notificationTemplates.channel, channel)));
  return templateOf(tx, shopId, moment, channel);
}

async function templateOf(db: Executor, shopId: number, moment: BuyerMoment, channel: MessageChannel): Promise<NotificationTemplate> {
  const [found] = await listTemplates(db, shopId, [moment], [channel]);
  if (!found) throw new Error(`no template for ${moment}:${channel}`);
  return found;
}

/**
 * The moment's own figures for a preview: the order's real ones where it has them (its newest
 * parcel, request, refund), an example where it does not, so every variable shows what it becomes.
 */
async function previewMomentValues(db: Executor, shopId: number, order: OrderFacts, moment: BuyerMoment): Promise<Record<string, string>> {
  const received = await momentFacts(db, shopId, order, { moment: 'order_received', subject: 'preview' });
  const values: Record<string, string> = { ...received.values, 주문금액: formatWon(order.totalAmount), 입금금액: received.values.입금금액 ?? formatWon(order.totalAmount), 입금기한: received.values.입금기한 ?? '2026-12-31 23:59', 사유: '단순 변심' };
  const [parcel] = await db
    .select({ courier: shipmentGroups.courier, trackingNumber: shipmentGroups.trackingNumber })
    .from(shipmentGroups)
    .where(and(eq(shipmentGroups.shopId, shopId), eq(shipmentGroups.orderId, order.id), isNotNull(shipmentGroups.trackingNumber)))
    .limit(1);
  const courier = parcel?.courier ?? 'CJ';
  const tracking = parcel?.trackingNumber ?? '123456789012';
  Object.assign(values, { 택배사: courierLabel(courier, 'ko'), 송장번호: tracking, 배송조회링크: trackingUrl(courier, tracking) ?? '' });
  if (moment === 'payment_requested') {
    const [request] = await db.select().from(paymentRequests).where(and(eq(paymentRequests.shopId, shopId), eq(paymentRequests.orderId, order.id))).orderBy(desc(paymentRequests.id)).limit(1);
    Object.assign(values, { 요청금액: formatWon(request?.amount ?? 5_000), 요청사유: request?.reason ?? '옵션 변경 차액', 결제기한: '2026-12-31 23:59까지', 결제링크: `${publicBaseUrl()}/my/orders/${encodeURIComponent(order.orderNumber)}` });
  }
  if (moment === 'refund_completed') {
    const [refund] = await db.select({ amount: refunds.amount }).from(refunds).where(and(eq(refunds.shopId, shopId), eq(refunds.orderId, order.id))).orderBy(desc(refunds.id)).limit(1);
    Object.assign(values, { 환불금액: formatWon(refund?.amount ?? order.totalAmount), 환불방법: order.paymentMethod === 'card' ? '카드 결제 취소' : '계좌 환불' });
  }
  return values;
}

/** The template as a buyer would receive it, filled with a real order's facts (the shop's newest when no number is given). */
export async function previewTemplate(
  db: Executor,
  shopId: number,
  req: { moment: BuyerMoment; channel: MessageChannel; subject?: string | null | undefined; body: string; orderNumber?: string | undefined },
): Promise<TemplatePreview> {
  const [picked] = await db
    .select({ id: orders.id })
    .from(orders)
    .where(req.orderNumber ? and(eq(orders.shopId, shopId), eq(orders.orderNumber, req.orderNumber)) : eq(orders.shopId, shopId))
    .orderBy(desc(orders.orderedAt))
    .limit(1);
  if (!picked) throw new AppError('PREVIEW_ORDER_NOT_FOUND', { orderNumber: req.orderNumber ?? null });
  const [order] = await orderFactsOf(db, shopId, [picked.id]);
  if (!order) throw new AppError('PREVIEW_ORDER_NOT_FOUND', { orderNumber: req.orderNumber ?? null });
  const shop = await shopFactsOf(db, shopId);
  const values = { ...commonValues(shop, order, `${publicBaseUrl()}/my/orders/${encodeURIComponent(order.orderNumber)}`), ...(await previewMomentValues(db, shopId, order, req.moment)) };
  const book = new Map([[`${req.moment}:${req.channel}` as const, { subject: req.subject ?? null, body: req.body, templateCode: null, isDefault: false }]]);
  const message = composeMessage(book, shop, req.moment, req.channel, values, req.channel === 'email' ? (order.ordererEmail ?? '') : order.ordererPhone);
  return { orderNumber: order.orderNumber, subject: message.subject, text: message.text, html: message.html, smsKind: req.channel === 'email' ? null : textMessageKind(message.text) };
}
