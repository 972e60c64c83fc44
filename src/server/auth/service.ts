import type { Db } from '../db/client';
import { AppError } from '../http/errors';
import type { Principal } from './principal';
import { isApiScope } from '../../domain/permissions';
import { deleteSession, findApiKey, noteKeyUse, findSessionStaff, findStaffByEmail, insertSession, shopExists } from './queries';
import { randomToken, sha256, splitShopCredential, verifyPasswordOrDecoy } from './secrets';
import { recordAuditEvent } from '../audit/record';
import { admission, clearThrottle, recordFailure, refusal, type Subject } from './throttle';

export const SESSION_COOKIE = 'jumun_session';
export const SESSION_DAYS = 14;

/**
 * Signs a staff member in; answers the cookie value `<shopId>.<token>` (only the token's hash is
 * stored). Failures are counted per account and per client address; while either is slowed down
 * or locked, attempts are refused before the password is even looked at, so a refusal says
 * nothing about whether the password was right.
 */
export async function login(db: Db, email: string, password: string, now: Date, clientAddress: string) {
  const account: Subject = { kind: 'account', value: email };
  const address: Subject = { kind: 'address', value: clientAddress };
  const member = await findStaffByEmail(db, email);
  // the shop of a known account sees every attempt on it in its security record
  const known = { shopId: member?.shopId ?? null, staffId: member?.id ?? null };
  const verdict = await admission(db, [account, address], now);
  if (!verdict.allowed) {
    await recordAuditEvent(db, { kind: 'sign_in_refused', ...known, subject: email.toLowerCase(), clientAddress, detail: { locked: verdict.locked, retryAfterSeconds: verdict.retryAfterSeconds } });
    throw refusal(verdict, verdict.locked ? 'SIGN_IN_LOCKED' : 'SIGN_IN_THROTTLED');
  }
  const ok = await verifyPasswordOrDecoy(password, member?.passwordHash);
  if (!member || !ok || !member.active) {
    const { locked } = await recordFailure(db, [{ ...account, ...known }, address], now);
    await recordAuditEvent(db, { kind: 'sign_in_failed', ...known, subject: email.toLowerCase(), clientAddress, detail: { reason: member ? (ok ? 'inactive' : 'password') : 'unknown account' } });
    for (const subject of locked) {
      await recordAuditEvent(db, { kind: 'sign_in_locked', ...(subject.kind === 'account' ? known : {}), subject: `${subject.kind}:${subject.value}`, clientAddress });
    }
    throw new AppError('INVALID_CREDENTIALS');
  }
  await clearThrottle(db, account);
  await recordAuditEvent(db, { kind: 'sign_in_succeeded', shopId: member.shopId, staffId: member.id, subject: email.toLowerCase(), clientAddress });
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await insertSession(db, { shopId: member.shopId, tokenHash: sha256(token), staffId: member.id, expiresAt });
  return { cookie: `${member.shopId}.${token}`, expiresAt };
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
