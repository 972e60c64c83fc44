import { ROLE_LABELS } from '../../domain/permissions';
import { randomToken, sha256, splitShopCredential } from '../auth/secrets';
import type { Executor } from '../db/client';
import { renderEmailHtml } from '../notifications/email-html';
import { publicBaseUrl } from '../notifications/links';
import { loadSettings, type SmtpSettings } from '../notifications/settings';
import type { MailTransport } from '../notifications/transport-types';
import { insertStaffToken, type StaffTokenRow } from './queries';

/** An invitation waits a week (a new colleague may start on Monday); a reset a day (its owner asked for it now). */
export const INVITE_DAYS = 7;
export const RESET_HOURS = 24;

export type Mailer = (settings: SmtpSettings) => MailTransport;

/** A new one-time link: the row keeps only the secret's hash; the secret goes to its maker once. */
export async function createStaffToken(tx: Executor, row: Omit<Parameters<typeof insertStaffToken>[1], 'tokenHash' | 'expiresAt'>, now: Date): Promise<{ token: StaffTokenRow; secret: string }> {
  const secret = randomToken(24);
  const lifetimeMs = row.purpose === 'invite' ? INVITE_DAYS * 86_400_000 : RESET_HOURS * 3_600_000;
  const token = await insertStaffToken(tx, { ...row, tokenHash: sha256(secret), expiresAt: new Date(now.getTime() + lifetimeMs), createdAt: now });
  return { token, secret };
}

/** `/invite/<shopId>.<secret>`: the admin's page for both invitations and resets. */
export const linkPath = (shopId: number, secret: string) => `/invite/${shopId}.${secret}`;

export function parseLink(token: string): { shopId: number; secret: string } | null {
  return splitShopCredential(token, '.');
}

/**
 * Mails the link when the shop has a mail server (its own SMTP settings, else the server's
 * environment), right after the link's transaction committed. Sent directly rather than through
 * the outbox: the outbox keeps what it sends readable to managers on the message log, and a link
 * that opens an owner's account must not lie there. A mail that fails is not retried: the maker
 * sees the link on screen either way (`emailed: false`) and can pass it on.
 */
export async function mailStaffLink(db: Executor, mailer: Mailer, input: { shopId: number; shopName: string; to: string; name: string; purpose: 'invite' | 'reset'; role: keyof typeof ROLE_LABELS; url: string }): Promise<boolean> {
  const settings = await loadSettings(db, input.shopId);
  if (!settings.smtp) return false;
  const subject = input.purpose === 'invite' ? `[${input.shopName}] 주문 관리 직원으로 초대합니다` : `[${input.shopName}] 비밀번호 재설정 링크`;
  const text =
    input.purpose === 'invite'
      ? `${input.name}님, ${input.shopName}에서 ${ROLE_LABELS[input.role]} 권한으로 초대했습니다.\n\n아래 링크에서 비밀번호를 정하면 바로 시작할 수 있습니다 (${INVITE_DAYS}일 동안, 한 번만 쓸 수 있습니다).\n\n${input.url}`
      : `${input.name}님, ${input.shopName}의 비밀번호를 새로 정할 수 있는 링크입니다.\n\n아래 링크는 ${RESET_HOURS}시간 동안 한 번만 쓸 수 있습니다. 새 비밀번호를 정하면 다른 기기의 로그인은 모두 끝납니다.\n\n${input.url}`;
  const transport = mailer(settings.smtp);
  try {
    const outcome = await transport.send({ to: input.to, subject, text, html: renderEmailHtml({ shopName: input.shopName, subject, text }) });
    return outcome.kind === 'delivered' || outcome.kind === 'accepted';
  } catch {
    return false;
  } finally {
    transport.close();
  }
}

export const absoluteUrl = (path: string) => `${publicBaseUrl()}${path}`;
