/**
 * Member hand-off (like Shopify's Multipass): a storefront that has signed its member in sends the
 * browser to My Page with a token it signed for that member with the shop's hand-off secret, and
 * the member arrives signed in — no second password. docs/integration.md ("My Page: signing
 * members in") is the storefront's side of it; this file is the exact format:
 *
 *   <shopId>.<payload>.<signature>
 *   payload   = base64url(JSON {"sub": member's storefront id, "iat": unix s, "exp": unix s, "nonce": 16–100 chars})
 *   signature = base64url(HMAC-SHA256(key = the secret's UTF-8 bytes, "<shopId>.<payload>"))
 *
 * base64url without padding. A token lives at most 5 minutes, may be issued up to 30 seconds
 * "in the future" (clocks differ), and works once (its nonce is kept until it expires).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Executor } from '../db/client';
import { buyerHandoffNonces, customers, shops } from '../db/schema/index';
import { createBuyerSession } from './session';

export const HANDOFF_MAX_LIFETIME_SECONDS = 300;
export const HANDOFF_CLOCK_SKEW_SECONDS = 30;

export interface HandoffClaims {
  sub: string;
  iat: number;
  exp: number;
  nonce: string;
}

/** Why a token was refused: for the server's log only — the answer never says (HANDOFF_TOKEN_INVALID). */
export type HandoffRefusal = 'malformed' | 'not configured' | 'signature' | 'claims' | 'lifetime' | 'expired' | 'issued in the future' | 'unknown member' | 'replayed';

export type HandoffCheck = { ok: true; shopId: number; claims: HandoffClaims } | { ok: false; reason: HandoffRefusal };

const SHOP_ID = /^[1-9]\d{0,14}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const unixSeconds = z.number().int().min(0).max(1e11);
// extra fields are ignored, so a storefront may add its own (Multipass does the same)
const claimsSchema = z.object({ sub: z.string().min(1).max(200), iat: unixSeconds, exp: unixSeconds, nonce: z.string().min(16).max(100) });

/** The shop a token names (its first part), or null when it names none. */
export function handoffShopId(token: string): number | null {
  const parts = token.split('.');
  return parts.length === 3 && SHOP_ID.test(parts[0] ?? '') ? Number(parts[0]) : null;
}

function signatureOf(secret: string, signedPart: string): Buffer {
  return createHmac('sha256', secret).update(signedPart).digest();
}

/** A token as a storefront signs one (tests and the documentation's example use it; the demo storefront has its own). */
export function signHandoffToken(shopId: number, secret: string, claims: HandoffClaims): string {
  const signed = `${shopId}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${signed}.${signatureOf(secret, signed).toString('base64url')}`;
}

function claimsOf(payload: string): HandoffClaims | null {
  try {
    const parsed = claimsSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Checks a token's signature (in constant time) and its times against the shop's secret, at `now`.
 * Pure: whether the member exists and the nonce is fresh is the database's to say (redeemHandoffToken).
 */
export function checkHandoffToken(token: string, secret: string, now: Date): HandoffCheck {
  const parts = token.split('.');
  const [shop = '', payload = '', signature = ''] = parts;
  if (parts.length !== 3 || !SHOP_ID.test(shop) || !BASE64URL.test(payload) || !BASE64URL.test(signature)) return { ok: false, reason: 'malformed' };
  const expected = signatureOf(secret, `${shop}.${payload}`);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature' };
  const claims = claimsOf(payload);
  if (!claims) return { ok: false, reason: 'claims' };
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (claims.exp <= claims.iat || claims.exp - claims.iat > HANDOFF_MAX_LIFETIME_SECONDS) return { ok: false, reason: 'lifetime' };
  if (claims.exp <= nowSeconds) return { ok: false, reason: 'expired' };
  if (claims.iat > nowSeconds + HANDOFF_CLOCK_SKEW_SECONDS) return { ok: false, reason: 'issued in the future' };
  return { ok: true, shopId: Number(shop), claims };
}

export type HandoffRedemption = { ok: true; shopId: number; customerId: number; cookie: string; expiresAt: Date } | { ok: false; reason: HandoffRefusal };

/**
 * Signs the token's member in: the token checks out, the member is the shop's (by the storefront's
 * id), and its nonce has not been used — the nonce is spent in the same transaction that opens the
 * session, so two tabs racing with one token get one session between them.
 */
export async function redeemHandoffToken(db: Db, token: string, now: Date): Promise<HandoffRedemption> {
  const shopId = handoffShopId(token);
  if (shopId === null) return { ok: false, reason: 'malformed' };
  const [shop] = await db.select({ secret: shops.handoffSecret }).from(shops).where(eq(shops.id, shopId)).limit(1);
  if (!shop?.secret) return { ok: false, reason: 'not configured' };
  const check = checkHandoffToken(token, shop.secret, now);
  if (!check.ok) return check;
  const { sub, nonce, exp } = check.claims;
  return db.transaction(async (tx): Promise<HandoffRedemption> => {
    const [member] = await tx.select({ id: customers.id }).from(customers).where(and(eq(customers.shopId, shopId), eq(customers.externalId, sub))).limit(1);
    if (!member) return { ok: false, reason: 'unknown member' };
    const spent = await tx
      .insert(buyerHandoffNonces)
      .values({ shopId, nonce, usedAt: now, expiresAt: new Date(exp * 1000) })
      .onConflictDoNothing()
      .returning({ nonce: buyerHandoffNonces.nonce });
    if (spent.length === 0) return { ok: false, reason: 'replayed' };
    const session = await createBuyerSession(tx, { shopId, buyer: 'member', customerId: member.id }, now);
    return { ok: true, shopId, customerId: member.id, ...session };
  });
}

// ── the shop's secret ────────────────────────────────────────────────────────────────────────────

/** 32 random bytes; the `jhs_` prefix only tells people what the string is. */
export const newHandoffSecret = () => `jhs_${randomBytes(32).toString('base64url')}`;

/** A new secret for the shop; the old one stops at once (sessions already open stay open). */
export async function replaceHandoffSecret(db: Executor, shopId: number): Promise<string> {
  const secret = newHandoffSecret();
  await db.update(shops).set({ handoffSecret: secret }).where(eq(shops.id, shopId));
  return secret;
}

/**
 * The shop's secret, made now when it has none (the demo storefront's start); never replaces one
 * an owner set. Null when the shop does not exist. Safe when two servers start at once.
 */
export async function ensureHandoffSecret(db: Executor, shopId: number): Promise<string | null> {
  await db.update(shops).set({ handoffSecret: newHandoffSecret() }).where(and(eq(shops.id, shopId), isNull(shops.handoffSecret)));
  const [shop] = await db.select({ secret: shops.handoffSecret }).from(shops).where(eq(shops.id, shopId)).limit(1);
  return shop?.secret ?? null;
}

/** Whether the shop has a secret, and its last 4 characters so staff can tell which one. */
export async function handoffSecretStatus(db: Executor, shopId: number): Promise<{ configured: boolean; hint: string | null }> {
  const [shop] = await db.select({ secret: shops.handoffSecret }).from(shops).where(eq(shops.id, shopId)).limit(1);
  const secret = shop?.secret ?? null;
  return { configured: secret !== null, hint: secret ? secret.slice(-4) : null };
}
