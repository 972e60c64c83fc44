import type { Db } from '../db/client';
import { AppError } from '../http/errors';
import type { Principal } from './principal';
import { deleteSession, findApiKey, findSessionStaff, findStaffByEmail, insertSession } from './queries';
import { hashPassword, randomToken, sha256, verifyPassword } from './secrets';

export const SESSION_COOKIE = 'jumun_session';
export const SESSION_DAYS = 14;

// Compared against when the e-mail is unknown, so a wrong e-mail costs as long as a wrong password.
const decoyHash = hashPassword('decoy-password-never-matches');

/** Signs a staff member in; answers the cookie value `<shopId>.<token>` (only the token's hash is stored). */
export async function login(db: Db, email: string, password: string, now: Date) {
  const member = await findStaffByEmail(db, email);
  const ok = await verifyPassword(password, member?.passwordHash ?? (await decoyHash));
  if (!member || !ok || !member.active) throw new AppError('INVALID_CREDENTIALS');
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await insertSession(db, { shopId: member.shopId, tokenHash: sha256(token), staffId: member.id, expiresAt });
  return { cookie: `${member.shopId}.${token}`, expiresAt };
}

function splitCredential(value: string, separator: string): { shopId: number; secret: string } | null {
  const at = value.indexOf(separator);
  if (at <= 0) return null;
  const shopId = Number(value.slice(0, at));
  const secret = value.slice(at + separator.length);
  return Number.isSafeInteger(shopId) && shopId > 0 && secret.length > 0 ? { shopId, secret } : null;
}

export async function logout(db: Db, cookie: string) {
  const parts = splitCredential(cookie, '.');
  if (parts) await deleteSession(db, parts.shopId, sha256(parts.secret));
}

export async function principalFromSession(db: Db, cookie: string, now: Date): Promise<(Principal & { shopName: string }) | null> {
  const parts = splitCredential(cookie, '.');
  if (!parts) return null;
  const row = await findSessionStaff(db, parts.shopId, sha256(parts.secret), now);
  if (!row) return null;
  const s = row.staff;
  return { kind: 'staff', shopId: s.shopId, staffId: s.id, name: s.name, email: s.email, role: s.role, shopName: row.shopName };
}

/** API keys read `jm_<shopId>_<secret>`. */
export async function principalFromApiKey(db: Db, key: string): Promise<Principal | null> {
  if (!key.startsWith('jm_')) return null;
  const parts = splitCredential(key.slice(3), '_');
  if (!parts) return null;
  const row = await findApiKey(db, parts.shopId, sha256(parts.secret));
  return row ? { kind: 'api', shopId: parts.shopId, keyId: row.id, keyName: row.name } : null;
}
