import { eq } from 'drizzle-orm';
import { mergeMomentSwitches, type BuyerMoment, type MessageChannel, type MomentSwitches } from '../../domain/buyer-message-moments';
import { defaultTemplate, type MessageTemplate } from '../../domain/buyer-message-templates';
import type { Executor } from '../db/client';
import { notificationSettings, notificationTemplates } from '../db/schema/index';

export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  password: string | null;
  from: string;
}

export interface MessagingSettings {
  provider: 'solapi';
  apiKey: string;
  apiSecret: string;
  sender: string;
  pfId: string | null;
  baseUrl: string | null;
}

export type Source = 'shop' | 'environment' | 'none';

/** A shop's buyer-message settings as they apply now: its own, else the server's environment, else none (development outbox). */
export interface EffectiveSettings {
  moments: MomentSwitches;
  smtp: SmtpSettings | null;
  smtpSource: Source;
  messaging: MessagingSettings | null;
  messagingSource: Source;
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** JUMUN_SMTP_HOST, _PORT (587), _SECURE (1: TLS from the first byte), _USER, _PASSWORD and JUMUN_MAIL_FROM. */
export function smtpFromEnvironment(env: NodeJS.ProcessEnv = process.env): SmtpSettings | null {
  const host = text(env.JUMUN_SMTP_HOST);
  const from = text(env.JUMUN_MAIL_FROM);
  if (!host || !from) return null;
  const port = Number(env.JUMUN_SMTP_PORT ?? 587);
  return { host, port: Number.isInteger(port) && port > 0 ? port : 587, secure: env.JUMUN_SMTP_SECURE === '1', user: text(env.JUMUN_SMTP_USER), password: env.JUMUN_SMTP_PASSWORD ?? null, from };
}

/** JUMUN_SOLAPI_API_KEY, _API_SECRET, _SENDER (발신번호), _PFID (카카오 채널), _URL (another host: a test double). */
export function messagingFromEnvironment(env: NodeJS.ProcessEnv = process.env): MessagingSettings | null {
  const apiKey = text(env.JUMUN_SOLAPI_API_KEY);
  const apiSecret = text(env.JUMUN_SOLAPI_API_SECRET);
  const sender = text(env.JUMUN_SOLAPI_SENDER);
  if (!apiKey || !apiSecret || !sender) return null;
  return { provider: 'solapi', apiKey, apiSecret, sender, pfId: text(env.JUMUN_SOLAPI_PFID), baseUrl: text(env.JUMUN_SOLAPI_URL) };
}

function storedSmtp(v: Record<string, unknown> | null | undefined): SmtpSettings | null {
  if (!v) return null;
  const host = text(v.host);
  const from = text(v.from);
  if (!host || !from || typeof v.port !== 'number') return null;
  return { host, port: v.port, secure: v.secure === true, user: text(v.user), password: typeof v.password === 'string' ? v.password : null, from };
}

function storedMessaging(v: Record<string, unknown> | null | undefined): MessagingSettings | null {
  if (!v) return null;
  const apiKey = text(v.apiKey);
  const apiSecret = text(v.apiSecret);
  const sender = text(v.sender);
  if (!apiKey || !apiSecret || !sender) return null;
  return { provider: 'solapi', apiKey, apiSecret, sender, pfId: text(v.pfId), baseUrl: text(v.baseUrl) };
}

export async function loadSettings(db: Executor, shopId: number, env: NodeJS.ProcessEnv = process.env): Promise<EffectiveSettings> {
  const row = await storedSettingsRow(db, shopId);
  const shopSmtp = storedSmtp(row?.smtp);
  const shopMessaging = storedMessaging(row?.messaging);
  const envSmtp = shopSmtp ? null : smtpFromEnvironment(env);
  const envMessaging = shopMessaging ? null : messagingFromEnvironment(env);
  return {
    moments: mergeMomentSwitches(row?.moments),
    smtp: shopSmtp ?? envSmtp,
    smtpSource: shopSmtp ? 'shop' : envSmtp ? 'environment' : 'none',
    messaging: shopMessaging ?? envMessaging,
    messagingSource: shopMessaging ? 'shop' : envMessaging ? 'environment' : 'none',
  };
}

/** The shop's stored settings row as it is (for an update that keeps what it does not name). */
export async function storedSettingsRow(db: Executor, shopId: number) {
  const [row] = await db.select().from(notificationSettings).where(eq(notificationSettings.shopId, shopId)).limit(1);
  return row ?? null;
}

export type TemplateBook = ReadonlyMap<`${BuyerMoment}:${MessageChannel}`, MessageTemplate & { isDefault: boolean }>;

/** Every template of the shop: its own where it wrote one, else the default. */
export async function loadTemplates(db: Executor, shopId: number, moments: readonly BuyerMoment[], channels: readonly MessageChannel[]): Promise<TemplateBook> {
  const rows = await db.select().from(notificationTemplates).where(eq(notificationTemplates.shopId, shopId));
  const own = new Map(rows.map((r) => [`${r.moment}:${r.channel}`, r]));
  const book = new Map<`${BuyerMoment}:${MessageChannel}`, MessageTemplate & { isDefault: boolean }>();
  for (const moment of moments) {
    for (const channel of channels) {
      const r = own.get(`${moment}:${channel}`);
      book.set(`${moment}:${channel}`, r ? { subject: r.subject, body: r.body, templateCode: r.templateCode, isDefault: false } : { ...defaultTemplate(moment, channel), isDefault: true });
    }
  }
  return book;
}
