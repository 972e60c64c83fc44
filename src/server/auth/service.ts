import type { FastifyReply } from 'fastify';
import { and, eq } from 'drizzle-orm';
import type { Db, Executor } from '../db/client';
import { staff } from '../db/schema/index';
import { AppError } from '../http/errors';
import type { Principal } from './principal';
import { isApiScope } from '../../domain/permissions';
import { deleteSession, findApiKey, noteKeyUse, findSessionStaff, findStaffAccountsByEmail, insertSession, shopExists } from './queries';
import { randomToken, sha256, splitShopCredential, verifyPassword, verifyPasswordOrDecoy } from './secrets';
import { recordAuditEvent } from '../audit/record';
import { admission, clearThrottle, recordFailure, refusal, type Subject } from './throttle';

export const SESSION_COOKIE = 'jumun_session';
export const SESSION_DAYS = 14;

export interface SessionCookie {
  cookie: string;
  expiresAt: Date;
}

/** What a sign-in answers: a session, or the shops the password opened an account in (the person chooses). */
export type LoginOutcome = { session: SessionCookie } | { chooseShop: Array<{ id: number; name: string }> };

/** A new session for the staff member, noted as their last sign-in; the cookie value is `<shopId>.<token>` (only the token's hash is stored). */
export async function startSession(db: Executor, member: { shopId: number; id: number }, now: Date): Promise<SessionCookie> {
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await insertSession(db, { shopId: member.shopId, tokenHash: sha256(token), staffId: member.id, expiresAt });
  await db.update(staff).set({ lastSignInAt: now }).where(and(eq(staff.shopId, member.shopId), eq(staff.id, member.id)));
  return { cookie: `${member.shopId}.${token}`, expiresAt };
}

/**
 * Signs a staff member in. The same e-mail may have an account in several shops: the password is
 * tried against each (of the one shop asked for, when `shopId` is given); when it opens more than
 * one and no shop was asked for, the answer is the list of those shops and no session. Failures are
 * counted per e-mail and per client address; while either is slowed down or locked, attempts are
 * refused before the password is even looked at, so a refusal says nothing about whether the
 * password was right, and a wrong one says nothing about which shops know the e-mail.
 */
export async function login(db: Db, email: string, password: string, now: Date, clientAddress: string, shopId?: number): Promise<LoginOutcome> {
  const account: Subject = { kind: 'account', value: email };
  const address: Subject = { kind: 'address', value: clientAddress };
  const subject = email.toLowerCase();
  const accounts = (await findStaffAccountsByEmail(db, email)).filter((a) => shopId === undefined || a.staff.shopId === shopId);
  const first = accounts[0]?.staff;
  // the shop of a known account sees every attempt on it in its security record
  const known = { shopId: first?.shopId ?? null, staffId: first?.id ?? null };
  const verdict = await admission(db, [account, address], now);
  if (!verdict.allowed) {
    for (const shop of accounts.length > 0 ? accounts.map((a) => ({ shopId: a.staff.shopId, staffId: a.staff.id })) : [known]) {
      await recordAuditEvent(db, { kind: 'sign_in_refused', ...shop, subject, clientAddress, detail: { locked: verdict.locked, retryAfterSeconds: verdict.retryAfterSeconds } });
    }
    throw refusal(verdict, verdict.locked ? 'SIGN_IN_LOCKED' : 'SIGN_IN_THROTTLED');
  }
  const tried = accounts.length > 0 ? await Promise.all(accounts.map(async (a) => ({ ...a, ok: await verifyPassword(password, a.staff.passwordHash) }))) : [];
  if (accounts.length === 0) await verifyPasswordOrDecoy(password, null);
  const opened = tried.filter((a) => a.ok && a.staff.active);
  if (opened.length === 0) {
    const { locked } = await recordFailure(db, [{ ...account, ...known }, address], now);
    if (tried.length === 0) await recordAuditEvent(db, { kind: 'sign_in_failed', subject, clientAddress, detail: { reason: 'unknown account' } });
    for (const a of tried) {
      await recordAuditEvent(db, { kind: 'sign_in_failed', shopId: a.staff.shopId, staffId: a.staff.id, subject, clientAddress, detail: { reason: a.ok ? 'inactive' : 'password' } });
    }
    for (const lockedSubject of locked) {
      await recordAuditEvent(db, { kind: 'sign_in_locked', ...(lockedSubject.kind === 'account' ? known : {}), subject: `${lockedSubject.kind}:${lockedSubject.value}`, clientAddress });
    }
    throw new AppError('INVALID_CREDENTIALS');
  }
  await clearThrottle(db, account);
  const [only] = opened;
  if (opened.length > 1 || !only) return { chooseShop: opened.map((a) => ({ id: a.staff.shopId, name: a.shopName })) };
  await recordAuditEvent(db, { kind: 'sign_in_succeeded', shopId: only.staff.shopId, staffId: only.staff.id, subject, clientAddress });
  return { session: await startSession(db, only.staff, now) };
}

export async function logout(db: Db, cookie: string) {
  const parts = splitShopCredential(cookie, '.');
  if (parts) await deleteSession(db, parts.shopId, sha256(parts.secret));
}

export async function principalFromSession(db: Db, cookie: string, now: Date): Promise<(Principal & { shopName: string }) | null> {
  const parts = splitShopCredential(cookie, '.');
  if (!parts) return null;
  const row = await findSessionStaff(db, parts.shopId, sha256(parts.secret), now);
  if (!row) return null;
  const s = row.staff;
  return { kind: 'staff', shopId: s.shopId, staffId: s.id, name: s.name, email: s.email, role: s.role, shopName: row.shopName };
}

/**
 * API keys read `jm_<shopId>_<secret>`. Wrong keys are counted per client address like failed
 * sign-ins; while an address is slowed down or locked its keys are refused unread, right or wrong.
 */
export async function principalFromApiKey(db: Db, key: string, clientAddress: string, now: Date): Promise<Principal> {
  const address: Subject = { kind: 'api-key-address', value: clientAddress };
  const verdict = await admission(db, [address], now);
  if (!verdict.allowed) {
    await recordAuditEvent(db, { kind: 'api_key_refused', clientAddress, detail: { locked: verdict.locked, retryAfterSeconds: verdict.retryAfterSeconds } });
    throw refusal(verdict, 'API_KEY_THROTTLED');
  }
  const parts = key.startsWith('jm_') ? splitShopCredential(key.slice(3), '_') : null;
  const row = parts ? await findApiKey(db, parts.shopId, sha256(parts.secret)) : undefined;
  if (parts && row) {
    await noteKeyUse(db, parts.shopId, row, now);
    return { kind: 'api', shopId: parts.shopId, keyId: row.id, keyName: row.name, scopes: row.scopes.filter(isApiScope) };
  }
  const { locked } = await recordFailure(db, [address], now);
  // the key's own shop hears of the guess when the key names one (it may be its own key, mistyped)
  const shopId = parts && (await shopExists(db, parts.shopId)) ? parts.shopId : null;
  await recordAuditEvent(db, { kind: 'api_key_failed', shopId, clientAddress, detail: { key: parts ? `jm_${parts.shopId}_…` : 'malformed' } });
  if (locked.length > 0) await recordAuditEvent(db, { kind: 'api_key_locked', shopId, clientAddress });
  throw new AppError('INVALID_API_KEY');
}

/** The session cookie as every door that signs staff in sets it. */
export function setSessionCookie(reply: FastifyReply, session: SessionCookie, secure: boolean | 'auto') {
  reply.setCookie(SESSION_COOKIE, session.cookie, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: session.expiresAt });
}
